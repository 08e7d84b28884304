package models

import (
	"context"
	"database/sql"
	"database/sql/driver"
	"errors"
	"io"
	"net"
	"strings"
	"syscall"

	sqlite "github.com/glebarez/go-sqlite"
	"github.com/jackc/pgx/v5/pgconn"
)

// IsUnavailable tells whether err means the database cannot serve right now (down,
// unreachable, restarting, out of connections, locked past the busy timeout) rather
// than that the request was wrong: such a request is answered 503 with Retry-After,
// and trying again later can succeed.
func IsUnavailable(err error) bool {
	if err == nil {
		return false
	}
	var connectErr *pgconn.ConnectError
	var pgErr *pgconn.PgError
	var liteErr *sqlite.Error
	var netErr net.Error
	switch {
	case errors.As(err, &pgErr):
		return unavailableSQLState(pgErr.Code)
	case errors.As(err, &liteErr):
		return unavailableSQLiteCode(liteErr.Code())
	case errors.As(err, &connectErr), errors.As(err, &netErr),
		errors.Is(err, driver.ErrBadConn), errors.Is(err, sql.ErrConnDone), errors.Is(err, pgconn.ErrConnClosed),
		errors.Is(err, context.DeadlineExceeded), errors.Is(err, io.ErrUnexpectedEOF),
		errors.Is(err, syscall.ECONNREFUSED), errors.Is(err, syscall.ECONNRESET), errors.Is(err, syscall.EPIPE):
		return true
	}
	return pgconn.Timeout(err) || pgconn.SafeToRetry(err)
}

// unavailableSQLState picks the PostgreSQL error classes that say "not now": connection
// exceptions (08), insufficient resources (53), operator intervention such as a
// shutdown (57P), and serialization failures and deadlocks (40001, 40P01), which a
// retry resolves.
func unavailableSQLState(code string) bool {
	return strings.HasPrefix(code, "08") || strings.HasPrefix(code, "53") || strings.HasPrefix(code, "57P") ||
		code == "40001" || code == "40P01"
}

// unavailableSQLiteCode picks SQLite's primary result codes that say "not now": BUSY
// and LOCKED (past the busy timeout), IOERR, FULL and CANTOPEN.
func unavailableSQLiteCode(code int) bool {
	switch code & 0xff {
	case 5, 6, 10, 13, 14:
		return true
	}
	return false
}
