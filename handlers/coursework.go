package handlers

import (
	"errors"
	"fmt"
	"strings"

	"github.com/gofiber/fiber/v2"

	"hitpath/models"
)

// courseProgressForm records where a learner is with one course (page and PUT
// /api/v1/coursework/{courseId}).
type courseProgressForm struct {
	Status      string `form:"status" json:"status" validate:"required,oneof=planned in_progress completed"`
	DueOn       string `form:"due_on" json:"due_on"`
	CompletedOn string `form:"completed_on" json:"completed_on"`
	Grade       string `form:"grade" json:"grade" validate:"max=20"`
}

// courseForm adds a course to the catalogue (admins).
type courseForm struct {
	Name        string `form:"name" json:"name" validate:"required,max=200" label:"the course name"`
	Description string `form:"description" json:"description" validate:"max=1000"`
}

// applyCourseProgress validates and saves one course's progress for the learner.
func (h *Handlers) applyCourseProgress(c *fiber.Ctx, form courseProgressForm) (models.CourseworkItem, FieldErrors, error) {
	courseID, err := pathID(c, "courseId")
	if err != nil {
		return models.CourseworkItem{}, nil, err
	}
	fields := h.validate(form)
	if fields == nil {
		fields = FieldErrors{}
	}
	lc := models.LearnerCourse{UserID: currentUser(c).ID, CourseID: courseID, Status: form.Status, Grade: strings.TrimSpace(form.Grade)}
	lc.DueOn = parseDay(form.DueOn, "due_on", fields)
	lc.CompletedOn = parseDay(form.CompletedOn, "completed_on", fields)
	if fields = mergeFields(fields, models.ValidateLearnerCourse(lc, h.today())); fields != nil {
		return models.CourseworkItem{Course: models.Course{ID: courseID}, Progress: &lc}, fields, nil
	}
	course, err := models.SaveLearnerCourse(c.UserContext(), h.DB, &lc, h.Now())
	return models.CourseworkItem{Course: course, Progress: &lc}, nil, err
}

func (h *Handlers) courseworkPageData(c *fiber.Ctx, errs FieldErrors, courseForm courseForm) (fiber.Map, error) {
	cw, err := models.LearnerCoursework(c.UserContext(), h.DB, currentUser(c).ID)
	if err != nil {
		return nil, err
	}
	return fiber.Map{"Title": "Coursework", "Coursework": cw, "Statuses": models.CourseStatuses, "Errors": errs,
		"CourseForm": courseForm, "IsAdmin": currentUser(c).Role == models.RoleAdmin}, nil
}

func (h *Handlers) showCoursework(c *fiber.Ctx) error {
	data, err := h.courseworkPageData(c, nil, courseForm{})
	if err != nil {
		return err
	}
	return h.render(c, fiber.StatusOK, "pages/coursework", data)
}

func (h *Handlers) saveCourseProgress(c *fiber.Ctx) error {
	var form courseProgressForm
	if err := readForm(c, &form); err != nil {
		return err
	}
	item, fields, err := h.applyCourseProgress(c, form)
	if err != nil {
		return err
	}
	if fields != nil {
		data, err := h.courseworkPageData(c, fields, courseForm{})
		if err != nil {
			return err
		}
		data["Submitted"] = map[int64]*courseProgressForm{item.Course.ID: &form}
		data["Errors"] = courseworkRowErrors(item.Course.ID, fields)
		return h.render(c, fiber.StatusUnprocessableEntity, "pages/coursework", data)
	}
	return h.flashAndRedirect(c, "/coursework", "Your coursework is saved.")
}

func (h *Handlers) addCourse(c *fiber.Ctx) error {
	var form courseForm
	if err := readForm(c, &form); err != nil {
		return err
	}
	fields := h.validate(form)
	course := models.Course{Name: strings.TrimSpace(form.Name), Description: strings.TrimSpace(form.Description)}
	if fields == nil {
		err := models.CreateCourse(c.UserContext(), h.DB, auditActor(c), &course)
		switch {
		case errors.Is(err, models.ErrDuplicateCourse):
			fields = FieldErrors{"name": "The catalogue already has a course of that name."}
		case err != nil:
			return err
		}
	}
	if fields != nil {
		data, err := h.courseworkPageData(c, fields, form)
		if err != nil {
			return err
		}
		return h.render(c, fiber.StatusUnprocessableEntity, "pages/coursework", data)
	}
	return h.flashAndRedirect(c, "/coursework", fmt.Sprintf("%s is added to the catalogue.", course.Name))
}

// courseworkItemJSON is one catalogue course with the learner's progress (nulls when
// they have not started it).
type courseworkItemJSON struct {
	CourseID    int64   `json:"course_id"`
	Name        string  `json:"name"`
	Description string  `json:"description"`
	Status      *string `json:"status"`
	DueOn       *string `json:"due_on"`
	CompletedOn *string `json:"completed_on"`
	Grade       string  `json:"grade"`
}

func toCourseworkItemJSON(item models.CourseworkItem) courseworkItemJSON {
	out := courseworkItemJSON{CourseID: item.Course.ID, Name: item.Course.Name, Description: item.Course.Description}
	if p := item.Progress; p != nil {
		status := p.Status
		out.Status, out.DueOn, out.CompletedOn, out.Grade = &status, dayJSON(p.DueOn), dayJSON(p.CompletedOn), p.Grade
	}
	return out
}

func (h *Handlers) apiListCoursework(c *fiber.Ctx) error {
	cw, err := models.LearnerCoursework(c.UserContext(), h.DB, currentUser(c).ID)
	if err != nil {
		return err
	}
	items := make([]courseworkItemJSON, len(cw.Items))
	for i, item := range cw.Items {
		items[i] = toCourseworkItemJSON(item)
	}
	return c.JSON(fiber.Map{"percent_complete": cw.PercentComplete, "completed": cw.Completed, "courses": items})
}

func (h *Handlers) apiSaveCourseProgress(c *fiber.Ctx) error {
	var form courseProgressForm
	if err := readJSON(c, &form); err != nil {
		return err
	}
	item, fields, err := h.applyCourseProgress(c, form)
	if fields != nil {
		return &validationError{Fields: fields}
	}
	if err != nil {
		return err
	}
	return c.JSON(toCourseworkItemJSON(item))
}
