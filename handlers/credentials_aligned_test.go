package handlers_test

import (
	"net/http"
	"strings"
	"testing"
	"time"

	"hitpath/app/apptest"
)

// TestAlignedCyclesSetInOnePlace: a second AHIMA credential can't move the shared
// cycle with its own override; the first credential's override sets it, the page
// and the API explain it, and the second's page lists no cycle before it was earned.
func TestAlignedCyclesSetInOnePlace(t *testing.T) {
	eachCEU(t, func(t *testing.T, s *apptest.Server) {
		token := s.RegisterAPI("Ivy", "ivy@example.com", goodPassword)
		rhitOn := ceuToday.AddDate(-3, 0, 0)
		ccsOn := ceuToday.AddDate(-1, -2, 0)
		day := func(t time.Time) string { return t.Format(time.DateOnly) }
		var rhit, ccs struct {
			ID int64 `json:"id"`
		}
		apptest.Must(t, s.API("POST", "/api/v1/credentials", token, map[string]string{"credential_code": "RHIT", "earned_on": day(rhitOn)}), 201).JSON(t, &rhit)
		var errs apiFieldErrors
		moved := map[string]string{"credential_code": "CCS", "earned_on": day(ccsOn), "cycle_start_override": day(ccsOn), "cycle_end_override": day(ccsOn.AddDate(2, 0, -1))}
		apptest.Must(t, s.API("POST", "/api/v1/credentials", token, moved), http.StatusUnprocessableEntity).JSON(t, &errs)
		if !strings.Contains(errs.Fields["cycle_start_override"], "Set the shared cycle on RHIT") {
			t.Fatalf("got %v, want the override refused on CCS", errs.Fields)
		}
		apptest.Must(t, s.API("POST", "/api/v1/credentials", token, map[string]string{"credential_code": "CCS", "earned_on": day(ccsOn)}), 201).JSON(t, &ccs)
		shared := map[string]string{"credential_code": "RHIT", "earned_on": day(rhitOn), "cycle_start_override": day(ccsOn), "cycle_end_override": day(ccsOn.AddDate(2, 0, -1))}
		apptest.Must(t, s.API("PUT", "/api/v1/credentials/"+itoa(rhit.ID), token, shared), 200)

		var detail struct {
			Cycles []struct {
				Start string   `json:"start"`
				End   string   `json:"end"`
				Notes []string `json:"notes"`
			} `json:"cycles"`
		}
		apptest.Must(t, s.API("GET", "/api/v1/credentials/"+itoa(ccs.ID), token, nil), 200).JSON(t, &detail)
		for _, c := range detail.Cycles {
			if c.End < day(ccsOn) {
				t.Errorf("CCS lists the cycle %s … %s, which ended before it was earned", c.Start, c.End)
			}
		}
		if len(detail.Cycles) == 0 || detail.Cycles[0].Start != day(ccsOn) || len(detail.Cycles[0].Notes) == 0 {
			t.Fatalf("got %+v, want the shared cycle from %s explained", detail.Cycles, day(ccsOn))
		}
		b := s.Browser()
		b.LogIn("ivy@example.com", goodPassword)
		page := apptest.Must(t, b.Get("/credentials/"+itoa(ccs.ID)), 200).Text()
		if !strings.Contains(page, "shared dates you set on RHIT") {
			t.Error("the CCS page does not explain the shared cycle")
		}
		edit := apptest.Must(t, b.Get("/credentials/"+itoa(ccs.ID)+"/edit"), 200).Text()
		if strings.Contains(edit, `name="cycle_start_override"`) || !strings.Contains(edit, `id="shared-cycle"`) {
			t.Error("the CCS edit page still offers its own cycle dates")
		}
	})
}
