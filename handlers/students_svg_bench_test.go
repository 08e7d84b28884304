package handlers

import (
	"strings"
	"testing"
	"time"

	"hitpath/models"
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

func TestWeeklyChartSVGShowsEveryDomainAndWeek(t *testing.T) {
	today := models.DateOf(2026, 3, 10)
	outline := models.DefaultExamOutlines()["RHIT"]
	weeks := models.WeeklyMinutes(benchSessions(today), today.AddDate(-2, 0, 0), today)
	svg := string(studentWeeklyChartSVG(weeks, outline))
	if got, want := strings.Count(svg, "<rect")-len(outline), 6*(len(weeks)-2); got < want {
		t.Fatalf("got %d bars segments, want at least %d (six domains in every full week)", got, want)
	}
	for _, want := range []string{"<title id=\"study-chart-title\">", "<desc", "Leadership"} {
		if !strings.Contains(svg, want) {
			t.Errorf("got no %q in the chart", want)
		}
	}
	if strings.Contains(svg, "style=") {
		t.Error("got an inline style, which the CSP refuses")
	}
}

func TestTimelineMarksTodayAndFirstCycleEnd(t *testing.T) {
	start, grad, exam := models.DateOf(2024, 9, 1), models.DateOf(2026, 5, 15), models.DateOf(2026, 6, 20)
	p := models.Pathway{ProgramStart: &start, ExpectedGraduation: &grad, ExamScheduledOn: &exam}
	svg := string(studentTimelineSVG(pathwayMilestones(p), models.DateOf(2026, 3, 10)))
	for _, want := range []string{"Program start 1 Sep 2024", "Graduation 15 May 2026", "Exam 20 Jun 2026", "First CEU cycle ends 19 Jun 2028", "today 10 Mar 2026", ">Today<"} {
		if !strings.Contains(svg, want) {
			t.Errorf("got no %q in the timeline", want)
		}
	}
}

func BenchmarkReadinessAndTrendSVG200Attempts(b *testing.B) {
	today := models.DateOf(2026, 3, 10)
	attempts, outline := benchAttempts(today), models.DefaultExamOutlines()["RHIT"]
	b.ReportAllocs()
	for b.Loop() {
		report := models.Readiness(attempts, outline, today)
		_ = studentTrendSVG(report.Trend)
	}
}

func BenchmarkWeeklyStudyChart2Years(b *testing.B) {
	today := models.DateOf(2026, 3, 10)
	sessions, outline := benchSessions(today), models.DefaultExamOutlines()["RHIT"]
	from := today.AddDate(-2, 0, 0)
	b.ReportAllocs()
	for b.Loop() {
		_ = studentWeeklyChartSVG(models.WeeklyMinutes(sessions, from, today), outline)
	}
}
