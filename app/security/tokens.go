// Package security signs and checks hitpath's JWTs and hashes passwords. It holds no
// state beyond its key, so several processes with the same JWT_SECRET agree.
package security

import (
	"crypto/hmac"
	"crypto/sha256"
	"errors"
	"fmt"
	"strconv"
	"time"

	"github.com/golang-jwt/jwt/v5"
)

// ErrBadToken covers every token we refuse: bad signature, wrong algorithm, expired,
// malformed. Callers answer 401 without saying which.
var ErrBadToken = errors.New("invalid token")

// Claims are what a hitpath token carries: sub is the user id, sid the session row.
type Claims struct {
	SessionID string `json:"sid"`
	Role      string `json:"role"`
	jwt.RegisteredClaims
}

// UserID returns the numeric subject.
func (c Claims) UserID() (int64, error) {
	return strconv.ParseInt(c.Subject, 10, 64)
}

// Tokens signs and verifies HS256 JWTs with one key.
type Tokens struct {
	key []byte
}

// NewTokens returns a Tokens for key, which must be at least 32 bytes.
func NewTokens(key []byte) (*Tokens, error) {
	if len(key) < 32 {
		return nil, fmt.Errorf("JWT secret must be at least 32 bytes, got %d", len(key))
	}
	return &Tokens{key: key}, nil
}

// Sign issues a token for a user's session.
func (t *Tokens) Sign(userID int64, sessionID, role string, issuedAt, expires time.Time) (string, error) {
	claims := Claims{
		SessionID: sessionID,
		Role:      role,
		RegisteredClaims: jwt.RegisteredClaims{
			Subject:   strconv.FormatInt(userID, 10),
			IssuedAt:  jwt.NewNumericDate(issuedAt),
			ExpiresAt: jwt.NewNumericDate(expires),
		},
	}
	signed, err := jwt.NewWithClaims(jwt.SigningMethodHS256, claims).SignedString(t.key)
	if err != nil {
		return "", fmt.Errorf("sign token: %w", err)
	}
	return signed, nil
}

// Parse verifies a token's algorithm, signature and expiry and returns its claims. The
// expiry is judged against now, the caller's clock, never the library's own: one clock
// decides every "now" in hitpath.
func (t *Tokens) Parse(token string, now time.Time) (Claims, error) {
	parser := jwt.NewParser(jwt.WithValidMethods([]string{jwt.SigningMethodHS256.Alg()}),
		jwt.WithExpirationRequired(), jwt.WithTimeFunc(func() time.Time { return now }))
	var claims Claims
	_, err := parser.ParseWithClaims(token, &claims, func(*jwt.Token) (any, error) { return t.key, nil })
	if err != nil || claims.SessionID == "" {
		return Claims{}, ErrBadToken
	}
	if _, err := claims.UserID(); err != nil {
		return Claims{}, ErrBadToken
	}
	return claims, nil
}

// DeriveKey returns a key for one purpose derived from the master secret, so one
// configured secret serves JWTs and CSRF tokens without reusing the same key.
func DeriveKey(secret []byte, purpose string) []byte {
	mac := hmac.New(sha256.New, secret)
	mac.Write([]byte("hitpath " + purpose))
	return mac.Sum(nil)
}
