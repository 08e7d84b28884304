package handlers_test

import (
	"net/http"
	"net/url"
	"strings"
	"testing"
	"time"

	"hitpath/app/apptest"
)

func TestSignupConfirmationAndDashboardNotice(t *testing.T) {
	now := time.Date(2031, 6, 15, 10, 0, 0, 0, time.UTC)
	apptest.Each(t, func(t *testing.T, s *apptest.Server) {
		b := s.Browser()
		b.SignUp("Ana", "ana@example.com", goodPassword)
		dash := apptest.Must(t, b.Get("/dashboard"), 200).Text()
		if !strings.Contains(dash, "Confirm your email address") {
			t.Fatal("the dashboard of a new account does not ask to confirm the address")
		}
		token := emailedToken(t, s, "ana@example.com", "Confirm")
		page := apptest.Must(t, s.Browser().Get("/verify-email?token="+token), 200).Text()
		if !strings.Contains(page, "Confirm ana@example.com") {
			t.Fatal("the link page does not name the address")
		}
		var verified int64
		s.DB.Raw("SELECT COUNT(*) FROM users WHERE email_verified_at IS NOT NULL").Scan(&verified)
		if verified != 0 {
			t.Fatal("opening the link confirmed the address; want only the button to")
		}
		resp := apptest.Must(t, b.Submit("/verify-email", url.Values{"token": {token}}), 303)
		if resp.Header.Get("Location") != "/dashboard" {
			t.Fatalf("got redirect to %q, want /dashboard", resp.Header.Get("Location"))
		}
		if dash := apptest.Must(t, b.Get("/dashboard"), 200).Text(); strings.Contains(dash, "Confirm your email address") || !strings.Contains(dash, "is confirmed") {
			t.Fatal("the notice stays after confirming, or no thanks shown")
		}
		used := apptest.Must(t, b.Submit("/verify-email", url.Values{"token": {token}}), http.StatusGone).Text()
		if !strings.Contains(used, "already used") {
			t.Fatal("a used confirmation link does not say so")
		}
		apptest.Must(t, b.Submit("/account/verification", nil), http.StatusConflict)
	}, apptest.WithClock(func() time.Time { return now }))
}

func TestConfirmationLinkExpiresAndCanBeResent(t *testing.T) {
	start := time.Date(2031, 6, 15, 10, 0, 0, 0, time.UTC)
	now := start
	apptest.Each(t, func(t *testing.T, s *apptest.Server) {
		now = start
		token := s.RegisterAPI("Ben", "ben@example.com", goodPassword)
		first := emailedToken(t, s, "ben@example.com", "Confirm")
		now = start.Add(72 * time.Hour)
		var problem struct {
			Error string `json:"error"`
		}
		apptest.Must(t, s.API("POST", "/api/v1/auth/verify-email", "", map[string]string{"token": first}), http.StatusGone).JSON(t, &problem)
		if !strings.Contains(problem.Error, "expired") {
			t.Fatalf("got %q, want an expiry message", problem.Error)
		}
		apptest.Must(t, s.API("POST", "/api/v1/me/verification", token, nil), http.StatusAccepted)
		apptest.Must(t, s.API("POST", "/api/v1/me/verification", "", nil), http.StatusUnauthorized)
		second := emailedToken(t, s, "ben@example.com", "Confirm")
		var me struct {
			Verified bool `json:"email_verified"`
		}
		apptest.Must(t, s.API("POST", "/api/v1/auth/verify-email", "", map[string]string{"token": second}), 200).JSON(t, &me)
		if !me.Verified {
			t.Fatal("got the account unconfirmed after the link")
		}
		apptest.Must(t, s.API("POST", "/api/v1/auth/verify-email", "", map[string]string{"token": "nope"}), 404)
	}, apptest.WithClock(func() time.Time { return now }))
}

func TestChangeOfEmailConfirmsTheNewAndTellsTheOld(t *testing.T) {
	now := time.Date(2031, 6, 15, 10, 0, 0, 0, time.UTC)
	apptest.Each(t, func(t *testing.T, s *apptest.Server) {
		b := s.Browser()
		b.SignUp("Cy", "cy@example.com", goodPassword)
		s.RegisterAPI("Di", "di@example.com", goodPassword)
		page := apptest.Must(t, b.Submit("/account/email", url.Values{"email": {"di@example.com"}, "email_current_password": {goodPassword}}), 409).Text()
		if !strings.Contains(page, "already exists") {
			t.Fatal("a taken address is not refused beside the field")
		}
		page = apptest.Must(t, b.Submit("/account/email", url.Values{"email": {"new@example.com"}, "email_current_password": {"wrong one!"}}), 422).Text()
		if !strings.Contains(page, `id="email_current_password-error"`) || !strings.Contains(page, `value="new@example.com"`) {
			t.Fatal("a wrong password is not refused beside its field, or the typed address is lost")
		}
		apptest.Must(t, b.Submit("/account/email", url.Values{"email": {"New@Example.com"}, "email_current_password": {goodPassword}}), 303)
		if outboxCount(t, s, "cy@example.com") != 2 { // confirmation at sign-up, then the notice
			t.Fatalf("got %d emails to the old address, want the sign-up link and the notice", outboxCount(t, s, "cy@example.com"))
		}
		if page := apptest.Must(t, b.Get("/account"), 200).Text(); !strings.Contains(page, "cy@example.com") {
			t.Fatal("the address changed before it was confirmed")
		}
		token := emailedToken(t, s, "new@example.com", "Confirm")
		apptest.Must(t, b.Submit("/verify-email", url.Values{"token": {token}}), 303)
		apptest.Must(t, s.Browser().LogIn("new@example.com", goodPassword), 303)
		apptest.Must(t, s.Browser().LogIn("cy@example.com", goodPassword), 401)

		api := s.LoginAPI("di@example.com", goodPassword)
		var problem struct {
			Fields map[string]string `json:"fields"`
		}
		apptest.Must(t, s.API("POST", "/api/v1/me/email", api, map[string]string{"email": "x", "current_password": goodPassword}), 422).JSON(t, &problem)
		if problem.Fields["email"] == "" {
			t.Fatalf("got %v, want an email problem", problem.Fields)
		}
		apptest.Must(t, s.API("POST", "/api/v1/me/email", api, map[string]string{"email": "new@example.com", "current_password": goodPassword}), 409)
		apptest.Must(t, s.API("POST", "/api/v1/me/email", api, map[string]string{"email": "di2@example.com", "current_password": goodPassword}), 202)
		apptest.Must(t, s.API("POST", "/api/v1/me/email", "", map[string]string{"email": "di2@example.com", "current_password": goodPassword}), 401)
	}, apptest.WithClock(func() time.Time { return now }))
}
