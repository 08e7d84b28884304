package chart

import (
	"hash/fnv"
	"html/template"
	"math"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"
)

// Shared geometry: every chart is drawn in a 640-unit-wide viewBox and scaled by the
// browser, so font sizes below are relative to that width.
const (
	canvasWidth = 640.0
	padding     = 8.0
	fontSize    = 13.0
	smallFont   = 12.0
	textColour  = "#1f2328"
	mutedColour = "#4b5563"
	gridColour  = "#d0d7de"
	trackColour = "#e5e9ee"
	todayColour = "#9e1c1c"
)

// seriesColour returns the default fill of series i. The colours are Okabe–Ito hues
// with at least 3:1 contrast against white (see the package comment).
func seriesColour(i int) string {
	switch i % 6 {
	case 0:
		return "#0072B2" // blue
	case 1:
		return "#D55E00" // vermillion
	case 2:
		return "#009E73" // bluish green
	case 3:
		return "#CC79A7" // reddish purple
	case 4:
		return "#AD6A00" // dark orange
	default:
		return "#5A6570" // slate
	}
}

// Chart is what every chart in this package offers a page.
type Chart interface {
	SVG() template.HTML
	Table() Table
}

// canvas accumulates one SVG document. It appends to a byte slice rather than a
// strings.Builder: the 104-week chart writes some twenty thousand pieces and the plain
// append is measurably cheaper.
type canvas struct {
	buf []byte
}

// grow makes room for n more bytes.
func (c *canvas) grow(n int) {
	c.buf = slices.Grow(c.buf, n)
}

// ws writes a string as is.
func (c *canvas) ws(s string) {
	c.buf = append(c.buf, s...)
}

// wb writes one byte.
func (c *canvas) wb(b byte) {
	c.buf = append(c.buf, b)
}

// open writes the root element with its accessible name and description.
func (c *canvas) open(kind, id string, height float64, title, desc string) {
	c.grow(2048)
	c.ws(`<svg xmlns="http://www.w3.org/2000/svg" class="chart chart-`)
	c.ws(kind)
	c.ws(`" viewBox="0 0 `)
	c.num(canvasWidth)
	c.wb(' ')
	c.num(height)
	c.ws(`" width="100%" preserveAspectRatio="xMidYMid meet" role="img" aria-labelledby="`)
	c.ws(id)
	c.ws(`-title `)
	c.ws(id)
	c.ws(`-desc" font-family="system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif" font-size="13"><title id="`)
	c.ws(id)
	c.ws(`-title">`)
	c.ws(esc(title))
	c.ws(`</title><desc id="`)
	c.ws(id)
	c.ws(`-desc">`)
	c.ws(esc(desc))
	c.ws(`</desc>`)
}

// close ends the document and hands it over as trusted HTML: every piece of text in it
// went through esc.
func (c *canvas) close() template.HTML {
	c.ws(`</svg>`)
	return template.HTML(c.buf)
}

// num writes a coordinate rounded to one decimal, through integer arithmetic because
// it runs for every attribute of every mark.
func (c *canvas) num(v float64) {
	if math.IsNaN(v) || math.IsInf(v, 0) {
		v = 0
	}
	tenths := int64(math.Round(v * 10))
	if tenths < 0 {
		c.wb('-')
		tenths = -tenths
	}
	c.buf = strconv.AppendInt(c.buf, tenths/10, 10)
	if frac := tenths % 10; frac != 0 {
		c.buf = append(c.buf, '.', byte('0'+frac))
	}
}

// attr writes ` name="value"` for a numeric value.
func (c *canvas) attr(name string, v float64) {
	c.wb(' ')
	c.ws(name)
	c.ws(`="`)
	c.num(v)
	c.wb('"')
}

// rect draws a filled rectangle with an optional tooltip.
func (c *canvas) rect(class, fill string, x, y, w, h float64, tip string) {
	c.ws(`<rect class="`)
	c.ws(class)
	c.wb('"')
	c.attr("x", x)
	c.attr("y", y)
	c.attr("width", math.Max(w, 0))
	c.attr("height", math.Max(h, 0))
	c.ws(` fill="`)
	c.ws(fill)
	c.wb('"')
	if tip == "" {
		c.ws(`/>`)
		return
	}
	c.ws(`><title>`)
	c.ws(esc(tip))
	c.ws(`</title></rect>`)
}

// line draws a straight line of the given stroke width; dash is a stroke-dasharray
// or "".
func (c *canvas) line(class, stroke string, width, x1, y1, x2, y2 float64, dash string) {
	c.ws(`<line class="`)
	c.ws(class)
	c.wb('"')
	c.attr("x1", x1)
	c.attr("y1", y1)
	c.attr("x2", x2)
	c.attr("y2", y2)
	c.ws(` stroke="`)
	c.ws(stroke)
	c.wb('"')
	c.attr("stroke-width", width)
	if dash != "" {
		c.ws(` stroke-dasharray="`)
		c.ws(dash)
		c.wb('"')
	}
	c.ws(`/>`)
}

// anchor is an SVG text-anchor value.
type anchor string

const (
	anchorStart  anchor = "start"
	anchorMiddle anchor = "middle"
	anchorEnd    anchor = "end"
)

// text writes one escaped line of text.
func (c *canvas) text(class, fill string, x, y, size float64, a anchor, s string) {
	c.ws(`<text class="`)
	c.ws(class)
	c.wb('"')
	c.attr("x", x)
	c.attr("y", y)
	if size != fontSize {
		c.attr("font-size", size)
	}
	if a != anchorStart {
		c.ws(` text-anchor="`)
		c.ws(string(a))
		c.wb('"')
	}
	c.ws(` fill="`)
	c.ws(fill)
	c.ws(`">`)
	c.ws(esc(s))
	c.ws(`</text>`)
}

// empty returns the small "No data yet" chart drawn when there is nothing to plot.
func empty(kind, id, title string) template.HTML {
	var c canvas
	c.open(kind+" chart-empty", id, 64, title, "No data yet")
	c.rect("chart-frame", "none", 0.5, 0.5, canvasWidth-1, 63, "")
	c.text("chart-empty-text", mutedColour, canvasWidth/2, 37, fontSize, anchorMiddle, "No data yet")
	return c.close()
}

// esc makes s safe as SVG text or attribute content: invalid UTF-8 is replaced, the
// control characters XML 1.0 forbids are dropped, and markup characters are escaped.
func esc(s string) string {
	clean := true
	for i := 0; i < len(s); i++ {
		ch := s[i]
		if ch < 0x20 || ch >= utf8.RuneSelf || ch == '<' || ch == '>' || ch == '&' || ch == '"' || ch == '\'' {
			clean = false
			break
		}
	}
	if clean {
		return s
	}
	s = strings.ToValidUTF8(s, "\uFFFD")
	s = strings.Map(func(r rune) rune {
		if r < 0x20 && r != '\t' && r != '\n' && r != '\r' || r == 0xFFFE || r == 0xFFFF {
			return -1
		}
		return r
	}, s)
	return template.HTMLEscapeString(s)
}

// chartID returns explicit when set (reduced to characters safe in an id), otherwise
// an id derived from the chart's kind and content so two charts on a page differ.
func chartID(explicit, kind string, parts ...string) string {
	if explicit != "" {
		return "chart-" + strings.Map(func(r rune) rune {
			if r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || r == '-' || r == '_' {
				return r
			}
			return '-'
		}, explicit)
	}
	h := fnv.New64a()
	h.Write([]byte(kind))
	for _, p := range parts {
		h.Write([]byte{0})
		h.Write([]byte(p))
	}
	return "chart-" + kind + "-" + strconv.FormatUint(h.Sum64()&0xffffffffff, 36)
}

// textWidth estimates the rendered width of s at the given font size. Exact metrics
// are the browser's business; the estimate only reserves room for labels.
func textWidth(s string, size float64) float64 {
	return float64(utf8.RuneCountInString(s)) * size * 0.58
}

// drawable turns a value into something safe to scale: negative and non-finite
// values become zero.
func drawable(v float64) float64 {
	if math.IsNaN(v) || math.IsInf(v, 0) || v < 0 {
		return 0
	}
	return v
}

// itoa is strconv.Itoa, short for the many class names built from indexes.
func itoa(i int) string {
	return strconv.Itoa(i)
}
