package handlers

import (
	"hitpath/models"
	"hitpath/views"
	"hitpath/views/chart"
)

// cohortReadinessEdges bound the readiness ranges of the distribution chart, and
// cohortReadinessLabels name them; students without practice exams get a bar of their own.
var (
	cohortReadinessEdges  = []float64{0, 50, 60, 70, 80, 90, 100}
	cohortReadinessLabels = []string{"under 50%", "50–59%", "60–69%", "70–79%", "80–89%", "90% +"}
)

// cohortReadinessChart counts students per readiness range.
func cohortReadinessChart(rows []models.CohortRow) chartFigure {
	var percents []float64
	none := 0
	for _, r := range rows {
		if r.Readiness.HasData {
			percents = append(percents, r.Readiness.Percent)
		} else {
			none++
		}
	}
	bars := chart.Bins(percents, cohortReadinessEdges, chart.Percent)
	for i := range bars {
		bars[i].Label = cohortReadinessLabels[i]
	}
	bars = append(bars, chart.Bar{Label: "no practice exam", Value: float64(none)})
	return drawChart(chart.HBar{Title: "Readiness distribution", Bars: bars, LabelHeader: "Readiness", ValueHeader: "Students",
		Desc: "How many of the " + views.Count(len(rows), "student", "students") + " are in each readiness range; the counts are in the table that follows.",
		ID:   "readiness"})
}

// cohortWeeklyChart shows total study minutes per week.
func cohortWeeklyChart(title string, weeks []models.StudyWeek) chartFigure {
	categories := make([]string, len(weeks))
	minutes := make([]float64, len(weeks))
	for i, w := range weeks {
		categories[i], minutes[i] = w.Start.Format("2 Jan 2006"), float64(w.Minutes)
	}
	return drawChart(chart.GroupedBars{Title: title, Categories: categories, CategoryHeader: "Week of",
		Series: []chart.Series{{Name: "Study minutes", Values: minutes}}, ID: "weekly"})
}
