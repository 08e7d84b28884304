package app_test

import (
	"context"
	"fmt"
	"path/filepath"
	"sync"
	"testing"
	"time"

	"gorm.io/gorm"

	"hitpath/app"
	"hitpath/app/testdb"
	"hitpath/models"
)

// TestConcurrentWritersNeverBusy runs many writers at once through the write paths
// that read before they write (evidence upload checks the entry first, deleting reads
// then deletes) next to plain inserts. On SQLite deferred transactions made about a
// quarter of them fail with SQLITE_BUSY; every one must succeed.
func TestConcurrentWritersNeverBusy(t *testing.T) {
	dbs := map[string]*gorm.DB{"sqlite": openSQLite(t, 8)}
	if len(testdb.Dialects()) > 1 {
		dbs["postgres"] = testdb.Open(t, "postgres")
	}
	for dialect, db := range dbs {
		t.Run(dialect, func(t *testing.T) {
			const writers, rounds = 50, 8
			userIDs := make([]int64, writers)
			for i := range userIDs {
				u := models.User{Email: fmt.Sprintf("w%d@example.com", i), Name: "W", PasswordHash: "x"}
				if err := models.CreateUser(context.Background(), db, &u); err != nil {
					t.Fatal(err)
				}
				userIDs[i] = u.ID
			}
			errs := make(chan error, writers*rounds)
			var wg sync.WaitGroup
			for _, userID := range userIDs {
				wg.Add(1)
				go func() {
					defer wg.Done()
					for range rounds {
						errs <- writeEntryWithEvidence(db, userID)
					}
				}()
			}
			wg.Wait()
			close(errs)
			failed := 0
			for err := range errs {
				if err != nil {
					if failed == 0 {
						t.Errorf("first failure: %v", err)
					}
					failed++
				}
			}
			if failed > 0 {
				t.Fatalf("got %d failed writes of %d, want 0", failed, writers*rounds)
			}
			var entries, files int64
			db.Model(&models.CEUEntry{}).Count(&entries)
			db.Model(&models.EvidenceFile{}).Count(&files)
			if entries != writers*rounds || files != writers*rounds {
				t.Fatalf("got %d entries and %d evidence files, want %d of each", entries, files, writers*rounds)
			}
		})
	}
}

// writeEntryWithEvidence creates an entry, attaches a small PDF and replaces a
// throwaway entry, as a learner logging an activity would.
func writeEntryWithEvidence(db *gorm.DB, userID int64) error {
	ctx, now := context.Background(), time.Date(2031, 6, 15, 10, 0, 0, 0, time.UTC)
	minutes := 60
	entry := models.CEUEntry{UserID: userID, ActivityDate: now, Title: "Webinar", Provider: "AHIMA",
		ProviderKind: "ahima", Minutes: &minutes, CEUs: 100, Delivery: "online"}
	if err := models.SaveCEUEntry(ctx, db, &entry, now); err != nil {
		return err
	}
	file, problem := models.NewEvidenceFile("certificate.pdf", []byte("%PDF-1.4\n"+string(make([]byte, 2048))))
	if problem != "" {
		return fmt.Errorf("evidence: %s", problem)
	}
	if err := models.AddEvidence(ctx, db, userID, entry.ID, &file, models.DefaultEvidenceQuota, now); err != nil {
		return err
	}
	spare := entry
	spare.ID = 0
	if err := models.SaveCEUEntry(ctx, db, &spare, now); err != nil {
		return err
	}
	return models.DeleteCEUEntry(ctx, db, userID, spare.ID)
}

// openSQLite opens a migrated SQLite database the way the server does, with conns
// connections.
func openSQLite(t *testing.T, conns int) *gorm.DB {
	t.Helper()
	db, err := app.OpenDB(app.Config{DataDir: filepath.Join(t.TempDir(), "data"), MaxDBConns: conns})
	if err != nil {
		t.Fatal(err)
	}
	if err := app.Migrate(context.Background(), db); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		if sqlDB, err := db.DB(); err == nil {
			sqlDB.Close()
		}
	})
	return db
}

// TestConcurrentPathwaySavesAllSucceed saves one learner's pathway from several tabs
// at once, the first time and again: every save succeeds and one row remains.
func TestConcurrentPathwaySavesAllSucceed(t *testing.T) {
	dbs := map[string]*gorm.DB{"sqlite": openSQLite(t, 8)}
	if len(testdb.Dialects()) > 1 {
		dbs["postgres"] = testdb.Open(t, "postgres")
	}
	for dialect, db := range dbs {
		t.Run(dialect, func(t *testing.T) {
			ctx, now := context.Background(), time.Date(2031, 6, 15, 10, 0, 0, 0, time.UTC)
			u := models.User{Email: "tabs@example.com", Name: "Tabs", PasswordHash: "x"}
			if err := models.CreateUser(ctx, db, &u); err != nil {
				t.Fatal(err)
			}
			const tabs = 8
			errs := make(chan error, tabs*2)
			var wg sync.WaitGroup
			for i := range tabs * 2 {
				wg.Add(1)
				go func() {
					defer wg.Done()
					p := models.Pathway{UserID: u.ID, TargetCode: "RHIT", ProgramName: fmt.Sprintf("Tab %d", i)}
					_, err := models.SavePathway(ctx, db, &p, now)
					errs <- err
				}()
			}
			wg.Wait()
			close(errs)
			for err := range errs {
				if err != nil {
					t.Fatalf("got %v, want every save to succeed", err)
				}
			}
			var n int64
			db.Model(&models.Pathway{}).Where("user_id = ?", u.ID).Count(&n)
			if n != 1 {
				t.Fatalf("got %d pathways, want 1", n)
			}
		})
	}
}
