package handlers_test

import (
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"hitpath/app/apptest"
	"hitpath/models"
)

// TestOneClickUnsubscribe: a reminder carries its own unsubscribe address; opening it
// only asks, and the RFC 8058 POST (no cookie, no CSRF token) turns reminders off.
func TestOneClickUnsubscribe(t *testing.T) {
	apptest.Each(t, func(t *testing.T, s *apptest.Server) {
		s.Browser().SignUp("Ana", "ana@example.com", goodPassword)
		email := models.NewEmail{To: "ana@example.com", Subject: "CEUs due", Body: "…", DedupeKey: "ceu-reminder:1:2026:30",
			UnsubscribeBaseURL: "http://hitpath.test"}
		if _, err := models.QueueEmail(s.DB, email, time.Now()); err != nil {
			t.Fatal(err)
		}
		var queued models.OutboxEmail
		s.DB.Where("subject = ?", "CEUs due").Take(&queued)
		if queued.UnsubscribeURL == nil || !strings.HasPrefix(*queued.UnsubscribeURL, "http://hitpath.test/unsubscribe/") {
			t.Fatalf("got unsubscribe URL %v, want one on this site", queued.UnsubscribeURL)
		}
		path := strings.TrimPrefix(*queued.UnsubscribeURL, "http://hitpath.test")
		page := apptest.Must(t, s.Browser().Get(path), 200).Text()
		if !strings.Contains(page, "CEU deadline reminders") || !strings.Contains(page, `action="`+path+`"`) {
			t.Fatal("the unsubscribe page does not ask about reminders")
		}
		var ana models.User
		s.DB.Where("email = ?", "ana@example.com").Take(&ana)
		if len(ana.Reminders()) == 0 {
			t.Fatal("opening the link already turned reminders off")
		}
		req := httptest.NewRequest("POST", path, strings.NewReader("List-Unsubscribe=One-Click"))
		req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
		if got := s.Do(req); got.Status != http.StatusOK {
			t.Fatalf("one-click POST: got %d, want 200", got.Status)
		}
		s.DB.Where("email = ?", "ana@example.com").Take(&ana)
		if len(ana.Reminders()) != 0 || !ana.WeeklyDigest {
			t.Fatalf("got reminders %v and digest %v, want reminders off and the digest untouched", ana.Reminders(), ana.WeeklyDigest)
		}
		apptest.Must(t, s.Browser().Get("/unsubscribe/not-a-token"), 404)
		req = httptest.NewRequest("POST", "/unsubscribe/not-a-token", strings.NewReader("List-Unsubscribe=One-Click"))
		req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
		if got := s.Do(req); got.Status != http.StatusNotFound {
			t.Fatalf("unknown token: got %d, want 404", got.Status)
		}
	})
}
