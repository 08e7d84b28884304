package handlers

import (
	"fmt"
	"net/url"

	"github.com/gofiber/fiber/v2"

	"hitpath/models"
)

// cohortDashboardExtras carries a refused form back onto the dashboard with its errors.
type cohortDashboardExtras struct {
	Settings cohortForm
	// Risk is the at-risk thresholds form; empty shows the cohort's own.
	Risk       models.RiskThresholdsInput
	Instructor cohortInstructorForm
	Nudge      cohortNudgeForm
	Errors     FieldErrors
}

// cohortDashboardView is how the rows are ordered and filtered (?sort=, ?at_risk=1).
type cohortDashboardView struct {
	Sort       string
	AtRiskOnly bool
}

func readCohortDashboardView(c *fiber.Ctx) cohortDashboardView {
	v := cohortDashboardView{Sort: c.Query("sort", "name"), AtRiskOnly: c.Query("at_risk") == "1"}
	if !models.ValidCohortSort(v.Sort) {
		v.Sort = "name"
	}
	return v
}

// apply sorts and filters the dashboard's rows in place.
func (v cohortDashboardView) apply(d *models.CohortDashboard) {
	if v.AtRiskOnly {
		d.Rows = models.CohortAtRiskRows(d.Rows)
	}
	models.SortCohortRows(d.Rows, v.Sort)
}

// cohortSortColumn is a sortable column header: its link flips the order when it is the
// current sort.
type cohortSortColumn struct {
	Label, Key, Href, AriaSort string
}

func (v cohortDashboardView) columns(base string) []cohortSortColumn {
	labels := map[string]string{
		"name": "Student", "coursework": "Coursework", "study7": "Study 7 days", "study30": "Study 30 days",
		"last_activity": "Last activity", "readiness": "Readiness", "exam": "Exam", "practicum": "Practicum hours", "risk": "At risk",
	}
	out := make([]cohortSortColumn, 0, len(models.CohortSorts))
	for _, key := range models.CohortSorts {
		col := cohortSortColumn{Label: labels[key], Key: key, AriaSort: "none"}
		next := key
		switch v.Sort {
		case key:
			col.AriaSort, next = "ascending", "-"+key
		case "-" + key:
			col.AriaSort = "descending"
		}
		q := url.Values{"sort": {next}}
		if v.AtRiskOnly {
			q.Set("at_risk", "1")
		}
		col.Href = base + "?" + q.Encode()
		out = append(out, col)
	}
	return out
}

func (h *Handlers) showCohortDashboard(c *fiber.Ctx) error {
	cohort, err := h.instructorCohort(c)
	if err != nil {
		return err
	}
	return h.renderDashboard(c, cohort, fiber.StatusOK, cohortDashboardExtras{Settings: cohortFormOf(cohort), Risk: cohort.Thresholds().Input()})
}

func (h *Handlers) renderDashboard(c *fiber.Ctx, cohort models.Cohort, status int, extras cohortDashboardExtras) error {
	if extras.Risk == (models.RiskThresholdsInput{}) {
		extras.Risk = cohort.Thresholds().Input()
	}
	ctx := c.UserContext()
	dash, err := models.LoadCohortDashboard(ctx, h.DB, cohort, h.today(c))
	if err != nil {
		return err
	}
	instructors, err := models.CohortInstructors(ctx, h.DB, cohort)
	if err != nil {
		return err
	}
	options, err := models.CohortTargetOptions(ctx, h.DB)
	if err != nil {
		return err
	}
	view := readCohortDashboardView(c)
	total, atRisk := len(dash.Rows), dash.AtRiskCount()
	charts := []chartFigure{cohortReadinessChart(dash.Rows), cohortWeeklyChart("Weekly study minutes of the cohort", dash.Weekly)}
	view.apply(&dash)
	base := cohortPath(cohort.ID)
	viewer := currentUser(c)
	canHandOver := len(instructors) > 1 && (cohort.OwnerID == viewer.ID || viewer.Role == models.RoleAdmin)
	return h.render(c, status, "pages/cohort", fiber.Map{
		"CanHandOver": canHandOver,
		"Title":       cohort.Name, "Cohort": cohort, "Dash": dash, "Instructors": instructors, "Options": options,
		"JoinLink": h.joinLink(cohort.Code()), "View": view, "Columns": view.columns(base),
		"Total": total, "AtRisk": atRisk, "Charts": charts,
		"Extras": extras, "Errors": extras.Errors, "Base": base,
		"ExportHref": fmt.Sprintf("%s/export.csv?sort=%s", base, url.QueryEscape(view.Sort)),
	})
}
