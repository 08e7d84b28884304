package handlers_test

import (
	"net/http"
	"net/url"
	"strings"
	"testing"
	"time"

	"hitpath/app/apptest"
)

func TestCredentialPagesAddShowEditDelete(t *testing.T) {
	eachCEU(t, func(t *testing.T, s *apptest.Server) {
		b := ceuNewHolder(t, s, "ana@example.com")
		page := apptest.Must(t, b.Get("/credentials"), 200).Text()
		m := credentialLinkRe.FindStringSubmatch(page)
		if m == nil || !strings.Contains(page, ceuLongDate(ceuEarned)) {
			t.Fatalf("got no RHIT row on /credentials: %s", page)
		}
		id := m[1]
		show := apptest.Must(t, b.Get("/credentials/"+id), 200).Text()
		end := ceuEarned.AddDate(2, 0, -1)
		for _, want := range []string{"RHIT cycle 1", ceuLongDate(ceuEarned) + " – " + ceuLongDate(end), "Behind", "0 of 20 CEUs"} {
			if !strings.Contains(show, want) {
				t.Errorf("got no %q on the credential page", want)
			}
		}
		apptest.Must(t, b.Get("/credentials/"+id+"/edit"), 200)
		start, end := ceuEarned.AddDate(0, 0, 10), ceuEarned.AddDate(2, 0, 20)
		apptest.Must(t, b.Submit("/credentials/"+id, url.Values{"current": {"yes"}, "credential_code": {"RHIT"}, "earned_on": {ceuEarned.Format(time.DateOnly)},
			"cycle_start_override": {start.Format(time.DateOnly)}, "cycle_end_override": {end.Format(time.DateOnly)}}), http.StatusSeeOther)
		show = apptest.Must(t, b.Get("/credentials/"+id), 200).Text()
		if !strings.Contains(show, ceuLongDate(start)+" – "+ceuLongDate(end)) || !strings.Contains(show, "dates from your certifying body") {
			t.Fatalf("got no overridden cycle on the credential page")
		}
		confirm := apptest.Must(t, b.Get("/credentials/"+id+"/delete"), 200).Text()
		if !strings.Contains(confirm, "Remove RHIT?") {
			t.Fatal("got no confirmation question")
		}
		apptest.Must(t, b.Submit("/credentials/"+id+"/delete", nil), http.StatusSeeOther)
		if n := ceuCountRows(t, s, "held_credentials"); n != 0 {
			t.Fatalf("got %d credentials after deleting, want 0", n)
		}
	})
}

func TestCredentialPageRefusals(t *testing.T) {
	eachCEU(t, func(t *testing.T, s *apptest.Server) {
		b := ceuNewHolder(t, s, "ana@example.com")
		tests := []struct {
			name  string
			form  url.Values
			field string
			want  string
		}{
			{"unknown credential code", url.Values{"credential_code": {"XYZ"}, "earned_on": {"2024-01-01"}}, "credential_code", "not one hitpath knows"},
			{"future pass date", url.Values{"credential_code": {"CCA"}, "earned_on": {ceuDaysAgo(-1)}}, "earned_on", "can&#39;t be in the future"},
			{"missing pass date", url.Values{"credential_code": {"CCA"}}, "earned_on", "Enter the date you passed"},
			{"malformed pass date", url.Values{"credential_code": {"CCA"}, "earned_on": {"15/03/2024"}}, "earned_on", "YYYY-MM-DD"},
			{"half an override", url.Values{"credential_code": {"CCA"}, "earned_on": {"2024-01-01"}, "cycle_start_override": {"2024-02-01"}}, "cycle_end_override", "or neither"},
			{"override ending first", url.Values{"credential_code": {"CCA"}, "earned_on": {"2024-01-01"}, "cycle_start_override": {"2024-02-01"}, "cycle_end_override": {"2024-01-01"}}, "cycle_end_override", "after its start"},
			{"credential already held", url.Values{"credential_code": {"RHIT"}, "earned_on": {"2024-01-01"}}, "credential_code", "already hold RHIT"},
		}
		for _, tt := range tests {
			t.Run(tt.name, func(t *testing.T) {
				page := apptest.Must(t, b.Submit("/credentials", tt.form), http.StatusUnprocessableEntity).Text()
				if !strings.Contains(page, `id="`+tt.field+`-error"`) || !strings.Contains(page, tt.want) {
					t.Fatalf("got errors %v, want %q beside %s", apptest.FieldErrorsIn(page), tt.want, tt.field)
				}
				if n := ceuCountRows(t, s, "held_credentials"); n != 1 {
					t.Fatalf("got %d credentials after a refusal, want 1", n)
				}
			})
		}
	})
}

func TestCredentialPagesAreprivate(t *testing.T) {
	eachCEU(t, func(t *testing.T, s *apptest.Server) {
		ana := ceuNewHolder(t, s, "ana@example.com")
		id := credentialLinkRe.FindStringSubmatch(ana.Get("/credentials").Text())[1]
		bob := ceuNewHolder(t, s, "bob@example.com")
		for _, path := range []string{"/credentials/" + id, "/credentials/" + id + "/edit", "/credentials/" + id + "/delete"} {
			apptest.Must(t, bob.Get(path), http.StatusNotFound)
		}
		apptest.Must(t, bob.Submit("/credentials/"+id, url.Values{"credential_code": {"CCA"}, "earned_on": {"2020-01-01"}}), http.StatusNotFound)
		apptest.Must(t, bob.Submit("/credentials/"+id+"/delete", nil), http.StatusNotFound)
		if !strings.Contains(ana.Get("/credentials/"+id).Text(), ceuLongDate(ceuEarned)) {
			t.Fatal("another learner changed ana's credential")
		}
		anon := s.Browser()
		for _, path := range []string{"/credentials", "/credentials/" + id, "/ceus", "/ceus/new", "/ceus/export.csv", "/ceus/report.pdf"} {
			resp := anon.Get(path)
			if resp.Status != http.StatusFound || !strings.HasPrefix(resp.Header.Get("Location"), "/login") {
				t.Errorf("anonymous %s: got %d %s, want a redirect to /login", path, resp.Status, resp.Header.Get("Location"))
			}
		}
	})
}

func TestDashboardCEUPanel(t *testing.T) {
	eachCEU(t, func(t *testing.T, s *apptest.Server) {
		none := s.Browser()
		none.SignUp("No Creds", "none@example.com", goodPassword)
		if page := apptest.Must(t, none.Get("/dashboard"), 200).Text(); strings.Contains(page, "Your CEU cycles") {
			t.Fatal("got a CEU panel for a learner holding no credential")
		}
		b := ceuNewHolder(t, s, "ana@example.com")
		ceuLog(t, s, b, ceuDaysAgo(30), "Coding Clinic webinar", "5")
		page := apptest.Must(t, b.Get("/dashboard"), 200).Text()
		for _, want := range []string{"Your CEU cycles", "<progress", `value="500"`, "Behind", "<svg", "<title", "steady pace", "5 of 20", "Days left"} {
			if !strings.Contains(page, want) {
				t.Errorf("got no %q on the dashboard", want)
			}
		}
	})
}
