package chart

import (
	"html/template"
	"math"
	"slices"
	"strconv"
	"time"
)

// Line draws one or more series over time — CEUs earned across a cycle against the
// steady pace that would finish it, or readiness across practice attempts — with an
// optional horizontal guide (a pass mark) and a marker for today.
type Line struct {
	Title string
	// Desc is read by screen readers; when empty it names the series.
	Desc   string
	Series []LineSeries
	// From and To fix the time axis (a whole cycle, say); zero values use the range of
	// the points.
	From, To time.Time
	// Today draws a "Today" marker when it is set and falls on the axis.
	Today time.Time
	// YMax fixes the top of the value axis; zero fits the data and the guide.
	YMax float64
	// Guide draws a dashed horizontal line at this value when GuideLabel is set.
	Guide      float64
	GuideLabel string
	// Format prints values; nil means Number.
	Format Format
	ID     string
}

// LineSeries is one line; Dashed draws it as a reference rather than a measurement.
// Step draws a running total: the line stays level until the next point's date and
// rises there, instead of sloping as if the amount grew in between.
type LineSeries struct {
	Name   string
	Points []Point
	Dashed bool
	Step   bool
}

// Point is one value at one date.
type Point struct {
	At    time.Time
	Value float64
}

const lineChartHeight = 300.0

// SVG draws the chart, or the "No data yet" chart when no series has a point.
func (l Line) SVG() template.HTML {
	id := chartID(l.ID, "line", l.Title, l.Desc, strconv.Itoa(len(l.Series)))
	from, to, ok := l.span()
	if !ok {
		return empty("line", id, l.Title)
	}
	format := orNumber(l.Format)
	var c canvas
	c.open("line", id, lineChartHeight, l.Title, orDefault(l.Desc, l.sentence()))
	entries := make([]legendEntry, len(l.Series))
	for i, s := range l.Series {
		entries[i] = legendEntry{name: s.Name, colour: seriesColour(i), dashed: s.Dashed}
	}
	_, _, legendHeight := legendLayout(entries)
	c.legend(entries, padding, true)
	top, step := niceScale(l.valueMax(), 5)
	p := plot{top: padding + legendHeight + 16, right: canvasWidth - padding - 8, bottom: lineChartHeight - 30, yTop: top}
	p.left = padding + yLabelWidth(top, step, format)
	c.yAxis(p, step, format)
	x := func(t time.Time) float64 {
		return p.left + float64(t.Sub(from))/float64(to.Sub(from))*(p.right-p.left)
	}
	c.timeAxis(p, from, to, x)
	if l.GuideLabel != "" {
		y := p.y(l.Guide)
		c.line("guide", mutedColour, 1.5, p.left, y, p.right, y, "2 3")
		c.text("guide-label", mutedColour, p.right, y-5, smallFont, anchorEnd, l.GuideLabel)
	}
	for i, s := range l.Series {
		c.series(i, s, p, x, format)
	}
	if !l.Today.IsZero() && !l.Today.Before(from) && !l.Today.After(to) {
		tx := x(l.Today)
		c.line("today", todayColour, 1.5, tx, p.top-8, tx, p.bottom, "4 3")
		c.text("today-label", todayColour, tx, p.top-11, smallFont, anchorFor(tx), "Today")
	}
	return c.close()
}

// series draws one polyline (level then rising at each point for a step series), with a
// dot per point when there are few enough to see.
func (c *canvas) series(i int, s LineSeries, p plot, x func(time.Time) float64, format Format) {
	points := sortedPoints(s.Points)
	colour := seriesColour(i)
	c.ws(`<g class="series series-` + itoa(i) + `">`)
	c.ws(`<polyline class="series-line" fill="none" stroke="` + colour + `" stroke-width="2.5" stroke-linejoin="round"`)
	if s.Dashed {
		c.ws(` stroke-dasharray="6 4"`)
	}
	c.ws(` points="`)
	for k, pt := range points {
		if k > 0 {
			c.wb(' ')
			if s.Step {
				c.num(x(pt.At))
				c.wb(',')
				c.num(p.y(points[k-1].Value))
				c.wb(' ')
			}
		}
		c.num(x(pt.At))
		c.wb(',')
		c.num(p.y(pt.Value))
	}
	c.ws(`"/>`)
	if len(points) <= 60 && !s.Dashed {
		for _, pt := range points {
			c.ws(`<circle class="series-dot" r="3.5" fill="` + colour + `"`)
			c.attr("cx", x(pt.At))
			c.attr("cy", p.y(pt.Value))
			c.ws(`><title>`)
			c.ws(esc(s.Name + ", " + dateLabel(pt.At) + ": " + format(pt.Value)))
			c.ws(`</title></circle>`)
		}
	}
	c.ws(`</g>`)
}

// Table returns one row per date found in any series, with a column per series; a
// series without a point on that date has an empty cell.
func (l Line) Table() Table {
	format := orNumber(l.Format)
	columns := []string{"Date"}
	var dates []time.Time
	for _, s := range l.Series {
		columns = append(columns, s.Name)
		for _, pt := range s.Points {
			dates = append(dates, pt.At)
		}
	}
	slices.SortFunc(dates, func(a, b time.Time) int { return a.Compare(b) })
	dates = slices.CompactFunc(dates, func(a, b time.Time) bool { return a.Equal(b) })
	rows := make([]Row, len(dates))
	for i, at := range dates {
		values := make([]string, len(l.Series))
		for j, s := range l.Series {
			for _, pt := range s.Points {
				if pt.At.Equal(at) {
					values[j] = format(pt.Value)
				}
			}
		}
		rows[i] = Row{Label: dateLabel(at), Values: values}
	}
	return Table{Caption: l.Title, Columns: columns, Rows: rows}
}

// span is the time axis: From and To where set, otherwise the points' range, widened
// by a day on each side when it is a single instant. ok is false without points.
func (l Line) span() (from, to time.Time, ok bool) {
	for _, s := range l.Series {
		for _, pt := range s.Points {
			if !ok || pt.At.Before(from) {
				from = pt.At
			}
			if !ok || pt.At.After(to) {
				to = pt.At
			}
			ok = true
		}
	}
	if !ok {
		return from, to, false
	}
	if !l.From.IsZero() {
		from = l.From
	}
	if !l.To.IsZero() {
		to = l.To
	}
	if !to.After(from) {
		from, to = from.AddDate(0, 0, -1), from.AddDate(0, 0, 1)
	}
	return from, to, true
}

// valueMax is the largest value the axis must show.
func (l Line) valueMax() float64 {
	max := drawable(l.YMax)
	if l.YMax > 0 {
		return max
	}
	if l.GuideLabel != "" {
		max = drawable(l.Guide)
	}
	for _, s := range l.Series {
		for _, pt := range s.Points {
			max = math.Max(max, drawable(pt.Value))
		}
	}
	return max
}

func (l Line) sentence() string {
	series := make([]Series, len(l.Series))
	for i, s := range l.Series {
		series[i] = Series{Name: s.Name}
	}
	return seriesSentence("Lines", series)
}

// sortedPoints returns the points in date order without changing the caller's slice.
func sortedPoints(points []Point) []Point {
	if slices.IsSortedFunc(points, func(a, b Point) int { return a.At.Compare(b.At) }) {
		return points
	}
	sorted := slices.Clone(points)
	slices.SortStableFunc(sorted, func(a, b Point) int { return a.At.Compare(b.At) })
	return sorted
}

// anchorFor keeps a label centred on x inside the canvas near either edge.
func anchorFor(x float64) anchor {
	switch {
	case x < 60:
		return anchorStart
	case x > canvasWidth-60:
		return anchorEnd
	default:
		return anchorMiddle
	}
}
