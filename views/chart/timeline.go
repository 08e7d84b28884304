package chart

import (
	"html/template"
	"math"
	"slices"
	"strconv"
	"time"
)

// Timeline places labelled milestones on a date axis — program start, graduation,
// exam, end of the first CEU cycle — with a marker for today. Labels sit on four rows,
// above and below the axis; each takes the first row where it touches no other label,
// and on a crowded axis moves sideways, so labels never print over each other.
type Timeline struct {
	Title string
	// Desc is read by screen readers; when empty it lists the milestones.
	Desc       string
	Milestones []Milestone
	// Today draws a "Today" marker and marks milestones as done or upcoming.
	Today time.Time
	ID    string
}

// Milestone is one labelled date.
type Milestone struct {
	Label string
	At    time.Time
}

const (
	timelineHeight = 220.0
	timelineAxisY  = 100.0
)

// SVG draws the timeline, or the "No data yet" chart without milestones.
func (t Timeline) SVG() template.HTML {
	id := chartID(t.ID, "timeline", t.Title, t.Desc, strconv.Itoa(len(t.Milestones)))
	if len(t.Milestones) == 0 {
		return empty("timeline", id, t.Title)
	}
	milestones := t.sorted()
	from, to := milestones[0].At, milestones[len(milestones)-1].At
	if !t.Today.IsZero() {
		from, to = minTime(from, t.Today), maxTime(to, t.Today)
	}
	if !to.After(from) {
		from, to = from.AddDate(0, 0, -1), from.AddDate(0, 0, 1)
	}
	left, right := padding+40, canvasWidth-padding-40
	x := func(at time.Time) float64 {
		return left + float64(at.Sub(from))/float64(to.Sub(from))*(right-left)
	}
	var c canvas
	c.open("timeline", id, timelineHeight, t.Title, orDefault(t.Desc, t.sentence(milestones)))
	c.line("axis", mutedColour, 2, padding, timelineAxisY, canvasWidth-padding, timelineAxisY, "")
	places := labelPlaces(milestones, x)
	for i, m := range milestones {
		mx, offset := x(m.At), places[i].row
		labelY := timelineAxisY + offset
		class, fill := "milestone", seriesColour(0)
		if !t.Today.IsZero() && m.At.Before(t.Today) {
			class, fill = "milestone is-done", seriesColour(5)
		}
		c.ws(`<g class="` + class + `">`)
		c.line("milestone-stem", gridColour, 1, mx, timelineAxisY, mx, labelY-sign(offset)*14, "")
		c.ws(`<circle r="6" fill="` + fill + `" stroke="#ffffff" stroke-width="2"`)
		c.attr("cx", mx)
		c.attr("cy", timelineAxisY)
		c.ws(`/>`)
		lx := mx + places[i].shift
		c.text("milestone-label", textColour, lx, labelY-3, fontSize, anchorFor(mx), m.Label)
		c.text("milestone-date", mutedColour, lx, labelY+12, smallFont, anchorFor(mx), dateLabel(m.At))
		c.ws(`</g>`)
	}
	if !t.Today.IsZero() {
		tx := x(t.Today)
		c.line("today", todayColour, 2, tx, timelineAxisY-14, tx, timelineHeight-20, "4 3")
		c.text("today-label", todayColour, tx, timelineHeight-6, smallFont, anchorFor(tx), "Today")
	}
	return c.close()
}

// timelineLevels are the label rows, nearest the axis first: above, below, then the
// outer rows above and below.
var timelineLevels = [...]float64{-38, 38, -72, 72}

// labelGap is the least room kept between two labels on one row.
const labelGap = 8.0

// labelPlace is where a milestone's label goes: a row (offset from the axis) and a
// sideways shift from its marker, non-zero only on a crowded axis.
type labelPlace struct{ row, shift float64 }

// labelPlaces gives each milestone (in date order) the first row where its label and
// date do not run into a label already on that row, so milestones days apart (say
// graduation and the exam) never print over each other. When every row is taken it
// uses the row with the most room and moves the label sideways, right of its
// neighbour (or left of it near the right edge), until they no longer touch.
func labelPlaces(milestones []Milestone, x func(time.Time) float64) []labelPlace {
	placed := make([][][2]float64, len(timelineLevels))
	out := make([]labelPlace, len(milestones))
	for i, m := range milestones {
		mx := x(m.At)
		span := labelSpan(mx, math.Max(textWidth(m.Label, fontSize), textWidth(dateLabel(m.At), smallFont)))
		best, bestGap := 0, math.Inf(-1)
		for row := range timelineLevels {
			gap := rowGap(placed[row], span)
			if gap >= labelGap {
				best, bestGap = row, gap
				break
			}
			if gap > bestGap {
				best, bestGap = row, gap
			}
		}
		shift := 0.0
		if bestGap < labelGap {
			shift = sideways(placed[best], span)
		}
		placed[best] = append(placed[best], [2]float64{span[0] + shift, span[1] + shift})
		out[i] = labelPlace{row: timelineLevels[best], shift: shift}
	}
	return out
}

// rowGap is the room between span and the nearest span already on a row (negative
// when they overlap; +Inf on an empty row).
func rowGap(row [][2]float64, span [2]float64) float64 {
	gap := math.Inf(1)
	for _, other := range row {
		gap = math.Min(gap, math.Max(other[0]-span[1], span[0]-other[1]))
	}
	return gap
}

// sideways is how far to move span so it clears every span on row: right past the
// rightmost, or left of the leftmost when that would leave the canvas.
func sideways(row [][2]float64, span [2]float64) float64 {
	right, left := math.Inf(-1), math.Inf(1)
	for _, other := range row {
		right, left = math.Max(right, other[1]), math.Min(left, other[0])
	}
	if toRight := right + labelGap - span[0]; span[1]+toRight <= canvasWidth-padding {
		return toRight
	}
	return left - labelGap - span[1]
}

// labelSpan is the horizontal extent of text of width w anchored at x as anchorFor
// anchors it.
func labelSpan(x, w float64) [2]float64 {
	switch anchorFor(x) {
	case anchorStart:
		return [2]float64{x, x + w}
	case anchorEnd:
		return [2]float64{x - w, x}
	default:
		return [2]float64{x - w/2, x + w/2}
	}
}

// Table lists the milestones in date order, with their status when Today is set.
func (t Timeline) Table() Table {
	columns := []string{"Milestone", "Date"}
	if !t.Today.IsZero() {
		columns = append(columns, "Status")
	}
	milestones := t.sorted()
	rows := make([]Row, len(milestones))
	for i, m := range milestones {
		values := []string{dateLabel(m.At)}
		if !t.Today.IsZero() {
			values = append(values, status(m.At, t.Today))
		}
		rows[i] = Row{Label: m.Label, Values: values}
	}
	return Table{Caption: t.Title, Columns: columns, Rows: rows}
}

func (t Timeline) sorted() []Milestone {
	milestones := slices.Clone(t.Milestones)
	slices.SortStableFunc(milestones, func(a, b Milestone) int { return a.At.Compare(b.At) })
	return milestones
}

func (t Timeline) sentence(milestones []Milestone) string {
	s := ""
	for i, m := range milestones {
		if i > 0 {
			s += "; "
		}
		s += m.Label + " on " + dateLabel(m.At)
	}
	if !t.Today.IsZero() {
		s += "; today is " + dateLabel(t.Today)
	}
	return s + "."
}

// status says whether a milestone on at is behind or ahead of today.
func status(at, today time.Time) string {
	switch {
	case sameDay(at, today):
		return "today"
	case at.Before(today):
		return "done"
	default:
		return "upcoming"
	}
}

func sameDay(a, b time.Time) bool {
	ay, am, ad := a.Date()
	by, bm, bd := b.Date()
	return ay == by && am == bm && ad == bd
}

func minTime(a, b time.Time) time.Time {
	if b.Before(a) {
		return b
	}
	return a
}

func maxTime(a, b time.Time) time.Time {
	if b.After(a) {
		return b
	}
	return a
}

func sign(v float64) float64 {
	if v < 0 {
		return -1
	}
	return 1
}
