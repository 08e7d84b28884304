package handlers

import (
	"strings"
	"testing"
	"time"
)

func TestCSRFTokensAreSignedAndExpire(t *testing.T) {
	now := time.Date(2026, 11, 23, 12, 0, 0, 0, time.UTC)
	tokens := csrfTokens{key: []byte("k1"), ttl: time.Hour, now: func() time.Time { return now }}
	other := csrfTokens{key: []byte("k2"), ttl: time.Hour, now: tokens.now}
	good := tokens.New("session:a")
	tampered := good[:len(good)-2] + "xx"
	body := good[:strings.LastIndexByte(good, '.')]
	tests := []struct {
		name  string
		token string
		at    time.Time
		ok    bool
	}{
		{"fresh token", good, now, true},
		{"just before expiry", good, now.Add(time.Hour), true},
		{"expired", good, now.Add(time.Hour + time.Second), false},
		{"tampered signature", tampered, now, false},
		{"signed with another key", other.New("session:a"), now, false},
		{"made for another session", tokens.New("session:b"), now, false},
		{"made before sign-in", tokens.New("pre:a"), now, false},
		{"unsigned", body, now, false},
		{"empty", "", now, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			at := tt.at
			tokens.now = func() time.Time { return at }
			if got := tokens.Valid(tt.token, "session:a"); got != tt.ok {
				t.Fatalf("got valid=%v, want %v", got, tt.ok)
			}
		})
	}
}
