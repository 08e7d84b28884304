package handlers

import (
	"errors"
	"strings"
	"time"

	"github.com/gofiber/fiber/v2"

	"hitpath/models"
)

// registerStudentPages mounts the student pages: pathway, coursework, study log and
// practice exams.
func (h *Handlers) registerStudentPages(pages fiber.Router) {
	pages.Get("/pathway", h.requireUser, h.showPathway)
	pages.Post("/pathway", h.requireUser, h.savePathway)
	pages.Post("/pathway/pass", h.requireUser, h.recordPass)
	pages.Get("/coursework", h.requireUser, h.showCoursework)
	pages.Post("/coursework/courses", h.requireRole(models.RoleAdmin), h.addCourse)
	pages.Post("/coursework", h.requireUser, h.saveCoursework)
	pages.Post("/coursework/:courseId", h.requireUser, h.saveCourseProgress)
	pages.Get("/study", h.requireUser, h.showStudy)
	pages.Post("/study", h.requireUser, h.logStudySession)
	pages.Post("/study/goal", h.requireUser, h.saveWeeklyGoal)
	pages.Post("/study/:id/delete", h.requireUser, h.deleteStudySession)
	pages.Get("/study/:id<int>/edit", h.requireUser, h.showEditStudySession)
	pages.Post("/study/:id<int>/edit", h.requireUser, h.updateStudySession)
	pages.Get("/practice", h.requireUser, h.showPractice)
	pages.Post("/practice", h.requireUser, h.logPracticeExam)
	pages.Post("/practice/:id/delete", h.requireUser, h.deletePracticeExam)
	pages.Get("/practice/:id<int>/edit", h.requireUser, h.showEditPracticeExam)
	pages.Post("/practice/:id<int>/edit", h.requireUser, h.updatePracticeExam)
}

// registerStudentAPI mounts the JSON twins of the student pages.
func (h *Handlers) registerStudentAPI(api fiber.Router) {
	api.Get("/pathway", h.requireAPIUser, h.apiShowPathway)
	api.Put("/pathway", h.requireAPIUser, h.apiSavePathway)
	api.Get("/pathway/eligibility", h.requireAPIUser, h.apiShowEligibility)
	api.Post("/pathway/pass", h.requireAPIUser, h.apiRecordPass)
	api.Get("/coursework", h.requireAPIUser, h.apiListCoursework)
	api.Put("/coursework/:courseId", h.requireAPIUser, h.apiSaveCourseProgress)
	api.Get("/study-sessions", h.requireAPIUser, h.apiListStudySessions)
	api.Post("/study-sessions", h.requireAPIUser, h.apiLogStudySession)
	api.Delete("/study-sessions/:id", h.requireAPIUser, h.apiDeleteStudySession)
	api.Put("/study-sessions/:id", h.requireAPIUser, h.apiUpdateStudySession)
	api.Get("/practice-exams", h.requireAPIUser, h.apiListPracticeExams)
	api.Post("/practice-exams", h.requireAPIUser, h.apiLogPracticeExam)
	api.Delete("/practice-exams/:id", h.requireAPIUser, h.apiDeletePracticeExam)
	api.Put("/practice-exams/:id", h.requireAPIUser, h.apiUpdatePracticeExam)
	api.Get("/readiness", h.requireAPIUser, h.apiShowReadiness)
	api.Get("/study-plan", h.requireAPIUser, h.apiShowStudyPlan)
}

// errNoPathway answers API calls that need a target credential before one is set.
var errNoPathway = fiber.NewError(fiber.StatusNotFound, "Set your target credential first: PUT /api/v1/pathway.")

// studentOverview loads the current learner's preparation; found is false when they
// have no pathway yet.
func (h *Handlers) studentOverview(c *fiber.Ctx) (models.StudentOverview, bool, error) {
	o, err := models.LoadStudentOverview(c.UserContext(), h.DB, currentUser(c).ID, h.today())
	if errors.Is(err, models.ErrNotFound) {
		return o, false, nil
	}
	return o, err == nil, err
}

// parseDay reads an optional YYYY-MM-DD date; "" is nil. A bad date sets a message for
// field in fields.
func parseDay(value, field string, fields FieldErrors) *time.Time {
	value = strings.TrimSpace(value)
	if value == "" {
		return nil
	}
	d, err := models.ParseDate(value)
	if err != nil {
		fields[field] = err.Error()
		return nil
	}
	return &d
}

// formatDay writes an optional date as YYYY-MM-DD, "" when nil.
func formatDay(t *time.Time) string {
	if t == nil {
		return ""
	}
	return t.Format(time.DateOnly)
}

// dayJSON is an optional date in API responses: null when unset.
func dayJSON(t *time.Time) *string {
	if t == nil {
		return nil
	}
	s := t.Format(time.DateOnly)
	return &s
}

// mergeFields copies model-level messages into fields without overwriting a message a
// field already has (the parse error is the more precise one).
func mergeFields(fields FieldErrors, more map[string]string) FieldErrors {
	if fields == nil {
		fields = FieldErrors{}
	}
	for k, v := range more {
		if _, seen := fields[k]; !seen {
			fields[k] = v
		}
	}
	if len(fields) == 0 {
		return nil
	}
	return fields
}

// pathID reads a positive numeric route parameter; anything else is a 404.
func pathID(c *fiber.Ctx, name string) (int64, error) {
	id, err := c.ParamsInt(name)
	if err != nil || id <= 0 {
		return 0, fiber.ErrNotFound
	}
	return int64(id), nil
}
