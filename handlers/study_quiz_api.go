package handlers

import (
	"errors"
	"fmt"
	"time"

	"github.com/gofiber/fiber/v2"

	"hitpath/models"
)

// quizItemJSON is one quiz item; the answer and explanation appear once submitted.
type quizItemJSON struct {
	Position       int      `json:"position"`
	CardID         int64    `json:"card_id"`
	DomainPosition int      `json:"domain_position"`
	Stem           string   `json:"stem"`
	Options        []string `json:"options"`
	Chosen         string   `json:"chosen,omitempty"`
	Correct        *string  `json:"correct,omitempty"`
	Right          *bool    `json:"right,omitempty"`
	Explanation    string   `json:"explanation,omitempty"`
	Answered       bool     `json:"answered"`
	Late           bool     `json:"late"`
}

type quizDomainJSON struct {
	Position int     `json:"position"`
	Name     string  `json:"name"`
	Weight   float64 `json:"weight"`
	Items    int     `json:"items"`
	Correct  int     `json:"correct"`
	Percent  float64 `json:"percent"`
}

func toQuizJSON(q models.Quiz, res *models.QuizResult) fiber.Map {
	items := make([]quizItemJSON, len(q.Items))
	for i, it := range q.Items {
		items[i] = quizItemJSON{Position: it.Position, CardID: it.CardID, DomainPosition: it.DomainPosition, Stem: it.Card.Front,
			Options: it.Card.Options(), Answered: it.ChosenOption != 0, Late: it.Late}
		if q.SubmittedAt != nil {
			correct, right := it.Card.CorrectLetter(), it.Correct
			items[i].Chosen, items[i].Correct, items[i].Right, items[i].Explanation = models.OptionLetter(it.ChosenOption), &correct, &right, it.Card.Explanation
		}
	}
	out := fiber.Map{"id": q.ID, "credential_code": q.CredentialCode, "started_at": q.StartedAt.Format(time.RFC3339),
		"time_limit_minutes": q.TimeLimitMinutes, "submitted": q.SubmittedAt != nil, "items": items,
		"deadline": nil, "answers_close_at": nil, "late_answers": q.LateCount()}
	if q.TimeLimitMinutes > 0 {
		out["deadline"], out["answers_close_at"] = q.Deadline().UTC().Format(time.RFC3339), q.AnswersCloseAt().UTC().Format(time.RFC3339)
	}
	if res != nil {
		domains := make([]quizDomainJSON, len(res.Domains))
		for i, d := range res.Domains {
			domains[i] = quizDomainJSON{Position: d.Position, Name: d.Name, Weight: d.Weight, Items: d.Items, Correct: d.Correct, Percent: d.Percent}
		}
		out["score_percent"], out["correct"], out["total"], out["domains"] = q.ScorePercent, res.Correct, res.Total, domains
		out["practice_exam_id"] = q.PracticeExamID
	}
	return out
}

func (h *Handlers) apiCreateQuiz(c *fiber.Ctx) error {
	var in models.QuizInput
	if err := readJSON(c, &in); err != nil {
		return err
	}
	q, fields, err := h.startQuiz(c, in)
	if err != nil {
		return err
	}
	if fields != nil {
		return &validationError{Fields: fields}
	}
	q, err = models.LoadQuiz(c.UserContext(), h.DB, currentUser(c).ID, q.ID)
	if err != nil {
		return err
	}
	return c.Status(fiber.StatusCreated).JSON(toQuizJSON(q, nil))
}

func (h *Handlers) apiShowQuiz(c *fiber.Ctx) error {
	id, err := pathID(c, "id")
	if err != nil {
		return err
	}
	q, err := models.LoadQuiz(c.UserContext(), h.DB, currentUser(c).ID, id)
	if err != nil {
		return err
	}
	if q.SubmittedAt == nil {
		return c.JSON(toQuizJSON(q, nil))
	}
	outline, err := models.ExamOutlineFor(c.UserContext(), h.DB, q.CredentialCode)
	if err != nil {
		return err
	}
	res := models.ScoreQuiz(q, outline)
	return c.JSON(toQuizJSON(q, &res))
}

// quizAnswersBody is POST /api/v1/quizzes/{id}/submit.
type quizAnswersBody struct {
	Answers []struct {
		Position *int    `json:"position"` // required: checked in readQuizAnswers
		Option   *string `json:"option"`   // required: "" leaves the position unanswered
	} `json:"answers" api:"required"`
}

// readQuizAnswers reads the path's quiz id and a quizAnswersBody.
func readQuizAnswers(c *fiber.Ctx) (int64, map[int]int, error) {
	id, err := pathID(c, "id")
	if err != nil {
		return 0, nil, err
	}
	var body quizAnswersBody
	if err := readJSON(c, &body); err != nil {
		return 0, nil, err
	}
	answers := map[int]int{}
	for _, a := range body.Answers {
		switch {
		case a.Position == nil:
			return 0, nil, &validationError{Fields: FieldErrors{"position": msgMissingField}}
		case a.Option == nil:
			return 0, nil, &validationError{Fields: FieldErrors{"option": msgMissingField}}
		}
		if _, twice := answers[*a.Position]; twice {
			return 0, nil, &validationError{Fields: FieldErrors{fmt.Sprintf("answer_%d", *a.Position): "Answer each position once."}}
		}
		answers[*a.Position] = optionNumber(*a.Option)
	}
	return id, answers, nil
}

// apiSaveQuizAnswers records answers before submitting, so those given in time count
// on a timed quiz even if the submission comes late.
func (h *Handlers) apiSaveQuizAnswers(c *fiber.Ctx) error {
	id, answers, err := readQuizAnswers(c)
	if err != nil {
		return err
	}
	q, err := models.LoadQuiz(c.UserContext(), h.DB, currentUser(c).ID, id)
	if err != nil {
		return err
	}
	if fields := models.ValidateQuizAnswers(q, answers); fields != nil {
		return &validationError{Fields: fields}
	}
	q, err = models.SaveQuizAnswers(c.UserContext(), h.DB, q, answers, h.Now())
	if errors.Is(err, models.ErrQuizSubmitted) {
		return errQuizSubmitted
	}
	if err != nil {
		return err
	}
	return c.JSON(toQuizJSON(q, nil))
}

func (h *Handlers) apiSubmitQuiz(c *fiber.Ctx) error {
	id, answers, err := readQuizAnswers(c)
	if err != nil {
		return err
	}
	res, fields, err := h.finishQuiz(c, id, answers)
	if err != nil {
		return err
	}
	if fields != nil {
		return &validationError{Fields: fields}
	}
	return c.JSON(toQuizJSON(res.Quiz, &res))
}

func (h *Handlers) apiItemStats(c *fiber.Ctx) error {
	id, err := pathID(c, "id")
	if err != nil {
		return err
	}
	s, err := models.ItemStatsFor(c.UserContext(), h.DB, currentUser(c).ID, id)
	if err != nil {
		return err
	}
	out := fiber.Map{"item_id": id, "n": s.N, "facility": nil, "discrimination": nil, "discriminative_efficiency": nil, "flagged": s.Flagged}
	if s.N > 0 {
		out["facility"] = s.Facility
	}
	if s.Known {
		out["discrimination"], out["discriminative_efficiency"] = s.Discrimination, s.DiscriminativeEfficiency
	}
	return c.JSON(out)
}
