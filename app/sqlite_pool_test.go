package app

import (
	"context"
	"database/sql"
	"errors"
	"path/filepath"
	"sync"
	"testing"
	"time"

	"github.com/glebarez/sqlite"
	"gorm.io/gorm"
	"gorm.io/gorm/logger"
)

// openTestPool opens an SQLite database through sqlitePool with a short writer wait
// and a table to write to.
func openTestPool(t *testing.T, wait time.Duration) (*gorm.DB, *sqlitePool) {
	t.Helper()
	pool, err := openSQLitePool(filepath.Join(t.TempDir(), "pool.db"), 4, wait)
	if err != nil {
		t.Fatal(err)
	}
	db, err := gorm.Open(&sqlite.Dialector{Conn: pool}, &gorm.Config{Logger: logger.Discard})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { pool.writer.Close() })
	if err := db.Exec("CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT NOT NULL)").Error; err != nil {
		t.Fatal(err)
	}
	return db, pool
}

// within fails the test when fn has not returned after limit: a deadlock shows as a
// failure, not as a test binary hanging until its global timeout.
func within(t *testing.T, limit time.Duration, fn func() error) error {
	t.Helper()
	done := make(chan error, 1)
	go func() { done <- fn() }()
	select {
	case err := <-done:
		return err
	case <-time.After(limit):
		t.Fatalf("still waiting after %s: deadlocked", limit)
		return nil
	}
}

// TestOuterHandleInsideTransactionFailsInsteadOfHanging writes through the outer
// handle while a transaction holds the one writer connection, the mistake that
// would block every writer for ever: it must fail with ErrWriterBusy within the
// wait, and the writer must serve again afterwards.
func TestOuterHandleInsideTransactionFailsInsteadOfHanging(t *testing.T) {
	db, _ := openTestPool(t, 300*time.Millisecond)
	err := within(t, 5*time.Second, func() error {
		return db.Transaction(func(tx *gorm.DB) error {
			if err := tx.Exec("INSERT INTO notes (body) VALUES ('inside')").Error; err != nil {
				return err
			}
			return db.Exec("INSERT INTO notes (body) VALUES ('outer handle')").Error
		})
	})
	if !errors.Is(err, ErrWriterBusy) || !errors.Is(err, context.DeadlineExceeded) {
		t.Fatalf("got %v, want ErrWriterBusy (a deadline)", err)
	}
	err = within(t, 5*time.Second, func() error { return db.Exec("INSERT INTO notes (body) VALUES ('after')").Error })
	if err != nil {
		t.Fatalf("write after the failed transaction: got %v, want nil", err)
	}
	var bodies []string
	db.Raw("SELECT body FROM notes ORDER BY id").Scan(&bodies)
	if len(bodies) != 1 || bodies[0] != "after" {
		t.Fatalf("got rows %v, want only [after] (the failed transaction rolled back)", bodies)
	}
}

// TestWritersTakeTurnsInArrivalOrder queues writers behind an open transaction one
// after another: they must commit in the order they arrived.
func TestWritersTakeTurnsInArrivalOrder(t *testing.T) {
	db, pool := openTestPool(t, 10*time.Second)
	holder, err := pool.BeginTx(context.Background(), nil)
	if err != nil {
		t.Fatal(err)
	}
	const writers = 6
	var order []int
	var mu sync.Mutex
	var wg sync.WaitGroup
	for i := range writers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			err := db.Transaction(func(tx *gorm.DB) error {
				mu.Lock()
				order = append(order, i)
				mu.Unlock()
				return tx.Exec("INSERT INTO notes (body) VALUES ('queued')").Error
			})
			if err != nil {
				t.Errorf("writer %d: %v", i, err)
			}
		}()
		time.Sleep(100 * time.Millisecond) // let writer i queue before writer i+1
	}
	if err := holder.(gorm.TxCommitter).Commit(); err != nil {
		t.Fatal(err)
	}
	if err := within(t, 10*time.Second, func() error { wg.Wait(); return nil }); err != nil {
		t.Fatal(err)
	}
	for i, got := range order {
		if got != i {
			t.Fatalf("got turn order %v, want 0..%d in arrival order", order, writers-1)
		}
	}
}

// TestReadsDoNotWaitForTheWriter reads, outside any transaction and in a read-only
// transaction, while a write transaction holds the writer: both answer at once and
// see only committed rows.
func TestReadsDoNotWaitForTheWriter(t *testing.T) {
	db, pool := openTestPool(t, 10*time.Second)
	db.Exec("INSERT INTO notes (body) VALUES ('committed')")
	holder, err := pool.BeginTx(context.Background(), nil)
	if err != nil {
		t.Fatal(err)
	}
	defer holder.(gorm.TxCommitter).Rollback()
	if _, err := holder.ExecContext(context.Background(), "INSERT INTO notes (body) VALUES ('uncommitted')"); err != nil {
		t.Fatal(err)
	}
	var n int64
	err = within(t, 2*time.Second, func() error { return db.Table("notes").Count(&n).Error })
	if err != nil || n != 1 {
		t.Fatalf("read beside the writer: got %d rows, %v; want 1, nil", n, err)
	}
	err = within(t, 2*time.Second, func() error {
		return db.Transaction(func(tx *gorm.DB) error { return tx.Table("notes").Count(&n).Error }, &sql.TxOptions{ReadOnly: true})
	})
	if err != nil || n != 1 {
		t.Fatalf("read-only transaction beside the writer: got %d rows, %v; want 1, nil", n, err)
	}
}

// TestWriteOnAReaderFails proves the readers are read-only, so a write sent to one
// by mistake is an error rather than a second writer.
func TestWriteOnAReaderFails(t *testing.T) {
	_, pool := openTestPool(t, time.Second)
	if _, err := pool.reader.Exec("INSERT INTO notes (body) VALUES ('x')"); err == nil {
		t.Fatal("got a write through a reader connection, want an error")
	}
}

// TestClosingTheWriterClosesTheReaders: db.DB().Close() releases the whole pool.
func TestClosingTheWriterClosesTheReaders(t *testing.T) {
	db, pool := openTestPool(t, time.Second)
	sqlDB, err := db.DB()
	if err != nil || sqlDB != pool.writer {
		t.Fatalf("db.DB(): got %p, %v; want the writer", sqlDB, err)
	}
	if err := sqlDB.Close(); err != nil {
		t.Fatal(err)
	}
	if err := pool.reader.Ping(); err == nil {
		t.Fatal("readers still open after closing the writer")
	}
}

func TestReadOnlyStatement(t *testing.T) {
	tests := []struct {
		query string
		want  bool
	}{
		{"SELECT * FROM users", true},
		{"  select count(*) from notes", true},
		{"(SELECT 1) UNION (SELECT 2)", true},
		{"WITH recent AS (SELECT 1) SELECT * FROM recent", true},
		{"WITH gone AS (SELECT id FROM notes) DELETE FROM notes WHERE id IN gone", false},
		{"UPDATE outbox SET next_attempt_at = 1 RETURNING *", false},
		{"INSERT INTO notes (body) VALUES ('x') RETURNING id", false},
		{"PRAGMA foreign_keys", false},
		{"", false},
	}
	for _, tt := range tests {
		t.Run(tt.query, func(t *testing.T) {
			if got := readOnlyStatement(tt.query); got != tt.want {
				t.Errorf("got %v, want %v", got, tt.want)
			}
		})
	}
}
