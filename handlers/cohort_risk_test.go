package handlers_test

import (
	"net/http"
	"net/url"
	"strings"
	"testing"

	"hitpath/app/apptest"
)

// TestCohortRiskThresholdsEditable: an instructor changes the no-study limit on the
// dashboard, the API reads it back, and bad values come back beside their fields
// from both.
func TestCohortRiskThresholdsEditable(t *testing.T) {
	apptest.Each(t, func(t *testing.T, s *apptest.Server) {
		w := newCohortWorld(t, s)
		base := "/cohorts/" + itoa(w.cohortID)
		form := url.Values{"risk_no_study_days": {"3"}, "risk_passing_percent": {"75"}, "risk_trend_window_days": {"100"},
			"risk_floor_percent": {"55"}, "risk_floor_window_days": {"60"}}
		apptest.Must(t, w.owner.Browser.Submit(base+"/risk", form), http.StatusSeeOther)
		var got map[string]int
		apptest.Must(t, s.API("GET", "/api/v1"+base+"/risk", w.owner.Token, nil), 200).JSON(t, &got)
		if got["risk_no_study_days"] != 3 || got["risk_passing_percent"] != 75 || got["risk_floor_window_days"] != 60 {
			t.Fatalf("got %v, want the saved thresholds", got)
		}
		page := apptest.Must(t, w.owner.Browser.Get(base), 200).Text()
		if !strings.Contains(page, "rule: no study in 3 days") && !strings.Contains(page, `value="3"`) {
			t.Error("the dashboard does not show the cohort's own no-study limit")
		}
		form.Set("risk_floor_percent", "90")
		bad := apptest.Must(t, w.owner.Browser.Submit(base+"/risk", form), http.StatusUnprocessableEntity).Text()
		if !strings.Contains(bad, `id="risk_floor_percent-error"`) {
			t.Error("got no message beside the floor above the passing level")
		}
		var errs apiFieldErrors
		apptest.Must(t, s.API("PUT", "/api/v1"+base+"/risk", w.owner.Token, map[string]int{"risk_no_study_days": 0, "risk_passing_percent": 70,
			"risk_trend_window_days": 120, "risk_floor_percent": 50, "risk_floor_window_days": 90}), http.StatusUnprocessableEntity).JSON(t, &errs)
		if len(errs.Fields) != 1 || errs.Fields["risk_no_study_days"] == "" {
			t.Fatalf("got %v, want risk_no_study_days refused", errs.Fields)
		}
	})
}
