package handlers

import (
	"slices"
	"testing"

	"hitpath/models"
)

func TestCohortReadinessChartCountsEveryStudentOnce(t *testing.T) {
	var rows []models.CohortRow
	for _, p := range []float64{12, 49.9, 50, 59.9, 75, 90, 100} {
		rows = append(rows, models.CohortRow{Readiness: models.ReadinessReport{HasData: true, Percent: p}})
	}
	rows = append(rows, models.CohortRow{}, models.CohortRow{})
	f := cohortReadinessChart(rows)
	checkFigure(t, f, "Readiness distribution")
	want := map[string]string{"under 50%": "2", "50–59%": "2", "60–69%": "0", "70–79%": "1", "80–89%": "0", "90% +": "2", "no practice exam": "2"}
	if len(f.Table.Rows) != len(want) {
		t.Fatalf("got rows %+v, want %d", f.Table.Rows, len(want))
	}
	for label, count := range want {
		if got := tableRow(t, f.Table, label).Values; !slices.Equal(got, []string{count}) {
			t.Errorf("%s: got %v, want %s", label, got, count)
		}
	}
}

func TestCohortWeeklyChartHasOneRowPerWeek(t *testing.T) {
	weeks := []models.StudyWeek{{Start: models.DateOf(2026, 3, 2), Minutes: 95}, {Start: models.DateOf(2026, 3, 9), Minutes: 0}}
	f := cohortWeeklyChart("Weekly study minutes of the cohort", weeks)
	checkFigure(t, f, "Weekly study minutes of the cohort")
	if got := tableRow(t, f.Table, "2 Mar 2026").Values; !slices.Equal(got, []string{"95"}) {
		t.Errorf("first week: got %v, want 95", got)
	}
	if got := len(f.Table.Rows); got != 2 {
		t.Errorf("rows: got %d, want 2", got)
	}
}
