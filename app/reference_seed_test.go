package app_test

import (
	"context"
	"testing"
	"time"

	"hitpath/app"
	"hitpath/app/testdb"
)

// BenchmarkSeedReferenceFirstRun measures what app.New adds to every test server: a
// seed into an empty database (the database is made outside the timer).
func BenchmarkSeedReferenceFirstRun(b *testing.B) {
	for _, dialect := range testdb.Dialects() {
		b.Run(dialect, func(b *testing.B) {
			for b.Loop() {
				b.StopTimer()
				db := testdb.Open(b, dialect)
				b.StartTimer()
				if _, err := app.SeedReferenceContent(context.Background(), db, time.Now()); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// BenchmarkSeedReferenceNoChange measures a restart: everything is already seeded.
func BenchmarkSeedReferenceNoChange(b *testing.B) {
	for _, dialect := range testdb.Dialects() {
		b.Run(dialect, func(b *testing.B) {
			db := testdb.Open(b, dialect)
			if _, err := app.SeedReferenceContent(context.Background(), db, time.Now()); err != nil {
				b.Fatal(err)
			}
			for b.Loop() {
				if _, err := app.SeedReferenceContent(context.Background(), db, time.Now()); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

func TestLoadReferenceSeedReadsEveryPage(t *testing.T) {
	seed, err := app.LoadReferenceSeed()
	if err != nil {
		t.Fatal(err)
	}
	if len(seed.Pages) != 10 || len(seed.Facts) == 0 {
		t.Fatalf("got %d pages and %d facts, want 10 pages and some facts", len(seed.Pages), len(seed.Facts))
	}
}
