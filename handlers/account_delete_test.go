package handlers_test

import (
	"net/http"
	"net/url"
	"strings"
	"testing"
	"time"

	"hitpath/app/apptest"
	"hitpath/models"
)

func TestDeleteAccountLeavesCohortsAndRemovesRecords(t *testing.T) {
	apptest.Each(t, func(t *testing.T, s *apptest.Server) {
		w := newCohortWorld(t, s)
		student := w.student
		apptest.Must(t, s.API("POST", "/api/v1/credentials", student.Token, map[string]string{"credential_code": "RHIT", "earned_on": "2025-01-10"}), http.StatusCreated)
		dashboard := "/api/v1/cohorts/" + itoa(w.cohortID) + "/dashboard"
		if roster := apptest.Must(t, s.API("GET", dashboard, w.owner.Token, nil), 200).Text(); !strings.Contains(roster, "Sam Student") {
			t.Fatal("the cohort does not list the student before the deletion")
		}
		apptest.Must(t, s.API("POST", "/api/v1/me/two-factor/enrol", student.Token, nil), 201)
		s.DB.Exec("INSERT INTO recovery_codes (user_id, code_hash, created_at) VALUES (?, 'h', ?)", student.ID, time.Now().UTC())
		page := apptest.Must(t, student.Browser.Submit("/account/delete", url.Values{"password": {"not my password"}}), 422).Text()
		if !strings.Contains(page, `id="password-error"`) {
			t.Fatal("a wrong password is not refused beside the field")
		}
		resp := apptest.Must(t, student.Browser.Submit("/account/delete", url.Values{"password": {goodPassword}}), http.StatusSeeOther)
		if resp.Header.Get("Location") != "/" {
			t.Fatalf("got redirect to %q, want the home page", resp.Header.Get("Location"))
		}
		if got := student.Browser.Get("/dashboard"); got.Status != http.StatusFound {
			t.Fatalf("the deleted account's browser still reaches the dashboard: %d", got.Status)
		}
		apptest.Must(t, s.API("GET", "/api/v1/me", student.Token, nil), 401)
		apptest.Must(t, s.Browser().LogIn(student.Email, goodPassword), 401)
		var u models.User
		s.DB.Take(&u, student.ID)
		if u.Name != models.FormerMemberName || strings.Contains(u.Email, "sam") {
			t.Fatalf("got %q <%s> kept, want no personal data", u.Name, u.Email)
		}
		for _, table := range []string{"held_credentials", "sessions", "two_factor", "recovery_codes"} {
			var n int64
			s.DB.Table(table).Where("user_id = ?", student.ID).Count(&n)
			if n != 0 {
				t.Errorf("got %d %s rows left", n, table)
			}
		}
		var left int64
		s.DB.Table("cohort_members").Where("user_id = ? AND left_at IS NOT NULL", student.ID).Count(&left)
		if left != 1 {
			t.Fatal("the membership did not end; want the cohort to keep a former member who left")
		}
		var audit models.AuditEntry
		s.DB.Where("action = ?", "user.deleted").Take(&audit)
		if audit.Target != "user:"+itoa(student.ID) || audit.Detail != "" || audit.ActorID != nil {
			t.Fatalf("got audit %+v, want the account number only", audit)
		}
		roster := apptest.Must(t, s.API("GET", dashboard, w.owner.Token, nil), 200).Text()
		if strings.Contains(roster, "Sam") {
			t.Fatal("the cohort still lists the deleted student by name")
		}

		var problem struct {
			Error   string `json:"error"`
			Cohorts []struct {
				ID   int64  `json:"id"`
				Name string `json:"name"`
			} `json:"cohorts"`
		}
		apptest.Must(t, s.API("POST", "/api/v1/me/delete", w.owner.Token, map[string]string{"password": goodPassword}), 422).JSON(t, &problem)
		if !strings.Contains(problem.Error, "“HIT 210”") || !strings.Contains(problem.Error, "archive it") || len(problem.Cohorts) != 1 || problem.Cohorts[0].ID != w.cohortID {
			t.Fatalf("got %+v, want HIT 210 named and listed, with what to do", problem)
		}
		refused := apptest.Must(t, w.owner.Browser.Submit("/account/delete", url.Values{"password": {goodPassword}}), 422).Text()
		if !strings.Contains(refused, `id="password-error"`) || !strings.Contains(refused, `href="/cohorts/`+itoa(w.cohortID)+`"`) {
			t.Fatal("the page does not refuse beside the password with a link to the cohort to hand over")
		}
		apptest.Must(t, s.API("PATCH", "/api/v1/cohorts/"+itoa(w.cohortID), w.owner.Token, map[string]any{"archived": true}), 200)
		apptest.Must(t, s.API("POST", "/api/v1/me/delete", w.owner.Token, map[string]string{"password": "wrong one!"}), 422)
		apptest.Must(t, s.API("POST", "/api/v1/me/delete", w.owner.Token, map[string]string{"password": goodPassword}), http.StatusNoContent)
		apptest.Must(t, s.API("GET", "/api/v1/me", w.owner.Token, nil), 401)
		apptest.Must(t, s.API("POST", "/api/v1/me/delete", "", map[string]string{"password": goodPassword}), 401)
		apptest.Must(t, s.API("GET", "/api/v1/me", w.other.Token, nil), 200)
	}, cohortManyAuthAttempts())
}

func TestPrivacyPageIsLinkedFromFooterAndSignup(t *testing.T) {
	apptest.Each(t, func(t *testing.T, s *apptest.Server) {
		b := s.Browser()
		page := apptest.Must(t, b.Get("/privacy"), 200).Text()
		for _, want := range []string{"What hitpath stores", "Who sees what", "agrees to share", "How long", `href="/account/data"`} {
			if !strings.Contains(page, want) {
				t.Errorf("the privacy page lacks %q", want)
			}
		}
		for _, path := range []string{"/", "/signup", "/login"} {
			if !strings.Contains(apptest.Must(t, b.Get(path), 200).Text(), `href="/privacy"`) {
				t.Errorf("%s has no link to the privacy page", path)
			}
		}
	})
}
