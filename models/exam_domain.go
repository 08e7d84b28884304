package models

import (
	"context"
	"fmt"

	"gorm.io/gorm"
)

// examDomainRow mirrors a row of exam_domains, the live (admin-edited) exam outlines.
type examDomainRow struct {
	ID             int64  `gorm:"column:id;primaryKey"`
	CredentialCode string `gorm:"column:credential_code"`
	Position       int    `gorm:"column:position"`
	Name           string `gorm:"column:name"`
	WeightLow      int    `gorm:"column:weight_low"`
	WeightHigh     int    `gorm:"column:weight_high"`
}

func (examDomainRow) TableName() string { return "exam_domains" }

// ExamOutlineFor loads the exam outline of a credential from exam_domains, in outline
// order. A credential without domains has an empty outline, not an error.
func ExamOutlineFor(ctx context.Context, db *gorm.DB, code string) ([]ExamDomain, error) {
	var rows []examDomainRow
	if err := db.WithContext(ctx).Where("credential_code = ?", code).Order("position").Find(&rows).Error; err != nil {
		return nil, fmt.Errorf("load exam outline of %s: %w", code, err)
	}
	outline := make([]ExamDomain, len(rows))
	for i, r := range rows {
		outline[i] = ExamDomain{Position: r.Position, Name: r.Name, WeightLow: r.WeightLow, WeightHigh: r.WeightHigh}
	}
	return outline, nil
}

// OutlineHasDomain reports whether position is a domain of outline.
func OutlineHasDomain(outline []ExamDomain, position int) bool {
	for _, d := range outline {
		if d.Position == position {
			return true
		}
	}
	return false
}
