package models

import (
	"context"
	"errors"
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
		EffectiveFrom: dateOrZero(r.EffectiveFrom), EffectiveTo: dateOrZero(r.EffectiveTo),
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

// ListMaintenanceRuleRows returns the stored rule versions by credential and date,
// for the admin page.
func ListMaintenanceRuleRows(ctx context.Context, db *gorm.DB) ([]MaintenanceRuleRow, error) {
	var rows []MaintenanceRuleRow
	if err := db.WithContext(ctx).Order("credential_code, effective_from NULLS FIRST, id").Find(&rows).Error; err != nil {
		return nil, fmt.Errorf("list maintenance rules: %w", err)
	}
	return rows, nil
}

// MaintenanceRuleRowByID loads one rule version.
func MaintenanceRuleRowByID(ctx context.Context, db *gorm.DB, id int64) (MaintenanceRuleRow, error) {
	var row MaintenanceRuleRow
	err := db.WithContext(ctx).Take(&row, id).Error
	return row, notFound(err, fmt.Sprintf("load maintenance rule %d", id))
}

// MaintenanceRuleProblems checks an edited rule version and names each problem by
// field.
func MaintenanceRuleProblems(r MaintenanceRuleRow) map[string]string {
	problems := map[string]string{}
	from, to := dateOrZero(r.EffectiveFrom), dateOrZero(r.EffectiveTo)
	if !from.IsZero() && !to.IsZero() && !to.After(from) {
		problems["effective_to"] = "The end of the rule's validity must be after its start."
	}
	if r.CycleYears < 1 || r.CycleYears > 10 {
		problems["cycle_years"] = "A cycle lasts 1 to 10 years."
	}
	if r.CEUsPerCycle <= 0 || r.CEUsPerCycle > 10000 {
		problems["ceus_per_cycle"] = "The CEUs per cycle must be more than 0 and at most 100."
	}
	for field, percent := range map[string]int{"hiim_share_percent": r.HIIMSharePercent, "ahima_source_share_percent": r.AHIMASourceSharePercent} {
		if percent < 0 || percent > 100 {
			problems[field] = "Enter a percentage from 0 to 100."
		}
	}
	for field, amount := range map[string]int{"category_a_ceus": r.CategoryACEUs, "in_person_ceus_two_cycles": r.InPersonCEUsTwoCycles} {
		if amount < 0 || amount > 2*10000 {
			problems[field] = "Enter from 0 to 200 CEUs."
		}
	}
	for field, days := range map[string]int{"grace_days_until_revoked": r.GraceDaysUntilRevoked, "due_offset_days": r.DueOffsetDays} {
		if days < 0 || days > 3660 {
			problems[field] = "Enter from 0 to 3660 days."
		}
	}
	if len(problems) == 0 {
		return nil
	}
	return problems
}

// SaveMaintenanceRuleRow updates a rule version and records who changed it, in one
// transaction.
func SaveMaintenanceRuleRow(ctx context.Context, db *gorm.DB, actor AuditActor, row MaintenanceRuleRow) error {
	return db.WithContext(ctx).Transaction(func(tx *gorm.DB) error {
		res := tx.Model(&row).Select("effective_from", "effective_to", "cycle_years", "due_offset_days", "grace_days_until_revoked",
			"ceus_per_cycle", "hiim_share_percent", "ahima_source_share_percent", "category_a_ceus",
			"in_person_ceus_two_cycles", "source").Updates(&row)
		if res.Error != nil {
			return fmt.Errorf("update maintenance rule %d: %w", row.ID, res.Error)
		}
		if res.RowsAffected == 0 {
			return ErrNotFound
		}
		return WriteAudit(tx, actor, "maintenance_rule.updated", fmt.Sprintf("maintenance_rule:%d", row.ID), row.CredentialCode)
	})
}

// SupersedeMaintenanceRule starts a new version of rule id on from: the old version
// now ends there, and the new one, a copy to be edited, runs from it to where the old
// one used to end. Cycles already started keep being judged by the old version.
func SupersedeMaintenanceRule(ctx context.Context, db *gorm.DB, actor AuditActor, id int64, from time.Time) (MaintenanceRuleRow, error) {
	var next MaintenanceRuleRow
	err := db.WithContext(ctx).Transaction(func(tx *gorm.DB) error {
		var old MaintenanceRuleRow
		if err := tx.Take(&old, id).Error; err != nil {
			return notFound(err, fmt.Sprintf("load maintenance rule %d", id))
		}
		start, end := dateOrZero(old.EffectiveFrom), dateOrZero(old.EffectiveTo)
		if !from.After(start) || (!end.IsZero() && !from.Before(end)) {
			return ErrRuleDateOutside
		}
		next = old
		next.ID, next.EffectiveFrom = 0, datePtr(from)
		if err := tx.Model(&old).Update("effective_to", DateOnly(from)).Error; err != nil {
			return fmt.Errorf("end maintenance rule %d: %w", id, err)
		}
		if err := tx.Create(&next).Error; err != nil {
			return fmt.Errorf("add maintenance rule version: %w", err)
		}
		return WriteAudit(tx, actor, "maintenance_rule.superseded", fmt.Sprintf("maintenance_rule:%d", id), DateOnly(from).Format(time.DateOnly))
	})
	return next, err
}

// ErrRuleDateOutside means a new rule version must start inside the old one's validity.
var ErrRuleDateOutside = errors.New("the new version must start inside the current one's dates")
