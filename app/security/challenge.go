package security

import (
	"crypto/hmac"
	"crypto/sha256"
	"encoding/base64"
	"strconv"
	"strings"
	"time"
)

// Challenges sign the short-lived proof that a sign-in got past its password and
// now waits for a second-factor code. A challenge is not a session: it opens nothing
// by itself, is stored nowhere (any process with the same secret accepts it), and
// stops working when it expires or the account's password changes.
type Challenges struct {
	key []byte
}

// NewChallenges returns a signer for key (derive it with DeriveKey).
func NewChallenges(key []byte) Challenges { return Challenges{key: key} }

// Issue returns a challenge for userID valid until expires; stamp is something that
// changes when the account's password does (its hash), folded into the signature.
func (c Challenges) Issue(userID int64, stamp string, expires time.Time) string {
	body := strconv.FormatInt(userID, 10) + "." + strconv.FormatInt(expires.Unix(), 10)
	return body + "." + c.sign(body, stamp)
}

func (c Challenges) sign(body, stamp string) string {
	mac := hmac.New(sha256.New, c.key)
	mac.Write([]byte("two-factor challenge\x00" + body + "\x00" + stamp))
	return base64.RawURLEncoding.EncodeToString(mac.Sum(nil))
}

// Check returns the user a challenge was issued for, when it is well formed, not
// expired at now, and signed for the stamp stampOf returns for that user; ErrBadToken
// otherwise (and stampOf's error when it fails for another reason than a bad token).
func (c Challenges) Check(challenge string, now time.Time, stampOf func(userID int64) (string, error)) (int64, error) {
	parts := strings.Split(challenge, ".")
	if len(parts) != 3 || len(challenge) > 200 {
		return 0, ErrBadToken
	}
	userID, err := strconv.ParseInt(parts[0], 10, 64)
	if err != nil || userID <= 0 {
		return 0, ErrBadToken
	}
	expires, err := strconv.ParseInt(parts[1], 10, 64)
	if err != nil || now.Unix() > expires {
		return 0, ErrBadToken
	}
	stamp, err := stampOf(userID)
	if err != nil {
		return 0, err
	}
	if !hmac.Equal([]byte(parts[2]), []byte(c.sign(parts[0]+"."+parts[1], stamp))) {
		return 0, ErrBadToken
	}
	return userID, nil
}
