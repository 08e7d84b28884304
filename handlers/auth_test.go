package handlers_test

import (
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"testing"

	"github.com/gofiber/fiber/v2"

	"hitpath/app/apptest"
)

func TestSignupPageShowsErrorsBesideFields(t *testing.T) {
	apptest.Each(t, func(t *testing.T, s *apptest.Server) {
		b := s.Browser()
		apptest.Must(t, b.Get("/signup"), 200)
		resp := apptest.Must(t, b.Submit("/signup", url.Values{"name": {""}, "email": {"nope"}, "password": {"short"}}), 422)
		page := resp.Text()
		for _, id := range []string{`id="name-error"`, `id="email-error"`, `id="password-error"`} {
			if !strings.Contains(page, id) {
				t.Errorf("got no %s on the re-rendered sign-up page", id)
			}
		}
		if !strings.Contains(page, `value="nope"`) {
			t.Error("got the typed email lost; want it kept in the form")
		}
		if n := countUsers(t, s); n != 0 {
			t.Fatalf("got %d users after a refused sign-up, want 0", n)
		}
	})
}

func TestSignupLogoutLoginPages(t *testing.T) {
	apptest.Each(t, func(t *testing.T, s *apptest.Server) {
		b := s.Browser()
		resp := b.SignUp("Ana Lima", "ana@example.com", goodPassword)
		if loc := resp.Header.Get("Location"); loc != "/dashboard" {
			t.Fatalf("got redirect to %q, want /dashboard", loc)
		}
		cookie := (&http.Response{Header: resp.Header}).Cookies()
		var session *http.Cookie
		for _, c := range cookie {
			if c.Name == "hitpath_session" {
				session = c
			}
		}
		if session == nil || !session.HttpOnly || session.SameSite != http.SameSiteLaxMode {
			t.Fatalf("got session cookie %+v, want HttpOnly SameSite=Lax", session)
		}
		dash := apptest.Must(t, b.Get("/dashboard"), 200).Text()
		if !strings.Contains(dash, "Hello, Ana Lima") || !strings.Contains(dash, "Welcome to hitpath") {
			t.Fatalf("dashboard does not greet the new user: %s", dash)
		}
		dup := s.Browser()
		taken := apptest.Must(t, dup.Submit("/signup", url.Values{"name": {"X"}, "email": {"ANA@example.com"}, "password": {goodPassword}}), 303)
		if loc := taken.Header.Get("Location"); loc != "/login" || dup.Cookie("hitpath_session") != "" {
			t.Fatalf("a taken address went to %q (session %q), want /login without a session", loc, dup.Cookie("hitpath_session"))
		}

		oldToken := b.Cookie("hitpath_session")
		apptest.Must(t, b.Submit("/logout", nil), 303)
		if got := b.Get("/dashboard"); got.Status != 302 || !strings.HasPrefix(got.Header.Get("Location"), "/login") {
			t.Fatalf("after logout /dashboard answered %d %s, want a redirect to /login", got.Status, got.Header.Get("Location"))
		}
		if got := s.API("GET", "/api/v1/me", oldToken, nil); got.Status != 401 {
			t.Fatalf("the logged-out cookie token still works: %d", got.Status)
		}

		bad := apptest.Must(t, b.LogIn("ana@example.com", "wrong password!"), 401).Text()
		unknown := apptest.Must(t, s.Browser().LogIn("who@example.com", "wrong password!"), 401).Text()
		if !strings.Contains(bad, "do not match an account") || !strings.Contains(unknown, "do not match an account") {
			t.Fatal("got no generic login error")
		}
		resp = apptest.Must(t, b.Submit("/login", url.Values{"email": {"ana@example.com"}, "password": {goodPassword}, "next": {"/account"}}), 303)
		if loc := resp.Header.Get("Location"); loc != "/account" {
			t.Fatalf("got redirect to %q, want /account", loc)
		}
		resp = apptest.Must(t, b.Submit("/login", url.Values{"email": {"ana@example.com"}, "password": {goodPassword}, "next": {"//evil.example"}}), 303)
		if loc := resp.Header.Get("Location"); loc != "/dashboard" {
			t.Fatalf("got redirect to %q, want /dashboard for an off-site next", loc)
		}
	})
}

func TestFormsNeedCSRFToken(t *testing.T) {
	apptest.Each(t, func(t *testing.T, s *apptest.Server) {
		b := s.Browser()
		b.Get("/signup")
		form := url.Values{"name": {"Ana"}, "email": {"ana@example.com"}, "password": {goodPassword}}
		apptest.Must(t, b.Post("/signup", "application/x-www-form-urlencoded", strings.NewReader(form.Encode())), 403)
		form.Set("_csrf", "forged-token")
		apptest.Must(t, b.Post("/signup", "application/x-www-form-urlencoded", strings.NewReader(form.Encode())), 403)
		if n := countUsers(t, s); n != 0 {
			t.Fatalf("got %d users, want 0 after refused forms", n)
		}
	})
}

func TestAccountPasswordChange(t *testing.T) {
	apptest.Each(t, func(t *testing.T, s *apptest.Server) {
		b := s.Browser()
		b.SignUp("Ana", "ana@example.com", goodPassword)
		other := s.Browser()
		apptest.Must(t, other.LogIn("ana@example.com", goodPassword), 303)

		page := apptest.Must(t, b.Submit("/account/password", url.Values{"current_password": {"wrong one!!"}, "new_password": {"a brand new password"}}), 422).Text()
		if !strings.Contains(page, `id="current_password-error"`) {
			t.Fatal("got no error beside the current password field")
		}
		page = apptest.Must(t, b.Submit("/account/password", url.Values{"current_password": {goodPassword}, "new_password": {"a brand new password"}, "confirm_password": {"different"}}), 422).Text()
		if !strings.Contains(page, "do not match") {
			t.Fatal("got no mismatch message")
		}
		apptest.Must(t, b.Submit("/account/password", url.Values{"current_password": {goodPassword}, "new_password": {"a brand new password"}, "confirm_password": {"a brand new password"}}), 303)
		apptest.Must(t, b.Get("/account"), 200)
		if got := other.Get("/dashboard"); got.Status != 302 {
			t.Fatalf("the other browser is still logged in (%d); want its session revoked", got.Status)
		}
	})
}

func TestPageAccess(t *testing.T) {
	apptest.Each(t, func(t *testing.T, s *apptest.Server) {
		learner := s.Browser()
		learner.SignUp("Ana", "ana@example.com", goodPassword)
		admin := s.Browser()
		admin.SignUp("Root", "root@example.com", goodPassword)
		s.SetRole("root@example.com", "admin")
		anon := s.Browser()

		tests := []struct {
			name   string
			b      *apptest.Browser
			path   string
			status int
		}{
			{"anonymous home", anon, "/", 200},
			{"anonymous dashboard", anon, "/dashboard", 302},
			{"anonymous account", anon, "/account", 302},
			{"anonymous admin", anon, "/admin", 302},
			{"learner dashboard", learner, "/dashboard", 200},
			{"learner admin", learner, "/admin", 404},
			{"admin admin", admin, "/admin", 200},
			{"unknown page", learner, "/no-such-page", 404},
		}
		for _, tt := range tests {
			t.Run(tt.name, func(t *testing.T) {
				apptest.Must(t, tt.b.Get(tt.path), tt.status)
			})
		}
		apptest.Must(t, learner.Submit("/admin/users/1/role", url.Values{"role": {"admin"}}), 404)
		page := apptest.Must(t, admin.Get("/admin"), 200).Text()
		if !strings.Contains(page, "ana@example.com") {
			t.Fatal("admin page does not list users")
		}
		var anaID int64
		s.DB.Table("users").Select("id").Where("email = ?", "ana@example.com").Scan(&anaID)
		apptest.Must(t, admin.Submit("/admin/users/"+itoa(anaID)+"/role", url.Values{"role": {"instructor"}}), 303)
		if !strings.Contains(admin.Get("/admin").Text(), "is now an instructor") {
			t.Fatal("got no confirmation of the role change")
		}
		var role string
		s.DB.Table("users").Select("role").Where("id = ?", anaID).Scan(&role)
		if role != "instructor" {
			t.Fatalf("got role %q, want instructor", role)
		}
	})
}

func TestHealthSecurityHeadersAndPanics(t *testing.T) {
	apptest.Each(t, func(t *testing.T, s *apptest.Server) {
		apptest.Must(t, s.Do(httptest.NewRequest("GET", "/healthz", nil)), 200)
		apptest.Must(t, s.Do(httptest.NewRequest("GET", "/readyz", nil)), 200)
		home := apptest.Must(t, s.Do(httptest.NewRequest("GET", "/", nil)), 200)
		csp := home.Header.Get("Content-Security-Policy")
		if !strings.Contains(csp, "script-src 'self'") || strings.Contains(csp, "unsafe-inline") {
			t.Fatalf("got CSP %q, want script-src 'self' without unsafe-inline", csp)
		}
		if home.Header.Get("X-Content-Type-Options") != "nosniff" {
			t.Fatal("got no nosniff header")
		}
		s.App.Server.Get("/test-panic", func(c *fiber.Ctx) error { panic("secret internal detail") })
		boom := apptest.Must(t, s.Do(httptest.NewRequest("GET", "/test-panic", nil)), 500)
		if strings.Contains(boom.Text(), "secret internal detail") || strings.Contains(boom.Text(), "goroutine") {
			t.Fatal("the 500 page leaks the panic")
		}
		sqlDB, _ := s.DB.DB()
		sqlDB.Close()
		apptest.Must(t, s.Do(httptest.NewRequest("GET", "/readyz", nil)), 503)
		apptest.Must(t, s.Do(httptest.NewRequest("GET", "/healthz", nil)), 200)
	})
}
