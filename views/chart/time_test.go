package chart

import (
	"math"
	"strings"
	"testing"
	"time"
)

func TestLineMarksTodayAndReference(t *testing.T) {
	pace := LineSeries{Name: "Steady pace", Dashed: true, Points: []Point{{day("2024-03-15"), 0}, {day("2026-03-14"), 20}}}
	earned := LineSeries{Name: "Earned", Points: []Point{{day("2025-02-20"), 12}, {day("2024-03-15"), 0}, {day("2025-01-10"), 6}}}
	tests := []struct {
		name      string
		today     time.Time
		wantToday bool
	}{
		{"today inside the cycle", day("2026-01-01"), true},
		{"today after the cycle", day("2027-01-01"), false},
		{"no today", time.Time{}, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			l := Line{Title: "CEUs this cycle", Series: []LineSeries{earned, pace}, Today: tt.today}
			root := parseSVG(t, l.SVG())
			if got := len(root.all(withClass("line", "today"))) == 1; got != tt.wantToday {
				t.Errorf("today marker: got %v, want %v", got, tt.wantToday)
			}
			lines := root.all(withClass("polyline", "series-line"))
			if len(lines) != 2 {
				t.Fatalf("polylines: got %d, want 2", len(lines))
			}
			if lines[0].attr("stroke-dasharray") != "" || lines[1].attr("stroke-dasharray") == "" {
				t.Errorf("only the reference line should be dashed")
			}
			if got := len(strings.Fields(lines[0].attr("points"))); got != 3 {
				t.Errorf("points: got %d, want 3", got)
			}
		})
	}
	table := Line{Title: "CEUs", Series: []LineSeries{earned, pace}}.Table()
	if got := len(table.Rows); got != 4 {
		t.Errorf("table rows: got %d, want 4 distinct dates", got)
	}
	if got := table.Rows[0]; got.Label != "15 Mar 2024" || got.Values[0] != "0" || got.Values[1] != "0" {
		t.Errorf("first row: got %+v", got)
	}
}

func TestStepLineRisesOnlyAtItsPoints(t *testing.T) {
	earned := LineSeries{Name: "Earned", Step: true, Points: []Point{{day("2025-01-01"), 0}, {day("2025-01-11"), 5}, {day("2025-01-21"), 10}}}
	root := parseSVG(t, Line{Title: "CEUs", YMax: 10, Series: []LineSeries{earned}}.SVG())
	lines := root.all(withClass("polyline", "series-line"))
	if len(lines) != 1 {
		t.Fatalf("polylines: got %d, want 1", len(lines))
	}
	points := strings.Fields(lines[0].attr("points"))
	if len(points) != 5 {
		t.Fatalf("points: got %q, want 5 (a level and a rise for each point after the first)", points)
	}
	xy := func(i int) (string, string) {
		x, y, _ := strings.Cut(points[i], ",")
		return x, y
	}
	for _, k := range []int{1, 3} {
		levelX, levelY := xy(k)
		_, beforeY := xy(k - 1)
		riseX, riseY := xy(k + 1)
		if levelY != beforeY || levelX != riseX || riseY == levelY {
			t.Errorf("points %q: want level from point %d then a rise at the same x", points, k-1)
		}
	}
	if got := len(Line{Series: []LineSeries{earned}}.Table().Rows); got != 3 {
		t.Errorf("table rows: got %d, want one per point, not per drawn corner", got)
	}
}

func TestLineFollowsFixedAxisAndGuide(t *testing.T) {
	l := Line{Title: "Readiness", Format: Percent, YMax: 100, Guide: 70, GuideLabel: "Pass mark",
		From: day("2025-01-01"), To: day("2025-03-01"),
		Series: []LineSeries{{Name: "Readiness", Points: []Point{{day("2025-01-10"), 55}, {day("2025-02-10"), 68}}}}}
	root := parseSVG(t, l.SVG())
	texts := strings.Join(root.texts(), "|")
	for _, want := range []string{"100%", "Pass mark", "1 Jan"} {
		if !strings.Contains(texts, want) {
			t.Errorf("texts %q: want %q", texts, want)
		}
	}
}

func TestTimelinePlacesMilestonesInOrder(t *testing.T) {
	tl := Timeline{Title: "Your path", Today: day("2025-06-01"), Milestones: []Milestone{
		{Label: "Exam", At: day("2026-06-20")},
		{Label: "Program start", At: day("2024-09-01")},
		{Label: "Graduation", At: day("2026-05-15")},
		{Label: "End of first CEU cycle", At: day("2028-06-19")},
	}}
	root := parseSVG(t, tl.SVG())
	milestones := root.all(func(n node) bool { return n.XMLName.Local == "g" && hasClass(n, "milestone") })
	if len(milestones) != 4 {
		t.Fatalf("milestones: got %d, want 4", len(milestones))
	}
	previous := -1.0
	for _, m := range milestones {
		circle, _ := m.child("circle")
		if x := circle.float(t, "cx"); x <= previous {
			t.Errorf("milestones out of date order at x=%v", x)
		} else {
			previous = x
		}
	}
	if !hasClass(milestones[0], "is-done") || hasClass(milestones[1], "is-done") {
		t.Errorf("only the program start is done by today")
	}
	if got := strings.Join(root.texts(), "|"); !strings.Contains(got, "Today") || !strings.Contains(got, "20 Jun 2026") {
		t.Errorf("texts: got %q", got)
	}
	rows := tl.Table().Rows
	if rows[0].Label != "Program start" || rows[0].Values[1] != "done" || rows[3].Values[1] != "upcoming" {
		t.Errorf("table: got %+v", rows)
	}
}

func TestProgressFillsItsShare(t *testing.T) {
	tests := []struct {
		name         string
		value, max   float64
		wantShare    float64
		wantComplete bool
		wantCaption  string
	}{
		{"part way", 12, 20, 0.6, false, "12 of 20 (60%)"},
		{"complete", 20, 20, 1, true, "20 of 20 (100%)"},
		{"beyond the requirement", 26.5, 20, 1, true, "26.5 of 20 (133%)"},
		{"nothing yet", 0, 20, 0, false, "0 of 20 (0%)"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			root := parseSVG(t, Progress{Title: "CEUs", Value: tt.value, Max: tt.max}.SVG())
			track := root.all(withClass("rect", "progress-track"))[0]
			fill := root.all(withClass("rect", "progress-fill"))[0]
			if got, want := fill.float(t, "width"), track.float(t, "width")*tt.wantShare; !near(got, want) {
				t.Errorf("fill width: got %v, want %v", got, want)
			}
			if got := hasClass(fill, "is-complete"); got != tt.wantComplete {
				t.Errorf("complete: got %v, want %v", got, tt.wantComplete)
			}
			if got := root.texts()[0]; got != tt.wantCaption {
				t.Errorf("caption: got %q, want %q", got, tt.wantCaption)
			}
		})
	}
}

// TestTimelineLabelsNeverOverlap crowds milestones days apart (graduation, the exam,
// its result) next to today: no two labels on one row may share any width.
func TestTimelineLabelsNeverOverlap(t *testing.T) {
	tests := []struct {
		name       string
		milestones []Milestone
	}{
		{"graduation, exam and result within three weeks", []Milestone{
			{Label: "Program start", At: day("2024-09-01")}, {Label: "Last term", At: day("2026-01-10")},
			{Label: "Graduation", At: day("2026-05-15")}, {Label: "Exam", At: day("2026-05-20")},
			{Label: "Result expected", At: day("2026-06-05")}, {Label: "End of first CEU cycle", At: day("2028-06-19")},
		}},
		{"five in one week", []Milestone{
			{Label: "A long first milestone", At: day("2026-05-11")}, {Label: "Second", At: day("2026-05-12")},
			{Label: "Third one", At: day("2026-05-13")}, {Label: "Fourth", At: day("2026-05-14")},
			{Label: "Fifth", At: day("2026-05-15")}, {Label: "Start", At: day("2024-01-01")},
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			root := parseSVG(t, Timeline{Title: "Path", Today: day("2026-05-18"), Milestones: tt.milestones}.SVG())
			type box struct {
				text           string
				left, right, y float64
			}
			var boxes []box
			for _, n := range root.all(func(n node) bool { return n.XMLName.Local == "text" }) {
				size := fontSize
				if n.attr("font-size") != "" {
					size = n.float(t, "font-size")
				}
				text := strings.Join(n.texts(), "")
				span := [2]float64{n.float(t, "x"), n.float(t, "x") + textWidth(text, size)}
				switch n.attr("text-anchor") {
				case "middle":
					w := span[1] - span[0]
					span = [2]float64{span[0] - w/2, span[0] + w/2}
				case "end":
					w := span[1] - span[0]
					span = [2]float64{span[0] - w, span[0]}
				}
				boxes = append(boxes, box{text, span[0], span[1], n.float(t, "y")})
			}
			if len(boxes) == 0 {
				t.Fatal("no labels drawn")
			}
			for i, a := range boxes {
				for _, b := range boxes[:i] {
					if math.Abs(a.y-b.y) < fontSize && a.left < b.right && b.left < a.right {
						t.Errorf("%q and %q overlap on the row at y=%v", b.text, a.text, a.y)
					}
				}
			}
		})
	}
}
