package security

import (
	"strings"
	"testing"
	"time"

	"github.com/golang-jwt/jwt/v5"
)

func TestParseRefusesBadTokens(t *testing.T) {
	key := []byte(strings.Repeat("k", 32))
	tokens, err := NewTokens(key)
	if err != nil {
		t.Fatal(err)
	}
	// A clock far from the real one: Parse must judge expiry by the clock it is given.
	now := time.Date(2001, 2, 3, 4, 5, 6, 0, time.UTC)
	good, _ := tokens.Sign(7, "sess-1", "learner", now, now.Add(time.Hour))
	otherKey, _ := NewTokens([]byte(strings.Repeat("x", 32)))
	foreign, _ := otherKey.Sign(7, "sess-1", "learner", now, now.Add(time.Hour))
	expired, _ := tokens.Sign(7, "sess-1", "learner", now.Add(-2*time.Hour), now.Add(-time.Hour))
	none, _ := jwt.NewWithClaims(jwt.SigningMethodNone, jwt.MapClaims{
		"sub": "7", "sid": "sess-1", "exp": now.Add(time.Hour).Unix(),
	}).SignedString(jwt.UnsafeAllowNoneSignatureType)
	hs512, _ := jwt.NewWithClaims(jwt.SigningMethodHS512, jwt.MapClaims{
		"sub": "7", "sid": "sess-1", "exp": now.Add(time.Hour).Unix(),
	}).SignedString(key)
	noSid, _ := jwt.NewWithClaims(jwt.SigningMethodHS256, jwt.MapClaims{
		"sub": "7", "exp": now.Add(time.Hour).Unix(),
	}).SignedString(key)

	tests := []struct {
		name  string
		token string
		ok    bool
		at    time.Time // the clock handed to Parse; zero means now
	}{
		{"valid at the given clock, though long expired by the real one", good, true, time.Time{}},
		{"expired at the given clock, though valid by the real one until 2040",
			mustSign(t, tokens, time.Date(2040, 1, 1, 0, 0, 0, 0, time.UTC)), false, time.Date(2041, 1, 1, 0, 0, 0, 0, time.UTC)},
		{"signed with another key", foreign, false, time.Time{}},
		{"expired", expired, false, time.Time{}},
		{"alg none", none, false, time.Time{}},
		{"other algorithm", hs512, false, time.Time{}},
		{"no session id", noSid, false, time.Time{}},
		{"garbage", "not.a.jwt", false, time.Time{}},
		{"empty", "", false, time.Time{}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			at := now
			if !tt.at.IsZero() {
				at = tt.at
			}
			claims, err := tokens.Parse(tt.token, at)
			if (err == nil) != tt.ok {
				t.Fatalf("got err %v, want ok=%v", err, tt.ok)
			}
			if tt.ok {
				if id, _ := claims.UserID(); id != 7 || claims.SessionID != "sess-1" || claims.Role != "learner" {
					t.Fatalf("got claims %+v, want user 7 session sess-1", claims)
				}
			}
		})
	}
}

func mustSign(t *testing.T, tokens *Tokens, expires time.Time) string {
	t.Helper()
	token, err := tokens.Sign(7, "sess-1", "learner", expires.Add(-time.Hour), expires)
	if err != nil {
		t.Fatal(err)
	}
	return token
}

func TestShortKeyRefused(t *testing.T) {
	if _, err := NewTokens([]byte("short")); err == nil {
		t.Fatal("got nil error, want refusal of a short key")
	}
}
