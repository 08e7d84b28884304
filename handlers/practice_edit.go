package handlers

import (
	"fmt"
	"strconv"
	"time"

	"github.com/gofiber/fiber/v2"

	"hitpath/models"
)

// loadOwnPracticeExam loads the attempt named by :id, if it is the viewer's.
func (h *Handlers) loadOwnPracticeExam(c *fiber.Ctx) (models.PracticeExamRecord, error) {
	id, err := pathID(c, "id")
	if err != nil {
		return models.PracticeExamRecord{}, err
	}
	return models.PracticeExamForUser(c.UserContext(), h.DB, currentUser(c).ID, id)
}

// practiceInputOf fills the practice form with a stored attempt.
func practiceInputOf(r models.PracticeExamRecord) practiceInput {
	in := practiceInput{TakenOn: r.TakenOn.Format(time.DateOnly), Source: r.Source,
		Overall: strconv.FormatFloat(r.OverallPercent, 'f', -1, 64), Domains: map[int]string{}}
	for _, s := range r.Scores {
		in.Domains[s.DomainPosition] = strconv.FormatFloat(s.Percent, 'f', -1, 64)
	}
	return in
}

// updatePracticeRecord checks r (the learner's changed attempt) and saves it.
func (h *Handlers) updatePracticeRecord(c *fiber.Ctx, r *models.PracticeExamRecord, fields FieldErrors) (FieldErrors, error) {
	fields, err := h.checkPracticeRecord(c, r, fields)
	if fields != nil || err != nil {
		return fields, err
	}
	return nil, models.UpdatePracticeExam(c.UserContext(), h.DB, r, h.Now())
}

// practiceEditData is the edit page: the form and the outline of the target exam.
func (h *Handlers) practiceEditData(c *fiber.Ctx, exam models.PracticeExamRecord, input practiceInput, errs FieldErrors) (fiber.Map, error) {
	o, _, err := h.studentOverview(c)
	if err != nil {
		return nil, err
	}
	return fiber.Map{"Title": "Edit the practice exam of " + exam.TakenOn.Format("2 Jan 2006"), "Exam": exam,
		"Input": input, "Errors": errs, "Overview": o}, nil
}

func (h *Handlers) showEditPracticeExam(c *fiber.Ctx) error {
	exam, err := h.loadOwnPracticeExam(c)
	if err != nil {
		return err
	}
	data, err := h.practiceEditData(c, exam, practiceInputOf(exam), nil)
	if err != nil {
		return err
	}
	return h.render(c, fiber.StatusOK, "pages/practice_edit", data)
}

func (h *Handlers) updatePracticeExam(c *fiber.Ctx) error {
	exam, err := h.loadOwnPracticeExam(c)
	if err != nil {
		return err
	}
	input, r, fields := readPracticeForm(c)
	r.ID = exam.ID
	fields, err = h.updatePracticeRecord(c, &r, fields)
	if err != nil {
		return err
	}
	if fields != nil {
		data, err := h.practiceEditData(c, exam, input, fields)
		if err != nil {
			return err
		}
		return h.render(c, fiber.StatusUnprocessableEntity, "pages/practice_edit", data)
	}
	return h.flashAndRedirect(c, "/practice", fmt.Sprintf("Practice exam of %s saved.", r.TakenOn.Format("2 Jan 2006")))
}

func (h *Handlers) apiUpdatePracticeExam(c *fiber.Ctx) error {
	exam, err := h.loadOwnPracticeExam(c)
	if err != nil {
		return err
	}
	r, fields, err := h.practiceRecordFromJSON(c)
	if err != nil {
		return err
	}
	r.ID = exam.ID
	fields, err = h.updatePracticeRecord(c, &r, fields)
	if fields != nil {
		return &validationError{Fields: fields}
	}
	if err != nil {
		return err
	}
	return c.JSON(toPracticeExamJSON(r))
}
