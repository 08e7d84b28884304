package chart

import (
	"fmt"
	"math"
	"strings"
	"testing"
)

func TestHBarWidthsAreProportional(t *testing.T) {
	tests := []struct {
		name   string
		values []float64
		max    float64
		want   []float64 // widths relative to the full plot width
	}{
		{"scaled to the largest", []float64{38, 21, 7, 6, 5}, 0, []float64{1, 21.0 / 38, 7.0 / 38, 6.0 / 38, 5.0 / 38}},
		{"scaled to a fixed maximum", []float64{50, 25}, 100, []float64{0.5, 0.25}},
		{"negative drawn as zero", []float64{10, -4}, 0, []float64{1, 0}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			h := HBar{Title: tt.name, Max: tt.max}
			for i, v := range tt.values {
				h.Bars = append(h.Bars, Bar{Label: fmt.Sprint("bar ", i), Value: v})
			}
			bars := parseSVG(t, h.SVG()).all(withClass("rect", "bar"))
			if len(bars) != len(tt.values) {
				t.Fatalf("bars: got %d, want %d", len(bars), len(tt.values))
			}
			full := canvasWidth - 2*padding - (textWidth(Number(tt.values[0]), smallFont) + 8)
			for _, v := range tt.values[1:] {
				full = min(full, canvasWidth-2*padding-(textWidth(Number(v), smallFont)+8))
			}
			for i, bar := range bars {
				if got, want := bar.float(t, "width"), tt.want[i]*full; !near(got, want) {
					t.Errorf("bar %d width: got %v, want %v", i, got, want)
				}
			}
		})
	}
}

func TestHBarShowsValuesAndNotes(t *testing.T) {
	h := HBar{Title: "Work settings", Format: Percent, ValueHeader: "Share of jobs", NoteHeader: "Median wage",
		Bars: []Bar{{Label: "Hospitals", Value: 38, Note: "$39,410"}, {Label: "Offices of physicians", Value: 21}}}
	texts := strings.Join(parseSVG(t, h.SVG()).texts(), "|")
	for _, want := range []string{"Hospitals", "38%", "$39,410", "Offices of physicians", "21%"} {
		if !strings.Contains(texts, want) {
			t.Errorf("texts %q: want %q", texts, want)
		}
	}
	table := h.Table()
	if got := strings.Join(table.Columns, ","); got != "Item,Share of jobs,Median wage" {
		t.Errorf("columns: got %q", got)
	}
	if got := table.Rows[1].Values; got[0] != "21%" || got[1] != "" {
		t.Errorf("row 2: got %q, want [21%% \"\"]", got)
	}
}

func TestGroupedBarsHeightsAreProportional(t *testing.T) {
	g := GroupedBars{Title: "Wage percentiles", Format: Dollars,
		Categories: []string{"10th", "25th", "Median", "75th", "90th"},
		Series: []Series{
			{Name: "California", Values: []float64{27060, 33520, 43860, 59490, 77560}},
			{Name: "United States", Values: []float64{25070, 29940, 38040, 49770, 62840}},
		}}
	root := parseSVG(t, g.SVG())
	bars := root.all(withClass("rect", "bar"))
	if len(bars) != 10 {
		t.Fatalf("bars: got %d, want 10", len(bars))
	}
	perUnit := bars[0].float(t, "height") / 27060
	for i, bar := range bars {
		want := g.Series[i%2].Values[i/2] * perUnit
		if got := bar.float(t, "height"); math.Abs(got-want)/want > 0.005 {
			t.Errorf("bar %d height: got %v, want %v", i, got, want)
		}
	}
	if !strings.Contains(strings.Join(root.texts(), "|"), "$80,000") {
		t.Errorf("axis should reach $80,000: %q", root.texts())
	}
	if got := g.Table().Rows[2].Values; got[0] != "$43,860" || got[1] != "$38,040" {
		t.Errorf("median row: got %q", got)
	}
}

func TestStackedBarsStackAndTotal(t *testing.T) {
	s := StackedBars{Title: "Study minutes", Categories: []string{"Week 1", "Week 2"},
		Series: []Series{{Name: "Coding", Values: []float64{60, 30}}, {Name: "Compliance", Values: []float64{40}}}}
	root := parseSVG(t, s.SVG())
	segments := root.all(func(n node) bool { return n.XMLName.Local == "rect" && n.attr("class") == "" })
	if len(segments) != 3 {
		t.Fatalf("segments: got %d, want 3 (a missing value draws nothing)", len(segments))
	}
	coding1, coding2, compliance1 := segments[0], segments[1], segments[2]
	if got, want := compliance1.float(t, "y")+compliance1.float(t, "height"), coding1.float(t, "y"); !near(got, want) {
		t.Errorf("compliance should sit on coding: bottom %v, coding top %v", got, want)
	}
	if got, want := coding2.float(t, "height")*2, coding1.float(t, "height"); !near(got, want) {
		t.Errorf("heights: week 2 doubled %v, week 1 %v", got, want)
	}
	table := s.Table()
	if got := table.Rows[1].Values; got[0] != "30" || got[1] != "" || got[2] != "30" {
		t.Errorf("week 2 row: got %q, want [30 \"\" 30]", got)
	}
	if got := table.Columns[len(table.Columns)-1]; got != "Total" {
		t.Errorf("last column: got %q, want Total", got)
	}
}

func TestStackedBarsThinLabelsOnLongAxes(t *testing.T) {
	s := weeklyMinutes(104)
	labels := parseSVG(t, s.SVG()).all(withClass("text", "category-label"))
	if len(labels) == 0 || len(labels) > 20 {
		t.Errorf("category labels: got %d, want between 1 and 20", len(labels))
	}
}

func TestBinsCountReadiness(t *testing.T) {
	bars := Bins([]float64{45, 55, 61, 69.9, 70, 88, 100, 120}, []float64{0, 60, 70, 80, 100}, Percent)
	want := []Bar{{Label: "0%–60%", Value: 2}, {Label: "60%–70%", Value: 2}, {Label: "70%–80%", Value: 1}, {Label: "80%–100%", Value: 2}}
	if len(bars) != len(want) {
		t.Fatalf("bins: got %d, want %d", len(bars), len(want))
	}
	for i := range want {
		if bars[i] != want[i] {
			t.Errorf("bin %d: got %+v, want %+v", i, bars[i], want[i])
		}
	}
}
