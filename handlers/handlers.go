// Package handlers turns HTTP requests into calls on models and renders the answer as a
// page or JSON. Handlers parse and validate input, call models and respond; rules and
// SQL live in models.
package handlers

import (
	"log/slog"
	"net/netip"
	"sync"
	"time"

	"gorm.io/gorm"

	"hitpath/app/security"
	"hitpath/models"
)

// Deps are what the handlers need, built once by app.New.
type Deps struct {
	DB      *gorm.DB
	Tokens  *security.Tokens
	Hasher  *security.Hasher
	CSRFKey []byte // signs CSRF tokens; derived from the JWT secret
	// CalendarKey makes calendar event UIDs unique to this installation; derived
	// from the JWT secret.
	CalendarKey []byte
	// TwoFactorKey encrypts authenticator keys at rest and ChallengeKey signs the
	// step between a sign-in's password and its code; both derived from the JWT secret.
	TwoFactorKey  []byte
	ChallengeKey  []byte
	Log           *slog.Logger
	BaseURL       string
	SecureCookies bool
	Now           func() time.Time
	// AuthAttemptsPerMinute limits sign-up and login attempts from one address.
	AuthAttemptsPerMinute int
	// FailedLoginsPerMinute limits failed logins for one account, and wrong current
	// passwords when changing one.
	FailedLoginsPerMinute int
	// DefaultZone is the time zone of users who have not chosen one (DEFAULT_TIME_ZONE).
	DefaultZone *time.Location
	// EvidenceQuota is the most evidence bytes one user may store (0: the default).
	EvidenceQuota int64
	// HeavyExports is how many audit packs may be built at once (0: the default).
	HeavyExports int
	// Limits keeps the rate limiters' counters (memory when nil).
	Limits models.RateLimitStore
	// TrustedProxies are the proxies whose X-Forwarded-For names the client.
	TrustedProxies []netip.Prefix
}

// Handlers holds the dependencies every handler method uses.
type Handlers struct {
	Deps
	openAPI []byte
	forms   *formValidator
	csrf    csrfTokens

	reference referenceCache // rendered career reference pages, by content revision
	zones     sync.Map       // loaded time zones by IANA name
	exports   exportSlots    // audit packs being built now

	twoFactorBox models.SecretBox
	challenges   security.Challenges
}

// sessionTTL is how long a login lasts; the session row and the JWT expire together.
const sessionTTL = 14 * 24 * time.Hour

// New builds the handlers and checks what must be valid at start-up.
func New(deps Deps) (*Handlers, error) {
	if deps.Now == nil {
		deps.Now = func() time.Time { return time.Now().UTC() }
	}
	if deps.DefaultZone == nil {
		deps.DefaultZone, _ = models.ParseTimeZone(models.DefaultTimeZone)
	}
	if deps.AuthAttemptsPerMinute == 0 {
		deps.AuthAttemptsPerMinute = 20
	}
	if deps.FailedLoginsPerMinute == 0 {
		deps.FailedLoginsPerMinute = 5
	}
	if deps.EvidenceQuota == 0 {
		deps.EvidenceQuota = models.DefaultEvidenceQuota
	}
	if deps.HeavyExports == 0 {
		deps.HeavyExports = 2
	}
	if deps.Limits == nil {
		deps.Limits = models.NewMemoryRateLimits()
	}
	doc, err := buildOpenAPI()
	if err != nil {
		return nil, err
	}
	csrf := csrfTokens{key: deps.CSRFKey, ttl: 12 * time.Hour, now: deps.Now}
	box, err := models.NewSecretBox(deps.TwoFactorKey)
	if err != nil {
		return nil, err
	}
	return &Handlers{Deps: deps, openAPI: doc, forms: newFormValidator(), exports: newExportSlots(deps.HeavyExports), csrf: csrf,
		twoFactorBox: box, challenges: security.NewChallenges(deps.ChallengeKey)}, nil
}

// validate checks a form struct by its tags.
func (h *Handlers) validate(form any) FieldErrors {
	return h.forms.Check(form)
}
