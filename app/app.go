package app

import (
	"context"
	"fmt"
	"io"
	"log/slog"
	"sync"
	"time"

	"github.com/gofiber/fiber/v2"
	"gorm.io/gorm"

	"hitpath/app/security"
	"hitpath/handlers"
	"hitpath/models"
	"hitpath/views"
)

// App is a wired hitpath: its database and its HTTP server.
type App struct {
	Config Config
	DB     *gorm.DB
	Server *fiber.App
	Log    *slog.Logger
	// Now is the one clock: handlers, tokens, cookies, the database's timestamps and
	// the background jobs all read it.
	Now func() time.Time

	jobs   sync.WaitGroup // background jobs, waited for at shutdown
	mailer *Mailer        // the background outbox sender, once started
}

// Options adjust New for tests and tools; the zero value is production.
type Options struct {
	DB      *gorm.DB         // use this database instead of opening Config's
	Log     io.Writer        // access and error logs; nil means discard
	Now     func() time.Time // the clock; nil means the real one, in UTC
	Handler func(*handlers.Deps)
}

// New opens the database (unless given one), runs migrations and builds the server.
func New(cfg Config, opts Options) (*App, error) {
	logOut := opts.Log
	if logOut == nil {
		logOut = io.Discard
	}
	log := slog.New(slog.NewJSONHandler(logOut, nil))
	db := opts.DB
	if db == nil {
		var err error
		if db, err = WaitForDB(context.Background(), cfg, log); err != nil {
			return nil, err
		}
		if err := Migrate(context.Background(), db); err != nil {
			return nil, err
		}
	}
	deps, err := buildDeps(cfg, db, log)
	if err != nil {
		return nil, err
	}
	deps.Now = opts.Now
	if deps.Now == nil {
		deps.Now = func() time.Time { return time.Now().UTC() }
	}
	if opts.Handler != nil {
		opts.Handler(&deps)
	}
	// Timestamps GORM fills in (created_at, updated_at) come from the same clock.
	deps.DB = db.Session(&gorm.Session{NewDB: true, NowFunc: deps.Now})
	if _, err := SeedReferenceContent(context.Background(), deps.DB, deps.Now()); err != nil {
		return nil, err
	}
	h, err := handlers.New(deps)
	if err != nil {
		return nil, err
	}
	server, err := newServer(cfg, h, log)
	if err != nil {
		return nil, err
	}
	return &App{Config: cfg, DB: deps.DB, Server: server, Log: log, Now: deps.Now}, nil
}

func buildDeps(cfg Config, db *gorm.DB, log *slog.Logger) (handlers.Deps, error) {
	secret, err := jwtSecret(cfg)
	if err != nil {
		return handlers.Deps{}, err
	}
	tokens, err := security.NewTokens(secret)
	if err != nil {
		return handlers.Deps{}, err
	}
	hasher, err := security.NewHasher(cfg.PasswordCost)
	if err != nil {
		return handlers.Deps{}, err
	}
	zone, _ := models.ParseTimeZone(or(cfg.DefaultTimeZone, models.DefaultTimeZone))
	if zone == nil {
		return handlers.Deps{}, fmt.Errorf("unknown default time zone %q", cfg.DefaultTimeZone)
	}
	return handlers.Deps{
		DB: db, Tokens: tokens, Hasher: hasher, Log: log, CSRFKey: security.DeriveKey(secret, "csrf"),
		CalendarKey: security.DeriveKey(secret, "calendar-uid"), TwoFactorKey: security.DeriveKey(secret, "two-factor-secret"),
		ChallengeKey: security.DeriveKey(secret, "two-factor-challenge"),
		BaseURL:      cfg.BaseURL, SecureCookies: cfg.SecureCookies(), DefaultZone: zone,
		EvidenceQuota: cfg.EvidenceQuota, HeavyExports: cfg.HeavyExports,
		TrustedProxies: cfg.TrustedProxies, Limits: rateLimitStore(db),
	}, nil
}

// rateLimitStore keeps limiter counters in PostgreSQL, where several processes may
// share one database, and in memory for the single process SQLite allows.
func rateLimitStore(db *gorm.DB) models.RateLimitStore {
	if db.Dialector.Name() == "postgres" {
		return &models.DBRateLimits{DB: db}
	}
	return models.NewMemoryRateLimits()
}

func newServer(cfg Config, h *handlers.Handlers, log *slog.Logger) (*fiber.App, error) {
	engine, err := views.NewEngine()
	if err != nil {
		return nil, err
	}
	server := fiber.New(fiber.Config{
		AppName:      "hitpath",
		Views:        engine,
		ErrorHandler: h.ErrorHandler,
		BodyLimit:    12 << 20, // evidence files up to 10 MB plus form overhead
		// Headers up to this size are read, so one over handlers.MaxHeaderBytes is
		// refused by a handler that knows the path (JSON under /api) rather than by
		// the server before any route is known.
		ReadBufferSize:        64 << 10,
		ReadTimeout:           30 * time.Second,
		WriteTimeout:          60 * time.Second,
		IdleTimeout:           120 * time.Second,
		DisableStartupMessage: true,
	})
	// Anki packages up to 100 MB, streamed to a temporary file; every other request
	// keeps the 12 MB limit above.
	server.Server().HeaderReceived = handlers.ReceiveHeaders
	if cfg.BenchRoutes {
		// Registered before the middleware so they measure a bare Fiber handler.
		registerBenchRoutes(server, h)
	}
	useMiddleware(server, log)
	h.Register(server)
	return server, nil
}

// Listen serves until ctx is cancelled, then drains requests for up to 10 seconds and
// waits (bounded by ShutdownWait) for background jobs to finish what they started.
func (a *App) Listen(ctx context.Context) error {
	errs := make(chan error, 1)
	// Logged once the socket is bound, with the port it really has: a failed listen
	// logs no address.
	a.Server.Hooks().OnListen(func(l fiber.ListenData) error {
		a.Log.Info("hitpath listening", "url", "http://localhost:"+l.Port, "links", a.Config.BaseURL, "port", l.Port, "database", a.dialect())
		return nil
	})
	go func() { errs <- a.Server.Listen(":" + a.Config.Port) }()
	a.StartBackground(ctx)
	select {
	case err := <-errs:
		return fmt.Errorf("listen on port %s: %w", a.Config.Port, err)
	case <-ctx.Done():
	}
	a.Log.Info("shutting down")
	if err := a.Server.ShutdownWithTimeout(10 * time.Second); err != nil {
		return fmt.Errorf("shut down: %w", err)
	}
	a.WaitBackground(a.Config.ShutdownWait)
	return a.Close()
}

// Close releases the database pool.
func (a *App) Close() error {
	sqlDB, err := a.DB.DB()
	if err != nil {
		return err
	}
	return sqlDB.Close()
}

func (a *App) dialect() string { return a.DB.Dialector.Name() }
