package chart

import (
	"html/template"
	"math"
)

// Progress is a single bar showing Value out of Max — CEUs earned of those a cycle
// requires, for example — with the figures written above it.
type Progress struct {
	Title string
	// Desc is read by screen readers; when empty it is the caption, "12 of 20 (60%)".
	Desc  string
	Value float64
	Max   float64
	// Format prints Value and Max; nil means Number.
	Format Format
	ID     string
}

// SVG draws the bar, full when Value reaches Max, or the "No data yet" chart when Max
// is not positive.
func (p Progress) SVG() template.HTML {
	id := chartID(p.ID, "progress", p.Title, p.Desc)
	if drawable(p.Max) == 0 {
		return empty("progress", id, p.Title)
	}
	caption := p.caption()
	share := math.Min(drawable(p.Value)/p.Max, 1)
	fill, class := seriesColour(0), "progress-fill"
	if share >= 1 {
		fill, class = seriesColour(2), "progress-fill is-complete"
	}
	width := canvasWidth - 2*padding
	var c canvas
	c.open("progress", id, 56, p.Title, orDefault(p.Desc, caption))
	c.text("progress-label", textColour, padding, 18, fontSize, anchorStart, caption)
	c.rect("progress-track", trackColour, padding, 26, width, 20, "")
	c.rect(class, fill, padding, 26, width*share, 20, caption)
	return c.close()
}

// Table returns one row, the title with the value, the maximum and the share, or no
// row when Max is not positive.
func (p Progress) Table() Table {
	table := Table{Caption: p.Title, Columns: []string{"Measure", "Done", "Required", "Share"}}
	if drawable(p.Max) == 0 {
		return table
	}
	format := orNumber(p.Format)
	share := Percent(math.Round(p.Value / p.Max * 100))
	table.Rows = []Row{{Label: p.Title, Values: []string{format(p.Value), format(p.Max), share}}}
	return table
}

// caption reads "12 of 20 (60%)".
func (p Progress) caption() string {
	format := orNumber(p.Format)
	return format(p.Value) + " of " + format(p.Max) + " (" + Percent(math.Round(drawable(p.Value)/p.Max*100)) + ")"
}
