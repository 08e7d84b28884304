package handlers_test

import (
	"net/http"
	"strings"
	"testing"

	"hitpath/app/apptest"
)

// TestStandingOnADate: on the cycle's end with nothing more logged, the API and the
// credentials page both show the cycle unmet with the same total; a bad date is a 422
// beside the field.
func TestStandingOnADate(t *testing.T) {
	eachCEU(t, func(t *testing.T, s *apptest.Server) {
		b := ceuNewHolder(t, s, "fay@example.com")
		ceuLog(t, s, b, ceuDaysAgo(30), "Coding Clinic", "12")
		token := s.LoginAPI("fay@example.com", goodPassword)
		end := ceuEarned.AddDate(2, 0, -1).Format("2006-01-02")
		var got struct {
			AsOf   string        `json:"as_of"`
			Cycles []ceuAPICycle `json:"cycles"`
		}
		apptest.Must(t, s.API("GET", "/api/v1/progress?as_of="+end, token, nil), 200).JSON(t, &got)
		c := got.Cycles[0]
		if got.AsOf != end || c.Earned != 12 || c.DaysLeft != 0 || c.Status != "behind" {
			t.Fatalf("got %+v on %s, want 12 earned, no days left, behind", c, got.AsOf)
		}
		page := apptest.Must(t, b.Get("/credentials?as_of="+end), 200).Text()
		standing := page[strings.Index(page, `id="as-of-summary"`):]
		if !strings.Contains(standing, "12 of 20 CEUs") || !strings.Contains(standing, "Behind") {
			t.Fatalf("got no standing of 12 of 20, behind, on the page: %s", standing)
		}
		var errs apiFieldErrors
		apptest.Must(t, s.API("GET", "/api/v1/progress?as_of=next-week", token, nil), http.StatusUnprocessableEntity).JSON(t, &errs)
		if errs.Fields["as_of"] == "" {
			t.Fatalf("got %v, want as_of refused", errs.Fields)
		}
		bad := apptest.Must(t, b.Get("/credentials?as_of=2999-01-01"), http.StatusUnprocessableEntity).Text()
		if !strings.Contains(bad, `id="as_of-error"`) {
			t.Fatal("got no message beside the date picker")
		}
	})
}

// TestWholeAHIMACatalogue: the credential list offers CDIP, CHDA and CHPS, and an
// RHIA + CHDA holder needs 40 CEUs, on the page and in the API.
func TestWholeAHIMACatalogue(t *testing.T) {
	eachCEU(t, func(t *testing.T, s *apptest.Server) {
		b := s.Browser()
		b.SignUp("Gus", "gus@example.com", goodPassword)
		page := b.Get("/credentials").Text()
		for _, want := range []string{"CDIP — Certified Documentation Integrity Practitioner", "CHDA — Certified Health Data Analyst", "CHPS — Certified in Healthcare Privacy and Security"} {
			if !strings.Contains(page, want) {
				t.Errorf("got no %q among the credentials offered", want)
			}
		}
		token := s.LoginAPI("gus@example.com", goodPassword)
		earned := ceuEarned.Format("2006-01-02")
		apptest.Must(t, s.API("POST", "/api/v1/credentials", token, map[string]string{"credential_code": "RHIA", "earned_on": earned}), 201)
		apptest.Must(t, s.API("POST", "/api/v1/credentials", token, map[string]string{"credential_code": "CHDA", "earned_on": earned}), 201)
		var got struct {
			Cycles []ceuAPICycle `json:"cycles"`
		}
		apptest.Must(t, s.API("GET", "/api/v1/progress", token, nil), 200).JSON(t, &got)
		if got.Cycles[0].Required != 40 {
			t.Fatalf("got %v CEUs required for RHIA + CHDA, want 40", got.Cycles[0].Required)
		}
		if !strings.Contains(b.Get("/credentials").Text(), "0 of 40 CEUs") {
			t.Fatal("the page does not show 0 of 40 CEUs")
		}
	})
}
