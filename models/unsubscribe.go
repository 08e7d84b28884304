package models

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"time"

	"gorm.io/gorm"
)

// Kinds of automated email a person can turn off from the email itself.
const (
	UnsubscribeReminders = "reminders"
	UnsubscribeDigest    = "digest"
)

// unsubscribeKinds maps the dedupe key prefix of an email to the kind it belongs to.
var unsubscribeKinds = map[string]string{"ceu-reminder:": UnsubscribeReminders, "cohort-digest:": UnsubscribeDigest}

// UnsubscribeKindName words a kind for the person turning it off.
func UnsubscribeKindName(kind string) string {
	if kind == UnsubscribeDigest {
		return "the weekly digest of your cohorts' at-risk students"
	}
	return "CEU deadline reminders"
}

// unsubscribePath is the one-click address of an email whose Message-ID token is
// token: the random token is known only to the recipient, like a calendar feed's.
func unsubscribePath(baseURL, token string) string {
	return strings.TrimRight(baseURL, "/") + "/unsubscribe/" + token
}

// UnsubscribeTarget finds who received the email with this token and which kind of
// email it was. A token that matches no unsubscribable email, or whose recipient
// changed address or deleted the account, is ErrNotFound.
func UnsubscribeTarget(ctx context.Context, db *gorm.DB, token string) (User, string, error) {
	var email OutboxEmail
	if token == "" || len(token) > 100 {
		return User{}, "", ErrNotFound
	}
	err := db.WithContext(ctx).Where("message_token = ? AND unsubscribe_url IS NOT NULL", token).Take(&email).Error
	if err != nil {
		return User{}, "", notFound(err, "load email to unsubscribe from")
	}
	kind := ""
	for prefix, k := range unsubscribeKinds {
		if email.DedupeKey != nil && strings.HasPrefix(*email.DedupeKey, prefix) {
			kind = k
		}
	}
	user, err := UserByEmail(ctx, db, email.To)
	if kind == "" && err == nil {
		err = ErrNotFound
	}
	return user, kind, err
}

// Unsubscribe turns off kind of email for u, with an audit entry.
func Unsubscribe(ctx context.Context, db *gorm.DB, actor AuditActor, u User, kind string, now time.Time) error {
	change := map[string]any{"reminder_days": "", "updated_at": now}
	if kind == UnsubscribeDigest {
		change = map[string]any{"weekly_digest": false, "updated_at": now}
	} else if kind != UnsubscribeReminders {
		return errors.New("unsubscribe: unknown kind " + kind)
	}
	return db.WithContext(ctx).Transaction(func(tx *gorm.DB) error {
		if err := tx.Model(&User{}).Where("id = ?", u.ID).Updates(change).Error; err != nil {
			return fmt.Errorf("unsubscribe user %d from %s: %w", u.ID, kind, err)
		}
		return WriteAudit(tx, actor, "user.unsubscribed", fmt.Sprintf("user:%d", u.ID), kind)
	})
}
