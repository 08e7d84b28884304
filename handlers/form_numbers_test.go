package handlers_test

import (
	"net/http"
	"net/url"
	"strings"
	"testing"

	"hitpath/app/apptest"
)

// TestPageFormsRefuseUnreadableNumbersBesideTheField posts numbers and tick-boxes
// that do not read (text, decimals where whole numbers go, numbers too large, a
// percent sign) to every page form that takes them: each re-shows its form with the
// message beside the field and what was typed kept, never the bare "That did not
// work" page.
func TestPageFormsRefuseUnreadableNumbersBesideTheField(t *testing.T) {
	apptest.Each(t, func(t *testing.T, s *apptest.Server) {
		b := s.Browser()
		b.SignUp("Ana", "ana@example.com", goodPassword)
		apptest.Must(t, b.Submit("/pathway", url.Values{"target": {"RHIT"}}), http.StatusSeeOther)
		deck := apptest.Must(t, b.Submit("/study/decks", url.Values{"title": {"Codes"}, "credential_code": {"RHIT"}}), http.StatusSeeOther).Header.Get("Location")
		s.SetRole("ana@example.com", "admin")
		tests := []struct {
			name, path string
			form       url.Values
			field      string
			typed      string
			want       string
		}{
			// A learner's deck page has no sharing box, and an RHIT pathway no anatomy
			// credits field: their messages show in the summary at the top.
			{"target recall as a percent", "/study/settings", url.Values{"target_recall": {"90%"}, "new_per_day": {"5"}}, "target_recall", "90%", "Enter a number"},
			{"new cards with decimals", "/study/settings", url.Values{"target_recall": {"0.9"}, "new_per_day": {"2.5"}}, "new_per_day", "2.5", "without decimals"},
			{"quiz items as text", "/study/quiz", url.Values{"items": {"abc"}}, "items", "abc", "whole number"},
			{"quiz timed as text", "/study/quiz", url.Values{"items": {"10"}, "timed": {"banana"}}, "timed", "", "Tick the box"},
			{"card domain too large (a list: the choice is asked for)", deck + "/cards", url.Values{"kind": {"flashcard"}, "domain_position": {"99999999999999999999999"}, "front": {"Q"}, "back": {"A"}}, "domain_position", "", "Choose one of the"},
			{"share with a cohort that is not a number", deck + "/share", url.Values{"cohort_id": {"x"}}, "cohort_id", "", "whole number"},
			{"pathway credits as text", "/pathway", url.Values{"target": {"RHIT"}, "anatomy_credits": {"three"}}, "anatomy_credits", "three", "whole number"},
			{"study minutes with decimals", "/study", url.Values{"studied_on": {"2035-03-10"}, "minutes": {"30.5"}, "domain_position": {"1"}}, "minutes", "30.5", "without decimals"},
			{"reminder day as text", "/account/profile", url.Values{"name": {"Ana"}, "time_zone": {"UTC"}, "reminder_days": {"soon"}}, "reminder_days", "", "whole number"},
			{"site setting as text", "/admin/settings", url.Values{"require_two_factor_staff": {"maybe"}}, "require_two_factor_staff", "", "Tick the box"},
		}
		for _, tt := range tests {
			t.Run(tt.name, func(t *testing.T) {
				page := apptest.Must(t, b.Submit(tt.path, tt.form), http.StatusUnprocessableEntity).Text()
				inSummary := strings.Contains(page, `<a href="#`+tt.field+`">`) && strings.Contains(page, tt.want)
				besideField := strings.Contains(page, `id="`+tt.field+`-error"`) || !strings.Contains(page, `id="`+tt.field+`"`)
				if strings.Contains(page, "That did not work") || !inSummary || !besideField {
					t.Fatalf("got field errors %v, want %q beside %s and in the summary", apptest.FieldErrorsIn(page), tt.want, tt.field)
				}
				if tt.typed != "" && !strings.Contains(page, `value="`+tt.typed+`"`) {
					t.Errorf("got a page without value=%q, want what was typed kept", tt.typed)
				}
			})
		}
	})
}

// TestPageFormsReadNumbersAsTyped saves numbers with surrounding spaces and a
// decimal comma, as people type them.
func TestPageFormsReadNumbersAsTyped(t *testing.T) {
	apptest.Each(t, func(t *testing.T, s *apptest.Server) {
		b := s.Browser()
		b.SignUp("Ana", "ana@example.com", goodPassword)
		apptest.Must(t, b.Submit("/pathway", url.Values{"target": {"RHIT"}}), http.StatusSeeOther)
		apptest.Must(t, b.Submit("/study/settings", url.Values{"target_recall": {" 0,85 "}, "new_per_day": {" 12 "}}), http.StatusSeeOther)
		page := apptest.Must(t, b.Get("/study/forecast"), http.StatusOK).Text()
		if !strings.Contains(page, `value="0.85"`) || !strings.Contains(page, `value="12"`) {
			t.Errorf("got a forecast page without the saved 0.85 and 12")
		}
	})
}

// TestCohortAndAccountFormsRefuseUnreadableValuesBesideTheField covers the cohort,
// join, sign-up and review forms: a value that does not read is a 422 that says
// which field and why, never the bare "That did not work" page.
func TestCohortAndAccountFormsRefuseUnreadableValuesBesideTheField(t *testing.T) {
	apptest.Each(t, func(t *testing.T, s *apptest.Server) {
		w := newCohortWorld(t, s)
		cohort := "/cohorts/" + itoa(w.cohortID)
		tests := []struct {
			name    string
			b       *apptest.Browser
			path    string
			form    url.Values
			field   string
			want    string
			summary bool
		}{
			{"new owner not a number", w.owner.Browser, cohort + "/owner", url.Values{"user_id": {"co"}}, "user_id", "whole number", true},
			{"nudge recipient not a number", w.owner.Browser, cohort + "/nudges", url.Values{"user_id": {"sam"}, "message": {"Hi"}}, "user_ids", "whole number", true},
			{"archived as text", w.owner.Browser, cohort, url.Values{"name": {"HIT 210"}, "target_code": {"RHIT"}, "archived": {"later"}}, "archived", "Tick the box", true},
			{"consent as text", w.other.Browser, "/join", url.Values{"code": {w.code}, "consent": {"sure"}}, "consent", "Tick the box", true},
			{"teach as text at sign-up", s.Browser(), "/signup", url.Values{"name": {"Tess"}, "email": {"tess@example.com"}, "password": {goodPassword}, "teach": {"perhaps"}}, "teach", "Tick the box", true},
			{"review rating as text", w.student.Browser, "/study/review", url.Values{"card_id": {"1"}, "rating": {"good"}, "client_review_id": {"r1"}}, "rating", "That rating could not be saved: Enter a whole number", false},
		}
		for _, tt := range tests {
			t.Run(tt.name, func(t *testing.T) {
				page := apptest.Must(t, tt.b.Submit(tt.path, tt.form), http.StatusUnprocessableEntity).Text()
				if strings.Contains(page, "Some fields need attention") || !strings.Contains(page, tt.want) {
					t.Fatalf("got field errors %v, want %q", apptest.FieldErrorsIn(page), tt.want)
				}
				if tt.summary && !strings.Contains(page, `<a href="#`+tt.field+`">`) {
					t.Errorf("got no summary link to #%s, want one", tt.field)
				}
			})
		}
	})
}
