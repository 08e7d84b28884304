package chart

import "math"

// niceScale returns an axis top at or above max and a step between ticks of 1, 2, 2.5
// or 5 times a power of ten, giving about target ticks.
func niceScale(max float64, target int) (top, step float64) {
	if max <= 0 {
		return 1, 1
	}
	raw := max / float64(target)
	magnitude := math.Pow(10, math.Floor(math.Log10(raw)))
	step = 10 * magnitude
	for _, m := range []float64{1, 2, 2.5, 5} {
		if raw <= m*magnitude {
			step = m * magnitude
			break
		}
	}
	top = math.Ceil(max/step-1e-9) * step
	return top, step
}

// plot is the rectangle in which a chart with axes draws its marks.
type plot struct {
	left, top, right, bottom float64
	yTop                     float64
}

// y maps a value onto the vertical axis.
func (p plot) y(v float64) float64 {
	return p.bottom - drawable(v)/p.yTop*(p.bottom-p.top)
}

// height is the drawn height of a value.
func (p plot) height(v float64) float64 {
	return p.bottom - p.y(v)
}

// yAxis draws horizontal grid lines and their labels from zero to top.
func (c *canvas) yAxis(p plot, step float64, format Format) {
	for v := 0.0; v <= p.yTop+step/1000; v += step {
		y := p.y(v)
		c.line("grid", gridColour, 1, p.left, y, p.right, y, "")
		c.text("axis tick-label", mutedColour, p.left-6, y+4, smallFont, anchorEnd, format(v))
	}
}

// yLabelWidth is the room the widest y-axis label needs.
func yLabelWidth(top, step float64, format Format) float64 {
	widest := 0.0
	for v := 0.0; v <= top+step/1000; v += step {
		widest = math.Max(widest, textWidth(format(v), smallFont))
	}
	return widest + 10
}

// labelStride is how many category labels to skip so that n labels of width each fit
// across span.
func labelStride(n int, span, each float64) int {
	if n == 0 || each <= 0 {
		return 1
	}
	fit := int(span / each)
	if fit < 1 {
		fit = 1
	}
	return (n + fit - 1) / fit
}
