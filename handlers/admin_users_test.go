package handlers_test

import (
	"fmt"
	"net/http"
	"net/url"
	"strings"
	"testing"
	"time"

	"hitpath/app/apptest"
)

func TestAdminSearchesPagesDisablesAndSendsResets(t *testing.T) {
	now := time.Date(2031, 6, 15, 10, 0, 0, 0, time.UTC)
	apptest.Each(t, func(t *testing.T, s *apptest.Server) {
		admin := adminBrowser(t, s)
		for i := range 55 {
			s.DB.Exec("INSERT INTO users (email, password_hash, name, role, created_at, updated_at) VALUES (?, 'x', ?, 'learner', ?, ?)",
				fmt.Sprintf("bulk%02d@example.com", i), fmt.Sprintf("Bulk %02d", i), now, now)
		}
		target := s.RegisterAPI("Tina Target", "tina@example.com", goodPassword)
		page := apptest.Must(t, admin.Get("/admin?q=TINA"), 200).Text()
		if !strings.Contains(page, "tina@example.com") || strings.Contains(page, "bulk01@example.com") {
			t.Fatal("the search does not find Tina alone")
		}
		first := apptest.Must(t, admin.Get("/admin?q=bulk"), 200).Text()
		if !strings.Contains(first, "55 accounts") || !strings.Contains(first, "Page 1 of 2") || strings.Contains(first, "bulk54@") {
			t.Fatal("the first page of 55 is not 50 rows with a pager")
		}
		second := apptest.Must(t, admin.Get("/admin?q=bulk&page=2"), 200).Text()
		if !strings.Contains(second, "bulk54@example.com") || strings.Contains(second, "bulk00@example.com") {
			t.Fatal("the second page does not hold the last five")
		}
		var list struct {
			Users []struct {
				ID       int64  `json:"id"`
				Email    string `json:"email"`
				Disabled bool   `json:"disabled"`
			} `json:"users"`
			Total int `json:"total"`
		}
		adminToken := s.LoginAPI("ada@example.com", goodPassword)
		apptest.Must(t, s.API("GET", "/api/v1/admin/users?q=tina", adminToken, nil), 200).JSON(t, &list)
		if list.Total != 1 || list.Users[0].Email != "tina@example.com" {
			t.Fatalf("got %+v, want Tina alone", list)
		}
		tina := list.Users[0].ID
		apptest.Must(t, admin.Submit("/admin/users/"+itoa(tina)+"/disable", nil), http.StatusSeeOther)
		apptest.Must(t, s.API("GET", "/api/v1/me", target, nil), 401)
		refused := apptest.Must(t, s.Browser().LogIn("tina@example.com", goodPassword), http.StatusForbidden).Text()
		if !strings.Contains(refused, "disabled") {
			t.Fatal("a disabled account's login does not say so")
		}
		apptest.Must(t, s.API("POST", "/api/v1/auth/password-reset", "", map[string]string{"email": "tina@example.com"}), 202)
		if outboxCount(t, s, "tina@example.com") != 1 { // only the confirmation from sign-up
			t.Fatal("a disabled account got a reset link")
		}
		apptest.Must(t, s.API("PATCH", "/api/v1/admin/users/"+itoa(tina), adminToken, map[string]any{"disabled": false}), 200).JSON(t, &list.Users[0])
		if list.Users[0].Disabled {
			t.Fatal("got the account still disabled")
		}
		s.LoginAPI("tina@example.com", goodPassword)
		apptest.Must(t, admin.Submit("/admin/users/"+itoa(tina)+"/password-reset", nil), http.StatusSeeOther)
		apptest.Must(t, s.API("POST", "/api/v1/admin/users/"+itoa(tina)+"/password-reset", adminToken, nil), 202)
		emailedToken(t, s, "tina@example.com", "Reset")
		var me struct {
			ID int64 `json:"id"`
		}
		apptest.Must(t, s.API("GET", "/api/v1/me", adminToken, nil), 200).JSON(t, &me)
		apptest.Must(t, s.API("PATCH", "/api/v1/admin/users/"+itoa(me.ID), adminToken, map[string]any{"disabled": true}), 422)

		learner := s.LoginAPI("tina@example.com", goodPassword)
		apptest.Must(t, s.API("GET", "/api/v1/admin/users", learner, nil), 403)
		apptest.Must(t, s.API("POST", "/api/v1/admin/users/"+itoa(tina)+"/password-reset", learner, nil), 403)
		apptest.Must(t, s.API("GET", "/api/v1/admin/audit", learner, nil), 403)
		tb := s.Browser()
		tb.LogIn("tina@example.com", goodPassword)
		for _, path := range []string{"/admin/audit", "/admin?q=x"} {
			apptest.Must(t, tb.Get(path), 404)
		}
		apptest.Must(t, tb.Submit("/admin/users/"+itoa(tina)+"/disable", url.Values{}), 404)
	}, apptest.WithClock(func() time.Time { return now }), cohortManyAuthAttempts())
}

func TestAuditViewerShowsSignInsWithFilters(t *testing.T) {
	start := time.Date(2031, 6, 15, 10, 0, 0, 0, time.UTC)
	now := start
	apptest.Each(t, func(t *testing.T, s *apptest.Server) {
		now = start
		admin := adminBrowser(t, s)
		s.RegisterAPI("Una", "una@example.com", goodPassword) // a sign-in on 15 June
		now = start.Add(48 * time.Hour)
		apptest.Must(t, s.API("POST", "/api/v1/auth/login", "", map[string]string{"email": "una@example.com", "password": "wrong password"}), 401)
		apptest.Must(t, s.API("POST", "/api/v1/auth/login", "", map[string]string{"email": "nobody@example.com", "password": "wrong password"}), 401)

		page := apptest.Must(t, admin.Get("/admin/audit?actor=una@example.com&action=user.signed_in"), 200).Text()
		if !strings.Contains(page, "1 entry") || !strings.Contains(page, "una@example.com") {
			t.Fatal("the viewer does not find Una's one sign-in")
		}
		adminToken := s.LoginAPI("ada@example.com", goodPassword)
		var out struct {
			Entries []struct {
				Action, Target, IP string
				ActorEmail         string `json:"actor_email"`
			} `json:"entries"`
			Total int `json:"total"`
		}
		apptest.Must(t, s.API("GET", "/api/v1/admin/audit?action=user.sign_in_failed", adminToken, nil), 200).JSON(t, &out)
		if out.Total != 2 || out.Entries[0].IP == "" {
			t.Fatalf("got %+v, want both failed sign-ins with their address", out)
		}
		for _, e := range out.Entries {
			if strings.Contains(e.Target+e.ActorEmail, "nobody") {
				t.Fatal("an unknown address was written to the audit log")
			}
		}
		apptest.Must(t, s.API("GET", "/api/v1/admin/audit?from=2031-06-17&to=2031-06-17&action=user.sign_in_failed", adminToken, nil), 200).JSON(t, &out)
		if out.Total != 2 {
			t.Fatalf("got %d failed sign-ins on 17 June, want 2", out.Total)
		}
		apptest.Must(t, s.API("GET", "/api/v1/admin/audit?to=2031-06-15&action=user.sign_in_failed", adminToken, nil), 200).JSON(t, &out)
		if out.Total != 0 {
			t.Fatalf("got %d failed sign-ins until 15 June, want 0", out.Total)
		}
		bad := apptest.Must(t, admin.Get("/admin/audit?from=June"), 422).Text()
		if !strings.Contains(bad, `id="from-error"`) {
			t.Fatal("a bad day is not refused beside the field")
		}
		apptest.Must(t, s.API("GET", "/api/v1/admin/audit?from=2031-06-20&to=2031-06-10", adminToken, nil), 422)
	}, apptest.WithClock(func() time.Time { return now }))
}
