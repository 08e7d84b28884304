package app_test

import (
	"context"
	"testing"
	"time"

	"gorm.io/gorm"

	"hitpath/app"
	"hitpath/app/testdb"
)

// TestMigration00043KeepsEachHoldersCycle rolls back to before 00043, stores a holder
// whose shared cycle was set on their second AHIMA credential and an entry with
// contradicting minutes, and migrates again: the shared cycle moves onto the first
// credential, the minutes that contradict the CEUs are dropped, and the credentials
// are current from the day they were added.
func TestMigration00043KeepsEachHoldersCycle(t *testing.T) {
	testdb.Each(t, func(t *testing.T, db *gorm.DB) {
		ctx := context.Background()
		migrateBelow(t, db, 43)
		at := time.Date(2031, 6, 15, 10, 0, 0, 0, time.UTC)
		exec := func(sql string, args ...any) {
			t.Helper()
			if err := db.Exec(sql, args...).Error; err != nil {
				t.Fatal(err)
			}
		}
		exec("INSERT INTO users (id, email, password_hash, name, role, created_at, updated_at) VALUES (7, 'h@example.com', 'x', 'H', 'learner', ?, ?)", at, at)
		exec("INSERT INTO held_credentials (user_id, credential_code, earned_on, created_at, updated_at) VALUES (7, 'RHIT', '2029-03-15', ?, ?)", at, at)
		exec("INSERT INTO held_credentials (user_id, credential_code, earned_on, cycle_start_override, cycle_end_override, created_at, updated_at) VALUES (7, 'CCS', '2030-06-10', '2030-06-10', '2032-06-09', ?, ?)", at, at)
		exec("INSERT INTO ceu_entries (user_id, activity_date, title, provider, provider_kind, minutes, ceus, delivery, created_at, updated_at) VALUES (7, '2031-01-01', 'A', 'AHIMA', 'ahima', 60, 300, 'online', ?, ?)", at, at)
		exec("INSERT INTO ceu_entries (user_id, activity_date, title, provider, provider_kind, minutes, ceus, delivery, created_at, updated_at) VALUES (7, '2031-01-02', 'B', 'AHIMA', 'ahima', 150, 200, 'online', ?, ?)", at, at)
		if err := app.Migrate(ctx, db); err != nil {
			t.Fatal(err)
		}
		var held []struct {
			Code  string     `gorm:"column:credential_code"`
			Start *time.Time `gorm:"column:cycle_start_override"`
			From  *time.Time `gorm:"column:current_as_of"`
		}
		db.Raw("SELECT credential_code, cycle_start_override, current_as_of FROM held_credentials ORDER BY earned_on").Scan(&held)
		if len(held) != 2 || held[0].Start == nil || held[0].Start.Format("2006-01-02") != "2030-06-10" || held[1].Start != nil {
			t.Fatalf("got %+v, want the shared cycle moved onto RHIT", held)
		}
		if held[0].From == nil || held[0].From.Format("2006-01-02") != "2031-06-15" {
			t.Fatalf("got current from %v, want the day it was added", held[0].From)
		}
		var rows []struct {
			Minutes *int `gorm:"column:minutes"`
		}
		db.Raw("SELECT minutes FROM ceu_entries ORDER BY activity_date").Scan(&rows)
		if len(rows) != 2 || rows[0].Minutes != nil || rows[1].Minutes == nil || *rows[1].Minutes != 150 {
			t.Fatalf("got %d rows, want the contradicting 60 minutes dropped and 150 kept", len(rows))
		}
	})
}
