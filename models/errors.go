package models

import "errors"

// ErrNotFound means the record does not exist or is not visible to the asking user;
// handlers answer 404 for both so that existence itself stays private.
var ErrNotFound = errors.New("record not found")

// ErrDuplicateEmail means another account already uses the email address.
var ErrDuplicateEmail = errors.New("email already registered")

// ErrInvalidCredentials means the email or password did not match an account.
var ErrInvalidCredentials = errors.New("invalid email or password")

// ErrSessionRevoked means a token names a session that has ended.
var ErrSessionRevoked = errors.New("session revoked or expired")

// ErrLastAdmin means the change would leave nobody able to administer hitpath.
var ErrLastAdmin = errors.New("last admin")

// ErrLinkExpired means an emailed link (password reset, address confirmation) is
// past its validity.
var ErrLinkExpired = errors.New("link expired")

// ErrLinkUsed means an emailed single-use link was already used.
var ErrLinkUsed = errors.New("link already used")

// ErrOwnsActiveCohorts means an instructor must hand over or archive their cohorts
// before the account can be deleted (see OwnedCohortsError for which).
var ErrOwnsActiveCohorts = errors.New("owns active cohorts")

// ErrAccountDisabled means the account exists and the password matched, but an
// administrator disabled it.
var ErrAccountDisabled = errors.New("account disabled")

// ErrRequestOpen means the person already has an instructor request waiting for an
// admin.
var ErrRequestOpen = errors.New("instructor request already pending")

// ErrWrongCode means a two-factor code (from the authenticator app, or a recovery
// code) did not match, or was already used.
var ErrWrongCode = errors.New("wrong two-factor code")

// ErrTwoFactorUnreadable means the stored authenticator key cannot be decrypted, as
// when the app's secret changed since it was saved.
var ErrTwoFactorUnreadable = errors.New("two-factor key unreadable")

// ErrTwoFactorOn means two-factor sign-in is already turned on for the account.
var ErrTwoFactorOn = errors.New("two-factor sign-in already on")

// ErrTwoFactorOff means the account has no confirmed two-factor sign-in (nothing to
// confirm, disable or regenerate).
var ErrTwoFactorOff = errors.New("two-factor sign-in not on")

// ErrNotCoInstructor means a cohort was to be handed to someone who is not one of
// its co-instructors.
var ErrNotCoInstructor = errors.New("not a co-instructor of the cohort")

// ErrReviewOutOfOrder means a review's time is before the card's last review: the
// schedule is built forward in time, so a review log can't be backdated.
var ErrReviewOutOfOrder = errors.New("review before the card's last review")

// ErrTwoFactorRequired means two-factor sign-in can't be turned off: the site requires
// it for the user's role (SettingRequireStaffTwoFactor).
var ErrTwoFactorRequired = errors.New("two-factor sign-in required for this role")

// ErrRequestDecided means an instructor request was already approved or declined.
var ErrRequestDecided = errors.New("instructor request already decided")

// ErrNoRecipients means none of the students a message was addressed to is a current
// member of the cohort.
var ErrNoRecipients = errors.New("no current member among the recipients")
