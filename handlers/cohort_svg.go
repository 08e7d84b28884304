package handlers

import (
	"fmt"
	"html/template"
	"strings"

	"hitpath/models"
)

// cohortChart is a server-rendered bar chart with its data, which the page also shows
// as a table so the numbers are available without the picture.
type cohortChart struct {
	Title string
	SVG   template.HTML
	Bars  []cohortBar
	Unit  string
}

// cohortBar is one bar: its label and value.
type cohortBar struct {
	Label string
	Value int
}

// cohortReadinessBuckets are the readiness ranges of the distribution chart; the last
// bucket is for students without practice exams.
var cohortReadinessBuckets = []struct {
	label    string
	from, to float64
}{
	{"under 50%", 0, 50}, {"50–59%", 50, 60}, {"60–69%", 60, 70}, {"70–79%", 70, 80}, {"80–89%", 80, 90}, {"90% +", 90, 101},
}

// cohortReadinessSVG counts students per readiness range.
func cohortReadinessSVG(rows []models.CohortRow) cohortChart {
	bars := make([]cohortBar, len(cohortReadinessBuckets)+1)
	for i, b := range cohortReadinessBuckets {
		bars[i].Label = b.label
	}
	bars[len(cohortReadinessBuckets)].Label = "no practice exam"
	for _, r := range rows {
		if !r.Readiness.HasData {
			bars[len(cohortReadinessBuckets)].Value++
			continue
		}
		for i, b := range cohortReadinessBuckets {
			if r.Readiness.Percent >= b.from && r.Readiness.Percent < b.to {
				bars[i].Value++
			}
		}
	}
	return cohortBarChart("Readiness distribution", "students", bars)
}

// cohortWeeklySVG shows the cohort's total study minutes per week.
func cohortWeeklySVG(weeks []models.StudyWeek) cohortChart {
	bars := make([]cohortBar, len(weeks))
	for i, w := range weeks {
		bars[i] = cohortBar{Label: w.Start.Format("2 Jan"), Value: w.Minutes}
	}
	return cohortBarChart("Weekly study minutes of the cohort", "minutes", bars)
}

// cohortBarChart draws bars with presentation attributes only (the CSP forbids style=).
func cohortBarChart(title, unit string, bars []cohortBar) cohortChart {
	const width, height, top, bottom, left = 640, 220, 20, 40, 10
	maxValue := 1
	for _, b := range bars {
		maxValue = max(maxValue, b.Value)
	}
	var desc []string
	var body strings.Builder
	slot := float64(width-2*left) / float64(max(len(bars), 1))
	plot := float64(height - top - bottom)
	for i, b := range bars {
		h := plot * float64(b.Value) / float64(maxValue)
		x := float64(left) + slot*float64(i)
		label := template.HTMLEscapeString(b.Label)
		fmt.Fprintf(&body, `<g><title>%s: %d %s</title><rect x="%.1f" y="%.1f" width="%.1f" height="%.1f" fill="#1f6f8b"></rect>`,
			label, b.Value, unit, x+slot*0.1, float64(top)+plot-h, slot*0.8, h)
		fmt.Fprintf(&body, `<text x="%.1f" y="%.1f" font-size="11" text-anchor="middle" fill="#222">%d</text>`, x+slot/2, float64(top)+plot-h-4, b.Value)
		fmt.Fprintf(&body, `<text x="%.1f" y="%d" font-size="10" text-anchor="middle" fill="#555">%s</text></g>`, x+slot/2, height-bottom+16, label)
		desc = append(desc, fmt.Sprintf("%s: %d", b.Label, b.Value))
	}
	svg := fmt.Sprintf(`<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 %d %d" role="img" aria-labelledby="%[3]s-t %[3]s-d"><title id="%[3]s-t">%[4]s</title><desc id="%[3]s-d">%[5]s</desc><line x1="%[6]d" y1="%[7]d" x2="%[8]d" y2="%[7]d" stroke="#999"></line>%[9]s</svg>`,
		width, height, cohortChartID(title), template.HTMLEscapeString(title), template.HTMLEscapeString(unit+" — "+strings.Join(desc, "; ")),
		left, height-bottom, width-left, body.String())
	return cohortChart{Title: title, SVG: template.HTML(svg), Bars: bars, Unit: unit}
}

func cohortChartID(title string) string {
	return "chart-" + strings.ToLower(strings.ReplaceAll(strings.Fields(title)[0], " ", "-"))
}
