package models_test

import (
	"context"
	"fmt"
	"regexp"
	"sort"
	"strings"
	"testing"
	"time"

	"gorm.io/gorm"

	"hitpath/app/testdb"
	"hitpath/models"
)

// userColumnNames are the column names that hold a person's id even without a
// foreign key to users.
var userColumnNames = []string{"user_id", "student_id", "learner_id", "owner_id", "actor_id", "instructor_id", "created_by", "updated_by"}

// globalTables hold site-wide rows, not a person's records, even where a column
// names who last changed them.
var globalTables = map[string]string{
	"site_settings": "site-wide settings an admin changed, not that admin's records",
}

// userColumns reads the schema: every "table.column" that references users(id) or is
// named like a person's id, outside the users table and the global tables.
func userColumns(t *testing.T, db *gorm.DB) []string {
	t.Helper()
	names := "'" + strings.Join(userColumnNames, "','") + "'"
	query := `SELECT m.name AS table_name, p."from" AS column_name FROM sqlite_master m, pragma_foreign_key_list(m.name) p
		WHERE m.type = 'table' AND p."table" = 'users'
		UNION SELECT m.name, c.name FROM sqlite_master m, pragma_table_info(m.name) c WHERE m.type = 'table' AND c.name IN (` + names + `)`
	if db.Dialector.Name() == "postgres" {
		query = `SELECT kcu.table_name, kcu.column_name FROM information_schema.table_constraints tc
			JOIN information_schema.key_column_usage kcu ON kcu.constraint_name = tc.constraint_name AND kcu.table_schema = tc.table_schema
			JOIN information_schema.constraint_column_usage ccu ON ccu.constraint_name = tc.constraint_name AND ccu.table_schema = tc.table_schema
			WHERE tc.constraint_type = 'FOREIGN KEY' AND ccu.table_name = 'users' AND tc.table_schema = current_schema()
			UNION SELECT table_name, column_name FROM information_schema.columns
			WHERE table_schema = current_schema() AND column_name IN (` + names + `)`
	}
	var rows []struct {
		TableName  string
		ColumnName string
	}
	if err := db.Raw(query).Scan(&rows).Error; err != nil {
		t.Fatalf("read the schema: %v", err)
	}
	var out []string
	for _, r := range rows {
		if r.TableName == "users" || globalTables[r.TableName] != "" {
			continue
		}
		out = append(out, r.TableName+"."+r.ColumnName)
	}
	sort.Strings(out)
	return out
}

var exportedTableRe = regexp.MustCompile(`(?i)\b(?:FROM|JOIN)\s+([a-z_0-9]+)`)

// exportedTables are the tables some section of the personal export reads.
func exportedTables() map[string]bool {
	tables := map[string]bool{}
	for _, sql := range models.ExportSQLForTest() {
		for _, m := range exportedTableRe.FindAllStringSubmatch(sql, -1) {
			tables[strings.ToLower(m[1])] = true
		}
	}
	return tables
}

// TestEveryUserTableIsDeletedAndExported derives from the schema every column that
// holds a person's id, and fails for one whose rows are neither removed by account
// deletion nor kept with a reason, or neither exported nor left out with a reason.
// A new table with a user_id column must join models.personalTables (or
// keptUserColumns) and the export (or unexportedUserColumns).
func TestEveryUserTableIsDeletedAndExported(t *testing.T) {
	testdb.Each(t, func(t *testing.T, db *gorm.DB) {
		deleted := map[string]bool{}
		for _, table := range models.PersonalTablesForTest {
			deleted[table+".user_id"] = true
		}
		for table, column := range models.OwnedTablesForTest {
			deleted[table+"."+column] = true
		}
		exported := exportedTables()
		columns := userColumns(t, db)
		if len(columns) < 20 {
			t.Fatalf("found only %d user columns (%v): the schema query is broken", len(columns), columns)
		}
		for _, col := range columns {
			if !deleted[col] && models.KeptUserColumnsForTest[col] == "" {
				t.Errorf("%s holds a person's rows, but deleting the account neither removes them nor says why they stay", col)
			}
			table := strings.Split(col, ".")[0]
			if !exported[table] && models.UnexportedUserColumnsForTest[col] == "" {
				t.Errorf("%s holds a person's rows, but the data export neither includes them nor says why not", col)
			}
		}
		listed := map[string]bool{}
		for _, col := range columns {
			listed[col] = true
		}
		for col := range deleted {
			if !listed[col] {
				t.Errorf("account deletion lists %s, which the schema does not have", col)
			}
		}
	})
}

// TestDeleteAccountLeavesNoRowsInUserTables seeds a person with study, calendar, CEU
// and cohort records, deletes the account, and checks every user column the schema
// has: only the columns kept with a reason still name them.
func TestDeleteAccountLeavesNoRowsInUserTables(t *testing.T) {
	testdb.Each(t, func(t *testing.T, db *gorm.DB) {
		ctx, now := context.Background(), time.Now().UTC()
		day := time.Date(2026, 3, 2, 0, 0, 0, 0, time.UTC)
		ana := newHolder(t, db, "ana@example.com", "RHIT", day.AddDate(-1, 0, 0))
		addEntry(t, db, ana.ID, day, 100, true)
		teacher := newHolder(t, db, "tess@example.com", "RHIA", day.AddDate(-3, 0, 0))
		cohort, err := models.CreateCohort(ctx, db, models.AuditActor{UserID: teacher.ID}, teacher.ID, models.CohortFields{Name: "HIT 210", TargetCode: "RHIT"}, now)
		if err != nil {
			t.Fatal(err)
		}
		seed := []string{
			`INSERT INTO cohort_members (cohort_id, user_id, joined_at, consent_given_at) VALUES (@cohort, @ana, @now, @now)`,
			`INSERT INTO study_decks (owner_id, credential_code, title, created_at, updated_at) VALUES (@ana, 'RHIT', 'Mine', @now, @now)`,
			`INSERT INTO study_decks (owner_id, credential_code, title, cohort_id, created_at, updated_at) VALUES (@ana, 'RHIT', 'Shared', @cohort, @now, @now)`,
			`INSERT INTO study_cards (deck_id, kind, domain_position, front, created_at, updated_at) SELECT id, 'card', 1, 'Q', @now, @now FROM study_decks WHERE owner_id = @ana`,
			`INSERT INTO study_card_states (user_id, card_id, state, due, effective_due, stability, difficulty, last_review) SELECT @ana, id, 1, 1, 1, 1, 5, 1 FROM study_cards`,
			`INSERT INTO study_reviews (user_id, card_id, client_review_id, rating, reviewed_at, state_before, state_after, stability, difficulty, due) SELECT @ana, id, 'r1', 3, 1, 0, 1, 1, 5, 1 FROM study_cards`,
			`INSERT INTO study_settings (user_id, updated_at) VALUES (@ana, @now)`,
			`INSERT INTO study_quizzes (user_id, credential_code, seed, started_at) VALUES (@ana, 'RHIT', 7, @now)`,
			`INSERT INTO calendar_feeds (user_id, changed_at) VALUES (@ana, @now)`,
			`INSERT INTO calendar_feed_events (user_id, uid, content_hash, changed_at) VALUES (@ana, 'e1', 'h', @now)`,
		}
		if err := models.WriteAudit(db, models.AuditActor{UserID: teacher.ID}, "user.disabled", fmt.Sprintf("user:%d", ana.ID), ""); err != nil {
			t.Fatal(err)
		}
		args := map[string]any{"ana": ana.ID, "cohort": cohort.ID, "now": now}
		for _, sql := range seed {
			if err := db.Exec(sql, args).Error; err != nil {
				t.Fatalf("seed %q: %v", sql, err)
			}
		}
		sections, err := models.PersonalDataSections(ctx, db, ana.ID)
		if err != nil {
			t.Fatal(err)
		}
		rows := map[string]int{}
		for _, s := range sections {
			rows[s.Name] = len(s.Rows)
		}
		for _, name := range []string{"study_decks", "study_cards", "study_card_states", "study_reviews", "study_settings", "study_quizzes",
			"calendar_settings", "cohort_memberships", "ceu_entries", "credentials", "audit_events"} {
			if rows[name] == 0 {
				t.Errorf("the export's %s section is empty, want Ana's rows", name)
			}
		}

		if err := models.DeleteAccount(ctx, db, models.AuditActor{}, ana.ID, now); err != nil {
			t.Fatal(err)
		}
		for _, col := range userColumns(t, db) {
			if models.KeptUserColumnsForTest[col] != "" {
				continue
			}
			parts := strings.Split(col, ".")
			var n int64
			if err := db.Table(parts[0]).Where(parts[1]+" = ?", ana.ID).Count(&n).Error; err != nil {
				t.Fatalf("count %s: %v", col, err)
			}
			if n != 0 {
				t.Errorf("got %d rows in %s after deleting the account, want 0", n, col)
			}
		}
		var shared models.StudyDeck
		if err := db.Where("title = ?", "Shared").Take(&shared).Error; err != nil || shared.OwnerID != teacher.ID {
			t.Fatalf("got %+v (%v), want the deck shared with the cohort handed to its owner", shared, err)
		}
	})
}
