package models

import (
	"context"
	"fmt"

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
	{"cohort_memberships", `SELECT m.*, c.name AS cohort_name FROM cohort_members m JOIN cohorts c ON c.id = m.cohort_id WHERE m.user_id = ? ORDER BY m.id`},
	{"sessions", `SELECT id, created_at, expires_at, revoked_at, last_seen_at, user_agent, ip FROM sessions WHERE user_id = ? ORDER BY created_at`},
	{"instructor_requests", `SELECT id, school, program, status, created_at, decided_at FROM instructor_requests WHERE user_id = ? ORDER BY id`},
	// Whether two-factor sign-in is on and how many recovery codes are left: never the
	// key or the codes' hashes.
	{"two_factor", `SELECT t.created_at, t.confirmed_at, COUNT(r.id) AS recovery_codes,
		SUM(CASE WHEN r.id IS NOT NULL AND r.used_at IS NULL THEN 1 ELSE 0 END) AS recovery_codes_unused
		FROM two_factor t LEFT JOIN recovery_codes r ON r.user_id = t.user_id WHERE t.user_id = ?
		GROUP BY t.user_id, t.created_at, t.confirmed_at`},
	{"calendar_feeds", `SELECT id, created_at, revoked_at FROM calendar_tokens WHERE user_id = ? ORDER BY id`},
}

// PersonalDataSections loads every kind of record about the user, one section each,
// plus the audit events they did or that name them.
func PersonalDataSections(ctx context.Context, db *gorm.DB, userID int64) ([]ExportSection, error) {
	sections := make([]ExportSection, 0, len(exportQueries)+1)
	for _, q := range exportQueries {
		rows, err := exportRows(ctx, db, q.sql, userID)
		if err != nil {
			return nil, fmt.Errorf("export %s of user %d: %w", q.name, userID, err)
		}
		sections = append(sections, ExportSection{Name: q.name, Rows: rows})
	}
	audit, err := exportRows(ctx, db, `SELECT id, action, target, detail, ip, at, actor_id = ? AS by_you
		FROM audit_log WHERE actor_id = ? OR target = ? ORDER BY id`, userID, userID, fmt.Sprintf("user:%d", userID))
	if err != nil {
		return nil, fmt.Errorf("export audit events of user %d: %w", userID, err)
	}
	return append(sections, ExportSection{Name: "audit_events", Rows: audit}), nil
}

func exportRows(ctx context.Context, db *gorm.DB, sql string, args ...any) ([]map[string]any, error) {
	rows := []map[string]any{}
	if err := db.WithContext(ctx).Raw(sql, args...).Scan(&rows).Error; err != nil {
		return nil, err
	}
	for _, row := range rows {
		for k, v := range row {
			if b, ok := v.([]byte); ok { // text columns some drivers return as bytes
				row[k] = string(b)
			}
		}
	}
	return rows, nil
}

// EvidenceToExport lists the user's evidence files without their content, so an
// export can load and write them one at a time.
func EvidenceToExport(ctx context.Context, db *gorm.DB, userID int64) ([]EvidenceFile, error) {
	var files []EvidenceFile
	err := db.WithContext(ctx).Select("id", "entry_id", "filename").Where("user_id = ?", userID).Order("id").Find(&files).Error
	if err != nil {
		return nil, fmt.Errorf("list evidence of user %d: %w", userID, err)
	}
	return files, nil
}
