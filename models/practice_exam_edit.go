package models

import (
	"context"
	"fmt"
	"time"

	"gorm.io/gorm"
)

// PracticeExamForUser loads one of the learner's attempts with its scores; another
// learner's id is ErrNotFound.
func PracticeExamForUser(ctx context.Context, db *gorm.DB, userID, id int64) (PracticeExamRecord, error) {
	var r PracticeExamRecord
	err := db.WithContext(ctx).Preload("Scores", func(tx *gorm.DB) *gorm.DB { return tx.Order("domain_position") }).
		Where("id = ? AND user_id = ?", id, userID).Take(&r).Error
	if err != nil {
		return PracticeExamRecord{}, notFound(err, fmt.Sprintf("load practice exam %d of user %d", id, userID))
	}
	r.TakenOn = DateOnly(r.TakenOn)
	return r, nil
}

// UpdatePracticeExam replaces a validated attempt's date, source, overall percent,
// credential and domain scores in one transaction, and refreshes the stored readiness
// of the credential it was and is for; another learner's id is ErrNotFound.
func UpdatePracticeExam(ctx context.Context, db *gorm.DB, r *PracticeExamRecord, now time.Time) error {
	r.TakenOn = DateOnly(r.TakenOn)
	r.OverallPercent = round2(r.OverallPercent)
	return db.WithContext(ctx).Transaction(func(tx *gorm.DB) error {
		var before PracticeExamRecord
		if err := tx.Where("id = ? AND user_id = ?", r.ID, r.UserID).Take(&before).Error; err != nil {
			return notFound(err, fmt.Sprintf("load practice exam %d of user %d", r.ID, r.UserID))
		}
		err := tx.Model(&PracticeExamRecord{}).Where("id = ?", r.ID).Updates(map[string]any{
			"taken_on": r.TakenOn, "source": r.Source, "overall_percent": r.OverallPercent, "credential_code": r.CredentialCode,
		}).Error
		if err != nil {
			return fmt.Errorf("update practice exam %d: %w", r.ID, err)
		}
		if err := tx.Where("practice_exam_id = ?", r.ID).Delete(&PracticeExamScore{}).Error; err != nil {
			return fmt.Errorf("replace scores of practice exam %d: %w", r.ID, err)
		}
		for i := range r.Scores {
			r.Scores[i].ID, r.Scores[i].PracticeExamID, r.Scores[i].Percent = 0, r.ID, round2(r.Scores[i].Percent)
		}
		if len(r.Scores) > 0 {
			if err := tx.Create(&r.Scores).Error; err != nil {
				return fmt.Errorf("replace scores of practice exam %d: %w", r.ID, err)
			}
		}
		r.CreatedAt = before.CreatedAt
		if before.CredentialCode != r.CredentialCode {
			if err := refreshReadinessSummary(tx, r.UserID, before.CredentialCode, now); err != nil {
				return err
			}
		}
		return refreshReadinessSummary(tx, r.UserID, r.CredentialCode, now)
	})
}
