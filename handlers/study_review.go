package handlers

import (
	"errors"
	"fmt"
	"time"

	"github.com/gofiber/fiber/v2"
	"github.com/google/uuid"

	"hitpath/models"
)

// ratingButton is one rating button of the review page with the wait it leads to.
type ratingButton struct {
	Rating   int    `json:"rating"`
	Label    string `json:"label"`
	Interval string `json:"interval"`
}

// reviewPage is the review screen: one card, its answer once shown, and the buttons.
type reviewPage struct {
	Card           *cardView
	Queued         models.QueuedCard
	ShowAnswer     bool
	Buttons        []ratingButton
	ClientReviewID string
	Queue          models.StudyQueue
	Plan           models.ExamPlan
	Beta           bool
}

func (h *Handlers) reviewPageData(c *fiber.Ctx) (fiber.Map, error) {
	sc, err := h.loadStudyContext(c)
	if err != nil {
		return nil, err
	}
	userID, now := currentUser(c).ID, h.Now()
	queue, err := models.LoadStudyQueue(c.UserContext(), h.DB, userID, sc.Plan, sc.Settings.NewPerDay, now, h.zoneOf(currentUser(c)), 1)
	if err != nil {
		return nil, err
	}
	page := reviewPage{Queue: queue, Plan: sc.Plan, Beta: models.ExamModeBeta, ClientReviewID: uuid.NewString()}
	if id := c.QueryInt("card"); id > 0 {
		q, err := models.CardForReview(c.UserContext(), h.DB, userID, int64(id))
		if err != nil {
			return nil, err
		}
		page.Queued, page.ShowAnswer = q, c.Query("show") == "1"
	} else if len(queue.Cards) > 0 {
		page.Queued = queue.Cards[0]
	}
	if page.Queued.Card.ID != 0 {
		view, err := renderCard(page.Queued.Card)
		if err != nil {
			return nil, err
		}
		page.Card = &view
		page.Buttons = previewButtons(page.Queued.Memory, sc.Plan, now)
	}
	return fiber.Map{"Title": "Review", "Review": page}, nil
}

// previewButtons shows, on each rating button, when the card would come back under
// the learner's exam plan.
func previewButtons(m models.CardMemory, plan models.ExamPlan, now time.Time) []ratingButton {
	s := models.NewScheduler(plan.StudyRetention())
	preview := s.Preview(m, now)
	out := make([]ratingButton, 0, len(models.Ratings))
	for _, r := range models.Ratings {
		due, _ := models.EffectiveDue(s, preview[r], plan, now)
		out = append(out, ratingButton{Rating: int(r), Label: r.Label(), Interval: models.IntervalLabel(now, due)})
	}
	return out
}

func (h *Handlers) showReview(c *fiber.Ctx) error {
	data, err := h.reviewPageData(c)
	if err != nil {
		return err
	}
	return h.render(c, fiber.StatusOK, "pages/study_review", data)
}

// applyReview validates a review and records it under the learner's exam plan.
func (h *Handlers) applyReview(c *fiber.Ctx, in models.ReviewInput) (models.ReviewResult, FieldErrors, error) {
	at, fields := models.ValidateReview(in, h.Now())
	if fields != nil {
		return models.ReviewResult{}, fields, nil
	}
	sc, err := h.loadStudyContext(c)
	if err != nil {
		return models.ReviewResult{}, nil, err
	}
	res, err := models.RecordReview(c.UserContext(), h.DB, currentUser(c).ID, in.CardID, models.Rating(in.Rating), in.ClientReviewID, at, sc.Plan)
	if errors.Is(err, models.ErrReviewOutOfOrder) {
		return res, FieldErrors{"reviewed_at": "The card was already reviewed after this time: send reviews in the order they happened."}, nil
	}
	return res, nil, err
}

func (h *Handlers) saveReview(c *fiber.Ctx) error {
	var in models.ReviewInput
	fields, err := formFieldProblems(readForm(c, &in))
	if err != nil {
		return err
	}
	in.ReviewedAt = ""
	var res models.ReviewResult
	if fields == nil {
		if res, fields, err = h.applyReview(c, in); err != nil {
			return err
		}
	}
	if fields != nil {
		// The rating buttons carry no typed text: the page says why and the review stays.
		return fiber.NewError(fiber.StatusUnprocessableEntity, "That rating could not be saved: "+firstMessage(fields))
	}
	return h.flashAndRedirect(c, "/study/review", fmt.Sprintf("Rated %s. Next review %s.",
		models.Rating(in.Rating).Label(), "in "+models.IntervalLabel(h.Now(), res.EffectiveDue)))
}

func firstMessage(fields FieldErrors) string {
	for _, name := range []string{"card_id", "rating", "client_review_id", "reviewed_at"} {
		if m, ok := fields[name]; ok {
			return m
		}
	}
	return "check the form."
}
