// Package testdb gives each test a fresh, migrated database: SQLite in a temporary
// directory always, and a throwaway PostgreSQL database when TEST_DATABASE_URL is set.
package testdb

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"net/url"
	"os"
	"path/filepath"
	"testing"

	"gorm.io/driver/postgres"
	"gorm.io/gorm"
	"gorm.io/gorm/logger"

	"hitpath/app"
)

// Dialects lists the databases this run tests against.
func Dialects() []string {
	if os.Getenv("TEST_DATABASE_URL") != "" {
		return []string{"sqlite", "postgres"}
	}
	return []string{"sqlite"}
}

// Each runs fn once per dialect as a subtest with its own fresh database.
func Each(t *testing.T, fn func(t *testing.T, db *gorm.DB)) {
	t.Helper()
	for _, dialect := range Dialects() {
		t.Run(dialect, func(t *testing.T) { fn(t, Open(t, dialect)) })
	}
}

// Open returns a fresh migrated database of dialect, removed when the test ends.
func Open(t testing.TB, dialect string) *gorm.DB {
	t.Helper()
	var db *gorm.DB
	if dialect == "postgres" {
		db = openPostgres(t)
	} else {
		cfg := app.Config{DataDir: filepath.Join(t.TempDir(), "data"), MaxDBConns: 4}
		copySQLiteTemplate(t, cfg.SQLitePath())
		var err error
		if db, err = app.OpenDB(cfg); err != nil {
			t.Fatalf("open sqlite: %v", err)
		}
	}
	// The copy of the template is already migrated: this checks it and does nothing.
	if err := app.Migrate(context.Background(), db); err != nil {
		t.Fatalf("migrate %s: %v", dialect, err)
	}
	t.Cleanup(func() { closeDB(db) })
	return db
}

// openPostgres opens a fresh migrated database on the TEST_DATABASE_URL server.
func openPostgres(t testing.TB) *gorm.DB {
	t.Helper()
	db, err := app.OpenDB(app.Config{DatabaseURL: databaseURL(t, postgresTemplate(t)), MaxDBConns: 8})
	if err != nil {
		t.Fatalf("open test database: %v", err)
	}
	return db
}

// FreshConfig returns a configuration naming a fresh, empty (unmigrated) database of
// dialect, removed when the test ends, for tests that open it several times as
// separate processes would.
func FreshConfig(t testing.TB, dialect string) app.Config {
	t.Helper()
	cfg := app.Config{DataDir: filepath.Join(t.TempDir(), "data"), MaxDBConns: 4}
	if dialect == "postgres" {
		cfg.DatabaseURL, cfg.MaxDBConns = postgresURL(t), 8
	}
	return cfg
}

// postgresURL creates an empty database with a random name on the TEST_DATABASE_URL
// server, returns its URL and drops it (even with connections left open) when the test
// ends.
func postgresURL(t testing.TB) string {
	t.Helper()
	return databaseURL(t, "template0")
}

// databaseURL creates a database copied from template with a random name on the
// TEST_DATABASE_URL server, returns its URL and drops it when the test ends.
func databaseURL(t testing.TB, template string) string {
	t.Helper()
	adminURL := os.Getenv("TEST_DATABASE_URL")
	if adminURL == "" {
		t.Skip("TEST_DATABASE_URL is not set")
	}
	admin, err := gorm.Open(postgres.Open(adminURL), &gorm.Config{Logger: logger.Discard})
	if err != nil {
		t.Fatalf("connect to TEST_DATABASE_URL: %v", err)
	}
	name := "hitpath_test_" + randomSuffix()
	if err := admin.Exec("CREATE DATABASE " + name + " TEMPLATE " + template).Error; err != nil {
		t.Fatalf("create database %s: %v", name, err)
	}
	t.Cleanup(func() {
		admin.Exec("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)")
		if sqlDB, err := admin.DB(); err == nil {
			sqlDB.Close()
		}
	})
	u, err := url.Parse(adminURL)
	if err != nil {
		t.Fatalf("parse TEST_DATABASE_URL: %v", err)
	}
	u.Path = "/" + name
	return u.String()
}

func randomSuffix() string {
	raw := make([]byte, 6)
	_, _ = rand.Read(raw)
	return hex.EncodeToString(raw)
}
