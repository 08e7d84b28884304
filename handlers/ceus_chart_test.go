package handlers

import (
	"slices"
	"strings"
	"testing"

	"hitpath/models"
)

func TestCycleChartStepsUpToTodayAgainstThePace(t *testing.T) {
	start, end := models.DateOf(2025, 3, 15), models.DateOf(2027, 3, 14)
	p := models.CycleProgress{Body: "AHIMA", Unit: "CEU", Cycle: models.Cycle{Start: start, End: end},
		Required: 2000, Earned: 550, TotalDays: models.DaysBetween(start, end) + 1, DaysElapsed: 300}
	series := models.CumulativeSeries{
		Points:    []models.SeriesPoint{{Date: start}, {Date: models.DateOf(2025, 6, 1), CEUs: 300}, {Date: models.DateOf(2025, 9, 1), CEUs: 550}},
		PaceStart: models.SeriesPoint{Date: start}, PaceEnd: models.SeriesPoint{Date: end, CEUs: 2000},
	}
	f := cycleChart(p, series)
	checkFigure(t, *f, "CEUs logged from 15 Mar 2025 to 14 Mar 2027")
	svg := string(f.SVG)
	for _, want := range []string{`id="chart-ahima-2025-03-15-title"`, ">Today<", "stroke-dasharray", "Steady pace",
		"5.5 of 20 CEUs logged; the dashed line is the steady pace that reaches 20 on 14 Mar 2027."} {
		if !strings.Contains(svg, want) {
			t.Errorf("got no %q in the chart", want)
		}
	}
	if !strings.Contains(f.Caption, "steady pace") {
		t.Errorf("caption: got %q", f.Caption)
	}
	if got := f.Table.Columns; !slices.Equal(got, []string{"Date", "CEUs logged", "Steady pace"}) {
		t.Errorf("columns: got %v", got)
	}
	today := models.AddDays(start, 300).Format("2 Jan 2006")
	for label, want := range map[string][]string{"15 Mar 2025": {"0", "0"}, "1 Sep 2025": {"5.5", ""}, today: {"5.5", ""}, "14 Mar 2027": {"", "20"}} {
		if got := tableRow(t, f.Table, label).Values; !slices.Equal(got, want) {
			t.Errorf("%s: got %v, want %v", label, got, want)
		}
	}
}
