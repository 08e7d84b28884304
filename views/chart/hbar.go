package chart

import (
	"html/template"
	"math"
	"strconv"
)

// HBar is a horizontal bar chart: one labelled bar per item, its value printed at the
// end of the bar and an optional note (such as a median wage) right-aligned on the
// same line. Labels sit above their bars so long ones stay readable on a phone.
type HBar struct {
	Title string
	// Desc is the one-sentence description read by screen readers; when empty, one is
	// made from the largest bar.
	Desc string
	Bars []Bar
	// Format prints values; nil means Number.
	Format Format
	// Max is the value of a full-width bar; zero means the largest value, so bars of
	// shares can be drawn against 100 by setting it.
	Max float64
	// LabelHeader, ValueHeader and NoteHeader head the table's columns; the note
	// column appears only when a bar has a note.
	LabelHeader, ValueHeader, NoteHeader string
	// ID, when set, makes the element ids predictable.
	ID string
}

// Bar is one item of an HBar.
type Bar struct {
	Label string
	Value float64
	Note  string
}

const hbarRow = 42.0

// SVG draws the chart, or the "No data yet" chart when there are no bars.
func (h HBar) SVG() template.HTML {
	id := h.id()
	if len(h.Bars) == 0 {
		return empty("hbar", id, h.Title)
	}
	format := orNumber(h.Format)
	valueRoom, noteRoom := 0.0, 0.0
	for _, b := range h.Bars {
		valueRoom = math.Max(valueRoom, textWidth(format(b.Value), smallFont)+8)
		if b.Note != "" {
			noteRoom = math.Max(noteRoom, textWidth(b.Note, smallFont)+16)
		}
	}
	left := padding
	plotWidth := canvasWidth - 2*padding - valueRoom - noteRoom
	top := h.scaleMax()

	var c canvas
	c.open("hbar", id, 2*padding+float64(len(h.Bars))*hbarRow, h.Title, h.desc())
	for i, b := range h.Bars {
		y := padding + float64(i)*hbarRow
		width := drawable(b.Value) / top * plotWidth
		value := format(b.Value)
		c.text("bar-label", textColour, left, y+14, fontSize, anchorStart, b.Label)
		c.rect("bar series-0", seriesColour(0), left, y+20, width, 16, b.Label+": "+value)
		c.text("bar-value", textColour, left+width+6, y+32, smallFont, anchorStart, value)
		if b.Note != "" {
			c.text("bar-note", mutedColour, canvasWidth-padding, y+32, smallFont, anchorEnd, b.Note)
		}
	}
	return c.close()
}

// Table returns the bars as rows: label, value and, when any bar has one, the note.
func (h HBar) Table() Table {
	format := orNumber(h.Format)
	columns := []string{orDefault(h.LabelHeader, "Item"), orDefault(h.ValueHeader, "Value")}
	hasNotes := false
	for _, b := range h.Bars {
		hasNotes = hasNotes || b.Note != ""
	}
	if hasNotes {
		columns = append(columns, orDefault(h.NoteHeader, "Note"))
	}
	rows := make([]Row, 0, len(h.Bars))
	for _, b := range h.Bars {
		values := []string{format(b.Value)}
		if hasNotes {
			values = append(values, b.Note)
		}
		rows = append(rows, Row{Label: b.Label, Values: values})
	}
	return Table{Caption: h.Title, Columns: columns, Rows: rows}
}

// scaleMax is the value drawn as a full-width bar.
func (h HBar) scaleMax() float64 {
	top := drawable(h.Max)
	for _, b := range h.Bars {
		top = math.Max(top, drawable(b.Value))
	}
	if top == 0 {
		return 1
	}
	return top
}

func (h HBar) desc() string {
	if h.Desc != "" || len(h.Bars) == 0 {
		return h.Desc
	}
	largest := h.Bars[0]
	for _, b := range h.Bars[1:] {
		if b.Value > largest.Value {
			largest = b
		}
	}
	return strconv.Itoa(len(h.Bars)) + " bars; the largest is " + largest.Label + " at " +
		orNumber(h.Format)(largest.Value) + "."
}

func (h HBar) id() string {
	return chartID(h.ID, "hbar", h.Title, h.Desc, strconv.Itoa(len(h.Bars)))
}

// Bins counts values into the half-open ranges [edges[i], edges[i+1]), the last range
// closed, and returns one Bar per range labelled "low–high" with format — a histogram
// drawn as an HBar. Values outside the edges are not counted.
func Bins(values, edges []float64, format Format) []Bar {
	if len(edges) < 2 {
		return nil
	}
	format = orNumber(format)
	bars := make([]Bar, len(edges)-1)
	for i := range bars {
		bars[i].Label = format(edges[i]) + "–" + format(edges[i+1])
	}
	last := len(edges) - 1
	for _, v := range values {
		for i := range bars {
			if v >= edges[i] && (v < edges[i+1] || i == last-1 && v == edges[last]) {
				bars[i].Value++
				break
			}
		}
	}
	return bars
}

// orDefault returns s, or fallback when s is empty.
func orDefault(s, fallback string) string {
	if s == "" {
		return fallback
	}
	return s
}
