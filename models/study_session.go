package models

import (
	"context"
	"fmt"
	"time"

	"gorm.io/gorm"
)

// Study session limits: a session is at least a minute and at most 12 hours.
const (
	StudyMinMinutes = 1
	StudyMaxMinutes = 720
)

// StudyLogEntry is one logged study session (table study_sessions). The pure rules take
// its Session().
type StudyLogEntry struct {
	ID             int64     `gorm:"column:id;primaryKey"`
	UserID         int64     `gorm:"column:user_id"`
	StudiedOn      time.Time `gorm:"column:studied_on"`
	Minutes        int       `gorm:"column:minutes"`
	CredentialCode string    `gorm:"column:credential_code"`
	DomainPosition int       `gorm:"column:domain_position"`
	Topic          string    `gorm:"column:topic"`
	Notes          string    `gorm:"column:notes"`
	CreatedAt      time.Time `gorm:"column:created_at"`
}

// TableName maps StudyLogEntry to study_sessions.
func (StudyLogEntry) TableName() string { return "study_sessions" }

// Session returns the entry as the study rules see it.
func (e StudyLogEntry) Session() StudySession {
	return StudySession{On: DateOnly(e.StudiedOn), Minutes: e.Minutes, DomainPosition: e.DomainPosition, Topic: e.Topic}
}

// ValidateStudyEntry checks a session against the outline of the learner's target and
// today; it returns a message per field, or nil.
func ValidateStudyEntry(e StudyLogEntry, outline []ExamDomain, today time.Time) map[string]string {
	fields := map[string]string{}
	if e.StudiedOn.IsZero() {
		fields["studied_on"] = "Enter the date you studied."
	} else if DateOnly(e.StudiedOn).After(today) {
		fields["studied_on"] = "The study date can't be in the future."
	}
	if e.Minutes < StudyMinMinutes || e.Minutes > StudyMaxMinutes {
		fields["minutes"] = fmt.Sprintf("Enter between %d and %d minutes.", StudyMinMinutes, StudyMaxMinutes)
	}
	if !OutlineHasDomain(outline, e.DomainPosition) {
		fields["domain_position"] = fmt.Sprintf("Choose one of the %s exam domains.", e.CredentialCode)
	}
	if len(fields) == 0 {
		return nil
	}
	return fields
}

// CreateStudyLogEntry stores a validated session.
func CreateStudyLogEntry(ctx context.Context, db *gorm.DB, e *StudyLogEntry, now time.Time) error {
	e.StudiedOn = DateOnly(e.StudiedOn)
	e.CreatedAt = now
	if err := db.WithContext(ctx).Create(e).Error; err != nil {
		return fmt.Errorf("create study session for user %d: %w", e.UserID, err)
	}
	return nil
}

// StudyLog returns the learner's sessions, newest first. The rows are scanned by hand:
// with two years of daily sessions GORM's reflective scan was most of the dashboard's
// time.
func StudyLog(ctx context.Context, db *gorm.DB, userID int64) ([]StudyLogEntry, error) {
	rows, err := db.WithContext(ctx).Model(&StudyLogEntry{}).
		Select("id, studied_on, minutes, credential_code, domain_position, topic, notes, created_at").
		Where("user_id = ?", userID).Order("studied_on DESC, id DESC").Rows()
	if err != nil {
		return nil, fmt.Errorf("load study sessions of user %d: %w", userID, err)
	}
	defer rows.Close()
	entries := []StudyLogEntry{}
	for rows.Next() {
		e := StudyLogEntry{UserID: userID}
		if err := rows.Scan(&e.ID, &e.StudiedOn, &e.Minutes, &e.CredentialCode, &e.DomainPosition, &e.Topic, &e.Notes, &e.CreatedAt); err != nil {
			return nil, fmt.Errorf("read study sessions of user %d: %w", userID, err)
		}
		e.StudiedOn = DateOnly(e.StudiedOn)
		entries = append(entries, e)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("read study sessions of user %d: %w", userID, err)
	}
	return entries, nil
}

// StudySessions returns the learner's sessions as the study rules take them.
func StudySessions(entries []StudyLogEntry) []StudySession {
	sessions := make([]StudySession, len(entries))
	for i, e := range entries {
		sessions[i] = e.Session()
	}
	return sessions
}

// StudyDates returns the dates of sessions, for StudyStreak.
func StudyDates(sessions []StudySession) []time.Time {
	dates := make([]time.Time, len(sessions))
	for i, s := range sessions {
		dates[i] = s.On
	}
	return dates
}

// DeleteStudyLogEntry removes one of the learner's sessions; another learner's id is
// ErrNotFound.
func DeleteStudyLogEntry(ctx context.Context, db *gorm.DB, userID, id int64) error {
	res := db.WithContext(ctx).Where("id = ? AND user_id = ?", id, userID).Delete(&StudyLogEntry{})
	if res.Error != nil {
		return fmt.Errorf("delete study session %d of user %d: %w", id, userID, res.Error)
	}
	if res.RowsAffected == 0 {
		return ErrNotFound
	}
	return nil
}

// StudyLogEntryForUser loads one of the learner's sessions; another learner's id is
// ErrNotFound.
func StudyLogEntryForUser(ctx context.Context, db *gorm.DB, userID, id int64) (StudyLogEntry, error) {
	var e StudyLogEntry
	if err := db.WithContext(ctx).Where("id = ? AND user_id = ?", id, userID).Take(&e).Error; err != nil {
		return StudyLogEntry{}, notFound(err, fmt.Sprintf("load study session %d of user %d", id, userID))
	}
	e.StudiedOn = DateOnly(e.StudiedOn)
	return e, nil
}

// UpdateStudyLogEntry saves a validated change to one of the learner's sessions
// (date, minutes, domain, topic, notes); another learner's id is ErrNotFound.
func UpdateStudyLogEntry(ctx context.Context, db *gorm.DB, e StudyLogEntry) error {
	res := db.WithContext(ctx).Model(&StudyLogEntry{}).Where("id = ? AND user_id = ?", e.ID, e.UserID).Updates(map[string]any{
		"studied_on": DateOnly(e.StudiedOn), "minutes": e.Minutes, "credential_code": e.CredentialCode,
		"domain_position": e.DomainPosition, "topic": e.Topic, "notes": e.Notes,
	})
	if res.Error != nil {
		return fmt.Errorf("update study session %d of user %d: %w", e.ID, e.UserID, res.Error)
	}
	if res.RowsAffected == 0 {
		return ErrNotFound
	}
	return nil
}
