package handlers_test

import (
	"encoding/json"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"hitpath/app/apptest"
)

// TestNumbersOutOfRangeAreFieldProblems sends numbers too large for their columns (or
// for Go's integers) through the API, a page and a CSV import: each is a 422 naming
// the field (and the line), never a database error.
func TestNumbersOutOfRangeAreFieldProblems(t *testing.T) {
	eachCEU(t, func(t *testing.T, s *apptest.Server) {
		token := s.RegisterAPI("Ana", "ana@example.com", goodPassword)
		apptest.Must(t, s.API("POST", "/api/v1/credentials", token, map[string]string{"credential_code": "RHIT", "earned_on": ceuEarned.Format("2006-01-02")}), 201)
		for _, minutes := range []string{"2147483648", "99999999999999999999", "10001"} {
			body := map[string]any{"activity_date": ceuDaysAgo(3), "title": "Webinar", "provider": "AHIMA",
				"provider_kind": "ahima", "minutes": json.Number(minutes), "ceus": json.Number("1"), "delivery": "online"}
			var problem struct {
				Fields map[string]string `json:"fields"`
			}
			apptest.Must(t, s.API("POST", "/api/v1/ceus", token, body), http.StatusUnprocessableEntity).JSON(t, &problem)
			if !strings.Contains(problem.Fields["minutes"], "at most 10000 minutes") && !strings.Contains(problem.Fields["minutes"], "whole number") {
				t.Errorf("minutes %s: got fields %v, want a minutes problem", minutes, problem.Fields)
			}
		}
		var problem struct {
			Fields map[string]string `json:"fields"`
		}
		huge := map[string]any{"studied_on": ceuDaysAgo(1), "minutes": json.Number("99999999999999999999"), "domain_position": 1}
		apptest.Must(t, s.API("POST", "/api/v1/study-sessions", token, huge), http.StatusUnprocessableEntity).JSON(t, &problem)
		if problem.Fields["minutes"] == "" {
			t.Errorf("got fields %v, want a minutes problem", problem.Fields)
		}
		csv := "date,title,provider,provider_kind,minutes,ceus,hiim_domain,category_a,delivery,notes\n" +
			ceuDaysAgo(3) + ",Webinar,AHIMA,ahima,2147483648,1,yes,no,online,\n"
		var refused struct {
			Problems []struct {
				Line  int    `json:"line"`
				Field string `json:"field"`
			} `json:"problems"`
		}
		apptest.Must(t, s.API("POST", "/api/v1/ceus/import", token, map[string]string{"csv": csv}), http.StatusUnprocessableEntity).JSON(t, &refused)
		if len(refused.Problems) != 1 || refused.Problems[0].Line != 2 || refused.Problems[0].Field != "minutes" {
			t.Fatalf("got %+v, want line 2 minutes", refused.Problems)
		}
		if n := ceuCountRows(t, s, "ceu_entries"); n != 0 {
			t.Fatalf("got %d entries saved, want 0", n)
		}
	})
}

// TestStudyPageRefusesHugeMinutesBesideTheField posts a number too big for an int.
func TestStudyPageRefusesHugeMinutesBesideTheField(t *testing.T) {
	apptest.Each(t, func(t *testing.T, s *apptest.Server) {
		b := s.Browser()
		b.SignUp("Ana", "ana@example.com", goodPassword)
		apptest.Must(t, b.Submit("/pathway", url.Values{"target": {"RHIT"}}), 303)
		page := apptest.Must(t, b.Submit("/study", url.Values{"studied_on": {"2035-03-10"}, "minutes": {"99999999999999999999"}, "domain_position": {"1"}}), 422).Text()
		if !strings.Contains(page, `id="minutes-error"`) || len(apptest.FieldErrorsIn(page)) != 1 {
			t.Fatalf("got field errors %v, want one beside the minutes", apptest.FieldErrorsIn(page))
		}
		page = apptest.Must(t, b.Submit("/study/goal", url.Values{"weekly_goal_minutes": {"99999999999999999999"}}), 422).Text()
		if !strings.Contains(page, `id="weekly_goal_minutes-error"`) {
			t.Fatalf("got field errors %v, want one beside the weekly goal", apptest.FieldErrorsIn(page))
		}
	})
}
