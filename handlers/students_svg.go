package handlers

import (
	"fmt"
	"html"
	"html/template"
	"strconv"
	"strings"
	"time"

	"hitpath/models"
)

// Server-rendered SVG charts for the student pages. They use presentation attributes
// only (the CSP forbids inline styles) and carry a <title> and <desc> that say in words
// what the picture shows.

// studentDomainColors colour exam domains by outline position (1-based); chosen to stay
// distinguishable for the common colour-vision deficiencies.
var studentDomainColors = []string{"#1d4e89", "#e69f00", "#009e73", "#cc79a7", "#56b4e9", "#d55e00", "#6b6b6b"}

func studentDomainColor(position int) string {
	if position < 1 {
		return studentDomainColors[len(studentDomainColors)-1]
	}
	return studentDomainColors[(position-1)%(len(studentDomainColors)-1)]
}

// timelineMilestone is one dated step of a learner's pathway.
type timelineMilestone struct {
	Label string
	On    time.Time
}

// pathwayMilestones lists the known dates from program start to the end of the first
// CEU cycle: the cycle starts on the pass date, or, before a pass, on the scheduled exam
// date as a projection.
func pathwayMilestones(p models.Pathway) []timelineMilestone {
	var out []timelineMilestone
	add := func(label string, t *time.Time) {
		if t != nil {
			out = append(out, timelineMilestone{Label: label, On: models.DateOnly(*t)})
		}
	}
	add("Program start", p.ProgramStart)
	add("Last term", p.LastTermStart)
	add("Graduation", p.ExpectedGraduation)
	exam := p.ExamScheduledOn
	label := "Exam"
	if p.Passed() {
		exam, label = p.PassedOn, "Passed"
	}
	add(label, exam)
	if exam != nil {
		_, end := models.FirstCycle(*exam)
		add("First CEU cycle ends", &end)
	}
	return out
}

// studentTimelineSVG draws milestones on a horizontal time axis with today marked.
func studentTimelineSVG(milestones []timelineMilestone, today time.Time) template.HTML {
	const width, height, left, right, axisY = 760.0, 150.0, 40.0, 720.0, 75.0
	first, last := today, today
	for _, m := range milestones {
		if m.On.Before(first) {
			first = m.On
		}
		if m.On.After(last) {
			last = m.On
		}
	}
	span := float64(models.DaysBetween(first, last))
	if span == 0 {
		span = 1
	}
	x := func(t time.Time) float64 { return left + (right-left)*float64(models.DaysBetween(first, t))/span }

	var b strings.Builder
	var desc []string
	for _, m := range milestones {
		desc = append(desc, m.Label+" "+m.On.Format("2 Jan 2006"))
	}
	desc = append(desc, "today "+today.Format("2 Jan 2006"))
	fmt.Fprintf(&b, `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 %.0f %.0f" role="img" aria-labelledby="timeline-title timeline-desc">`, width, height)
	fmt.Fprintf(&b, `<title id="timeline-title">Your pathway timeline</title><desc id="timeline-desc">%s</desc>`, html.EscapeString(strings.Join(desc, "; ")))
	fmt.Fprintf(&b, `<line x1="%.0f" y1="%.0f" x2="%.0f" y2="%.0f" stroke="#545d68" stroke-width="2"/>`, left, axisY, right, axisY)
	for i, m := range milestones {
		mx, labelY := x(m.On), axisY-22
		if i%2 == 1 {
			labelY = axisY + 34
		}
		fmt.Fprintf(&b, `<circle cx="%.1f" cy="%.0f" r="6" fill="%s"/>`, mx, axisY, studentDomainColor(i+1))
		fmt.Fprintf(&b, `<text x="%.1f" y="%.0f" font-size="12" text-anchor="middle" fill="#1b1f24">%s</text>`, mx, labelY, html.EscapeString(m.Label))
		fmt.Fprintf(&b, `<text x="%.1f" y="%.0f" font-size="11" text-anchor="middle" fill="#545d68">%s</text>`, mx, labelY+13, m.On.Format("Jan 2006"))
	}
	tx := x(today)
	fmt.Fprintf(&b, `<line x1="%.1f" y1="20" x2="%.1f" y2="130" stroke="#b42318" stroke-width="2" stroke-dasharray="4 3"/>`, tx, tx)
	fmt.Fprintf(&b, `<text x="%.1f" y="145" font-size="12" text-anchor="middle" fill="#b42318">Today</text>`, tx)
	b.WriteString(`</svg>`)
	return template.HTML(b.String())
}

// studentWeeklyChartSVG draws one bar per week, stacked by exam domain, with a legend.
func studentWeeklyChartSVG(weeks []models.StudyWeek, outline []models.ExamDomain) template.HTML {
	const width, height, left, top, bottom = 760.0, 260.0, 48.0, 16.0, 200.0
	most, total := 60, 0
	for _, w := range weeks {
		most = max(most, w.Minutes)
		total += w.Minutes
	}
	slot := (width - left - 8) / float64(max(len(weeks), 1))
	y := func(minutes int) float64 { return (bottom - top) * float64(minutes) / float64(most) }

	var b strings.Builder
	fmt.Fprintf(&b, `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 %.0f %.0f" role="img" aria-labelledby="study-chart-title study-chart-desc">`, width, height)
	b.WriteString(`<title id="study-chart-title">Study minutes per week, by exam domain</title>`)
	if len(weeks) > 0 {
		fmt.Fprintf(&b, `<desc id="study-chart-desc">%d weeks from %s: %d minutes in all, at most %d in one week.</desc>`,
			len(weeks), weeks[0].Start.Format("2 Jan 2006"), total, most)
	}
	fmt.Fprintf(&b, `<line x1="%.0f" y1="%.0f" x2="%.0f" y2="%.0f" stroke="#545d68"/>`, left, bottom, width-8, bottom)
	fmt.Fprintf(&b, `<text x="%.0f" y="%.0f" font-size="11" text-anchor="end" fill="#545d68">%d min</text>`, left-4, top+4, most)
	fmt.Fprintf(&b, `<text x="%.0f" y="%.0f" font-size="11" text-anchor="end" fill="#545d68">0</text>`, left-4, bottom)
	names := make([]string, len(outline))
	for i, d := range outline {
		names[i] = html.EscapeString(d.Name)
	}
	// The bars are most of the cost (one rect per domain per week, 600+ for two years),
	// so they are appended with strconv rather than fmt.
	buf := make([]byte, 0, 160*len(weeks)*max(len(outline), 1))
	for i, w := range weeks {
		x, base := left+float64(i)*slot+1, bottom
		for j, d := range outline {
			minutes := w.ByDomain[d.Position]
			if minutes == 0 {
				continue
			}
			h := y(minutes)
			base -= h
			buf = append(buf, `<rect x="`...)
			buf = strconv.AppendFloat(buf, x, 'f', 1, 64)
			buf = append(buf, `" y="`...)
			buf = strconv.AppendFloat(buf, base, 'f', 1, 64)
			buf = append(buf, `" width="`...)
			buf = strconv.AppendFloat(buf, max(slot-2, 1), 'f', 1, 64)
			buf = append(buf, `" height="`...)
			buf = strconv.AppendFloat(buf, h, 'f', 1, 64)
			buf = append(buf, `" fill="`...)
			buf = append(buf, studentDomainColor(d.Position)...)
			buf = append(buf, `"><title>Week of `...)
			buf = w.Start.AppendFormat(buf, "2 Jan")
			buf = append(buf, ", "...)
			buf = append(buf, names[j]...)
			buf = append(buf, ": "...)
			buf = strconv.AppendInt(buf, int64(minutes), 10)
			buf = append(buf, " min</title></rect>"...)
		}
	}
	b.Write(buf)
	for i, d := range outline {
		lx, ly := left+float64(i%3)*236, bottom+22+float64(i/3)*18
		fmt.Fprintf(&b, `<rect x="%.0f" y="%.0f" width="10" height="10" fill="%s"/><text x="%.0f" y="%.0f" font-size="11" fill="#1b1f24">%s</text>`,
			lx, ly-9, studentDomainColor(d.Position), lx+14, ly, html.EscapeString(studentClip(d.Name, 36)))
	}
	b.WriteString(`</svg>`)
	return template.HTML(b.String())
}

// studentTrendSVG draws readiness after each practice exam, oldest first, with the 75%
// target the study plan aims for.
func studentTrendSVG(points []models.ReadinessPoint) template.HTML {
	const width, height, left, right, top, bottom = 760.0, 220.0, 40.0, 740.0, 12.0, 190.0
	y := func(p float64) float64 { return bottom - (bottom-top)*p/100 }
	x := func(i int) float64 {
		if len(points) < 2 {
			return (left + right) / 2
		}
		return left + (right-left)*float64(i)/float64(len(points)-1)
	}
	var b strings.Builder
	fmt.Fprintf(&b, `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 %.0f %.0f" role="img" aria-labelledby="trend-title trend-desc">`, width, height)
	b.WriteString(`<title id="trend-title">Readiness after each practice exam</title>`)
	if n := len(points); n > 0 {
		fmt.Fprintf(&b, `<desc id="trend-desc">%d attempts: from %.1f%% on %s to %.1f%% on %s.</desc>`, n,
			points[0].Percent, points[0].On.Format("2 Jan 2006"), points[n-1].Percent, points[n-1].On.Format("2 Jan 2006"))
	}
	for _, p := range []float64{0, 50, 75, 100} {
		fmt.Fprintf(&b, `<line x1="%.0f" y1="%.1f" x2="%.0f" y2="%.1f" stroke="#d5dbe1"/><text x="%.0f" y="%.1f" font-size="11" text-anchor="end" fill="#545d68">%.0f%%</text>`,
			left, y(p), right, y(p), left-4, y(p)+4, p)
	}
	var line strings.Builder
	for i, p := range points {
		fmt.Fprintf(&line, "%.1f,%.1f ", x(i), y(p.Percent))
	}
	fmt.Fprintf(&b, `<polyline points="%s" fill="none" stroke="#1d4e89" stroke-width="2"/>`, strings.TrimSpace(line.String()))
	for i, p := range points {
		fmt.Fprintf(&b, `<circle cx="%.1f" cy="%.1f" r="3" fill="#1d4e89"><title>%s: %.1f%%</title></circle>`, x(i), y(p.Percent), p.On.Format("2 Jan 2006"), p.Percent)
	}
	b.WriteString(`</svg>`)
	return template.HTML(b.String())
}

func studentClip(s string, n int) string {
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	return string(r[:n-1]) + "…"
}
