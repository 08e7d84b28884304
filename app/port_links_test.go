package app_test

import (
	"context"
	"encoding/json"
	"io"
	"net/http"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"golang.org/x/crypto/bcrypt"

	"hitpath/app"
	"hitpath/models"
)

// portLinksPort is the port this test serves on; the real server must bind it.
const portLinksPort = "3202"

// String returns what was logged so far.
func (b *lockedBuffer) String() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.String()
}

// TestLinksFollowThePort starts the real server with PORT=3202 and no BASE_URL, as
// `PORT=3202 go run ./cmd/hitpath` would, and checks that the start-up log, the
// calendar URL, the ICS feed's links, a cohort's join link and the emails all name
// localhost:3202, never the default 3000.
func TestLinksFollowThePort(t *testing.T) {
	env := map[string]string{"PORT": portLinksPort, "HITPATH_DATA_DIR": filepath.Join(t.TempDir(), "data")}
	cfg, err := app.LoadConfig(func(k string) string { return env[k] })
	if err != nil {
		t.Fatal(err)
	}
	cfg.PasswordCost = bcrypt.MinCost
	logs := &lockedBuffer{}
	a, err := app.New(cfg, app.Options{Log: logs})
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	stopped := make(chan error, 1)
	go func() { stopped <- a.Listen(ctx) }()
	t.Cleanup(func() {
		cancel()
		if err := <-stopped; err != nil {
			t.Errorf("server stopped with %v", err)
		}
	})
	want := "http://localhost:" + portLinksPort
	started := waitForListening(t, logs, stopped)
	if started["url"] != want || started["links"] != want || started["port"] != portLinksPort {
		t.Fatalf("got start-up log %v, want url and links %s", started, want)
	}

	c := portClient{t: t, base: "http://127.0.0.1:" + portLinksPort}
	c.call("POST", "/api/v1/auth/register", "", `{"name":"Pat Port","email":"pat@example.com","password":"a-good-long-password"}`, http.StatusAccepted)
	a.DB.Exec("UPDATE users SET email_verified_at = ?, role = ? WHERE email = ?", time.Now().UTC(), models.RoleAdmin, "pat@example.com")
	var login struct {
		Token string `json:"token"`
	}
	c.decode(c.call("POST", "/api/v1/auth/login", "", `{"email":"pat@example.com","password":"a-good-long-password"}`, http.StatusOK), &login)

	var feed struct {
		URL string `json:"url"`
	}
	c.decode(c.call("POST", "/api/v1/calendar-token", login.Token, "", http.StatusCreated), &feed)
	if !strings.HasPrefix(feed.URL, want+"/calendar/") {
		t.Fatalf("got calendar URL %q, want it under %s", feed.URL, want)
	}
	c.call("POST", "/api/v1/credentials", login.Token, `{"credential_code":"RHIT","earned_on":"2025-01-10"}`, http.StatusCreated)
	ics := string(c.call("GET", strings.TrimPrefix(feed.URL, want), "", "", http.StatusOK))
	if !strings.Contains(ics, "URL:"+want+"/ceus") || strings.Contains(ics, "localhost:3000") {
		t.Fatalf("the ICS feed does not link to %s/ceus:\n%s", want, ics)
	}

	var cohort struct {
		JoinLink string `json:"join_link"`
	}
	c.decode(c.call("POST", "/api/v1/cohorts", login.Token, `{"name":"HIT 101","target_code":"RHIT"}`, http.StatusCreated), &cohort)
	if !strings.HasPrefix(cohort.JoinLink, want+"/join?code=") {
		t.Fatalf("got join link %q, want it under %s", cohort.JoinLink, want)
	}

	var bodies []string
	a.DB.Model(&models.OutboxEmail{}).Where("to_address = ?", "pat@example.com").Pluck("body", &bodies)
	if len(bodies) == 0 || !strings.Contains(bodies[0], want+"/verify-email?") || strings.Contains(strings.Join(bodies, "\n"), "localhost:3000") {
		t.Fatalf("got emails %q, want the confirmation link under %s", bodies, want)
	}
}

// waitForListening waits for the "hitpath listening" log line and returns its fields.
func waitForListening(t *testing.T, logs *lockedBuffer, stopped <-chan error) map[string]any {
	t.Helper()
	deadline := time.Now().Add(10 * time.Second)
	for time.Now().Before(deadline) {
		for _, line := range strings.Split(logs.String(), "\n") {
			var entry map[string]any
			if json.Unmarshal([]byte(line), &entry) == nil && entry["msg"] == "hitpath listening" {
				return entry
			}
		}
		select {
		case err := <-stopped:
			t.Fatalf("the server stopped before listening (is port %s taken?): %v", portLinksPort, err)
		case <-time.After(20 * time.Millisecond):
		}
	}
	t.Fatalf("no start-up log line in 10 s:\n%s", logs.String())
	return nil
}

// portClient calls the running server over real HTTP.
type portClient struct {
	t    *testing.T
	base string
}

func (c portClient) call(method, path, token, body string, want int) []byte {
	c.t.Helper()
	req, err := http.NewRequest(method, c.base+path, strings.NewReader(body))
	if err != nil {
		c.t.Fatal(err)
	}
	if body != "" {
		req.Header.Set("Content-Type", "application/json")
	}
	if token != "" {
		req.Header.Set("Authorization", "Bearer "+token)
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		c.t.Fatalf("%s %s: %v", method, path, err)
	}
	defer resp.Body.Close()
	out, _ := io.ReadAll(resp.Body)
	if resp.StatusCode != want {
		c.t.Fatalf("%s %s: got %d %s, want %d", method, path, resp.StatusCode, out, want)
	}
	return out
}

func (c portClient) decode(raw []byte, dst any) {
	c.t.Helper()
	if err := json.Unmarshal(raw, dst); err != nil {
		c.t.Fatalf("decode %s: %v", raw, err)
	}
}
