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
	good := tokens.New()
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
		{"signed with another key", other.New(), now, false},
		{"unsigned", body, now, false},
		{"empty", "", now, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			at := tt.at
			tokens.now = func() time.Time { return at }
			got, _ := tokens.Get(tt.token)
			if (got != nil) != tt.ok {
				t.Fatalf("got valid=%v, want %v", got != nil, tt.ok)
			}
		})
	}
}
