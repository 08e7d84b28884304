package models

import (
	"crypto/aes"
	"crypto/cipher"
	"crypto/rand"
	"encoding/base64"
	"fmt"
	"strconv"
)

// SecretBox encrypts authenticator keys at rest with AES-256-GCM. The key is derived
// from the app's secret, so a copy of the database alone holds no usable key; each
// sealed value is bound to its account, so it cannot be moved to another.
type SecretBox struct {
	aead cipher.AEAD
}

// NewSecretBox returns a box for a 32-byte key.
func NewSecretBox(key []byte) (SecretBox, error) {
	block, err := aes.NewCipher(key)
	if err != nil {
		return SecretBox{}, fmt.Errorf("two-factor key: %w", err)
	}
	aead, err := cipher.NewGCM(block)
	if err != nil {
		return SecretBox{}, fmt.Errorf("two-factor key: %w", err)
	}
	return SecretBox{aead: aead}, nil
}

// Seal encrypts plain for userID.
func (b SecretBox) Seal(userID int64, plain string) (string, error) {
	nonce := make([]byte, b.aead.NonceSize())
	if _, err := rand.Read(nonce); err != nil {
		return "", fmt.Errorf("seal two-factor key: %w", err)
	}
	sealed := b.aead.Seal(nonce, nonce, []byte(plain), boxLabel(userID))
	return base64.RawStdEncoding.EncodeToString(sealed), nil
}

// Open decrypts what Seal made for userID, or returns ErrTwoFactorUnreadable (the
// app's secret changed, or the value was damaged or belongs to someone else).
func (b SecretBox) Open(userID int64, sealed string) (string, error) {
	raw, err := base64.RawStdEncoding.DecodeString(sealed)
	if err != nil || len(raw) < b.aead.NonceSize() {
		return "", ErrTwoFactorUnreadable
	}
	nonce, body := raw[:b.aead.NonceSize()], raw[b.aead.NonceSize():]
	plain, err := b.aead.Open(nil, nonce, body, boxLabel(userID))
	if err != nil {
		return "", ErrTwoFactorUnreadable
	}
	return string(plain), nil
}

func boxLabel(userID int64) []byte {
	return []byte("hitpath totp user " + strconv.FormatInt(userID, 10))
}
