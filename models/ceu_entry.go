package models

import (
	"context"
	"fmt"
	"time"

	"gorm.io/gorm"
)

// MaxCEUsPerEntry is the most one activity may claim, in hundredths: 40 CEUs.
const MaxCEUsPerEntry = 4000

// CEUEntry is one CEU activity a holder logged: a row of ceu_entries.
type CEUEntry struct {
	ID           int64     `gorm:"column:id;primaryKey"`
	UserID       int64     `gorm:"column:user_id"`
	ActivityDate time.Time `gorm:"column:activity_date"`
	Title        string    `gorm:"column:title"`
	Provider     string    `gorm:"column:provider"`
	ProviderKind string    `gorm:"column:provider_kind"`
	// Minutes is the duration when the holder logged one; CEUs then follow from it.
	Minutes      *int      `gorm:"column:minutes"`
	CEUs         int       `gorm:"column:ceus"` // hundredths
	InHIIMDomain bool      `gorm:"column:in_hiim_domain"`
	CategoryA    bool      `gorm:"column:category_a"`
	Delivery     string    `gorm:"column:delivery"`
	Notes        string    `gorm:"column:notes"`
	CreatedAt    time.Time `gorm:"column:created_at"`
	UpdatedAt    time.Time `gorm:"column:updated_at"`
}

// TableName maps CEUEntry to ceu_entries.
func (CEUEntry) TableName() string { return "ceu_entries" }

// Activity returns what the maintenance rules count of the entry.
func (e CEUEntry) Activity() CEUActivity {
	return CEUActivity{
		ID: e.ID, Date: DateOnly(e.ActivityDate.UTC()), CEUs: e.CEUs, InHIIMDomain: e.InHIIMDomain,
		ProviderKind: ProviderKind(e.ProviderKind), CategoryA: e.CategoryA, Delivery: Delivery(e.Delivery),
	}
}

// Activities converts entries for the rules.
func Activities(entries []CEUEntry) []CEUActivity {
	out := make([]CEUActivity, len(entries))
	for i, e := range entries {
		out[i] = e.Activity()
	}
	return out
}

// CEU categories a list can be filtered by.
const (
	CategoryHIIM        = "hiim"
	CategoryOther       = "other"
	CategoryAHIMASource = "ahima_source"
	CategoryNCRAA       = "category_a"
	CategoryInPerson    = "in_person"
)

// ParseCEUCategory checks a category filter: "" (all) or one of the Category
// constants. It returns the category, or a message naming the accepted values.
func ParseCEUCategory(s string) (string, string) {
	switch s {
	case "", CategoryHIIM, CategoryOther, CategoryAHIMASource, CategoryNCRAA, CategoryInPerson:
		return s, ""
	}
	return "", fmt.Sprintf("Choose a category: %s, %s, %s, %s or %s (or none for all).",
		CategoryHIIM, CategoryOther, CategoryAHIMASource, CategoryNCRAA, CategoryInPerson)
}

// CEUFilter narrows a learner's entry list: to a cycle's dates and to a category.
// Zero values mean no limit.
type CEUFilter struct {
	From, To time.Time
	Category string
	// Words must each appear in the title, provider or notes (case-insensitive for
	// ASCII letters); see ParseCEUSearch.
	Words []string
	// RulesOnly loads only the columns the maintenance rules count (no titles or
	// notes), for computing progress over a whole history.
	RulesOnly bool
}

// ruleColumns are the entry columns CEUEntry.Activity reads.
var ruleColumns = []string{"id", "user_id", "activity_date", "provider_kind", "ceus", "in_hiim_domain", "category_a", "delivery"}

// ListCEUEntries returns the learner's entries matching filter, newest first.
func ListCEUEntries(ctx context.Context, db *gorm.DB, userID int64, filter CEUFilter) ([]CEUEntry, error) {
	q := db.WithContext(ctx).Where("user_id = ?", userID)
	if !filter.From.IsZero() {
		q = q.Where("activity_date >= ?", DateOnly(filter.From))
	}
	if !filter.To.IsZero() {
		q = q.Where("activity_date <= ?", DateOnly(filter.To))
	}
	switch filter.Category {
	case CategoryHIIM:
		q = q.Where("in_hiim_domain = ?", true)
	case CategoryOther:
		q = q.Where("in_hiim_domain = ?", false)
	case CategoryAHIMASource:
		q = q.Where("provider_kind IN ?", []string{string(ProviderAHIMA), string(ProviderComponent)})
	case CategoryNCRAA:
		q = q.Where("category_a = ?", true)
	case CategoryInPerson:
		q = q.Where("delivery = ?", string(DeliveryInPerson))
	}
	for _, word := range filter.Words {
		pattern := likePattern(word)
		q = q.Where(`(LOWER(title) LIKE ? ESCAPE '\' OR LOWER(provider) LIKE ? ESCAPE '\' OR LOWER(notes) LIKE ? ESCAPE '\')`, pattern, pattern, pattern)
	}
	if filter.RulesOnly {
		q = q.Select(ruleColumns)
	}
	var entries []CEUEntry
	if err := q.Order("activity_date DESC, id DESC").Find(&entries).Error; err != nil {
		return nil, fmt.Errorf("load ceu entries for user %d: %w", userID, err)
	}
	for i := range entries {
		entries[i].ActivityDate = DateOnly(entries[i].ActivityDate.UTC())
	}
	return entries, nil
}

// CEUEntryForUser loads one of the learner's entries; another learner's is ErrNotFound.
func CEUEntryForUser(ctx context.Context, db *gorm.DB, userID, id int64) (CEUEntry, error) {
	var e CEUEntry
	err := db.WithContext(ctx).Where("id = ? AND user_id = ?", id, userID).Take(&e).Error
	e.ActivityDate = DateOnly(e.ActivityDate.UTC())
	return e, notFound(err, fmt.Sprintf("load ceu entry %d for user %d", id, userID))
}

// SaveCEUEntry inserts e (ID 0) or updates the learner's own entry.
func SaveCEUEntry(ctx context.Context, db *gorm.DB, e *CEUEntry, now time.Time) error {
	e.ActivityDate = DateOnly(e.ActivityDate)
	e.UpdatedAt = now
	if e.ID == 0 {
		e.CreatedAt = now
		if err := db.WithContext(ctx).Create(e).Error; err != nil {
			return fmt.Errorf("save ceu entry for user %d: insert: %w", e.UserID, err)
		}
		return nil
	}
	res := db.WithContext(ctx).Model(e).Where("user_id = ?", e.UserID).
		Select("activity_date", "title", "provider", "provider_kind", "minutes", "ceus",
			"in_hiim_domain", "category_a", "delivery", "notes", "updated_at").Updates(e)
	if res.Error != nil {
		return fmt.Errorf("save ceu entry %d: update: %w", e.ID, res.Error)
	}
	if res.RowsAffected == 0 {
		return ErrNotFound
	}
	return nil
}

// DeleteCEUEntry removes one of the learner's entries and, by cascade, its evidence.
func DeleteCEUEntry(ctx context.Context, db *gorm.DB, userID, id int64) error {
	return db.WithContext(ctx).Transaction(func(tx *gorm.DB) error {
		if err := tx.Where("entry_id = ? AND user_id = ?", id, userID).Delete(&EvidenceFile{}).Error; err != nil {
			return fmt.Errorf("delete evidence of ceu entry %d: %w", id, err)
		}
		res := tx.Where("id = ? AND user_id = ?", id, userID).Delete(&CEUEntry{})
		if res.Error != nil {
			return fmt.Errorf("delete ceu entry %d: %w", id, res.Error)
		}
		if res.RowsAffected == 0 {
			return ErrNotFound
		}
		return nil
	})
}
