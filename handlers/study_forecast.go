package handlers

import (
	"time"

	"github.com/gofiber/fiber/v2"

	"hitpath/models"
)

// forecastDays is how many days of scheduled reviews the forecast lists.
const forecastDays = 60

// forecastView is the forecast page and GET /api/v1/study/forecast.
type forecastView struct {
	Target   string
	ExamOn   *time.Time
	Plan     models.ExamPlan
	Forecast models.RecallForecast
	Workload []models.DayLoad
	Settings models.StudySettings
	Beta     bool
}

func (h *Handlers) loadForecast(c *fiber.Ctx) (forecastView, bool, error) {
	sc, err := h.loadStudyContext(c)
	if err != nil || sc.Pathway == nil {
		return forecastView{Settings: sc.Settings}, false, err
	}
	v := forecastView{Target: sc.Pathway.TargetCode, ExamOn: sc.examOn(), Plan: sc.Plan, Settings: sc.Settings, Beta: models.ExamModeBeta}
	outline, err := models.ExamOutlineFor(c.UserContext(), h.DB, v.Target)
	if err != nil {
		return v, true, err
	}
	cards, err := models.ExamCardRecalls(c.UserContext(), h.DB, currentUser(c).ID, v.Target)
	if err != nil {
		return v, true, err
	}
	v.Forecast = models.ForecastRecall(outline, cards)
	if v.ExamOn != nil {
		v.Workload = models.DailyWorkload(cards, h.today(c), *v.ExamOn, forecastDays)
	}
	return v, true, nil
}

func (h *Handlers) showForecast(c *fiber.Ctx) error {
	return h.renderForecast(c, fiber.StatusOK, nil, nil)
}

func (h *Handlers) renderForecast(c *fiber.Ctx, status int, in *models.StudySettingsInput, errs FieldErrors) error {
	v, found, err := h.loadForecast(c)
	if err != nil {
		return err
	}
	if in == nil {
		in = &models.StudySettingsInput{TargetRecall: v.Settings.TargetRecall, NewPerDay: v.Settings.NewPerDay}
	}
	return h.render(c, status, "pages/study_forecast", fiber.Map{"Title": "Exam forecast", "View": v, "Found": found,
		"Input": in, "Errors": errs})
}

func (h *Handlers) saveStudySettings(c *fiber.Ctx) error {
	var in models.StudySettingsInput
	fields, err := formFieldProblems(readForm(c, &in))
	if err != nil {
		return err
	}
	if fields = mergeFields(fields, models.ValidateStudySettings(in)); fields != nil {
		return h.renderForecast(c, fiber.StatusUnprocessableEntity, &in, fields)
	}
	if _, err := h.storeStudySettings(c, in); err != nil {
		return err
	}
	return h.flashAndRedirect(c, "/study/forecast", "Study settings saved; your reviews were re-planned.")
}

func (h *Handlers) storeStudySettings(c *fiber.Ctx, in models.StudySettingsInput) (models.StudySettings, error) {
	sc, err := h.loadStudyContext(c)
	if err != nil {
		return sc.Settings, err
	}
	return models.SaveStudySettings(c.UserContext(), h.DB, currentUser(c).ID, in, sc.examOn(), h.Now())
}

func settingsJSON(s models.StudySettings, examOn *time.Time) fiber.Map {
	return fiber.Map{"target_recall": s.TargetRecall, "new_per_day": s.NewPerDay, "exam_date": dayJSON(examOn),
		"study_retention": models.ExamPlanFor(examOn, s.TargetRecall).StudyRetention()}
}

func (h *Handlers) apiShowStudySettings(c *fiber.Ctx) error {
	sc, err := h.loadStudyContext(c)
	if err != nil {
		return err
	}
	return c.JSON(settingsJSON(sc.Settings, sc.examOn()))
}

func (h *Handlers) apiSaveStudySettings(c *fiber.Ctx) error {
	var in models.StudySettingsInput
	if err := readJSON(c, &in); err != nil {
		return err
	}
	if fields := models.ValidateStudySettings(in); fields != nil {
		return &validationError{Fields: fields}
	}
	s, err := h.storeStudySettings(c, in)
	if err != nil {
		return err
	}
	sc, err := h.loadStudyContext(c)
	if err != nil {
		return err
	}
	return c.JSON(settingsJSON(s, sc.examOn()))
}

type domainRecallJSON struct {
	Position int     `json:"position"`
	Name     string  `json:"name"`
	Weight   float64 `json:"weight"`
	Cards    int     `json:"cards"`
	Studied  int     `json:"studied"`
	Recall   float64 `json:"recall"`
}

type dayLoadJSON struct {
	On      string `json:"on"`
	Reviews int    `json:"reviews"`
}

func (h *Handlers) apiShowForecast(c *fiber.Ctx) error {
	v, found, err := h.loadForecast(c)
	if err != nil {
		return err
	}
	if !found {
		return errNoPathway
	}
	domains := make([]domainRecallJSON, len(v.Forecast.Domains))
	for i, d := range v.Forecast.Domains {
		domains[i] = domainRecallJSON{Position: d.Position, Name: d.Name, Weight: d.Weight, Cards: d.Cards, Studied: d.Studied, Recall: d.Recall}
	}
	days := make([]dayLoadJSON, len(v.Workload))
	for i, d := range v.Workload {
		days[i] = dayLoadJSON{On: d.On.Format(time.DateOnly), Reviews: d.Reviews}
	}
	return c.JSON(fiber.Map{"target": v.Target, "exam_date": dayJSON(v.ExamOn), "exam_mode": v.Plan.Active(),
		"beta": v.Beta, "overall": v.Forecast.Overall, "cards": v.Forecast.Cards, "domains": domains, "workload": days})
}
