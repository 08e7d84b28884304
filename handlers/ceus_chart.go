package handlers

import (
	"fmt"
	"html/template"
	"strings"

	"hitpath/models"
)

// Chart geometry in SVG user units; the CSS scales the drawing to its box.
const (
	ceuChartWidth, ceuChartHeight = 600.0, 220.0
	ceuChartLeft, ceuChartBottom  = 48.0, 30.0
	ceuChartTop, ceuChartRight    = 12.0, 12.0
)

// cycleChart draws a cycle's cumulative credit against the steady pace that would
// meet the requirement exactly on the last day, as SVG with a title, a description
// and a text alternative that says the same in words.
func cycleChart(p models.CycleProgress, series models.CumulativeSeries) template.HTML {
	top := max(p.Required, series.Points[len(series.Points)-1].CEUs, 100)
	days := float64(max(p.TotalDays-1, 1))
	x := func(point models.SeriesPoint) float64 {
		return ceuChartLeft + float64(models.DaysBetween(p.Cycle.Start, point.Date))/days*(ceuChartWidth-ceuChartLeft-ceuChartRight)
	}
	y := func(ceus int) float64 {
		return ceuChartHeight - ceuChartBottom - float64(ceus)/float64(top)*(ceuChartHeight-ceuChartBottom-ceuChartTop)
	}
	var steps strings.Builder
	previous := series.Points[0]
	fmt.Fprintf(&steps, "M%.1f,%.1f", x(previous), y(previous.CEUs))
	for _, point := range series.Points[1:] {
		fmt.Fprintf(&steps, " L%.1f,%.1f L%.1f,%.1f", x(point), y(previous.CEUs), x(point), y(point.CEUs))
		previous = point
	}
	if today := models.AddDays(p.Cycle.Start, p.DaysElapsed); p.DaysElapsed > 0 {
		last := models.SeriesPoint{Date: today, CEUs: previous.CEUs}
		fmt.Fprintf(&steps, " L%.1f,%.1f", x(last), y(last.CEUs))
	}
	title := fmt.Sprintf("CEUs logged from %s to %s", p.Cycle.Start.Format("2 Jan 2006"), p.Cycle.End.Format("2 Jan 2006"))
	desc := fmt.Sprintf("%s of %s %ss logged; the dashed line is the steady pace that reaches %s on %s.",
		models.FormatCEUs(p.Earned), models.FormatCEUs(p.Required), p.Unit, models.FormatCEUs(p.Required), p.Cycle.End.Format("2 Jan 2006"))
	var b strings.Builder
	fmt.Fprintf(&b, `<figure class="chart"><svg viewBox="0 0 %.0f %.0f" role="img" aria-labelledby="%[3]s-t %[3]s-d" xmlns="http://www.w3.org/2000/svg">`,
		ceuChartWidth, ceuChartHeight, ceuChartID(p))
	fmt.Fprintf(&b, `<title id="%s-t">%s</title><desc id="%s-d">%s</desc>`, ceuChartID(p), template.HTMLEscapeString(title), ceuChartID(p), template.HTMLEscapeString(desc))
	fmt.Fprintf(&b, `<line x1="%.1f" y1="%.1f" x2="%.1f" y2="%.1f" stroke="#8a949e"/>`, ceuChartLeft, y(0), ceuChartWidth-ceuChartRight, y(0))
	fmt.Fprintf(&b, `<line x1="%.1f" y1="%.1f" x2="%.1f" y2="%.1f" stroke="#8a949e"/>`, ceuChartLeft, y(0), ceuChartLeft, ceuChartTop)
	fmt.Fprintf(&b, `<text x="%.1f" y="%.1f" font-size="12" text-anchor="end" fill="#545d68">%s</text>`, ceuChartLeft-6, y(top)+4, models.FormatCEUs(top))
	fmt.Fprintf(&b, `<text x="%.1f" y="%.1f" font-size="12" text-anchor="end" fill="#545d68">0</text>`, ceuChartLeft-6, y(0)+4)
	fmt.Fprintf(&b, `<text x="%.1f" y="%.1f" font-size="12" fill="#545d68">%s</text>`, ceuChartLeft, ceuChartHeight-8, p.Cycle.Start.Format("Jan 2006"))
	fmt.Fprintf(&b, `<text x="%.1f" y="%.1f" font-size="12" text-anchor="end" fill="#545d68">%s</text>`, ceuChartWidth-ceuChartRight, ceuChartHeight-8, p.Cycle.End.Format("Jan 2006"))
	fmt.Fprintf(&b, `<line class="pace" x1="%.1f" y1="%.1f" x2="%.1f" y2="%.1f" stroke="#9a6700" stroke-width="2" stroke-dasharray="6 4"/>`,
		x(series.PaceStart), y(series.PaceStart.CEUs), x(series.PaceEnd), y(series.PaceEnd.CEUs))
	fmt.Fprintf(&b, `<path class="earned" d="%s" fill="none" stroke="#1d4e89" stroke-width="3"/>`, steps.String())
	fmt.Fprintf(&b, `</svg><figcaption>%s</figcaption></figure>`, template.HTMLEscapeString(desc))
	return template.HTML(b.String())
}

func ceuChartID(p models.CycleProgress) string {
	return "chart-" + strings.ToLower(models.CycleKey(p))
}
