package app

import (
	"context"
	"database/sql"
	"database/sql/driver"
	"errors"
	"fmt"
	"strings"
	"sync"
	"time"

	gosqlite "github.com/glebarez/go-sqlite"
	"gorm.io/gorm"
)

// sqliteWriterWait bounds how long a write waits for its turn at the one writer
// connection, like SQLite's busy timeout. Past it the write fails with
// ErrWriterBusy (a 503), so a transaction that wrongly writes through the outer
// handle while it holds the writer fails instead of hanging every writer for ever.
const sqliteWriterWait = 5 * time.Second

// ErrWriterBusy is returned when a write waited sqliteWriterWait for the writer
// connection. It wraps context.DeadlineExceeded, which models.IsUnavailable maps to
// 503 with Retry-After.
var ErrWriterBusy = fmt.Errorf("the sqlite writer stayed busy for %s: %w", sqliteWriterWait, context.DeadlineExceeded)

// sqlitePool is gorm's connection pool for the embedded database. SQLite lets one
// writer in at a time, and waiting for its lock inside SQLite is a sleep-and-retry
// loop that serves nobody in order, so every write transaction and writing statement
// takes its turn here, first come first served, at a single writer connection;
// statements outside a transaction that only read (and read-only transactions) go
// to a pool of query_only connections, which WAL lets run beside the writer.
type sqlitePool struct {
	writer *sql.DB
	reader *sql.DB
	// turn holds one token while a writer has its turn. Goroutines blocked sending
	// on a channel are woken in the order they arrived, which makes it a FIFO queue.
	turn    chan struct{}
	wait    time.Duration
	readers int
}

// openSQLitePool opens the writer (one connection, IMMEDIATE transactions) and
// readers read-only connections on the file at path. Closing the writer's
// *sql.DB, which db.DB() returns, closes the readers too.
func openSQLitePool(path string, readers int, wait time.Duration) (*sqlitePool, error) {
	reader, err := sql.Open("sqlite", sqliteReaderDSN(path))
	if err != nil {
		return nil, fmt.Errorf("open sqlite readers: %w", err)
	}
	reader.SetMaxOpenConns(readers)
	reader.SetMaxIdleConns(readers)
	reader.SetConnMaxIdleTime(5 * time.Minute)
	writer := sql.OpenDB(&sqliteConnector{dsn: SQLiteDSN(path), alsoClose: reader})
	writer.SetMaxOpenConns(1)
	writer.SetMaxIdleConns(1)
	writer.SetConnMaxIdleTime(0)
	// The writer connects first so that the file exists in WAL mode before a
	// read-only connection opens it.
	if err := writer.Ping(); err != nil {
		writer.Close()
		return nil, fmt.Errorf("open sqlite writer: %w", err)
	}
	return &sqlitePool{writer: writer, reader: reader, turn: make(chan struct{}, 1), wait: wait, readers: readers}, nil
}

// sqliteReaderDSN opens connections that cannot write: a write routed to them by
// mistake fails loudly ("attempt to write a readonly database") instead of racing
// the writer.
func sqliteReaderDSN(path string) string {
	return "file:" + path + "?_pragma=busy_timeout(5000)&_pragma=foreign_keys(1)&_pragma=query_only(1)"
}

// takeTurn waits, in arrival order, until the writer is free, for at most p.wait.
func (p *sqlitePool) takeTurn(ctx context.Context) error {
	timer := time.NewTimer(p.wait)
	defer timer.Stop()
	select {
	case p.turn <- struct{}{}:
		return nil
	case <-ctx.Done():
		return fmt.Errorf("wait for the sqlite writer: %w", ctx.Err())
	case <-timer.C:
		return ErrWriterBusy
	}
}

func (p *sqlitePool) endTurn() { <-p.turn }

// PrepareContext prepares reads on a reader and anything else on the writer.
// hitpath does not prepare statements (gorm's PrepareStmt is off).
func (p *sqlitePool) PrepareContext(ctx context.Context, query string) (*sql.Stmt, error) {
	if readOnlyStatement(query) {
		return p.reader.PrepareContext(ctx, query)
	}
	return p.writer.PrepareContext(ctx, query)
}

// ExecContext runs a statement outside a transaction in the writer's turn.
func (p *sqlitePool) ExecContext(ctx context.Context, query string, args ...any) (sql.Result, error) {
	if err := p.takeTurn(ctx); err != nil {
		return nil, err
	}
	defer p.endTurn()
	return p.writer.ExecContext(ctx, query, args...)
}

// QueryContext sends reads to a reader. A writing query (UPDATE … RETURNING) starts
// in the writer's turn; its rows keep the writer connection until they are closed,
// so whoever comes next waits for them inside database/sql, alone.
func (p *sqlitePool) QueryContext(ctx context.Context, query string, args ...any) (*sql.Rows, error) {
	if readOnlyStatement(query) {
		return p.reader.QueryContext(ctx, query, args...)
	}
	if err := p.takeTurn(ctx); err != nil {
		return nil, err
	}
	defer p.endTurn()
	return p.writer.QueryContext(ctx, query, args...)
}

// QueryRowContext is QueryContext for one row. A *sql.Row can only carry an error
// that database/sql made, so a writing query whose turn did not come is sent with an
// expired context: its Scan fails with context.DeadlineExceeded.
func (p *sqlitePool) QueryRowContext(ctx context.Context, query string, args ...any) *sql.Row {
	if readOnlyStatement(query) {
		return p.reader.QueryRowContext(ctx, query, args...)
	}
	if err := p.takeTurn(ctx); err != nil {
		expired, cancel := context.WithDeadline(ctx, time.Time{})
		defer cancel()
		return p.writer.QueryRowContext(expired, query, args...)
	}
	defer p.endTurn()
	return p.writer.QueryRowContext(ctx, query, args...)
}

// BeginTx starts a read-only transaction on a reader, or a write transaction that
// keeps the writer's turn until it commits or rolls back.
func (p *sqlitePool) BeginTx(ctx context.Context, opts *sql.TxOptions) (gorm.ConnPool, error) {
	if opts != nil && opts.ReadOnly {
		return p.reader.BeginTx(ctx, opts)
	}
	if err := p.takeTurn(ctx); err != nil {
		return nil, err
	}
	tx, err := p.writer.BeginTx(ctx, opts)
	if err != nil {
		p.endTurn()
		return nil, err
	}
	return &sqliteWriteTx{Tx: tx, pool: p}, nil
}

// GetDBConn gives gorm's db.DB() the writer, whose Close closes the readers too.
func (p *sqlitePool) GetDBConn() (*sql.DB, error) { return p.writer, nil }

// sqliteWriteTx is a write transaction holding the writer's turn until it ends.
type sqliteWriteTx struct {
	*sql.Tx
	pool *sqlitePool
	once sync.Once
}

// Commit commits and hands the writer to the next in line.
func (t *sqliteWriteTx) Commit() error {
	defer t.end()
	return t.Tx.Commit()
}

// Rollback rolls back and hands the writer on; after a failed commit gorm rolls
// back too, which then only answers sql.ErrTxDone.
func (t *sqliteWriteTx) Rollback() error {
	defer t.end()
	return t.Tx.Rollback()
}

func (t *sqliteWriteTx) end() { t.once.Do(t.pool.endTurn) }

// GetDBConn gives gorm's tx.DB() the writer's *sql.DB.
func (t *sqliteWriteTx) GetDBConn() (*sql.DB, error) { return t.pool.writer, nil }

// readOnlyStatement tells whether query only reads: a SELECT, or a WITH that names no
// writing verb. A read taken for a write only waits its turn; the reverse would fail
// on a query_only connection, so doubt counts as a write.
func readOnlyStatement(query string) bool {
	q := strings.ToUpper(strings.TrimLeft(query, " \t\r\n("))
	switch {
	case strings.HasPrefix(q, "SELECT"):
		return true
	case strings.HasPrefix(q, "WITH"):
		for _, verb := range []string{"INSERT", "UPDATE", "DELETE", "REPLACE"} {
			if strings.Contains(q, verb) {
				return false
			}
		}
		return true
	}
	return false
}

// sqliteConnector opens writer connections and, when the writer's *sql.DB closes,
// closes alsoClose (the readers) with it.
type sqliteConnector struct {
	dsn       string
	alsoClose *sql.DB
}

func (c *sqliteConnector) Connect(context.Context) (driver.Conn, error) {
	return c.Driver().Open(c.dsn)
}

func (c *sqliteConnector) Driver() driver.Driver { return &gosqlite.Driver{} }

// Close is called by sql.DB.Close.
func (c *sqliteConnector) Close() error {
	if err := c.alsoClose.Close(); err != nil && !errors.Is(err, sql.ErrConnDone) {
		return fmt.Errorf("close sqlite readers: %w", err)
	}
	return nil
}

// reopenSQLiteReaders closes the idle read-only connections after migrations ran on
// the writer: a reader that had read the schema before a column was dropped and
// added again was seen answering without the new column's values.
func reopenSQLiteReaders(db *gorm.DB) {
	if pool, ok := db.ConnPool.(*sqlitePool); ok {
		n := pool.readers
		pool.reader.SetMaxIdleConns(0)
		pool.reader.SetMaxIdleConns(n)
	}
}
