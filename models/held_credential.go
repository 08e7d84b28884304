package models

import (
	"context"
	"errors"
	"fmt"
	"time"

	"gorm.io/gorm"
)

// ErrDuplicateCredential means the learner already holds a credential of that type.
var ErrDuplicateCredential = errors.New("credential already held")

// CredentialType is one credential of the seeded catalogue.
type CredentialType struct {
	Code         string `gorm:"column:code;primaryKey" json:"code"`
	Name         string `gorm:"column:name" json:"name"`
	Body         string `gorm:"column:body" json:"body"`
	CEUsPerCycle int    `gorm:"column:ceus_per_cycle" json:"-"`
	CycleYears   int    `gorm:"column:cycle_years" json:"-"`
	Position     int    `gorm:"column:position" json:"-"`
}

// TableName maps CredentialType to credential_types.
func (CredentialType) TableName() string { return "credential_types" }

// ListCredentialTypes returns the catalogue in display order.
func ListCredentialTypes(ctx context.Context, db *gorm.DB) ([]CredentialType, error) {
	var types []CredentialType
	if err := db.WithContext(ctx).Order("position, code").Find(&types).Error; err != nil {
		return nil, fmt.Errorf("list credential types: %w", err)
	}
	return types, nil
}

// HeldCredential is a credential a learner holds: a row of held_credentials.
type HeldCredential struct {
	ID                 int64      `gorm:"column:id;primaryKey"`
	UserID             int64      `gorm:"column:user_id"`
	CredentialCode     string     `gorm:"column:credential_code"`
	CertificateNumber  string     `gorm:"column:certificate_number"`
	EarnedOn           time.Time  `gorm:"column:earned_on"`
	CycleStartOverride *time.Time `gorm:"column:cycle_start_override"`
	CycleEndOverride   *time.Time `gorm:"column:cycle_end_override"`
	CreatedAt          time.Time  `gorm:"column:created_at"`
	UpdatedAt          time.Time  `gorm:"column:updated_at"`
}

// TableName maps HeldCredential to held_credentials.
func (HeldCredential) TableName() string { return "held_credentials" }

// Facts returns what the maintenance rules need to know about the credential.
func (h HeldCredential) Facts() HeldCredentialFacts {
	return HeldCredentialFacts{
		Code: h.CredentialCode, EarnedOn: DateOnly(h.EarnedOn.UTC()),
		OverrideStart: dateOrZero(h.CycleStartOverride), OverrideEnd: dateOrZero(h.CycleEndOverride),
	}
}

// SetOverride sets or clears the cycle dates the certifying body shows.
func (h *HeldCredential) SetOverride(start, end time.Time) {
	h.CycleStartOverride, h.CycleEndOverride = datePtr(start), datePtr(end)
}

// ListHeldCredentials returns a learner's credentials, earliest earned first.
func ListHeldCredentials(ctx context.Context, db *gorm.DB, userID int64) ([]HeldCredential, error) {
	var held []HeldCredential
	err := db.WithContext(ctx).Where("user_id = ?", userID).Order("earned_on, id").Find(&held).Error
	if err != nil {
		return nil, fmt.Errorf("load held credentials for user %d: %w", userID, err)
	}
	for i := range held {
		held[i].EarnedOn = DateOnly(held[i].EarnedOn.UTC())
	}
	return held, nil
}

// HeldCredentialForUser loads one of the learner's credentials; another learner's is
// ErrNotFound.
func HeldCredentialForUser(ctx context.Context, db *gorm.DB, userID, id int64) (HeldCredential, error) {
	var h HeldCredential
	err := db.WithContext(ctx).Where("id = ? AND user_id = ?", id, userID).Take(&h).Error
	h.EarnedOn = DateOnly(h.EarnedOn.UTC())
	return h, notFound(err, fmt.Sprintf("load held credential %d for user %d", id, userID))
}

// SaveHeldCredential inserts h (ID 0) or updates the learner's own row.
func SaveHeldCredential(ctx context.Context, db *gorm.DB, h *HeldCredential, now time.Time) error {
	h.EarnedOn = DateOnly(h.EarnedOn)
	h.UpdatedAt = now
	var err error
	if h.ID == 0 {
		h.CreatedAt = now
		err = db.WithContext(ctx).Create(h).Error
	} else {
		res := db.WithContext(ctx).Model(h).Where("user_id = ?", h.UserID).
			Select("credential_code", "certificate_number", "earned_on", "cycle_start_override", "cycle_end_override", "updated_at").
			Updates(h)
		err = res.Error
		if err == nil && res.RowsAffected == 0 {
			return ErrNotFound
		}
	}
	if isUniqueViolation(err) {
		return ErrDuplicateCredential
	}
	if err != nil {
		return fmt.Errorf("save held credential %s for user %d: %w", h.CredentialCode, h.UserID, err)
	}
	return nil
}

// DeleteHeldCredential removes one of the learner's credentials.
func DeleteHeldCredential(ctx context.Context, db *gorm.DB, userID, id int64) error {
	res := db.WithContext(ctx).Where("id = ? AND user_id = ?", id, userID).Delete(&HeldCredential{})
	if res.Error != nil {
		return fmt.Errorf("delete held credential %d for user %d: %w", id, userID, res.Error)
	}
	if res.RowsAffected == 0 {
		return ErrNotFound
	}
	return nil
}

// EarliestEarnedOn returns the first pass date among the credentials, the day from
// which CEUs can count; zero when there are none.
func EarliestEarnedOn(held []HeldCredential) time.Time {
	var earliest time.Time
	for _, h := range held {
		if earliest.IsZero() || h.EarnedOn.Before(earliest) {
			earliest = h.EarnedOn
		}
	}
	return earliest
}

// HeldCredentialProblems checks a credential a learner is adding or editing and
// names each problem by field: known code, a pass date not in the future, and a
// complete, ordered cycle override.
func HeldCredentialProblems(h HeldCredential, known []CredentialType, today time.Time) map[string]string {
	problems := map[string]string{}
	if !isKnownCredential(known, h.CredentialCode) {
		problems["credential_code"] = fmt.Sprintf("Choose a credential from the list: %q is not one hitpath knows.", h.CredentialCode)
	}
	if h.EarnedOn.IsZero() {
		problems["earned_on"] = "Enter the date you passed the exam, like 2024-03-15."
	} else if DateOnly(h.EarnedOn).After(DateOnly(today)) {
		problems["earned_on"] = "The pass date can't be in the future."
	}
	start, end := dateOrZero(h.CycleStartOverride), dateOrZero(h.CycleEndOverride)
	switch {
	case start.IsZero() != end.IsZero():
		problems["cycle_end_override"] = "Enter both the cycle start and end dates your certifying body shows, or neither."
	case !start.IsZero() && !end.After(start):
		problems["cycle_end_override"] = "The cycle end date must be after its start date."
	}
	if len(problems) == 0 {
		return nil
	}
	return problems
}

func isKnownCredential(known []CredentialType, code string) bool {
	for _, t := range known {
		if t.Code == code {
			return true
		}
	}
	return false
}
