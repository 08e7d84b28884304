package testdb

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io/fs"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"gorm.io/driver/postgres"
	"gorm.io/gorm"
	"gorm.io/gorm/logger"

	"hitpath/app"
	"hitpath/migrations"
)

// Migrating a database from nothing takes about 30 ms on SQLite and 250 ms on
// PostgreSQL, and the suites open thousands: each test instead gets a copy of one
// database migrated once. On PostgreSQL that template is a database named after a
// hash of the migrations, shared by every test process (CREATE DATABASE … TEMPLATE
// copies it); on SQLite it is the bytes of a migrated file, made once per process.

var (
	sqliteOnce     sync.Once
	sqliteTemplate []byte
	sqliteErr      error

	postgresOnce sync.Once
	postgresName string
	postgresErr  error
)

// copySQLiteTemplate writes a migrated SQLite database file at path.
func copySQLiteTemplate(t testing.TB, path string) {
	t.Helper()
	sqliteOnce.Do(func() { sqliteTemplate, sqliteErr = migratedSQLiteFile() })
	if sqliteErr != nil {
		t.Fatalf("make the SQLite template: %v", sqliteErr)
	}
	if err := os.MkdirAll(filepath.Dir(path), 0o700); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, sqliteTemplate, 0o600); err != nil {
		t.Fatalf("copy the SQLite template: %v", err)
	}
}

// migratedSQLiteFile migrates a database in a scratch directory and returns a
// compacted copy of it (VACUUM INTO writes one self-contained file, WAL included).
func migratedSQLiteFile() ([]byte, error) {
	dir, err := os.MkdirTemp("", "hitpath-testdb-")
	if err != nil {
		return nil, err
	}
	defer os.RemoveAll(dir)
	cfg := app.Config{DataDir: filepath.Join(dir, "data"), MaxDBConns: 1}
	db, err := app.OpenDB(cfg)
	if err != nil {
		return nil, err
	}
	defer closeDB(db)
	if err := app.Migrate(context.Background(), db); err != nil {
		return nil, err
	}
	copyPath := filepath.Join(dir, "template.db")
	if err := db.Exec("VACUUM INTO ?", copyPath).Error; err != nil {
		return nil, err
	}
	return os.ReadFile(copyPath)
}

// postgresTemplate returns the name of a migrated database to copy on the
// TEST_DATABASE_URL server, creating it the first time. Processes that race to
// create it each migrate a scratch database and rename it; the first rename wins and
// the others drop theirs.
func postgresTemplate(t testing.TB) string {
	t.Helper()
	if os.Getenv("TEST_DATABASE_URL") == "" {
		t.Skip("TEST_DATABASE_URL is not set")
	}
	postgresOnce.Do(func() { postgresName, postgresErr = makePostgresTemplate() })
	if postgresErr != nil {
		t.Fatalf("make the PostgreSQL template: %v", postgresErr)
	}
	return postgresName
}

func makePostgresTemplate() (string, error) {
	sum, err := migrationsHash()
	if err != nil {
		return "", err
	}
	name := "hitpath_template_" + sum
	adminURL := os.Getenv("TEST_DATABASE_URL")
	admin, err := gorm.Open(postgres.Open(adminURL), &gorm.Config{Logger: logger.Discard})
	if err != nil {
		return "", err
	}
	defer closeDB(admin)
	var found int64
	if err := admin.Raw("SELECT COUNT(*) FROM pg_database WHERE datname = ?", name).Scan(&found).Error; err != nil || found > 0 {
		return name, err
	}
	scratch := name + "_" + randomSuffix()
	if err := admin.Exec("CREATE DATABASE " + scratch + " TEMPLATE template0").Error; err != nil {
		return "", err
	}
	if err := migrateDatabase(adminURL, scratch); err != nil {
		admin.Exec("DROP DATABASE IF EXISTS " + scratch + " WITH (FORCE)")
		return "", err
	}
	if err := admin.Exec("ALTER DATABASE " + scratch + " RENAME TO " + name).Error; err != nil {
		admin.Exec("DROP DATABASE IF EXISTS " + scratch + " WITH (FORCE)")
		if !strings.Contains(err.Error(), "already exists") {
			return "", err
		}
	}
	return name, nil
}

// migrateDatabase applies every migration to the named database and disconnects.
func migrateDatabase(adminURL, name string) error {
	u, err := url.Parse(adminURL)
	if err != nil {
		return err
	}
	u.Path = "/" + name
	db, err := app.OpenDB(app.Config{DatabaseURL: u.String(), MaxDBConns: 2})
	if err != nil {
		return err
	}
	defer closeDB(db)
	return app.Migrate(context.Background(), db)
}

// migrationsHash names the schema: the first 12 hex digits of a SHA-256 over every
// embedded migration and seed file, so a changed migration makes a new template.
func migrationsHash() (string, error) {
	h := sha256.New()
	err := fs.WalkDir(migrations.FS, ".", func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := fs.ReadFile(migrations.FS, path)
		fmt.Fprintf(h, "%s\x00%d\x00", path, len(data))
		h.Write(data)
		return err
	})
	return hex.EncodeToString(h.Sum(nil))[:12], err
}

func closeDB(db *gorm.DB) {
	if sqlDB, err := db.DB(); err == nil {
		sqlDB.Close()
	}
}
