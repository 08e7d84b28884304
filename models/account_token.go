package models

import (
	"context"
	"fmt"
	"time"

	"gorm.io/gorm"
)

// Purposes of an emailed single-use link.
const (
	PurposePasswordReset = "password_reset"
	PurposeVerifyEmail   = "verify_email"
)

// How long emailed links stay valid.
const (
	PasswordResetTTL = time.Hour
	VerifyEmailTTL   = 72 * time.Hour
)

// AccountToken is an emailed single-use link. Only a SHA-256 of the token is stored,
// so a leaked database holds no working link.
type AccountToken struct {
	ID        int64      `gorm:"column:id;primaryKey"`
	UserID    int64      `gorm:"column:user_id"`
	Purpose   string     `gorm:"column:purpose"`
	TokenHash string     `gorm:"column:token_hash"`
	Email     string     `gorm:"column:email"` // the address the link was sent to
	CreatedAt time.Time  `gorm:"column:created_at"`
	ExpiresAt time.Time  `gorm:"column:expires_at"`
	UsedAt    *time.Time `gorm:"column:used_at"`
}

// TableName maps AccountToken to account_tokens.
func (AccountToken) TableName() string { return "account_tokens" }

// issueAccountToken stores a new link for userID inside tx and returns the token that
// goes into the email; it is never stored.
func issueAccountToken(tx *gorm.DB, userID int64, purpose, email string, now time.Time, ttl time.Duration) (string, error) {
	token, err := newSecretToken()
	if err != nil {
		return "", err
	}
	row := AccountToken{UserID: userID, Purpose: purpose, TokenHash: hashSecretToken(token), Email: email,
		CreatedAt: now, ExpiresAt: now.Add(ttl)}
	if err := tx.Create(&row).Error; err != nil {
		return "", fmt.Errorf("save %s token for user %d: %w", purpose, userID, err)
	}
	return token, nil
}

// CheckAccountToken finds the live link for raw: ErrNotFound for an unknown token,
// ErrLinkUsed or ErrLinkExpired for one that can no longer be used.
func CheckAccountToken(ctx context.Context, db *gorm.DB, purpose, raw string, now time.Time) (AccountToken, error) {
	var t AccountToken
	if raw == "" || len(raw) > 100 {
		return t, ErrNotFound
	}
	err := db.WithContext(ctx).Where("token_hash = ? AND purpose = ?", hashSecretToken(raw), purpose).Take(&t).Error
	if err != nil {
		return t, notFound(err, "load "+purpose+" token")
	}
	return t, t.usable(now)
}

// usable says why a link can no longer be used, or nil.
func (t AccountToken) usable(now time.Time) error {
	switch {
	case t.UsedAt != nil:
		return ErrLinkUsed
	case !now.Before(t.ExpiresAt):
		return ErrLinkExpired
	}
	return nil
}

// useAccountToken checks raw and marks it used inside tx with a conditional update,
// so two clicks racing on one link cannot both succeed.
func useAccountToken(tx *gorm.DB, purpose, raw string, now time.Time) (AccountToken, error) {
	t, err := CheckAccountToken(tx.Statement.Context, tx, purpose, raw, now)
	if err != nil {
		return t, err
	}
	res := tx.Model(&AccountToken{}).Where("id = ? AND used_at IS NULL", t.ID).Update("used_at", now)
	if res.Error != nil {
		return t, fmt.Errorf("use %s token %d: %w", purpose, t.ID, res.Error)
	}
	if res.RowsAffected != 1 {
		return t, ErrLinkUsed
	}
	return t, nil
}

// LinkProblem words why an emailed link was refused, for pages and the API.
func LinkProblem(err error, what string) string {
	switch err {
	case ErrLinkExpired:
		return "This " + what + " link has expired. Ask for a new one."
	case ErrLinkUsed:
		return "This " + what + " link was already used. Ask for a new one if you still need it."
	}
	return "This " + what + " link is not valid. Check that you copied the whole link, or ask for a new one."
}

// retireAccountTokens marks every unused link of one purpose of the user as used, so
// that once a reset or confirmation succeeds no older email can repeat it.
func retireAccountTokens(tx *gorm.DB, userID int64, purpose string, now time.Time) error {
	err := tx.Model(&AccountToken{}).Where("user_id = ? AND purpose = ? AND used_at IS NULL", userID, purpose).
		Update("used_at", now).Error
	if err != nil {
		return fmt.Errorf("retire %s links of user %d: %w", purpose, userID, err)
	}
	return nil
}
