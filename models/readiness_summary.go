package models

import (
	"fmt"
	"time"

	"gorm.io/gorm"
	"gorm.io/gorm/clause"
)

// ReadinessSummary is a learner's stored readiness for one credential: what a cohort
// dashboard shows per student. Learners without practice exams have no row. Saving or
// deleting an attempt refreshes it; an editor of exam_domains (there is none yet) must
// refresh the summaries of the credential it changes.
type ReadinessSummary struct {
	UserID          int64     `gorm:"column:user_id;primaryKey"`
	CredentialCode  string    `gorm:"column:credential_code;primaryKey"`
	Percent         float64   `gorm:"column:percent"`
	WeakestDomain   string    `gorm:"column:weakest_domain"`
	AttemptsCounted int       `gorm:"column:attempts_counted"`
	LastAttemptOn   time.Time `gorm:"column:last_attempt_on"`
	TrendPer30Days  float64   `gorm:"column:trend_per_30_days"`
	UpdatedAt       time.Time `gorm:"column:updated_at"`
}

// TableName maps ReadinessSummary to readiness_summaries.
func (ReadinessSummary) TableName() string { return "readiness_summaries" }

// summaryOf turns a readiness report into the row that stores it; ok is false when the
// report has no data (no row is kept then).
func summaryOf(userID int64, code string, r ReadinessReport, now time.Time) (ReadinessSummary, bool) {
	if !r.HasData {
		return ReadinessSummary{}, false
	}
	s := ReadinessSummary{UserID: userID, CredentialCode: code, Percent: r.Percent,
		AttemptsCounted: r.AttemptsCounted, LastAttemptOn: r.LastAttemptOn, TrendPer30Days: r.TrendPer30Days, UpdatedAt: now}
	if len(r.Weakest) > 0 {
		s.WeakestDomain = r.Weakest[0].Name
	}
	return s, true
}

// Report gives the stored summary the shape of a readiness report, as far as a summary
// can: the figure, the weakest domain and the date of the last attempt.
func (s ReadinessSummary) Report() ReadinessReport {
	r := ReadinessReport{HasData: true, Percent: s.Percent, AttemptsCounted: s.AttemptsCounted, LastAttemptOn: DateOnly(s.LastAttemptOn),
		TrendPer30Days: s.TrendPer30Days}
	if s.WeakestDomain != "" {
		r.Weakest = []DomainReadiness{{Name: s.WeakestDomain}}
	}
	return r
}

// refreshReadinessSummary recomputes the learner's readiness for code from all their
// attempts, inside tx (the transaction that changed an attempt).
func refreshReadinessSummary(tx *gorm.DB, userID int64, code string, now time.Time) error {
	records, err := PracticeExams(tx.Statement.Context, tx, userID)
	if err != nil {
		return err
	}
	outline, err := ExamOutlineFor(tx.Statement.Context, tx, code)
	if err != nil {
		return err
	}
	return saveReadinessSummaries(tx, []ReadinessSummaryInput{{UserID: userID, Code: code,
		Report: Readiness(AttemptsFor(records, code), outline, DateOnly(now))}}, now)
}

// ReadinessSummaryInput is one learner's freshly computed readiness for a credential.
type ReadinessSummaryInput struct {
	UserID int64
	Code   string
	Report ReadinessReport
}

// saveReadinessSummaries upserts the summaries that have data and deletes the rows of
// those that no longer have any.
func saveReadinessSummaries(tx *gorm.DB, inputs []ReadinessSummaryInput, now time.Time) error {
	var rows []ReadinessSummary
	for _, in := range inputs {
		row, ok := summaryOf(in.UserID, in.Code, in.Report, now)
		if !ok {
			err := tx.Where("user_id = ? AND credential_code = ?", in.UserID, in.Code).Delete(&ReadinessSummary{}).Error
			if err != nil {
				return fmt.Errorf("delete readiness of user %d for %s: %w", in.UserID, in.Code, err)
			}
			continue
		}
		rows = append(rows, row)
	}
	if len(rows) == 0 {
		return nil
	}
	err := tx.Clauses(clause.OnConflict{UpdateAll: true}).CreateInBatches(&rows, insertBatch).Error
	if err != nil {
		return fmt.Errorf("save %d readiness summaries: %w", len(rows), err)
	}
	return nil
}
