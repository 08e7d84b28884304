package models

import (
	"crypto/rand"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"strconv"
	"strings"
)

// Kinds of second-factor code a person may type.
const (
	CodeKindTOTP     = "totp"     // six digits from an authenticator app
	CodeKindRecovery = "recovery" // one of the account's one-time recovery codes
)

// RecoveryCodeCount is how many recovery codes an account gets at a time.
const RecoveryCodeCount = 10

// recoveryAlphabet is lower-case base32: no 0, 1, 8 or 9 to confuse with letters.
const recoveryAlphabet = "abcdefghijklmnopqrstuvwxyz234567"

// recoveryLength is the characters of a recovery code (60 bits), shown in groups of 4.
const recoveryLength = 12

// SecondFactorCode is a parsed code: its kind and its normalized value (digits, or
// lower-case recovery characters without separators).
type SecondFactorCode struct {
	Kind  string
	Value string
}

// Messages for a code field.
const (
	msgCodeMissing = "Enter the 6-digit code from your authenticator app, or one of your recovery codes."
	msgCodeShape   = "Enter the 6 digits your authenticator app shows now, or a recovery code like abcd-efgh-2345."
)

// ParseSecondFactorCode reads what a person typed in a code field: six digits from an
// authenticator app, or a recovery code. Spaces and dashes are ignored, and so is case
// in recovery codes. It returns a message for the field when the text is neither.
func ParseSecondFactorCode(raw string) (SecondFactorCode, string) {
	if len(raw) > 100 {
		return SecondFactorCode{}, msgCodeShape
	}
	compact := strings.Map(func(r rune) rune {
		if r == ' ' || r == '-' || r == '\t' {
			return -1
		}
		return r
	}, raw)
	switch {
	case compact == "":
		return SecondFactorCode{}, msgCodeMissing
	case len(compact) == 6 && allIn(compact, "0123456789"):
		return SecondFactorCode{Kind: CodeKindTOTP, Value: compact}, ""
	case len(compact) == recoveryLength && allIn(strings.ToLower(compact), recoveryAlphabet):
		return SecondFactorCode{Kind: CodeKindRecovery, Value: strings.ToLower(compact)}, ""
	}
	return SecondFactorCode{}, msgCodeShape
}

// ParseAuthenticatorCode is ParseSecondFactorCode for fields that take only an
// authenticator code (confirming a new set-up, where no recovery codes exist yet).
func ParseAuthenticatorCode(raw string) (string, string) {
	code, problem := ParseSecondFactorCode(raw)
	if problem == "" && code.Kind != CodeKindTOTP {
		problem = "Enter the 6 digits your authenticator app shows now."
	}
	return code.Value, problem
}

func allIn(s, alphabet string) bool {
	for _, r := range s {
		if !strings.ContainsRune(alphabet, r) {
			return false
		}
	}
	return true
}

// newRecoveryCodes returns RecoveryCodeCount fresh codes, formatted for reading
// ("abcd-efgh-2345").
func newRecoveryCodes() ([]string, error) {
	codes := make([]string, RecoveryCodeCount)
	raw := make([]byte, recoveryLength)
	for i := range codes {
		if _, err := rand.Read(raw); err != nil {
			return nil, fmt.Errorf("generate recovery code: %w", err)
		}
		var b strings.Builder
		for j, v := range raw {
			if j > 0 && j%4 == 0 {
				b.WriteByte('-')
			}
			b.WriteByte(recoveryAlphabet[int(v)%len(recoveryAlphabet)]) // 256 is a multiple of 32: no bias
		}
		codes[i] = b.String()
	}
	return codes, nil
}

// hashRecoveryCode is what the database keeps of a recovery code: a SHA-256 bound to
// the account, so one leaked hash matches nobody else's code. It does not depend on
// the app's secret, so recovery codes still work after that secret changes.
func hashRecoveryCode(userID int64, normalized string) string {
	sum := sha256.Sum256([]byte("hitpath recovery code\x00" + strconv.FormatInt(userID, 10) + "\x00" + normalized))
	return hex.EncodeToString(sum[:])
}
