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
		if page := apptest.Must(t, admin.Submit("/admin/instructor-requests/"+itoa(id), url.Values{"decision": {"decline"}}), http.StatusConflict).Text(); !strings.Contains(page, "already approved") {
			t.Fatal("deciding a decided request does not say it was already approved")
		}
		apptest.Must(t, admin.Submit("/admin/instructor-requests/999999", url.Values{"decision": {"decline"}}), 404)

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
		apptest.Must(t, s.API("POST", "/api/v1/admin/instructor-requests/"+itoa(r.ID), adminToken, map[string]string{"decision": "approve"}), http.StatusConflict)
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

// TestTeachAtSignUp files the "I teach" request together with the account, from the
// page and from the API, and refuses a half-filled request beside its fields without
// creating the account.
func TestTeachAtSignUp(t *testing.T) {
	apptest.Each(t, func(t *testing.T, s *apptest.Server) {
		b := s.Browser()
		signup := apptest.Must(t, b.Get("/signup"), 200).Text()
		for _, want := range []string{`name="teach"`, `id="school"`, `id="program"`, `/static/reveal.js`, "At least 10 characters, and hard to guess"} {
			if !strings.Contains(signup, want) {
				t.Fatalf("the sign-up page lacks %s", want)
			}
		}
		form := url.Values{"name": {"Tess Teacher"}, "email": {"tess@example.com"}, "password": {goodPassword},
			"teach": {"true"}, "school": {"Lakeside College"}, "program": {"  "}}
		page := apptest.Must(t, b.Submit("/signup", form), 422).Text()
		if !strings.Contains(page, `id="program-error"`) || !strings.Contains(page, `value="Lakeside College"`) || !strings.Contains(page, `name="teach" value="true" aria-controls="teach-details" checked`) {
			t.Fatal("a missing program is not refused beside the field, or the form forgets what was typed")
		}
		var users int64
		s.DB.Raw("SELECT COUNT(*) FROM users").Scan(&users)
		if users != 0 {
			t.Fatalf("got %d users after a refused sign-up, want 0", users)
		}
		form.Set("program", "HIT AAS")
		apptest.Must(t, b.Submit("/signup", form), http.StatusSeeOther)
		if page := apptest.Must(t, b.Get("/account"), 200).Text(); !strings.Contains(page, "waiting for an administrator") || !strings.Contains(page, "Lakeside College") {
			t.Fatal("the account page does not show the request filed at sign-up")
		}

		// A learner who leaves the box unticked files nothing, whatever is in the fields.
		apptest.Must(t, s.Browser().Submit("/signup", url.Values{"name": {"Len"}, "email": {"len@example.com"}, "password": {goodPassword},
			"school": {"Typed by mistake"}}), http.StatusSeeOther)

		body := map[string]any{"name": "Ivy", "email": "ivy@example.com", "password": goodPassword, "teach": true, "school": "", "program": "Coding"}
		var problem struct {
			Fields map[string]string `json:"fields"`
		}
		apptest.Must(t, s.API("POST", "/api/v1/auth/register", "", body), 422).JSON(t, &problem)
		if problem.Fields["school"] == "" || problem.Fields["program"] != "" {
			t.Fatalf("got fields %v, want a problem beside school alone", problem.Fields)
		}
		body["school"] = "Hill College"
		apptest.Must(t, s.API("POST", "/api/v1/auth/register", "", body), 202)
		var requests []struct {
			Email  string
			School string
			Status string
		}
		s.DB.Raw("SELECT u.email, r.school, r.status FROM instructor_requests r JOIN users u ON u.id = r.user_id ORDER BY r.id").Scan(&requests)
		if len(requests) != 2 || requests[0].Email != "tess@example.com" || requests[1].School != "Hill College" || requests[1].Status != "pending" {
			t.Fatalf("got requests %+v, want Tess's and Ivy's, pending", requests)
		}
	}, cohortManyAuthAttempts())
}
