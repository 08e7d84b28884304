package handlers_test

import (
	"context"
	"fmt"
	"strings"
	"testing"
	"time"

	"hitpath/app/apptest"
	"hitpath/app/testdb"
	"hitpath/models"
)

// BenchmarkCEUDashboardPage measures the dashboard (with the CEU panel) and the CEU
// list for a holder of RHIT, CCS and ODS with 500 activities, through the whole
// server stack (middleware, session check, queries, rules, template).
func BenchmarkCEUDashboardPage(b *testing.B) {
	for _, dialect := range testdb.Dialects() {
		b.Run(dialect, func(b *testing.B) {
			s := apptest.New(b, testdb.Open(b, dialect), ceuClock())
			browser := s.Browser()
			browser.SignUp("Bench", "bench@example.com", goodPassword)
			seedDashboardHolder(b, s)
			for _, page := range []string{"/dashboard", "/ceus"} {
				b.Run(strings.TrimPrefix(page, "/"), func(b *testing.B) {
					b.ReportAllocs()
					for b.Loop() {
						if resp := browser.Get(page); resp.Status != 200 || !strings.Contains(resp.Text(), "<svg") {
							b.Fatalf("got %d", resp.Status)
						}
					}
				})
			}
		})
	}
}

func seedDashboardHolder(b *testing.B, s *apptest.Server) {
	ctx := context.Background()
	user, err := models.UserByEmail(ctx, s.DB, "bench@example.com")
	if err != nil {
		b.Fatal(err)
	}
	earned := ceuToday.AddDate(-9, 0, 0)
	for i, code := range []string{"RHIT", "CCS", "ODS"} {
		h := models.HeldCredential{UserID: user.ID, CredentialCode: code, EarnedOn: earned.AddDate(i, 0, 0)}
		h.SetCurrent(true, h.EarnedOn)
		if err := models.SaveHeldCredential(ctx, s.DB, &h, time.Now()); err != nil {
			b.Fatal(err)
		}
	}
	kinds := []string{"ahima", "component", "approved", "other"}
	deliveries := []string{"live", "in_person", "online", "self_study"}
	entries := make([]models.CEUEntry, 500)
	for i := range entries {
		entries[i] = models.CEUEntry{UserID: user.ID, ActivityDate: models.AddDays(models.DateOnly(earned), (i*7919)%3200),
			Title: fmt.Sprintf("Activity %d", i), Provider: "Provider", ProviderKind: kinds[i%4], CEUs: 50 + (i%4)*50,
			InHIIMDomain: i%5 != 0, CategoryA: i%6 == 0, Delivery: deliveries[i%4]}
	}
	if err := models.ImportCEUEntries(ctx, s.DB, entries, time.Now(), nil); err != nil {
		b.Fatal(err)
	}
}
