package models

import (
	"crypto/rand"
	"crypto/sha256"
	"encoding/base64"
	"encoding/hex"
	"fmt"
)

// newSecretToken returns 32 random bytes, URL-safe: the secret of an emailed link or a
// private calendar feed URL. Only hashSecretToken of it is ever stored.
func newSecretToken() (string, error) {
	raw := make([]byte, 32)
	if _, err := rand.Read(raw); err != nil {
		return "", fmt.Errorf("generate secret token: %w", err)
	}
	return base64.RawURLEncoding.EncodeToString(raw), nil
}

// hashSecretToken is what the database keeps of a secret token (hex SHA-256), so a
// leaked database holds no working link or feed URL.
func hashSecretToken(token string) string {
	sum := sha256.Sum256([]byte(token))
	return hex.EncodeToString(sum[:])
}
