package handlers_test

import (
	"net/http"
	"net/url"
	"regexp"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"hitpath/app/apptest"
	"hitpath/handlers"
	"hitpath/models"
)

// stepClock is a test clock that moves on by whole authenticator periods, so one code
// is never offered twice in a period (hitpath refuses a code already used).
type stepClock struct{ unix atomic.Int64 }

func newStepClock() *stepClock {
	c := &stepClock{}
	c.unix.Store(apptest.FixedNow(time.Date(2031, 4, 7, 9, 0, 10, 0, time.UTC)).Unix())
	return c
}

func (c *stepClock) Now() time.Time { return time.Unix(c.unix.Load(), 0).UTC() }
func (c *stepClock) next()          { c.unix.Add(30) }

// code is the authenticator code for secret (spaces allowed) one period from now, and
// moves the clock there.
func (c *stepClock) code(t *testing.T, secret string) string {
	t.Helper()
	c.next()
	code, err := models.TOTPCode(strings.ReplaceAll(secret, " ", ""), c.Now())
	if err != nil {
		t.Fatal(err)
	}
	return code
}

type enrolled struct {
	Secret string   `json:"secret"`
	Codes  []string `json:"recovery_codes"`
}

// enrolAPI turns two-factor sign-in on for token's account through the API.
func enrolAPI(t *testing.T, s *apptest.Server, clock *stepClock, token string) enrolled {
	t.Helper()
	var out enrolled
	apptest.Must(t, s.API("POST", "/api/v1/me/two-factor/enrol", token, nil), http.StatusCreated).JSON(t, &out)
	apptest.Must(t, s.API("POST", "/api/v1/me/two-factor/confirm", token, map[string]string{"code": clock.code(t, out.Secret)}), 200).JSON(t, &out)
	return out
}

type challengeJSON struct {
	Required  bool   `json:"two_factor_required"`
	Challenge string `json:"challenge"`
	Token     string `json:"token"`
}

func loginChallenge(t *testing.T, s *apptest.Server, email string) string {
	t.Helper()
	var out challengeJSON
	apptest.Must(t, s.API("POST", "/api/v1/auth/login", "", map[string]string{"email": email, "password": goodPassword}), http.StatusAccepted).JSON(t, &out)
	if !out.Required || out.Challenge == "" || out.Token != "" {
		t.Fatalf("got %+v, want a challenge and no token", out)
	}
	return out.Challenge
}

func TestTwoFactorThroughTheAPI(t *testing.T) {
	clock := newStepClock()
	apptest.Each(t, func(t *testing.T, s *apptest.Server) {
		token := s.RegisterAPI("Ana", "ana@example.com", goodPassword)
		apptest.Must(t, s.API("POST", "/api/v1/me/two-factor/confirm", token, map[string]string{"code": "123456"}), http.StatusConflict)
		var start enrolled
		apptest.Must(t, s.API("POST", "/api/v1/me/two-factor/enrol", token, nil), http.StatusCreated).JSON(t, &start)
		apptest.Must(t, s.API("POST", "/api/v1/me/two-factor/confirm", token, map[string]string{"code": "12"}), 422)
		var stored models.TwoFactor
		s.DB.Where("user_id = (SELECT id FROM users WHERE email = ?)", "ana@example.com").Take(&stored)
		if stored.SecretSealed == "" || strings.Contains(stored.SecretSealed, start.Secret) {
			t.Fatalf("got stored secret %q, want it encrypted", stored.SecretSealed)
		}
		codes := enrolAPI(t, s, clock, token).Codes // a second enrol replaces the pending key
		if len(codes) != 10 {
			t.Fatalf("got %d recovery codes, want 10", len(codes))
		}
		var hashes []string
		s.DB.Table("recovery_codes").Pluck("code_hash", &hashes)
		for _, h := range hashes {
			if strings.Contains(h, strings.ReplaceAll(codes[0], "-", "")) {
				t.Fatal("a recovery code is stored readable")
			}
		}
		apptest.Must(t, s.API("POST", "/api/v1/me/two-factor/enrol", token, nil), http.StatusConflict)

		var status struct {
			Enabled bool `json:"enabled"`
			Left    int  `json:"recovery_codes_left"`
		}
		apptest.Must(t, s.API("GET", "/api/v1/me/two-factor", token, nil), 200).JSON(t, &status)
		if !status.Enabled || status.Left != 10 {
			t.Fatalf("got %+v, want on with 10 codes", status)
		}
		// The secret of this account, read back through the set-up key is gone; use
		// the key from a fresh enrolment instead.
		var secret string
		{
			var e enrolled
			apptest.Must(t, s.API("POST", "/api/v1/me/two-factor/disable", token, map[string]string{"password": goodPassword, "code": codes[9]}), 204)
			apptest.Must(t, s.API("POST", "/api/v1/me/two-factor/enrol", token, nil), 201).JSON(t, &e)
			secret = e.Secret
			apptest.Must(t, s.API("POST", "/api/v1/me/two-factor/confirm", token, map[string]string{"code": clock.code(t, secret)}), 200).JSON(t, &e)
			codes = e.Codes
		}

		challenge := loginChallenge(t, s, "ana@example.com")
		apptest.Must(t, s.API("POST", "/api/v1/auth/login/two-factor", "", map[string]string{"challenge": challenge, "code": "000000"}), 422)
		apptest.Must(t, s.API("POST", "/api/v1/auth/login/two-factor", "", map[string]string{"challenge": challenge + "x", "code": clock.code(t, secret)}), 401)
		var done struct {
			Token string `json:"token"`
		}
		code := clock.code(t, secret)
		apptest.Must(t, s.API("POST", "/api/v1/auth/login/two-factor", "", map[string]string{"challenge": challenge, "code": code}), 200).JSON(t, &done)
		apptest.Must(t, s.API("GET", "/api/v1/me", done.Token, nil), 200)
		apptest.Must(t, s.API("POST", "/api/v1/auth/login/two-factor", "", map[string]string{"challenge": challenge, "code": code}), 422) // no replay

		challenge = loginChallenge(t, s, "ana@example.com")
		apptest.Must(t, s.API("POST", "/api/v1/auth/login/two-factor", "", map[string]string{"challenge": challenge, "code": strings.ToUpper(codes[0])}), 200)
		apptest.Must(t, s.API("POST", "/api/v1/auth/login/two-factor", "", map[string]string{"challenge": challenge, "code": codes[0]}), 422) // used up
		clock.unix.Add(int64(6 * time.Minute / time.Second))
		apptest.Must(t, s.API("POST", "/api/v1/auth/login/two-factor", "", map[string]string{"challenge": challenge, "code": codes[1]}), 401) // expired

		var fresh enrolled
		apptest.Must(t, s.API("POST", "/api/v1/me/two-factor/recovery-codes", token, map[string]string{"password": "wrong one!!"}), 422)
		apptest.Must(t, s.API("POST", "/api/v1/me/two-factor/recovery-codes", token, map[string]string{"password": goodPassword}), 200).JSON(t, &fresh)
		challenge = loginChallenge(t, s, "ana@example.com")
		apptest.Must(t, s.API("POST", "/api/v1/auth/login/two-factor", "", map[string]string{"challenge": challenge, "code": codes[2]}), 422) // replaced
		apptest.Must(t, s.API("POST", "/api/v1/me/two-factor/disable", token, map[string]string{"password": goodPassword, "code": "000000"}), 422)
		apptest.Must(t, s.API("POST", "/api/v1/me/two-factor/disable", token, map[string]string{"password": goodPassword, "code": fresh.Codes[0]}), 204)
		s.LoginAPI("ana@example.com", goodPassword) // one step again
		apptest.Must(t, s.API("POST", "/api/v1/me/two-factor/disable", token, map[string]string{"password": goodPassword, "code": fresh.Codes[1]}), 409)

		var actions []string
		s.DB.Table("audit_log").Order("id").Pluck("action", &actions)
		joined := strings.Join(actions, " ")
		for _, want := range []string{"user.two_factor_enabled", "user.two_factor_failed", "user.recovery_codes_regenerated", "user.two_factor_disabled"} {
			if !strings.Contains(joined, want) {
				t.Errorf("the audit log has no %s: %s", want, joined)
			}
		}
		var detail []string
		s.DB.Table("audit_log").Where("action = ? AND detail LIKE ?", "user.signed_in", "two-factor%").Pluck("detail", &detail)
		if len(detail) != 2 {
			t.Fatalf("got two-factor sign-ins audited %v, want one by app code and one by recovery code", detail)
		}
	}, apptest.WithClock(clock.Now))
}

func TestTwoFactorCodeAttemptsAreLimited(t *testing.T) {
	clock := newStepClock()
	apptest.Each(t, func(t *testing.T, s *apptest.Server) {
		token := s.RegisterAPI("Ana", "ana@example.com", goodPassword)
		enrolAPI(t, s, clock, token)
		challenge := loginChallenge(t, s, "ana@example.com")
		for range 5 {
			apptest.Must(t, s.API("POST", "/api/v1/auth/login/two-factor", "", map[string]string{"challenge": challenge, "code": "000000"}), 422)
		}
		resp := apptest.Must(t, s.API("POST", "/api/v1/auth/login/two-factor", "", map[string]string{"challenge": challenge, "code": "000000"}), 429)
		if resp.Header.Get("Retry-After") == "" {
			t.Fatal("got no Retry-After")
		}
	}, apptest.WithClock(clock.Now), func(d *handlers.Deps) { d.AuthAttemptsPerMinute = 1000 })
}

// A changed app secret must not lock anyone out with a 500: the page says to use a
// recovery code, and the recovery code works.
func TestTwoFactorWithAnUnreadableKey(t *testing.T) {
	clock := newStepClock()
	db := openSQLite(t)
	before := apptest.New(t, db, apptest.WithClock(clock.Now))
	token := before.RegisterAPI("Ana", "ana@example.com", goodPassword)
	codes := enrolAPI(t, before, clock, token).Codes
	b := before.Browser()
	b.Get("/login")
	before.Browser().Get("/login")
	// Another process whose secret changed: it cannot decrypt the stored key.
	after := apptest.New(t, db, apptest.WithClock(clock.Now), func(d *handlers.Deps) {
		d.TwoFactorKey = []byte("a different key, 32 bytes long!!")
	})
	browser := after.Browser()
	resp := apptest.Must(t, browser.LogIn("ana@example.com", goodPassword), http.StatusSeeOther)
	if loc := resp.Header.Get("Location"); !strings.HasPrefix(loc, "/login/two-factor") {
		t.Fatalf("got redirect %q, want the code step", loc)
	}
	page := apptest.Must(t, browser.Submit("/login/two-factor", url.Values{"code": {"123456"}}), 422).Text()
	if !strings.Contains(page, "recovery codes") || !strings.Contains(page, "administrator") {
		t.Fatalf("got %v, want to be told to use a recovery code or ask an admin", apptest.FieldErrorsIn(page))
	}
	apptest.Must(t, browser.Submit("/login/two-factor", url.Values{"code": {codes[0]}, "next": {"/account"}}), http.StatusSeeOther)
	apptest.Must(t, browser.Get("/account/two-factor"), 200)
}

func TestTwoFactorPagesAndReload(t *testing.T) {
	clock := newStepClock()
	apptest.Each(t, func(t *testing.T, s *apptest.Server) {
		b := s.Browser()
		b.SignUp("Ana", "ana@example.com", goodPassword)
		if page := apptest.Must(t, b.Get("/account"), 200).Text(); !strings.Contains(page, `href="/account/two-factor"`) {
			t.Fatal("the account page does not link to two-factor sign-in")
		}
		apptest.Must(t, b.Submit("/account/two-factor/setup", nil), http.StatusSeeOther)
		page := apptest.Must(t, b.Get("/account/two-factor"), 200).Text()
		m := regexp.MustCompile(`id="two-factor-key">([A-Z2-7 ]+)<`).FindStringSubmatch(page)
		if m == nil || !strings.Contains(page, `src="data:image/png;base64,`) || !strings.Contains(page, "otpauth://totp/") {
			t.Fatal("the set-up page shows no key, QR code or otpauth link")
		}
		secret := m[1]
		page = apptest.Must(t, b.Submit("/account/two-factor/confirm", url.Values{"code": {"000000"}}), 422).Text()
		if !strings.Contains(page, `id="code-error"`) {
			t.Fatal("a wrong code is not refused beside the field")
		}
		form := url.Values{"code": {clock.code(t, secret)}}
		page = apptest.Must(t, b.Submit("/account/two-factor/confirm", form), 200).Text()
		if n := strings.Count(page, "<li><code>"); n != 10 {
			t.Fatalf("got %d recovery codes on the page, want 10", n)
		}
		page = apptest.Must(t, b.Submit("/account/two-factor/confirm", form), 200).Text() // the browser's reload
		if !strings.Contains(page, "already on") || strings.Contains(page, "<li><code>") {
			t.Fatal("reloading the confirmation does not say kindly that it is already on")
		}
		apptest.Must(t, b.Submit("/logout", nil), http.StatusSeeOther)
		resp := apptest.Must(t, b.LogIn("ana@example.com", goodPassword), http.StatusSeeOther)
		if resp.Header.Get("Location") != "/login/two-factor?next=%2Fdashboard" {
			t.Fatalf("got redirect %q, want the code step", resp.Header.Get("Location"))
		}
		if b.Cookie("hitpath_session") != "" {
			t.Fatal("the password alone opened a session")
		}
		apptest.Must(t, b.Get("/login/two-factor"), 200)
		apptest.Must(t, b.Submit("/login/two-factor", url.Values{"code": {"abc"}}), 422)
		apptest.Must(t, b.Submit("/login/two-factor", url.Values{"code": {clock.code(t, secret)}, "next": {"/dashboard"}}), http.StatusSeeOther)
		apptest.Must(t, b.Get("/dashboard"), 200)
		if got := s.Browser().Get("/login/two-factor"); got.Status != http.StatusSeeOther {
			t.Fatalf("got %d for the code step without a password first, want a redirect to log in", got.Status)
		}
	}, apptest.WithClock(clock.Now))
}

func TestAdminRequiresAndResetsTwoFactor(t *testing.T) {
	clock := newStepClock()
	apptest.Each(t, func(t *testing.T, s *apptest.Server) {
		adminToken := s.RegisterAPI("Root", "root@example.com", goodPassword)
		s.SetRole("root@example.com", "admin")
		teacher := s.Browser()
		teacher.SignUp("Tess", "tess@example.com", goodPassword)
		s.SetRole("tess@example.com", "instructor")
		learner := s.Browser()
		learner.SignUp("Lee", "lee@example.com", goodPassword)
		admin := s.Browser()
		apptest.Must(t, admin.LogIn("root@example.com", goodPassword), http.StatusSeeOther)

		apptest.Must(t, admin.Submit("/admin/settings", url.Values{"require_two_factor_staff": {"true"}}), http.StatusSeeOther)
		if page := admin.Get("/dashboard"); page.Status != http.StatusSeeOther || page.Header.Get("Location") != "/account/two-factor" {
			t.Fatalf("got %d to %q, want the admin held at the set-up", page.Status, page.Header.Get("Location"))
		}
		if page := apptest.Must(t, teacher.Get("/account/two-factor"), 200).Text(); !strings.Contains(page, "requires two-factor") {
			t.Fatal("the set-up page does not say it is required")
		}
		apptest.Must(t, teacher.Get("/cohorts"), http.StatusSeeOther)
		apptest.Must(t, learner.Get("/dashboard"), 200)
		apptest.Must(t, s.API("GET", "/api/v1/admin/users", adminToken, nil), http.StatusForbidden)
		apptest.Must(t, s.API("GET", "/api/v1/me", adminToken, nil), 200)
		rootCodes := enrolAPI(t, s, clock, adminToken).Codes
		apptest.Must(t, admin.Get("/dashboard"), 200)
		var refused struct{ Fields map[string]string }
		apptest.Must(t, s.API("POST", "/api/v1/me/two-factor/disable", adminToken,
			map[string]string{"password": goodPassword, "code": rootCodes[0]}), http.StatusUnprocessableEntity).JSON(t, &refused)
		if !strings.Contains(refused.Fields["code"], "requires two-factor sign-in for instructors and admins") {
			t.Fatalf("got %v, want turning it off refused while the site requires it", refused.Fields)
		}

		var settings models.SiteSettings
		apptest.Must(t, s.API("GET", "/api/v1/admin/settings", adminToken, nil), 200).JSON(t, &settings)
		if !settings.RequireStaffTwoFactor {
			t.Fatal("the API does not show the requirement the page saved")
		}
		apptest.Must(t, s.API("PUT", "/api/v1/admin/settings", adminToken, map[string]bool{"require_two_factor_staff": false}), 200)
		apptest.Must(t, teacher.Get("/cohorts"), 200)

		leeToken := s.LoginAPI("lee@example.com", goodPassword)
		enrolAPI(t, s, clock, leeToken)
		var leeID int64
		s.DB.Table("users").Select("id").Where("email = ?", "lee@example.com").Scan(&leeID)
		if page := admin.Get("/admin").Text(); !strings.Contains(page, "/admin/users/"+itoa(leeID)+"/two-factor/reset") {
			t.Fatal("the admin page offers no reset for an account with two-factor sign-in")
		}
		apptest.Must(t, admin.Submit("/admin/users/"+itoa(leeID)+"/two-factor/reset", nil), http.StatusSeeOther)
		s.LoginAPI("lee@example.com", goodPassword) // one step again
		enrolAPI(t, s, clock, leeToken)
		apptest.Must(t, s.API("DELETE", "/api/v1/admin/users/"+itoa(leeID)+"/two-factor", adminToken, nil), 204)
		s.LoginAPI("lee@example.com", goodPassword)
		apptest.Must(t, s.API("DELETE", "/api/v1/admin/users/999999/two-factor", adminToken, nil), 404)
		var resets int64
		s.DB.Table("audit_log").Where("action = ? AND target = ?", "user.two_factor_reset", "user:"+itoa(leeID)).Count(&resets)
		if resets != 2 {
			t.Fatalf("got %d resets audited, want 2", resets)
		}
	}, apptest.WithClock(clock.Now))
}

func TestTwoFactorRouteAccess(t *testing.T) {
	apptest.Each(t, func(t *testing.T, s *apptest.Server) {
		learnerToken := s.RegisterAPI("Lee", "lee@example.com", goodPassword)
		learner := s.Browser()
		apptest.Must(t, learner.LogIn("lee@example.com", goodPassword), http.StatusSeeOther)
		anon := s.Browser()
		for _, path := range []string{"/account/two-factor", "/admin/settings"} {
			apptest.Must(t, anon.Get(path), http.StatusFound)
		}
		apptest.Must(t, learner.Get("/admin/settings"), 404)
		apptest.Must(t, learner.Submit("/admin/settings", url.Values{"require_two_factor_staff": {"true"}}), 404)
		apptest.Must(t, learner.Submit("/admin/users/1/two-factor/reset", nil), 404)
		for _, path := range []string{"/account/two-factor/setup", "/account/two-factor/confirm", "/account/two-factor/disable", "/account/two-factor/recovery-codes"} {
			apptest.Must(t, anon.Submit(path, nil), http.StatusFound)
		}
		apptest.Must(t, s.API("GET", "/api/v1/me/two-factor", "", nil), 401)
		apptest.Must(t, s.API("POST", "/api/v1/me/two-factor/enrol", "", nil), 401)
		apptest.Must(t, s.API("POST", "/api/v1/me/two-factor/confirm", "", map[string]string{"code": "123456"}), 401)
		apptest.Must(t, s.API("POST", "/api/v1/me/two-factor/disable", "", map[string]string{"password": "x", "code": "123456"}), 401)
		apptest.Must(t, s.API("POST", "/api/v1/me/two-factor/recovery-codes", "", map[string]string{"password": "x"}), 401)
		apptest.Must(t, s.API("GET", "/api/v1/admin/settings", learnerToken, nil), 403)
		apptest.Must(t, s.API("PUT", "/api/v1/admin/settings", learnerToken, map[string]bool{"require_two_factor_staff": true}), 403)
		apptest.Must(t, s.API("DELETE", "/api/v1/admin/users/1/two-factor", learnerToken, nil), 403)
		apptest.Must(t, s.API("DELETE", "/api/v1/admin/users/1/two-factor", "", nil), 401)
		apptest.Must(t, s.API("POST", "/api/v1/auth/login/two-factor", "", map[string]string{"challenge": "1.9999999999.forged", "code": "123456"}), 401)
	})
}
