package handlers_test

import (
	"net/http"
	"net/url"
	"strings"
	"testing"

	"hitpath/app/apptest"
)

// TestHandOverCohort: only the owner or an admin hands a cohort over, only to one of
// its co-instructors; the former owner stays on as a co-instructor and, owning no
// active cohort any more, can delete their account.
func TestHandOverCohort(t *testing.T) {
	apptest.Each(t, func(t *testing.T, s *apptest.Server) {
		w := newCohortWorld(t, s)
		path := "/api/v1/cohorts/" + itoa(w.cohortID) + "/owner"
		toCo := map[string]int64{"user_id": w.co.ID}
		apptest.Must(t, s.API("POST", path, "", toCo), 401)
		apptest.Must(t, s.API("POST", path, w.student.Token, toCo), 404)
		apptest.Must(t, s.API("POST", path, w.otherInstructor.Token, toCo), 404)
		apptest.Must(t, s.API("POST", path, w.co.Token, toCo), 403)
		page := "/cohorts/" + itoa(w.cohortID) + "/owner"
		apptest.Must(t, w.co.Browser.Submit(page, url.Values{"user_id": {itoa(w.co.ID)}}), 403)
		apptest.Must(t, w.otherInstructor.Browser.Submit(page, url.Values{"user_id": {itoa(w.otherInstructor.ID)}}), 404)

		var problem struct {
			Fields map[string]string `json:"fields"`
		}
		apptest.Must(t, s.API("POST", path, w.owner.Token, map[string]int64{"user_id": w.otherInstructor.ID}), 422).JSON(t, &problem)
		if !strings.Contains(problem.Fields["user_id"], "co-instructors") {
			t.Fatalf("got %v, want a refusal beside user_id", problem.Fields)
		}
		apptest.Must(t, s.API("POST", path, w.owner.Token, map[string]any{}), 422)

		dashboard := apptest.Must(t, w.owner.Browser.Get("/cohorts/"+itoa(w.cohortID)), 200).Text()
		if !strings.Contains(dashboard, `action="/cohorts/`+itoa(w.cohortID)+`/owner"`) || !strings.Contains(dashboard, `<option value="`+itoa(w.co.ID)+`">Cory Co`) {
			t.Fatal("the owner's settings do not offer to hand the cohort to Cory")
		}
		if strings.Contains(apptest.Must(t, w.co.Browser.Get("/cohorts/"+itoa(w.cohortID)), 200).Text(), "/owner\"") {
			t.Fatal("a co-instructor is offered the hand-over form")
		}
		refused := apptest.Must(t, w.owner.Browser.Submit(page, url.Values{"user_id": {itoa(w.other.ID)}}), 422).Text()
		if !strings.Contains(refused, `id="user_id-error"`) {
			t.Fatal("handing over to a learner is not refused beside the field")
		}
		apptest.Must(t, w.owner.Browser.Submit(page, url.Values{"user_id": {itoa(w.co.ID)}}), http.StatusSeeOther)

		var cohort struct {
			OwnerID     int64 `json:"owner_id"`
			Instructors []struct {
				ID int64 `json:"id"`
			} `json:"instructors"`
		}
		apptest.Must(t, s.API("GET", "/api/v1/cohorts/"+itoa(w.cohortID), w.owner.Token, nil), 200).JSON(t, &cohort)
		if cohort.OwnerID != w.co.ID || len(cohort.Instructors) != 2 || cohort.Instructors[0].ID != w.co.ID {
			t.Fatalf("got %+v, want Cory as owner and Olga still a co-instructor", cohort)
		}
		var subject string
		s.DB.Raw("SELECT subject FROM outbox WHERE to_address = ? ORDER BY id DESC LIMIT 1", w.co.Email).Scan(&subject)
		if subject != "You now own the cohort HIT 210" {
			t.Fatalf("got last email to Cory %q, want the hand-over notice", subject)
		}
		var audits int64
		s.DB.Raw("SELECT COUNT(*) FROM audit_log WHERE action = 'cohort.owner_changed' AND target = ?", "cohort:"+itoa(w.cohortID)).Scan(&audits)
		if audits != 1 {
			t.Fatalf("got %d hand-over audit rows, want 1", audits)
		}
		apptest.Must(t, s.API("POST", "/api/v1/me/delete", w.owner.Token, map[string]string{"password": goodPassword}), http.StatusNoContent)

		// An admin may hand it on; Cory cannot hand it to himself.
		apptest.Must(t, s.API("POST", path, w.co.Token, map[string]int64{"user_id": w.co.ID}), 422)
		apptest.Must(t, s.API("POST", "/api/v1/cohorts/"+itoa(w.cohortID)+"/instructors", w.co.Token, map[string]string{"email": w.otherInstructor.Email}), 200)
		apptest.Must(t, s.API("POST", path, w.admin.Token, map[string]int64{"user_id": w.otherInstructor.ID}), 200).JSON(t, &cohort)
		if cohort.OwnerID != w.otherInstructor.ID {
			t.Fatalf("got owner %d, want Ivan after the admin's hand-over", cohort.OwnerID)
		}
	}, cohortManyAuthAttempts())
}
