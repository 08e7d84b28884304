package handlers_test

import (
	"net/http"
	"testing"
	"time"

	"hitpath/app/apptest"
)

// TestCEUBadMinutesAloneNamed: minutes that are refused, with no CEUs typed, give
// one message beside the minutes, not also "The CEUs must be more than 0." beside a
// field the user left empty on purpose.
func TestCEUBadMinutesAloneNamed(t *testing.T) {
	eachCEU(t, func(t *testing.T, s *apptest.Server) {
		token := s.RegisterAPI("Min Holder", "min@example.com", goodPassword)
		apptest.Must(t, s.API("POST", "/api/v1/credentials", token, map[string]string{"credential_code": "RHIT", "earned_on": ceuEarned.Format(time.DateOnly)}), http.StatusCreated)
		for _, minutes := range []string{`-5`, `2147483648`, `1.5`} {
			body := `{"title":"t","provider":"p","provider_kind":"ahima","delivery":"live","activity_date":"` + ceuDaysAgo(3) + `","minutes":` + minutes + `}`
			var out struct {
				Fields map[string]string `json:"fields"`
			}
			apptest.Must(t, s.API("POST", "/api/v1/ceus", token, body), http.StatusUnprocessableEntity).JSON(t, &out)
			if out.Fields["minutes"] == "" || out.Fields["ceus"] != "" {
				t.Errorf("minutes %s: got fields %q, want a minutes problem and none for the CEUs", minutes, out.Fields)
			}
		}
	})
}
