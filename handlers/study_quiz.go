package handlers

import (
	"errors"
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/gofiber/fiber/v2"

	"hitpath/models"
)

// errQuizSubmitted answers a second submission of a quiz.
var errQuizSubmitted = fiber.NewError(fiber.StatusConflict, "This quiz was already submitted; start a new one.")

// quizItemView is one item as the quiz and results pages show it.
type quizItemView struct {
	models.QuizItem
	View cardView
}

func quizItemViews(q models.Quiz) ([]quizItemView, error) {
	out := make([]quizItemView, len(q.Items))
	for i, it := range q.Items {
		v, err := renderCard(it.Card)
		if err != nil {
			return nil, err
		}
		out[i] = quizItemView{QuizItem: it, View: v}
	}
	return out, nil
}

// startQuiz validates a quiz request against the learner's target exam and draws it.
func (h *Handlers) startQuiz(c *fiber.Ctx, in models.QuizInput) (models.Quiz, FieldErrors, error) {
	if fields := models.ValidateQuizInput(in); fields != nil {
		return models.Quiz{}, fields, nil
	}
	o, found, err := h.studentOverview(c)
	if err != nil {
		return models.Quiz{}, nil, err
	}
	if !found {
		return models.Quiz{}, FieldErrors{"items": "Set your target credential on your pathway first."}, nil
	}
	seed := h.Now().UnixNano() ^ currentUser(c).ID<<32
	q, err := models.CreateQuiz(c.UserContext(), h.DB, currentUser(c).ID, o.Pathway.TargetCode, o.Outline, in, seed, h.Now())
	switch {
	case errors.Is(err, models.ErrNoQuizItems):
		return q, FieldErrors{"items": fmt.Sprintf("Your decks have no %s multiple-choice items yet; add some to a deck first.", o.Pathway.TargetCode)}, nil
	case errors.Is(err, models.ErrUntimedExam):
		return q, FieldErrors{"timed": fmt.Sprintf("The %s exam's pace is not recorded here; take the quiz untimed.", o.Pathway.TargetCode)}, nil
	}
	return q, nil, err
}

// finishQuiz checks and scores the learner's answers.
func (h *Handlers) finishQuiz(c *fiber.Ctx, id int64, answers map[int]int) (models.QuizResult, FieldErrors, error) {
	q, err := models.LoadQuiz(c.UserContext(), h.DB, currentUser(c).ID, id)
	if err != nil {
		return models.QuizResult{}, nil, err
	}
	if q.SubmittedAt != nil {
		return models.QuizResult{}, nil, errQuizSubmitted
	}
	if fields := models.ValidateQuizAnswers(q, answers); fields != nil {
		return models.QuizResult{}, fields, nil
	}
	outline, err := models.ExamOutlineFor(c.UserContext(), h.DB, q.CredentialCode)
	if err != nil {
		return models.QuizResult{}, nil, err
	}
	sc, err := h.loadStudyContext(c)
	if err != nil {
		return models.QuizResult{}, nil, err
	}
	res, err := models.SubmitQuiz(c.UserContext(), h.DB, q, answers, outline, sc.Plan, h.Now(), h.today(c))
	if errors.Is(err, models.ErrQuizSubmitted) {
		return res, nil, errQuizSubmitted
	}
	return res, nil, err
}

func (h *Handlers) showQuizStart(c *fiber.Ctx) error {
	return h.render(c, fiber.StatusOK, "pages/study_quiz_start", fiber.Map{"Title": "Blueprint quiz", "Input": models.QuizInput{Items: 20}})
}

func (h *Handlers) createQuiz(c *fiber.Ctx) error {
	var in models.QuizInput
	fields, err := formFieldProblems(readForm(c, &in))
	if err != nil {
		return err
	}
	var q models.Quiz
	if fields == nil {
		if q, fields, err = h.startQuiz(c, in); err != nil {
			return err
		}
	}
	if fields != nil {
		return h.render(c, fiber.StatusUnprocessableEntity, "pages/study_quiz_start", fiber.Map{"Title": "Blueprint quiz", "Input": in, "Errors": fields})
	}
	return c.Redirect(fmt.Sprintf("/study/quizzes/%d", q.ID), fiber.StatusSeeOther)
}

func (h *Handlers) showQuiz(c *fiber.Ctx) error {
	id, err := pathID(c, "id")
	if err != nil {
		return err
	}
	q, err := models.LoadQuiz(c.UserContext(), h.DB, currentUser(c).ID, id)
	if err != nil {
		return err
	}
	return h.renderQuiz(c, fiber.StatusOK, q, nil)
}

func (h *Handlers) renderQuiz(c *fiber.Ctx, status int, q models.Quiz, errs FieldErrors) error {
	items, err := quizItemViews(q)
	if err != nil {
		return err
	}
	data := fiber.Map{"Title": "Blueprint quiz", "Quiz": q, "Items": items, "Errors": errs, "Timer": h.quizTimer(c, q),
		"Letters0": []string{"", "A", "B", "C", "D"}}
	if q.SubmittedAt != nil {
		outline, err := models.ExamOutlineFor(c.UserContext(), h.DB, q.CredentialCode)
		if err != nil {
			return err
		}
		data["Result"] = models.ScoreQuiz(q, outline)
	}
	return h.render(c, status, "pages/study_quiz", data)
}

// formAnswers reads answer_N radio buttons (A–D) into positions and options.
func formAnswers(c *fiber.Ctx) map[int]int {
	answers := map[int]int{}
	c.Request().PostArgs().VisitAll(func(k, v []byte) {
		name := string(k)
		if pos, err := strconv.Atoi(strings.TrimPrefix(name, "answer_")); err == nil && strings.HasPrefix(name, "answer_") {
			answers[pos] = optionNumber(string(v))
		}
	})
	return answers
}

// optionNumber turns A–D into 1–4, "" into 0 and anything else into -1 (refused).
func optionNumber(letter string) int {
	switch l := strings.ToUpper(strings.TrimSpace(letter)); l {
	case "":
		return 0
	case "A", "B", "C", "D":
		return int(l[0]-'A') + 1
	}
	return -1
}

// quizTimer is what the quiz page shows of a timed quiz's deadline: the time in the
// learner's own zone (what a page without JavaScript shows) and the seconds left by
// the server's clock, from which quiz.js counts down.
type quizTimer struct {
	Deadline    time.Time
	SecondsLeft int
	Over        bool
}

func (h *Handlers) quizTimer(c *fiber.Ctx, q models.Quiz) *quizTimer {
	if q.TimeLimitMinutes == 0 {
		return nil
	}
	deadline := q.Deadline().In(h.zoneOf(currentUser(c)))
	left := int(deadline.Sub(h.Now()).Seconds())
	return &quizTimer{Deadline: deadline, SecondsLeft: max(left, 0), Over: !q.OnTime(h.Now())}
}

func (h *Handlers) submitQuiz(c *fiber.Ctx) error {
	id, err := pathID(c, "id")
	if err != nil {
		return err
	}
	res, fields, err := h.finishQuiz(c, id, formAnswers(c))
	if err != nil {
		return err
	}
	if fields != nil {
		q, err := models.LoadQuiz(c.UserContext(), h.DB, currentUser(c).ID, id)
		if err != nil {
			return err
		}
		return h.renderQuiz(c, fiber.StatusUnprocessableEntity, q, fields)
	}
	msg := fmt.Sprintf("Scored: %d of %d right. Recorded as a practice exam.", res.Correct, res.Total)
	if late := res.Quiz.LateCount(); late > 0 {
		verb := "answers"
		if late == 1 {
			verb = "answer"
		}
		msg += fmt.Sprintf(" %d %s arrived after the time was up and did not count.", late, verb)
	}
	return h.flashAndRedirect(c, fmt.Sprintf("/study/quizzes/%d", id), msg)
}
