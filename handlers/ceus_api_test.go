package handlers_test

import (
	"net/http"
	"testing"
	"time"

	"hitpath/app/apptest"
)

type ceuAPICycle struct {
	Key       string   `json:"key"`
	Status    string   `json:"status"`
	Required  float64  `json:"required"`
	Earned    float64  `json:"earned"`
	Remaining float64  `json:"remaining"`
	DaysLeft  int      `json:"days_left"`
	End       string   `json:"end"`
	Problems  []string `json:"problems"`
}

type ceuAPIEntry struct {
	ID      int64   `json:"id"`
	CEUs    float64 `json:"ceus"`
	Minutes *int    `json:"minutes"`
	Title   string  `json:"title"`
}

func ceuEntryBody(date string, ceus any) map[string]any {
	return map[string]any{"activity_date": date, "title": "Webinar", "provider": "AHIMA", "provider_kind": "ahima",
		"ceus": ceus, "in_hiim_domain": true, "delivery": "online"}
}

func TestCEUAPICredentialsEntriesAndProgress(t *testing.T) {
	eachCEU(t, func(t *testing.T, s *apptest.Server) {
		token := s.RegisterAPI("Ana", "ana@example.com", goodPassword)
		var cred struct {
			ID int64 `json:"id"`
		}
		earned := ceuEarned.Format(time.DateOnly)
		apptest.Must(t, s.API("POST", "/api/v1/credentials", token, map[string]string{"credential_code": "RHIT", "earned_on": earned}), 201).JSON(t, &cred)
		apptest.Must(t, s.API("POST", "/api/v1/credentials", token, map[string]string{"credential_code": "CCA", "earned_on": earned}), 201)
		var entry ceuAPIEntry
		apptest.Must(t, s.API("POST", "/api/v1/ceus", token, ceuEntryBody(ceuDaysAgo(3), 12.5)), 201).JSON(t, &entry)
		if entry.CEUs != 12.5 {
			t.Fatalf("got %v CEUs, want 12.5", entry.CEUs)
		}
		byMinutes := ceuEntryBody(ceuDaysAgo(2), nil)
		delete(byMinutes, "ceus")
		byMinutes["minutes"] = 150
		var minutesEntry ceuAPIEntry
		apptest.Must(t, s.API("POST", "/api/v1/ceus", token, byMinutes), 201).JSON(t, &minutesEntry)
		if minutesEntry.CEUs != 2 || minutesEntry.Minutes == nil || *minutesEntry.Minutes != 150 {
			t.Fatalf("got %+v, want 150 minutes → 2 CEUs", minutesEntry)
		}

		var progress struct {
			Cycles []ceuAPICycle `json:"cycles"`
		}
		apptest.Must(t, s.API("GET", "/api/v1/progress", token, nil), 200).JSON(t, &progress)
		current := progress.Cycles[0]
		wantEnd := ceuEarned.AddDate(2, 0, -1)
		wantDays := int(wantEnd.Sub(ceuToday.Truncate(24*time.Hour)).Hours() / 24)
		if current.Required != 30 || current.Earned != 14.5 || current.Remaining != 15.5 || current.DaysLeft != wantDays || current.Status != "behind" {
			t.Fatalf("got %+v, want RHIT+CCA: 30 required, 14.5 earned, 15.5 remaining, %d days left, behind", current, wantDays)
		}

		var detail struct {
			Cycles []ceuAPICycle `json:"cycles"`
		}
		apptest.Must(t, s.API("GET", "/api/v1/credentials/"+itoa(cred.ID), token, nil), 200).JSON(t, &detail)
		if len(detail.Cycles) == 0 || detail.Cycles[0].Key != "AHIMA-"+earned {
			t.Fatalf("got cycles %+v, want the AHIMA cycle from %s", detail.Cycles, earned)
		}
		apptest.Must(t, s.API("PUT", "/api/v1/credentials/"+itoa(cred.ID), token, map[string]string{"credential_code": "RHIT", "earned_on": earned, "certificate_number": "R-1"}), 200)

		var list struct {
			Entries []ceuAPIEntry `json:"entries"`
		}
		apptest.Must(t, s.API("GET", "/api/v1/ceus?category=hiim&cycle=AHIMA-"+earned, token, nil), 200).JSON(t, &list)
		if len(list.Entries) != 2 {
			t.Fatalf("got %d entries, want 2", len(list.Entries))
		}
		apptest.Must(t, s.API("GET", "/api/v1/ceus?cycle=nope", token, nil), 422)
		apptest.Must(t, s.API("GET", "/api/v1/ceus?category=nope", token, nil), 422)
		apptest.Must(t, s.API("GET", "/api/v1/ceus/"+itoa(entry.ID), token, nil), 200)
		apptest.Must(t, s.API("PUT", "/api/v1/ceus/"+itoa(entry.ID), token, ceuEntryBody(ceuDaysAgo(3), 1)), 200)

		var whatIf struct {
			Changes []struct {
				Before ceuAPICycle `json:"before"`
				After  ceuAPICycle `json:"after"`
			} `json:"changes"`
		}
		apptest.Must(t, s.API("POST", "/api/v1/ceus/what-if", token, ceuEntryBody(ceuDaysAgo(0), 20)), 200).JSON(t, &whatIf)
		if len(whatIf.Changes) != 1 || whatIf.Changes[0].Before.Earned != 3 || whatIf.Changes[0].After.Earned != 23 {
			t.Fatalf("got what-if %+v, want 3 → 23 earned", whatIf)
		}
		apptest.Must(t, s.API("DELETE", "/api/v1/ceus/"+itoa(entry.ID), token, nil), 204)
		apptest.Must(t, s.API("DELETE", "/api/v1/credentials/"+itoa(cred.ID), token, nil), 204)
		if n := ceuCountRows(t, s, "ceu_entries"); n != 1 {
			t.Fatalf("got %d entries, want 1", n)
		}
	})
}

func TestCEUAPIRefusals(t *testing.T) {
	eachCEU(t, func(t *testing.T, s *apptest.Server) {
		token := s.RegisterAPI("Ana", "ana@example.com", goodPassword)
		apptest.Must(t, s.API("POST", "/api/v1/credentials", token, map[string]string{"credential_code": "RHIT", "earned_on": ceuEarned.Format(time.DateOnly)}), 201)
		tests := []struct {
			name, path string
			body       any
			status     int
			field      string
		}{
			{"malformed JSON", "/api/v1/ceus", `{"title":`, 400, ""},
			{"zero CEUs", "/api/v1/ceus", ceuEntryBody(ceuDaysAgo(1), 0), 422, "ceus"},
			{"negative CEUs", "/api/v1/ceus", ceuEntryBody(ceuDaysAgo(1), -1), 422, "ceus"},
			{"41 CEUs", "/api/v1/ceus", ceuEntryBody(ceuDaysAgo(1), 41), 422, "ceus"},
			{"three decimals", "/api/v1/ceus", ceuEntryBody(ceuDaysAgo(1), 1.255), 422, "ceus"},
			{"future date", "/api/v1/ceus", ceuEntryBody(ceuDaysAgo(-3), 1), 422, "activity_date"},
			{"before earned", "/api/v1/ceus", ceuEntryBody(ceuEarned.AddDate(0, 0, -1).Format(time.DateOnly), 1), 422, "activity_date"},
			{"what-if over 40", "/api/v1/ceus/what-if", ceuEntryBody(ceuDaysAgo(1), 45), 422, "ceus"},
			{"unknown credential", "/api/v1/credentials", map[string]string{"credential_code": "CPC", "earned_on": "2020-01-01"}, 422, "credential_code"},
			{"duplicate credential", "/api/v1/credentials", map[string]string{"credential_code": "RHIT", "earned_on": "2020-01-01"}, 422, "credential_code"},
			{"future pass", "/api/v1/credentials", map[string]string{"credential_code": "CCA", "earned_on": ceuDaysAgo(-1)}, 422, "earned_on"},
		}
		for _, tt := range tests {
			t.Run(tt.name, func(t *testing.T) {
				before := ceuCountRows(t, s, "ceu_entries") + ceuCountRows(t, s, "held_credentials")
				resp := apptest.Must(t, s.API("POST", tt.path, token, tt.body), tt.status)
				var problem struct {
					Error  string            `json:"error"`
					Fields map[string]string `json:"fields"`
				}
				resp.JSON(t, &problem)
				if tt.field != "" && problem.Fields[tt.field] == "" {
					t.Fatalf("got fields %v, want a message for %s", problem.Fields, tt.field)
				}
				if after := ceuCountRows(t, s, "ceu_entries") + ceuCountRows(t, s, "held_credentials"); after != before {
					t.Fatalf("got %d rows after a refusal, want %d", after, before)
				}
			})
		}
	})
}

func TestCEUAPIPrivacy(t *testing.T) {
	eachCEU(t, func(t *testing.T, s *apptest.Server) {
		ana := s.RegisterAPI("Ana", "ana@example.com", goodPassword)
		var cred, entry struct {
			ID int64 `json:"id"`
		}
		apptest.Must(t, s.API("POST", "/api/v1/credentials", ana, map[string]string{"credential_code": "RHIT", "earned_on": ceuEarned.Format(time.DateOnly)}), 201).JSON(t, &cred)
		apptest.Must(t, s.API("POST", "/api/v1/ceus", ana, ceuEntryBody(ceuDaysAgo(1), 2)), 201).JSON(t, &entry)
		var file struct {
			ID int64 `json:"id"`
		}
		apptest.Must(t, s.API("POST", "/api/v1/ceus/"+itoa(entry.ID)+"/evidence", ana, map[string]string{"filename": "c.png", "content_base64": ceuB64(ceuPNG)}), 201).JSON(t, &file)
		bob := s.RegisterAPI("Bob", "bob@example.com", goodPassword)
		apptest.Must(t, s.API("POST", "/api/v1/credentials", bob, map[string]string{"credential_code": "RHIT", "earned_on": ceuEarned.Format(time.DateOnly)}), 201)
		c, e, f := itoa(cred.ID), itoa(entry.ID), itoa(file.ID)
		tests := []struct {
			method, path string
			body         any
		}{
			{"GET", "/api/v1/credentials/" + c, nil},
			{"PUT", "/api/v1/credentials/" + c, map[string]string{"credential_code": "CCA", "earned_on": "2020-01-01"}},
			{"DELETE", "/api/v1/credentials/" + c, nil},
			{"GET", "/api/v1/ceus/" + e, nil},
			{"PUT", "/api/v1/ceus/" + e, ceuEntryBody(ceuDaysAgo(1), 1)},
			{"DELETE", "/api/v1/ceus/" + e, nil},
			{"GET", "/api/v1/ceus/" + e + "/evidence", nil},
			{"POST", "/api/v1/ceus/" + e + "/evidence", map[string]string{"filename": "x.png", "content_base64": ceuB64(ceuPNG)}},
			{"GET", "/api/v1/ceus/" + e + "/evidence/" + f, nil},
			{"DELETE", "/api/v1/ceus/" + e + "/evidence/" + f, nil},
		}
		for _, tt := range tests {
			t.Run(tt.method+" "+tt.path, func(t *testing.T) {
				apptest.Must(t, s.API(tt.method, tt.path, bob, tt.body), http.StatusNotFound)
				apptest.Must(t, s.API(tt.method, tt.path, "", tt.body), http.StatusUnauthorized)
			})
		}
		for _, path := range []string{"/api/v1/credentials", "/api/v1/ceus", "/api/v1/progress", "/api/v1/calendar-token"} {
			apptest.Must(t, s.API("GET", path, "", nil), http.StatusUnauthorized)
		}
		var list struct {
			Entries []ceuAPIEntry `json:"entries"`
		}
		apptest.Must(t, s.API("GET", "/api/v1/ceus", bob, nil), 200).JSON(t, &list)
		if len(list.Entries) != 0 {
			t.Fatalf("bob lists %d entries, want 0", len(list.Entries))
		}
		if ceuCountRows(t, s, "evidence_files") != 1 || ceuCountRows(t, s, "ceu_entries") != 1 {
			t.Fatal("another learner's requests changed ana's data")
		}
	})
}
