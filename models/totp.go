package models

import (
	"crypto/subtle"
	"fmt"
	"time"

	"github.com/pquerna/otp"
	"github.com/pquerna/otp/totp"
)

// TOTPPeriod is the life of one authenticator code.
const TOTPPeriod = 30 * time.Second

// totpSkew is how many periods either side of now a code is still accepted, for
// phones whose clocks run a little fast or slow.
const totpSkew = 1

var totpOpts = totp.ValidateOpts{Period: uint(TOTPPeriod / time.Second), Digits: otp.DigitsSix, Algorithm: otp.AlgorithmSHA1}

// TOTPStep is the 30-second time step now falls in.
func TOTPStep(now time.Time) int64 { return now.Unix() / int64(TOTPPeriod/time.Second) }

// TOTPCode is the code an authenticator app shows at now for secret (base32).
func TOTPCode(secret string, now time.Time) (string, error) {
	code, err := totp.GenerateCodeCustom(secret, now, totpOpts)
	if err != nil {
		return "", fmt.Errorf("generate authenticator code: %w", err)
	}
	return code, nil
}

// MatchTOTP returns the time step whose code for secret equals code, among now's step
// and totpSkew steps either side, provided it comes after lastStep (a code accepted
// once is never accepted again). ok is false when none matches.
func MatchTOTP(secret, code string, now time.Time, lastStep int64) (step int64, ok bool, err error) {
	current := TOTPStep(now)
	for s := current - totpSkew; s <= current+totpSkew; s++ {
		if s <= lastStep {
			continue
		}
		want, err := TOTPCode(secret, time.Unix(s*int64(TOTPPeriod/time.Second), 0))
		if err != nil {
			return 0, false, err
		}
		if subtle.ConstantTimeCompare([]byte(want), []byte(code)) == 1 {
			return s, true, nil
		}
	}
	return 0, false, nil
}
