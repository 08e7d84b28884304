package handlers_test

import (
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"hitpath/app/apptest"
)

// loginFrom logs in through the API with a user agent and returns the token.
func loginFrom(t *testing.T, s *apptest.Server, email, agent string) string {
	t.Helper()
	req := httptest.NewRequest("POST", "/api/v1/auth/login", strings.NewReader(`{"email":"`+email+`","password":"`+goodPassword+`"}`))
	req.Header.Set("Content-Type", "application/json")
	req.Header.Set("User-Agent", agent)
	var out struct {
		Token string `json:"token"`
	}
	apptest.Must(t, s.Do(req), 200).JSON(t, &out)
	return out.Token
}

type sessionOut struct {
	ID       string    `json:"id"`
	Device   string    `json:"device"`
	LastSeen time.Time `json:"last_seen_at"`
	Current  bool      `json:"current"`
}

func TestSessionsPageAndAPI(t *testing.T) {
	start := time.Date(2031, 6, 15, 10, 0, 0, 0, time.UTC)
	now := start
	apptest.Each(t, func(t *testing.T, s *apptest.Server) {
		now = start
		b := s.Browser()
		b.SignUp("Sam", "sam@example.com", goodPassword)
		phone := loginFrom(t, s, "sam@example.com", "Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1")
		laptop := loginFrom(t, s, "sam@example.com", "Mozilla/5.0 (X11; Linux x86_64; rv:133.0) Gecko/20100101 Firefox/133.0")
		other := s.RegisterAPI("Oz", "oz@example.com", goodPassword)

		now = start.Add(10 * time.Minute)
		var list struct {
			Sessions []sessionOut `json:"sessions"`
		}
		apptest.Must(t, s.API("GET", "/api/v1/me/sessions", laptop, nil), 200).JSON(t, &list)
		if len(list.Sessions) != 3 { // the sign-up page's, the phone's and the laptop's
			t.Fatalf("got %d sessions, want 3", len(list.Sessions))
		}
		var phoneID string
		for _, ses := range list.Sessions {
			if ses.Device == "Safari on iPhone" {
				phoneID = ses.ID
			}
			if ses.Current != (ses.Device == "Firefox on Linux") {
				t.Errorf("got current=%v for %s", ses.Current, ses.Device)
			}
		}
		if phoneID == "" || !list.Sessions[0].Current || !list.Sessions[0].LastSeen.Equal(now) {
			t.Fatalf("got %+v, want the iPhone listed and this session first, seen now", list.Sessions)
		}
		page := apptest.Must(t, b.Get("/account/sessions"), 200).Text()
		if !strings.Contains(page, "Safari on iPhone") || !strings.Contains(page, "(this device)") {
			t.Fatal("the sessions page does not list the iPhone or mark this device")
		}
		apptest.Must(t, s.API("DELETE", "/api/v1/me/sessions/"+phoneID, other, nil), 404)
		apptest.Must(t, s.API("GET", "/api/v1/me/sessions", phone, nil), 200)
		apptest.Must(t, b.Submit("/account/sessions/"+phoneID+"/revoke", nil), http.StatusSeeOther)
		apptest.Must(t, s.API("GET", "/api/v1/me/sessions", phone, nil), 401)
		apptest.Must(t, s.API("DELETE", "/api/v1/me/sessions/"+phoneID, laptop, nil), 404)
		var revoked struct {
			Revoked int `json:"revoked"`
		}
		apptest.Must(t, s.API("POST", "/api/v1/me/sessions/revoke-others", laptop, nil), 200).JSON(t, &revoked)
		if revoked.Revoked != 1 {
			t.Fatalf("got %d revoked, want the browser's one", revoked.Revoked)
		}
		if got := b.Get("/dashboard"); got.Status != http.StatusFound {
			t.Fatalf("the browser is still logged in after revoke-others: %d", got.Status)
		}
		apptest.Must(t, s.API("GET", "/api/v1/me/sessions", laptop, nil), 200)
		apptest.Must(t, s.API("GET", "/api/v1/me/sessions", "", nil), 401)
		apptest.Must(t, s.API("GET", "/api/v1/me/sessions", other, nil), 200).JSON(t, &list)
		if len(list.Sessions) != 1 {
			t.Fatalf("got %d sessions for another user, want only their own", len(list.Sessions))
		}
		if got := s.Browser().Get("/account/sessions"); got.Status != http.StatusFound {
			t.Fatalf("an anonymous visitor got %d, want a redirect to log in", got.Status)
		}
	}, apptest.WithClock(func() time.Time { return now }))
}

func TestSignInFromANewDeviceIsNoticed(t *testing.T) {
	apptest.Each(t, func(t *testing.T, s *apptest.Server) {
		s.RegisterAPI("Nia", "nia@example.com", goodPassword) // sign-up and first sign-in
		notices := func() int64 {
			var n int64
			s.DB.Table("outbox").Where("to_address = ? AND subject = ?", "nia@example.com", "New sign-in to your hitpath account").Count(&n)
			return n
		}
		if notices() != 0 {
			t.Fatal("the first sign-in was noticed as a new device")
		}
		phone := "Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Mobile Safari/537.36"
		loginFrom(t, s, "nia@example.com", phone)
		if notices() != 1 {
			t.Fatalf("got %d notices after a sign-in from a phone, want 1", notices())
		}
		loginFrom(t, s, "nia@example.com", phone)
		if notices() != 1 {
			t.Fatal("a second sign-in from the same phone was noticed again")
		}
		var body string
		s.DB.Raw("SELECT body FROM outbox WHERE subject = 'New sign-in to your hitpath account'").Scan(&body)
		if !strings.Contains(body, "Chrome on Android") || !strings.Contains(body, "/account/sessions") {
			t.Fatalf("got notice %q, want the device and the sessions link", body)
		}
	})
}

// TestNewSignInEmailGivesTheUsersTime checks the new-device notice tells the time on
// the user's clock, naming their zone, rather than in UTC.
func TestNewSignInEmailGivesTheUsersTime(t *testing.T) {
	now := time.Date(2033, 5, 18, 12, 0, 0, 0, time.UTC)
	apptest.Each(t, func(t *testing.T, s *apptest.Server) {
		s.RegisterAPI("Nia", "nia@example.com", goodPassword)
		if err := s.DB.Exec("UPDATE users SET time_zone = 'America/Chicago' WHERE email = 'nia@example.com'").Error; err != nil {
			t.Fatal(err)
		}
		loginFrom(t, s, "nia@example.com", "Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1")
		var body string
		s.DB.Raw("SELECT body FROM outbox WHERE subject = 'New sign-in to your hitpath account'").Scan(&body)
		if want := "at 18 May 2033 07:00 CDT (America/Chicago)"; !strings.Contains(body, want) || strings.Contains(body, "UTC") {
			t.Fatalf("got notice %q, want the time %q", body, want)
		}
	}, apptest.WithClock(func() time.Time { return now }))
}
