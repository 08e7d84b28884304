package handlers

import (
	"context"
	"path/filepath"
	"testing"
	"time"

	"github.com/glebarez/sqlite"
	"gorm.io/gorm"
	"gorm.io/gorm/logger"
)

// revisionDB is a database holding only reference_revision, as migration 00040 makes
// it (this package's tests cannot import app, which imports it).
func revisionDB(t *testing.T) *gorm.DB {
	t.Helper()
	db, err := gorm.Open(sqlite.Open(filepath.Join(t.TempDir(), "rev.db")), &gorm.Config{Logger: logger.Discard})
	if err != nil {
		t.Fatal(err)
	}
	for _, stmt := range []string{
		"CREATE TABLE reference_revision (id INTEGER PRIMARY KEY CHECK (id = 1), revision BIGINT NOT NULL, updated_at DATETIME NOT NULL)",
		"INSERT INTO reference_revision (id, revision, updated_at) VALUES (1, 0, CURRENT_TIMESTAMP)",
	} {
		if err := db.Exec(stmt).Error; err != nil {
			t.Fatal(err)
		}
	}
	t.Cleanup(func() {
		if sqlDB, err := db.DB(); err == nil {
			sqlDB.Close()
		}
	})
	return db
}

func TestReferenceCacheRemembersTheRevisionBriefly(t *testing.T) {
	db := revisionDB(t)
	ctx := context.Background()
	var cache referenceCache
	first, err := cache.currentRevision(ctx, db)
	if err != nil {
		t.Fatal(err)
	}
	// Another process edits the content.
	if err := db.Exec("UPDATE reference_revision SET revision = revision + 1").Error; err != nil {
		t.Fatal(err)
	}
	if got, _ := cache.currentRevision(ctx, db); got.Revision != first.Revision {
		t.Fatalf("got revision %d within the TTL, want the remembered %d", got.Revision, first.Revision)
	}
	cache.revMu.Lock()
	cache.checkedAt = time.Now().Add(-revisionTTL)
	cache.revMu.Unlock()
	if got, _ := cache.currentRevision(ctx, db); got.Revision != first.Revision+1 {
		t.Fatalf("got revision %d after the TTL, want %d", got.Revision, first.Revision+1)
	}
	db.Exec("UPDATE reference_revision SET revision = revision + 1")
	cache.forgetRevision()
	if got, _ := cache.currentRevision(ctx, db); got.Revision != first.Revision+2 {
		t.Fatalf("got revision %d after forgetRevision, want %d", got.Revision, first.Revision+2)
	}
}

func TestReferenceCacheDropsOlderRevisions(t *testing.T) {
	var cache referenceCache
	cache.put("page:a", 2, &referenceRendering{etag: "a2"})
	if _, ok := cache.get("page:a", 1); ok {
		t.Fatal("got a rendering of revision 2 when asking for revision 1")
	}
	cache.put("page:b", 1, &referenceRendering{etag: "b1"})
	if _, ok := cache.get("page:b", 1); ok {
		t.Fatal("got a late rendering of an older revision stored")
	}
	cache.put("page:b", 3, &referenceRendering{etag: "b3"})
	if _, ok := cache.get("page:a", 3); ok {
		t.Fatal("got revision 2's page kept after revision 3 arrived")
	}
	if r, ok := cache.get("page:b", 3); !ok || r.etag != "b3" {
		t.Fatalf("got %v, %v, want b3", r, ok)
	}
}
