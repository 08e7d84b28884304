package models

import (
	"context"
	"fmt"

	"gorm.io/gorm"
)

// DefaultEvidenceQuota is the evidence storage one user gets unless configured: 1 GiB.
const DefaultEvidenceQuota int64 = 1 << 30

// EvidenceQuotaError refuses an upload that would take a user past their quota.
type EvidenceQuotaError struct {
	Used, Size, Quota int64
}

func (e *EvidenceQuotaError) Error() string {
	return fmt.Sprintf("evidence quota: %d used + %d new > %d", e.Used, e.Size, e.Quota)
}

// Message tells the user what happened and what to do.
func (e *EvidenceQuotaError) Message() string {
	return fmt.Sprintf("This file (%s) does not fit: you use %s of your %s evidence storage. Remove evidence you no longer need, or upload a smaller scan.",
		FormatStorage(e.Size), FormatStorage(e.Used), FormatStorage(e.Quota))
}

// CheckEvidenceQuota is the quota rule: a file of size fits when used+size stays
// within quota.
func CheckEvidenceQuota(used, size, quota int64) error {
	if used+size > quota {
		return &EvidenceQuotaError{Used: used, Size: size, Quota: quota}
	}
	return nil
}

// FormatStorage writes a byte count for people: "820 KB", "12.5 MB", "1.0 GB".
func FormatStorage(n int64) string {
	switch {
	case n >= 1<<30:
		return fmt.Sprintf("%.1f GB", float64(n)/(1<<30))
	case n >= 1<<20:
		return fmt.Sprintf("%.1f MB", float64(n)/(1<<20))
	default:
		return fmt.Sprintf("%d KB", (n+1023)/1024)
	}
}

// EvidenceStorage is how much of their quota a user's evidence takes.
type EvidenceStorage struct {
	UsedBytes, QuotaBytes int64
}

// Percent is the share of the quota used, 0–100.
func (s EvidenceStorage) Percent() int {
	if s.QuotaBytes <= 0 {
		return 0
	}
	return int(min(100, s.UsedBytes*100/s.QuotaBytes))
}

// Label is the usage for a page: "12.5 MB of 1.0 GB".
func (s EvidenceStorage) Label() string {
	return FormatStorage(s.UsedBytes) + " of " + FormatStorage(s.QuotaBytes)
}

// EvidenceUsage adds up the sizes of the user's evidence files.
func EvidenceUsage(ctx context.Context, db *gorm.DB, userID int64) (int64, error) {
	var used int64
	err := db.WithContext(ctx).Model(&EvidenceFile{}).Select("COALESCE(SUM(size_bytes), 0)").
		Where("user_id = ?", userID).Scan(&used).Error
	if err != nil {
		return 0, fmt.Errorf("sum evidence sizes for user %d: %w", userID, err)
	}
	return used, nil
}

// lockUserForEvidence makes concurrent uploads of one user take turns until tx ends,
// so two of them cannot both fit under the quota: a row lock on PostgreSQL. SQLite
// needs nothing: its write transactions begin IMMEDIATE, holding the database's one
// write lock from the start, so they already run one at a time.
func lockUserForEvidence(tx *gorm.DB, userID int64) error {
	if tx.Dialector.Name() != "postgres" {
		return nil
	}
	if err := tx.Exec("SELECT id FROM users WHERE id = ? FOR UPDATE", userID).Error; err != nil {
		return fmt.Errorf("lock user %d for evidence: %w", userID, err)
	}
	return nil
}
