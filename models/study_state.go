package models

import (
	"context"
	"encoding/json"
	"fmt"
	"time"

	"gorm.io/gorm"
	"gorm.io/gorm/clause"
)

// cardStateRow mirrors study_card_states: one learner's memory of one card, instants
// in unix seconds.
type cardStateRow struct {
	UserID        int64   `gorm:"column:user_id;primaryKey"`
	CardID        int64   `gorm:"column:card_id;primaryKey"`
	State         int     `gorm:"column:state"`
	Due           int64   `gorm:"column:due"`
	EffectiveDue  int64   `gorm:"column:effective_due"`
	ExamRecall    float64 `gorm:"column:exam_recall"`
	Stability     float64 `gorm:"column:stability"`
	Difficulty    float64 `gorm:"column:difficulty"`
	ElapsedDays   int     `gorm:"column:elapsed_days"`
	ScheduledDays int     `gorm:"column:scheduled_days"`
	Reps          int     `gorm:"column:reps"`
	Lapses        int     `gorm:"column:lapses"`
	LastReview    int64   `gorm:"column:last_review"`
}

func (cardStateRow) TableName() string { return "study_card_states" }

func (r cardStateRow) memory() CardMemory {
	return CardMemory{State: r.State, Due: time.Unix(r.Due, 0).UTC(), Stability: r.Stability, Difficulty: r.Difficulty,
		ElapsedDays: r.ElapsedDays, ScheduledDays: r.ScheduledDays, Reps: r.Reps, Lapses: r.Lapses,
		LastReview: time.Unix(r.LastReview, 0).UTC()}
}

func stateRowFor(userID, cardID int64, m CardMemory, effective time.Time, examRecall float64) cardStateRow {
	return cardStateRow{UserID: userID, CardID: cardID, State: m.State, Due: m.Due.Unix(), EffectiveDue: effective.Unix(),
		ExamRecall: examRecall, Stability: m.Stability, Difficulty: m.Difficulty, ElapsedDays: m.ElapsedDays,
		ScheduledDays: m.ScheduledDays, Reps: m.Reps, Lapses: m.Lapses, LastReview: m.LastReview.Unix()}
}

// StudySettings are a learner's exam-mode settings (table study_settings).
type StudySettings struct {
	UserID        int64      `gorm:"column:user_id;primaryKey"`
	TargetRecall  float64    `gorm:"column:target_recall"`
	NewPerDay     int        `gorm:"column:new_per_day"`
	PlannedExamOn *time.Time `gorm:"column:planned_exam_on"`
	PlannedTarget float64    `gorm:"column:planned_target"`
	UpdatedAt     time.Time  `gorm:"column:updated_at"`
}

// TableName maps StudySettings to study_settings.
func (StudySettings) TableName() string { return "study_settings" }

// StudySettingsInput is the exam-mode settings as the page and the API send them.
type StudySettingsInput struct {
	TargetRecall float64 `json:"target_recall" form:"target_recall" api:"required"`
	NewPerDay    int     `json:"new_per_day" form:"new_per_day" api:"required"`
}

// ValidateStudySettings is the one check of the settings: a target recall from 0.70
// to 0.99 and 0–200 new cards a day.
func ValidateStudySettings(in StudySettingsInput) map[string]string {
	fields := map[string]string{}
	if !(in.TargetRecall >= 0.70 && in.TargetRecall <= 0.99) {
		fields["target_recall"] = "Enter a target recall from 0.70 to 0.99."
	}
	if in.NewPerDay < 0 || in.NewPerDay > 200 {
		fields["new_per_day"] = "Enter 0 to 200 new cards a day."
	}
	if len(fields) == 0 {
		return nil
	}
	return fields
}

// LoadStudySettings returns the learner's settings, or the defaults when none are saved.
func LoadStudySettings(ctx context.Context, db *gorm.DB, userID int64) (StudySettings, error) {
	s := StudySettings{UserID: userID, TargetRecall: DefaultTargetRecall, NewPerDay: 20}
	err := db.WithContext(ctx).Where("user_id = ?", userID).Take(&s).Error
	if err != nil && err != gorm.ErrRecordNotFound {
		return s, fmt.Errorf("load study settings of user %d: %w", userID, err)
	}
	return s, nil
}

// SyncExamPlan makes the stored effective dues match the learner's exam date and
// target: when either changed since they were computed, every card state of the
// learner is recomputed in one transaction. It returns the plan in force.
func SyncExamPlan(ctx context.Context, db *gorm.DB, s StudySettings, examOn *time.Time, now time.Time) (ExamPlan, error) {
	plan := ExamPlanFor(examOn, s.TargetRecall)
	if sameDay(s.PlannedExamOn, examOn) && s.PlannedTarget == s.TargetRecall {
		return plan, nil
	}
	err := db.WithContext(ctx).Transaction(func(tx *gorm.DB) error {
		if err := recomputeEffectiveDues(tx, s.UserID, plan, now); err != nil {
			return err
		}
		s.PlannedExamOn, s.PlannedTarget, s.UpdatedAt = examOn, s.TargetRecall, now
		return tx.Clauses(clause.OnConflict{Columns: []clause.Column{{Name: "user_id"}}, UpdateAll: true}).Create(&s).Error
	})
	if err != nil {
		return plan, fmt.Errorf("recompute study plan of user %d: %w", s.UserID, err)
	}
	return plan, nil
}

// SaveStudySettings stores validated settings and re-plans the learner's cards.
func SaveStudySettings(ctx context.Context, db *gorm.DB, userID int64, in StudySettingsInput, examOn *time.Time, now time.Time) (StudySettings, error) {
	s, err := LoadStudySettings(ctx, db, userID)
	if err != nil {
		return s, err
	}
	s.TargetRecall, s.NewPerDay, s.PlannedTarget = in.TargetRecall, in.NewPerDay, -1 // forces the recompute
	_, err = SyncExamPlan(ctx, db, s, examOn, now)
	s.PlannedTarget = s.TargetRecall
	return s, err
}

func sameDay(a, b *time.Time) bool {
	if a == nil || b == nil {
		return a == nil && b == nil
	}
	return DateOnly(*a).Equal(DateOnly(*b))
}

// recomputeEffectiveDues loads every card state of the learner once, applies the exam
// plan in memory and writes back the rows whose effective due or exam recall changed,
// replanBatch rows per UPDATE.
func recomputeEffectiveDues(tx *gorm.DB, userID int64, plan ExamPlan, now time.Time) error {
	var rows []cardStateRow
	if err := tx.Where("user_id = ?", userID).Find(&rows).Error; err != nil {
		return err
	}
	s := NewScheduler(plan.StudyRetention())
	changed := make([]cardStateRow, 0, len(rows))
	for _, r := range rows {
		due, recall := EffectiveDue(s, r.memory(), plan, now)
		if due.Unix() != r.EffectiveDue || recall != r.ExamRecall {
			r.EffectiveDue, r.ExamRecall = due.Unix(), recall
			changed = append(changed, r)
		}
	}
	for start := 0; start < len(changed); start += replanBatch {
		if err := updateEffectiveDues(tx, userID, changed[start:min(start+replanBatch, len(changed))]); err != nil {
			return err
		}
	}
	return nil
}

// replanBatch is the rows one re-planning UPDATE writes, to bound the statement's size
// (about 40 bytes of JSON a row).
const replanBatch = 5000

// updateEffectiveDues writes the rows' effective due and exam recall in one statement
// joined to the new values, sent as one JSON array of [card id, due, recall] triples
// (UPDATE … FROM works on PostgreSQL and on SQLite since 3.33). With one bound
// parameter per value, parsing the statement took a quarter of a re-plan.
func updateEffectiveDues(tx *gorm.DB, userID int64, rows []cardStateRow) error {
	values := make([][3]any, len(rows))
	for i, r := range rows {
		values[i] = [3]any{r.CardID, r.EffectiveDue, r.ExamRecall}
	}
	data, err := json.Marshal(values)
	if err != nil {
		return err
	}
	triples := "SELECT value ->> 0 AS card_id, value ->> 1 AS due, value ->> 2 AS recall FROM json_each(?)"
	if tx.Dialector.Name() == "postgres" {
		triples = "SELECT (e ->> 0)::bigint AS card_id, (e ->> 1)::bigint AS due, (e ->> 2)::double precision AS recall FROM jsonb_array_elements(?::jsonb) AS e"
	}
	// MATERIALIZED: otherwise SQLite scans the whole JSON array once per card state.
	sql := "WITH v AS MATERIALIZED (" + triples + ") UPDATE study_card_states SET effective_due = v.due, exam_recall = v.recall" +
		" FROM v WHERE study_card_states.user_id = ? AND study_card_states.card_id = v.card_id"
	return tx.Exec(sql, string(data), userID).Error
}
