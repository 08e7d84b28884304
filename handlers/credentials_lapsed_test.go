package handlers_test

import (
	"net/http"
	"net/url"
	"strings"
	"testing"
	"time"

	"hitpath/app/apptest"
)

// TestLapsedCredentialIsNoLongerHeld adds a CCA passed three and a half years ago that
// the holder says is not current: its unmet first cycle is revoked, and the running
// cycle shows "No longer held" on the page and "lapsed" in the API, instead of behind,
// and the calendar feed plans nothing for it.
func TestLapsedCredentialIsNoLongerHeld(t *testing.T) {
	eachCEU(t, func(t *testing.T, s *apptest.Server) {
		earned := ceuToday.AddDate(-3, -6, 0).Format(time.DateOnly)
		b := s.Browser()
		b.SignUp("Lena", "lena@example.com", goodPassword)
		apptest.Must(t, b.Submit("/credentials", url.Values{"credential_code": {"CCA"}, "earned_on": {earned}}), http.StatusSeeOther)
		id := credentialLinkRe.FindStringSubmatch(b.Get("/credentials").Text())[1]
		detail := b.Get("/credentials/" + id).Text()
		if !strings.Contains(detail, "No longer held") || strings.Contains(detail, ">Behind<") || strings.Contains(detail, ">Overdue<") {
			t.Fatalf("got the lapsed credential's cycle judged: %s", detail[strings.Index(detail, "<main"):])
		}

		token := s.LoginAPI("lena@example.com", goodPassword)
		var progress struct {
			Cycles []ceuAPICycle `json:"cycles"`
		}
		apptest.Must(t, s.API("GET", "/api/v1/progress", token, nil), 200).JSON(t, &progress)
		var statuses []string
		for _, c := range progress.Cycles {
			statuses = append(statuses, c.Status)
		}
		if got := strings.Join(statuses, " "); got != "revoked lapsed lapsed" {
			t.Fatalf("got statuses %s, want revoked lapsed lapsed", got)
		}

		feed := feedGet(s, makeFeed(t, b)).Text()
		if strings.Contains(feed, "UID:reminder-") || strings.Count(feed, "BEGIN:VEVENT") != 1 {
			t.Fatalf("got a feed planning the lapsed cycles:\n%s", feed)
		}
	})
}
