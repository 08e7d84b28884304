package models

import (
	"context"
	"encoding/base32"
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/pquerna/otp/totp"
	"gorm.io/gorm"
)

// TwoFactorIssuer names hitpath in authenticator apps.
const TwoFactorIssuer = "hitpath"

// TwoFactor is an account's authenticator set-up: pending until ConfirmedAt is set.
type TwoFactor struct {
	UserID       int64      `gorm:"column:user_id;primaryKey"`
	SecretSealed string     `gorm:"column:secret_sealed"`
	ConfirmedAt  *time.Time `gorm:"column:confirmed_at"`
	LastStep     int64      `gorm:"column:last_step"`
	CreatedAt    time.Time  `gorm:"column:created_at"`
	UpdatedAt    time.Time  `gorm:"column:updated_at"`
}

// TableName maps TwoFactor to the two_factor table.
func (TwoFactor) TableName() string { return "two_factor" }

// Enabled reports whether sign-in asks for a code.
func (t TwoFactor) Enabled() bool { return t.ConfirmedAt != nil }

// RecoveryCode is one stored (hashed) recovery code.
type RecoveryCode struct {
	ID        int64      `gorm:"column:id;primaryKey"`
	UserID    int64      `gorm:"column:user_id"`
	CodeHash  string     `gorm:"column:code_hash"`
	CreatedAt time.Time  `gorm:"column:created_at"`
	UsedAt    *time.Time `gorm:"column:used_at"`
}

// TableName maps RecoveryCode to recovery_codes.
func (RecoveryCode) TableName() string { return "recovery_codes" }

// Enrolment is a set-up waiting for its first code: the key to type into an app and
// the otpauth:// URL a QR code carries.
type Enrolment struct {
	Secret string
	URL    string
}

// TwoFactorOf loads an account's set-up, or ErrNotFound when it has none.
func TwoFactorOf(ctx context.Context, db *gorm.DB, userID int64) (TwoFactor, error) {
	var t TwoFactor
	err := db.WithContext(ctx).Where("user_id = ?", userID).Take(&t).Error
	return t, notFound(err, fmt.Sprintf("load two-factor of user %d", userID))
}

// HasTwoFactor reports whether sign-in asks user for a code.
func HasTwoFactor(ctx context.Context, db *gorm.DB, userID int64) (bool, error) {
	t, err := TwoFactorOf(ctx, db, userID)
	if errors.Is(err, ErrNotFound) {
		return false, nil
	}
	return t.Enabled(), err
}

// StartTwoFactor makes a new authenticator key for user (replacing any set-up not
// yet confirmed) and returns it; ErrTwoFactorOn when one is already confirmed.
func StartTwoFactor(ctx context.Context, db *gorm.DB, box SecretBox, user User, now time.Time) (Enrolment, error) {
	key, err := totp.Generate(totp.GenerateOpts{Issuer: TwoFactorIssuer, AccountName: user.Email})
	if err != nil {
		return Enrolment{}, fmt.Errorf("generate authenticator key: %w", err)
	}
	sealed, err := box.Seal(user.ID, key.Secret())
	if err != nil {
		return Enrolment{}, err
	}
	err = db.WithContext(ctx).Transaction(func(tx *gorm.DB) error {
		existing, err := TwoFactorOf(ctx, tx, user.ID)
		switch {
		case err == nil && existing.Enabled():
			return ErrTwoFactorOn
		case err != nil && !errors.Is(err, ErrNotFound):
			return err
		}
		if err := tx.Where("user_id = ?", user.ID).Delete(&TwoFactor{}).Error; err != nil {
			return fmt.Errorf("drop pending two-factor of user %d: %w", user.ID, err)
		}
		row := TwoFactor{UserID: user.ID, SecretSealed: sealed, CreatedAt: now, UpdatedAt: now}
		if err := tx.Create(&row).Error; err != nil {
			return fmt.Errorf("start two-factor of user %d: %w", user.ID, err)
		}
		return nil
	})
	return Enrolment{Secret: key.Secret(), URL: key.URL()}, err
}

// PendingEnrolment returns user's set-up waiting for confirmation: ErrNotFound when
// none was started, ErrTwoFactorOn when it is confirmed, ErrTwoFactorUnreadable when
// its key cannot be decrypted any more.
func PendingEnrolment(ctx context.Context, db *gorm.DB, box SecretBox, user User) (Enrolment, error) {
	t, err := TwoFactorOf(ctx, db, user.ID)
	if err != nil {
		return Enrolment{}, err
	}
	if t.Enabled() {
		return Enrolment{}, ErrTwoFactorOn
	}
	secret, err := box.Open(user.ID, t.SecretSealed)
	if err != nil {
		return Enrolment{}, err
	}
	raw, err := base32.StdEncoding.WithPadding(base32.NoPadding).DecodeString(secret)
	if err != nil {
		return Enrolment{}, ErrTwoFactorUnreadable
	}
	key, err := totp.Generate(totp.GenerateOpts{Issuer: TwoFactorIssuer, AccountName: user.Email, Secret: raw})
	if err != nil {
		return Enrolment{}, fmt.Errorf("rebuild authenticator key: %w", err)
	}
	return Enrolment{Secret: secret, URL: key.URL()}, nil
}

// ConfirmTwoFactor turns on a pending set-up when code is the app's current code,
// and returns the new recovery codes (shown once). ErrNotFound: nothing was started;
// ErrTwoFactorOn: already on; ErrWrongCode: the code does not match. The emailed
// notice gives the time in zone, the user's.
func ConfirmTwoFactor(ctx context.Context, db *gorm.DB, box SecretBox, actor AuditActor, user User, code, baseURL string, zone *time.Location, now time.Time) ([]string, error) {
	var codes []string
	err := db.WithContext(ctx).Transaction(func(tx *gorm.DB) error {
		t, err := TwoFactorOf(ctx, tx, user.ID)
		if err != nil {
			return err
		}
		if t.Enabled() {
			return ErrTwoFactorOn
		}
		step, err := matchStoredTOTP(box, t, code, now)
		if err != nil {
			return err
		}
		res := tx.Model(&TwoFactor{}).Where("user_id = ? AND confirmed_at IS NULL", user.ID).
			Updates(map[string]any{"confirmed_at": now, "last_step": step, "updated_at": now})
		if res.Error != nil {
			return fmt.Errorf("confirm two-factor of user %d: %w", user.ID, res.Error)
		}
		if res.RowsAffected == 0 {
			return ErrTwoFactorOn
		}
		if codes, err = replaceRecoveryCodes(tx, user.ID, now); err != nil {
			return err
		}
		if err := queueTwoFactorNotice(tx, user, "turned on", baseURL, zone, now); err != nil {
			return err
		}
		return WriteAudit(tx, actor, "user.two_factor_enabled", fmt.Sprintf("user:%d", user.ID), "")
	})
	return codes, err
}

// matchStoredTOTP opens t's key and returns the step code matches.
func matchStoredTOTP(box SecretBox, t TwoFactor, code string, now time.Time) (int64, error) {
	secret, err := box.Open(t.UserID, t.SecretSealed)
	if err != nil {
		return 0, err
	}
	step, ok, err := MatchTOTP(secret, code, now, t.LastStep)
	if err != nil {
		return 0, ErrTwoFactorUnreadable
	}
	if !ok {
		return 0, ErrWrongCode
	}
	return step, nil
}

// replaceRecoveryCodes drops userID's recovery codes and stores fresh ones, returning
// them readable (the database keeps only their hashes).
func replaceRecoveryCodes(tx *gorm.DB, userID int64, now time.Time) ([]string, error) {
	codes, err := newRecoveryCodes()
	if err != nil {
		return nil, err
	}
	if err := tx.Where("user_id = ?", userID).Delete(&RecoveryCode{}).Error; err != nil {
		return nil, fmt.Errorf("drop recovery codes of user %d: %w", userID, err)
	}
	rows := make([]RecoveryCode, len(codes))
	for i, code := range codes {
		normalized, _ := ParseSecondFactorCode(code)
		rows[i] = RecoveryCode{UserID: userID, CodeHash: hashRecoveryCode(userID, normalized.Value), CreatedAt: now}
	}
	if err := tx.Create(&rows).Error; err != nil {
		return nil, fmt.Errorf("store recovery codes of user %d: %w", userID, err)
	}
	return codes, nil
}

// CheckSecondFactor accepts code for a sign-in (or another step needing proof) by
// userID: an authenticator code not used before, or an unused recovery code, which is
// used up. ErrWrongCode when it matches neither, ErrTwoFactorOff when the account has
// no two-factor sign-in, ErrTwoFactorUnreadable when an authenticator code cannot be
// checked because the stored key cannot be decrypted.
func CheckSecondFactor(ctx context.Context, db *gorm.DB, box SecretBox, userID int64, code SecondFactorCode, now time.Time) error {
	return db.WithContext(ctx).Transaction(func(tx *gorm.DB) error {
		return useSecondFactor(tx, box, userID, code, now)
	})
}

func useSecondFactor(tx *gorm.DB, box SecretBox, userID int64, code SecondFactorCode, now time.Time) error {
	t, err := TwoFactorOf(tx.Statement.Context, tx, userID)
	if errors.Is(err, ErrNotFound) || (err == nil && !t.Enabled()) {
		return ErrTwoFactorOff
	}
	if err != nil {
		return err
	}
	if code.Kind == CodeKindRecovery {
		res := tx.Model(&RecoveryCode{}).Where("user_id = ? AND code_hash = ? AND used_at IS NULL", userID, hashRecoveryCode(userID, code.Value)).
			Update("used_at", now)
		if res.Error != nil {
			return fmt.Errorf("use recovery code of user %d: %w", userID, res.Error)
		}
		if res.RowsAffected == 0 {
			return ErrWrongCode
		}
		return nil
	}
	step, err := matchStoredTOTP(box, t, code.Value, now)
	if err != nil {
		return err
	}
	// Only a step later than the last one counts, so two requests with one code
	// cannot both succeed.
	res := tx.Model(&TwoFactor{}).Where("user_id = ? AND last_step < ?", userID, step).
		Updates(map[string]any{"last_step": step, "updated_at": now})
	if res.Error != nil {
		return fmt.Errorf("record code step of user %d: %w", userID, res.Error)
	}
	if res.RowsAffected == 0 {
		return ErrWrongCode
	}
	return nil
}

// DisableTwoFactor turns two-factor sign-in off for user once code (authenticator or
// recovery) checks out; the caller has checked the password. ErrTwoFactorRequired when
// the site requires it for the user's role. The emailed notice gives the time in zone.
func DisableTwoFactor(ctx context.Context, db *gorm.DB, box SecretBox, actor AuditActor, user User, code SecondFactorCode, baseURL string, zone *time.Location, now time.Time) error {
	return db.WithContext(ctx).Transaction(func(tx *gorm.DB) error {
		if StaffRole(user.Role) {
			settings, err := LoadSiteSettings(ctx, tx)
			if err != nil {
				return err
			}
			if settings.RequireStaffTwoFactor {
				return ErrTwoFactorRequired
			}
		}
		if err := useSecondFactor(tx, box, user.ID, code, now); err != nil {
			return err
		}
		if err := removeTwoFactor(tx, user.ID); err != nil {
			return err
		}
		if err := queueTwoFactorNotice(tx, user, "turned off", baseURL, zone, now); err != nil {
			return err
		}
		return WriteAudit(tx, actor, "user.two_factor_disabled", fmt.Sprintf("user:%d", user.ID), "")
	})
}

// RegenerateRecoveryCodes replaces user's recovery codes (the old ones stop working)
// and returns the new ones; ErrTwoFactorOff when two-factor sign-in is off.
func RegenerateRecoveryCodes(ctx context.Context, db *gorm.DB, actor AuditActor, userID int64, now time.Time) ([]string, error) {
	var codes []string
	err := db.WithContext(ctx).Transaction(func(tx *gorm.DB) error {
		t, err := TwoFactorOf(ctx, tx, userID)
		if errors.Is(err, ErrNotFound) || (err == nil && !t.Enabled()) {
			return ErrTwoFactorOff
		}
		if err != nil {
			return err
		}
		if codes, err = replaceRecoveryCodes(tx, userID, now); err != nil {
			return err
		}
		return WriteAudit(tx, actor, "user.recovery_codes_regenerated", fmt.Sprintf("user:%d", userID), "")
	})
	return codes, err
}

// ResetTwoFactor is an administrator's removal of user's two-factor sign-in (a lost
// phone and lost recovery codes): audited and emailed to the user. It reports whether
// there was anything to remove. The emailed notice gives the time in zone, the user's.
func ResetTwoFactor(ctx context.Context, db *gorm.DB, actor AuditActor, user User, baseURL string, zone *time.Location, now time.Time) (bool, error) {
	var had bool
	err := db.WithContext(ctx).Transaction(func(tx *gorm.DB) error {
		var n int64
		if err := tx.Model(&TwoFactor{}).Where("user_id = ?", user.ID).Count(&n).Error; err != nil {
			return fmt.Errorf("find two-factor of user %d: %w", user.ID, err)
		}
		if had = n > 0; !had {
			return nil
		}
		if err := removeTwoFactor(tx, user.ID); err != nil {
			return err
		}
		if err := queueTwoFactorNotice(tx, user, "reset by an administrator", baseURL, zone, now); err != nil {
			return err
		}
		return WriteAudit(tx, actor, "user.two_factor_reset", fmt.Sprintf("user:%d", user.ID), "")
	})
	return had, err
}

func removeTwoFactor(tx *gorm.DB, userID int64) error {
	if err := tx.Where("user_id = ?", userID).Delete(&RecoveryCode{}).Error; err != nil {
		return fmt.Errorf("drop recovery codes of user %d: %w", userID, err)
	}
	if err := tx.Where("user_id = ?", userID).Delete(&TwoFactor{}).Error; err != nil {
		return fmt.Errorf("drop two-factor of user %d: %w", userID, err)
	}
	return nil
}

// RecoveryCodesLeft counts userID's unused recovery codes.
func RecoveryCodesLeft(ctx context.Context, db *gorm.DB, userID int64) (int, error) {
	var n int64
	err := db.WithContext(ctx).Model(&RecoveryCode{}).Where("user_id = ? AND used_at IS NULL", userID).Count(&n).Error
	if err != nil {
		return 0, fmt.Errorf("count recovery codes of user %d: %w", userID, err)
	}
	return int(n), nil
}

// TwoFactorAmong returns which of userIDs have two-factor sign-in on (admin users page).
func TwoFactorAmong(ctx context.Context, db *gorm.DB, userIDs []int64) (map[int64]bool, error) {
	out := map[int64]bool{}
	if len(userIDs) == 0 {
		return out, nil
	}
	var ids []int64
	err := db.WithContext(ctx).Model(&TwoFactor{}).Where("user_id IN ? AND confirmed_at IS NOT NULL", userIDs).Pluck("user_id", &ids).Error
	if err != nil {
		return nil, fmt.Errorf("find two-factor users: %w", err)
	}
	for _, id := range ids {
		out[id] = true
	}
	return out, nil
}

func queueTwoFactorNotice(tx *gorm.DB, user User, what, baseURL string, zone *time.Location, now time.Time) error {
	body := fmt.Sprintf("Hello %s,\n\nTwo-factor sign-in for your hitpath account was %s at %s.\n\n"+
		"If this was not you, change your password at %s/account and tell your hitpath administrator.\n",
		user.Name, what, EmailTime(now, zone), strings.TrimRight(baseURL, "/"))
	_, err := EnqueueEmail(tx, user.Email, "Two-factor sign-in "+what, body, "", now)
	return err
}
