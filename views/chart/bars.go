package chart

import (
	"html/template"
	"math"
	"strconv"
)

// Series is one named row of values, Values[i] belonging to the chart's i-th
// category. A series shorter than the categories has no value for the rest.
type Series struct {
	Name   string
	Values []float64
}

// value returns the series' value for category i and whether it has one.
func (s Series) value(i int) (float64, bool) {
	if i >= len(s.Values) {
		return 0, false
	}
	return s.Values[i], true
}

// GroupedBars draws vertical bars side by side, one group per category and one bar
// per series in each group — wage percentiles for two places, for example.
type GroupedBars struct {
	Title string
	// Desc is read by screen readers; when empty it names the series.
	Desc       string
	Categories []string
	Series     []Series
	// Format prints values on the axis and in the table; nil means Number.
	Format Format
	// CategoryHeader heads the table's first column.
	CategoryHeader string
	ID             string
}

// StackedBars draws one vertical bar per category with the series stacked in it —
// study minutes per week split by exam domain, for example.
type StackedBars struct {
	Title string
	// Desc is read by screen readers; when empty it names the series.
	Desc       string
	Categories []string
	Series     []Series
	// Format prints values on the axis and in the table; nil means Number.
	Format Format
	// CategoryHeader heads the table's first column.
	CategoryHeader string
	ID             string
}

const barChartHeight = 320.0

// barFrame lays out the legend and the axes shared by grouped and stacked bars.
func barFrame(c *canvas, series []Series, max float64, format Format) plot {
	entries := make([]legendEntry, len(series))
	for i, s := range series {
		entries[i] = legendEntry{name: s.Name, colour: seriesColour(i)}
	}
	_, _, legendHeight := legendLayout(entries)
	c.legend(entries, padding, false)
	top, step := niceScale(max, 5)
	p := plot{
		left:   padding + yLabelWidth(top, step, format),
		top:    padding + legendHeight + 12,
		right:  canvasWidth - padding,
		bottom: barChartHeight - 30,
		yTop:   top,
	}
	c.yAxis(p, step, format)
	return p
}

// categoryLabels writes the category names under the plot, skipping some when they
// would overlap.
func categoryLabels(c *canvas, p plot, categories []string) {
	band := (p.right - p.left) / float64(len(categories))
	widest := 0.0
	for _, name := range categories {
		widest = math.Max(widest, textWidth(name, smallFont))
	}
	stride := labelStride(len(categories), p.right-p.left, widest+8)
	for i := 0; i < len(categories); i += stride {
		c.text("axis category-label", mutedColour, p.left+band*(float64(i)+0.5), p.bottom+18, smallFont, anchorMiddle, categories[i])
	}
	c.line("axis", mutedColour, 1, p.left, p.bottom, p.right, p.bottom, "")
}

// SVG draws the chart, or the "No data yet" chart when there are no categories or no
// series.
func (g GroupedBars) SVG() template.HTML {
	id := chartID(g.ID, "grouped", g.Title, g.Desc, strconv.Itoa(len(g.Categories)))
	if len(g.Categories) == 0 || len(g.Series) == 0 {
		return empty("grouped", id, g.Title)
	}
	format := orNumber(g.Format)
	max := 0.0
	for _, s := range g.Series {
		for _, v := range s.Values {
			max = math.Max(max, drawable(v))
		}
	}
	var c canvas
	c.open("grouped", id, barChartHeight, g.Title, orDefault(g.Desc, seriesSentence("Grouped bars", g.Series)))
	p := barFrame(&c, g.Series, max, format)
	band := (p.right - p.left) / float64(len(g.Categories))
	barWidth := band * 0.8 / float64(len(g.Series))
	for i, category := range g.Categories {
		x := p.left + band*float64(i) + band*0.1
		for j, s := range g.Series {
			v, ok := s.value(i)
			if !ok {
				continue
			}
			c.rect("bar series-"+itoa(j), seriesColour(j), x+barWidth*float64(j), p.y(v), barWidth, p.height(v),
				category+", "+s.Name+": "+format(v))
		}
	}
	categoryLabels(&c, p, g.Categories)
	return c.close()
}

// Table returns one row per category with a column per series.
func (g GroupedBars) Table() Table {
	return seriesTable(g.Title, orDefault(g.CategoryHeader, "Category"), g.Categories, g.Series, orNumber(g.Format), false)
}

// SVG draws the chart, or the "No data yet" chart when there are no categories or no
// series.
func (s StackedBars) SVG() template.HTML {
	id := chartID(s.ID, "stacked", s.Title, s.Desc, strconv.Itoa(len(s.Categories)))
	if len(s.Categories) == 0 || len(s.Series) == 0 {
		return empty("stacked", id, s.Title)
	}
	format := orNumber(s.Format)
	max := 0.0
	for i := range s.Categories {
		max = math.Max(max, s.total(i))
	}
	var c canvas
	c.grow(s.sizeHint())
	c.open("stacked", id, barChartHeight, s.Title, orDefault(s.Desc, seriesSentence("Stacked bars", s.Series)))
	p := barFrame(&c, s.Series, max, format)
	band := (p.right - p.left) / float64(len(s.Categories))
	categories := make([]string, len(s.Categories))
	for i, category := range s.Categories {
		categories[i] = esc(category)
	}
	below := make([]float64, len(s.Categories))
	for j, series := range s.Series {
		c.ws(`<g class="series series-` + itoa(j) + `" fill="` + seriesColour(j) + `" stroke="#ffffff" stroke-width="0.5">`)
		name := esc(series.Name)
		for i := range s.Categories {
			v, ok := series.value(i)
			if !ok || drawable(v) == 0 {
				continue
			}
			v = drawable(v)
			c.segment(p.left+band*float64(i)+band*0.1, p.y(below[i]+v), band*0.8, p.height(v), categories[i], name, esc(format(v)))
			below[i] += v
		}
		c.ws(`</g>`)
	}
	categoryLabels(&c, p, s.Categories)
	return c.close()
}

// segment is a stacked-bar rectangle whose tooltip reads "category, series: value"
// from already escaped parts; its fill and white outline come from the enclosing
// group, which keeps a 104-week chart small.
func (c *canvas) segment(x, y, w, h float64, category, series, value string) {
	c.ws(`<rect`)
	c.attr("x", x)
	c.attr("y", y)
	c.attr("width", w)
	c.attr("height", h)
	c.ws(`><title>`)
	c.ws(category)
	c.ws(`, `)
	c.ws(series)
	c.ws(`: `)
	c.ws(value)
	c.ws(`</title></rect>`)
}

// Table returns one row per category with a column per series and a total.
func (s StackedBars) Table() Table {
	return seriesTable(s.Title, orDefault(s.CategoryHeader, "Category"), s.Categories, s.Series, orNumber(s.Format), true)
}

// sizeHint estimates the length of the SVG, slightly over, so the buffer is allocated
// once: about 70 bytes of markup per segment plus its tooltip, and a few kilobytes of
// axes and legend.
func (s StackedBars) sizeHint() int {
	labels := 0
	for _, category := range s.Categories {
		labels += len(category)
	}
	size := 4096 + 64*len(s.Categories)
	for _, series := range s.Series {
		size += len(series.Name) * 2
		size += min(len(series.Values), len(s.Categories)) * (72 + len(series.Name))
		size += labels
	}
	return size
}

// total is the height of category i's stack.
func (s StackedBars) total(i int) float64 {
	sum := 0.0
	for _, series := range s.Series {
		v, _ := series.value(i)
		sum += drawable(v)
	}
	return sum
}

// seriesTable lays categories out as rows and series as columns, with a total column
// when withTotal is set. A missing value is an empty cell; without series there are no
// rows, as there is no chart.
func seriesTable(caption, header string, categories []string, series []Series, format Format, withTotal bool) Table {
	if len(series) == 0 {
		categories = nil
	}
	columns := []string{header}
	for _, s := range series {
		columns = append(columns, s.Name)
	}
	if withTotal {
		columns = append(columns, "Total")
	}
	rows := make([]Row, len(categories))
	for i, category := range categories {
		values := make([]string, 0, len(columns)-1)
		sum := 0.0
		for _, s := range series {
			v, ok := s.value(i)
			if !ok {
				values = append(values, "")
				continue
			}
			sum += v
			values = append(values, format(v))
		}
		if withTotal {
			values = append(values, format(sum))
		}
		rows[i] = Row{Label: category, Values: values}
	}
	return Table{Caption: caption, Columns: columns, Rows: rows}
}

// seriesSentence is the default description of a chart with named series.
func seriesSentence(kind string, series []Series) string {
	names := ""
	for i, s := range series {
		switch {
		case i == 0:
			names = s.Name
		case i == len(series)-1:
			names += " and " + s.Name
		default:
			names += ", " + s.Name
		}
	}
	return kind + " comparing " + names + "; the figures are in the table that follows."
}
