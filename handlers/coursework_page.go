package handlers

import (
	"strconv"
	"strings"
	"time"

	"github.com/gofiber/fiber/v2"

	"hitpath/models"
	"hitpath/views"
)

// courseworkRowFields are a course row's inputs on the coursework page: the
// form-and-JSON field name and the prefix of the input's name and id there.
var courseworkRowFields = []struct{ field, input string }{
	{"status", "status"}, {"due_on", "due"}, {"completed_on", "done"}, {"grade", "grade"},
}

// courseworkRowForm reads one course's row of the one-form coursework page.
func courseworkRowForm(c *fiber.Ctx, courseID int64) courseProgressForm {
	id := strconv.FormatInt(courseID, 10)
	value := func(prefix string) string { return strings.TrimSpace(c.FormValue(prefix + "-" + id)) }
	return courseProgressForm{Status: value("status"), DueOn: value("due"), CompletedOn: value("done"), Grade: value("grade")}
}

// courseworkRowChanged says whether a submitted row differs from what is stored, so
// rows left alone (including courses not started) are not saved.
func courseworkRowChanged(item models.CourseworkItem, form courseProgressForm) bool {
	stored := courseProgressForm{}
	if p := item.Progress; p != nil {
		stored = courseProgressForm{Status: p.Status, DueOn: dayString(p.DueOn), CompletedOn: dayString(p.CompletedOn), Grade: p.Grade}
	}
	return stored != form
}

// dayString writes an optional date as the form does (YYYY-MM-DD, or empty).
func dayString(d *time.Time) string {
	if d == nil {
		return ""
	}
	return d.Format(time.DateOnly)
}

// checkCourseworkRow validates one changed row; errors are keyed by the row's input
// ids ("status-3") so the summary links to the right input.
func (h *Handlers) checkCourseworkRow(today time.Time, userID, courseID int64, form courseProgressForm, errs FieldErrors) models.LearnerCourse {
	fields := h.validate(form)
	if fields == nil {
		fields = FieldErrors{}
	}
	lc := models.LearnerCourse{UserID: userID, CourseID: courseID, Status: form.Status, Grade: form.Grade}
	lc.DueOn = parseDay(form.DueOn, "due_on", fields)
	lc.CompletedOn = parseDay(form.CompletedOn, "completed_on", fields)
	fields = mergeFields(fields, models.ValidateLearnerCourse(lc, today))
	for k, v := range courseworkRowErrors(courseID, fields) {
		errs[k] = v
	}
	return lc
}

// courseworkRowErrors keys one course's field errors by the row's input ids.
func courseworkRowErrors(courseID int64, fields FieldErrors) FieldErrors {
	errs := FieldErrors{}
	id := strconv.FormatInt(courseID, 10)
	for _, f := range courseworkRowFields {
		if msg, ok := fields[f.field]; ok {
			errs[f.input+"-"+id] = msg
		}
	}
	return errs
}

// saveCoursework saves every changed row of the coursework page in one transaction,
// or none of them when any row is wrong.
func (h *Handlers) saveCoursework(c *fiber.Ctx) error {
	userID := currentUser(c).ID
	cw, err := models.LearnerCoursework(c.UserContext(), h.DB, userID)
	if err != nil {
		return err
	}
	errs, submitted := FieldErrors{}, map[int64]*courseProgressForm{}
	var changed []models.LearnerCourse
	for _, item := range cw.Items {
		form := courseworkRowForm(c, item.Course.ID)
		submitted[item.Course.ID] = &form
		if courseworkRowChanged(item, form) {
			changed = append(changed, h.checkCourseworkRow(h.today(c), userID, item.Course.ID, form, errs))
		}
	}
	if len(errs) > 0 {
		data, err := h.courseworkPageData(c, errs, courseForm{})
		if err != nil {
			return err
		}
		data["Submitted"] = submitted
		return h.render(c, fiber.StatusUnprocessableEntity, "pages/coursework", data)
	}
	if err := models.SaveLearnerCourses(c.UserContext(), h.DB, changed, h.Now()); err != nil {
		return err
	}
	return h.flashAndRedirect(c, "/coursework", "Your coursework is saved: "+views.Count(len(changed), "course", "courses")+" changed.")
}
