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
	// FirstYear is the first year the credential (or the one it renamed) could have
	// been earned; an earlier pass date is refused.
	FirstYear int `gorm:"column:first_year" json:"-"`
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
	// CurrentAsOf is the day the holder said the credential was current; nil when
	// they did not (a lapsed credential, or not said).
	CurrentAsOf *time.Time `gorm:"column:current_as_of"`
	CreatedAt   time.Time  `gorm:"column:created_at"`
	UpdatedAt   time.Time  `gorm:"column:updated_at"`
}

// TableName maps HeldCredential to held_credentials.
func (HeldCredential) TableName() string { return "held_credentials" }

// Facts returns what the maintenance rules need to know about the credential.
func (h HeldCredential) Facts() HeldCredentialFacts {
	return HeldCredentialFacts{
		Code: h.CredentialCode, EarnedOn: DateOnly(h.EarnedOn.UTC()),
		OverrideStart: dateOrZero(h.CycleStartOverride), OverrideEnd: dateOrZero(h.CycleEndOverride),
		CurrentFrom: dateOrZero(h.CurrentAsOf), NotCurrent: h.CurrentAsOf == nil,
	}
}

// SetOverride sets or clears the cycle dates the certifying body shows.
func (h *HeldCredential) SetOverride(start, end time.Time) {
	h.CycleStartOverride, h.CycleEndOverride = datePtr(start), datePtr(end)
}

// SetCurrent records whether the holder says the credential is current. Saying so
// again keeps the first day they did; saying it is not clears it.
func (h *HeldCredential) SetCurrent(current bool, today time.Time) {
	switch {
	case !current:
		h.CurrentAsOf = nil
	case h.CurrentAsOf == nil:
		h.CurrentAsOf = datePtr(DateOnly(today))
	}
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
			Select("credential_code", "certificate_number", "earned_on", "cycle_start_override", "cycle_end_override", "current_as_of", "updated_at").
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
// names each problem by field: a known code, a pass date neither in the future nor
// before the credential's first year, and a complete cycle override spanning one to
// three years.
func HeldCredentialProblems(h HeldCredential, known []CredentialType, today time.Time) map[string]string {
	problems := Problems{}
	kind, ok := credentialType(known, h.CredentialCode)
	if !ok {
		problems.add("credential_code", fmt.Sprintf("Choose a credential from the list: %q is not one hitpath knows.", h.CredentialCode))
	}
	switch {
	case h.EarnedOn.IsZero():
		problems.add("earned_on", "Enter the date you passed the exam, like 2024-03-15.")
	case DateOnly(h.EarnedOn).After(DateOnly(today)):
		problems.add("earned_on", "The pass date can't be in the future.")
	case ok && kind.FirstYear > 0 && h.EarnedOn.Year() < kind.FirstYear:
		problems.add("earned_on", fmt.Sprintf("%s could not be earned before %d: check the pass date's year.", kind.Code, kind.FirstYear))
	}
	start, end := dateOrZero(h.CycleStartOverride), dateOrZero(h.CycleEndOverride)
	switch {
	case start.IsZero() != end.IsZero():
		problems.add("cycle_end_override", "Enter both the cycle start and end dates your certifying body shows, or neither.")
	case !start.IsZero() && !end.After(start):
		problems.add("cycle_end_override", "The cycle end date must be after its start date.")
	case !start.IsZero() && !OverrideSpanPlausible(start, end):
		problems.add("cycle_end_override", "A cycle lasts one to three years: check the start and end dates your certifying body shows.")
	}
	return problems.orNil()
}

// OverrideSpanPlausible reports whether a cycle from start to end (both included)
// lasts at least one year and at most three.
func OverrideSpanPlausible(start, end time.Time) bool {
	start, end = DateOnly(start), DateOnly(end)
	return !end.Before(AddDays(AddYears(start, 1), -1)) && !end.After(AddDays(AddYears(start, 3), -1))
}

// credentialType finds code in the catalogue.
func credentialType(known []CredentialType, code string) (CredentialType, bool) {
	for _, t := range known {
		if t.Code == code {
			return t, true
		}
	}
	return CredentialType{}, false
}
