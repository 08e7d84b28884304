package models

import (
	"context"
	"fmt"
	"strings"

	"gorm.io/gorm"
)

// ExportSection is one JSON file of a personal data export: a kind of record and
// the user's rows of it, column by column.
type ExportSection struct {
	Name string
	Rows []map[string]any
}

// exportQuery names one kind of record and how to select the user's rows of it. The
// queries list columns where a table holds secrets (password and token hashes) or
// bulk (evidence bytes, which the export carries as files).
type exportQuery struct {
	name, sql string
}

// computedFlags name the computed yes/no columns ("section.column"): SQLite returns
// them as 0 or 1 and no declared type marks them as booleans.
var computedFlags = map[string]bool{"audit_events.by_you": true, "cohorts_taught.owner": true}

// exportQueries select the user's rows of each kind; every ? is the user's id.
var exportQueries = []exportQuery{
	{"profile", `SELECT id, email, name, role, time_zone, email_verified_at, reminder_days, weekly_digest, created_at, updated_at FROM users WHERE id = ?`},
	{"credentials", `SELECT * FROM held_credentials WHERE user_id = ? ORDER BY id`},
	{"ceu_entries", `SELECT * FROM ceu_entries WHERE user_id = ? ORDER BY activity_date, id`},
	{"evidence_files", `SELECT id, entry_id, filename, content_type, size_bytes, sha256, created_at FROM evidence_files WHERE user_id = ? ORDER BY id`},
	{"pathway", `SELECT * FROM pathways WHERE user_id = ?`},
	{"coursework", `SELECT lc.*, c.name AS course_name FROM learner_courses lc JOIN courses c ON c.id = lc.course_id WHERE lc.user_id = ? ORDER BY c.position`},
	{"study_sessions", `SELECT * FROM study_sessions WHERE user_id = ? ORDER BY id`},
	{"practice_exams", `SELECT * FROM practice_exams WHERE user_id = ? ORDER BY id`},
	{"practice_exam_scores", `SELECT s.* FROM practice_exam_scores s JOIN practice_exams p ON p.id = s.practice_exam_id WHERE p.user_id = ? ORDER BY s.id`},
	{"readiness_summaries", `SELECT * FROM readiness_summaries WHERE user_id = ?`},
	{"study_decks", `SELECT * FROM study_decks WHERE owner_id = ? ORDER BY id`},
	{"study_cards", `SELECT c.* FROM study_cards c JOIN study_decks d ON d.id = c.deck_id WHERE d.owner_id = ? ORDER BY c.id`},
	{"study_card_states", `SELECT * FROM study_card_states WHERE user_id = ? ORDER BY card_id`},
	{"study_reviews", `SELECT * FROM study_reviews WHERE user_id = ? ORDER BY id`},
	{"study_settings", `SELECT * FROM study_settings WHERE user_id = ?`},
	{"study_quizzes", `SELECT * FROM study_quizzes WHERE user_id = ? ORDER BY id`},
	{"study_quiz_items", `SELECT i.* FROM study_quiz_items i JOIN study_quizzes q ON q.id = i.quiz_id WHERE q.user_id = ? ORDER BY i.id`},
	{"cohort_memberships", `SELECT m.*, c.name AS cohort_name FROM cohort_members m JOIN cohorts c ON c.id = m.cohort_id WHERE m.user_id = ? ORDER BY m.id`},
	{"cohorts_taught", `SELECT c.id, c.name, c.program, c.term, c.target_code, c.created_at, c.archived_at, c.owner_id = ? AS owner
		FROM cohorts c WHERE c.owner_id = ? OR c.id IN (SELECT ci.cohort_id FROM cohort_instructors ci WHERE ci.user_id = ?) ORDER BY c.id`},
	{"sessions", `SELECT id, created_at, expires_at, revoked_at, last_seen_at, user_agent, ip FROM sessions WHERE user_id = ? ORDER BY created_at`},
	{"instructor_requests", `SELECT id, school, program, status, created_at, decided_at FROM instructor_requests WHERE user_id = ? ORDER BY id`},
	{"study_deck_images", `SELECT m.id, m.deck_id, m.name, m.content_type, m.size_bytes, m.width, m.height, m.sha256, m.created_at
		FROM study_deck_media m JOIN study_decks d ON d.id = m.deck_id WHERE d.owner_id = ? ORDER BY m.deck_id, m.name`},
	// Whether two-factor sign-in is on and how many recovery codes are left: never the
	// key or the codes' hashes.
	{"two_factor", `SELECT t.created_at, t.confirmed_at, COUNT(r.id) AS recovery_codes,
		SUM(CASE WHEN r.id IS NOT NULL AND r.used_at IS NULL THEN 1 ELSE 0 END) AS recovery_codes_unused
		FROM two_factor t LEFT JOIN recovery_codes r ON r.user_id = t.user_id WHERE t.user_id = ?
		GROUP BY t.user_id, t.created_at, t.confirmed_at`},
	{"notices", `SELECT id, kind, title, body, link, created_at, read_at FROM notices WHERE user_id = ? ORDER BY id`},
	{"calendar_feeds", `SELECT id, created_at, revoked_at FROM calendar_tokens WHERE user_id = ? ORDER BY id`},
	{"calendar_settings", `SELECT alarms, changed_at FROM calendar_feeds WHERE user_id = ?`},
	{"audit_events", `SELECT id, action, target, detail, ip, at, actor_id = ? AS by_you
		FROM audit_log WHERE actor_id = ? OR target IN (SELECT 'user:' || CAST(u.id AS TEXT) FROM users u WHERE u.id = ?) ORDER BY id`},
}

// unexportedUserColumns name a user ("table.column") but stay out of the export,
// each with the reason. TestEveryUserTableIsDeletedAndExported fails when a table
// with a user column is neither exported nor listed here.
var unexportedUserColumns = map[string]string{
	"account_tokens.user_id":         "hashes of emailed links: secrets with no meaning to the person",
	"calendar_feed_events.user_id":   "content hashes the feed keeps to answer conditional requests; the events are the exported records",
	"instructor_requests.decided_by": "another person's request",
	"invites.invited_by":             "an invitation for someone else",
}

// PersonalDataSections loads every kind of record about the user, one section each,
// including the audit events they did or that name them.
func PersonalDataSections(ctx context.Context, db *gorm.DB, userID int64) ([]ExportSection, error) {
	sections := make([]ExportSection, 0, len(exportQueries))
	for _, q := range exportQueries {
		ids := make([]any, strings.Count(q.sql, "?"))
		for i := range ids {
			ids[i] = userID
		}
		rows, err := exportRows(ctx, db, q, ids...)
		if err != nil {
			return nil, fmt.Errorf("export %s of user %d: %w", q.name, userID, err)
		}
		if q.name == "profile" {
			reminderDaysAsList(rows)
		}
		sections = append(sections, ExportSection{Name: q.name, Rows: rows})
	}
	return sections, nil
}

// reminderDaysAsList writes the stored reminder choice ("180,90,30,7") as the API
// shows it: a list of days, largest first.
func reminderDaysAsList(rows []map[string]any) {
	for _, row := range rows {
		stored, _ := row["reminder_days"].(string)
		row["reminder_days"] = append([]int{}, User{ReminderDays: stored}.Reminders()...)
	}
}

// EvidenceToExport lists the user's evidence files without their content, so an
// export can load and write them one at a time.
func EvidenceToExport(ctx context.Context, db *gorm.DB, userID int64) ([]EvidenceFile, error) {
	var files []EvidenceFile
	err := db.WithContext(ctx).Select("id", "entry_id", "filename", "created_at").Where("user_id = ?", userID).Order("id").Find(&files).Error
	if err != nil {
		return nil, fmt.Errorf("list evidence of user %d: %w", userID, err)
	}
	return files, nil
}

// DeckImagesToExport lists the images of the decks the user owns without their
// bytes, in the order of the study_deck_images section, so an export can load and
// write them one at a time.
func DeckImagesToExport(ctx context.Context, db *gorm.DB, userID int64) ([]DeckMedia, error) {
	var images []DeckMedia
	err := db.WithContext(ctx).Select("id", "deck_id", "name", "created_at").
		Where("deck_id IN (?)", db.Table("study_decks").Select("id").Where("owner_id = ?", userID)).
		Order("deck_id, name").Find(&images).Error
	if err != nil {
		return nil, fmt.Errorf("list deck images of user %d: %w", userID, err)
	}
	return images, nil
}
