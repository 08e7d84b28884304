package handlers_test

import (
	"net/http"
	"net/url"
	"regexp"
	"strings"
	"testing"
	"time"

	"hitpath/app/apptest"
	"hitpath/models"
)

var linkTokenRe = regexp.MustCompile(`token=([A-Za-z0-9_-]+)`)

// emailedToken returns the token of the newest email to address whose subject
// contains about.
func emailedToken(t *testing.T, s *apptest.Server, to, about string) string {
	t.Helper()
	var e models.OutboxEmail
	err := s.DB.Where("to_address = ? AND subject LIKE ?", to, "%"+about+"%").Order("id DESC").Take(&e).Error
	if err != nil {
		t.Fatalf("no %q email to %s: %v", about, to, err)
	}
	m := linkTokenRe.FindStringSubmatch(e.Body)
	if m == nil {
		t.Fatalf("no link in %q", e.Body)
	}
	return m[1]
}

func outboxCount(t *testing.T, s *apptest.Server, to string) int64 {
	t.Helper()
	var n int64
	s.DB.Model(&models.OutboxEmail{}).Where("to_address = ?", to).Count(&n)
	return n
}

func TestPasswordResetPages(t *testing.T) {
	now := time.Date(2031, 6, 15, 10, 0, 0, 0, time.UTC)
	apptest.Each(t, func(t *testing.T, s *apptest.Server) {
		old := s.Browser()
		old.SignUp("Ana", "ana@example.com", goodPassword)
		before := outboxCount(t, s, "ana@example.com")
		if page := apptest.Must(t, s.Browser().Get("/login"), 200).Text(); !strings.Contains(page, `href="/forgot-password"`) {
			t.Fatal("the login page has no forgot-password link")
		}
		b := s.Browser()
		known := apptest.Must(t, b.Submit("/forgot-password", url.Values{"email": {"ANA@example.com"}}), 200).Text()
		unknown := apptest.Must(t, b.Submit("/forgot-password", url.Values{"email": {"who@example.com"}}), 200).Text()
		if !strings.Contains(known, "If an account uses that address") || !strings.Contains(unknown, "If an account uses that address") {
			t.Fatal("the two answers differ or say nothing")
		}
		if outboxCount(t, s, "who@example.com") != 0 || outboxCount(t, s, "ana@example.com") != before+1 {
			t.Fatal("got the wrong reset emails queued")
		}
		bad := apptest.Must(t, b.Submit("/forgot-password", url.Values{"email": {"not-an-address"}}), 422).Text()
		if !strings.Contains(bad, `id="email-error"`) {
			t.Fatal("got no error beside the email field")
		}
		token := emailedToken(t, s, "ana@example.com", "Reset")
		apptest.Must(t, b.Get("/reset-password?token="+token), 200)
		short := apptest.Must(t, b.Submit("/reset-password", url.Values{"token": {token}, "new_password": {"short"}}), 422).Text()
		if !strings.Contains(short, `id="new_password-error"`) {
			t.Fatal("got no error beside the new password")
		}
		resp := apptest.Must(t, b.Submit("/reset-password", url.Values{"token": {token}, "new_password": {"a brand new secret"}, "confirm_password": {"a brand new secret"}}), 303)
		if resp.Header.Get("Location") != "/login" {
			t.Fatalf("got redirect to %q, want /login", resp.Header.Get("Location"))
		}
		if got := old.Get("/dashboard"); got.Status != http.StatusFound {
			t.Fatalf("the session from before the reset still works: %d", got.Status)
		}
		apptest.Must(t, s.Browser().LogIn("ana@example.com", "a brand new secret"), 303)
		used := apptest.Must(t, b.Get("/reset-password?token="+token), http.StatusGone).Text()
		if !strings.Contains(used, "already used") {
			t.Fatal("a used link does not say it was used")
		}
		apptest.Must(t, b.Get("/reset-password?token=nonsense"), http.StatusNotFound)
	}, apptest.WithClock(func() time.Time { return now }))
}

func TestPasswordResetLinkExpiresAfterAnHour(t *testing.T) {
	start := time.Date(2031, 6, 15, 10, 0, 0, 0, time.UTC)
	now := start
	apptest.Each(t, func(t *testing.T, s *apptest.Server) {
		now = start
		s.RegisterAPI("Ben", "ben@example.com", goodPassword)
		apptest.Must(t, s.API("POST", "/api/v1/auth/password-reset", "", map[string]string{"email": "ben@example.com"}), 202)
		apptest.Must(t, s.API("POST", "/api/v1/auth/password-reset", "", map[string]string{"email": "nobody@example.com"}), 202)
		apptest.Must(t, s.API("POST", "/api/v1/auth/password-reset", "", map[string]string{"email": ""}), 422)
		token := emailedToken(t, s, "ben@example.com", "Reset")
		now = start.Add(time.Hour)
		page := apptest.Must(t, s.Browser().Get("/reset-password?token="+token), http.StatusGone).Text()
		if !strings.Contains(page, "expired") || !strings.Contains(page, `href="/forgot-password"`) {
			t.Fatal("an expired link does not say so or offer a new one")
		}
		var problem struct {
			Error string `json:"error"`
		}
		body := map[string]string{"token": token, "new_password": "another good secret"}
		apptest.Must(t, s.API("POST", "/api/v1/auth/password-reset/confirm", "", body), http.StatusGone).JSON(t, &problem)
		if !strings.Contains(problem.Error, "expired") {
			t.Fatalf("got %q, want an expiry message", problem.Error)
		}
		now = start.Add(2 * time.Hour)
		apptest.Must(t, s.API("POST", "/api/v1/auth/password-reset", "", map[string]string{"email": "ben@example.com"}), 202)
		fresh := emailedToken(t, s, "ben@example.com", "Reset")
		body["token"] = fresh
		apptest.Must(t, s.API("POST", "/api/v1/auth/password-reset/confirm", "", body), 200)
		apptest.Must(t, s.API("POST", "/api/v1/auth/password-reset/confirm", "", body), http.StatusGone)
		apptest.Must(t, s.API("POST", "/api/v1/auth/password-reset/confirm", "", map[string]string{"token": "x", "new_password": "another good secret"}), 404)
		s.LoginAPI("ben@example.com", "another good secret")
		var notice models.OutboxEmail
		s.DB.Where("to_address = ?", "ben@example.com").Order("id DESC").Take(&notice)
		if notice.Subject != "Your hitpath password was changed" {
			t.Fatalf("got last email %q, want the change notice", notice.Subject)
		}
	}, apptest.WithClock(func() time.Time { return now }))
}

func TestPasswordResetIsRateLimitedPerAddress(t *testing.T) {
	apptest.Each(t, func(t *testing.T, s *apptest.Server) {
		s.RegisterAPI("Cat", "cat@example.com", goodPassword)
		for i := 0; i < 3; i++ {
			apptest.Must(t, s.API("POST", "/api/v1/auth/password-reset", "", map[string]string{"email": "cat@example.com"}), 202)
		}
		apptest.Must(t, s.API("POST", "/api/v1/auth/password-reset", "", map[string]string{"email": "CAT@example.com"}), 429)
		apptest.Must(t, s.API("POST", "/api/v1/auth/password-reset", "", map[string]string{"email": "other@example.com"}), 202)
	})
}
