// Package app wires hitpath together: configuration, the database, migrations, the
// Fiber server with its middleware, and background jobs. It holds no business rules.
package app

import (
	"errors"
	"fmt"
	"net/netip"
	"net/url"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
	"time"

	"golang.org/x/crypto/bcrypt"

	"hitpath/app/security"
)

// Config is everything hitpath reads from the environment.
type Config struct {
	Port         string
	DatabaseURL  string // empty selects the embedded SQLite database
	DataDir      string
	JWTSecret    string
	BaseURL      string
	SMTPURL      string
	MailFrom     string // sender of every email; empty means no-reply at BASE_URL's host
	MaxDBConns   int
	PasswordCost int
	BenchRoutes  bool // serves /bench/* for the load script; never in production
	// DBWait bounds how long start-up waits for a database that is not up yet.
	DBWait time.Duration
	// ShutdownWait bounds how long shutdown waits for background jobs (a send in flight).
	ShutdownWait time.Duration
	// EvidenceQuota is the most evidence bytes one user may store.
	EvidenceQuota int64
	// HeavyExports is how many audit packs may be built at once.
	HeavyExports int
	// TrustedProxies are the reverse proxies whose X-Forwarded-For is believed; with
	// none, the connection's address is the client's.
	TrustedProxies []netip.Prefix
}

// Postgres reports whether the configuration selects PostgreSQL.
func (c Config) Postgres() bool {
	return strings.HasPrefix(c.DatabaseURL, "postgres://") || strings.HasPrefix(c.DatabaseURL, "postgresql://")
}

// SecureCookies reports whether cookies must carry the Secure flag.
func (c Config) SecureCookies() bool { return strings.HasPrefix(c.BaseURL, "https://") }

// SQLitePath is where the embedded database lives.
func (c Config) SQLitePath() string { return filepath.Join(c.DataDir, "hitpath.db") }

// LoadConfig reads the configuration through getenv (os.Getenv in production, a map
// in tests) and checks it.
func LoadConfig(getenv func(string) string) (Config, error) {
	cfg := Config{
		Port:         or(getenv("PORT"), "3000"),
		DatabaseURL:  getenv("DATABASE_URL"),
		DataDir:      or(getenv("HITPATH_DATA_DIR"), "data"),
		JWTSecret:    getenv("JWT_SECRET"),
		BaseURL:      strings.TrimRight(getenv("BASE_URL"), "/"),
		SMTPURL:      getenv("SMTP_URL"),
		MailFrom:     getenv("MAIL_FROM"),
		PasswordCost: bcrypt.DefaultCost,
		BenchRoutes:  getenv("HITPATH_BENCH_ROUTES") == "1",
	}
	if cfg.BaseURL == "" {
		// Links in emails, calendar feeds and join links follow the port the server
		// really listens on when no public address is given.
		cfg.BaseURL = "http://localhost:" + cfg.Port
	}
	if cfg.DatabaseURL != "" && !cfg.Postgres() {
		return cfg, errors.New("DATABASE_URL must start with postgres:// (leave it unset for the embedded SQLite database)")
	}
	if cfg.Postgres() && cfg.JWTSecret == "" {
		return cfg, errors.New("JWT_SECRET is required when DATABASE_URL selects PostgreSQL: set it to a random string of at least 32 characters, the same on every hitpath process")
	}
	if cfg.JWTSecret != "" && len(cfg.JWTSecret) < 32 {
		return cfg, errors.New("JWT_SECRET must be at least 32 characters long")
	}
	if _, err := url.Parse(cfg.BaseURL); err != nil {
		return cfg, fmt.Errorf("BASE_URL is not a URL: %w", err)
	}
	if cfg.MailFrom != "" {
		if _, err := ParseMailFrom(cfg.MailFrom); err != nil {
			return cfg, err
		}
	}
	conns, err := poolSize(getenv("DB_MAX_CONNS"), cfg.Postgres())
	if err != nil {
		return cfg, err
	}
	cfg.MaxDBConns = conns
	if cfg.TrustedProxies, err = security.ParseTrustedProxies(getenv("TRUSTED_PROXIES")); err != nil {
		return cfg, err
	}
	return cfg, loadLimits(&cfg, getenv)
}

// poolSize picks the connection pool size. Measured with 50 concurrent clients on
// 2 cores (.ci/load): 8 PostgreSQL connections gave p99 13–14 ms for a primary-key
// read, 20 gave 52–82 ms and 50 gave 500 ms, because surplus connections only queue
// inside a busy server. So PostgreSQL gets 4 per core; SQLite gains nothing past 8
// because its writers serialise anyway.
func poolSize(raw string, postgres bool) (int, error) {
	if raw == "" {
		if postgres {
			return 4 * runtime.GOMAXPROCS(0), nil
		}
		return 8, nil
	}
	n, err := strconv.Atoi(raw)
	if err != nil || n < 1 {
		return 0, fmt.Errorf("DB_MAX_CONNS must be a positive number, got %q", raw)
	}
	return n, nil
}

func or(value, fallback string) string {
	if value == "" {
		return fallback
	}
	return value
}
