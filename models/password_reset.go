package models

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"time"

	"gorm.io/gorm"
)

// RequestPasswordReset emails a one-hour reset link to the account with email, if
// there is one, in one transaction with the token. It reports nothing about whether
// the account exists: the caller answers the same either way.
func RequestPasswordReset(ctx context.Context, db *gorm.DB, actor AuditActor, email, baseURL string, now time.Time) error {
	user, err := UserByEmail(ctx, db, email)
	if errors.Is(err, ErrNotFound) || (err == nil && user.DisabledAt != nil) {
		return nil // the same answer for a disabled account as for none
	}
	if err != nil {
		return err
	}
	return db.WithContext(ctx).Transaction(func(tx *gorm.DB) error {
		token, err := issueAccountToken(tx, user.ID, PurposePasswordReset, user.Email, now, PasswordResetTTL)
		if err != nil {
			return err
		}
		subject, body := passwordResetEmail(user, linkTo(baseURL, "/reset-password", token))
		if _, err := EnqueueEmail(tx, user.Email, subject, body, "", now); err != nil {
			return err
		}
		return WriteAudit(tx, actor, "user.password_reset_requested", fmt.Sprintf("user:%d", user.ID), "")
	})
}

// ResetPassword sets a new password through an emailed link: the link is used up,
// every other reset link of the account stops working, every session is revoked, the
// address counts as confirmed (the link proved the mailbox), and a notice is emailed,
// all in one transaction. It returns the account.
func ResetPassword(ctx context.Context, db *gorm.DB, actor AuditActor, token, newHash, baseURL string, now time.Time) (User, error) {
	var user User
	err := db.WithContext(ctx).Transaction(func(tx *gorm.DB) error {
		link, err := useAccountToken(tx, PurposePasswordReset, token, now)
		if err != nil {
			return err
		}
		if user, err = UserByID(ctx, tx, link.UserID); err != nil {
			return err
		}
		if err := resetPasswordRows(tx, user, link, newHash, now); err != nil {
			return err
		}
		subject, body := passwordChangedEmail(user, baseURL)
		if _, err := EnqueueEmail(tx, user.Email, subject, body, "", now); err != nil {
			return err
		}
		actor.UserID = user.ID
		return WriteAudit(tx, actor, "user.password_reset", fmt.Sprintf("user:%d", user.ID), "")
	})
	return user, err
}

func resetPasswordRows(tx *gorm.DB, user User, link AccountToken, newHash string, now time.Time) error {
	updates := map[string]any{"password_hash": newHash, "updated_at": now}
	if link.Email == user.Email && user.EmailVerifiedAt == nil {
		updates["email_verified_at"] = now
	}
	if err := tx.Model(&User{}).Where("id = ?", user.ID).Updates(updates).Error; err != nil {
		return fmt.Errorf("reset password of user %d: %w", user.ID, err)
	}
	if err := retireAccountTokens(tx, user.ID, PurposePasswordReset, now); err != nil {
		return err
	}
	return revokeUserSessions(tx, user.ID, now)
}

// revokeUserSessions ends every live session of a user.
func revokeUserSessions(tx *gorm.DB, userID int64, now time.Time) error {
	err := tx.Model(&Session{}).Where("user_id = ? AND revoked_at IS NULL", userID).Update("revoked_at", now).Error
	if err != nil {
		return fmt.Errorf("revoke sessions of user %d: %w", userID, err)
	}
	return nil
}

// linkTo builds an emailed link carrying a token.
func linkTo(baseURL, path, token string) string {
	return strings.TrimRight(baseURL, "/") + path + "?token=" + token
}

func passwordResetEmail(u User, link string) (subject, body string) {
	subject = "Reset your hitpath password"
	body = fmt.Sprintf("Hello %s,\n\nSomeone (we hope you) asked to reset the password of your hitpath account.\n"+
		"Choose a new password here within the next hour:\n\n%s\n\nThe link works once. If you did not ask, "+
		"ignore this email: your password stays as it is.\n", u.Name, link)
	return subject, body
}

func passwordChangedEmail(u User, baseURL string) (subject, body string) {
	subject = "Your hitpath password was changed"
	body = fmt.Sprintf("Hello %s,\n\nThe password of your hitpath account was just changed with a reset link, and "+
		"every device was logged out.\n\nIf this was not you, reset it again now at %s/forgot-password and check "+
		"the email account this message reached.\n", u.Name, strings.TrimRight(baseURL, "/"))
	return subject, body
}
