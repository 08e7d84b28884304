package handlers_test

import (
	"encoding/json"
	"net/http"
	"net/url"
	"strings"
	"testing"
	"time"

	"hitpath/app/apptest"
)

type apiFieldErrors struct {
	Fields map[string]string `json:"fields"`
}

// TestOldCredentialHistoryIsNotRevoked adds a CCA passed three and a half years ago
// as current: its first cycle is recertified history on the page and in the API, not
// "Revoked", and it stays out of the calendar feed.
func TestOldCredentialHistoryIsNotRevoked(t *testing.T) {
	eachCEU(t, func(t *testing.T, s *apptest.Server) {
		earned := ceuToday.AddDate(-3, -6, 0).Format(time.DateOnly)
		b := s.Browser()
		b.SignUp("Cora", "cora@example.com", goodPassword)
		apptest.Must(t, b.Submit("/credentials", url.Values{"credential_code": {"CCA"}, "earned_on": {earned}, "current": {"yes"}}), http.StatusSeeOther)
		page := b.Get("/credentials").Text()
		id := credentialLinkRe.FindStringSubmatch(page)[1]
		detail := b.Get("/credentials/" + id).Text()
		if !strings.Contains(detail, "Recertified (not tracked here)") || strings.Contains(detail, "Revoked") {
			t.Fatalf("got the old cycle judged on the page: %s", detail[strings.Index(detail, "<main"):])
		}

		token := s.LoginAPI("cora@example.com", goodPassword)
		var progress struct {
			Cycles []ceuAPICycle `json:"cycles"`
		}
		apptest.Must(t, s.API("GET", "/api/v1/progress", token, nil), 200).JSON(t, &progress)
		if progress.Cycles[0].Status != "not_tracked" || progress.Cycles[1].Status == "not_tracked" {
			t.Fatalf("got statuses %s then %s, want not_tracked then a tracked current cycle", progress.Cycles[0].Status, progress.Cycles[1].Status)
		}

		apptest.Must(t, b.Submit("/credentials/"+id, url.Values{"credential_code": {"CCA"}, "earned_on": {earned}}), http.StatusSeeOther)
		apptest.Must(t, s.API("GET", "/api/v1/progress", token, nil), 200).JSON(t, &progress)
		if progress.Cycles[0].Status != "revoked" {
			t.Fatalf("got %s for a lapsed credential's unmet cycle, want revoked", progress.Cycles[0].Status)
		}
	})
}

// TestImplausibleCredentialDatesAreRefused: a pass date before the credential existed
// and an override of days or decades get a 422 beside the field, on the page and in
// the API alike.
func TestImplausibleCredentialDatesAreRefused(t *testing.T) {
	eachCEU(t, func(t *testing.T, s *apptest.Server) {
		b := s.Browser()
		b.SignUp("Dan", "dan@example.com", goodPassword)
		token := s.LoginAPI("dan@example.com", goodPassword)
		start := ceuEarned.Format(time.DateOnly)
		tests := []struct {
			name   string
			values map[string]string
			field  string
			want   string
		}{
			{"pass date in 1900", map[string]string{"earned_on": "1900-01-01"}, "earned_on", "could not be earned before 2002"},
			{"two-day override", map[string]string{"earned_on": start, "cycle_start_override": start, "cycle_end_override": ceuEarned.AddDate(0, 0, 1).Format(time.DateOnly)}, "cycle_end_override", "one to three years"},
			{"eighty-year override", map[string]string{"earned_on": start, "cycle_start_override": start, "cycle_end_override": ceuEarned.AddDate(80, 0, 0).Format(time.DateOnly)}, "cycle_end_override", "one to three years"},
		}
		for _, tt := range tests {
			t.Run(tt.name, func(t *testing.T) {
				form := url.Values{"credential_code": {"CCA"}}
				body := map[string]string{"credential_code": "CCA"}
				for k, v := range tt.values {
					form.Set(k, v)
					body[k] = v
				}
				page := apptest.Must(t, b.Submit("/credentials", form), http.StatusUnprocessableEntity).Text()
				if !strings.Contains(page, `id="`+tt.field+`-error"`) || !strings.Contains(page, tt.want) {
					t.Errorf("got no %q beside %s on the page", tt.want, tt.field)
				}
				var got apiFieldErrors
				apptest.Must(t, s.API("POST", "/api/v1/credentials", token, body), http.StatusUnprocessableEntity).JSON(t, &got)
				if len(got.Fields) != 1 || !strings.Contains(got.Fields[tt.field], tt.want) {
					t.Errorf("got API fields %v, want only %s: %q", got.Fields, tt.field, tt.want)
				}
			})
		}
		if n := ceuCountRows(t, s, "held_credentials"); n != 0 {
			t.Fatalf("got %d credentials saved, want 0", n)
		}
	})
}

// TestCEUEntryMessagesNameTheFieldSent: page and API report too many minutes on
// minutes, contradicting amounts on ceus, and nothing else.
func TestCEUEntryMessagesNameTheFieldSent(t *testing.T) {
	eachCEU(t, func(t *testing.T, s *apptest.Server) {
		b := ceuNewHolder(t, s, "eve@example.com")
		token := s.LoginAPI("eve@example.com", goodPassword)
		tests := []struct {
			name, minutes, ceus string
			field, want         string
		}{
			{"100000 minutes", "100000", "", "minutes", "One activity can last at most 10000 minutes."},
			{"3000 minutes", "3000", "", "minutes", "3000 minutes is more than one activity can claim"},
			{"60 minutes with 3 CEUs", "60", "3", "ceus", "60 minutes earn 1 CEU, not 3"},
			{"nothing", "", "", "ceus", "or the minutes you took part"},
		}
		for _, tt := range tests {
			t.Run(tt.name, func(t *testing.T) {
				page := apptest.Must(t, b.Submit("/ceus", ceuFormValues(ceuDaysAgo(2), tt.minutes, tt.ceus)), http.StatusUnprocessableEntity).Text()
				if !strings.Contains(page, tt.want) || strings.Count(page, `class="field-error"`) != 1 {
					t.Errorf("got not exactly %q on the page", tt.want)
				}
				body := ceuEntryBody(ceuDaysAgo(2), nil)
				delete(body, "ceus")
				if tt.minutes != "" {
					body["minutes"] = jsonNumber(tt.minutes)
				}
				if tt.ceus != "" {
					body["ceus"] = jsonNumber(tt.ceus)
				}
				var got apiFieldErrors
				apptest.Must(t, s.API("POST", "/api/v1/ceus", token, body), http.StatusUnprocessableEntity).JSON(t, &got)
				if len(got.Fields) != 1 || !strings.Contains(got.Fields[tt.field], tt.want) {
					t.Errorf("got API fields %v, want only %s: %q", got.Fields, tt.field, tt.want)
				}
			})
		}
	})
}

// jsonNumber sends a number as JSON writes it.
func jsonNumber(text string) json.Number { return json.Number(text) }
