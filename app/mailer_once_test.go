package app_test

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"net"
	"os"
	"sync/atomic"
	"testing"
	"time"

	"gorm.io/driver/postgres"
	"gorm.io/gorm"
	"gorm.io/gorm/logger"

	"hitpath/app"
	"hitpath/app/apptest"
	"hitpath/app/testdb"
	"hitpath/models"
)

// quitDropper closes each connection when the client sends QUIT, before the server
// can answer: the message was accepted (250 after DATA) but QUIT gets no reply.
type quitDropper struct{ net.Listener }

func (l quitDropper) Accept() (net.Conn, error) {
	conn, err := l.Listener.Accept()
	if err != nil {
		return nil, err
	}
	return &quitDropConn{Conn: conn}, nil
}

type quitDropConn struct{ net.Conn }

func (c *quitDropConn) Read(p []byte) (int, error) {
	n, err := c.Conn.Read(p)
	if bytes.HasPrefix(bytes.ToUpper(p[:n]), []byte("QUIT")) {
		c.Conn.Close()
		return 0, net.ErrClosed
	}
	return n, err
}

// databaseAway makes every UPDATE on db fail while away is set, as if the database
// had gone away, and counts the refused writes.
func databaseAway(t *testing.T, db *gorm.DB) (away *atomic.Bool, refused *atomic.Int32) {
	t.Helper()
	away, refused = &atomic.Bool{}, &atomic.Int32{}
	err := db.Callback().Update().Before("gorm:update").Register("test:database_away", func(tx *gorm.DB) {
		if away.Load() {
			refused.Add(1)
			tx.AddError(errors.New("dial tcp 127.0.0.1:5432: connect: connection refused"))
		}
	})
	if err != nil {
		t.Fatal(err)
	}
	return away, refused
}

// fixedNow is a clock far from today, so nothing depends on the real date.
func fixedNow() time.Time { return time.Date(2031, 6, 15, 10, 0, 0, 0, time.UTC) }

func forEachDB(t *testing.T, fn func(t *testing.T, db *gorm.DB)) { testdb.Each(t, fn) }

func queueOne(t *testing.T, db *gorm.DB, now time.Time) {
	t.Helper()
	if _, err := models.EnqueueEmail(db, "ana@example.com", "Your CEUs", "Hello Ana", "", now); err != nil {
		t.Fatal(err)
	}
}

// assertDeliveredOnce checks the inbox holds one message and the row says sent, and
// that running the sender again sends nothing more.
func assertDeliveredOnce(t *testing.T, db *gorm.DB, m *app.Mailer, inbox *smtpInbox) {
	t.Helper()
	var email models.OutboxEmail
	if err := db.Take(&email).Error; err != nil {
		t.Fatal(err)
	}
	if email.SentAt == nil || email.Attempts != 1 {
		t.Fatalf("got sent_at=%v attempts=%d last_error=%q, want recorded as sent on the first attempt", email.SentAt, email.Attempts, email.LastError)
	}
	if sent, err := m.SendDue(context.Background()); sent != 0 || err != nil {
		t.Fatalf("got sent=%d err=%v on the next run, want nothing sent", sent, err)
	}
	if got := inbox.received(); len(got) != 1 {
		t.Fatalf("got %d messages, want exactly 1", len(got))
	}
}

// Window (a): the server accepted the message and the connection dropped before
// QUIT's reply. That is a delivery, not a failure to retry.
func TestMailerCountsAcceptedMessageWhenQuitIsLost(t *testing.T) {
	forEachDB(t, func(t *testing.T, db *gorm.DB) {
		inbox := &smtpInbox{}
		url := startSMTPWith(t, inbox, func(ln net.Listener) net.Listener { return quitDropper{ln} })
		now := fixedNow()
		m := newTestMailer(t, db, url, &now)
		queueOne(t, db, now)
		if sent, err := m.SendDue(context.Background()); sent != 1 || err != nil {
			t.Fatalf("got sent=%d err=%v, want 1 delivered", sent, err)
		}
		now = now.Add(24 * time.Hour) // long past any retry or lease
		assertDeliveredOnce(t, db, m, inbox)
	})
}

// Window (b): the database goes away between the send and recording it.
func TestMailerRecordsDeliveryAfterDatabaseComesBack(t *testing.T) {
	forEachDB(t, func(t *testing.T, db *gorm.DB) {
		away, refused := databaseAway(t, db)
		inbox := &smtpInbox{}
		inbox.onData = func() {
			away.Store(true)
			time.AfterFunc(300*time.Millisecond, func() { away.Store(false) })
		}
		now := fixedNow()
		m := newTestMailer(t, db, startSMTP(t, inbox), &now)
		queueOne(t, db, now)
		if sent, err := m.SendDue(context.Background()); sent != 1 || err != nil {
			t.Fatalf("got sent=%d err=%v, want 1 delivered once the database is back", sent, err)
		}
		if refused.Load() == 0 {
			t.Fatal("the database never refused a write: the test did not open the window")
		}
		assertDeliveredOnce(t, db, m, inbox)
	})
}

// Window (b), longer outage: past RecordFor the outcome is kept and recorded before
// anything is claimed again, even after the clock passes the retry time.
func TestMailerKeepsOutcomeThroughLongOutage(t *testing.T) {
	forEachDB(t, func(t *testing.T, db *gorm.DB) {
		away, _ := databaseAway(t, db)
		inbox := &smtpInbox{onData: func() { away.Store(true) }}
		now := fixedNow()
		m := newTestMailer(t, db, startSMTP(t, inbox), &now)
		m.RecordFor = 100 * time.Millisecond
		queueOne(t, db, now)
		if _, err := m.SendDue(context.Background()); err == nil || m.Pending() != 1 {
			t.Fatalf("got err=%v pending=%d during the outage, want an error and 1 kept outcome", err, m.Pending())
		}
		if _, err := m.SendDue(context.Background()); err == nil {
			t.Fatal("got no error while the database is still away")
		}
		away.Store(false)
		inbox.onData = nil
		now = now.Add(24 * time.Hour)
		if sent, err := m.SendDue(context.Background()); sent != 0 || err != nil || m.Pending() != 0 {
			t.Fatalf("got sent=%d err=%v pending=%d after the outage, want the kept outcome recorded and nothing resent", sent, err, m.Pending())
		}
		assertDeliveredOnce(t, db, m, inbox)
	})
}

// Window (c): SIGTERM during a send. The send finishes, its outcome is recorded on a
// context shutdown does not cancel, and shutdown waits for it.
func TestShutdownWaitsForEmailInFlight(t *testing.T) {
	forEachDB(t, func(t *testing.T, db *gorm.DB) {
		server := apptest.New(t, db)
		inbox := &smtpInbox{delay: 300 * time.Millisecond}
		ctx, stop := context.WithCancel(context.Background())
		inbox.onData = stop // the signal arrives while the server reads the message
		now := fixedNow()
		m := newTestMailer(t, db, startSMTP(t, inbox), &now)
		queueOne(t, db, now)
		server.App.StartBackgroundWith(ctx, m)
		select {
		case <-ctx.Done():
		case <-time.After(20 * time.Second):
			t.Fatal("the background sender never reached the SMTP server")
		}
		if !server.App.WaitBackground(10 * time.Second) {
			t.Fatal("background jobs did not finish within 10 s of shutdown")
		}
		assertDeliveredOnce(t, db, m, inbox)
	})
}

// Shutdown's wait is bounded: a send that hangs does not hold the process forever.
func TestShutdownWaitIsBounded(t *testing.T) {
	forEachDB(t, func(t *testing.T, db *gorm.DB) {
		server := apptest.New(t, db)
		now := fixedNow()
		m := newTestMailer(t, db, "", &now)
		release := make(chan struct{})
		sending := make(chan struct{})
		m.Send = func(context.Context, models.OutboxEmail) error { close(sending); <-release; return nil }
		m.RecordFor = 0
		queueOne(t, db, now)
		ctx, stop := context.WithCancel(context.Background())
		t.Cleanup(func() { server.App.WaitBackground(5 * time.Second) })
		t.Cleanup(func() { close(release) })
		server.App.StartBackgroundWith(ctx, m)
		<-sending
		stop()
		started := time.Now()
		if server.App.WaitBackground(200 * time.Millisecond) {
			t.Fatal("got the jobs finished, want the wait to give up on the hung send")
		}
		if waited := time.Since(started); waited > 2*time.Second {
			t.Fatalf("waited %v, want about 200ms", waited)
		}
	})
}

// Window (b) on a real PostgreSQL outage: while the server reads the message, every
// connection to the database is cut and new ones are refused for half a second.
func TestMailerSurvivesPostgresOutageAfterSend(t *testing.T) {
	cfg := testdb.FreshConfig(t, "postgres")
	db, err := app.OpenDB(cfg)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { sqlDB, _ := db.DB(); sqlDB.Close() })
	if err := app.Migrate(context.Background(), db); err != nil {
		t.Fatal(err)
	}
	admin, err := gorm.Open(postgres.Open(os.Getenv("TEST_DATABASE_URL")), &gorm.Config{Logger: logger.Discard})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { sqlDB, _ := admin.DB(); sqlDB.Close() })
	var name string
	db.Raw("SELECT current_database()").Scan(&name)
	allow := func(yes bool) {
		if err := admin.Exec(fmt.Sprintf("ALTER DATABASE %s ALLOW_CONNECTIONS %v", name, yes)).Error; err != nil {
			t.Error(err)
		}
	}
	inbox := &smtpInbox{}
	inbox.onData = func() {
		allow(false)
		admin.Exec("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = ?", name)
		time.AfterFunc(500*time.Millisecond, func() { allow(true) })
	}
	t.Cleanup(func() { allow(true) })
	now := fixedNow()
	m := newTestMailer(t, db, startSMTP(t, inbox), &now)
	queueOne(t, db, now)
	if sent, err := m.SendDue(context.Background()); sent != 1 || err != nil {
		t.Fatalf("got sent=%d err=%v, want 1 delivered and recorded once the database is back", sent, err)
	}
	inbox.onData = nil
	now = now.Add(24 * time.Hour)
	assertDeliveredOnce(t, db, m, inbox)
}
