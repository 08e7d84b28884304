package app_test

import (
	"bufio"
	"bytes"
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"golang.org/x/crypto/bcrypt"
	"gorm.io/gorm"

	"hitpath/app"
	"hitpath/app/testdb"
)

// lockedBuffer is a log sink safe for the server's goroutines.
type lockedBuffer struct {
	mu  sync.Mutex
	buf bytes.Buffer
}

func (b *lockedBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.Write(p)
}

// statuses returns the status of each access-log line for path, in order.
func (b *lockedBuffer) statuses(t *testing.T, path string) []int {
	t.Helper()
	b.mu.Lock()
	defer b.mu.Unlock()
	var out []int
	scanner := bufio.NewScanner(bytes.NewReader(b.buf.Bytes()))
	for scanner.Scan() {
		var line struct {
			Msg    string `json:"msg"`
			Path   string `json:"path"`
			Status int    `json:"status"`
		}
		if err := json.Unmarshal(scanner.Bytes(), &line); err != nil {
			t.Fatalf("log line %q is not JSON: %v", scanner.Text(), err)
		}
		if line.Msg == "request" && line.Path == path {
			out = append(out, line.Status)
		}
	}
	return out
}

// newLoggedApp builds the app on db with its log going to the returned buffer.
func newLoggedApp(t *testing.T, db *gorm.DB) (*app.App, *lockedBuffer) {
	t.Helper()
	logs := &lockedBuffer{}
	cfg := app.Config{DataDir: filepath.Join(t.TempDir(), "data"), JWTSecret: "test-secret-test-secret-test-secret-123",
		BaseURL: "http://localhost:3000", PasswordCost: bcrypt.MinCost, MaxDBConns: 4}
	a, err := app.New(cfg, app.Options{DB: db, Log: logs})
	if err != nil {
		t.Fatal(err)
	}
	return a, logs
}

func send(t *testing.T, a *app.App, method, path, token, body string) int {
	t.Helper()
	req := httptest.NewRequest(method, path, strings.NewReader(body))
	if body != "" {
		req.Header.Set("Content-Type", "application/json")
	}
	if token != "" {
		req.Header.Set("Authorization", "Bearer "+token)
	}
	resp, err := a.Server.Test(req, 30_000)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	return resp.StatusCode
}

// TestAccessLogRecordsTheStatusSent checks that every refusal is logged with the
// status the client received, not 500.
func TestAccessLogRecordsTheStatusSent(t *testing.T) {
	testdb.Each(t, func(t *testing.T, db *gorm.DB) {
		a, logs := newLoggedApp(t, db)
		account := `{"name":"Ana","email":"ana@example.com","password":"a-long-password-1"}`
		send(t, a, "POST", "/api/v1/auth/register", "", account)
		req := httptest.NewRequest("POST", "/api/v1/auth/login", strings.NewReader(`{"email":"ana@example.com","password":"a-long-password-1"}`))
		req.Header.Set("Content-Type", "application/json")
		resp, err := a.Server.Test(req, 30_000)
		if err != nil {
			t.Fatal(err)
		}
		var login struct {
			Token string `json:"token"`
		}
		json.NewDecoder(resp.Body).Decode(&login)
		resp.Body.Close()
		tests := []struct {
			method, path, token, body string
			want                      int
		}{
			{"GET", "/api/v1/ceus/424242", login.Token, "", http.StatusNotFound},
			{"POST", "/api/v1/ceus", login.Token, `{"title":""}`, http.StatusUnprocessableEntity},
			{"GET", "/api/v1/me", "", "", http.StatusUnauthorized},
			{"GET", "/no-such-page", "", "", http.StatusNotFound},
			{"POST", "/api/v1/auth/register", "", `{"name":`, http.StatusBadRequest},
		}
		for _, tt := range tests {
			if got := send(t, a, tt.method, tt.path, tt.token, tt.body); got != tt.want {
				t.Fatalf("%s %s: got %d, want %d", tt.method, tt.path, got, tt.want)
			}
			if got := logs.statuses(t, tt.path); len(got) == 0 || got[len(got)-1] != tt.want {
				t.Errorf("%s %s: logged %v, want the last line %d", tt.method, tt.path, got, tt.want)
			}
		}
	})
}
