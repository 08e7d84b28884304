package app

import (
	"context"
	"fmt"
	"io/fs"
	"os"
	"time"

	"github.com/glebarez/sqlite"
	"github.com/pressly/goose/v3"
	"github.com/pressly/goose/v3/lock"
	"gorm.io/driver/postgres"
	"gorm.io/gorm"
	"gorm.io/gorm/logger"

	"hitpath/migrations"
)

// OpenDB opens the configured database with a pool sized for the load we measured.
// PostgreSQL gets cfg.MaxDBConns connections; SQLite one writer connection, which
// writers take in turn, and cfg.MaxDBConns read-only connections (see sqlitePool).
func OpenDB(cfg Config) (*gorm.DB, error) {
	gcfg := &gorm.Config{Logger: logger.Discard, NowFunc: func() time.Time { return time.Now().UTC() }}
	if !cfg.Postgres() {
		return openSQLite(cfg, gcfg)
	}
	db, err := gorm.Open(postgres.Open(cfg.DatabaseURL), gcfg)
	if err != nil {
		return nil, fmt.Errorf("open database: %w", err)
	}
	sqlDB, err := db.DB()
	if err != nil {
		return nil, fmt.Errorf("open database pool: %w", err)
	}
	// database/sql keeps 2 idle connections by default; under 50 concurrent requests
	// that churns connections and p99 climbs to hundreds of ms.
	sqlDB.SetMaxOpenConns(cfg.MaxDBConns)
	sqlDB.SetMaxIdleConns(cfg.MaxDBConns)
	sqlDB.SetConnMaxIdleTime(5 * time.Minute)
	return db, nil
}

func openSQLite(cfg Config, gcfg *gorm.Config) (*gorm.DB, error) {
	if err := os.MkdirAll(cfg.DataDir, 0o700); err != nil {
		return nil, fmt.Errorf("create data directory %s: %w", cfg.DataDir, err)
	}
	pool, err := openSQLitePool(cfg.SQLitePath(), max(cfg.MaxDBConns, 1), sqliteWriterWait)
	if err != nil {
		return nil, err
	}
	db, err := gorm.Open(&sqlite.Dialector{Conn: pool}, gcfg)
	if err != nil {
		pool.writer.Close()
		return nil, fmt.Errorf("open database: %w", err)
	}
	return db, nil
}

// SQLiteDSN is the URI of the writer connection to an SQLite file, with WAL, NORMAL
// sync, a busy timeout and foreign keys: without synchronous(NORMAL) concurrent
// inserts were 3x slower. Transactions begin IMMEDIATE (take the write lock at BEGIN,
// waiting up to the busy timeout): in this process writers already take turns, but
// another process (the import command beside the server) may hold the lock, and a
// deferred transaction that reads and then writes cannot wait for the lock upgrade
// in WAL mode: it fails at once with SQLITE_BUSY.
func SQLiteDSN(path string) string {
	return "file:" + path + "?_pragma=journal_mode(WAL)&_pragma=synchronous(NORMAL)" +
		"&_pragma=busy_timeout(5000)&_pragma=foreign_keys(1)&_txlock=immediate"
}

// Migrate applies every pending migration of the database's dialect.
func Migrate(ctx context.Context, db *gorm.DB) error {
	p, err := migrationProvider(db)
	if err != nil {
		return err
	}
	if _, err := p.Up(ctx); err != nil {
		return fmt.Errorf("migrate up: %w", err)
	}
	reopenSQLiteReaders(db)
	return nil
}

// MigrationStatus lists each migration and whether it is applied.
func MigrationStatus(ctx context.Context, db *gorm.DB) ([]*goose.MigrationStatus, error) {
	p, err := migrationProvider(db)
	if err != nil {
		return nil, err
	}
	return p.Status(ctx)
}

// MigrateDownOne rolls back the newest migration.
func MigrateDownOne(ctx context.Context, db *gorm.DB) error {
	p, err := migrationProvider(db)
	if err != nil {
		return err
	}
	_, err = p.Down(ctx)
	reopenSQLiteReaders(db)
	return err
}

func migrationProvider(db *gorm.DB) (*goose.Provider, error) {
	sqlDB, err := db.DB()
	if err != nil {
		return nil, err
	}
	dialect, dir := goose.DialectSQLite3, "sqlite"
	if db.Dialector.Name() == "postgres" {
		dialect, dir = goose.DialectPostgres, "postgres"
	}
	sub, err := fs.Sub(migrations.FS, dir)
	if err != nil {
		return nil, err
	}
	var opts []goose.ProviderOption
	if dialect == goose.DialectPostgres {
		// Several processes starting together on one database: the first to take the
		// advisory lock migrates, the others wait (polling each second, up to 5
		// minutes) and then find nothing left to do.
		locker, err := lock.NewPostgresSessionLocker(lock.WithLockTimeout(1, 300))
		if err != nil {
			return nil, err
		}
		opts = append(opts, goose.WithSessionLocker(locker))
	}
	p, err := goose.NewProvider(dialect, sqlDB, sub, opts...)
	if err != nil {
		return nil, fmt.Errorf("load %s migrations: %w", dir, err)
	}
	return p, nil
}
