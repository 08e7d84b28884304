package handlers

import (
	"crypto/hmac"
	"crypto/rand"
	"crypto/sha256"
	"encoding/base64"
	"strconv"
	"strings"
	"time"
)

// csrfTokens makes CSRF tokens that carry their own proof: random bytes, an expiry and
// an HMAC of both. The CSRF middleware asks its "storage" whether a token exists; this
// storage answers by checking the signature instead of remembering tokens, so no
// process holds per-visitor state (memory stays flat under anonymous traffic, and any
// hitpath process behind a load balancer accepts a form another one served).
type csrfTokens struct {
	key []byte
	ttl time.Duration
	now func() time.Time
}

// csrfValid is what the middleware expects back for a known token.
var csrfValid = []byte{'+'}

// New returns a fresh signed token.
func (s csrfTokens) New() string {
	raw := make([]byte, 18)
	_, _ = rand.Read(raw)
	body := base64.RawURLEncoding.EncodeToString(raw) + "." + strconv.FormatInt(s.now().Add(s.ttl).Unix(), 10)
	return body + "." + s.sign(body)
}

func (s csrfTokens) sign(body string) string {
	mac := hmac.New(sha256.New, s.key)
	mac.Write([]byte(body))
	return base64.RawURLEncoding.EncodeToString(mac.Sum(nil))
}

// Get reports a token as present when its signature is ours and it has not expired.
func (s csrfTokens) Get(token string) ([]byte, error) {
	cut := strings.LastIndexByte(token, '.')
	if cut < 0 {
		return nil, nil
	}
	body, sig := token[:cut], token[cut+1:]
	if !hmac.Equal([]byte(sig), []byte(s.sign(body))) {
		return nil, nil
	}
	expires, err := strconv.ParseInt(body[strings.LastIndexByte(body, '.')+1:], 10, 64)
	if err != nil || s.now().Unix() > expires {
		return nil, nil
	}
	return csrfValid, nil
}

// Set, Delete, Reset and Close have nothing to do: tokens are not stored.
func (s csrfTokens) Set(string, []byte, time.Duration) error { return nil }

// Delete is a no-op; see Set.
func (s csrfTokens) Delete(string) error { return nil }

// Reset is a no-op; see Set.
func (s csrfTokens) Reset() error { return nil }

// Close is a no-op; see Set.
func (s csrfTokens) Close() error { return nil }
