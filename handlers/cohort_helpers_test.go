package handlers_test

import (
	"net/http"
	"testing"

	"hitpath/app/apptest"
)

// cohortActor is one signed-in person: a page browser and an API token.
type cohortActor struct {
	ID      int64
	Email   string
	Name    string
	Token   string
	Browser *apptest.Browser
}

// cohortWorld is a school with one cohort and everyone the access rules distinguish.
type cohortWorld struct {
	s                                                 *apptest.Server
	owner, co, otherInstructor, admin, student, other cohortActor
	anonymous                                         cohortActor
	cohortID, otherCohortID                           int64
	code                                              string
}

func cohortNewActor(t *testing.T, s *apptest.Server, name, email, role string) cohortActor {
	t.Helper()
	token := s.RegisterAPI(name, email, goodPassword)
	s.ConfirmEmail(email)
	if role != "learner" {
		s.SetRole(email, role)
	}
	var me struct {
		ID int64 `json:"id"`
	}
	apptest.Must(t, s.API("GET", "/api/v1/me", token, nil), http.StatusOK).JSON(t, &me)
	b := s.Browser()
	apptest.Must(t, b.LogIn(email, goodPassword), http.StatusSeeOther)
	return cohortActor{ID: me.ID, Email: email, Name: name, Token: token, Browser: b}
}

type cohortJSONOut struct {
	ID       int64   `json:"id"`
	JoinCode *string `json:"join_code"`
	JoinLink *string `json:"join_link"`
	Archived bool    `json:"archived"`
}

func cohortCreateAPI(t *testing.T, s *apptest.Server, token string, body map[string]any) cohortJSONOut {
	t.Helper()
	var out cohortJSONOut
	apptest.Must(t, s.API("POST", "/api/v1/cohorts", token, body), http.StatusCreated).JSON(t, &out)
	if out.JoinCode == nil {
		t.Fatal("got a new cohort without a join code")
	}
	return out
}

func cohortJoinAPI(t *testing.T, s *apptest.Server, token, code string, shareOutcomes bool) {
	t.Helper()
	apptest.Must(t, s.API("POST", "/api/v1/memberships", token, map[string]any{"code": code, "consent": true, "share_outcomes": shareOutcomes}), http.StatusCreated)
}

// newCohortWorld builds the owner's cohort with a co-instructor and one student who
// joined and consented, plus another instructor's cohort.
func newCohortWorld(t *testing.T, s *apptest.Server) *cohortWorld {
	t.Helper()
	w := &cohortWorld{s: s, anonymous: cohortActor{Browser: s.Browser()}}
	w.owner = cohortNewActor(t, s, "Olga Owner", "owner@example.com", "instructor")
	w.co = cohortNewActor(t, s, "Cory Co", "co@example.com", "instructor")
	w.otherInstructor = cohortNewActor(t, s, "Ivan Other", "ivan@example.com", "instructor")
	w.admin = cohortNewActor(t, s, "Ada Admin", "admin@example.com", "admin")
	w.student = cohortNewActor(t, s, "Sam Student", "sam@example.com", "learner")
	w.other = cohortNewActor(t, s, "Lena Learner", "lena@example.com", "learner")
	c := cohortCreateAPI(t, s, w.owner.Token, map[string]any{"name": "HIT 210", "program": "HIT AAS", "term": "Spring 2026", "target_code": "RHIT", "target_exam_on": cohortRelDay(19)})
	w.cohortID, w.code = c.ID, *c.JoinCode
	w.otherCohortID = cohortCreateAPI(t, s, w.otherInstructor.Token, map[string]any{"name": "Coding 101", "target_code": "CCA"}).ID
	apptest.Must(t, s.API("POST", "/api/v1/cohorts/"+itoa(w.cohortID)+"/instructors", w.owner.Token, map[string]string{"email": w.co.Email}), http.StatusOK)
	cohortJoinAPI(t, s, w.student.Token, w.code, false)
	return w
}
