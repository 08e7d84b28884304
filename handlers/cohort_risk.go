package handlers

import (
	"github.com/gofiber/fiber/v2"

	"hitpath/models"
)

// cohortRiskForm is a cohort's at-risk thresholds as an instructor types them, on the
// dashboard and in the API.
type cohortRiskForm struct {
	NoStudyDays     string `form:"risk_no_study_days"`
	PassingPercent  string `form:"risk_passing_percent"`
	TrendWindowDays string `form:"risk_trend_window_days"`
	FloorPercent    string `form:"risk_floor_percent"`
	FloorWindowDays string `form:"risk_floor_window_days"`
}

func (f cohortRiskForm) input() models.RiskThresholdsInput {
	return models.RiskThresholdsInput{NoStudyDays: f.NoStudyDays, PassingPercent: f.PassingPercent,
		TrendWindowDays: f.TrendWindowDays, FloorPercent: f.FloorPercent, FloorWindowDays: f.FloorWindowDays}
}

// cohortRiskJSON is the thresholds in the API: whole numbers.
type cohortRiskJSON struct {
	NoStudyDays     int `json:"risk_no_study_days" api:"required"`
	PassingPercent  int `json:"risk_passing_percent" api:"required"`
	TrendWindowDays int `json:"risk_trend_window_days" api:"required"`
	FloorPercent    int `json:"risk_floor_percent" api:"required"`
	FloorWindowDays int `json:"risk_floor_window_days" api:"required"`
}

func toCohortRiskJSON(t models.RiskThresholds) cohortRiskJSON {
	return cohortRiskJSON{NoStudyDays: t.NoStudyDays, PassingPercent: int(t.PassingPercent), TrendWindowDays: t.TrendWindowDays,
		FloorPercent: int(t.FloorPercent), FloorWindowDays: t.FloorWindowDays}
}

func (j cohortRiskJSON) input() models.RiskThresholdsInput {
	return models.RiskThresholdsInput{NoStudyDays: ceuItoa(j.NoStudyDays), PassingPercent: ceuItoa(j.PassingPercent),
		TrendWindowDays: ceuItoa(j.TrendWindowDays), FloorPercent: ceuItoa(j.FloorPercent), FloorWindowDays: ceuItoa(j.FloorWindowDays)}
}

// saveCohortRisk stores the thresholds from the dashboard's form.
func (h *Handlers) saveCohortRisk(c *fiber.Ctx) error {
	cohort, err := h.instructorCohort(c)
	if err != nil {
		return err
	}
	var form cohortRiskForm
	if err := readForm(c, &form); err != nil {
		return err
	}
	thresholds, problems := form.input().Thresholds()
	if problems != nil {
		return h.renderDashboard(c, cohort, fiber.StatusUnprocessableEntity,
			cohortDashboardExtras{Settings: cohortFormOf(cohort), Risk: form.input(), Errors: FieldErrors(problems)})
	}
	if _, err := models.SaveCohortThresholds(c.UserContext(), h.DB, auditActor(c), cohort, thresholds, h.Now()); err != nil {
		return err
	}
	return h.flashAndRedirect(c, cohortPath(cohort.ID), "At-risk rules saved.")
}

func (h *Handlers) apiShowCohortRisk(c *fiber.Ctx) error {
	cohort, err := h.instructorCohort(c)
	if err != nil {
		return err
	}
	return c.JSON(toCohortRiskJSON(cohort.Thresholds()))
}

func (h *Handlers) apiSaveCohortRisk(c *fiber.Ctx) error {
	cohort, err := h.instructorCohort(c)
	if err != nil {
		return err
	}
	var in cohortRiskJSON
	if err := readJSON(c, &in); err != nil {
		return err
	}
	thresholds, problems := in.input().Thresholds()
	if problems != nil {
		return &validationError{Fields: FieldErrors(problems)}
	}
	if cohort, err = models.SaveCohortThresholds(c.UserContext(), h.DB, auditActor(c), cohort, thresholds, h.Now()); err != nil {
		return err
	}
	return c.JSON(toCohortRiskJSON(cohort.Thresholds()))
}
