package handlers_test

import (
	"net/http"
	"net/url"
	"strings"
	"testing"

	"hitpath/app/apptest"
)

func TestInstructorRequestQueue(t *testing.T) {
	apptest.Each(t, func(t *testing.T, s *apptest.Server) {
		admin := adminBrowser(t, s)
		b := s.Browser()
		b.SignUp("Tess Teacher", "tess@example.com", goodPassword)
		page := apptest.Must(t, b.Submit("/account/teach", url.Values{"school": {"Lakeside College"}, "program": {""}}), 422).Text()
		if !strings.Contains(page, `id="program-error"`) || !strings.Contains(page, `value="Lakeside College"`) {
			t.Fatal("a missing program is not refused beside the field, or the school is lost")
		}
		apptest.Must(t, b.Submit("/account/teach", url.Values{"school": {"Lakeside College"}, "program": {"HIT AAS"}}), http.StatusSeeOther)
		if page := apptest.Must(t, b.Get("/account"), 200).Text(); !strings.Contains(page, "waiting for an administrator") {
			t.Fatal("the account page does not show the pending request")
		}
		apptest.Must(t, b.Submit("/account/teach", url.Values{"school": {"X"}, "program": {"Y"}}), http.StatusConflict)
		queue := apptest.Must(t, admin.Get("/admin/instructor-requests"), 200).Text()
		if !strings.Contains(queue, "tess@example.com") || !strings.Contains(queue, "Lakeside College") {
			t.Fatal("the queue does not list Tess")
		}
		var id int64
		s.DB.Raw("SELECT id FROM instructor_requests").Scan(&id)
		apptest.Must(t, admin.Submit("/admin/instructor-requests/"+itoa(id), url.Values{"decision": {"approve"}}), http.StatusSeeOther)
		if got := b.Get("/cohorts"); got.Status != 200 {
			t.Fatalf("the approved instructor got %d on /cohorts, want 200", got.Status)
		}
		var subject string
		s.DB.Raw("SELECT subject FROM outbox WHERE to_address = 'tess@example.com' ORDER BY id DESC LIMIT 1").Scan(&subject)
		if subject != "You are now an instructor on hitpath" {
			t.Fatalf("got last email %q, want the approval", subject)
		}
		apptest.Must(t, admin.Submit("/admin/instructor-requests/"+itoa(id), url.Values{"decision": {"decline"}}), 404)

		learner := s.RegisterAPI("Len", "len@example.com", goodPassword)
		var r struct {
			ID     int64  `json:"id"`
			Status string `json:"status"`
		}
		apptest.Must(t, s.API("POST", "/api/v1/me/instructor-request", learner, map[string]string{"school": "Hill", "program": "Coding"}), 201).JSON(t, &r)
		apptest.Must(t, s.API("POST", "/api/v1/me/instructor-request", learner, map[string]string{"school": "", "program": ""}), 422)
		apptest.Must(t, s.API("GET", "/api/v1/admin/instructor-requests", learner, nil), 403)
		apptest.Must(t, s.API("POST", "/api/v1/admin/instructor-requests/"+itoa(r.ID), learner, map[string]string{"decision": "approve"}), 403)
		adminToken := s.LoginAPI("ada@example.com", goodPassword)
		var list struct {
			Requests []struct {
				Email string `json:"email"`
			} `json:"requests"`
		}
		apptest.Must(t, s.API("GET", "/api/v1/admin/instructor-requests", adminToken, nil), 200).JSON(t, &list)
		if len(list.Requests) != 1 || list.Requests[0].Email != "len@example.com" {
			t.Fatalf("got %+v, want Len's request alone", list)
		}
		apptest.Must(t, s.API("POST", "/api/v1/admin/instructor-requests/"+itoa(r.ID), adminToken, map[string]string{"decision": "maybe"}), 422)
		apptest.Must(t, s.API("POST", "/api/v1/admin/instructor-requests/"+itoa(r.ID), adminToken, map[string]string{"decision": "decline"}), 200).JSON(t, &r)
		var me struct {
			Role string `json:"role"`
		}
		apptest.Must(t, s.API("GET", "/api/v1/me", learner, nil), 200).JSON(t, &me)
		if r.Status != "declined" || me.Role != "learner" {
			t.Fatalf("got %s and role %s, want declined and still a learner", r.Status, me.Role)
		}
		apptest.Must(t, s.API("POST", "/api/v1/me/instructor-request", learner, map[string]string{"school": "Hill", "program": "Coding"}), 201)
	}, cohortManyAuthAttempts())
}
