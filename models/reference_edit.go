package models

import (
	"context"
	"errors"
	"fmt"
	"strconv"
	"strings"
	"time"

	"gorm.io/gorm"
)

// ReferencePageEdit is what an admin may change on a page.
type ReferencePageEdit struct {
	Title   string
	Summary string
	Body    string
}

// ReferenceFactEdit is what an admin may change on a fact; its topic and label stay.
type ReferenceFactEdit struct {
	Value     string
	Number    int64
	Unit      string
	Geography string
	Period    string
	Source    string
}

// UpdateReferencePage saves an admin's edit of a page, marks it edited so re-seeding
// keeps it, moves the content revision and writes the audit row, all in one
// transaction.
func UpdateReferencePage(ctx context.Context, db *gorm.DB, actor AuditActor, slug string, edit ReferencePageEdit, now time.Time) (ReferencePage, error) {
	var page ReferencePage
	now = now.UTC()
	err := db.WithContext(ctx).Transaction(func(tx *gorm.DB) error {
		if err := tx.Where("slug = ?", slug).Take(&page).Error; err != nil {
			return notFound(err, "load page")
		}
		page.Title, page.Summary, page.Body = edit.Title, edit.Summary, edit.Body
		page.EditedAt, page.UpdatedAt = &now, now
		if err := tx.Select("title", "summary", "body", "edited_at", "updated_at").Save(&page).Error; err != nil {
			return fmt.Errorf("save page: %w", err)
		}
		if err := bumpReferenceRevision(tx, now); err != nil {
			return err
		}
		return WriteAudit(tx, actor, "reference.page.update", "reference_page:"+slug, "title="+strconv.Quote(page.Title))
	})
	if errors.Is(err, ErrNotFound) {
		return ReferencePage{}, ErrNotFound
	}
	if err != nil {
		return ReferencePage{}, fmt.Errorf("update reference page %q: %w", slug, err)
	}
	return page, nil
}

// UpdateReferenceFact saves an admin's edit of a fact the same way as a page edit.
func UpdateReferenceFact(ctx context.Context, db *gorm.DB, actor AuditActor, id int64, edit ReferenceFactEdit, now time.Time) (ReferenceFact, error) {
	var fact ReferenceFact
	now = now.UTC()
	err := db.WithContext(ctx).Transaction(func(tx *gorm.DB) error {
		if err := tx.Take(&fact, id).Error; err != nil {
			return notFound(err, "load fact")
		}
		before := fact.Value + " (" + fact.Period + ", " + fact.Source + ")"
		fact.Value, fact.Number, fact.Unit, fact.Geography = edit.Value, edit.Number, edit.Unit, edit.Geography
		fact.Period, fact.Source, fact.EditedAt, fact.UpdatedAt = edit.Period, edit.Source, &now, now
		if err := tx.Select("value", "number", "unit", "geography", "period", "source", "edited_at", "updated_at").Save(&fact).Error; err != nil {
			return fmt.Errorf("save fact: %w", err)
		}
		if err := bumpReferenceRevision(tx, now); err != nil {
			return err
		}
		detail := fmt.Sprintf("%s / %s: %s → %s (%s, %s)", fact.Topic, fact.Label, before, fact.Value, fact.Period, fact.Source)
		return WriteAudit(tx, actor, "reference.fact.update", "reference_fact:"+strconv.FormatInt(id, 10), detail)
	})
	if errors.Is(err, ErrNotFound) {
		return ReferenceFact{}, ErrNotFound
	}
	if err != nil {
		return ReferenceFact{}, fmt.Errorf("update reference fact %d: %w", id, err)
	}
	return fact, nil
}

// ErrBadHundredths means a figure could not be read as a number with at most two
// decimals.
var ErrBadHundredths = errors.New("not a number with at most two decimals")

// ParseHundredths reads a figure as typed by a person ("42,630", "$42,630", "38%",
// "43.2", "-1.5") into hundredths. Thousands separators, a leading dollar sign and a
// trailing percent sign are allowed; more than two decimals are refused rather than
// rounded, so what is stored is what was typed.
func ParseHundredths(s string) (int64, error) {
	s = strings.TrimSpace(s)
	negative := strings.HasPrefix(s, "-")
	s = strings.TrimPrefix(s, "-")
	s = strings.TrimSuffix(strings.TrimPrefix(s, "$"), "%")
	s = strings.ReplaceAll(s, ",", "")
	whole, frac, hasFrac := strings.Cut(s, ".")
	if whole == "" || len(whole) > 15 || !allDigits(whole) || len(frac) > 2 || !allDigits(frac) || (hasFrac && frac == "") {
		return 0, ErrBadHundredths
	}
	n, _ := strconv.ParseInt(whole, 10, 64)
	frac += strings.Repeat("0", 2-len(frac))
	cents, _ := strconv.ParseInt(frac, 10, 64)
	n = n*100 + cents
	if negative {
		n = -n
	}
	return n, nil
}

func allDigits(s string) bool {
	for _, r := range s {
		if r < '0' || r > '9' {
			return false
		}
	}
	return true
}

// FormatHundredths writes hundredths back as a plain number ParseHundredths reads:
// 4263000 → "42630", 4320 → "43.2", 5 → "0.05".
func FormatHundredths(n int64) string {
	sign := ""
	if n < 0 {
		sign, n = "-", -n
	}
	whole, cents := n/100, n%100
	if cents == 0 {
		return sign + strconv.FormatInt(whole, 10)
	}
	return strings.TrimRight(fmt.Sprintf("%s%d.%02d", sign, whole, cents), "0")
}
