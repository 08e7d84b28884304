package handlers_test

import (
	"net/http"
	"net/url"
	"strings"
	"testing"
	"time"

	"hitpath/app/apptest"
)

// registerInZone creates an account through the API with a chosen time zone and
// returns its token.
func registerInZone(t *testing.T, s *apptest.Server, email, zone string) string {
	t.Helper()
	body := map[string]string{"name": "Zoe", "email": email, "password": goodPassword, "time_zone": zone}
	var user struct {
		TimeZone string `json:"time_zone"`
	}
	// Register answers 202 whatever the address (no account enumeration); /me tells.
	apptest.Must(t, s.API("POST", "/api/v1/auth/register", "", body), http.StatusAccepted)
	token := s.LoginAPI(email, goodPassword)
	apptest.Must(t, s.API("GET", "/api/v1/me", token, nil), http.StatusOK).JSON(t, &user)
	if user.TimeZone != zone {
		t.Fatalf("got time zone %q, want %q", user.TimeZone, zone)
	}
	return token
}

// An Auckland user at 01:40 on 1 December may log an activity dated 1 December, and
// one a day later is refused as in the future; a Chicago user at the same instant is
// still on 30 November.
func TestTodayIsTheUsersDateForFutureChecks(t *testing.T) {
	instant := time.Date(2031, 11, 30, 12, 40, 0, 0, time.UTC) // 01:40 NZDT, 06:40 CST
	apptest.Each(t, func(t *testing.T, s *apptest.Server) {
		tests := []struct {
			email, zone, accepted, refused string
		}{
			{"kiwi@example.com", "Pacific/Auckland", "2031-12-01", "2031-12-02"},
			{"chi@example.com", "America/Chicago", "2031-11-30", "2031-12-01"},
			{"samoa@example.com", "Pacific/Pago_Pago", "2031-11-30", "2031-12-01"},
			{"line@example.com", "Pacific/Kiritimati", "2031-12-01", "2031-12-02"},
		}
		for _, tt := range tests {
			token := registerInZone(t, s, tt.email, tt.zone)
			apptest.Must(t, s.API("POST", "/api/v1/credentials", token, map[string]string{"credential_code": "RHIT", "earned_on": "2030-01-10"}), http.StatusCreated)
			apptest.Must(t, s.API("POST", "/api/v1/ceus", token, ceuEntryBody(tt.accepted, 1)), http.StatusCreated)
			var problem struct {
				Fields map[string]string `json:"fields"`
			}
			apptest.Must(t, s.API("POST", "/api/v1/ceus", token, ceuEntryBody(tt.refused, 1)), http.StatusUnprocessableEntity).JSON(t, &problem)
			if !strings.Contains(problem.Fields["activity_date"], "future") {
				t.Errorf("%s: got %v for %s, want a future-date refusal", tt.zone, problem.Fields, tt.refused)
			}
		}
	}, apptest.WithClock(func() time.Time { return instant }))
}

// A Los Angeles user logging at 17:00 is offered that day's date, not tomorrow's
// (00:00 UTC), and changing the zone on the account page moves "today".
func TestFormDefaultsFollowTheAccountZone(t *testing.T) {
	instant := time.Date(2031, 6, 16, 0, 0, 0, 0, time.UTC) // 17:00 PDT on 15 June
	apptest.Each(t, func(t *testing.T, s *apptest.Server) {
		b := s.Browser()
		apptest.Must(t, b.Submit("/signup", url.Values{"name": {"Lou"}, "email": {"lou@example.com"},
			"password": {goodPassword}, "time_zone": {"America/Los_Angeles"}}), http.StatusSeeOther)
		if page := apptest.Must(t, b.Get("/ceus/new"), 200).Text(); !strings.Contains(page, `value="2031-06-15"`) {
			t.Fatalf("got no 2031-06-15 default activity date for 17:00 in Los Angeles")
		}
		apptest.Must(t, b.Submit("/account/profile", url.Values{"name": {"Lou"}, "time_zone": {"Europe/London"}}), http.StatusSeeOther)
		page := apptest.Must(t, b.Get("/account"), 200).Text()
		if !strings.Contains(page, "16 Jun 2031 in Europe/London") {
			t.Fatalf("the account page does not show London's today: %s", page)
		}
		if page := apptest.Must(t, b.Get("/ceus/new"), 200).Text(); !strings.Contains(page, `value="2031-06-16"`) {
			t.Fatalf("got no 2031-06-16 default activity date at 01:00 in London")
		}
	}, apptest.WithClock(func() time.Time { return instant }))
}

func TestProfileRefusesUnknownZoneBesideTheField(t *testing.T) {
	apptest.Each(t, func(t *testing.T, s *apptest.Server) {
		page := apptest.Must(t, s.Browser().Submit("/signup", url.Values{"name": {"Al"}, "email": {"al@example.com"},
			"password": {goodPassword}, "time_zone": {"Mars/Olympus"}}), http.StatusUnprocessableEntity).Text()
		if !strings.Contains(page, `id="time_zone-error"`) || !strings.Contains(page, `value="Mars/Olympus"`) {
			t.Fatalf("sign-up does not refuse the zone beside the field")
		}
		b := s.Browser()
		b.SignUp("Bo", "bo@example.com", goodPassword)
		page = apptest.Must(t, b.Submit("/account/profile", url.Values{"name": {""}, "time_zone": {"Nowhere"}}), http.StatusUnprocessableEntity).Text()
		if !strings.Contains(page, `id="time_zone-error"`) || !strings.Contains(page, `id="name-error"`) {
			t.Fatalf("the account page does not show both field errors")
		}
		var stored string
		s.DB.Raw("SELECT name || '|' || time_zone FROM users WHERE email = 'bo@example.com'").Scan(&stored)
		if stored != "Bo|" {
			t.Fatalf("got %q stored after a refused edit, want the account unchanged", stored)
		}
	})
}

func TestPatchMeChangesNameAndZone(t *testing.T) {
	apptest.Each(t, func(t *testing.T, s *apptest.Server) {
		token := s.RegisterAPI("Cy", "cy@example.com", goodPassword)
		var me struct {
			N string `json:"name"`
			Z string `json:"time_zone"`
		}
		apptest.Must(t, s.API("GET", "/api/v1/me", token, nil), 200).JSON(t, &me)
		if me.Z != "UTC" { // the test servers' default zone
			t.Fatalf("got default zone %q, want UTC", me.Z)
		}
		apptest.Must(t, s.API("PATCH", "/api/v1/me", token, map[string]string{"time_zone": "Asia/Tokyo"}), 200).JSON(t, &me)
		if me.Z != "Asia/Tokyo" || me.N != "Cy" {
			t.Fatalf("got %+v after the patch, want Cy in Asia/Tokyo", me)
		}
		var problem struct {
			Fields map[string]string `json:"fields"`
		}
		apptest.Must(t, s.API("PATCH", "/api/v1/me", token, map[string]string{"time_zone": "Asia/Nowhere", "name": ""}), 422).JSON(t, &problem)
		if problem.Fields["time_zone"] == "" || problem.Fields["name"] == "" {
			t.Fatalf("got fields %v, want time_zone and name", problem.Fields)
		}
		apptest.Must(t, s.API("PATCH", "/api/v1/me", "", map[string]string{"name": "X"}), 401)
		apptest.Must(t, s.API("PATCH", "/api/v1/me", token, "[1,2"), 400)
	})
}

func TestEmailChoicesOnPageAndAPI(t *testing.T) {
	apptest.Each(t, func(t *testing.T, s *apptest.Server) {
		b := s.Browser()
		b.SignUp("Ed", "ed@example.com", goodPassword)
		page := apptest.Must(t, b.Get("/account"), 200).Text()
		if strings.Count(page, `name="reminder_days"`) != 4 || strings.Count(page, " checked>") != 4 || strings.Contains(page, `name="weekly_digest"`) {
			t.Fatal("a new learner does not see four ticked reminders, or sees the instructor digest")
		}
		form := url.Values{"name": {"Ed"}, "time_zone": {"UTC"}, "reminder_days": {"30", "7"}}
		apptest.Must(t, b.Submit("/account/profile", form), http.StatusSeeOther)
		var stored string
		s.DB.Raw("SELECT reminder_days FROM users WHERE email = 'ed@example.com'").Scan(&stored)
		if stored != "30,7" {
			t.Fatalf("got reminder_days %q, want 30,7", stored)
		}
		form["reminder_days"] = []string{"60"}
		page = apptest.Must(t, b.Submit("/account/profile", form), http.StatusUnprocessableEntity).Text()
		if !strings.Contains(page, `id="reminder_days-error"`) {
			t.Fatal("an unknown reminder is not refused beside the boxes")
		}
		delete(form, "reminder_days")
		apptest.Must(t, b.Submit("/account/profile", form), http.StatusSeeOther)
		s.DB.Raw("SELECT reminder_days FROM users WHERE email = 'ed@example.com'").Scan(&stored)
		if stored != "" {
			t.Fatalf("got reminder_days %q with every box unticked, want none", stored)
		}

		token := s.RegisterAPI("Ida", "ida@example.com", goodPassword)
		s.SetRole("ida@example.com", "instructor")
		var me struct {
			ReminderDays []int `json:"reminder_days"`
			WeeklyDigest bool  `json:"weekly_digest"`
		}
		apptest.Must(t, s.API("GET", "/api/v1/me", token, nil), 200).JSON(t, &me)
		if len(me.ReminderDays) != 4 || !me.WeeklyDigest {
			t.Fatalf("got %+v, want every reminder and the digest by default", me)
		}
		apptest.Must(t, s.API("PATCH", "/api/v1/me", token, map[string]any{"reminder_days": []int{180}, "weekly_digest": false}), 200).JSON(t, &me)
		if len(me.ReminderDays) != 1 || me.ReminderDays[0] != 180 || me.WeeklyDigest {
			t.Fatalf("got %+v after the patch, want [180] and no digest", me)
		}
		apptest.Must(t, s.API("PATCH", "/api/v1/me", token, map[string]any{"reminder_days": []int{45}}), 422)
		instructor := s.Browser()
		instructor.LogIn("ida@example.com", goodPassword)
		if page := apptest.Must(t, instructor.Get("/account"), 200).Text(); !strings.Contains(page, `name="weekly_digest"`) {
			t.Fatal("an instructor sees no digest choice")
		}
	})
}
