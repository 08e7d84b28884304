package handlers_test

import (
	"net/http"
	"net/url"
	"strings"
	"testing"

	"hitpath/app/apptest"
)

// TestSearchCEUsByText finds activities by words of their title, provider or notes on
// the page and through the API, and refuses an overlong search in both the same way.
func TestSearchCEUsByText(t *testing.T) {
	eachCEU(t, func(t *testing.T, s *apptest.Server) {
		b := ceuNewHolder(t, s, "sara@example.com")
		ceuLog(t, s, b, ceuDaysAgo(3), "Coding Clinic update", "1")
		ceuLog(t, s, b, ceuDaysAgo(4), "Privacy and security", "2")
		page := apptest.Must(t, b.Get("/ceus?q=clinic"), http.StatusOK).Text()
		table := page[strings.Index(page, `id="entries"`):]
		table = table[:strings.Index(table, "</table>")]
		if !strings.Contains(table, "Coding Clinic update") || strings.Contains(table, "Privacy and security") || !strings.Contains(page, `value="clinic"`) {
			t.Error("page search for \"clinic\" did not show just the clinic activity")
		}
		if page := apptest.Must(t, b.Get("/ceus?q="+url.QueryEscape(strings.Repeat("x", 201))), http.StatusOK).Text(); !strings.Contains(page, `id="q-error"`) {
			t.Error("an overlong search shows no error beside the box")
		}

		token := s.LoginAPI("sara@example.com", goodPassword)
		var found struct {
			Entries []ceuAPIEntry `json:"entries"`
		}
		apptest.Must(t, s.API("GET", "/api/v1/ceus?q=PRIVACY", token, nil), http.StatusOK).JSON(t, &found)
		if len(found.Entries) != 1 || found.Entries[0].Title != "Privacy and security" {
			t.Errorf("got %+v, want the privacy activity", found)
		}
		apptest.Must(t, s.API("GET", "/api/v1/ceus?q="+strings.Repeat("x", 201), token, nil), http.StatusUnprocessableEntity)
	})
}
