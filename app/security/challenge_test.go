package security

import (
	"errors"
	"testing"
	"time"
)

func TestChallengesRefuseExpiredForgedAndStale(t *testing.T) {
	now := time.Date(2031, 3, 4, 10, 0, 0, 0, time.UTC)
	c := NewChallenges(DeriveKey([]byte("a test secret of at least thirty-two bytes"), "two-factor-challenge"))
	stamps := map[int64]string{7: "hash-one"}
	stampOf := func(id int64) (string, error) { return stamps[id], nil }
	good := c.Issue(7, "hash-one", now.Add(5*time.Minute))
	if id, err := c.Check(good, now, stampOf); err != nil || id != 7 {
		t.Fatalf("got %d, %v for a fresh challenge, want user 7", id, err)
	}
	other := NewChallenges(DeriveKey([]byte("another secret of at least thirty-two bytes"), "two-factor-challenge"))
	tests := []struct {
		name      string
		challenge string
		at        time.Time
	}{
		{"expired", good, now.Add(6 * time.Minute)},
		{"another key", other.Issue(7, "hash-one", now.Add(time.Minute)), now},
		{"another user", "8" + good[1:], now},
		{"password changed", c.Issue(7, "old-hash", now.Add(time.Minute)), now},
		{"longer life", "7.99999999999." + good[len(good)-43:], now},
		{"garbage", "not a challenge", now},
		{"empty", "", now},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if _, err := c.Check(tt.challenge, tt.at, stampOf); !errors.Is(err, ErrBadToken) {
				t.Fatalf("got %v, want ErrBadToken", err)
			}
		})
	}
}
