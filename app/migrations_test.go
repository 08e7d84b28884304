package app_test

import (
	"context"
	"fmt"
	"os"
	"sort"
	"strings"
	"testing"

	"gorm.io/gorm"

	"hitpath/app"
	"hitpath/app/testdb"
)

// TestDialectsHaveSameSchema proves the SQLite and PostgreSQL migrations produce the
// same tables with the same columns.
func TestDialectsHaveSameSchema(t *testing.T) {
	if os.Getenv("TEST_DATABASE_URL") == "" {
		t.Skip("needs TEST_DATABASE_URL to compare with PostgreSQL")
	}
	lite := schemaOf(t, testdb.Open(t, "sqlite"))
	pg := schemaOf(t, testdb.Open(t, "postgres"))
	if len(lite) == 0 {
		t.Fatal("got no tables from SQLite")
	}
	if a, b := strings.Join(lite, "\n"), strings.Join(pg, "\n"); a != b {
		t.Fatalf("schemas differ:\nsqlite:\n%s\n\npostgres:\n%s", a, b)
	}
}

func schemaOf(t *testing.T, db *gorm.DB) []string {
	t.Helper()
	tables, err := db.Migrator().GetTables()
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, table := range tables {
		if table == "goose_db_version" || strings.HasPrefix(table, "sqlite_") {
			continue
		}
		cols, err := db.Migrator().ColumnTypes(table)
		if err != nil {
			t.Fatal(err)
		}
		names := make([]string, len(cols))
		for i, c := range cols {
			names[i] = c.Name()
		}
		sort.Strings(names)
		out = append(out, fmt.Sprintf("%s(%s)", table, strings.Join(names, ", ")))
	}
	sort.Strings(out)
	return out
}

// TestMigrationsRoundTrip applies every migration, rolls each back, and applies them
// again on both dialects, so a broken Down is caught before a user needs it.
func TestMigrationsRoundTrip(t *testing.T) {
	testdb.Each(t, func(t *testing.T, db *gorm.DB) {
		ctx := context.Background()
		statuses, err := app.MigrationStatus(ctx, db)
		if err != nil {
			t.Fatal(err)
		}
		for range statuses {
			if err := app.MigrateDownOne(ctx, db); err != nil {
				t.Fatalf("down: %v", err)
			}
		}
		tables, _ := db.Migrator().GetTables()
		for _, table := range tables {
			if table != "goose_db_version" && !strings.HasPrefix(table, "sqlite_") {
				t.Fatalf("got table %s left after rolling everything back", table)
			}
		}
		if err := app.Migrate(ctx, db); err != nil {
			t.Fatalf("up again: %v", err)
		}
	})
}
