package app_test

import (
	"context"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"github.com/glebarez/sqlite"
	"gorm.io/gorm"
	"gorm.io/gorm/logger"

	"hitpath/app"
	"hitpath/app/testdb"
	"hitpath/models"
)

// tcpProxy forwards connections to a database until it is taken down, which is how
// the database looks to hitpath when its server stops.
type tcpProxy struct {
	listener net.Listener
	target   string
	mu       sync.Mutex
	conns    []net.Conn
}

func startProxy(t *testing.T, target string) *tcpProxy {
	t.Helper()
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	p := &tcpProxy{listener: l, target: target}
	go p.serve()
	t.Cleanup(p.down)
	return p
}

func (p *tcpProxy) serve() {
	for {
		client, err := p.listener.Accept()
		if err != nil {
			return
		}
		server, err := net.Dial("tcp", p.target)
		if err != nil {
			client.Close()
			continue
		}
		p.mu.Lock()
		p.conns = append(p.conns, client, server)
		p.mu.Unlock()
		go func() { io.Copy(server, client); server.Close() }()
		go func() { io.Copy(client, server); client.Close() }()
	}
}

// down refuses new connections and cuts the open ones.
func (p *tcpProxy) down() {
	p.listener.Close()
	p.mu.Lock()
	defer p.mu.Unlock()
	for _, c := range p.conns {
		c.Close()
	}
}

// requestWhileDown checks that an API call and a page answer 503 with Retry-After.
func requestWhileDown(t *testing.T, a *app.App, logs *lockedBuffer) {
	t.Helper()
	apiReq := httptest.NewRequest("POST", "/api/v1/auth/register", strings.NewReader(`{"name":"Bo","email":"bo@example.com","password":"a-long-password-1"}`))
	apiReq.Header.Set("Content-Type", "application/json")
	pageReq := httptest.NewRequest("GET", "/careers", nil)
	for _, req := range []*http.Request{apiReq, pageReq} {
		resp, err := a.Server.Test(req, 30_000)
		if err != nil {
			t.Fatal(err)
		}
		body, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		if resp.StatusCode != http.StatusServiceUnavailable || resp.Header.Get("Retry-After") == "" {
			t.Errorf("%s %s: got %d with Retry-After %q, want 503 with Retry-After", req.Method, req.URL.Path, resp.StatusCode, resp.Header.Get("Retry-After"))
		}
		if !strings.Contains(string(body), "try again") {
			t.Errorf("%s %s: got body %.200q, want a try-again message", req.Method, req.URL.Path, body)
		}
		if got := logs.statuses(t, req.URL.Path); len(got) == 0 || got[len(got)-1] != http.StatusServiceUnavailable {
			t.Errorf("%s %s: logged %v, want 503", req.Method, req.URL.Path, got)
		}
	}
}

// TestDatabaseDownIs503OnPostgres stops the path to PostgreSQL under a running app.
func TestDatabaseDownIs503OnPostgres(t *testing.T) {
	if os.Getenv("TEST_DATABASE_URL") == "" {
		t.Skip("TEST_DATABASE_URL is not set")
	}
	var name string
	testdb.Open(t, "postgres").Raw("SELECT current_database()").Scan(&name)
	admin, err := url.Parse(os.Getenv("TEST_DATABASE_URL"))
	if err != nil {
		t.Fatal(err)
	}
	proxy := startProxy(t, admin.Host)
	viaProxy := *admin
	viaProxy.Host, viaProxy.Path = proxy.listener.Addr().String(), "/"+name
	db, err := app.OpenDB(app.Config{DatabaseURL: viaProxy.String(), MaxDBConns: 4})
	if err != nil {
		t.Fatal(err)
	}
	a, logs := newLoggedApp(t, db)
	proxy.down()
	requestWhileDown(t, a, logs)
}

// TestDatabaseLockedIs503OnSQLite holds SQLite's write lock past the busy timeout.
func TestDatabaseLockedIs503OnSQLite(t *testing.T) {
	path := filepath.Join(t.TempDir(), "locked.db")
	dsn := "file:" + path + "?_pragma=journal_mode(WAL)&_pragma=busy_timeout(50)&_txlock=immediate"
	db, err := gorm.Open(sqlite.Open(dsn), &gorm.Config{Logger: logger.Discard})
	if err != nil {
		t.Fatal(err)
	}
	if err := app.Migrate(context.Background(), db); err != nil {
		t.Fatal(err)
	}
	a, logs := newLoggedApp(t, db)
	holder, err := gorm.Open(sqlite.Open(dsn), &gorm.Config{Logger: logger.Discard})
	if err != nil {
		t.Fatal(err)
	}
	sqlHolder, _ := holder.DB()
	defer sqlHolder.Close()
	lock, err := sqlHolder.Conn(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	if _, err := lock.ExecContext(context.Background(), "BEGIN EXCLUSIVE"); err != nil {
		t.Fatal(err)
	}
	defer lock.ExecContext(context.Background(), "ROLLBACK")
	apiReq := httptest.NewRequest("POST", "/api/v1/auth/register", strings.NewReader(`{"name":"Bo","email":"bo@example.com","password":"a-long-password-1"}`))
	apiReq.Header.Set("Content-Type", "application/json")
	resp, err := a.Server.Test(apiReq, 30_000)
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusServiceUnavailable || resp.Header.Get("Retry-After") == "" {
		t.Fatalf("got %d with Retry-After %q, want 503 with Retry-After", resp.StatusCode, resp.Header.Get("Retry-After"))
	}
	if got := logs.statuses(t, "/api/v1/auth/register"); len(got) != 1 || got[0] != http.StatusServiceUnavailable {
		t.Fatalf("logged %v, want 503", got)
	}
	var n int64
	if err := db.Model(&models.User{}).Count(&n).Error; err != nil || n != 0 {
		t.Fatalf("got %d users (%v), want none", n, err)
	}
}
