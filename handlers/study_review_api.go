package handlers

import (
	"time"

	"github.com/gofiber/fiber/v2"

	"hitpath/models"
)

// memoryJSON is a learner's memory of one card.
type memoryJSON struct {
	State        string  `json:"state"`
	Due          string  `json:"due"`
	EffectiveDue string  `json:"effective_due"`
	Stability    float64 `json:"stability"`
	Difficulty   float64 `json:"difficulty"`
	Reps         int     `json:"reps"`
	Lapses       int     `json:"lapses"`
	ExamRecall   float64 `json:"exam_recall"`
}

var memoryStates = []string{"new", "learning", "review", "relearning"}

func toMemoryJSON(m models.CardMemory, effective time.Time, examRecall float64) memoryJSON {
	out := memoryJSON{State: memoryStates[m.State], Stability: m.Stability, Difficulty: m.Difficulty, Reps: m.Reps,
		Lapses: m.Lapses, ExamRecall: examRecall}
	if !m.Due.IsZero() {
		out.Due = m.Due.Format(time.RFC3339)
	}
	if !effective.IsZero() {
		out.EffectiveDue = effective.Format(time.RFC3339)
	}
	return out
}

// queuedJSON is one card of the daily queue with the four rating previews.
type queuedJSON struct {
	Card    cardJSON       `json:"card"`
	New     bool           `json:"new"`
	Memory  memoryJSON     `json:"memory"`
	Buttons []ratingButton `json:"buttons"`
}

func (h *Handlers) apiStudyQueue(c *fiber.Ctx) error {
	limit := c.QueryInt("limit", 50)
	if limit < 1 || limit > 500 {
		return &validationError{Fields: FieldErrors{"limit": "Ask for 1 to 500 cards."}}
	}
	sc, err := h.loadStudyContext(c)
	if err != nil {
		return err
	}
	now := h.Now()
	q, err := models.LoadStudyQueue(c.UserContext(), h.DB, currentUser(c).ID, sc.Plan, sc.Settings.NewPerDay, now, h.zoneOf(currentUser(c)), limit)
	if err != nil {
		return err
	}
	out := make([]queuedJSON, len(q.Cards))
	for i, qc := range q.Cards {
		out[i] = queuedJSON{Card: toCardJSON(qc.Card), New: qc.New, Memory: toMemoryJSON(qc.Memory, qc.EffectiveDue, qc.ExamRecall),
			Buttons: previewButtons(qc.Memory, sc.Plan, now)}
	}
	return c.JSON(fiber.Map{"cards": out, "due_count": q.DueCount, "new_today": q.NewToday, "new_left": q.NewLeft,
		"new_paused": q.NewPaused, "exam_mode": sc.Plan.Active()})
}

func (h *Handlers) apiSaveReview(c *fiber.Ctx) error {
	var in models.ReviewInput
	if err := readJSON(c, &in); err != nil {
		return err
	}
	res, fields, err := h.applyReview(c, in)
	if err != nil {
		return err
	}
	if fields != nil {
		return &validationError{Fields: fields}
	}
	status := fiber.StatusCreated
	if res.Repeated {
		status = fiber.StatusOK
	}
	return c.Status(status).JSON(fiber.Map{"card_id": res.CardID, "repeated": res.Repeated,
		"memory": toMemoryJSON(res.Memory, res.EffectiveDue, res.ExamRecall)})
}
