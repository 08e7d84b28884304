package chart

// legendEntry is one series in a legend.
type legendEntry struct {
	name   string
	colour string
	dashed bool
}

const legendRow = 20.0

// legendLayout places entries left to right from the padding, wrapping to a new row
// when the next one would not fit, and returns each entry's x, row and the total height.
func legendLayout(entries []legendEntry) (xs []float64, rows []int, height float64) {
	if len(entries) == 0 {
		return nil, nil, 0
	}
	xs = make([]float64, len(entries))
	rows = make([]int, len(entries))
	x, row := padding, 0
	for i, e := range entries {
		w := 22 + textWidth(e.name, smallFont) + 16
		if x+w > canvasWidth-padding && x > padding {
			x, row = padding, row+1
		}
		xs[i], rows[i] = x, row
		x += w
	}
	return xs, rows, float64(rows[len(rows)-1]+1) * legendRow
}

// legend draws the entries from y downwards; asLines draws a line sample instead of a
// square swatch, dashed where the series is.
func (c *canvas) legend(entries []legendEntry, y float64, asLines bool) {
	xs, rows, _ := legendLayout(entries)
	c.ws(`<g class="legend">`)
	for i, e := range entries {
		x, top := xs[i], y+float64(rows[i])*legendRow
		if asLines {
			dash := ""
			if e.dashed {
				dash = "4 3"
			}
			c.ws(`<g class="series-` + itoa(i) + `">`)
			c.line("legend-line", e.colour, 2.5, x, top+7, x+16, top+7, dash)
			c.ws(`</g>`)
		} else {
			c.rect("legend-swatch series-"+itoa(i), e.colour, x, top+1, 12, 12, "")
		}
		c.text("legend-label", textColour, x+22, top+12, smallFont, anchorStart, e.name)
	}
	c.ws(`</g>`)
}
