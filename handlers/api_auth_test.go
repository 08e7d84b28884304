package handlers_test

import (
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/golang-jwt/jwt/v5"

	"hitpath/app/apptest"
)

const goodPassword = "correct horse battery"

func countUsers(t *testing.T, s *apptest.Server) int64 {
	t.Helper()
	var n int64
	if err := s.DB.Table("users").Count(&n).Error; err != nil {
		t.Fatal(err)
	}
	return n
}

func TestAPIRegisterRefusals(t *testing.T) {
	apptest.Each(t, func(t *testing.T, s *apptest.Server) {
		apptest.Must(t, s.API("POST", "/api/v1/auth/register", "", map[string]string{
			"name": "Ana", "email": "Ana@Example.com", "password": goodPassword}), http.StatusAccepted)
		tests := []struct {
			name   string
			body   any
			status int
			field  string
		}{
			{"malformed JSON", `{"email": `, http.StatusBadRequest, ""},
			{"invalid email", map[string]string{"name": "B", "email": "not-an-email", "password": goodPassword}, 422, "email"},
			{"short password", map[string]string{"name": "B", "email": "b@example.com", "password": "short"}, 422, "password"},
			{"password over 72 bytes", map[string]string{"name": "B", "email": "b@example.com", "password": strings.Repeat("é", 37)}, 422, "password"},
			{"missing name", map[string]string{"email": "b@example.com", "password": goodPassword}, 422, "name"},
		}
		for _, tt := range tests {
			t.Run(tt.name, func(t *testing.T) {
				before := countUsers(t, s)
				resp := apptest.Must(t, s.API("POST", "/api/v1/auth/register", "", tt.body), tt.status)
				var problem struct {
					Error  string            `json:"error"`
					Fields map[string]string `json:"fields"`
				}
				resp.JSON(t, &problem)
				if problem.Error == "" {
					t.Fatalf("got no error message in %s", resp.Body)
				}
				if tt.field != "" && problem.Fields[tt.field] == "" {
					t.Fatalf("got fields %v, want a message for %q", problem.Fields, tt.field)
				}
				if after := countUsers(t, s); after != before {
					t.Fatalf("got %d users after a refusal, want %d", after, before)
				}
			})
		}
	})
}

func TestAPILoginMeLogout(t *testing.T) {
	apptest.Each(t, func(t *testing.T, s *apptest.Server) {
		token := s.RegisterAPI("Ana Lima", "ana@example.com", goodPassword)
		var me struct {
			ID    int64  `json:"id"`
			Email string `json:"email"`
			Name  string `json:"name"`
			Role  string `json:"role"`
		}
		apptest.Must(t, s.API("GET", "/api/v1/me", token, nil), 200).JSON(t, &me)
		if me.Email != "ana@example.com" || me.Name != "Ana Lima" || me.Role != "learner" {
			t.Fatalf("got %+v, want ana@example.com Ana Lima learner", me)
		}

		wrong := apptest.Must(t, s.API("POST", "/api/v1/auth/login", "", map[string]string{"email": "ana@example.com", "password": "wrong password!"}), 401)
		unknown := apptest.Must(t, s.API("POST", "/api/v1/auth/login", "", map[string]string{"email": "nobody@example.com", "password": goodPassword}), 401)
		if wrong.Text() != unknown.Text() {
			t.Fatalf("wrong password says %s but unknown email says %s; want one message", wrong.Body, unknown.Body)
		}
		apptest.Must(t, s.API("POST", "/api/v1/auth/login", "", `{"email":`), 400)
		apptest.Must(t, s.API("POST", "/api/v1/auth/login", "", map[string]string{"email": "ana@example.com"}), 422)

		other := s.LoginAPI("ana@example.com", goodPassword)
		apptest.Must(t, s.API("POST", "/api/v1/auth/logout", token, nil), 204)
		apptest.Must(t, s.API("GET", "/api/v1/me", token, nil), 401)
		apptest.Must(t, s.API("POST", "/api/v1/auth/logout", token, nil), 401)
		apptest.Must(t, s.API("GET", "/api/v1/me", other, nil), 200)
	})
}

func TestAPIRefusesForgedAndExpiredTokens(t *testing.T) {
	apptest.Each(t, func(t *testing.T, s *apptest.Server) {
		token := s.RegisterAPI("Ana", "ana@example.com", goodPassword)
		claims := jwt.MapClaims{}
		if _, _, err := jwt.NewParser().ParseUnverified(token, claims); err != nil {
			t.Fatal(err)
		}
		forged, _ := jwt.NewWithClaims(jwt.SigningMethodHS256, claims).SignedString([]byte(strings.Repeat("z", 40)))
		none, _ := jwt.NewWithClaims(jwt.SigningMethodNone, claims).SignedString(jwt.UnsafeAllowNoneSignatureType)
		for name, tok := range map[string]string{"other key": forged, "alg none": none, "garbage": "abc.def.ghi"} {
			t.Run(name, func(t *testing.T) {
				apptest.Must(t, s.API("GET", "/api/v1/me", tok, nil), 401)
			})
		}
		apptest.Must(t, s.API("GET", "/api/v1/me", "", nil), 401)
	})
}

func TestAPIExpiredToken(t *testing.T) {
	now := time.Now().UTC()
	clock := func() time.Time { return now }
	apptest.Each(t, func(t *testing.T, s *apptest.Server) {
		token := s.RegisterAPI("Ana", "ana@example.com", goodPassword)
		apptest.Must(t, s.API("GET", "/api/v1/me", token, nil), 200)
		now = now.Add(15 * 24 * time.Hour)
		apptest.Must(t, s.API("GET", "/api/v1/me", token, nil), 401)
		now = time.Now().UTC()
	}, apptest.WithClock(func() time.Time { return clock() }))
}

func TestAPIChangePasswordRevokesSessions(t *testing.T) {
	apptest.Each(t, func(t *testing.T, s *apptest.Server) {
		token := s.RegisterAPI("Ana", "ana@example.com", goodPassword)
		second := s.LoginAPI("ana@example.com", goodPassword)
		apptest.Must(t, s.API("POST", "/api/v1/me/password", token, map[string]string{
			"current_password": "not my password", "new_password": "a new long password"}), 422)
		apptest.Must(t, s.API("POST", "/api/v1/me/password", token, map[string]string{
			"current_password": goodPassword, "new_password": "short"}), 422)
		var out struct {
			Token string `json:"token"`
		}
		apptest.Must(t, s.API("POST", "/api/v1/me/password", token, map[string]string{
			"current_password": goodPassword, "new_password": "a new long password"}), 200).JSON(t, &out)
		apptest.Must(t, s.API("GET", "/api/v1/me", token, nil), 401)
		apptest.Must(t, s.API("GET", "/api/v1/me", second, nil), 401)
		apptest.Must(t, s.API("GET", "/api/v1/me", out.Token, nil), 200)
		apptest.Must(t, s.API("POST", "/api/v1/auth/login", "", map[string]string{"email": "ana@example.com", "password": goodPassword}), 401)
		s.LoginAPI("ana@example.com", "a new long password")
	})
}

func TestAPIRateLimits(t *testing.T) {
	apptest.Each(t, func(t *testing.T, s *apptest.Server) {
		s.RegisterAPI("Ana", "ana@example.com", goodPassword)
		s.RegisterAPI("Bo", "bo@example.com", goodPassword)
		for i := 0; i < 5; i++ {
			apptest.Must(t, s.API("POST", "/api/v1/auth/login", "", map[string]string{"email": "ana@example.com", "password": "wrong password!"}), 401)
		}
		blocked := apptest.Must(t, s.API("POST", "/api/v1/auth/login", "", map[string]string{"email": "ana@example.com", "password": goodPassword}), 429)
		if blocked.Header.Get("Retry-After") == "" {
			t.Fatal("got no Retry-After header on 429")
		}
		// Another account from the same address is still let in: the limit is per account.
		s.LoginAPI("bo@example.com", goodPassword)
		// 4 registers/logins so far + 6 + 1 = 11; fill the address budget of 20.
		for i := 0; i < 9; i++ {
			apptest.Must(t, s.API("POST", "/api/v1/auth/login", "", map[string]string{"email": "bo@example.com", "password": goodPassword}), 200)
		}
		apptest.Must(t, s.API("POST", "/api/v1/auth/register", "", map[string]string{"name": "C", "email": "c@example.com", "password": goodPassword}), 429)
		if n := countUsers(t, s); n != 2 {
			t.Fatalf("got %d users, want 2: a rate-limited sign-up must write nothing", n)
		}
	})
}

func TestAPIAdminUsers(t *testing.T) {
	apptest.Each(t, func(t *testing.T, s *apptest.Server) {
		learner := s.RegisterAPI("Ana", "ana@example.com", goodPassword)
		s.RegisterAPI("Root", "root@example.com", goodPassword)
		s.SetRole("root@example.com", "admin")
		admin := s.LoginAPI("root@example.com", goodPassword)

		apptest.Must(t, s.API("GET", "/api/v1/admin/users", "", nil), 401)
		apptest.Must(t, s.API("GET", "/api/v1/admin/users", learner, nil), 403)
		var list struct {
			Users []struct {
				ID    int64  `json:"id"`
				Email string `json:"email"`
			} `json:"users"`
		}
		apptest.Must(t, s.API("GET", "/api/v1/admin/users", admin, nil), 200).JSON(t, &list)
		if len(list.Users) != 2 || list.Users[0].Email != "ana@example.com" {
			t.Fatalf("got %+v, want ana and root", list.Users)
		}
		path := "/api/v1/admin/users/" + itoa(list.Users[0].ID)
		apptest.Must(t, s.API("PATCH", path, learner, map[string]string{"role": "admin"}), 403)
		apptest.Must(t, s.API("PATCH", path, admin, map[string]string{"role": "wizard"}), 422)
		apptest.Must(t, s.API("PATCH", "/api/v1/admin/users/99999", admin, map[string]string{"role": "instructor"}), 404)
		apptest.Must(t, s.API("PATCH", path, admin, map[string]string{"role": "instructor"}), 200)
		var audits int64
		s.DB.Table("audit_log").Where("action = ?", "user.role_changed").Count(&audits)
		if audits != 1 {
			t.Fatalf("got %d role-change audit rows, want 1", audits)
		}
		unknown := apptest.Must(t, s.Do(httptest.NewRequest("GET", "/api/v1/nope", nil)), 404)
		if !strings.Contains(unknown.Text(), `"error"`) {
			t.Fatalf("got %s, want a JSON error for an unknown API path", unknown.Body)
		}
	})
}
