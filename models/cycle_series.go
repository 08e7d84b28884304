package models

import "time"

// SeriesPoint is one point of a chart: a date and an amount in hundredths.
type SeriesPoint struct {
	Date time.Time
	CEUs int
}

// CumulativeSeries is the data for a cycle's progress chart: plain values, drawn as
// SVG by the view.
type CumulativeSeries struct {
	// Points starts on the cycle's first day and then has one point per later date
	// with activities in the cycle, in date order, each with the credit logged up to
	// and including that day (so the first point is 0 unless something is logged on
	// the first day).
	Points []SeriesPoint
	// PaceStart and PaceEnd are the ends of the steady-pace line: nothing at the
	// start, the whole requirement on the last day.
	PaceStart SeriesPoint
	PaceEnd   SeriesPoint
}

// CycleSeries returns the cumulative credit of the activities dated in p's cycle and
// the steady-pace line to compare it with. Activities outside the cycle are ignored;
// Progress reports them.
func CycleSeries(p CycleProgress, activities []CEUActivity) CumulativeSeries {
	c := p.Cycle
	series := CumulativeSeries{
		Points:    []SeriesPoint{{Date: c.Start}},
		PaceStart: SeriesPoint{Date: c.Start},
		PaceEnd:   SeriesPoint{Date: c.End, CEUs: p.Required},
	}
	total := 0
	for _, credit := range within(creditsByDate(activities), c) {
		total += credit.ceus
		day := time.Unix(int64(credit.day)*secondsPerDay, 0).UTC()
		last := &series.Points[len(series.Points)-1]
		if day.Equal(last.Date) {
			last.CEUs = total
			continue
		}
		series.Points = append(series.Points, SeriesPoint{Date: day, CEUs: total})
	}
	return series
}
