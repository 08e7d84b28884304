package handlers_test

// Security regressions of issue 11: each finding is a test (or a table row) that
// failed before its fix. Every test runs on SQLite and, with TEST_DATABASE_URL, on
// PostgreSQL.

import (
	"net/http"
	"net/url"
	"strings"
	"testing"

	"hitpath/app/apptest"
)

// TestSecurityLoginNextStaysOnSite guards finding 1: the login form's `next` can
// neither inject a header nor leave the site.
func TestSecurityLoginNextStaysOnSite(t *testing.T) {
	apptest.Each(t, func(t *testing.T, s *apptest.Server) {
		s.Browser().SignUp("Nia", "nia@example.com", "correct horse battery")
		for _, tt := range []struct{ name, next, want string }{
			{"header injection", "/dashboard\r\nSet-Cookie: hitpath_session=attacker; Path=/ceus", "/dashboard"},
			{"tab then host", "/%09/evil.example", "/dashboard"},
			{"raw tab", "/\t/evil.example", "/dashboard"},
			{"protocol relative", "//evil.example", "/dashboard"},
			{"backslash", "/\\evil.example", "/dashboard"},
			{"encoded backslash", "/%5Cevil.example", "/dashboard"},
			{"encoded slash", "/%2F/evil.example", "/dashboard"},
			{"absolute", "https://evil.example/", "/dashboard"},
			{"scheme only", "javascript:alert(1)", "/dashboard"},
			{"same-site path kept", "/ceus?page=2", "/ceus?page=2"},
		} {
			t.Run(tt.name, func(t *testing.T) {
				b := s.Browser()
				resp := b.Submit("/login", url.Values{"email": {"nia@example.com"}, "password": {"correct horse battery"}, "next": {tt.next}})
				if resp.Status != http.StatusSeeOther {
					t.Fatalf("got status %d, want 303", resp.Status)
				}
				if got := resp.Header.Get("Location"); got != tt.want {
					t.Errorf("Location %q, want %q", got, tt.want)
				}
				for _, c := range resp.Header.Values("Set-Cookie") {
					if strings.Contains(c, "attacker") {
						t.Errorf("injected cookie set: %q", c)
					}
				}
			})
		}
		if page := s.Browser().Get("/login?next=//evil.example").Text(); strings.Contains(page, "evil.example") {
			t.Error("login page carries an off-site next into its form")
		}
	})
}
