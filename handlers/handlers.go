// Package handlers turns HTTP requests into calls on models and renders the answer as a
// page or JSON. Handlers parse and validate input, call models and respond; rules and
// SQL live in models.
package handlers

import (
	"log/slog"
	"sync"
	"time"

	"gorm.io/gorm"

	"hitpath/app/security"
	"hitpath/models"
)

// Deps are what the handlers need, built once by app.New.
type Deps struct {
	DB            *gorm.DB
	Tokens        *security.Tokens
	Hasher        *security.Hasher
	CSRFKey       []byte // signs CSRF tokens; derived from the JWT secret
	Log           *slog.Logger
	BaseURL       string
	SecureCookies bool
	Now           func() time.Time
	// AuthAttemptsPerMinute limits sign-up and login attempts from one address.
	AuthAttemptsPerMinute int
	// FailedLoginsPerMinute limits failed logins for one account.
	FailedLoginsPerMinute int
	// DefaultZone is the time zone of users who have not chosen one (DEFAULT_TIME_ZONE).
	DefaultZone *time.Location
}

// Handlers holds the dependencies every handler method uses.
type Handlers struct {
	Deps
	openAPI []byte
	forms   *formValidator

	reference referenceCache // rendered career reference pages, by content revision
	zones     sync.Map       // loaded time zones by IANA name
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
	doc, err := buildOpenAPI()
	if err != nil {
		return nil, err
	}
	return &Handlers{Deps: deps, openAPI: doc, forms: newFormValidator()}, nil
}

// validate checks a form struct by its tags.
func (h *Handlers) validate(form any) FieldErrors {
	return h.forms.Check(form)
}
