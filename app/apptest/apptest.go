// Package apptest drives a real hitpath server in tests: a browser-like client for
// pages (cookies, CSRF tokens) and an API client whose every exchange is checked
// against the OpenAPI document.
package apptest

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"golang.org/x/crypto/bcrypt"
	"gorm.io/gorm"

	"hitpath/app"
	"hitpath/app/testdb"
	"hitpath/handlers"
)

// Server is a hitpath built on a test database.
type Server struct {
	t       testing.TB
	App     *app.App
	DB      *gorm.DB
	openAPI *openAPIChecker
}

// Option adjusts the handlers' dependencies (e.g. the clock or rate limits).
type Option func(*handlers.Deps)

// New builds a server on db with a fixed JWT secret and the cheapest bcrypt cost.
func New(t testing.TB, db *gorm.DB, opts ...Option) *Server {
	t.Helper()
	cfg := app.Config{
		DataDir:      filepath.Join(t.TempDir(), "data"),
		JWTSecret:    "test-secret-test-secret-test-secret-123",
		BaseURL:      "http://localhost:3000",
		PasswordCost: bcrypt.MinCost,
		MaxDBConns:   4,
	}
	a, err := app.New(cfg, app.Options{DB: db, Handler: func(d *handlers.Deps) {
		for _, o := range opts {
			o(d)
		}
	}})
	if err != nil {
		t.Fatalf("build app: %v", err)
	}
	s := &Server{t: t, App: a, DB: db}
	s.openAPI = newOpenAPIChecker(t, s)
	return s
}

// Each runs fn once per test dialect with a fresh server.
func Each(t *testing.T, fn func(t *testing.T, s *Server), opts ...Option) {
	t.Helper()
	testdb.Each(t, func(t *testing.T, db *gorm.DB) { fn(t, New(t, db, opts...)) })
}

// WithClock fixes the server's clock.
func WithClock(now func() time.Time) Option {
	return func(d *handlers.Deps) { d.Now = now }
}

// Response is a finished exchange.
type Response struct {
	Status int
	Header http.Header
	Body   []byte
}

// Text returns the body as a string.
func (r *Response) Text() string { return string(r.Body) }

// JSON decodes the body into dst or fails the test.
func (r *Response) JSON(t testing.TB, dst any) {
	t.Helper()
	if err := json.Unmarshal(r.Body, dst); err != nil {
		t.Fatalf("decode JSON %q: %v", r.Body, err)
	}
}

// Do sends req to the server.
func (s *Server) Do(req *http.Request) *Response {
	s.t.Helper()
	if req.RemoteAddr == "" {
		req.RemoteAddr = "192.0.2.1:1234"
	}
	resp, err := s.App.Server.Test(req, 30_000)
	if err != nil {
		s.t.Fatalf("%s %s: %v", req.Method, req.URL, err)
	}
	defer resp.Body.Close()
	body, _ := io.ReadAll(resp.Body)
	return &Response{Status: resp.StatusCode, Header: resp.Header, Body: body}
}

// Browser is a page client with a cookie jar, like one browser tab.
type Browser struct {
	s       *Server
	cookies map[string]string
}

// Browser returns a new client with no cookies.
func (s *Server) Browser() *Browser { return &Browser{s: s, cookies: map[string]string{}} }

// On returns a client sharing this browser's cookies that talks to another server, as
// a load balancer may send the next request of one browser to another process.
func (b *Browser) On(s *Server) *Browser { return &Browser{s: s, cookies: b.cookies} }

// Get loads a page.
func (b *Browser) Get(path string) *Response {
	b.s.t.Helper()
	return b.send(httptest.NewRequest(http.MethodGet, path, nil))
}

// Submit posts a form the way a page does, adding the CSRF token the server gave.
func (b *Browser) Submit(path string, form url.Values) *Response {
	b.s.t.Helper()
	if b.cookies["hitpath_csrf"] == "" {
		b.Get("/login") // a page with a form; the landing page is shared and sets none
	}
	withToken := url.Values{}
	for k, v := range form {
		withToken[k] = v
	}
	withToken.Set("_csrf", b.cookies["hitpath_csrf"])
	return b.Post(path, "application/x-www-form-urlencoded", strings.NewReader(withToken.Encode()))
}

// Post sends a raw POST with the browser's cookies (no CSRF token added).
func (b *Browser) Post(path, contentType string, body io.Reader) *Response {
	b.s.t.Helper()
	req := httptest.NewRequest(http.MethodPost, path, body)
	req.Header.Set("Content-Type", contentType)
	return b.send(req)
}

// CSRF is the token forms must carry (load a page first).
func (b *Browser) CSRF() string { return b.cookies["hitpath_csrf"] }

// Cookie returns a cookie's value.
func (b *Browser) Cookie(name string) string { return b.cookies[name] }

func (b *Browser) send(req *http.Request) *Response {
	for name, value := range b.cookies {
		req.AddCookie(&http.Cookie{Name: name, Value: value})
	}
	resp := b.s.Do(req)
	for _, c := range (&http.Response{Header: resp.Header}).Cookies() {
		// A browser judges Expires by its own clock, which need not agree with the
		// server's, so hitpath gives lifetimes as Max-Age; only a deletion may carry a
		// (long past) Expires date.
		if !c.Expires.IsZero() && c.Expires.Year() >= 2010 {
			b.s.t.Errorf("cookie %s carries Expires=%s; use Max-Age so no browser compares it with its own clock", c.Name, c.RawExpires)
		}
		if c.MaxAge < 0 || c.Value == "" || !c.Expires.IsZero() {
			delete(b.cookies, c.Name)
		} else {
			b.cookies[c.Name] = c.Value
		}
	}
	return resp
}

// SignUp creates an account through the sign-up page and keeps its session.
func (b *Browser) SignUp(name, email, password string) *Response {
	b.s.t.Helper()
	resp := b.Submit("/signup", url.Values{"name": {name}, "email": {email}, "password": {password}})
	if resp.Status != http.StatusSeeOther {
		b.s.t.Fatalf("sign up %s: got status %d, want 303: %s", email, resp.Status, FieldErrorsIn(resp.Text()))
	}
	return resp
}

// LogIn logs in through the login page.
func (b *Browser) LogIn(email, password string) *Response {
	b.s.t.Helper()
	return b.Submit("/login", url.Values{"email": {email}, "password": {password}})
}

var fieldErrorRe = regexp.MustCompile(`class="(?:field-error|form-error)"[^>]*>([^<]*)<`)

// FieldErrorsIn returns the error messages a page shows beside its fields.
func FieldErrorsIn(page string) []string {
	var out []string
	for _, m := range fieldErrorRe.FindAllStringSubmatch(page, -1) {
		out = append(out, m[1])
	}
	return out
}

// API sends a JSON request with an optional bearer token and checks both the request
// and the response against the OpenAPI document.
func (s *Server) API(method, path, token string, body any) *Response {
	s.t.Helper()
	var raw []byte
	switch b := body.(type) {
	case nil:
	case []byte:
		raw = b
	case string:
		raw = []byte(b)
	default:
		var err error
		if raw, err = json.Marshal(b); err != nil {
			s.t.Fatalf("encode body: %v", err)
		}
	}
	req := httptest.NewRequest(method, path, bytes.NewReader(raw))
	if body != nil {
		req.Header.Set("Content-Type", "application/json")
	}
	if token != "" {
		req.Header.Set("Authorization", "Bearer "+token)
	}
	resp := s.Do(req)
	s.openAPI.check(method, path, token, raw, resp)
	return resp
}

// RegisterAPI creates an account through the API and returns a token for it.
func (s *Server) RegisterAPI(name, email, password string) string {
	s.t.Helper()
	resp := s.API("POST", "/api/v1/auth/register", "", map[string]string{"name": name, "email": email, "password": password})
	if resp.Status != http.StatusAccepted {
		s.t.Fatalf("register %s: got %d %s", email, resp.Status, resp.Body)
	}
	return s.LoginAPI(email, password)
}

// LoginAPI logs in through the API and returns the token.
func (s *Server) LoginAPI(email, password string) string {
	s.t.Helper()
	resp := s.API("POST", "/api/v1/auth/login", "", map[string]string{"email": email, "password": password})
	var out struct {
		Token string `json:"token"`
	}
	if resp.Status != http.StatusOK {
		s.t.Fatalf("login %s: got %d %s", email, resp.Status, resp.Body)
	}
	resp.JSON(s.t, &out)
	return out.Token
}

// SetRole changes a user's role directly in the database (test setup).
func (s *Server) SetRole(email, role string) {
	s.t.Helper()
	if err := s.DB.Exec("UPDATE users SET role = ? WHERE email = ?", role, email).Error; err != nil {
		s.t.Fatalf("set role: %v", err)
	}
}

// Must fails the test unless resp has status want.
func Must(t testing.TB, resp *Response, want int) *Response {
	t.Helper()
	if resp.Status != want {
		t.Fatalf("got status %d, want %d; body: %s", resp.Status, want, clip(resp.Text()))
	}
	return resp
}

func clip(s string) string {
	if len(s) > 600 {
		return s[:600] + fmt.Sprintf("… (%d bytes)", len(s))
	}
	return s
}
