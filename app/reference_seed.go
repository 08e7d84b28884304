package app

import (
	"context"
	"fmt"
	"io/fs"
	"path"
	"time"

	"gorm.io/gorm"

	"hitpath/migrations"
	"hitpath/models"
)

// LoadReferenceSeed parses the career reference content embedded in the binary
// (migrations/data: career-facts.yaml and reference/*.md).
func LoadReferenceSeed() (models.ReferenceSeed, error) {
	facts, err := fs.ReadFile(migrations.FS, "data/career-facts.yaml")
	if err != nil {
		return models.ReferenceSeed{}, fmt.Errorf("read career facts: %w", err)
	}
	names, err := fs.Glob(migrations.FS, "data/reference/*.md")
	if err != nil {
		return models.ReferenceSeed{}, fmt.Errorf("list reference pages: %w", err)
	}
	pages := make(map[string][]byte, len(names))
	for _, name := range names {
		raw, err := fs.ReadFile(migrations.FS, name)
		if err != nil {
			return models.ReferenceSeed{}, fmt.Errorf("read %s: %w", name, err)
		}
		pages[path.Base(name)] = raw
	}
	return models.ParseReferenceSeed(facts, pages)
}

// SeedReferenceContent loads the embedded reference content into db: missing rows are
// added, unedited rows follow the files, and rows an admin edited are kept.
func SeedReferenceContent(ctx context.Context, db *gorm.DB, now time.Time) (models.SeedReport, error) {
	seed, err := LoadReferenceSeed()
	if err != nil {
		return models.SeedReport{}, err
	}
	return models.SeedReference(ctx, db, seed, now)
}
