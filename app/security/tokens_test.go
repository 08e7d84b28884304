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
	now := time.Now()
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
	}{
		{"valid", good, true},
		{"signed with another key", foreign, false},
		{"expired", expired, false},
		{"alg none", none, false},
		{"other algorithm", hs512, false},
		{"no session id", noSid, false},
		{"garbage", "not.a.jwt", false},
		{"empty", "", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			claims, err := tokens.Parse(tt.token)
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

func TestShortKeyRefused(t *testing.T) {
	if _, err := NewTokens([]byte("short")); err == nil {
		t.Fatal("got nil error, want refusal of a short key")
	}
}
