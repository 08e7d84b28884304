package handlers

import (
	"fmt"
	"time"

	"hitpath/models"
	"hitpath/views/chart"
)

// Charts of the student pages, drawn by views/chart.

// pathwayMilestones lists the known dates from program start to the end of the first
// CEU cycle: the cycle starts on the pass date, or, before a pass, on the scheduled exam
// date as a projection.
func pathwayMilestones(p models.Pathway) []chart.Milestone {
	var out []chart.Milestone
	add := func(label string, t *time.Time) {
		if t != nil {
			out = append(out, chart.Milestone{Label: label, At: models.DateOnly(*t)})
		}
	}
	add("Program start", p.ProgramStart)
	add("Last term", p.LastTermStart)
	add("Graduation", p.ExpectedGraduation)
	exam := p.ExamScheduledOn
	label := "Exam"
	if p.Passed() {
		exam, label = p.PassedOn, "Passed"
	}
	add(label, exam)
	if exam != nil {
		_, end := models.FirstCycle(*exam)
		add("First CEU cycle ends", &end)
	}
	return out
}

// pathwayTimelineChart places the pathway's milestones on a time axis with today marked.
func pathwayTimelineChart(p models.Pathway, today time.Time) chartFigure {
	return drawChart(chart.Timeline{Title: "Your pathway timeline", Milestones: pathwayMilestones(p), Today: today, ID: "timeline"})
}

// studyWeeksChart draws one bar per week, stacked by exam domain in outline order.
func studyWeeksChart(weeks []models.StudyWeek, outline []models.ExamDomain) chartFigure {
	categories := make([]string, len(weeks))
	series := make([]chart.Series, len(outline))
	for j, d := range outline {
		series[j] = chart.Series{Name: d.Name, Values: make([]float64, len(weeks))}
	}
	total, most := 0, 0
	for i, w := range weeks {
		categories[i] = w.Start.Format("2 Jan 2006")
		for j, d := range outline {
			series[j].Values[i] = float64(w.ByDomain[d.Position])
		}
		total, most = total+w.Minutes, max(most, w.Minutes)
	}
	bars := chart.StackedBars{Title: "Study minutes per week, by exam domain", Categories: categories, Series: series,
		CategoryHeader: "Week of", ID: "study"}
	if len(weeks) > 0 {
		bars.Desc = fmt.Sprintf("%d weeks from %s: %d minutes in all, at most %d in one week.",
			len(weeks), weeks[0].Start.Format("2 Jan 2006"), total, most)
	}
	return drawChart(bars)
}

// readinessTrendChart draws readiness after each practice exam, oldest first, with the
// 75% target the study plan aims for.
func readinessTrendChart(trend []models.ReadinessPoint) chartFigure {
	readiness := chart.LineSeries{Name: "Readiness", Points: make([]chart.Point, len(trend))}
	for i, p := range trend {
		readiness.Points[i] = chart.Point{At: p.On, Value: p.Percent}
	}
	line := chart.Line{Title: "Readiness after each practice exam", Series: []chart.LineSeries{readiness},
		YMax: 100, Guide: 75, GuideLabel: "75% target", Format: chart.Percent, ID: "trend"}
	if n := len(trend); n > 0 {
		line.Desc = fmt.Sprintf("%d attempts: from %s on %s to %s on %s.", n,
			chart.Percent(trend[0].Percent), trend[0].On.Format("2 Jan 2006"), chart.Percent(trend[n-1].Percent), trend[n-1].On.Format("2 Jan 2006"))
	}
	return drawChart(line)
}
