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
	"unicode/utf8"

	"gorm.io/gorm"

	"hitpath/app/apptest"
	"hitpath/app/security"
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
	return craftedPNGDepth(t, width, height, inflated, 8)
}

// craftedPNGDepth is craftedPNG with depth bits a colour channel (8 or 16).
func craftedPNGDepth(t *testing.T, width, height uint32, inflated int, depth byte) []byte {
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
	ihdr = append(ihdr, depth, 6, 0, 0, 0)
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
			{"16-bit 6300x6300, under 40 megapixels but 317 MB to draw", craftedPNGDepth(t, 6300, 6300, 1000, 16),
				http.StatusUnprocessableEntity, "16 bits a colour"},
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

// TestSecurityAPIResponsesAreNotCached guards finding 7: every authenticated or
// token-bearing API response says Cache-Control: no-store.
func TestSecurityAPIResponsesAreNotCached(t *testing.T) {
	eachCEU(t, func(t *testing.T, s *apptest.Server) {
		b := ceuNewHolder(t, s, "cache@example.com")
		entry := ceuLog(t, s, b, ceuDaysAgo(3), "Coding update", "1")
		apptest.Must(t, ceuUpload(t, b, "/ceus/"+itoa(entry)+"/evidence", "file", "c.png", ceuPNG), http.StatusSeeOther)
		var fileID int64
		s.DB.Raw("SELECT MAX(id) FROM evidence_files").Scan(&fileID)
		s.SetRole("cache@example.com", "admin")
		token := s.LoginAPI("cache@example.com", goodPassword)
		for _, tt := range []struct{ name, method, path, token string }{
			{"me", "GET", "/api/v1/me", token},
			{"CEUs", "GET", "/api/v1/ceus", token},
			{"evidence content", "GET", "/api/v1/ceus/" + itoa(entry) + "/evidence/" + itoa(fileID), token},
			{"admin user list", "GET", "/api/v1/admin/users", token},
			{"bad token", "GET", "/api/v1/me", "not-a-token"},
		} {
			t.Run(tt.name, func(t *testing.T) {
				resp := s.API(tt.method, tt.path, tt.token, nil)
				if got := resp.Header.Get("Cache-Control"); !strings.Contains(got, "no-store") {
					t.Errorf("Cache-Control %q, want no-store", got)
				}
			})
		}
		login := s.API("POST", "/api/v1/auth/login", "", map[string]string{"email": "cache@example.com", "password": goodPassword})
		if got := login.Header.Get("Cache-Control"); !strings.Contains(got, "no-store") {
			t.Errorf("login token response: Cache-Control %q, want no-store", got)
		}
	})
}

// TestSecurityLastAdminStays guards finding 10: the last admin cannot demote
// themselves, by page or API; with a second admin they can.
func TestSecurityLastAdminStays(t *testing.T) {
	apptest.Each(t, func(t *testing.T, s *apptest.Server) {
		b := s.Browser()
		b.SignUp("Root", "root@example.com", goodPassword)
		s.SetRole("root@example.com", "admin")
		token := s.LoginAPI("root@example.com", goodPassword)
		var rootID int64
		s.DB.Raw("SELECT id FROM users WHERE email = ?", "root@example.com").Scan(&rootID)
		page := b.Submit("/admin/users/"+itoa(rootID)+"/role", url.Values{"role": {"learner"}})
		if page.Status != http.StatusUnprocessableEntity || !strings.Contains(page.Text(), "last admin") {
			t.Errorf("page demotion of the last admin: got %d, want 422 saying why", page.Status)
		}
		api := s.API("PATCH", "/api/v1/admin/users/"+itoa(rootID), token, map[string]string{"role": "instructor"})
		if api.Status != http.StatusUnprocessableEntity || !strings.Contains(api.Text(), "last admin") {
			t.Errorf("API demotion of the last admin: got %d %s, want 422", api.Status, api.Body)
		}
		// Deleting the account is refused the same way, on the page and in the API.
		page = b.Submit("/account/delete", url.Values{"password": {goodPassword}, "confirm": {"DELETE"}})
		if page.Status != http.StatusUnprocessableEntity || !strings.Contains(page.Text(), "last admin") {
			t.Errorf("page deletion of the last admin: got %d, want 422 saying why", page.Status)
		}
		api = s.API("POST", "/api/v1/me/delete", token, map[string]string{"password": goodPassword})
		if api.Status != http.StatusUnprocessableEntity || !strings.Contains(api.Text(), "last admin") {
			t.Errorf("API deletion of the last admin: got %d %s, want 422", api.Status, api.Body)
		}
		s.RegisterAPI("Deputy", "deputy@example.com", goodPassword)
		s.SetRole("deputy@example.com", "admin")
		apptest.Must(t, s.API("PATCH", "/api/v1/admin/users/"+itoa(rootID), token, map[string]string{"role": "instructor"}), http.StatusOK)
	})
}

// TestSecurityRefusesGuessablePasswords guards finding 11: common and patterned
// passwords are refused beside the field on sign-up and password change.
func TestSecurityRefusesGuessablePasswords(t *testing.T) {
	apptest.Each(t, func(t *testing.T, s *apptest.Server) {
		token := s.RegisterAPI("Gus", "gus@example.com", goodPassword)
		for i, password := range []string{"aaaaaaaaaa", "password123", "qwertyuiop", "1234567890", "own email", "1111111111111"} {
			t.Run(password, func(t *testing.T) {
				email := "weak" + strconv.Itoa(i) + "@example.com"
				if password == "own email" {
					password = email
				}
				page := s.Browser().Submit("/signup", url.Values{"name": {"Weak"}, "email": {email}, "password": {password}})
				if page.Status != http.StatusUnprocessableEntity || !strings.Contains(strings.Join(apptest.FieldErrorsIn(page.Text()), " "), "too easy to guess") {
					t.Errorf("sign-up page: got %d %v, want 422 with the reason beside the field", page.Status, apptest.FieldErrorsIn(page.Text()))
				}
				api := s.API("POST", "/api/v1/auth/register", "", map[string]string{"name": "Weak", "email": email, "password": password})
				if api.Status != http.StatusUnprocessableEntity || !strings.Contains(api.Text(), security.WeakPasswordMessage) {
					t.Errorf("register API: got %d %s, want 422", api.Status, api.Body)
				}
				if password == email {
					password = "gus@example.com" // the changer's own address
				}
				change := s.API("POST", "/api/v1/me/password", token, map[string]string{"current_password": goodPassword, "new_password": password})
				if change.Status != http.StatusUnprocessableEntity {
					t.Errorf("password change: got %d, want 422", change.Status)
				}
			})
		}
	}, limits(1000, 1000))
}

// TestSecurityEvidenceNamesCutOnCharacters guards finding 12: a long file name is
// shortened to 200 characters on a character boundary, keeping its extension.
func TestSecurityEvidenceNamesCutOnCharacters(t *testing.T) {
	eachCEU(t, func(t *testing.T, s *apptest.Server) {
		b := ceuNewHolder(t, s, "names@example.com")
		entry := ceuLog(t, s, b, ceuDaysAgo(3), "Coding update", "1")
		for _, name := range []string{strings.Repeat("é", 250) + ".png", "x" + strings.Repeat("€", 300) + ".png", strings.Repeat("😀", 260) + ".png"} {
			apptest.Must(t, ceuUpload(t, b, "/ceus/"+itoa(entry)+"/evidence", "file", name, ceuPNG), http.StatusSeeOther)
			var stored string
			s.DB.Raw("SELECT filename FROM evidence_files ORDER BY id DESC LIMIT 1").Scan(&stored)
			if !utf8.ValidString(stored) || utf8.RuneCountInString(stored) != 200 || !strings.HasSuffix(stored, ".png") {
				t.Errorf("stored %q (%d characters) for a %d-character name", stored, utf8.RuneCountInString(stored), utf8.RuneCountInString(name))
			}
		}
	})
}

// TestSecurityCSRFTokensAreBoundToTheSession guards finding 6: a token works only
// for the session (or pre-session) it was made for, only from the form body or a
// header, and cookies get the __Host- prefix under https.
func TestSecurityCSRFTokensAreBoundToTheSession(t *testing.T) {
	apptest.Each(t, func(t *testing.T, s *apptest.Server) {
		form := func(token string) string { return url.Values{"_csrf": {token}}.Encode() }
		cookies := func(pairs ...string) map[string]string {
			return map[string]string{"Cookie": strings.Join(pairs, "; ")}
		}
		victim := s.Browser()
		victim.SignUp("Vera", "vera@example.com", goodPassword)
		victim.Get("/dashboard")
		session := "hitpath_session=" + victim.Cookie("hitpath_session")
		attacker := s.Browser()
		attacker.Get("/login")
		planted := attacker.CSRF()

		gone := s.Browser()
		gone.SignUp("Gone", "gone@example.com", goodPassword)
		gone.Get("/dashboard")
		oldToken := gone.CSRF()
		apptest.Must(t, gone.Submit("/logout", nil), http.StatusSeeOther)
		gone.Get("/login")

		for _, tt := range []struct {
			name string
			send func() *apptest.Response
			want int
		}{
			{"anonymous token planted in a signed-in browser", func() *apptest.Response {
				return rawRequest(s, "POST", "/logout", "application/x-www-form-urlencoded", form(planted),
					cookies(session, "hitpath_csrf="+planted, "hitpath_presession="+attacker.Cookie("hitpath_presession")))
			}, http.StatusForbidden},
			{"session token replayed after logout", func() *apptest.Response {
				return rawRequest(s, "POST", "/login", "application/x-www-form-urlencoded",
					form(oldToken)+"&email=gone%40example.com&password=wrong+password+here",
					cookies("hitpath_csrf="+oldToken, "hitpath_presession="+gone.Cookie("hitpath_presession")))
			}, http.StatusForbidden},
			{"token in the query string", func() *apptest.Response {
				return rawRequest(s, "POST", "/logout?_csrf="+url.QueryEscape(victim.CSRF()), "application/x-www-form-urlencoded", "x=1",
					cookies(session, "hitpath_csrf="+victim.CSRF()))
			}, http.StatusForbidden},
			{"token in the header", func() *apptest.Response {
				return rawRequest(s, "POST", "/logout", "application/x-www-form-urlencoded", "x=1",
					map[string]string{"Cookie": session, "X-CSRF-Token": victim.CSRF()})
			}, http.StatusSeeOther},
		} {
			t.Run(tt.name, func(t *testing.T) {
				if got := tt.send().Status; got != tt.want {
					t.Errorf("got %d, want %d", got, tt.want)
				}
			})
		}
	})
	t.Run("__Host- prefix under https", func(t *testing.T) {
		s := apptest.New(t, testdb.Open(t, "sqlite"), func(d *handlers.Deps) { d.SecureCookies = true })
		set := strings.Join(s.Browser().Get("/login").Header.Values("Set-Cookie"), "\n")
		for _, name := range []string{"__Host-hitpath_csrf=", "__Host-hitpath_presession="} {
			if !strings.Contains(set, name) {
				t.Errorf("no %s cookie in %q", name, set)
			}
		}
		if !strings.Contains(set, "secure") {
			t.Errorf("cookies not Secure: %q", set)
		}
	})
}

// TestSecurityRegisterDoesNotRevealAccounts guards finding 8 (sign-up): the API
// answers a taken address exactly as a new one, the page never says the address is
// taken, and the owner gets one notice a day instead.
func TestSecurityRegisterDoesNotRevealAccounts(t *testing.T) {
	apptest.Each(t, func(t *testing.T, s *apptest.Server) {
		s.RegisterAPI("Owner", "owner@example.com", goodPassword)
		register := func(email string) *apptest.Response {
			return s.API("POST", "/api/v1/auth/register", "", map[string]string{"name": "Probe", "email": email, "password": goodPassword})
		}
		fresh := register("fresh@example.com")
		for _, email := range []string{"owner@example.com", "OWNER@Example.com"} {
			taken := register(email)
			if taken.Status != fresh.Status || string(taken.Body) != string(fresh.Body) {
				t.Errorf("taken %s: got %d %s, want the same as a new address: %d %s", email, taken.Status, taken.Body, fresh.Status, fresh.Body)
			}
		}
		page := s.Browser().Submit("/signup", url.Values{"name": {"Probe"}, "email": {"owner@example.com"}, "password": {goodPassword}})
		if page.Status != http.StatusSeeOther || strings.Contains(page.Text()+page.Header.Get("Set-Cookie"), "already") {
			t.Errorf("sign-up page with a taken address: got %d, a message naming the account", page.Status)
		}
		var notices int64
		s.DB.Raw("SELECT COUNT(*) FROM outbox WHERE to_address = ? AND subject LIKE ?", "owner@example.com", "Sign-up attempt%").Scan(&notices)
		if notices != 1 {
			t.Errorf("got %d notices to the owner, want 1 a day", notices)
		}
	})
}

// TestSecurityMembersAreToldOfNewInstructors guards finding 9: when an instructor is
// added to a cohort, each member is emailed and their dashboard (and the API) names
// the new instructor with a one-click way to leave; the audit log records it.
func TestSecurityMembersAreToldOfNewInstructors(t *testing.T) {
	clock := &movableClock{now: secNow}
	apptest.Each(t, func(t *testing.T, s *apptest.Server) {
		owner := cohortNewActor(t, s, "Olga Owner", "owner@example.com", "instructor")
		late := cohortNewActor(t, s, "Ivan Later", "ivan@example.com", "instructor")
		student := cohortNewActor(t, s, "Sam Student", "sam@example.com", "learner")
		cohort := cohortCreateAPI(t, s, owner.Token, map[string]any{"name": "HIT 210", "target_code": "RHIT"})
		cohortJoinAPI(t, s, student.Token, *cohort.JoinCode, false)
		if strings.Contains(student.Browser.Get("/dashboard").Text(), "New instructor") {
			t.Fatal("dashboard shows a notice before any instructor was added")
		}
		clock.Add(time.Hour)
		apptest.Must(t, owner.Browser.Submit("/cohorts/"+itoa(cohort.ID)+"/instructors", url.Values{"email": {late.Email}}), http.StatusSeeOther)

		var emails int64
		s.DB.Raw("SELECT COUNT(*) FROM outbox WHERE to_address = ? AND body LIKE ?", student.Email, "%Ivan Later%").Scan(&emails)
		if emails != 1 {
			t.Errorf("got %d emails to the member naming the new instructor, want 1", emails)
		}
		var audits int64
		s.DB.Raw("SELECT COUNT(*) FROM audit_log WHERE action = ?", "cohort.instructor_added").Scan(&audits)
		if audits != 1 {
			t.Errorf("got %d audit rows, want 1", audits)
		}
		dash := student.Browser.Get("/dashboard").Text()
		if !strings.Contains(dash, "Ivan Later") || !strings.Contains(dash, `action="/join/`+itoa(cohort.ID)+`/leave"`) {
			t.Error("dashboard does not name the new instructor with a leave button")
		}
		var out struct {
			NewInstructors []struct {
				InstructorName string `json:"instructor_name"`
			} `json:"new_instructors"`
		}
		s.API("GET", "/api/v1/memberships", student.Token, nil).JSON(t, &out)
		if len(out.NewInstructors) != 1 || out.NewInstructors[0].InstructorName != "Ivan Later" {
			t.Errorf("API new_instructors = %+v, want Ivan Later", out.NewInstructors)
		}
		apptest.Must(t, student.Browser.Submit("/join/"+itoa(cohort.ID)+"/leave", nil), http.StatusSeeOther)
		// The card with its leave button goes; the notice in the history stays.
		if strings.Contains(student.Browser.Get("/dashboard").Text(), `action="/join/`+itoa(cohort.ID)+`/leave"`) {
			t.Error("notice still shown after leaving")
		}
	}, apptest.WithClock(clock.Now), limits(1000, 1000))
}

// TestSecurityCoInstructorFormDoesNotRevealAccounts guards finding 8 (co-instructor
// form): a learner's address and an unknown one get the same answer as an
// instructor's, on the page and in the API, and the learner is told by email.
func TestSecurityCoInstructorFormDoesNotRevealAccounts(t *testing.T) {
	apptest.Each(t, func(t *testing.T, s *apptest.Server) {
		owner := cohortNewActor(t, s, "Olga Owner", "owner@example.com", "instructor")
		cohortNewActor(t, s, "Ivan Teacher", "ivan@example.com", "instructor")
		cohortNewActor(t, s, "Lena Learner", "lena@example.com", "learner")
		cohort := cohortCreateAPI(t, s, owner.Token, map[string]any{"name": "HIT 210", "target_code": "RHIT"})
		path := "/cohorts/" + itoa(cohort.ID) + "/instructors"
		answers := map[string]string{}
		for _, email := range []string{"ivan@example.com", "lena@example.com", "nobody@example.com"} {
			page := owner.Browser.Submit(path, url.Values{"email": {email}})
			flash := owner.Browser.Get("/cohorts/" + itoa(cohort.ID)).Text()
			if page.Status != http.StatusSeeOther || !strings.Contains(flash, "If "+email+" is an instructor account") {
				t.Errorf("%s: got %d without the common answer", email, page.Status)
			}
			answers[email] = strings.ReplaceAll(page.Header.Get("Location"), email, "")
			if email != "ivan@example.com" {
				api := s.API("POST", "/api/v1"+path, owner.Token, map[string]string{"email": email})
				if api.Status != http.StatusOK || strings.Contains(api.Text(), email) {
					t.Errorf("%s: API answered %d %s, want 200 adding nobody", email, api.Status, api.Body)
				}
			}
		}
		if answers["lena@example.com"] != answers["nobody@example.com"] || answers["ivan@example.com"] != answers["nobody@example.com"] {
			t.Errorf("answers differ: %v", answers)
		}
		var toLena, toNobody int64
		// Sign-up queued an address confirmation to every actor; count only the notices.
		s.DB.Raw("SELECT COUNT(*) FROM outbox WHERE to_address = ? AND subject NOT LIKE ?", "lena@example.com", "%onfirm%").Scan(&toLena)
		s.DB.Raw("SELECT COUNT(*) FROM outbox WHERE to_address = ?", "nobody@example.com").Scan(&toNobody)
		if toLena != 1 || toNobody != 0 {
			t.Errorf("got %d notices to the learner and %d to an unknown address, want 1 and 0", toLena, toNobody)
		}
	}, limits(1000, 1000))
}
