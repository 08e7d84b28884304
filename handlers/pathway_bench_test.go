package handlers_test

import (
	"context"
	"net/url"
	"strings"
	"testing"
	"time"

	"hitpath/app/apptest"
	"hitpath/app/testdb"
	"hitpath/models"
)

// seedStudentHistory gives the learner two years of daily study and 200 practice exams
// with six domain scores each.
func seedStudentHistory(b *testing.B, s *apptest.Server, userID int64) {
	b.Helper()
	today := models.DateOnly(studentToday)
	entries := make([]models.StudyLogEntry, 730)
	for i := range entries {
		entries[i] = models.StudyLogEntry{UserID: userID, StudiedOn: today.AddDate(0, 0, -i), Minutes: 30 + i%90,
			CredentialCode: "RHIT", DomainPosition: 1 + i%6, Topic: "Review", CreatedAt: studentToday}
	}
	if err := s.DB.CreateInBatches(entries, 200).Error; err != nil {
		b.Fatal(err)
	}
	for i := range 200 {
		r := models.PracticeExamRecord{UserID: userID, CredentialCode: "RHIT", TakenOn: today.AddDate(0, 0, -3*i), OverallPercent: float64(50 + i%40)}
		for d := 1; d <= 6; d++ {
			r.Scores = append(r.Scores, models.PracticeExamScore{DomainPosition: d, Percent: float64(40 + (i*7+d*11)%60)})
		}
		if err := models.CreatePracticeExam(context.Background(), s.DB, &r, studentToday); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkStudentDashboard renders /dashboard through the whole server (auth, queries,
// rules, template) for a learner with 730 study sessions and 200 practice exams, on
// each test database (PostgreSQL when TEST_DATABASE_URL is set).
func BenchmarkStudentDashboard(b *testing.B) {
	for _, dialect := range testdb.Dialects() {
		b.Run(dialect, func(b *testing.B) {
			s := apptest.New(b, testdb.Open(b, dialect), apptest.WithClock(func() time.Time { return studentToday }))
			browser := s.Browser()
			browser.SignUp("Bench", "bench@example.com", goodPassword)
			apptest.Must(b, browser.Submit("/pathway", url.Values{"target": {"RHIT"}, "weekly_goal_minutes": {"300"}, "exam_scheduled_on": {"2035-06-20"}}), 303)
			user, err := models.UserByEmail(context.Background(), s.DB, "bench@example.com")
			if err != nil {
				b.Fatal(err)
			}
			seedStudentHistory(b, s, user.ID)
			page := apptest.Must(b, browser.Get("/dashboard"), 200).Text()
			if !strings.Contains(page, "student-panel") || !strings.Contains(page, "day streak") {
				b.Fatal("got no student panel on the dashboard")
			}
			b.ReportAllocs()
			for b.Loop() {
				if resp := browser.Get("/dashboard"); resp.Status != 200 {
					b.Fatalf("got status %d", resp.Status)
				}
			}
		})
	}
}
