package handlers

import (
	"fmt"
	"math"
	"strings"

	"hitpath/models"
	"hitpath/views/chart"
)

// cycleChart draws a cycle's cumulative credit against the steady pace that would
// meet the requirement exactly on the last day; the caption says the same in words.
func cycleChart(p models.CycleProgress, series models.CumulativeSeries) *chartFigure {
	point := func(s models.SeriesPoint) chart.Point {
		return chart.Point{At: s.Date, Value: float64(s.CEUs) / 100}
	}
	earned := chart.LineSeries{Name: p.Unit + "s logged", Step: true, Points: make([]chart.Point, 0, len(series.Points)+1)}
	for _, s := range series.Points {
		earned.Points = append(earned.Points, point(s))
	}
	// The total holds from the last activity until today.
	today := models.AddDays(p.Cycle.Start, p.DaysElapsed)
	if last := series.Points[len(series.Points)-1]; p.DaysElapsed > 0 && today.After(last.Date) && !today.After(p.Cycle.End) {
		earned.Points = append(earned.Points, point(models.SeriesPoint{Date: today, CEUs: last.CEUs}))
	}
	pace := chart.LineSeries{Name: "Steady pace", Dashed: true, Points: []chart.Point{point(series.PaceStart), point(series.PaceEnd)}}
	line := chart.Line{
		Title: fmt.Sprintf("%ss logged from %s to %s", p.Unit, p.Cycle.Start.Format("2 Jan 2006"), p.Cycle.End.Format("2 Jan 2006")),
		Desc: fmt.Sprintf("%s of %s %ss logged; the dashed line is the steady pace that reaches %s on %s.",
			models.FormatCEUs(p.Earned), models.FormatCEUs(p.Required), p.Unit, models.FormatCEUs(p.Required), p.Cycle.End.Format("2 Jan 2006")),
		Series: []chart.LineSeries{earned, pace},
		From:   p.Cycle.Start, To: p.Cycle.End,
		Format: func(v float64) string { return models.FormatCEUs(int(math.Round(v * 100))) },
		ID:     strings.ToLower(models.CycleKey(p)),
	}
	if p.DaysElapsed > 0 {
		line.Today = today
	}
	figure := drawChart(line)
	figure.Caption = line.Desc
	return &figure
}
