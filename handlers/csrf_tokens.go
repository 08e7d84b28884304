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
// an HMAC of both together with the binding (the session id, or a pre-session id for
// visitors not signed in). Nothing is stored, so any hitpath process accepts a form
// another one served, and a token only works for the session it was made for: not
// for another user, and not after logout.
type csrfTokens struct {
	key []byte
	ttl time.Duration
	now func() time.Time
}

// New returns a fresh token bound to binding.
func (s csrfTokens) New(binding string) string {
	raw := make([]byte, 18)
	_, _ = rand.Read(raw)
	body := base64.RawURLEncoding.EncodeToString(raw) + "." + strconv.FormatInt(s.now().Add(s.ttl).Unix(), 10)
	return body + "." + s.sign(body, binding)
}

func (s csrfTokens) sign(body, binding string) string {
	mac := hmac.New(sha256.New, s.key)
	mac.Write([]byte(body + "\x00" + binding))
	return base64.RawURLEncoding.EncodeToString(mac.Sum(nil))
}

// Valid reports whether token was made for binding by us and has not expired.
func (s csrfTokens) Valid(token, binding string) bool {
	cut := strings.LastIndexByte(token, '.')
	if cut < 0 || binding == "" {
		return false
	}
	body, sig := token[:cut], token[cut+1:]
	if !hmac.Equal([]byte(sig), []byte(s.sign(body, binding))) {
		return false
	}
	expires, err := strconv.ParseInt(body[strings.LastIndexByte(body, '.')+1:], 10, 64)
	return err == nil && s.now().Unix() <= expires
}
