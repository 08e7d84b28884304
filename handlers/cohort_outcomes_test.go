package handlers_test

import (
	"net/http"
	"testing"
	"time"

	"hitpath/app/apptest"
)

// TestCohortOutcomesReadTheCEULog proves the outcomes section judges a sharing
// member's credential by the CEUs they logged: behind with few CEUs, complete with the
// full requirement; a member who did not agree to share stays out.
func TestCohortOutcomesReadTheCEULog(t *testing.T) {
	apptest.Each(t, func(t *testing.T, s *apptest.Server) {
		owner := cohortNewActor(t, s, "Olga Owner", "owner@example.com", "instructor")
		sharer := cohortNewActor(t, s, "Sara Sharer", "sara@example.com", "learner")
		private := cohortNewActor(t, s, "Pat Private", "pat@example.com", "learner")
		c := cohortCreateAPI(t, s, owner.Token, map[string]any{"name": "HIT 210", "target_code": "RHIT"})
		cohortJoinAPI(t, s, sharer.Token, *c.JoinCode, true)
		cohortJoinAPI(t, s, private.Token, *c.JoinCode, false)

		passed := time.Now().UTC().AddDate(-1, 0, 0).Format("2006-01-02")
		logged := time.Now().UTC().AddDate(0, -1, 0).Format("2006-01-02")
		for _, a := range []cohortActor{sharer, private} {
			apptest.Must(t, s.API("POST", "/api/v1/credentials", a.Token, map[string]any{"credential_code": "RHIT", "earned_on": passed}), http.StatusCreated)
		}
		logCEUs := func(ceus float64) {
			apptest.Must(t, s.API("POST", "/api/v1/ceus", sharer.Token, map[string]any{
				"activity_date": logged, "title": "Coding update", "provider": "AHIMA", "provider_kind": "ahima",
				"ceus": ceus, "in_hiim_domain": true, "category_a": false, "delivery": "online"}), http.StatusCreated)
		}
		status := func() []string {
			var dash struct {
				Outcomes struct {
					Holders []struct {
						Name      string `json:"name"`
						CEUStatus string `json:"ceu_status"`
					} `json:"holders"`
				} `json:"outcomes"`
			}
			apptest.Must(t, s.API("GET", "/api/v1/cohorts/"+itoa(c.ID)+"/dashboard", owner.Token, nil), http.StatusOK).JSON(t, &dash)
			var out []string
			for _, h := range dash.Outcomes.Holders {
				out = append(out, h.Name+": "+h.CEUStatus)
			}
			return out
		}
		logCEUs(2)
		if got := status(); len(got) != 1 || got[0] != "Sara Sharer: behind" {
			t.Fatalf("got %v, want [Sara Sharer: behind] (2 of 20 CEUs halfway through the cycle)", got)
		}
		logCEUs(18)
		if got := status(); len(got) != 1 || got[0] != "Sara Sharer: complete" {
			t.Fatalf("got %v, want [Sara Sharer: complete]", got)
		}
	})
}
