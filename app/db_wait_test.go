package app_test

import (
	"context"
	"io"
	"log/slog"
	"net"
	"net/url"
	"strings"
	"testing"
	"time"

	"hitpath/app"
	"hitpath/app/testdb"
)

// freePort returns a local port nothing listens on (yet).
func freePort(t *testing.T) string {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	addr := ln.Addr().String()
	ln.Close()
	return addr
}

// forwardLater starts, after delay, a TCP forwarder on addr to target: a database
// that comes up a little after the application.
func forwardLater(t *testing.T, addr, target string, delay time.Duration) {
	t.Helper()
	done := make(chan struct{})
	t.Cleanup(func() { close(done) })
	go func() {
		time.Sleep(delay)
		ln, err := net.Listen("tcp", addr)
		if err != nil {
			t.Errorf("listen on %s: %v", addr, err)
			return
		}
		go func() { <-done; ln.Close() }()
		for {
			client, err := ln.Accept()
			if err != nil {
				return
			}
			server, err := net.Dial("tcp", target)
			if err != nil {
				client.Close()
				continue
			}
			go func() { io.Copy(server, client); server.Close() }()
			go func() { io.Copy(client, server); client.Close() }()
		}
	}()
}

func TestStartWaitsForDatabaseNotYetUp(t *testing.T) {
	cfg := testdb.FreshConfig(t, "postgres")
	u, err := url.Parse(cfg.DatabaseURL)
	if err != nil {
		t.Fatal(err)
	}
	target, addr := u.Host, freePort(t)
	forwardLater(t, addr, target, 1500*time.Millisecond)
	u.Host = addr
	cfg.DatabaseURL, cfg.DBWait = u.String(), 20*time.Second
	var log strings.Builder
	db, err := app.WaitForDB(context.Background(), cfg, slog.New(slog.NewTextHandler(&log, nil)))
	if err != nil {
		t.Fatalf("got %v, want the database once it is up", err)
	}
	sqlDB, _ := db.DB()
	defer sqlDB.Close()
	if !strings.Contains(log.String(), "database not reachable yet") || !strings.Contains(log.String(), "database is up") {
		t.Fatalf("got log %q, want each retry and the recovery logged", log.String())
	}
}

func TestStartGivesUpOnDatabaseAfterWait(t *testing.T) {
	cfg := app.Config{DatabaseURL: "postgres://hitpath@" + freePort(t) + "/hitpath?sslmode=disable&connect_timeout=1", DBWait: 1200 * time.Millisecond, MaxDBConns: 1}
	started := time.Now()
	_, err := app.WaitForDB(context.Background(), cfg, slog.New(slog.NewTextHandler(io.Discard, nil)))
	if err == nil || !strings.Contains(err.Error(), "database not reachable after") {
		t.Fatalf("got %v, want a clear error once the wait runs out", err)
	}
	if waited := time.Since(started); waited < time.Second || waited > 5*time.Second {
		t.Fatalf("waited %v, want about the configured 1.2 s", waited)
	}
}
