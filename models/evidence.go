package models

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"net/http"
	"path/filepath"
	"strings"
	"time"

	"gorm.io/gorm"
)

// MaxEvidenceBytes is the largest evidence file accepted: 10 MB.
const MaxEvidenceBytes = 10 << 20

// EvidenceFile is a certificate or other proof attached to a CEU entry, stored in
// the database with its SHA-256 so a download can be checked against the upload.
type EvidenceFile struct {
	ID          int64     `gorm:"column:id;primaryKey"`
	EntryID     int64     `gorm:"column:entry_id"`
	UserID      int64     `gorm:"column:user_id"`
	Filename    string    `gorm:"column:filename"`
	ContentType string    `gorm:"column:content_type"`
	SizeBytes   int64     `gorm:"column:size_bytes"`
	SHA256      string    `gorm:"column:sha256"`
	Content     []byte    `gorm:"column:content"`
	CreatedAt   time.Time `gorm:"column:created_at"`
}

// TableName maps EvidenceFile to evidence_files.
func (EvidenceFile) TableName() string { return "evidence_files" }

// evidenceTypes are the content types accepted, detected from the bytes.
var evidenceTypes = map[string]bool{"application/pdf": true, "image/png": true, "image/jpeg": true}

// NewEvidenceFile checks an upload and prepares it for saving: its type is detected
// from the content (never the name), it must be a PDF, PNG or JPEG of at most 10 MB.
// The problem, if any, is worded for the holder.
func NewEvidenceFile(filename string, content []byte) (EvidenceFile, string) {
	if len(content) == 0 {
		return EvidenceFile{}, "Choose a file to upload: the one sent was empty."
	}
	if len(content) > MaxEvidenceBytes {
		return EvidenceFile{}, fmt.Sprintf("The file is %.1f MB; evidence can be at most 10 MB.", float64(len(content))/(1<<20))
	}
	contentType := http.DetectContentType(content)
	if !evidenceTypes[contentType] {
		return EvidenceFile{}, "Upload a PDF, PNG or JPEG file: this file's content is none of those, whatever its name says."
	}
	if contentType != "application/pdf" {
		if problem := CheckImage(content); problem != "" {
			return EvidenceFile{}, problem
		}
	}
	sum := sha256.Sum256(content)
	return EvidenceFile{
		Filename: cleanFilename(filename), ContentType: contentType, SizeBytes: int64(len(content)),
		SHA256: hex.EncodeToString(sum[:]), Content: content,
	}, ""
}

// cleanFilename keeps the base name, without path or control characters, so it is
// safe in a Content-Disposition header and a ZIP entry.
func cleanFilename(name string) string {
	name = filepath.Base(strings.ReplaceAll(name, "\\", "/"))
	name = strings.Map(func(r rune) rune {
		if r < 32 || r == '"' || r == 127 {
			return -1
		}
		return r
	}, name)
	if name == "" || name == "." || name == "/" {
		return "evidence"
	}
	if runes := []rune(name); len(runes) > 200 {
		name = string(runes[len(runes)-200:])
	}
	return name
}

// AddEvidence attaches f to one of the learner's entries; another learner's entry is
// ErrNotFound, a file that takes the learner past quota bytes of evidence is an
// *EvidenceQuotaError, and in both cases nothing is written.
func AddEvidence(ctx context.Context, db *gorm.DB, userID, entryID int64, f *EvidenceFile, quota int64, now time.Time) error {
	return db.WithContext(ctx).Transaction(func(tx *gorm.DB) error {
		if err := lockUserForEvidence(tx, userID); err != nil {
			return err
		}
		var n int64
		if err := tx.Model(&CEUEntry{}).Where("id = ? AND user_id = ?", entryID, userID).Count(&n).Error; err != nil {
			return fmt.Errorf("check ceu entry %d for evidence: %w", entryID, err)
		}
		if n == 0 {
			return ErrNotFound
		}
		used, err := EvidenceUsage(ctx, tx, userID)
		if err != nil {
			return err
		}
		if err := CheckEvidenceQuota(used, f.SizeBytes, quota); err != nil {
			return err
		}
		f.EntryID, f.UserID, f.CreatedAt = entryID, userID, now
		if err := tx.Create(f).Error; err != nil {
			return fmt.Errorf("save evidence for ceu entry %d: %w", entryID, err)
		}
		return nil
	})
}

// evidenceListColumns are the columns read when the content is not needed.
var evidenceListColumns = []string{"id", "entry_id", "user_id", "filename", "content_type", "size_bytes", "sha256", "created_at"}

// ListEvidence returns the evidence of the learner's entries, without content,
// optionally limited to some entries (nil: all).
func ListEvidence(ctx context.Context, db *gorm.DB, userID int64, entryIDs []int64) ([]EvidenceFile, error) {
	q := db.WithContext(ctx).Select(evidenceListColumns).Where("user_id = ?", userID)
	if entryIDs != nil {
		q = q.Where("entry_id IN ?", append(entryIDs, 0))
	}
	var files []EvidenceFile
	if err := q.Order("entry_id, id").Find(&files).Error; err != nil {
		return nil, fmt.Errorf("list evidence for user %d: %w", userID, err)
	}
	return files, nil
}

// EvidenceWithContent loads the learner's evidence of some entries with content, for
// audit packs.
func EvidenceWithContent(ctx context.Context, db *gorm.DB, userID int64, entryIDs []int64) ([]EvidenceFile, error) {
	var files []EvidenceFile
	err := db.WithContext(ctx).Where("user_id = ? AND entry_id IN ?", userID, append(entryIDs, 0)).
		Order("entry_id, id").Find(&files).Error
	if err != nil {
		return nil, fmt.Errorf("load evidence content for user %d: %w", userID, err)
	}
	return files, nil
}

// EvidenceForUser loads one evidence file with its content; another learner's is
// ErrNotFound.
func EvidenceForUser(ctx context.Context, db *gorm.DB, userID, entryID, id int64) (EvidenceFile, error) {
	var f EvidenceFile
	err := db.WithContext(ctx).Where("id = ? AND entry_id = ? AND user_id = ?", id, entryID, userID).Take(&f).Error
	return f, notFound(err, fmt.Sprintf("load evidence %d for user %d", id, userID))
}

// DeleteEvidence removes one of the learner's evidence files.
func DeleteEvidence(ctx context.Context, db *gorm.DB, userID, entryID, id int64) error {
	res := db.WithContext(ctx).Where("id = ? AND entry_id = ? AND user_id = ?", id, entryID, userID).Delete(&EvidenceFile{})
	if res.Error != nil {
		return fmt.Errorf("delete evidence %d: %w", id, res.Error)
	}
	if res.RowsAffected == 0 {
		return ErrNotFound
	}
	return nil
}

// EvidenceCounts returns how many files each entry of the learner has.
func EvidenceCounts(ctx context.Context, db *gorm.DB, userID int64) (map[int64]int, error) {
	var rows []struct {
		EntryID int64 `gorm:"column:entry_id"`
		N       int   `gorm:"column:n"`
	}
	err := db.WithContext(ctx).Model(&EvidenceFile{}).Select("entry_id, COUNT(*) AS n").
		Where("user_id = ?", userID).Group("entry_id").Scan(&rows).Error
	if err != nil {
		return nil, fmt.Errorf("count evidence for user %d: %w", userID, err)
	}
	counts := make(map[int64]int, len(rows))
	for _, r := range rows {
		counts[r.EntryID] = r.N
	}
	return counts, nil
}
