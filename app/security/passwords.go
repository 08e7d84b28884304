package security

import (
	"fmt"
	"strings"

	"github.com/trustelem/zxcvbn"

	"golang.org/x/crypto/bcrypt"
)

// Password limits. bcrypt ignores bytes past 72, so longer passwords are refused
// rather than silently truncated.
const (
	MinPasswordRunes = 10
	MaxPasswordBytes = 72
)

// Hasher hashes and checks passwords with bcrypt at a fixed cost; tests use the
// minimum cost to stay fast.
type Hasher struct {
	cost  int
	dummy []byte
}

// NewHasher returns a Hasher using bcrypt cost (bcrypt.DefaultCost in production).
func NewHasher(cost int) (*Hasher, error) {
	dummy, err := bcrypt.GenerateFromPassword([]byte("hitpath timing equaliser"), cost)
	if err != nil {
		return nil, fmt.Errorf("prepare password hasher: %w", err)
	}
	return &Hasher{cost: cost, dummy: dummy}, nil
}

// Hash returns the bcrypt hash of password.
func (h *Hasher) Hash(password string) (string, error) {
	hash, err := bcrypt.GenerateFromPassword([]byte(password), h.cost)
	if err != nil {
		return "", fmt.Errorf("hash password: %w", err)
	}
	return string(hash), nil
}

// Check reports whether password matches hash.
func (h *Hasher) Check(hash, password string) bool {
	return bcrypt.CompareHashAndPassword([]byte(hash), []byte(password)) == nil
}

// DummyCheck spends the time of a real comparison, so a login for an unknown email
// takes as long as one with a wrong password (no account enumeration by timing).
func (h *Hasher) DummyCheck(password string) {
	_ = bcrypt.CompareHashAndPassword(h.dummy, []byte(password))
}

// minPasswordScore is the lowest zxcvbn score accepted (3: about 10^8 guesses,
// "safely unguessable" against an online attacker and slow-hash offline ones).
const minPasswordScore = 3

// GuessablePassword reports whether a password is common, repetitive, a keyboard or
// date pattern, or built from the person's own email or name, as judged by the
// zxcvbn strength estimator.
func GuessablePassword(password string, userInputs ...string) bool {
	var inputs []string
	for _, in := range userInputs {
		in = strings.ToLower(in)
		inputs = append(inputs, in)
		inputs = append(inputs, strings.Fields(strings.NewReplacer("@", " ", ".", " ").Replace(in))...)
	}
	return zxcvbn.PasswordStrength(password, inputs).Score < minPasswordScore
}

// WeakPasswordMessage tells the person why a guessable password was refused.
const WeakPasswordMessage = "This password is too easy to guess: it is common, repeats itself, follows the keyboard or uses your name or email. " +
	"Try three or four unrelated words, or a longer phrase."
