package chart

import (
	"fmt"
	"strings"
	"testing"
	"time"
)

func day(s string) time.Time {
	t, err := time.Parse("2006-01-02", s)
	if err != nil {
		panic(err)
	}
	return t
}

const hostile = `<script>alert("x")</script> & 'quotes'`

// everyKind returns one chart of each kind with the hostile label in its title and in
// its data.

func everyKind() map[string]Chart {
	return map[string]Chart{
		"hbar": HBar{Title: "Share " + hostile, Format: Percent, Bars: []Bar{
			{Label: hostile, Value: 38, Note: "median " + hostile}, {Label: "Offices of physicians", Value: 21},
		}},
		"grouped": GroupedBars{Title: "Wages " + hostile, Format: Dollars, Categories: []string{"10th", hostile},
			Series: []Series{{Name: "California", Values: []float64{27060, 33520}}, {Name: hostile, Values: []float64{25070, 29940}}}},
		"stacked": StackedBars{Title: "Minutes " + hostile, Categories: []string{"Week 1", hostile},
			Series: []Series{{Name: hostile, Values: []float64{30, 45}}, {Name: "Compliance", Values: []float64{20, 0}}}},
		"line": Line{Title: "CEUs " + hostile, Today: day("2025-03-01"), GuideLabel: hostile, Guide: 20, Series: []LineSeries{
			{Name: hostile, Points: []Point{{day("2024-03-15"), 0}, {day("2025-01-10"), 6}, {day("2025-02-20"), 12}}},
			{Name: "Steady pace", Dashed: true, Points: []Point{{day("2024-03-15"), 0}, {day("2026-03-14"), 20}}},
		}},
		"timeline": Timeline{Title: "Path " + hostile, Today: day("2025-06-01"), Milestones: []Milestone{
			{Label: "Program start", At: day("2024-09-01")}, {Label: hostile, At: day("2026-05-15")},
		}},
		"progress": Progress{Title: "CEUs " + hostile, Value: 12, Max: 20},
	}
}

func TestChartsAreWellFormedAccessibleAndEscaped(t *testing.T) {
	for kind, c := range everyKind() {
		t.Run(kind, func(t *testing.T) {
			svg := c.SVG()
			root := parseSVG(t, svg)
			if got := root.attr("role"); got != "img" {
				t.Errorf("role: got %q, want img", got)
			}
			if got := root.attr("width"); got != "100%" {
				t.Errorf("width: got %q, want 100%%", got)
			}
			if !strings.HasPrefix(root.attr("viewBox"), "0 0 640 ") {
				t.Errorf("viewBox: got %q", root.attr("viewBox"))
			}
			title, ok := root.child("title")
			if !ok || !strings.Contains(title.Text, hostile) {
				t.Errorf("title: got %q, want it to hold the hostile label verbatim", title.Text)
			}
			desc, ok := root.child("desc")
			if !ok || desc.Text == "" {
				t.Errorf("desc: missing or empty")
			}
			if got, want := root.attr("aria-labelledby"), title.attr("id")+" "+desc.attr("id"); got != want {
				t.Errorf("aria-labelledby: got %q, want %q", got, want)
			}
			raw := string(svg)
			if strings.Contains(raw, "<script") || !strings.Contains(raw, "&lt;script&gt;") {
				t.Errorf("the <script> label is not escaped:\n%s", raw)
			}
			for _, e := range root.all(func(node) bool { return true }) {
				if e.attr("style") != "" || e.XMLName.Local == "style" || e.XMLName.Local == "script" {
					t.Errorf("<%s> carries inline style or script", e.XMLName.Local)
				}
			}
			if len(c.Table().Rows) == 0 {
				t.Errorf("table has no rows")
			}
		})
	}
}

func TestEmptyChartsSayNoDataYet(t *testing.T) {
	tests := []struct {
		name  string
		chart Chart
	}{
		{"hbar", HBar{Title: "Settings"}},
		{"grouped without series", GroupedBars{Title: "Wages", Categories: []string{"p10"}}},
		{"stacked without categories", StackedBars{Title: "Minutes", Series: []Series{{Name: "Coding"}}}},
		{"line with empty series", Line{Title: "CEUs", Series: []LineSeries{{Name: "Earned"}}}},
		{"timeline", Timeline{Title: "Path"}},
		{"progress with no maximum", Progress{Title: "CEUs", Value: 3}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			root := parseSVG(t, tt.chart.SVG())
			if !hasClass(root, "chart-empty") {
				t.Errorf("class: got %q, want chart-empty", root.attr("class"))
			}
			if got := root.texts(); len(got) != 1 || got[0] != "No data yet" {
				t.Errorf("texts: got %q, want [No data yet]", got)
			}
			if title, _ := root.child("title"); title.Text == "" {
				t.Errorf("empty chart lost its title")
			}
			if got := len(tt.chart.Table().Rows); got != 0 {
				t.Errorf("table rows: got %d, want 0", got)
			}
		})
	}
}

func TestFormats(t *testing.T) {
	tests := []struct {
		name   string
		format Format
		in     float64
		want   string
	}{
		{"number thousands", Number, 188600, "188,600"},
		{"number millions", Number, 3980000, "3,980,000"},
		{"number decimal", Number, 43.2, "43.2"},
		{"number small", Number, 7, "7"},
		{"number negative", Number, -1234.5, "-1,234.5"},
		{"dollars", Dollars, 42630, "$42,630"},
		{"dollars rounds", Dollars, 999.6, "$1,000"},
		{"percent", Percent, 97.9, "97.9%"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := tt.format(tt.in); got != tt.want {
				t.Errorf("got %q, want %q", got, tt.want)
			}
		})
	}
}

func TestNiceScale(t *testing.T) {
	tests := []struct {
		max, wantTop, wantStep float64
	}{
		{77560, 80000, 20000},
		{38, 40, 10},
		{20, 20, 5},
		{100, 100, 20},
		{0, 1, 1},
		{0.7, 0.8, 0.2},
	}
	for _, tt := range tests {
		t.Run(fmt.Sprint(tt.max), func(t *testing.T) {
			top, step := niceScale(tt.max, 5)
			if !near(top, tt.wantTop) || !near(step, tt.wantStep) {
				t.Errorf("got %v step %v, want %v step %v", top, step, tt.wantTop, tt.wantStep)
			}
		})
	}
}

func TestChartIDsDifferAndAreSafe(t *testing.T) {
	a := chartID("", "hbar", "Work settings")
	b := chartID("", "hbar", "Wages")
	if a == b {
		t.Errorf("two titles gave the same id %q", a)
	}
	if got := chartID(`x"><script>`, "hbar"); got != "chart-x---script-" {
		t.Errorf("explicit id: got %q", got)
	}
}

func TestEscapeDropsCharactersXMLForbids(t *testing.T) {
	root := parseSVG(t, HBar{Title: "bell\x07 and \xff bad byte", Bars: []Bar{{Label: "a\x00b", Value: 1}}}.SVG())
	if title, _ := root.child("title"); title.Text != "bell and \uFFFD bad byte" {
		t.Errorf("title: got %q", title.Text)
	}
}

// weeklyMinutes is two years of weekly study minutes across the six CCA domains.

func weeklyMinutes(weeks int) StackedBars {
	domains := []string{"Clinical Classification Systems", "Reimbursement Methodologies", "Health Records and Data Content",
		"Compliance", "Information Technologies", "Confidentiality and Privacy"}
	s := StackedBars{Title: "Study minutes per week", CategoryHeader: "Week"}
	for w := range weeks {
		s.Categories = append(s.Categories, fmt.Sprint("W", w+1))
	}
	for d, name := range domains {
		values := make([]float64, weeks)
		for w := range values {
			values[w] = float64((w*7+d*13)%90 + 10)
		}
		s.Series = append(s.Series, Series{Name: name, Values: values})
	}
	return s
}

func BenchmarkStackedBars104Weeks(b *testing.B) {
	s := weeklyMinutes(104)
	b.ReportAllocs()
	for b.Loop() {
		_ = s.SVG()
	}
}

func BenchmarkStackedBars104WeeksTable(b *testing.B) {
	s := weeklyMinutes(104)
	b.ReportAllocs()
	for b.Loop() {
		_ = s.Table()
	}
}
