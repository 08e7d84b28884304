package handlers

import (
	"time"

	"hitpath/models"
)

// cohortJSON is a cohort in the API.
type cohortJSON struct {
	ID           int64      `json:"id"`
	OwnerID      int64      `json:"owner_id"`
	Name         string     `json:"name"`
	Program      string     `json:"program"`
	Term         string     `json:"term"`
	TargetCode   string     `json:"target_code"`
	TargetExamOn *string    `json:"target_exam_on"`
	JoinCode     *string    `json:"join_code"`
	JoinLink     *string    `json:"join_link"`
	Archived     bool       `json:"archived"`
	Members      *int       `json:"members,omitempty"`
	Instructors  []userJSON `json:"instructors,omitempty"`
}

func (h *Handlers) toCohortJSON(c models.Cohort) cohortJSON {
	out := cohortJSON{
		ID: c.ID, OwnerID: c.OwnerID, Name: c.Name, Program: c.Program, Term: c.Term,
		TargetCode: c.TargetCode, TargetExamOn: cohortJSONDate(c.ExamOn()), Archived: c.Archived(),
	}
	if code := c.Code(); code != "" {
		link := h.joinLink(code)
		out.JoinCode, out.JoinLink = &code, &link
	}
	return out
}

// cohortJSONDate writes a date as YYYY-MM-DD, or null when zero.
func cohortJSONDate(t time.Time) *string {
	if t.IsZero() {
		return nil
	}
	s := t.Format("2006-01-02")
	return &s
}

// cohortRowJSON is one dashboard row in the API and the model of the CSV columns.
type cohortRowJSON struct {
	UserID                 int64            `json:"user_id"`
	Name                   string           `json:"name"`
	Email                  string           `json:"email"`
	TargetCode             string           `json:"target_code"`
	CourseworkPercent      int              `json:"coursework_percent"`
	CoursesDone            int              `json:"courses_done"`
	CoursesTotal           int              `json:"courses_total"`
	StudyMinutes7Days      int              `json:"study_minutes_7d"`
	StudyMinutes30Days     int              `json:"study_minutes_30d"`
	LastActivityOn         *string          `json:"last_activity_on"`
	ReadinessPercent       *float64         `json:"readiness_percent"`
	WeakestDomain          string           `json:"weakest_domain"`
	ExamStatus             string           `json:"exam_status"`
	ExamOn                 *string          `json:"exam_on"`
	PracticumHoursDone     int              `json:"practicum_hours_done"`
	PracticumHoursRequired int              `json:"practicum_hours_required"`
	AtRisk                 bool             `json:"at_risk"`
	Flags                  []cohortFlagJSON `json:"flags"`
}

type cohortFlagJSON struct {
	Code    string `json:"code"`
	Message string `json:"message"`
}

func toCohortRowJSON(r models.CohortRow) cohortRowJSON {
	out := cohortRowJSON{
		UserID: r.UserID, Name: r.Name, Email: r.Email, TargetCode: r.TargetCode,
		CourseworkPercent: r.CourseworkPercent, CoursesDone: r.CoursesDone, CoursesTotal: r.CoursesTotal,
		StudyMinutes7Days: r.Minutes7, StudyMinutes30Days: r.Minutes30, LastActivityOn: cohortJSONDate(r.LastActivityOn),
		WeakestDomain: r.WeakestDomain, ExamStatus: r.ExamStatus, ExamOn: cohortJSONDate(r.ExamOn),
		PracticumHoursDone: r.PracticumDone, PracticumHoursRequired: r.PracticumRequired,
		AtRisk: r.AtRisk(), Flags: make([]cohortFlagJSON, len(r.Flags)),
	}
	if r.Readiness.HasData {
		p := r.Readiness.Percent
		out.ReadinessPercent = &p
	}
	for i, f := range r.Flags {
		out.Flags[i] = cohortFlagJSON{Code: string(f.Code), Message: f.Message}
	}
	return out
}

type cohortWeekJSON struct {
	WeekStart string `json:"week_start"`
	Minutes   int    `json:"minutes"`
}

type cohortOutcomesJSON struct {
	WithResult int                `json:"with_result"`
	Passed     int                `json:"passed"`
	PassRate   *int               `json:"pass_rate_percent"`
	Holders    []cohortHolderJSON `json:"holders"`
}

type cohortHolderJSON struct {
	UserID    int64   `json:"user_id"`
	Name      string  `json:"name"`
	Code      string  `json:"credential"`
	EarnedOn  *string `json:"earned_on"`
	CEUStatus string  `json:"ceu_status"`
	CycleEnd  *string `json:"cycle_end"`
}

func toCohortOutcomesJSON(o models.CohortOutcomes) cohortOutcomesJSON {
	out := cohortOutcomesJSON{WithResult: o.WithResult, Passed: o.Passed, Holders: make([]cohortHolderJSON, len(o.Holders))}
	if o.WithResult > 0 {
		rate := o.PassRate
		out.PassRate = &rate
	}
	for i, h := range o.Holders {
		out.Holders[i] = cohortHolderJSON{UserID: h.UserID, Name: h.Name, Code: h.Code, EarnedOn: cohortJSONDate(h.EarnedOn), CEUStatus: string(h.CEUStatus), CycleEnd: cohortJSONDate(h.CycleEnd)}
	}
	return out
}

// cohortDashboardJSON is the API twin of the dashboard page.
type cohortDashboardJSON struct {
	Cohort        cohortJSON         `json:"cohort"`
	Today         string             `json:"today"`
	Total         int                `json:"total"`
	AtRiskCount   int                `json:"at_risk_count"`
	Students      []cohortRowJSON    `json:"students"`
	WeeklyMinutes []cohortWeekJSON   `json:"weekly_minutes"`
	Outcomes      cohortOutcomesJSON `json:"outcomes"`
}
