package handlers

import (
	"strconv"
	"time"

	"github.com/gofiber/fiber/v2"

	"hitpath/models"
)

// domainScoreJSON is one domain's percent in a practice exam.
type domainScoreJSON struct {
	Position int     `json:"position"`
	Percent  float64 `json:"percent"`
}

// practiceExamBody is POST /api/v1/practice-exams.
type practiceExamBody struct {
	TakenOn        string            `json:"taken_on"`
	Source         string            `json:"source" validate:"max=200"`
	OverallPercent *float64          `json:"overall_percent" validate:"required"`
	Domains        []domainScoreJSON `json:"domains"`
}

// practiceExamJSON is the API shape of one attempt.
type practiceExamJSON struct {
	ID             int64             `json:"id"`
	CredentialCode string            `json:"credential_code"`
	TakenOn        string            `json:"taken_on"`
	Source         string            `json:"source"`
	OverallPercent float64           `json:"overall_percent"`
	Domains        []domainScoreJSON `json:"domains"`
}

func toPracticeExamJSON(r models.PracticeExamRecord) practiceExamJSON {
	out := practiceExamJSON{ID: r.ID, CredentialCode: r.CredentialCode, TakenOn: r.TakenOn.Format(time.DateOnly),
		Source: r.Source, OverallPercent: r.OverallPercent, Domains: make([]domainScoreJSON, len(r.Scores))}
	for i, s := range r.Scores {
		out.Domains[i] = domainScoreJSON{Position: s.DomainPosition, Percent: s.Percent}
	}
	return out
}

type domainReadinessJSON struct {
	Position int      `json:"position"`
	Name     string   `json:"name"`
	Weight   float64  `json:"weight"`
	Percent  *float64 `json:"percent"`
}

type readinessJSON struct {
	Target          string                `json:"target"`
	HasData         bool                  `json:"has_data"`
	Percent         *float64              `json:"percent"`
	FromOverallOnly bool                  `json:"from_overall_only"`
	AttemptsCounted int                   `json:"attempts_counted"`
	Domains         []domainReadinessJSON `json:"domains"`
	Weakest         []domainReadinessJSON `json:"weakest"`
	Trend           []trendPointJSON      `json:"trend"`
}

type trendPointJSON struct {
	On      string  `json:"on"`
	Percent float64 `json:"percent"`
}

func toDomainReadinessJSON(ds []models.DomainReadiness) []domainReadinessJSON {
	out := make([]domainReadinessJSON, len(ds))
	for i, d := range ds {
		out[i] = domainReadinessJSON{Position: d.Position, Name: d.Name, Weight: d.Weight}
		if d.HasData {
			pct := d.Percent
			out[i].Percent = &pct
		}
	}
	return out
}

func toReadinessJSON(target string, r models.ReadinessReport) readinessJSON {
	out := readinessJSON{Target: target, HasData: r.HasData, FromOverallOnly: r.FromOverallOnly, AttemptsCounted: r.AttemptsCounted,
		Domains: toDomainReadinessJSON(r.Domains), Weakest: toDomainReadinessJSON(r.Weakest), Trend: make([]trendPointJSON, len(r.Trend))}
	if r.HasData {
		pct := r.Percent
		out.Percent = &pct
	}
	for i, p := range r.Trend {
		out.Trend[i] = trendPointJSON{On: p.On.Format(time.DateOnly), Percent: p.Percent}
	}
	return out
}

func (h *Handlers) apiListPracticeExams(c *fiber.Ctx) error {
	records, err := models.PracticeExams(c.UserContext(), h.DB, currentUser(c).ID)
	if err != nil {
		return err
	}
	out := make([]practiceExamJSON, len(records))
	for i, r := range records {
		out[i] = toPracticeExamJSON(r)
	}
	return c.JSON(fiber.Map{"practice_exams": out})
}

func (h *Handlers) apiLogPracticeExam(c *fiber.Ctx) error {
	r, fields, err := h.practiceRecordFromJSON(c)
	if err != nil {
		return err
	}
	fields, err = h.savePracticeRecord(c, &r, fields)
	if fields != nil {
		return &validationError{Fields: fields}
	}
	if err != nil {
		return err
	}
	return c.Status(fiber.StatusCreated).JSON(toPracticeExamJSON(r))
}

// practiceRecordFromJSON reads an attempt from an API body (logging and editing).
func (h *Handlers) practiceRecordFromJSON(c *fiber.Ctx) (models.PracticeExamRecord, FieldErrors, error) {
	var body practiceExamBody
	if err := readJSON(c, &body); err != nil {
		return models.PracticeExamRecord{}, nil, err
	}
	fields := h.validate(body)
	if fields == nil {
		fields = FieldErrors{}
	}
	r := models.PracticeExamRecord{UserID: currentUser(c).ID, Source: body.Source}
	if d := parseDay(body.TakenOn, "taken_on", fields); d != nil {
		r.TakenOn = *d
	}
	if body.OverallPercent != nil {
		r.OverallPercent = *body.OverallPercent
	}
	for _, d := range body.Domains {
		r.Scores = append(r.Scores, models.PracticeExamScore{DomainPosition: d.Position, Percent: d.Percent})
	}
	return r, fields, nil
}

func (h *Handlers) apiDeletePracticeExam(c *fiber.Ctx) error {
	id, err := pathID(c, "id")
	if err != nil {
		return err
	}
	if err := models.DeletePracticeExam(c.UserContext(), h.DB, currentUser(c).ID, id, h.Now()); err != nil {
		return err
	}
	return c.SendStatus(fiber.StatusNoContent)
}

func (h *Handlers) apiShowReadiness(c *fiber.Ctx) error {
	o, found, err := h.studentOverview(c)
	if err != nil {
		return err
	}
	if !found {
		return errNoPathway
	}
	return c.JSON(toReadinessJSON(o.Pathway.TargetCode, o.Readiness))
}

type domainPlanJSON struct {
	Position   int     `json:"position"`
	Name       string  `json:"name"`
	Score      float64 `json:"score"`
	ScoreKnown bool    `json:"score_known"`
	Minutes    int     `json:"minutes"`
}

type studyPlanJSON struct {
	WeeklyMinutes        int              `json:"weekly_minutes"`
	Domains              []domainPlanJSON `json:"domains"`
	ExamDate             *string          `json:"exam_date"`
	DaysUntilExam        int              `json:"days_until_exam"`
	MinutesNeeded        int              `json:"minutes_needed"`
	MinutesAtCurrentPace int              `json:"minutes_at_current_pace"`
	MinutesAtPlannedPace int              `json:"minutes_at_planned_pace"`
	Verdict              string           `json:"verdict"`
	Explanation          string           `json:"explanation"`
}

func (h *Handlers) apiShowStudyPlan(c *fiber.Ctx) error {
	weekly, err := strconv.Atoi(c.Query("weekly_minutes"))
	if err != nil || weekly < 0 || weekly > 10080 {
		return &validationError{Fields: FieldErrors{"weekly_minutes": "Enter the minutes you can study a week, from 0 to 10080."}}
	}
	o, found, err := h.studentOverview(c)
	if err != nil {
		return err
	}
	if !found {
		return errNoPathway
	}
	plan := o.Plan(weekly, h.today())
	out := studyPlanJSON{WeeklyMinutes: plan.WeeklyMinutes, Domains: make([]domainPlanJSON, len(plan.Domains)),
		ExamDate: dayJSON(o.Pathway.ExamScheduledOn), DaysUntilExam: plan.DaysUntilExam, MinutesNeeded: plan.MinutesNeeded,
		MinutesAtCurrentPace: plan.MinutesAtCurrentPace, MinutesAtPlannedPace: plan.MinutesAtPlannedPace,
		Verdict: string(plan.Verdict), Explanation: plan.Explanation}
	for i, d := range plan.Domains {
		out.Domains[i] = domainPlanJSON{Position: d.Position, Name: d.Name, Score: d.Score, ScoreKnown: d.ScoreKnown, Minutes: d.Minutes}
	}
	return c.JSON(out)
}
