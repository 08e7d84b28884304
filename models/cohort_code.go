package models

import (
	"context"
	"crypto/rand"
	"fmt"
	"math/big"
	"strings"
	"time"

	"gorm.io/gorm"
)

// cohortJoinCodeAlphabet leaves out characters people confuse when reading a code aloud or
// off a slide: 0/O, 1/I/L.
const cohortJoinCodeAlphabet = "ABCDEFGHJKMNPQRSTUVWXYZ23456789"

// JoinCodeLength is the length of a join code: 31^10 ≈ 8×10^14 codes, far too many to
// guess through a rate-limited form.
const JoinCodeLength = 10

// cohortJoinCodeAttempts bounds retries when a fresh code collides with an existing one.
const cohortJoinCodeAttempts = 5

// NewJoinCode returns a random join code drawn with crypto/rand.
func NewJoinCode() (string, error) {
	var b strings.Builder
	limit := big.NewInt(int64(len(cohortJoinCodeAlphabet)))
	for range JoinCodeLength {
		n, err := rand.Int(rand.Reader, limit)
		if err != nil {
			return "", fmt.Errorf("draw join code: %w", err)
		}
		b.WriteByte(cohortJoinCodeAlphabet[n.Int64()])
	}
	return b.String(), nil
}

// NormalizeJoinCode turns what a person typed into the stored form: upper case, with
// spaces and dashes removed.
func NormalizeJoinCode(code string) string {
	return strings.Map(func(r rune) rune {
		if r == ' ' || r == '-' || r == '\t' {
			return -1
		}
		return r
	}, strings.ToUpper(strings.TrimSpace(code)))
}

// withFreshCohortJoinCode calls save with new codes until one does not collide.
func withFreshCohortJoinCode(save func(code string) error) error {
	var err error
	for range cohortJoinCodeAttempts {
		var code string
		if code, err = NewJoinCode(); err != nil {
			return err
		}
		if err = save(code); !isUniqueViolation(err) {
			return err
		}
	}
	return err
}

// RegenerateJoinCode gives the cohort a new join code; the old one stops working.
func RegenerateJoinCode(ctx context.Context, db *gorm.DB, actor AuditActor, c Cohort, now time.Time) (string, error) {
	var saved string
	err := withFreshCohortJoinCode(func(code string) error {
		saved = code
		return db.WithContext(ctx).Transaction(func(tx *gorm.DB) error {
			if err := tx.Model(&Cohort{}).Where("id = ?", c.ID).Updates(map[string]any{"join_code": code, "updated_at": now}).Error; err != nil {
				return err
			}
			return WriteAudit(tx, actor, "cohort.join_code_regenerated", cohortTarget(c.ID), "")
		})
	})
	if err != nil {
		return "", fmt.Errorf("regenerate join code of cohort %d: %w", c.ID, err)
	}
	return saved, nil
}

// DisableJoinCode stops anyone from joining the cohort until a new code is made.
func DisableJoinCode(ctx context.Context, db *gorm.DB, actor AuditActor, c Cohort, now time.Time) error {
	err := db.WithContext(ctx).Transaction(func(tx *gorm.DB) error {
		if err := tx.Model(&Cohort{}).Where("id = ?", c.ID).Updates(map[string]any{"join_code": nil, "updated_at": now}).Error; err != nil {
			return err
		}
		return WriteAudit(tx, actor, "cohort.join_code_disabled", cohortTarget(c.ID), "")
	})
	if err != nil {
		return fmt.Errorf("disable join code of cohort %d: %w", c.ID, err)
	}
	return nil
}
