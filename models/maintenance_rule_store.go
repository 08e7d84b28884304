package models

import (
	"context"
	"fmt"
	"time"

	"gorm.io/gorm"
)

// MaintenanceRuleRow is one row of maintenance_rules: a dated version of a
// credential's maintenance rule as stored and edited by admins.
type MaintenanceRuleRow struct {
	ID                       int64      `gorm:"column:id;primaryKey"`
	CredentialCode           string     `gorm:"column:credential_code"`
	Body                     string     `gorm:"column:body"`
	EffectiveFrom            *time.Time `gorm:"column:effective_from"`
	EffectiveTo              *time.Time `gorm:"column:effective_to"`
	CycleKind                string     `gorm:"column:cycle_kind"`
	CycleYears               int        `gorm:"column:cycle_years"`
	DueOffsetDays            int        `gorm:"column:due_offset_days"`
	GraceDaysUntilRevoked    int        `gorm:"column:grace_days_until_revoked"`
	CEUsPerCycle             int        `gorm:"column:ceus_per_cycle"`
	Unit                     string     `gorm:"column:unit"`
	AdditionalCredentialCEUs int        `gorm:"column:additional_credential_ceus"`
	CombinedMaxCEUs          int        `gorm:"column:combined_max_ceus"`
	Replaces                 string     `gorm:"column:replaces"`
	HIIMSharePercent         int        `gorm:"column:hiim_share_percent"`
	AHIMASourceSharePercent  int        `gorm:"column:ahima_source_share_percent"`
	CategoryACEUs            int        `gorm:"column:category_a_ceus"`
	InPersonCEUsTwoCycles    int        `gorm:"column:in_person_ceus_two_cycles"`
	SelfReviews              int        `gorm:"column:self_reviews"`
	SelfReviewCEUs           int        `gorm:"column:self_review_ceus"`
	Source                   string     `gorm:"column:source"`
}

// TableName maps MaintenanceRuleRow to maintenance_rules.
func (MaintenanceRuleRow) TableName() string { return "maintenance_rules" }

// Rule converts the row to the value the pure rules work with.
func (r MaintenanceRuleRow) Rule() MaintenanceRule {
	return MaintenanceRule{
		CredentialCode: r.CredentialCode, Body: r.Body,
		EffectiveFrom: ceuDateOrZero(r.EffectiveFrom), EffectiveTo: ceuDateOrZero(r.EffectiveTo),
		CycleKind: CycleKind(r.CycleKind), CycleYears: r.CycleYears,
		DueOffsetDays: r.DueOffsetDays, GraceDaysUntilRevoked: r.GraceDaysUntilRevoked,
		CEUsPerCycle: r.CEUsPerCycle, Unit: r.Unit,
		AdditionalCredentialCEUs: r.AdditionalCredentialCEUs, CombinedMaxCEUs: r.CombinedMaxCEUs,
		Replaces: r.Replaces, HIIMSharePercent: r.HIIMSharePercent,
		AHIMASourceSharePercent: r.AHIMASourceSharePercent, CategoryACEUs: r.CategoryACEUs,
		InPersonCEUsTwoCycles: r.InPersonCEUsTwoCycles,
		SelfReviews:           r.SelfReviews, SelfReviewCEUs: r.SelfReviewCEUs, Source: r.Source,
	}
}

// LoadMaintenanceRules returns every stored rule version, in id order.
func LoadMaintenanceRules(ctx context.Context, db *gorm.DB) ([]MaintenanceRule, error) {
	var rows []MaintenanceRuleRow
	if err := db.WithContext(ctx).Order("id").Find(&rows).Error; err != nil {
		return nil, fmt.Errorf("load maintenance rules: %w", err)
	}
	rules := make([]MaintenanceRule, len(rows))
	for i, row := range rows {
		rules[i] = row.Rule()
	}
	return rules, nil
}

// ceuDateOrZero returns the date a nullable column holds, or the zero time for NULL.
func ceuDateOrZero(d *time.Time) time.Time {
	if d == nil {
		return time.Time{}
	}
	return DateOnly(d.UTC())
}

// ceuDatePtr returns nil for the zero time, else a pointer to the date.
func ceuDatePtr(d time.Time) *time.Time {
	if d.IsZero() {
		return nil
	}
	date := DateOnly(d)
	return &date
}
