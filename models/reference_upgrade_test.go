package models_test

import (
	"context"
	"strings"
	"testing"
	"time"

	"gorm.io/gorm"

	"hitpath/app"
	"hitpath/app/testdb"
	"hitpath/models"
)

// migrateBeforeOccupations rolls db back to the schema of the release before the
// 2018-SOC figures: no reference_occupations table, no reference_facts.soc_code.
func migrateBeforeOccupations(t *testing.T, db *gorm.DB) {
	t.Helper()
	for db.Migrator().HasTable("reference_occupations") {
		if err := app.MigrateDownOne(context.Background(), db); err != nil {
			t.Fatalf("migrate down: %v", err)
		}
	}
}

// TestSeedReferenceUpgradesADatabaseSeededWithOlderFigures: a database seeded by the
// previous release (figures up to May 2019, an admin's edit) is migrated and seeded
// again at start: the newer figures arrive, every figure names its occupation code,
// the unedited pages follow the files, and the admin's edit is kept.
func TestSeedReferenceUpgradesADatabaseSeededWithOlderFigures(t *testing.T) {
	testdb.Each(t, func(t *testing.T, db *gorm.DB) {
		ctx := context.Background()
		migrateBeforeOccupations(t, db)
		then := time.Date(2025, 6, 1, 9, 0, 0, 0, time.UTC)
		insert := func(query string, args ...any) {
			t.Helper()
			if err := db.Exec(query, args...).Error; err != nil {
				t.Fatalf("%s: %v", query, err)
			}
		}
		insert(`INSERT INTO reference_pages (slug, title, summary, body, position, updated_at) VALUES (?, ?, ?, ?, ?, ?)`,
			"wages", "Wages", "Median pay.", "The newest figure is **$42,630** (May 2019).\n\n{{chart wage-medians}}\n", 3, then)
		fact := `INSERT INTO reference_facts (topic, label, value, number, unit, geography, period, source, position, edited_at, updated_at)
			VALUES (?, ?, ?, ?, 'USD per year', 'US', ?, 'old source', ?, ?, ?)`
		insert(fact, models.TopicWageMedians, "Median annual wage, US, May 2019", "$42,630", 4263000, "May 2019", 1, nil, then)
		insert(fact, models.TopicWageMedians, "Median annual wage, US, May 2014", "$36,000", 3600000, "May 2014", 2, then, then)

		if err := app.Migrate(ctx, db); err != nil {
			t.Fatalf("migrate up: %v", err)
		}
		report, err := app.SeedReferenceContent(ctx, db, then.AddDate(1, 6, 0))
		if err != nil {
			t.Fatal(err)
		}
		if report.Inserted == 0 || report.Updated < 3 {
			t.Fatalf("got %+v, want new rows inserted and the page and both old figures updated", report)
		}
		medians, err := models.ListReferenceFacts(ctx, db, models.TopicWageMedians)
		if err != nil {
			t.Fatal(err)
		}
		var got []string
		for _, f := range medians {
			got = append(got, f.Period+" "+f.SOCCode+" "+f.Value)
		}
		want := []string{"May 2025 29-2072 $51,140", "May 2025 29-9021 $68,020", "May 2024 29-2072 $50,250",
			"May 2019 29-2071 $42,630", "~2017 29-2071 $39,180", "May 2014 29-2071 $36,000"}
		if strings.Join(got, "; ") != strings.Join(want, "; ") {
			t.Errorf("got medians\n%s\nwant\n%s", strings.Join(got, "; "), strings.Join(want, "; "))
		}
		if medians[3].Source == "old source" {
			t.Errorf("the unedited May 2019 median kept its old source %q", medians[3].Source)
		}
		page, err := models.ReferencePageBySlug(ctx, db, "wages")
		if err != nil {
			t.Fatal(err)
		}
		if !strings.Contains(page.Body, "May 2025") {
			t.Errorf("the unedited wages page still reads %.80q, want the file's newer text", page.Body)
		}
		occupations, err := models.ListReferenceOccupations(ctx, db)
		if err != nil {
			t.Fatal(err)
		}
		if len(occupations) != 3 || occupations[1].SOCCode != "29-2072" || occupations[1].SplitFrom != "29-2071" {
			t.Errorf("got occupations %+v, want 29-2071 then 29-2072 and 29-9021 split from it", occupations)
		}
	})
}
