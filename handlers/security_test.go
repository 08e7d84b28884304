package handlers_test

// Security regressions of issue 11: each finding is a test (or a table row) that
// failed before its fix. Every test runs on SQLite and, with TEST_DATABASE_URL, on
// PostgreSQL.

import (
	"bytes"
	"compress/zlib"
	"context"
	"encoding/base64"
	"encoding/binary"
	"hash/crc32"
	"io"
	"net/http"
	"net/http/httptest"
	"net/netip"
	"net/url"
	"runtime"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"gorm.io/gorm"

	"hitpath/app/apptest"
	"hitpath/app/testdb"
	"hitpath/handlers"
	"hitpath/models"
)

// secNow is the far-future instant the limiter tests start at; movableClock moves it.
var secNow = time.Date(2031, 6, 15, 10, 0, 0, 0, time.UTC)

// limits sets the limiter budgets for a test.
func limits(perAddress, perAccount int) apptest.Option {
	return func(d *handlers.Deps) { d.AuthAttemptsPerMinute, d.FailedLoginsPerMinute = perAddress, perAccount }
}

// TestSecurityLoginNextStaysOnSite guards finding 1: the login form's `next` can
// neither inject a header nor leave the site.
func TestSecurityLoginNextStaysOnSite(t *testing.T) {
	apptest.Each(t, func(t *testing.T, s *apptest.Server) {
		s.Browser().SignUp("Nia", "nia@example.com", "correct horse battery")
		for _, tt := range []struct{ name, next, want string }{
			{"header injection", "/dashboard\r\nSet-Cookie: hitpath_session=attacker; Path=/ceus", "/dashboard"},
			{"tab then host", "/%09/evil.example", "/dashboard"},
			{"raw tab", "/\t/evil.example", "/dashboard"},
			{"protocol relative", "//evil.example", "/dashboard"},
			{"backslash", "/\\evil.example", "/dashboard"},
			{"encoded backslash", "/%5Cevil.example", "/dashboard"},
			{"encoded slash", "/%2F/evil.example", "/dashboard"},
			{"absolute", "https://evil.example/", "/dashboard"},
			{"scheme only", "javascript:alert(1)", "/dashboard"},
			{"same-site path kept", "/ceus?page=2", "/ceus?page=2"},
		} {
			t.Run(tt.name, func(t *testing.T) {
				b := s.Browser()
				resp := b.Submit("/login", url.Values{"email": {"nia@example.com"}, "password": {"correct horse battery"}, "next": {tt.next}})
				if resp.Status != http.StatusSeeOther {
					t.Fatalf("got status %d, want 303", resp.Status)
				}
				if got := resp.Header.Get("Location"); got != tt.want {
					t.Errorf("Location %q, want %q", got, tt.want)
				}
				for _, c := range resp.Header.Values("Set-Cookie") {
					if strings.Contains(c, "attacker") {
						t.Errorf("injected cookie set: %q", c)
					}
				}
			})
		}
		if page := s.Browser().Get("/login?next=//evil.example").Text(); strings.Contains(page, "evil.example") {
			t.Error("login page carries an off-site next into its form")
		}
	})
}

// craftedPNG builds an RGBA PNG that declares width × height pixels and carries
// `inflated` zero bytes of pixel data, whatever the dimensions need.
func craftedPNG(t *testing.T, width, height uint32, inflated int) []byte {
	t.Helper()
	var data bytes.Buffer
	zw, _ := zlib.NewWriterLevel(&data, zlib.BestCompression)
	zeros := make([]byte, 1<<20)
	for left := inflated; left > 0; left -= len(zeros) {
		zw.Write(zeros[:min(left, len(zeros))])
	}
	zw.Close()
	ihdr := binary.BigEndian.AppendUint32(nil, width)
	ihdr = binary.BigEndian.AppendUint32(ihdr, height)
	ihdr = append(ihdr, 8, 6, 0, 0, 0)
	out := []byte("\x89PNG\r\n\x1a\n")
	for _, chunk := range []struct {
		kind string
		data []byte
	}{{"IHDR", ihdr}, {"IDAT", data.Bytes()}, {"IEND", nil}} {
		out = binary.BigEndian.AppendUint32(out, uint32(len(chunk.data)))
		body := append([]byte(chunk.kind), chunk.data...)
		out = append(out, body...)
		out = binary.BigEndian.AppendUint32(out, crc32.ChecksumIEEE(body))
	}
	return out
}

// TestSecurityImagePixelLimit guards finding 2 at upload: an image above 40
// megapixels, or whose data inflates past its declared size, is refused with a 422
// that says why, on the page and in the API; a normal image is still accepted.
func TestSecurityImagePixelLimit(t *testing.T) {
	eachCEU(t, func(t *testing.T, s *apptest.Server) {
		b := ceuNewHolder(t, s, "pix@example.com")
		entry := ceuLog(t, s, b, ceuDaysAgo(3), "Coding update", "1")
		token := s.LoginAPI("pix@example.com", goodPassword)
		path := "/ceus/" + itoa(entry) + "/evidence"
		for _, tt := range []struct {
			name    string
			png     []byte
			status  int
			message string
		}{
			{"8000x8000 header", craftedPNG(t, 8000, 8000, 1000), http.StatusUnprocessableEntity, "64 megapixels"},
			{"100000x100000 header", craftedPNG(t, 100000, 100000, 1000), http.StatusUnprocessableEntity, "at most 40 megapixels"},
			{"small header, 64 MB of data", craftedPNG(t, 100, 100, 64<<20), http.StatusUnprocessableEntity, "does not match its size"},
			{"honest 100x100", craftedPNG(t, 100, 100, 100*(1+100*4)), 0, ""},
		} {
			t.Run(tt.name, func(t *testing.T) {
				page := ceuUpload(t, b, path, "file", "scan.png", tt.png)
				api := s.API("POST", "/api/v1"+path, token, map[string]string{
					"filename": "scan.png", "content_base64": base64.StdEncoding.EncodeToString(tt.png)})
				if tt.status == 0 {
					if page.Status != http.StatusSeeOther || api.Status != http.StatusCreated {
						t.Fatalf("got page %d, api %d %s; want 303, 201", page.Status, api.Status, api.Body)
					}
					return
				}
				if page.Status != tt.status || api.Status != tt.status {
					t.Fatalf("got page %d, api %d; want %d", page.Status, api.Status, tt.status)
				}
				if !strings.Contains(page.Text(), tt.message) || !strings.Contains(api.Text(), tt.message) {
					t.Errorf("answer does not say %q: %s", tt.message, api.Body)
				}
			})
		}
	})
}

// TestSecurityDocumentsNeverInflateBombs guards finding 2 when documents are built:
// an image stored before the limit existed is left out of the audit PDF instead of
// being inflated in memory.
func TestSecurityDocumentsNeverInflateBombs(t *testing.T) {
	eachCEU(t, func(t *testing.T, s *apptest.Server) {
		b := ceuNewHolder(t, s, "bomb@example.com")
		entry := ceuLog(t, s, b, ceuDaysAgo(3), "Coding update", "1")
		var userID int64
		s.DB.Raw("SELECT id FROM users WHERE email = ?", "bomb@example.com").Scan(&userID)
		bomb := craftedPNG(t, 1000, 1000, 96<<20)
		file := models.EvidenceFile{Filename: "old.png", ContentType: "image/png", SizeBytes: int64(len(bomb)), SHA256: "x", Content: bomb}
		if err := models.AddEvidence(context.Background(), s.DB, userID, entry, &file, models.DefaultEvidenceQuota, ceuToday); err != nil {
			t.Fatal(err)
		}
		var before, after runtime.MemStats
		runtime.ReadMemStats(&before)
		apptest.Must(t, b.Get("/ceus/audit-pack.pdf"), http.StatusOK)
		runtime.ReadMemStats(&after)
		if grew := after.TotalAlloc - before.TotalAlloc; grew > 48<<20 {
			t.Errorf("building the audit PDF allocated %d MB for a 1000x1000 image", grew>>20)
		}
	})
}

// rawRequest sends a request the way an attacker's page or script could, without the
// OpenAPI check (these requests are wrong on purpose).
func rawRequest(s *apptest.Server, method, path, contentType, body string, headers map[string]string) *apptest.Response {
	var reader io.Reader
	if body != "" {
		reader = strings.NewReader(body)
	}
	req := httptest.NewRequest(method, path, reader)
	if contentType != "" {
		req.Header.Set("Content-Type", contentType)
	}
	for k, v := range headers {
		req.Header.Set(k, v)
	}
	return s.Do(req)
}

// TestSecurityAPIIgnoresCookies guards finding 3: a cross-site text/plain POST
// carrying the victim's page cookie does nothing under /api/v1.
func TestSecurityAPIIgnoresCookies(t *testing.T) {
	apptest.Each(t, func(t *testing.T, s *apptest.Server) {
		b := s.Browser()
		b.SignUp("Vic", "vic@example.com", goodPassword)
		cookie := map[string]string{"Cookie": "hitpath_session=" + b.Cookie("hitpath_session")}
		for _, tt := range []struct{ name, method, path, body string }{
			{"create CEU", "POST", "/api/v1/ceus", `{"activity_date":"2031-06-01","title":"x","provider":"AHIMA","provider_kind":"ahima","ceus":"1","delivery":"online"}`},
			{"join cohort with consent", "POST", "/api/v1/memberships", `{"code":"ABCD-EFGH","consent":true}`},
			{"calendar token", "POST", "/api/v1/calendar-token", `{}`},
			{"read me", "GET", "/api/v1/me", ""},
		} {
			t.Run(tt.name, func(t *testing.T) {
				resp := rawRequest(s, tt.method, tt.path, "text/plain", tt.body, cookie)
				if resp.Status != http.StatusUnauthorized {
					t.Errorf("got %d %s, want 401", resp.Status, resp.Body)
				}
			})
		}
		var rows int64
		s.DB.Raw("SELECT (SELECT COUNT(*) FROM ceu_entries) + (SELECT COUNT(*) FROM calendar_tokens)").Scan(&rows)
		if rows != 0 {
			t.Errorf("cookie-authenticated API calls wrote %d rows", rows)
		}
	})
}

// TestSecurityAPIRequiresJSONContentType guards finding 3: a JSON body must be
// labelled application/json (415 otherwise), in any letter case.
func TestSecurityAPIRequiresJSONContentType(t *testing.T) {
	apptest.Each(t, func(t *testing.T, s *apptest.Server) {
		token := s.RegisterAPI("Jo", "jo@example.com", goodPassword)
		bearer := map[string]string{"Authorization": "Bearer " + token}
		body := `{"current_password":"wrong password here","new_password":"another long password"}`
		for _, tt := range []struct {
			name, contentType string
			want              int
		}{
			{"text/plain", "text/plain", http.StatusUnsupportedMediaType},
			{"no content type", "", http.StatusUnsupportedMediaType},
			{"form", "application/x-www-form-urlencoded", http.StatusUnsupportedMediaType},
			{"json prefix trick", "application/jsonx", http.StatusUnsupportedMediaType},
			{"upper case JSON", "Application/JSON", http.StatusUnprocessableEntity},
			{"charset", "application/json; charset=utf-8", http.StatusUnprocessableEntity},
		} {
			t.Run(tt.name, func(t *testing.T) {
				resp := rawRequest(s, "POST", "/api/v1/me/password", tt.contentType, body, bearer)
				if resp.Status != tt.want {
					t.Errorf("got %d %s, want %d", resp.Status, resp.Body, tt.want)
				}
			})
		}
		resp := rawRequest(s, "POST", "/api/v1/auth/login", "text/plain", `{"email":"jo@example.com","password":"`+goodPassword+`"}`, nil)
		if resp.Status != http.StatusUnsupportedMediaType {
			t.Errorf("text/plain login: got %d, want 415", resp.Status)
		}
	})
}

// TestSecurityLoginLimitFollowsTheAuthenticatedEmail guards finding 4: whatever
// shape the request takes (decoy query, content-type case, letter case and spaces
// in the address, page or API), failures count against the account the handler
// actually checks, and the sixth attempt is refused even with the right password.
func TestSecurityLoginLimitFollowsTheAuthenticatedEmail(t *testing.T) {
	apptest.Each(t, func(t *testing.T, s *apptest.Server) {
		for i, tt := range []struct {
			name    string
			attempt func(email string) *apptest.Response
		}{
			{"decoy email in the query", func(email string) *apptest.Response {
				return rawRequest(s, "POST", "/api/v1/auth/login?email=decoy@example.com", "application/json",
					`{"email":"`+email+`","password":"wrong password"}`, nil)
			}},
			{"content type in capitals", func(email string) *apptest.Response {
				return rawRequest(s, "POST", "/api/v1/auth/login", "Application/JSON", `{"email":"`+email+`","password":"wrong password"}`, nil)
			}},
			{"address in other letter case", func(email string) *apptest.Response {
				return rawRequest(s, "POST", "/api/v1/auth/login", "application/json",
					`{"email":"  `+strings.ToUpper(email)+`","password":"wrong password"}`, nil)
			}},
			{"page form with decoy query", func(email string) *apptest.Response {
				return s.Browser().Submit("/login?email=decoy@example.com", url.Values{"email": {email}, "password": {"wrong password"}})
			}},
		} {
			t.Run(tt.name, func(t *testing.T) {
				email := "target" + strconv.Itoa(i) + "@example.com"
				s.RegisterAPI("Target", email, goodPassword)
				for range 5 {
					if resp := tt.attempt(email); resp.Status != http.StatusUnauthorized {
						t.Fatalf("wrong password: got %d, want 401", resp.Status)
					}
				}
				resp := s.API("POST", "/api/v1/auth/login", "", map[string]string{"email": email, "password": goodPassword})
				if resp.Status != http.StatusTooManyRequests || resp.Header.Get("Retry-After") == "" {
					t.Errorf("sixth attempt: got %d (Retry-After %q), want 429 with Retry-After", resp.Status, resp.Header.Get("Retry-After"))
				}
			})
		}
	}, limits(1000, 5))
}

// TestSecurityPasswordChangeAndJoinCodesAreLimited guards finding 4: wrong current
// passwords and join-code guesses are capped per account.
func TestSecurityPasswordChangeAndJoinCodesAreLimited(t *testing.T) {
	apptest.Each(t, func(t *testing.T, s *apptest.Server) {
		token := s.RegisterAPI("Pat", "pat@example.com", goodPassword)
		wrong := map[string]string{"current_password": "not my password", "new_password": "another long password"}
		for range 5 {
			apptest.Must(t, s.API("POST", "/api/v1/me/password", token, wrong), http.StatusUnprocessableEntity)
		}
		apptest.Must(t, s.API("POST", "/api/v1/me/password", token, wrong), http.StatusTooManyRequests)

		b := s.Browser()
		b.SignUp("Guess", "guess@example.com", goodPassword)
		for i := range 20 {
			apptest.Must(t, b.Get("/join?code=GUESS"+strconv.Itoa(i)), http.StatusNotFound)
		}
		if got := b.Get("/join?code=GUESS99").Status; got != http.StatusTooManyRequests {
			t.Errorf("21st join-code preview: got %d, want 429", got)
		}
	}, limits(20, 5))
}

// TestSecurityRateLimitStore checks both limiter stores on each database: windows
// follow the injected clock, Reset forgets, and concurrent hits are all counted.
func TestSecurityRateLimitStore(t *testing.T) {
	testdb.Each(t, func(t *testing.T, db *gorm.DB) {
		for _, store := range []struct {
			name  string
			store models.RateLimitStore
		}{{"database", &models.DBRateLimits{DB: db}}, {"memory", models.NewMemoryRateLimits()}} {
			t.Run(store.name, func(t *testing.T) {
				ctx := context.Background()
				hit := func(key string, at time.Time) int {
					n, _, err := store.store.Hit(ctx, key, time.Minute, at)
					if err != nil {
						t.Fatal(err)
					}
					return n
				}
				for _, tt := range []struct {
					key  string
					at   time.Duration
					want int
				}{
					{"a", 0, 1}, {"a", 10 * time.Second, 2}, {"b", 10 * time.Second, 1},
					{"a", 59 * time.Second, 3}, {"a", 60 * time.Second, 1}, {"a", 61 * time.Second, 2},
				} {
					if got := hit(tt.key, secNow.Add(tt.at)); got != tt.want {
						t.Errorf("hit %s at +%v: got %d, want %d", tt.key, tt.at, got, tt.want)
					}
				}
				if err := store.store.Reset(ctx, "a"); err != nil {
					t.Fatal(err)
				}
				if got := hit("a", secNow.Add(62*time.Second)); got != 1 {
					t.Errorf("after reset: got %d, want 1", got)
				}
				var wg sync.WaitGroup
				for range 20 {
					wg.Add(1)
					go func() { defer wg.Done(); hit("c", secNow) }()
				}
				wg.Wait()
				if got := hit("c", secNow); got != 21 {
					t.Errorf("after 20 concurrent hits: got %d, want 21", got)
				}
			})
		}
	})
}

// TestSecurityLimitsSharedAcrossProcesses guards the issue-10 finding: on
// PostgreSQL two hitpath processes over one database share one account budget, a
// restart remembers it, and the window follows the injected clock.
func TestSecurityLimitsSharedAcrossProcesses(t *testing.T) {
	testdb.Each(t, func(t *testing.T, db *gorm.DB) {
		if db.Dialector.Name() != "postgres" {
			t.Skip("SQLite serves one process; its counters live in memory")
		}
		clock := &movableClock{now: secNow}
		first := apptest.New(t, db, limits(1000, 5), apptest.WithClock(clock.Now))
		second := apptest.New(t, db, limits(1000, 5), apptest.WithClock(clock.Now))
		first.RegisterAPI("Ann", "ann@example.com", goodPassword)
		wrong := map[string]string{"email": "ann@example.com", "password": "wrong password"}
		for i := range 5 {
			apptest.Must(t, []*apptest.Server{first, second}[i%2].API("POST", "/api/v1/auth/login", "", wrong), http.StatusUnauthorized)
		}
		apptest.Must(t, second.API("POST", "/api/v1/auth/login", "", wrong), http.StatusTooManyRequests)
		restarted := apptest.New(t, db, limits(1000, 5), apptest.WithClock(clock.Now))
		apptest.Must(t, restarted.API("POST", "/api/v1/auth/login", "", wrong), http.StatusTooManyRequests)
		clock.Add(61 * time.Second)
		apptest.Must(t, restarted.API("POST", "/api/v1/auth/login", "", map[string]string{"email": "ann@example.com", "password": goodPassword}), http.StatusOK)
	})
}

// TestSecurityTrustedProxies guards the issue-10 finding: X-Forwarded-For is
// believed only from TRUSTED_PROXIES, read from the right, so clients behind a proxy
// get their own budgets and cannot forge one.
func TestSecurityTrustedProxies(t *testing.T) {
	// app.Test connects every request from 0.0.0.0.
	proxy := func(d *handlers.Deps) { d.TrustedProxies = []netip.Prefix{netip.MustParsePrefix("0.0.0.0/32")} }
	login := func(s *apptest.Server, xff string) int {
		return rawRequest(s, "POST", "/api/v1/auth/login", "application/json",
			`{"email":"nobody@example.com","password":"x"}`, map[string]string{"X-Forwarded-For": xff}).Status
	}
	for _, tt := range []struct {
		name    string
		trusted bool
		first   []string // three attempts, then a fourth from `then`
		then    string
		want    int
	}{
		{"no trusted proxy: header ignored", false, []string{"198.51.100.1", "198.51.100.2", "198.51.100.3"}, "198.51.100.4", http.StatusTooManyRequests},
		{"behind the proxy: clients apart", true, []string{"198.51.100.1", "198.51.100.1", "198.51.100.1"}, "198.51.100.2", http.StatusUnauthorized},
		{"behind the proxy: one client limited", true, []string{"198.51.100.1", "198.51.100.1", "198.51.100.1"}, "198.51.100.1", http.StatusTooManyRequests},
		{"behind the proxy: forged left entry", true, []string{"198.51.100.1", "198.51.100.1", "198.51.100.1"}, "203.0.113.5, 198.51.100.1", http.StatusTooManyRequests},
	} {
		t.Run(tt.name, func(t *testing.T) {
			opts := []apptest.Option{limits(3, 1000)}
			if tt.trusted {
				opts = append(opts, proxy)
			}
			apptest.Each(t, func(t *testing.T, s *apptest.Server) {
				for _, xff := range tt.first {
					if got := login(s, xff); got != http.StatusUnauthorized {
						t.Fatalf("attempt from %s: got %d, want 401", xff, got)
					}
				}
				if got := login(s, tt.then); got != tt.want {
					t.Errorf("fourth attempt from %s: got %d, want %d", tt.then, got, tt.want)
				}
			}, opts...)
		})
	}
}

// TestSecurityRefusesNULAndInvalidUTF8 guards finding 5: every way text comes in
// answers 422 for a NUL or bytes that are not UTF-8, and nothing is stored.
func TestSecurityRefusesNULAndInvalidUTF8(t *testing.T) {
	apptest.Each(t, func(t *testing.T, s *apptest.Server) {
		token := s.RegisterAPI("Una", "una@example.com", goodPassword)
		bearer := map[string]string{"Authorization": "Bearer " + token}
		b := s.Browser()
		b.SignUp("Ulla", "ulla@example.com", goodPassword)
		for _, tt := range []struct {
			name string
			send func() *apptest.Response
		}{
			{"API login, NUL in email", func() *apptest.Response {
				return rawRequest(s, "POST", "/api/v1/auth/login", "application/json", `{"email":"a\u0000@example.com","password":"x"}`, nil)
			}},
			{"API register, NUL in name", func() *apptest.Response {
				return rawRequest(s, "POST", "/api/v1/auth/register", "application/json",
					`{"name":"Eve\u0000","email":"eve@example.com","password":"`+goodPassword+`"}`, nil)
			}},
			{"API register, invalid UTF-8 in name", func() *apptest.Response {
				return rawRequest(s, "POST", "/api/v1/auth/register", "application/json",
					"{\"name\":\"Eve\xff\",\"email\":\"eve2@example.com\",\"password\":\""+goodPassword+"\"}", nil)
			}},
			{"API CEU title with NUL", func() *apptest.Response {
				return rawRequest(s, "POST", "/api/v1/ceus", "application/json", `{"title":"a\u0000b"}`, bearer)
			}},
			{"API CSV import body with NUL", func() *apptest.Response {
				return rawRequest(s, "POST", "/api/v1/ceus/import", "text/csv", "activity_date,title\n2031-06-01,a\x00b\n", bearer)
			}},
			{"page login form", func() *apptest.Response {
				return b.Submit("/login", url.Values{"email": {"x\x00@example.com"}, "password": {"x"}})
			}},
			{"page sign-up form, invalid UTF-8", func() *apptest.Response {
				return s.Browser().Submit("/signup", url.Values{"name": {"Zed\xc3"}, "email": {"zed@example.com"}, "password": {goodPassword}})
			}},
			{"page form, NUL in field name", func() *apptest.Response {
				return b.Submit("/ceus", url.Values{"ti\x00tle": {"x"}})
			}},
			{"search query", func() *apptest.Response { return s.Browser().Get("/careers/search?q=a%00b") }},
			{"query, invalid UTF-8", func() *apptest.Response { return s.Browser().Get("/careers/search?q=a%ffb") }},
			{"path", func() *apptest.Response { return s.Browser().Get("/careers/a%00b") }},
			{"multipart file name", func() *apptest.Response {
				return ceuUpload(t, b, "/ceus/1/evidence", "file", "scan\xff.png", ceuPNG)
			}},
		} {
			t.Run(tt.name, func(t *testing.T) {
				if resp := tt.send(); resp.Status != http.StatusUnprocessableEntity {
					t.Errorf("got %d, want 422: %.200s", resp.Status, resp.Body)
				}
			})
		}
		var users, entries int64
		s.DB.Raw("SELECT COUNT(*) FROM users").Scan(&users)
		s.DB.Raw("SELECT COUNT(*) FROM ceu_entries").Scan(&entries)
		if users != 2 || entries != 0 {
			t.Errorf("got %d users and %d entries, want 2 and 0", users, entries)
		}
	})
}
