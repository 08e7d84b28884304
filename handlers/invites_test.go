package handlers_test

import (
	"net/http"
	"net/url"
	"strings"
	"testing"
	"time"

	"hitpath/app/apptest"
)

func TestAdminInvitesAnInstructor(t *testing.T) {
	start := time.Date(2031, 6, 15, 10, 0, 0, 0, time.UTC)
	now := start
	apptest.Each(t, func(t *testing.T, s *apptest.Server) {
		now = start
		admin := adminBrowser(t, s)
		apptest.Must(t, admin.Submit("/admin/invites", url.Values{"email": {"ada@example.com"}}), 422)
		apptest.Must(t, admin.Submit("/admin/invites", url.Values{"email": {"Ivy@School.edu"}}), http.StatusSeeOther)
		token := emailedToken(t, s, "ivy@school.edu", "invited")
		b := s.Browser()
		if page := apptest.Must(t, b.Get("/invite?token="+token), 200).Text(); !strings.Contains(page, "ivy@school.edu") {
			t.Fatal("the invitation page does not name the address")
		}
		short := apptest.Must(t, b.Submit("/invite", url.Values{"token": {token}, "name": {"Ivy"}, "password": {"short"}}), 422).Text()
		if !strings.Contains(short, `id="password-error"`) || !strings.Contains(short, `value="Ivy"`) {
			t.Fatal("a short password is not refused beside the field")
		}
		resp := apptest.Must(t, b.Submit("/invite", url.Values{"token": {token}, "name": {"Ivy"}, "password": {goodPassword}, "time_zone": {"America/Denver"}}), http.StatusSeeOther)
		if resp.Header.Get("Location") != "/cohorts" {
			t.Fatalf("got redirect to %q, want /cohorts", resp.Header.Get("Location"))
		}
		apptest.Must(t, b.Get("/cohorts"), 200)
		var me struct {
			Role     string `json:"role"`
			Verified bool   `json:"email_verified"`
			Zone     string `json:"time_zone"`
		}
		apptest.Must(t, s.API("GET", "/api/v1/me", s.LoginAPI("ivy@school.edu", goodPassword), nil), 200).JSON(t, &me)
		if me.Role != "instructor" || !me.Verified || me.Zone != "America/Denver" {
			t.Fatalf("got %+v, want a confirmed instructor in Denver", me)
		}
		apptest.Must(t, b.Get("/invite?token="+token), http.StatusGone)

		adminToken := s.LoginAPI("ada@example.com", goodPassword)
		apptest.Must(t, s.API("POST", "/api/v1/admin/invites", adminToken, map[string]string{"email": "ray@school.edu"}), 202)
		apptest.Must(t, s.API("POST", "/api/v1/admin/invites", adminToken, map[string]string{"email": "nope"}), 422)
		apptest.Must(t, s.API("POST", "/api/v1/admin/invites", s.LoginAPI("ivy@school.edu", goodPassword), map[string]string{"email": "x@y.z"}), 403)
		rayToken := emailedToken(t, s, "ray@school.edu", "invited")
		now = start.Add(8 * 24 * time.Hour)
		body := map[string]string{"token": rayToken, "name": "Ray", "password": goodPassword}
		apptest.Must(t, s.API("POST", "/api/v1/auth/accept-invite", "", body), http.StatusGone)
		now = start.Add(time.Hour)
		apptest.Must(t, s.API("POST", "/api/v1/auth/accept-invite", "", body), http.StatusCreated)
		apptest.Must(t, s.API("POST", "/api/v1/auth/accept-invite", "", body), http.StatusGone)
		apptest.Must(t, s.API("POST", "/api/v1/auth/accept-invite", "", map[string]string{"token": "x", "name": "Z", "password": goodPassword}), 404)
	}, apptest.WithClock(func() time.Time { return now }), cohortManyAuthAttempts())
}
