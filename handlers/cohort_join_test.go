package handlers_test

import (
	"net/http"
	"net/url"
	"strings"
	"testing"

	"hitpath/app/apptest"
)

func cohortAuditCount(t *testing.T, s *apptest.Server, action string) int64 {
	t.Helper()
	var n int64
	if err := s.DB.Table("audit_log").Where("action = ?", action).Count(&n).Error; err != nil {
		t.Fatal(err)
	}
	return n
}

// TestJoinConsentLeave walks a learner through the join page: the code shows what
// instructors will see, joining needs the consent box, the instructor then sees the
// student, and after leaving the instructor gets 404 at once.
func TestJoinConsentLeave(t *testing.T) {
	apptest.Each(t, func(t *testing.T, s *apptest.Server) {
		w := newCohortWorld(t, s)
		id, uid := itoa(w.cohortID), itoa(w.other.ID)
		b := w.other.Browser

		preview := apptest.Must(t, b.Get("/join?code="+strings.ToLower(w.code)), http.StatusOK).Text()
		for _, want := range []string{"HIT 210", "Olga Owner", "What these instructors will see", "not your notes", "I agree to share"} {
			if !strings.Contains(preview, want) {
				t.Errorf("got no %q on the join preview", want)
			}
		}
		refused := apptest.Must(t, b.Submit("/join", url.Values{"code": {w.code}}), http.StatusUnprocessableEntity).Text()
		if !strings.Contains(refused, `id="consent-error"`) {
			t.Fatal("got no consent error beside the box")
		}
		apptest.Must(t, w.owner.Browser.Get("/cohorts/"+id+"/students/"+uid), http.StatusNotFound)

		before := cohortAuditCount(t, s, "cohort.joined")
		apptest.Must(t, b.Submit("/join", url.Values{"code": {w.code}, "consent": {"true"}}), http.StatusSeeOther)
		if got := cohortAuditCount(t, s, "cohort.joined"); got != before+1 {
			t.Fatalf("got %d cohort.joined audit rows, want %d", got, before+1)
		}
		mine := apptest.Must(t, b.Get("/join"), http.StatusOK).Text()
		if !strings.Contains(mine, "HIT 210") || !strings.Contains(mine, "Yes, leave HIT 210") {
			t.Fatal("got no HIT 210 with a Leave button on the learner's cohorts")
		}
		apptest.Must(t, b.Submit("/join", url.Values{"code": {w.code}, "consent": {"true"}}), http.StatusConflict)

		dash := apptest.Must(t, w.owner.Browser.Get("/cohorts/"+id), http.StatusOK).Text()
		if !strings.Contains(dash, "Lena Learner") {
			t.Fatal("got no new student on the dashboard after they joined")
		}
		apptest.Must(t, w.co.Browser.Get("/cohorts/"+id+"/students/"+uid), http.StatusOK)

		apptest.Must(t, b.Submit("/join/"+id+"/leave", nil), http.StatusSeeOther)
		if got := cohortAuditCount(t, s, "cohort.left"); got != 1 {
			t.Fatalf("got %d cohort.left audit rows, want 1", got)
		}
		apptest.Must(t, w.owner.Browser.Get("/cohorts/"+id+"/students/"+uid), http.StatusNotFound)
		apptest.Must(t, s.API("GET", "/api/v1/cohorts/"+id+"/students/"+uid, w.owner.Token, nil), http.StatusNotFound)
		if dash := apptest.Must(t, w.owner.Browser.Get("/cohorts/"+id), http.StatusOK).Text(); strings.Contains(dash, "Lena Learner") {
			t.Fatal("the dashboard still shows a student who left")
		}
		// Rejoining works and makes them visible again.
		cohortJoinAPI(t, s, w.other.Token, w.code, true)
		apptest.Must(t, s.API("GET", "/api/v1/cohorts/"+id+"/students/"+uid, w.owner.Token, nil), http.StatusOK)
		apptest.Must(t, s.API("DELETE", "/api/v1/memberships/"+id, w.other.Token, nil), http.StatusNoContent)
		apptest.Must(t, s.API("GET", "/api/v1/cohorts/"+id+"/students/"+uid, w.owner.Token, nil), http.StatusNotFound)
		apptest.Must(t, s.API("DELETE", "/api/v1/memberships/"+id, w.other.Token, nil), http.StatusNotFound)
	})
}

// TestJoinCodeRefusals covers joining with a wrong, regenerated, disabled or archived
// code and without consent through the API; none of them adds a member.
func TestJoinCodeRefusals(t *testing.T) {
	apptest.Each(t, func(t *testing.T, s *apptest.Server) {
		w := newCohortWorld(t, s)
		api := "/api/v1/cohorts/" + itoa(w.cohortID)
		oldCode := w.code
		var fresh struct {
			JoinCode string `json:"join_code"`
		}
		apptest.Must(t, s.API("POST", api+"/join-code", w.owner.Token, nil), http.StatusOK).JSON(t, &fresh)
		if len(fresh.JoinCode) < 8 || fresh.JoinCode == oldCode || strings.ContainsAny(fresh.JoinCode, "01OIL") {
			t.Fatalf("got new code %q, want 8+ unambiguous characters different from %q", fresh.JoinCode, oldCode)
		}
		join := func(code string, consent bool) *apptest.Response {
			return s.API("POST", "/api/v1/memberships", w.other.Token, map[string]any{"code": code, "consent": consent})
		}
		apptest.Must(t, join(oldCode, true), http.StatusUnprocessableEntity)
		apptest.Must(t, join(fresh.JoinCode, false), http.StatusUnprocessableEntity)
		apptest.Must(t, join("", true), http.StatusUnprocessableEntity)
		apptest.Must(t, s.API("POST", "/api/v1/memberships", w.other.Token, `{"code":`), http.StatusBadRequest)
		apptest.Must(t, s.API("PATCH", api, w.owner.Token, map[string]any{"archived": true}), http.StatusOK)
		apptest.Must(t, join(fresh.JoinCode, true), http.StatusUnprocessableEntity)
		apptest.Must(t, s.API("PATCH", api, w.owner.Token, map[string]any{"archived": false}), http.StatusOK)
		apptest.Must(t, s.API("DELETE", api+"/join-code", w.owner.Token, nil), http.StatusNoContent)
		apptest.Must(t, join(fresh.JoinCode, true), http.StatusUnprocessableEntity)
		var memberships struct {
			Memberships []any `json:"memberships"`
		}
		apptest.Must(t, s.API("GET", "/api/v1/memberships", w.other.Token, nil), http.StatusOK).JSON(t, &memberships)
		if len(memberships.Memberships) != 0 {
			t.Fatalf("got %d memberships after refused joins, want 0", len(memberships.Memberships))
		}
		// Codes are compared without case, spaces or dashes.
		apptest.Must(t, s.API("POST", api+"/join-code", w.owner.Token, nil), http.StatusOK).JSON(t, &fresh)
		typed := strings.ToLower(fresh.JoinCode[:4] + "-" + fresh.JoinCode[4:])
		apptest.Must(t, join(typed, true), http.StatusCreated)
	})
}

// TestCohortFormRefusals checks that invalid cohort forms re-render with errors beside
// the fields and save nothing.
func TestCohortFormRefusals(t *testing.T) {
	apptest.Each(t, func(t *testing.T, s *apptest.Server) {
		w := newCohortWorld(t, s)
		var before int64
		s.DB.Table("cohorts").Count(&before)
		page := apptest.Must(t, w.owner.Browser.Submit("/cohorts", url.Values{"name": {""}, "target_code": {"XYZ"}, "target_exam_on": {"20/05/2026"}, "term": {"Autumn"}}), http.StatusUnprocessableEntity).Text()
		for _, id := range []string{`id="name-error"`, `id="target_code-error"`, `id="target_exam_on-error"`} {
			if !strings.Contains(page, id) {
				t.Errorf("got no %s on the re-rendered form", id)
			}
		}
		if !strings.Contains(page, `value="Autumn"`) {
			t.Error("got the typed term lost")
		}
		resp := apptest.Must(t, s.API("POST", "/api/v1/cohorts", w.owner.Token, map[string]any{"name": "X", "target_code": "NOPE"}), http.StatusUnprocessableEntity)
		var problem struct {
			Fields map[string]string `json:"fields"`
		}
		resp.JSON(t, &problem)
		if problem.Fields["target_code"] == "" {
			t.Fatalf("got fields %v, want a target_code message", problem.Fields)
		}
		// A learner's address and an unknown one answer like an instructor's (no account
		// enumeration, see security_test.go) and add nobody.
		if body := apptest.Must(t, s.API("POST", "/api/v1/cohorts/"+itoa(w.cohortID)+"/instructors", w.owner.Token, map[string]string{"email": w.student.Email}), http.StatusOK).Text(); strings.Contains(body, w.student.Email) {
			t.Error("a learner became a co-instructor")
		}
		apptest.Must(t, w.owner.Browser.Submit("/cohorts/"+itoa(w.cohortID)+"/instructors", url.Values{"email": {"nobody@example.com"}}), http.StatusSeeOther)
		page = apptest.Must(t, w.owner.Browser.Submit("/cohorts/"+itoa(w.cohortID)+"/instructors", url.Values{"email": {"not an email"}}), http.StatusUnprocessableEntity).Text()
		if !strings.Contains(page, `id="email-error"`) {
			t.Error("got no error beside a malformed co-instructor email")
		}
		var after int64
		s.DB.Table("cohorts").Count(&after)
		if after != before {
			t.Fatalf("got %d cohorts after refusals, want %d", after, before)
		}
		if n := cohortAuditCount(t, s, "cohort.instructor_added"); n != 1 {
			t.Fatalf("got %d co-instructor audit rows, want 1 (from the setup)", n)
		}
	})
}

// TestCohortCoInstructorRemoval removes a co-instructor: they get 404 at once, the
// change is audited, and the owner cannot be removed.
func TestCohortCoInstructorRemoval(t *testing.T) {
	apptest.Each(t, func(t *testing.T, s *apptest.Server) {
		w := newCohortWorld(t, s)
		api := "/api/v1/cohorts/" + itoa(w.cohortID)
		apptest.Must(t, s.API("GET", api, w.co.Token, nil), http.StatusOK)
		apptest.Must(t, s.API("DELETE", api+"/instructors/"+itoa(w.co.ID), w.owner.Token, nil), http.StatusNoContent)
		apptest.Must(t, s.API("GET", api, w.co.Token, nil), http.StatusNotFound)
		apptest.Must(t, w.co.Browser.Get("/cohorts/"+itoa(w.cohortID)), http.StatusNotFound)
		if n := cohortAuditCount(t, s, "cohort.instructor_removed"); n != 1 {
			t.Fatalf("got %d removal audit rows, want 1", n)
		}
		apptest.Must(t, s.API("DELETE", api+"/instructors/"+itoa(w.owner.ID), w.admin.Token, nil), http.StatusNoContent)
		apptest.Must(t, s.API("GET", api, w.owner.Token, nil), http.StatusOK)
	})
}
