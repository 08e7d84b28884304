package handlers

import (
	"errors"
	"fmt"
	"strings"

	"github.com/gofiber/fiber/v2"

	"hitpath/models"
)

// pathwayForm is the pathway as the page form and PUT /api/v1/pathway send it. Dates
// are YYYY-MM-DD strings ("" or null for none); PUT replaces every field.
type pathwayForm struct {
	Target                 string `form:"target" json:"target" validate:"required,oneof=RHIT CCA ODS"`
	Education              string `form:"education" json:"education" validate:"omitempty,oneof=none high_school associate_or_60_credits"`
	ProgramName            string `form:"program_name" json:"program_name" validate:"max=200"`
	Institution            string `form:"institution" json:"institution" validate:"max=200"`
	Accreditation          string `form:"accreditation" json:"accreditation" validate:"omitempty,oneof=yes no unknown"`
	ODSProgram             string `form:"ods_program" json:"ods_program" validate:"omitempty,oneof=none associate_with_practicum certificate_with_practicum"`
	AnatomyCredits         int    `form:"anatomy_credits" json:"anatomy_credits"`
	RegistryHours          int    `form:"registry_hours" json:"registry_hours"`
	ProgramStart           string `form:"program_start" json:"program_start"`
	LastTermStart          string `form:"last_term_start" json:"last_term_start"`
	ExpectedGraduation     string `form:"expected_graduation" json:"expected_graduation"`
	CourseworkDone         bool   `form:"coursework_done" json:"coursework_done"`
	PracticumHoursDone     int    `form:"practicum_hours_done" json:"practicum_hours_done"`
	PracticumHoursRequired int    `form:"practicum_hours_required" json:"practicum_hours_required"`
	TranscriptsSent        bool   `form:"transcripts_sent" json:"transcripts_sent"`
	AuthorizationToTest    bool   `form:"authorization_to_test" json:"authorization_to_test"`
	ExamScheduledOn        string `form:"exam_scheduled_on" json:"exam_scheduled_on"`
	ExamResult             string `form:"exam_result" json:"exam_result" validate:"omitempty,oneof=none passed failed"`
	PassedOn               string `form:"passed_on" json:"passed_on"`
	WeeklyGoalMinutes      int    `form:"weekly_goal_minutes" json:"weekly_goal_minutes"`
}

func pathwayFormOf(p models.Pathway) pathwayForm {
	return pathwayForm{
		Target: p.TargetCode, Education: p.Education, ProgramName: p.ProgramName, Institution: p.Institution,
		Accreditation: p.Accreditation, ODSProgram: p.ODSProgram, AnatomyCredits: p.AnatomyCredits,
		RegistryHours: p.RegistryHours, ProgramStart: formatDay(p.ProgramStart), LastTermStart: formatDay(p.LastTermStart),
		ExpectedGraduation: formatDay(p.ExpectedGraduation), CourseworkDone: p.CourseworkDone,
		PracticumHoursDone: p.PracticumHoursDone, PracticumHoursRequired: p.PracticumHoursRequired,
		TranscriptsSent: p.TranscriptsSent, AuthorizationToTest: p.AuthorizationToTest,
		ExamScheduledOn: formatDay(p.ExamScheduledOn), ExamResult: p.ExamResult, PassedOn: formatDay(p.PassedOn),
		WeeklyGoalMinutes: p.WeeklyGoalMinutes,
	}
}

// toPathway parses the form's dates into a pathway for userID, collecting errors.
func (f pathwayForm) toPathway(userID int64, fields FieldErrors) models.Pathway {
	p := models.Pathway{
		UserID: userID, TargetCode: f.Target, Education: f.Education, ProgramName: strings.TrimSpace(f.ProgramName),
		Institution: strings.TrimSpace(f.Institution), Accreditation: f.Accreditation, ODSProgram: f.ODSProgram,
		AnatomyCredits: f.AnatomyCredits, RegistryHours: f.RegistryHours, CourseworkDone: f.CourseworkDone,
		PracticumHoursDone: f.PracticumHoursDone, PracticumHoursRequired: f.PracticumHoursRequired,
		TranscriptsSent: f.TranscriptsSent, AuthorizationToTest: f.AuthorizationToTest,
		ExamResult: f.ExamResult, WeeklyGoalMinutes: f.WeeklyGoalMinutes,
	}
	if p.Accreditation == "" {
		p.Accreditation = string(models.AccreditationUnknown)
	}
	if p.ExamResult == "" {
		p.ExamResult = string(models.ExamResultNone)
	}
	p.ProgramStart = parseDay(f.ProgramStart, "program_start", fields)
	p.LastTermStart = parseDay(f.LastTermStart, "last_term_start", fields)
	p.ExpectedGraduation = parseDay(f.ExpectedGraduation, "expected_graduation", fields)
	p.ExamScheduledOn = parseDay(f.ExamScheduledOn, "exam_scheduled_on", fields)
	p.PassedOn = parseDay(f.PassedOn, "passed_on", fields)
	return p
}

// applyPathwayForm validates the form against the stored pathway and saves it. It
// returns field errors (nothing saved), or whether a held credential was created.
func (h *Handlers) applyPathwayForm(c *fiber.Ctx, form pathwayForm) (models.Pathway, FieldErrors, bool, error) {
	user := currentUser(c)
	fields := h.validate(form)
	if fields == nil {
		fields = FieldErrors{}
	}
	p := form.toPathway(user.ID, fields)
	previous, err := models.PathwayForUser(c.UserContext(), h.DB, user.ID)
	var prev *models.Pathway
	switch {
	case err == nil:
		prev = &previous
	case !errors.Is(err, models.ErrNotFound):
		return p, nil, false, err
	}
	if fields = mergeFields(fields, models.ValidatePathway(p, prev, h.today(c))); fields != nil {
		return p, fields, false, nil
	}
	granted, err := models.SavePathway(c.UserContext(), h.DB, &p, h.Now())
	return p, nil, granted, err
}

// passFlash is the message shown on the dashboard after a pass is recorded.
func passFlash(p models.Pathway) string {
	start, end := models.FirstCycle(*p.PassedOn)
	return fmt.Sprintf("Congratulations on passing the %s exam! Your %s is now on your credentials, and your first CEU cycle runs from %s to %s.",
		p.TargetCode, p.TargetCode, start.Format("2 Jan 2006"), end.Format("2 Jan 2006"))
}
