package models_test

import (
	"context"
	"encoding/json"
	"fmt"
	"regexp"
	"sort"
	"testing"
	"time"

	"gorm.io/gorm"

	"hitpath/app/testdb"
	"hitpath/models"
)

// seedEveryExportSection gives Ana a row in nearly every section of the export, with
// the optional dates, flags and numbers filled in so each column shows its type.
func seedEveryExportSection(t *testing.T, db *gorm.DB) int64 {
	t.Helper()
	ctx, now := context.Background(), time.Date(2026, 3, 2, 14, 30, 15, 123456000, time.UTC)
	day := time.Date(2026, 3, 2, 0, 0, 0, 0, time.UTC)
	ana := newHolder(t, db, "ana@example.com", "RHIT", day.AddDate(-1, 0, 0))
	addEntry(t, db, ana.ID, day, 100, true)
	cohort, err := models.CreateCohort(ctx, db, models.AuditActor{UserID: ana.ID}, ana.ID, models.CohortFields{Name: "HIT 210", TargetCode: "RHIT"}, now)
	if err != nil {
		t.Fatal(err)
	}
	seed := []string{
		`UPDATE users SET email_verified_at = @now WHERE id = @ana`,
		`INSERT INTO cohort_members (cohort_id, user_id, joined_at, consent_given_at, share_outcomes) VALUES (@cohort, @ana, @now, @now, TRUE)`,
		`INSERT INTO pathways (user_id, target_code, program_start, coursework_done, created_at, updated_at) VALUES (@ana, 'RHIT', @day, TRUE, @now, @now)`,
		`INSERT INTO courses (name, position) VALUES ('Export test course', @one)`,
		`INSERT INTO learner_courses (user_id, course_id, status, due_on, updated_at) SELECT @ana, id, 'planned', @day, @now FROM courses WHERE name = 'Export test course'`,
		`INSERT INTO practice_exams (user_id, credential_code, taken_on, overall_percent, created_at) VALUES (@ana, 'RHIT', @day, 62.5, @now)`,
		`INSERT INTO practice_exam_scores (practice_exam_id, domain_position, percent) SELECT id, 1, 80 FROM practice_exams WHERE user_id = @ana`,
		`INSERT INTO readiness_summaries (user_id, credential_code, percent, attempts_counted, last_attempt_on, updated_at) VALUES (@ana, 'RHIT', 71.25, 1, @day, @now)`,
		`INSERT INTO study_decks (owner_id, credential_code, title, created_at, updated_at) VALUES (@ana, 'RHIT', 'Mine', @now, @now)`,
		`INSERT INTO study_cards (deck_id, kind, domain_position, front, created_at, updated_at) SELECT id, 'card', 1, 'Q', @now, @now FROM study_decks WHERE owner_id = @ana`,
		`INSERT INTO study_deck_media (deck_id, name, content_type, size_bytes, width, height, sha256, content, created_at) SELECT id, 'a.png', 'image/png', 3, 1, 1, 'x', @png, @now FROM study_decks WHERE owner_id = @ana`,
		`INSERT INTO study_card_states (user_id, card_id, state, due, effective_due, stability, difficulty, last_review) SELECT @ana, id, 1, 1, 1, 1.5, 5, 1 FROM study_cards`,
		`INSERT INTO study_reviews (user_id, card_id, client_review_id, rating, reviewed_at, state_before, state_after, stability, difficulty, due) SELECT @ana, id, 'r1', 3, 1, 0, 1, 1, 5, 1 FROM study_cards`,
		`INSERT INTO study_settings (user_id, planned_exam_on, updated_at) VALUES (@ana, @day, @now)`,
		`INSERT INTO study_quizzes (user_id, credential_code, seed, started_at, score_percent) VALUES (@ana, 'RHIT', 7, @now, 50)`,
		`INSERT INTO study_quiz_items (quiz_id, position, card_id, domain_position, correct) SELECT q.id, @one, c.id, @one, TRUE FROM study_quizzes q, study_cards c`,
		`INSERT INTO study_sessions (user_id, studied_on, minutes, credential_code, domain_position, created_at) VALUES (@ana, @day, 30, 'RHIT', @one, @now)`,
		`INSERT INTO evidence_files (entry_id, user_id, filename, content_type, size_bytes, sha256, content, created_at)
			SELECT id, user_id, 'cert.pdf', 'application/pdf', 3, 'x', @png, @now FROM ceu_entries WHERE user_id = @ana`,
		`INSERT INTO sessions (id, user_id, created_at, expires_at) VALUES ('s1', @ana, @now, @now)`,
		`INSERT INTO instructor_requests (user_id, school, program, created_at) VALUES (@ana, 'State', 'HIT', @now)`,
		`INSERT INTO two_factor (user_id, secret_sealed, confirmed_at, created_at, updated_at) VALUES (@ana, 'k', @now, @now, @now)`,
		`INSERT INTO recovery_codes (user_id, code_hash, created_at) VALUES (@ana, 'h', @now)`,
		`INSERT INTO notices (user_id, kind, title, body, created_at) VALUES (@ana, 'nudge', 't', 'b', @now)`,
		`INSERT INTO calendar_tokens (user_id, token_hash, created_at) VALUES (@ana, 'h', @now)`,
		`INSERT INTO calendar_feeds (user_id, alarms, changed_at) VALUES (@ana, TRUE, @now)`,
	}
	args := map[string]any{"ana": ana.ID, "cohort": cohort.ID, "now": now, "day": day, "png": []byte{1, 2, 3}, "one": 1}
	for _, sql := range seed {
		if err := db.Exec(sql, args).Error; err != nil {
			t.Fatalf("seed %q: %v", sql, err)
		}
	}
	if err := models.WriteAudit(db, models.AuditActor{UserID: ana.ID}, "user.renamed", fmt.Sprintf("user:%d", ana.ID), ""); err != nil {
		t.Fatal(err)
	}
	return ana.ID
}

var (
	exportInstantRe = regexp.MustCompile(`^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z$`)
	exportDayRe     = regexp.MustCompile(`^\d{4}-\d\d-\d\d$`)
)

// jsonKind names what a JSON value is, telling moments and days from other text.
func jsonKind(v any) string {
	switch x := v.(type) {
	case nil:
		return "null"
	case bool:
		return "boolean"
	case float64:
		return "number"
	case []any:
		return "array"
	case string:
		if exportInstantRe.MatchString(x) {
			return "instant"
		}
		if exportDayRe.MatchString(x) {
			return "day"
		}
		return "text"
	}
	return fmt.Sprintf("%T", v)
}

// TestExportValuesHaveOneTypeOnEveryDatabase exports the same records on SQLite and
// PostgreSQL and checks every column comes out as the same JSON type: booleans as
// true/false, numbers as numbers, moments in UTC and days as dates.
func TestExportValuesHaveOneTypeOnEveryDatabase(t *testing.T) {
	kindsBy := map[string]map[string]string{}
	testdb.Each(t, func(t *testing.T, db *gorm.DB) {
		ana := seedEveryExportSection(t, db)
		sections, err := models.PersonalDataSections(context.Background(), db, ana)
		if err != nil {
			t.Fatal(err)
		}
		kinds := map[string]string{}
		for _, s := range sections {
			body, err := json.Marshal(s.Rows)
			if err != nil {
				t.Fatal(err)
			}
			var rows []map[string]any
			if err := json.Unmarshal(body, &rows); err != nil {
				t.Fatal(err)
			}
			for _, row := range rows {
				for col, v := range row {
					if k := jsonKind(v); k != "null" {
						kinds[s.Name+"."+col] = k
					}
				}
			}
		}
		want := map[string]string{
			"audit_events.by_you": "boolean", "cohorts_taught.owner": "boolean", "profile.weekly_digest": "boolean",
			"profile.reminder_days": "array", "profile.created_at": "instant", "profile.email_verified_at": "instant",
			"ceu_entries.in_hiim_domain": "boolean", "ceu_entries.activity_date": "day", "ceu_entries.ceus": "number",
			"practice_exams.overall_percent": "number", "practice_exams.taken_on": "day", "practice_exam_scores.percent": "number",
			"readiness_summaries.percent": "number", "pathway.coursework_done": "boolean", "pathway.program_start": "day",
			"study_quiz_items.correct": "boolean", "study_quizzes.score_percent": "number", "calendar_settings.alarms": "boolean",
			"cohort_memberships.share_outcomes": "boolean", "two_factor.recovery_codes_unused": "number",
			"audit_events.at": "instant", "sessions.expires_at": "instant", "study_settings.planned_exam_on": "day",
			"study_sessions.studied_on": "day", "study_sessions.minutes": "number", "evidence_files.created_at": "instant",
		}
		for col, k := range want {
			if kinds[col] != k {
				t.Errorf("got %s as %q, want %s", col, kinds[col], k)
			}
		}
		kindsBy[db.Dialector.Name()] = kinds
	})
	sqlite, postgres := kindsBy["sqlite"], kindsBy["postgres"]
	if postgres == nil {
		return
	}
	cols := []string{}
	for col := range sqlite {
		cols = append(cols, col)
	}
	for col := range postgres {
		if _, ok := sqlite[col]; !ok {
			cols = append(cols, col)
		}
	}
	sort.Strings(cols)
	for _, col := range cols {
		if sqlite[col] != postgres[col] {
			t.Errorf("%s is %q on SQLite but %q on PostgreSQL", col, sqlite[col], postgres[col])
		}
	}
}
