package handlers_test

import (
	"fmt"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"hitpath/app/apptest"
)

// The seven kinds of visitor the cohort access rules distinguish.
const (
	cohortAsAnonymous = iota
	cohortAsStudent
	cohortAsOtherLearner
	cohortAsOwner
	cohortAsCoInstructor
	cohortAsOtherInstructor
	cohortAsAdmin
)

var cohortVisitorNames = []string{"anonymous", "the student", "another learner", "instructor of the cohort", "co-instructor", "instructor of another cohort", "admin"}

func (w *cohortWorld) visitor(kind int) cohortActor {
	return []cohortActor{w.anonymous, w.student, w.other, w.owner, w.co, w.otherInstructor, w.admin}[kind]
}

// cohortStatuses lists the expected status per visitor kind, in cohortVisitorNames order.
type cohortStatuses [7]int

// Expected answers: per-cohort pages and API routes are private to the cohort's
// instructors and admins (404 for everyone else, redirect or 401 when signed out).
var (
	cohortPage            = func(ok int) cohortStatuses { return cohortStatuses{302, 404, 404, ok, ok, 404, ok} }
	cohortListPage        = func(ok int) cohortStatuses { return cohortStatuses{302, 404, 404, ok, ok, ok, ok} }
	cohortLearnerPage     = func(ok int) cohortStatuses { return cohortStatuses{302, ok, ok, 404, 404, 404, ok} }
	cohortAPI             = func(ok int) cohortStatuses { return cohortStatuses{401, 404, 404, ok, ok, 404, ok} }
	cohortListAPI         = func(ok int) cohortStatuses { return cohortStatuses{401, 403, 403, ok, ok, ok, ok} }
	cohortMembershipAPI   = func(ok int) cohortStatuses { return cohortStatuses{401, ok, ok, 403, 403, 403, ok} }
	cohortMembershipLeave = cohortStatuses{401, 404, 404, 403, 403, 403, 404}
)

type cohortRoute struct {
	method, path string
	form         url.Values // page POST form
	body         any        // API body
	api          bool
	want         cohortStatuses
}

func cohortRoutes(w *cohortWorld) []cohortRoute {
	id, other := itoa(w.cohortID), itoa(w.otherCohortID)
	base, api := "/cohorts/"+id, "/api/v1/cohorts/"+id
	uid := itoa(w.student.ID)
	return []cohortRoute{
		{method: "GET", path: "/cohorts", want: cohortListPage(200)},
		{method: "POST", path: "/cohorts", form: url.Values{"name": {"New"}, "target_code": {"CCA"}}, want: cohortListPage(303)},
		{method: "GET", path: base, want: cohortPage(200)},
		{method: "GET", path: base + "?sort=-readiness&at_risk=1", want: cohortPage(200)},
		{method: "POST", path: base, form: url.Values{"name": {"HIT 210"}, "target_code": {"RHIT"}, "target_exam_on": {"2026-05-20"}}, want: cohortPage(303)},
		{method: "POST", path: base + "/instructors", form: url.Values{"email": {w.co.Email}}, want: cohortPage(303)},
		{method: "POST", path: base + "/instructors/" + itoa(w.admin.ID) + "/remove", want: cohortPage(303)},
		// Handing over to someone who is not a co-instructor changes nothing: 422 for the
		// owner and admins, 403 for a co-instructor, who may not hand it over at all.
		{method: "POST", path: base + "/owner", form: url.Values{"user_id": {itoa(w.otherInstructor.ID)}}, want: cohortStatuses{302, 404, 404, 422, 403, 404, 422}},
		{method: "POST", path: base + "/nudges", form: url.Values{"user_id": {uid}, "message": {"Keep going"}}, want: cohortPage(303)},
		{method: "POST", path: base + "/risk", form: url.Values{"risk_no_study_days": {"10"}, "risk_passing_percent": {"70"}, "risk_trend_window_days": {"120"},
			"risk_floor_percent": {"50"}, "risk_floor_window_days": {"90"}}, want: cohortPage(303)},
		{method: "GET", path: base + "/export.csv", want: cohortPage(200)},
		{method: "GET", path: base + "/students/" + uid, want: cohortPage(200)},
		{method: "POST", path: base + "/join-code", want: cohortPage(303)},
		{method: "POST", path: base + "/join-code/disable", want: cohortPage(303)},
		{method: "GET", path: "/join", want: cohortLearnerPage(200)},
		{method: "GET", path: "/join?code=NOSUCHCODE", want: cohortLearnerPage(404)},
		{method: "POST", path: "/join", form: url.Values{"code": {"NOSUCHCODE"}}, want: cohortLearnerPage(422)},
		{method: "POST", path: "/join/" + other + "/leave", want: cohortStatuses{302, 404, 404, 404, 404, 404, 404}},

		{api: true, method: "GET", path: "/api/v1/cohorts", want: cohortListAPI(200)},
		{api: true, method: "POST", path: "/api/v1/cohorts", body: map[string]any{"name": "New", "target_code": "CCA"}, want: cohortListAPI(201)},
		{api: true, method: "GET", path: api, want: cohortAPI(200)},
		{api: true, method: "PATCH", path: api, body: map[string]any{"term": "Fall 2026"}, want: cohortAPI(200)},
		{api: true, method: "GET", path: api + "/dashboard", want: cohortAPI(200)},
		{api: true, method: "GET", path: api + "/dashboard?sort=-study7&at_risk=1", want: cohortAPI(200)},
		{api: true, method: "GET", path: api + "/students/" + uid, want: cohortAPI(200)},
		{api: true, method: "GET", path: api + "/risk", want: cohortAPI(200)},
		{api: true, method: "PUT", path: api + "/risk", body: map[string]any{"risk_no_study_days": 10, "risk_passing_percent": 70, "risk_trend_window_days": 120,
			"risk_floor_percent": 50, "risk_floor_window_days": 90}, want: cohortAPI(200)},
		{api: true, method: "GET", path: api + "/export.csv", want: cohortAPI(200)},
		{api: true, method: "POST", path: api + "/instructors", body: map[string]any{"email": w.co.Email}, want: cohortAPI(200)},
		{api: true, method: "DELETE", path: api + "/instructors/" + itoa(w.admin.ID), want: cohortAPI(204)},
		{api: true, method: "POST", path: api + "/owner", body: map[string]any{"user_id": w.otherInstructor.ID}, want: cohortStatuses{401, 404, 404, 422, 403, 404, 422}},
		{api: true, method: "POST", path: api + "/nudges", body: map[string]any{"user_ids": []int64{w.student.ID}, "message": "Keep going"}, want: cohortAPI(200)},
		{api: true, method: "POST", path: api + "/join-code", want: cohortAPI(200)},
		{api: true, method: "DELETE", path: api + "/join-code", want: cohortAPI(204)},
		{api: true, method: "GET", path: "/api/v1/memberships", want: cohortMembershipAPI(200)},
		{api: true, method: "POST", path: "/api/v1/memberships", body: map[string]any{"code": "NOSUCHCODE", "consent": true}, want: cohortMembershipAPI(422)},
		{api: true, method: "DELETE", path: "/api/v1/memberships/" + other, want: cohortMembershipLeave},
	}
}

// TestCohortRouteAccess sends every cohort route as each kind of visitor and checks
// the status: private cohorts answer 404, never 403, to people outside them.
func TestCohortRouteAccess(t *testing.T) {
	apptest.Each(t, func(t *testing.T, s *apptest.Server) {
		w := newCohortWorld(t, s)
		for _, r := range cohortRoutes(w) {
			for kind, want := range r.want {
				name := fmt.Sprintf("%s %s as %s", r.method, r.path, cohortVisitorNames[kind])
				t.Run(name, func(t *testing.T) {
					v := w.visitor(kind)
					var got *apptest.Response
					switch {
					case r.api:
						got = s.API(r.method, r.path, v.Token, r.body)
					case r.method == "GET":
						got = v.Browser.Get(r.path)
					default:
						got = v.Browser.Submit(r.path, r.form)
					}
					if got.Status != want {
						t.Fatalf("got status %d, want %d", got.Status, want)
					}
					if kind == cohortAsAnonymous && !r.api && !strings.HasPrefix(got.Header.Get("Location"), "/login") {
						t.Fatalf("got redirect to %q, want the login page", got.Header.Get("Location"))
					}
				})
			}
		}
	})
}

// TestCohortOtherStudentNotVisible checks that a learner who never joined is not
// visible in a cohort, even to its owner.
func TestCohortOtherStudentNotVisible(t *testing.T) {
	apptest.Each(t, func(t *testing.T, s *apptest.Server) {
		w := newCohortWorld(t, s)
		id := itoa(w.cohortID)
		apptest.Must(t, w.owner.Browser.Get("/cohorts/"+id+"/students/"+itoa(w.other.ID)), http.StatusNotFound)
		apptest.Must(t, s.API("GET", "/api/v1/cohorts/"+id+"/students/"+itoa(w.other.ID), w.owner.Token, nil), http.StatusNotFound)
		apptest.Must(t, s.API("GET", "/api/v1/cohorts/"+id+"/students/"+itoa(w.student.ID), w.otherInstructor.Token, nil), http.StatusNotFound)
	})
}
