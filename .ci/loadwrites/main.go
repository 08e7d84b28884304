// Command loadwrites drives a running hitpath with concurrent writers: each signs up,
// adds a credential, then until the time is up creates a CEU entry, uploads a small
// PDF as its evidence and reads its progress. At the end it counts the rows in the
// database and prints requests, non-2xx answers, rows against 201s and latencies.
// Run it through .ci/load-writes, which starts the server on SQLite and PostgreSQL.
package main

import (
	"bytes"
	"context"
	"encoding/base64"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"strings"
	"sync"
	"time"
)

func main() {
	base := flag.String("base", "http://127.0.0.1:3999", "server URL")
	writers := flag.Int("writers", 50, "concurrent writers")
	duration := flag.Duration("duration", 30*time.Second, "how long the writers write")
	importer := flag.Bool("importer", false, "also import a 1,000-row CSV over and over")
	label := flag.String("label", "", "name of this run in the table")
	dataDir := flag.String("data-dir", "", "SQLite data directory to count rows in")
	databaseURL := flag.String("database-url", "", "PostgreSQL URL to count rows in")
	summary := flag.String("summary", "", "file to append this run's line of the summary table to")
	printSummary := flag.String("print-summary", "", "print the summary table collected in this file, and exit")
	flag.Parse()
	if *printSummary != "" {
		if err := printTable(os.Stdout, *printSummary); err != nil {
			fmt.Fprintln(os.Stderr, "loadwrites:", err)
			os.Exit(1)
		}
		return
	}
	if err := run(*base, *label, *writers, *duration, *importer, *dataDir, *databaseURL, *summary); err != nil {
		fmt.Fprintln(os.Stderr, "loadwrites:", err)
		os.Exit(1)
	}
}

func run(base, label string, writers int, duration time.Duration, importer bool, dataDir, databaseURL, summary string) error {
	users := make([]*client, writers)
	for i := range users {
		// Sign-ups are limited per address: spread them over loopback addresses.
		users[i] = newClient(base, fmt.Sprintf("127.0.0.%d", 10+i/8))
	}
	if err := signUpAll(users); err != nil {
		return err
	}
	var loader *client
	if importer {
		loader = newClient(base, "127.0.0.250")
		if err := loader.signUp(1000); err != nil {
			return err
		}
	}
	stats := newStats()
	deadline := time.Now().Add(duration)
	var wg sync.WaitGroup
	for _, u := range users {
		wg.Add(1)
		go func() { defer wg.Done(); u.write(deadline, stats) }()
	}
	if loader != nil {
		wg.Add(1)
		go func() { defer wg.Done(); loader.importLoop(deadline, stats) }()
	}
	wg.Wait()
	rows, err := countRows(dataDir, databaseURL)
	if err != nil {
		return err
	}
	stats.print(os.Stdout, label, writers, duration, rows)
	if summary == "" {
		return nil
	}
	f, err := os.OpenFile(summary, os.O_APPEND|os.O_CREATE|os.O_WRONLY, 0o600)
	if err != nil {
		return err
	}
	defer f.Close()
	return stats.summarise(label, writers, importer, rows).write(f)
}

// signUpAll signs the users up four at a time: password hashing is deliberately slow,
// and fifty at once would time out on two cores.
func signUpAll(users []*client) error {
	errs := make(chan error, len(users))
	slots := make(chan struct{}, 4)
	for i, u := range users {
		go func() {
			slots <- struct{}{}
			defer func() { <-slots }()
			errs <- u.signUp(i)
		}()
	}
	for range users {
		if err := <-errs; err != nil {
			return err
		}
	}
	return nil
}

// client is one user with its own connections, coming from one local address.
type client struct {
	base  string
	http  *http.Client
	token string
}

func newClient(base, localIP string) *client {
	dialer := &net.Dialer{LocalAddr: &net.TCPAddr{IP: net.ParseIP(localIP)}, Timeout: 5 * time.Second}
	transport := &http.Transport{DialContext: dialer.DialContext, MaxIdleConnsPerHost: 4}
	return &client{base: base, http: &http.Client{Transport: transport, Timeout: 30 * time.Second}}
}

// signUp registers user n, signs in and adds a credential earned a year ago.
func (c *client) signUp(n int) error {
	email := fmt.Sprintf("writer%d-%d@example.com", n, time.Now().UnixNano())
	account := map[string]string{"name": fmt.Sprintf("Writer %d", n), "email": email, "password": "load-test-password"}
	if status, body := c.call("POST", "/api/v1/auth/register", account); status != 202 {
		return fmt.Errorf("register %s: %d %s", email, status, body)
	}
	status, body := c.call("POST", "/api/v1/auth/login", account)
	var login struct {
		Token string `json:"token"`
	}
	if status != 200 || json.Unmarshal(body, &login) != nil {
		return fmt.Errorf("login %s: %d %s", email, status, body)
	}
	c.token = login.Token
	earned := time.Now().AddDate(-1, 0, 0).Format(time.DateOnly)
	if status, body := c.call("POST", "/api/v1/credentials", map[string]string{"credential_code": "RHIT", "earned_on": earned}); status != 201 {
		return fmt.Errorf("add credential for %s: %d %s", email, status, body)
	}
	return nil
}

// evidencePDF is a 2 KB file the server detects as a PDF.
var evidencePDF = base64.StdEncoding.EncodeToString(append([]byte("%PDF-1.4\n"), bytes.Repeat([]byte("0"), 2039)...))

// write runs the writer's round until the deadline: entry, evidence, progress.
func (c *client) write(deadline time.Time, s *stats) {
	entry := map[string]any{"activity_date": time.Now().AddDate(0, 0, -2).Format(time.DateOnly), "title": "Coding update webinar",
		"provider": "AHIMA", "provider_kind": "ahima", "minutes": 60, "delivery": "online"}
	for time.Now().Before(deadline) {
		status, body := c.timed(s, createKind, "POST", "/api/v1/ceus", entry)
		var created struct {
			ID int64 `json:"id"`
		}
		if status == 201 && json.Unmarshal(body, &created) == nil {
			evidence := map[string]string{"filename": "certificate.pdf", "content_base64": evidencePDF}
			c.timed(s, evidenceKind, "POST", fmt.Sprintf("/api/v1/ceus/%d/evidence", created.ID), evidence)
		}
		c.timed(s, "read progress", "GET", "/api/v1/progress", nil)
	}
}

// importLoop imports a 1,000-row CSV again and again until the deadline. Every row
// of every round is a different activity, so none is skipped as already in the log.
func (c *client) importLoop(deadline time.Time, s *stats) {
	day := time.Now().AddDate(0, 0, -2).Format(time.DateOnly)
	for round := 1; time.Now().Before(deadline); round++ {
		var csv strings.Builder
		csv.WriteString("date,title,provider,provider_kind,minutes,ceus,hiim_domain,category_a,delivery,notes\n")
		for row := 1; row <= 1000; row++ {
			fmt.Fprintf(&csv, "%s,Imported course %d-%d,AHIMA,ahima,60,,yes,no,online,\n", day, round, row)
		}
		start := time.Now()
		status, body := c.timed(s, importKind, "POST", "/api/v1/ceus/import", map[string]string{"csv": csv.String()})
		var answer struct {
			Imported int `json:"imported"`
		}
		if status == 201 && json.Unmarshal(body, &answer) == nil {
			s.imported(start, time.Now(), answer.Imported)
		}
	}
}

// timed sends a request and records its kind, status, start and latency.
func (c *client) timed(s *stats, kind, method, path string, body any) (int, []byte) {
	start := time.Now()
	status, raw := c.call(method, path, body)
	s.record(kind, status, start, time.Since(start), raw)
	return status, raw
}

// call sends a JSON request; a transport error is status 0 with the error as body.
func (c *client) call(method, path string, body any) (int, []byte) {
	var reader io.Reader
	if body != nil {
		raw, _ := json.Marshal(body)
		reader = bytes.NewReader(raw)
	}
	req, _ := http.NewRequestWithContext(context.Background(), method, c.base+path, reader)
	req.Header.Set("Content-Type", "application/json")
	if c.token != "" {
		req.Header.Set("Authorization", "Bearer "+c.token)
	}
	resp, err := c.http.Do(req)
	if err != nil {
		return 0, []byte(err.Error())
	}
	defer resp.Body.Close()
	raw, _ := io.ReadAll(resp.Body)
	return resp.StatusCode, raw
}
