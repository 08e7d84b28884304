package models_test

import (
	"context"
	"fmt"
	"strings"
	"testing"
	"time"

	"gorm.io/gorm"

	"hitpath/app/testdb"
	"hitpath/models"
)

// seedBenchHolder stores a holder of RHIT, CCS and ODS with 500 activities over ten
// years, as in the pure benchmark, and returns the user id.
func seedBenchHolder(b testing.TB, db *gorm.DB) int64 {
	ctx := context.Background()
	now := time.Now().UTC()
	u := models.User{Email: "bench@example.com", Name: "Bench", PasswordHash: "x", CreatedAt: now, UpdatedAt: now}
	if err := models.CreateUser(ctx, db, &u); err != nil {
		b.Fatal(err)
	}
	for _, c := range []struct {
		code   string
		earned time.Time
	}{{"RHIT", models.DateOf(2016, 1, 10)}, {"CCS", models.DateOf(2018, 5, 1)}, {"ODS", models.DateOf(2019, 9, 1)}} {
		h := models.HeldCredential{UserID: u.ID, CredentialCode: c.code, EarnedOn: c.earned}
		h.SetCurrent(true, c.earned)
		if err := models.SaveHeldCredential(ctx, db, &h, now); err != nil {
			b.Fatal(err)
		}
	}
	kinds := []string{"ahima", "component", "approved", "other"}
	deliveries := []string{"live", "in_person", "online", "self_study"}
	entries := make([]models.CEUEntry, 500)
	for i := range entries {
		entries[i] = models.CEUEntry{UserID: u.ID, ActivityDate: models.AddDays(models.DateOf(2016, 1, 10), (i*7919)%3644),
			Title: fmt.Sprintf("Activity %d", i), Provider: "Provider", ProviderKind: kinds[i%4], CEUs: 50 + (i%4)*50,
			InHIIMDomain: i%5 != 0, CategoryA: i%6 == 0, Delivery: deliveries[i%4]}
	}
	if err := models.ImportCEUEntries(ctx, db, entries, now, nil); err != nil {
		b.Fatal(err)
	}
	return u.ID
}

// BenchmarkLoadHolder measures loading 3 credentials, the rules and 500 entries from
// the database and computing every cycle's progress.
func BenchmarkLoadHolder(b *testing.B) {
	for _, dialect := range testdb.Dialects() {
		b.Run(dialect, func(b *testing.B) {
			db := testdb.Open(b, dialect)
			userID := seedBenchHolder(b, db)
			today := models.DateOf(2026, 1, 1)
			b.ReportAllocs()
			for b.Loop() {
				h, err := models.LoadHolder(context.Background(), db, userID, today)
				if err != nil || len(h.Entries) != 500 || len(h.Progress.Cycles) == 0 {
					b.Fatalf("got %d entries, err %v", len(h.Entries), err)
				}
			}
		})
	}
}

// BenchmarkImport10000Rows measures parsing and saving a 10,000-row CSV in one
// transaction.
func BenchmarkImport10000Rows(b *testing.B) {
	var csv strings.Builder
	csv.WriteString(strings.Join(models.CEUCSVHeaderWithoutID, ",") + "\n")
	for i := range 10000 {
		day := models.AddDays(models.DateOf(2016, 1, 10), i%3600).Format(time.DateOnly)
		fmt.Fprintf(&csv, "%s,Activity %d,AHIMA,ahima,90,,yes,no,online,note\n", day, i)
	}
	for _, dialect := range testdb.Dialects() {
		b.Run(dialect, func(b *testing.B) {
			db := testdb.Open(b, dialect)
			userID := seedBenchHolder(b, db)
			today := models.DateOf(2026, 1, 1)
			for b.Loop() {
				entries, problems := models.ParseCEUCSV(strings.NewReader(csv.String()), userID, today, models.DateOf(2016, 1, 10))
				if problems != nil {
					b.Fatal(problems[0])
				}
				if err := models.ImportCEUEntries(context.Background(), db, entries, time.Now(), nil); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
