package models_test

import (
	"context"
	"errors"
	"testing"
	"time"

	"gorm.io/gorm"

	"hitpath/app"
	"hitpath/app/testdb"
	"hitpath/models"
)

func ourReferenceSeed(t *testing.T) models.ReferenceSeed {
	t.Helper()
	seed, err := app.LoadReferenceSeed()
	if err != nil {
		t.Fatalf("load seed: %v", err)
	}
	return seed
}

func revisionOf(t *testing.T, db *gorm.DB) int64 {
	t.Helper()
	rev, err := models.CurrentReferenceRevision(context.Background(), db)
	if err != nil {
		t.Fatal(err)
	}
	return rev.Revision
}

func TestSeedReferenceIsIdempotent(t *testing.T) {
	testdb.Each(t, func(t *testing.T, db *gorm.DB) {
		ctx, seed := context.Background(), ourReferenceSeed(t)
		now := time.Date(2026, 3, 1, 9, 0, 0, 0, time.UTC)
		first, err := models.SeedReference(ctx, db, seed, now)
		if err != nil {
			t.Fatal(err)
		}
		if want := len(seed.Pages) + len(seed.Facts) + len(seed.Occupations); first.Inserted != want {
			t.Fatalf("got %d rows inserted, want %d", first.Inserted, want)
		}
		revision := revisionOf(t, db)
		second, err := models.SeedReference(ctx, db, seed, now.Add(time.Hour))
		if err != nil {
			t.Fatal(err)
		}
		if second != (models.SeedReport{}) {
			t.Fatalf("got second seed %+v, want nothing written", second)
		}
		if got := revisionOf(t, db); got != revision {
			t.Fatalf("got revision %d after a no-op seed, want %d", got, revision)
		}
		pages, _ := models.ListReferencePages(ctx, db)
		facts, _ := models.ListReferenceFacts(ctx, db)
		if len(pages) != len(seed.Pages) || len(facts) != len(seed.Facts) {
			t.Fatalf("got %d pages and %d facts, want %d and %d", len(pages), len(facts), len(seed.Pages), len(seed.Facts))
		}
		if pages[0].Slug != seed.Pages[0].Slug {
			t.Fatalf("got first page %q, want the seed's order", pages[0].Slug)
		}
		for i := 1; i < len(facts); i++ {
			if models.PeriodRank(facts[i].Period) > models.PeriodRank(facts[i-1].Period) {
				t.Fatalf("got %q (%s) after %q (%s), want the newest period first", facts[i].Label, facts[i].Period, facts[i-1].Label, facts[i-1].Period)
			}
		}
	})
}

func TestSeedReferenceKeepsAdminEditsAndUpdatesTheRest(t *testing.T) {
	testdb.Each(t, func(t *testing.T, db *gorm.DB) {
		ctx, seed := context.Background(), ourReferenceSeed(t)
		now := time.Date(2026, 3, 1, 9, 0, 0, 0, time.UTC)
		if _, err := models.SeedReference(ctx, db, seed, now); err != nil {
			t.Fatal(err)
		}
		admin := models.AuditActor{IP: "192.0.2.9"}
		if _, err := models.UpdateReferencePage(ctx, db, admin, "wages", models.ReferencePageEdit{Title: "Pay", Summary: "Ours.", Body: "Edited."}, now); err != nil {
			t.Fatal(err)
		}
		fact := seed.Facts[0]
		stored, _ := models.ListReferenceFacts(ctx, db, fact.Topic)
		edit := models.ReferenceFactEdit{Value: "1", Number: 100, Unit: "jobs", Period: "2030", Source: "admin"}
		if _, err := models.UpdateReferenceFact(ctx, db, admin, stored[0].ID, edit, now); err != nil {
			t.Fatal(err)
		}

		// The files change: every page title and every fact's value.
		changed := models.ReferenceSeed{}
		for _, p := range seed.Pages {
			p.Title += " (new)"
			changed.Pages = append(changed.Pages, p)
		}
		for _, f := range seed.Facts {
			f.Value += "!"
			changed.Facts = append(changed.Facts, f)
		}
		report, err := models.SeedReference(ctx, db, changed, now.Add(time.Hour))
		if err != nil {
			t.Fatal(err)
		}
		want := models.SeedReport{Updated: len(seed.Pages) + len(seed.Facts) - 2, Kept: 2}
		if report != want {
			t.Fatalf("got %+v, want %+v", report, want)
		}
		wages, _ := models.ReferencePageBySlug(ctx, db, "wages")
		if wages.Title != "Pay" || wages.Body != "Edited." {
			t.Fatalf("got wages page %q / %q, want the admin's edit kept", wages.Title, wages.Body)
		}
		outlook, _ := models.ReferencePageBySlug(ctx, db, "outlook")
		if outlook.Title != "Job outlook (new)" {
			t.Fatalf("got outlook title %q, want the new seed title", outlook.Title)
		}
		kept, _ := models.ReferenceFactByID(ctx, db, stored[0].ID)
		if kept.Value != "1" || kept.Source != "admin" {
			t.Fatalf("got fact %+v, want the admin's edit kept", kept)
		}
	})
}

func TestUpdateReferenceWritesAuditAndRevision(t *testing.T) {
	testdb.Each(t, func(t *testing.T, db *gorm.DB) {
		ctx := context.Background()
		if _, err := models.SeedReference(ctx, db, ourReferenceSeed(t), time.Now()); err != nil {
			t.Fatal(err)
		}
		before := revisionOf(t, db)
		_, err := models.UpdateReferencePage(ctx, db, models.AuditActor{}, "no-such-page", models.ReferencePageEdit{Title: "x"}, time.Now())
		if !errors.Is(err, models.ErrNotFound) {
			t.Fatalf("got %v for an unknown slug, want ErrNotFound", err)
		}
		if _, err := models.UpdateReferencePage(ctx, db, models.AuditActor{}, "outlook", models.ReferencePageEdit{Title: "Outlook", Summary: "s", Body: "b"}, time.Now()); err != nil {
			t.Fatal(err)
		}
		if got := revisionOf(t, db); got != before+1 {
			t.Fatalf("got revision %d, want %d", got, before+1)
		}
		var audits []models.AuditEntry
		db.Where("action = ?", "reference.page.update").Find(&audits)
		if len(audits) != 1 || audits[0].Target != "reference_page:outlook" {
			t.Fatalf("got audit rows %+v, want one for reference_page:outlook", audits)
		}
	})
}

func TestParseHundredths(t *testing.T) {
	tests := []struct {
		in   string
		want int64
		ok   bool
	}{
		{"42,630", 4263000, true}, {"$42,630", 4263000, true}, {"38%", 3800, true}, {"43.2", 4320, true},
		{"0.05", 5, true}, {"-1.5", -150, true}, {" 7 ", 700, true},
		{"", 0, false}, {"abc", 0, false}, {"1.234", 0, false}, {"1.", 0, false}, {"1e3", 0, false}, {"$", 0, false},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			got, err := models.ParseHundredths(tt.in)
			if (err == nil) != tt.ok || got != tt.want {
				t.Fatalf("got %d, %v, want %d, ok=%v", got, err, tt.want, tt.ok)
			}
		})
	}
}

func TestChartsAndTopicsInBody(t *testing.T) {
	body := "Intro\n\n{{chart wage-medians}}\n\ntext\n{{chart wage-percentiles}}\n{{chart wage-medians}}\n"
	charts := models.ChartsInBody(body)
	if len(charts) != 2 || charts[0] != "wage-medians" || charts[1] != "wage-percentiles" {
		t.Fatalf("got charts %v, want [wage-medians wage-percentiles]", charts)
	}
	topics := models.TopicsInBody(body)
	if len(topics) != 3 {
		t.Fatalf("got topics %v, want 3", topics)
	}
	if msg := models.CheckReferenceBody("{{chart nope}}"); msg == "" {
		t.Fatal("got no complaint about an unknown chart")
	}
	if msg := models.CheckReferenceBody(body); msg != "" {
		t.Fatalf("got %q for a valid body", msg)
	}
}
