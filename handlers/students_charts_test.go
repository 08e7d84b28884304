package handlers

import (
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"hitpath/models"
	"hitpath/views/chart"
)

// benchSessions is two years of daily study, rotating through six domains.
func benchSessions(today time.Time) []models.StudySession {
	sessions := make([]models.StudySession, 730)
	for i := range sessions {
		sessions[i] = models.StudySession{On: today.AddDate(0, 0, -i), Minutes: 30 + i%90, DomainPosition: 1 + i%6}
	}
	return sessions
}

// benchAttempts is 200 practice exams, every third day, each with six domain scores.
func benchAttempts(today time.Time) []models.PracticeAttempt {
	attempts := make([]models.PracticeAttempt, 200)
	for i := range attempts {
		scores := map[int]float64{}
		for d := 1; d <= 6; d++ {
			scores[d] = float64(40 + (i*7+d*11)%60)
		}
		attempts[i] = models.PracticeAttempt{TakenOn: today.AddDate(0, 0, -3*i), OverallPercent: float64(50 + i%40), DomainPercents: scores}
	}
	return attempts
}

// checkFigure asserts what every chart of a page owes its readers: an SVG named by its
// title, no inline style (the CSP refuses it), and a table with that title as caption.
func checkFigure(t *testing.T, f chartFigure, title string) {
	t.Helper()
	svg := string(f.SVG)
	if !strings.HasPrefix(svg, "<svg") || !strings.Contains(svg, ">"+title+"</title>") {
		t.Errorf("got no <svg> titled %q: %.200s", title, svg)
	}
	if strings.Contains(svg, "style=") {
		t.Error("got an inline style, which the CSP refuses")
	}
	if f.Table.Caption != title {
		t.Errorf("table caption: got %q, want %q", f.Table.Caption, title)
	}
}

// tableRow returns the row labelled label.
func tableRow(t *testing.T, table chart.Table, label string) chart.Row {
	t.Helper()
	i := slices.IndexFunc(table.Rows, func(r chart.Row) bool { return r.Label == label })
	if i < 0 {
		t.Fatalf("got no row %q in %+v", label, table.Rows)
	}
	return table.Rows[i]
}

func TestStudyWeeksChartShowsEveryDomainAndWeek(t *testing.T) {
	today := models.DateOf(2026, 3, 10)
	outline := models.DefaultExamOutlines()["RHIT"]
	weeks := models.WeeklyMinutes(benchSessions(today), today.AddDate(-2, 0, 0), today)
	f := studyWeeksChart(weeks, outline)
	checkFigure(t, f, "Study minutes per week, by exam domain")
	svg := string(f.SVG)
	if got, want := strings.Count(svg, "<rect x="), 6*(len(weeks)-2); got < want {
		t.Errorf("got %d bar segments, want at least %d (six domains in every full week)", got, want)
	}
	if !strings.Contains(svg, "Leadership") {
		t.Error("got no Leadership domain in the legend")
	}
	if got := len(f.Table.Rows); got != len(weeks) {
		t.Fatalf("table rows: got %d, want one per week (%d)", got, len(weeks))
	}
	if got, want := len(f.Table.Columns), len(outline)+2; got != want {
		t.Errorf("table columns: got %v, want week, %d domains and total", f.Table.Columns, len(outline))
	}
	last := weeks[len(weeks)-1]
	row := tableRow(t, f.Table, last.Start.Format("2 Jan 2006"))
	if got := row.Values[len(row.Values)-1]; got != strconv.Itoa(last.Minutes) {
		t.Errorf("last week's total: got %s, want %d", got, last.Minutes)
	}
}

func TestTimelineMarksTodayAndFirstCycleEnd(t *testing.T) {
	start, grad, exam := models.DateOf(2024, 9, 1), models.DateOf(2026, 5, 15), models.DateOf(2026, 6, 20)
	p := models.Pathway{ProgramStart: &start, ExpectedGraduation: &grad, ExamScheduledOn: &exam}
	f := pathwayTimelineChart(p, models.DateOf(2026, 3, 10))
	checkFigure(t, f, "Your pathway timeline")
	if !strings.Contains(string(f.SVG), ">Today<") {
		t.Error("got no Today marker")
	}
	for _, want := range []struct{ label, date, status string }{
		{"Program start", "1 Sep 2024", "done"}, {"Graduation", "15 May 2026", "upcoming"},
		{"Exam", "20 Jun 2026", "upcoming"}, {"First CEU cycle ends", "19 Jun 2028", "upcoming"},
	} {
		if got := tableRow(t, f.Table, want.label).Values; !slices.Equal(got, []string{want.date, want.status}) {
			t.Errorf("%s: got %v, want %s, %s", want.label, got, want.date, want.status)
		}
	}
}

func TestReadinessTrendChartHasTargetAndEveryAttempt(t *testing.T) {
	trend := []models.ReadinessPoint{{On: models.DateOf(2026, 1, 5), Percent: 58.5}, {On: models.DateOf(2026, 2, 9), Percent: 71}}
	f := readinessTrendChart(trend)
	checkFigure(t, f, "Readiness after each practice exam")
	svg := string(f.SVG)
	for _, want := range []string{"75% target", "2 attempts: from 58.5% on 5 Jan 2026 to 71% on 9 Feb 2026."} {
		if !strings.Contains(svg, want) {
			t.Errorf("got no %q in the chart", want)
		}
	}
	if got := tableRow(t, f.Table, "9 Feb 2026").Values; !slices.Equal(got, []string{"71%"}) {
		t.Errorf("last attempt: got %v, want 71%%", got)
	}
}

func BenchmarkReadinessAndTrendChart200Attempts(b *testing.B) {
	today := models.DateOf(2026, 3, 10)
	attempts, outline := benchAttempts(today), models.DefaultExamOutlines()["RHIT"]
	b.ReportAllocs()
	for b.Loop() {
		report := models.Readiness(attempts, outline, today)
		_ = readinessTrendChart(report.Trend)
	}
}

func BenchmarkWeeklyStudyChart2Years(b *testing.B) {
	today := models.DateOf(2026, 3, 10)
	sessions, outline := benchSessions(today), models.DefaultExamOutlines()["RHIT"]
	from := today.AddDate(-2, 0, 0)
	b.ReportAllocs()
	for b.Loop() {
		_ = studyWeeksChart(models.WeeklyMinutes(sessions, from, today), outline)
	}
}
