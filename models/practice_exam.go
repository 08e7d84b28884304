package models

import (
	"context"
	"fmt"
	"math"
	"time"

	"gorm.io/gorm"
)

// PracticeExamRecord is one practice exam a learner took (table practice_exams) with its
// per-domain scores.
type PracticeExamRecord struct {
	ID             int64               `gorm:"column:id;primaryKey"`
	UserID         int64               `gorm:"column:user_id"`
	CredentialCode string              `gorm:"column:credential_code"`
	TakenOn        time.Time           `gorm:"column:taken_on"`
	Source         string              `gorm:"column:source"`
	OverallPercent float64             `gorm:"column:overall_percent"`
	CreatedAt      time.Time           `gorm:"column:created_at"`
	Scores         []PracticeExamScore `gorm:"foreignKey:PracticeExamID"`
}

// TableName maps PracticeExamRecord to practice_exams.
func (PracticeExamRecord) TableName() string { return "practice_exams" }

// PracticeExamScore is the percent scored in one exam domain of a practice exam.
type PracticeExamScore struct {
	ID             int64   `gorm:"column:id;primaryKey"`
	PracticeExamID int64   `gorm:"column:practice_exam_id"`
	DomainPosition int     `gorm:"column:domain_position"`
	Percent        float64 `gorm:"column:percent"`
}

// TableName maps PracticeExamScore to practice_exam_scores.
func (PracticeExamScore) TableName() string { return "practice_exam_scores" }

// Attempt returns the record as the readiness rule takes it.
func (r PracticeExamRecord) Attempt() PracticeAttempt {
	a := PracticeAttempt{TakenOn: DateOnly(r.TakenOn), OverallPercent: r.OverallPercent, DomainPercents: make(map[int]float64, len(r.Scores))}
	for _, s := range r.Scores {
		a.DomainPercents[s.DomainPosition] = s.Percent
	}
	return a
}

// ScoreFor returns the percent of domain position and whether the attempt reported it.
func (r PracticeExamRecord) ScoreFor(position int) (float64, bool) {
	for _, s := range r.Scores {
		if s.DomainPosition == position {
			return s.Percent, true
		}
	}
	return 0, false
}

// ValidatePracticeExam checks an attempt against the outline of its credential and
// today; field names are taken_on, overall_percent and domain_N. It returns nil when
// the attempt is valid.
func ValidatePracticeExam(r PracticeExamRecord, outline []ExamDomain, today time.Time) map[string]string {
	fields := map[string]string{}
	if r.TakenOn.IsZero() {
		fields["taken_on"] = "Enter the date you took the practice exam."
	} else if DateOnly(r.TakenOn).After(today) {
		fields["taken_on"] = "The date can't be in the future."
	}
	if !validPercent(r.OverallPercent) {
		fields["overall_percent"] = "Enter a percent from 0 to 100."
	}
	seen := map[int]bool{}
	for _, s := range r.Scores {
		name := fmt.Sprintf("domain_%d", s.DomainPosition)
		switch {
		case !OutlineHasDomain(outline, s.DomainPosition):
			fields[name] = fmt.Sprintf("Domain %d is not part of the %s exam.", s.DomainPosition, r.CredentialCode)
		case seen[s.DomainPosition]:
			fields[name] = "Give each domain one score."
		case !validPercent(s.Percent):
			fields[name] = "Enter a percent from 0 to 100."
		}
		seen[s.DomainPosition] = true
	}
	if len(fields) == 0 {
		return nil
	}
	return fields
}

func validPercent(p float64) bool {
	return !math.IsNaN(p) && p >= 0 && p <= 100
}

// CreatePracticeExam stores an attempt and its domain scores in one transaction.
func CreatePracticeExam(ctx context.Context, db *gorm.DB, r *PracticeExamRecord, now time.Time) error {
	r.TakenOn = DateOnly(r.TakenOn)
	r.CreatedAt = now
	r.OverallPercent = round2(r.OverallPercent)
	for i := range r.Scores {
		r.Scores[i].Percent = round2(r.Scores[i].Percent)
	}
	return db.WithContext(ctx).Transaction(func(tx *gorm.DB) error {
		scores := r.Scores
		r.Scores = nil
		if err := tx.Create(r).Error; err != nil {
			return fmt.Errorf("create practice exam for user %d: %w", r.UserID, err)
		}
		for i := range scores {
			scores[i].PracticeExamID = r.ID
		}
		r.Scores = scores
		if len(scores) > 0 {
			if err := tx.Create(&scores).Error; err != nil {
				return fmt.Errorf("create scores of practice exam %d: %w", r.ID, err)
			}
		}
		return refreshReadinessSummary(tx, r.UserID, r.CredentialCode, now)
	})
}

// PracticeExams returns the learner's attempts with their scores, newest first, in two
// queries both scoped by the learner. Rows are scanned by hand for the same reason as
// in StudyLog.
func PracticeExams(ctx context.Context, db *gorm.DB, userID int64) ([]PracticeExamRecord, error) {
	rows, err := db.WithContext(ctx).Model(&PracticeExamRecord{}).
		Select("id, credential_code, taken_on, source, overall_percent, created_at").
		Where("user_id = ?", userID).Order("taken_on DESC, id DESC").Rows()
	if err != nil {
		return nil, fmt.Errorf("load practice exams of user %d: %w", userID, err)
	}
	records := []PracticeExamRecord{}
	index := map[int64]int{}
	for rows.Next() {
		r := PracticeExamRecord{UserID: userID}
		if err := rows.Scan(&r.ID, &r.CredentialCode, &r.TakenOn, &r.Source, &r.OverallPercent, &r.CreatedAt); err != nil {
			rows.Close()
			return nil, fmt.Errorf("read practice exams of user %d: %w", userID, err)
		}
		r.TakenOn = DateOnly(r.TakenOn)
		index[r.ID] = len(records)
		records = append(records, r)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("read practice exams of user %d: %w", userID, err)
	}
	if len(records) == 0 {
		return records, nil
	}
	return records, practiceExamScores(ctx, db, userID, records, index)
}

func practiceExamScores(ctx context.Context, db *gorm.DB, userID int64, records []PracticeExamRecord, index map[int64]int) error {
	rows, err := db.WithContext(ctx).Table("practice_exam_scores").
		Select("practice_exam_scores.id, practice_exam_scores.practice_exam_id, practice_exam_scores.domain_position, practice_exam_scores.percent").
		Joins("JOIN practice_exams ON practice_exams.id = practice_exam_scores.practice_exam_id").
		Where("practice_exams.user_id = ?", userID).
		Order("practice_exam_scores.practice_exam_id, practice_exam_scores.domain_position").Rows()
	if err != nil {
		return fmt.Errorf("load practice exam scores of user %d: %w", userID, err)
	}
	defer rows.Close()
	for rows.Next() {
		var s PracticeExamScore
		if err := rows.Scan(&s.ID, &s.PracticeExamID, &s.DomainPosition, &s.Percent); err != nil {
			return fmt.Errorf("read practice exam scores of user %d: %w", userID, err)
		}
		if i, ok := index[s.PracticeExamID]; ok {
			records[i].Scores = append(records[i].Scores, s)
		}
	}
	if err := rows.Err(); err != nil {
		return fmt.Errorf("read practice exam scores of user %d: %w", userID, err)
	}
	return nil
}

// AttemptsFor returns the attempts at credential code as the readiness rule takes them.
func AttemptsFor(records []PracticeExamRecord, code string) []PracticeAttempt {
	attempts := make([]PracticeAttempt, 0, len(records))
	for _, r := range records {
		if r.CredentialCode == code {
			attempts = append(attempts, r.Attempt())
		}
	}
	return attempts
}

// DeletePracticeExam removes one of the learner's attempts with its scores (the
// foreign key cascades); another learner's id is ErrNotFound.
func DeletePracticeExam(ctx context.Context, db *gorm.DB, userID, id int64, now time.Time) error {
	return db.WithContext(ctx).Transaction(func(tx *gorm.DB) error {
		var exam PracticeExamRecord
		if err := tx.Where("id = ? AND user_id = ?", id, userID).Take(&exam).Error; err != nil {
			return notFound(err, fmt.Sprintf("load practice exam %d of user %d", id, userID))
		}
		if err := tx.Delete(&exam).Error; err != nil {
			return fmt.Errorf("delete practice exam %d of user %d: %w", id, userID, err)
		}
		return refreshReadinessSummary(tx, userID, exam.CredentialCode, now)
	})
}

func round2(x float64) float64 {
	return math.Round(x*100) / 100
}
