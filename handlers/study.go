package handlers

import (
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/gofiber/fiber/v2"

	"hitpath/models"
)

// studyChartWeeks is how many weeks the study page charts.
const studyChartWeeks = 26

// studyForm logs a study session (page and POST /api/v1/study-sessions).
type studyForm struct {
	StudiedOn      string `form:"studied_on" json:"studied_on"`
	Minutes        int    `form:"minutes" json:"minutes" api:"required"`
	DomainPosition int    `form:"domain_position" json:"domain_position" api:"required"`
	Topic          string `form:"topic" json:"topic" validate:"max=200"`
	Notes          string `form:"notes" json:"notes" validate:"max=2000"`
}

// goalForm sets the weekly study goal.
type goalForm struct {
	WeeklyGoalMinutes int `form:"weekly_goal_minutes" json:"weekly_goal_minutes"`
}

// studyRow is one session as the study page lists it.
type studyRow struct {
	ID         int64
	StudiedOn  time.Time
	Minutes    int
	DomainName string
	Topic      string
	Notes      string
}

// applyStudyForm validates a session against the learner's target and saves it.
func (h *Handlers) applyStudyForm(c *fiber.Ctx, form studyForm) (models.StudyLogEntry, FieldErrors, error) {
	entry, fields, err := h.checkStudyForm(c, form)
	if fields != nil || err != nil {
		return entry, fields, err
	}
	return entry, nil, models.CreateStudyLogEntry(c.UserContext(), h.DB, &entry, h.Now())
}

// checkStudyForm turns the form into a session of the learner's target credential, or
// says what is wrong; it saves nothing (logging and editing share it).
func (h *Handlers) checkStudyForm(c *fiber.Ctx, form studyForm) (models.StudyLogEntry, FieldErrors, error) {
	user := currentUser(c)
	fields := h.validate(form)
	if fields == nil {
		fields = FieldErrors{}
	}
	entry := models.StudyLogEntry{UserID: user.ID, Minutes: form.Minutes, DomainPosition: form.DomainPosition,
		Topic: strings.TrimSpace(form.Topic), Notes: strings.TrimSpace(form.Notes)}
	if d := parseDay(form.StudiedOn, "studied_on", fields); d != nil {
		entry.StudiedOn = *d
	}
	p, err := models.PathwayForUser(c.UserContext(), h.DB, user.ID)
	if errors.Is(err, models.ErrNotFound) {
		fields["domain_position"] = "Set your target credential on your pathway first."
		return entry, fields, nil
	}
	if err != nil {
		return entry, nil, err
	}
	entry.CredentialCode = p.TargetCode
	outline, err := models.ExamOutlineFor(c.UserContext(), h.DB, p.TargetCode)
	if err != nil {
		return entry, nil, err
	}
	return entry, mergeFields(fields, models.ValidateStudyEntry(entry, outline, h.today(c))), nil
}

// studyPageData assembles the study page: log form, goal, streak, chart and sessions.
func (h *Handlers) studyPageData(c *fiber.Ctx, form studyForm, errs FieldErrors) (fiber.Map, error) {
	data := fiber.Map{"Title": "Study log", "Form": form, "Errors": errs}
	o, found, err := h.studentOverview(c)
	if err != nil || !found {
		return data, err
	}
	rows := make([]studyRow, len(o.Log))
	for i, e := range o.Log {
		name := o.DomainName(e.DomainPosition)
		if e.CredentialCode != o.Pathway.TargetCode {
			name = fmt.Sprintf("%s domain %d", e.CredentialCode, e.DomainPosition)
		}
		rows[i] = studyRow{ID: e.ID, StudiedOn: e.StudiedOn, Minutes: e.Minutes, DomainName: name, Topic: e.Topic, Notes: e.Notes}
	}
	data["Overview"] = o
	data["Rows"] = rows
	data["Chart"] = studyWeeksChart(models.RecentWeeks(o.Sessions, h.today(c), studyChartWeeks), o.Outline)
	data["GoalMet"] = o.GoalMet()
	return data, nil
}

func (h *Handlers) showStudy(c *fiber.Ctx) error {
	data, err := h.studyPageData(c, studyForm{StudiedOn: h.today(c).Format(time.DateOnly)}, nil)
	if err != nil {
		return err
	}
	return h.render(c, fiber.StatusOK, "pages/study", data)
}

func (h *Handlers) logStudySession(c *fiber.Ctx) error {
	var form studyForm
	fields, err := formFieldProblems(readForm(c, &form))
	if err != nil {
		return err
	}
	var entry models.StudyLogEntry
	if fields == nil {
		if entry, fields, err = h.applyStudyForm(c, form); err != nil {
			return err
		}
	}
	if fields != nil {
		data, err := h.studyPageData(c, form, fields)
		if err != nil {
			return err
		}
		return h.render(c, fiber.StatusUnprocessableEntity, "pages/study", data)
	}
	return h.flashAndRedirect(c, "/study", fmt.Sprintf("Logged %d minutes of study on %s.", entry.Minutes, entry.StudiedOn.Format("2 Jan 2006")))
}

// applyGoalForm validates and saves the weekly goal.
func (h *Handlers) applyGoalForm(c *fiber.Ctx, form goalForm) (FieldErrors, error) {
	if msg := models.ValidateWeeklyGoal(form.WeeklyGoalMinutes); msg != "" {
		return FieldErrors{"weekly_goal_minutes": msg}, nil
	}
	return nil, models.SetWeeklyGoal(c.UserContext(), h.DB, currentUser(c).ID, form.WeeklyGoalMinutes, h.Now())
}

func (h *Handlers) saveWeeklyGoal(c *fiber.Ctx) error {
	var form goalForm
	fields, err := formFieldProblems(readForm(c, &form))
	if err != nil {
		return err
	}
	if fields == nil {
		if fields, err = h.applyGoalForm(c, form); err != nil {
			return err
		}
	}
	if fields != nil {
		data, err := h.studyPageData(c, studyForm{StudiedOn: h.today(c).Format(time.DateOnly)}, fields)
		if err != nil {
			return err
		}
		data["GoalForm"] = form
		return h.render(c, fiber.StatusUnprocessableEntity, "pages/study", data)
	}
	return h.flashAndRedirect(c, "/study", fmt.Sprintf("Your weekly goal is %d minutes.", form.WeeklyGoalMinutes))
}

func (h *Handlers) deleteStudySession(c *fiber.Ctx) error {
	id, err := pathID(c, "id")
	if err != nil {
		return err
	}
	if err := models.DeleteStudyLogEntry(c.UserContext(), h.DB, currentUser(c).ID, id); err != nil {
		return err
	}
	return h.flashAndRedirect(c, "/study", "The study session is deleted.")
}
