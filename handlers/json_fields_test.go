package handlers_test

import (
	"net/http"
	"testing"

	"hitpath/app/apptest"
)

// TestAPIRefusesUnknownAndMissingFields sends JSON with a misspelt field, an extra
// one and a required one left out: each is a 422 naming the field, and nothing the
// learner saved is overwritten with a zero.
func TestAPIRefusesUnknownAndMissingFields(t *testing.T) {
	apptest.Each(t, func(t *testing.T, s *apptest.Server) {
		token := s.RegisterAPI("Ana", "ana@example.com", goodPassword)
		apptest.Must(t, s.API("PUT", "/api/v1/pathway", token, map[string]any{"target": "RHIT"}), http.StatusOK)
		apptest.Must(t, s.API("PUT", "/api/v1/study/settings", token, map[string]any{"target_recall": 0.9, "new_per_day": 7}), http.StatusOK)
		deckID := createDeckAPI(t, s, token)
		tests := []struct {
			name, method, path, body string
			want                     []string
		}{
			{"misspelt field", "PUT", "/api/v1/study/settings", `{"target_recall":0.9,"newPerDay":5}`, []string{"newPerDay", "new_per_day"}},
			{"field in another letter case", "PUT", "/api/v1/study/settings", `{"Target_Recall":0.9,"new_per_day":5}`, []string{"Target_Recall", "target_recall"}},
			{"missing new_per_day", "PUT", "/api/v1/study/settings", `{"target_recall":0.9}`, []string{"new_per_day"}},
			{"null target_recall", "PUT", "/api/v1/study/settings", `{"target_recall":null,"new_per_day":5}`, []string{"target_recall"}},
			{"extra field on create", "POST", "/api/v1/decks", `{"credential_code":"RHIT","title":"Codes","bogus":1}`, []string{"bogus"}},
			{"share without cohort_id", "PUT", "/api/v1/decks/" + deckID + "/share", `{}`, []string{"cohort_id"}},
			{"unknown field in a nested object", "POST", "/api/v1/practice-exams", `{"taken_on":"2035-03-01","overall_percent":70,"domains":[{"position":1,"percent":60,"bogus":true}]}`, []string{"bogus"}},
		}
		for _, tt := range tests {
			t.Run(tt.name, func(t *testing.T) {
				var problem struct {
					Fields map[string]string `json:"fields"`
				}
				apptest.Must(t, s.API(tt.method, tt.path, token, tt.body), http.StatusUnprocessableEntity).JSON(t, &problem)
				if len(problem.Fields) != len(tt.want) {
					t.Errorf("got fields %v, want exactly %v", problem.Fields, tt.want)
				}
				for _, name := range tt.want {
					if problem.Fields[name] == "" {
						t.Errorf("got fields %v, want one for %s", problem.Fields, name)
					}
				}
			})
		}
		var settings struct {
			NewPerDay int `json:"new_per_day"`
		}
		apptest.Must(t, s.API("GET", "/api/v1/study/settings", token, nil), http.StatusOK).JSON(t, &settings)
		if settings.NewPerDay != 7 {
			t.Errorf("got new_per_day %d, want 7 kept", settings.NewPerDay)
		}
		apptest.Must(t, s.API("PUT", "/api/v1/decks/"+deckID+"/share", token, `{"cohort_id":null}`), http.StatusOK)
	})
}

func createDeckAPI(t *testing.T, s *apptest.Server, token string) string {
	t.Helper()
	var deck struct {
		ID int64 `json:"id"`
	}
	apptest.Must(t, s.API("POST", "/api/v1/decks", token, map[string]string{"credential_code": "RHIT", "title": "Codes"}), http.StatusCreated).JSON(t, &deck)
	return itoa(deck.ID)
}
