package models

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"time"

	"gorm.io/gorm"
	"gorm.io/gorm/clause"
)

// ReferenceOccupation is an occupation the career figures describe, under the code of
// the Standard Occupational Classification it was counted under. The 2018 SOC split
// 29-2071 into 29-2072 and part of 29-9021: those name 29-2071 in SplitFrom.
type ReferenceOccupation struct {
	SOCCode   string    `gorm:"column:soc_code;primaryKey"`
	Title     string    `gorm:"column:title"`
	SplitFrom string    `gorm:"column:split_from"`
	Note      string    `gorm:"column:note"`
	Source    string    `gorm:"column:source"`
	Position  int       `gorm:"column:position"`
	UpdatedAt time.Time `gorm:"column:updated_at"`
}

// TableName maps ReferenceOccupation to reference_occupations.
func (ReferenceOccupation) TableName() string { return "reference_occupations" }

// ListReferenceOccupations returns the occupations in the order of the seed file.
func ListReferenceOccupations(ctx context.Context, db *gorm.DB) ([]ReferenceOccupation, error) {
	var occupations []ReferenceOccupation
	if err := db.WithContext(ctx).Order("position, soc_code").Find(&occupations).Error; err != nil {
		return nil, fmt.Errorf("list reference occupations: %w", err)
	}
	return occupations, nil
}

// DefinitionChange is a sentence saying how the occupation of some figures was
// redefined, for a chart or list whose figures were counted under more than one
// code: "" when they share one code (or name none).
func DefinitionChange(occupations []ReferenceOccupation, facts []ReferenceFact) string {
	var codes []string
	for _, f := range facts {
		if f.SOCCode != "" && !slices.Contains(codes, f.SOCCode) {
			codes = append(codes, f.SOCCode)
		}
	}
	if len(codes) < 2 {
		return ""
	}
	byCode := map[string]ReferenceOccupation{}
	for _, o := range occupations {
		byCode[o.SOCCode] = o
	}
	var older string
	var parts []string
	for _, o := range occupations {
		if o.SplitFrom == "" || !slices.Contains(codes, o.SOCCode) && !slices.Contains(codes, o.SplitFrom) {
			continue
		}
		older = o.SplitFrom
		parts = append(parts, fmt.Sprintf("%s %s (%s)", o.SOCCode, o.Title, o.Note))
	}
	if older == "" {
		return ""
	}
	return fmt.Sprintf("The occupation was redefined in the 2018 Standard Occupational Classification (SOC): %s %s was split into %s. "+
		"Figures are labelled with the code they were counted under; older and newer figures describe different groups of workers.",
		older, byCode[older].Title, strings.Join(parts, " and "))
}

// seedReferenceOccupations inserts missing occupations and updates changed ones
// (occupations are not edited in the app: the seed file owns them).
func seedReferenceOccupations(tx *gorm.DB, occupations []SeedOccupation, now time.Time, report *SeedReport) error {
	var existing []ReferenceOccupation
	if err := tx.Find(&existing).Error; err != nil {
		return fmt.Errorf("load occupations: %w", err)
	}
	for i, o := range occupations {
		want := ReferenceOccupation{SOCCode: o.SOCCode, Title: o.Title, SplitFrom: o.SplitFrom, Note: o.Note,
			Source: o.Source, Position: i + 1, UpdatedAt: now}
		j := slices.IndexFunc(existing, func(e ReferenceOccupation) bool { return e.SOCCode == o.SOCCode })
		if j >= 0 {
			have := existing[j]
			have.UpdatedAt = now
			if have == want {
				continue
			}
		}
		err := tx.Clauses(clause.OnConflict{Columns: []clause.Column{{Name: "soc_code"}},
			DoUpdates: clause.AssignmentColumns([]string{"title", "split_from", "note", "source", "position", "updated_at"})}).
			Create(&want).Error
		if err != nil {
			return fmt.Errorf("save occupation %s: %w", o.SOCCode, err)
		}
		if j >= 0 {
			report.Updated++
		} else {
			report.Inserted++
		}
	}
	return nil
}
