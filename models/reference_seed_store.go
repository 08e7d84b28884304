package models

import (
	"context"
	"fmt"
	"time"

	"gorm.io/gorm"
	"gorm.io/gorm/clause"
)

// SeedReport counts what SeedReference did.
type SeedReport struct {
	Inserted int // rows that did not exist
	Updated  int // unedited rows whose seed content changed
	Kept     int // rows an admin edited, left as they are
}

// Changed reports whether the seed wrote anything.
func (r SeedReport) Changed() bool { return r.Inserted+r.Updated > 0 }

// SeedReference brings the reference tables in line with seed in one transaction:
// it inserts missing pages and facts, updates rows no admin has edited whose content
// differs, and never touches a row an admin edited. Running it twice writes nothing
// the second time, and the content revision moves only when something changed.
// Processes seeding at the same moment take turns (an advisory lock on PostgreSQL,
// the single writer on SQLite), and an insert that meets a row another seeder added
// is skipped rather than failing.
func SeedReference(ctx context.Context, db *gorm.DB, seed ReferenceSeed, now time.Time) (SeedReport, error) {
	var report SeedReport
	now = now.UTC()
	err := db.WithContext(ctx).Transaction(func(tx *gorm.DB) error {
		if err := lockSeeding(tx); err != nil {
			return err
		}
		if err := seedReferencePages(tx, seed.Pages, now, &report); err != nil {
			return err
		}
		if err := seedReferenceOccupations(tx, seed.Occupations, now, &report); err != nil {
			return err
		}
		if err := seedReferenceFacts(tx, seed.Facts, now, &report); err != nil {
			return err
		}
		if !report.Changed() {
			return nil
		}
		return bumpReferenceRevision(tx, now)
	})
	if err != nil {
		return SeedReport{}, fmt.Errorf("seed reference content: %w", err)
	}
	return report, nil
}

func seedReferencePages(tx *gorm.DB, pages []SeedPage, now time.Time, report *SeedReport) error {
	var existing []ReferencePage
	if err := tx.Find(&existing).Error; err != nil {
		return fmt.Errorf("load pages: %w", err)
	}
	bySlug := make(map[string]ReferencePage, len(existing))
	for _, page := range existing {
		bySlug[page.Slug] = page
	}
	var missing []ReferencePage
	for _, seedPage := range pages {
		want := ReferencePage{Slug: seedPage.Slug, Title: seedPage.Title, Summary: seedPage.Summary,
			Body: seedPage.Body, Position: seedPage.Position, UpdatedAt: now}
		have, found := bySlug[seedPage.Slug]
		switch {
		case !found:
			missing = append(missing, want)
		case have.EditedAt != nil:
			report.Kept++
		case have.Title != want.Title || have.Summary != want.Summary || have.Body != want.Body || have.Position != want.Position:
			err := tx.Model(&ReferencePage{}).Where("id = ? AND edited_at IS NULL", have.ID).Updates(map[string]any{
				"title": want.Title, "summary": want.Summary, "body": want.Body, "position": want.Position, "updated_at": now}).Error
			if err != nil {
				return fmt.Errorf("update page %s: %w", want.Slug, err)
			}
			report.Updated++
		}
	}
	if len(missing) > 0 {
		res := tx.Clauses(clause.OnConflict{DoNothing: true}).Create(&missing)
		if res.Error != nil {
			return fmt.Errorf("insert pages: %w", res.Error)
		}
		report.Inserted += int(res.RowsAffected)
	}
	return nil
}

func seedReferenceFacts(tx *gorm.DB, facts []SeedFact, now time.Time, report *SeedReport) error {
	var existing []ReferenceFact
	if err := tx.Find(&existing).Error; err != nil {
		return fmt.Errorf("load facts: %w", err)
	}
	byKey := make(map[[2]string]ReferenceFact, len(existing))
	for _, fact := range existing {
		byKey[[2]string{fact.Topic, fact.Label}] = fact
	}
	var missing []ReferenceFact
	for i, seedFact := range facts {
		want := ReferenceFact{Topic: seedFact.Topic, Label: seedFact.Label, Value: seedFact.Value, Number: seedFact.Number,
			Unit: seedFact.Unit, Geography: seedFact.Geography, Period: seedFact.Period, Source: seedFact.Source,
			Position: i + 1, UpdatedAt: now, SOCCode: seedFact.SOCCode}
		have, found := byKey[[2]string{want.Topic, want.Label}]
		switch {
		case !found:
			missing = append(missing, want)
		case have.EditedAt != nil && have.SOCCode != want.SOCCode:
			// Admins edit what a figure says, not the occupation it was counted under.
			if err := tx.Model(&ReferenceFact{}).Where("id = ?", have.ID).Update("soc_code", want.SOCCode).Error; err != nil {
				return fmt.Errorf("update occupation of fact %s/%s: %w", want.Topic, want.Label, err)
			}
			report.Updated++
		case have.EditedAt != nil:
			report.Kept++
		case !sameFactContent(have, want):
			err := tx.Model(&ReferenceFact{}).Where("id = ? AND edited_at IS NULL", have.ID).Updates(map[string]any{
				"value": want.Value, "number": want.Number, "unit": want.Unit, "geography": want.Geography,
				"period": want.Period, "source": want.Source, "position": want.Position, "soc_code": want.SOCCode,
				"updated_at": now}).Error
			if err != nil {
				return fmt.Errorf("update fact %s/%s: %w", want.Topic, want.Label, err)
			}
			report.Updated++
		}
	}
	if len(missing) > 0 {
		res := tx.Clauses(clause.OnConflict{DoNothing: true}).CreateInBatches(&missing, 200)
		if res.Error != nil {
			return fmt.Errorf("insert facts: %w", res.Error)
		}
		report.Inserted += int(res.RowsAffected)
	}
	return nil
}

// seedLockID names the advisory lock seeders take; any constant unique to hitpath.
const seedLockID = 0x68697470_73656564 // "hitpseed"

// lockSeeding makes concurrent seeders take turns until tx ends: an advisory lock on
// PostgreSQL. SQLite needs nothing: its write transactions begin IMMEDIATE, taking
// the database's one write lock before their first read, in this process and in
// another seeding beside it.
func lockSeeding(tx *gorm.DB) error {
	if tx.Dialector.Name() != "postgres" {
		return nil
	}
	if err := tx.Exec("SELECT pg_advisory_xact_lock(?)", int64(seedLockID)).Error; err != nil {
		return fmt.Errorf("lock reference seeding: %w", err)
	}
	return nil
}

// sameFactContent compares what the seed owns of a fact.
func sameFactContent(a, b ReferenceFact) bool {
	return a.Value == b.Value && a.Number == b.Number && a.Unit == b.Unit && a.Geography == b.Geography &&
		a.Period == b.Period && a.Source == b.Source && a.Position == b.Position && a.SOCCode == b.SOCCode
}
