package models

import (
	"context"
	"fmt"
	"time"

	"gorm.io/gorm"
)

// Session is the server-side half of a login: a JWT names it in its sid claim, so
// revoking the row ends the token before it expires.
type Session struct {
	ID        string     `gorm:"column:id;primaryKey"`
	UserID    int64      `gorm:"column:user_id"`
	CreatedAt time.Time  `gorm:"column:created_at"`
	ExpiresAt time.Time  `gorm:"column:expires_at"`
	RevokedAt *time.Time `gorm:"column:revoked_at"`
	UserAgent string     `gorm:"column:user_agent"`
	IP        string     `gorm:"column:ip"`
	// LastSeenAt is when the session was last used, to within SessionTouchEvery.
	LastSeenAt *time.Time `gorm:"column:last_seen_at"`
}

// TableName maps Session to the sessions table.
func (Session) TableName() string { return "sessions" }

// CreateSession stores a new session.
func CreateSession(ctx context.Context, db *gorm.DB, s *Session) error {
	if err := db.WithContext(ctx).Create(s).Error; err != nil {
		return fmt.Errorf("create session for user %d: %w", s.UserID, err)
	}
	return nil
}

// SessionUser returns the user of a live session in one query: the session must
// belong to userID, be unrevoked and unexpired at now.
func SessionUser(ctx context.Context, db *gorm.DB, sessionID string, userID int64, now time.Time) (User, error) {
	var u User
	err := db.WithContext(ctx).
		Joins("JOIN sessions ON sessions.user_id = users.id").
		Where("sessions.id = ? AND users.id = ? AND sessions.revoked_at IS NULL AND sessions.expires_at > ?",
			sessionID, userID, now).
		Take(&u).Error
	if err = notFound(err, "load session user"); err == ErrNotFound {
		return u, ErrSessionRevoked
	}
	return u, err
}

// RevokeSession ends one session (logout).
func RevokeSession(ctx context.Context, db *gorm.DB, sessionID string, now time.Time) error {
	err := db.WithContext(ctx).Model(&Session{}).
		Where("id = ? AND revoked_at IS NULL", sessionID).Update("revoked_at", now).Error
	if err != nil {
		return fmt.Errorf("revoke session %s: %w", sessionID, err)
	}
	return nil
}

// ChangePassword stores a new password hash and revokes every session of the user, in
// one transaction; the caller then opens a fresh session for the current browser.
func ChangePassword(ctx context.Context, db *gorm.DB, actor AuditActor, userID int64, newHash string, now time.Time) error {
	return db.WithContext(ctx).Transaction(func(tx *gorm.DB) error {
		res := tx.Model(&User{}).Where("id = ?", userID).
			Updates(map[string]any{"password_hash": newHash, "updated_at": now})
		if res.Error != nil {
			return fmt.Errorf("update password of user %d: %w", userID, res.Error)
		}
		if res.RowsAffected == 0 {
			return ErrNotFound
		}
		if err := revokeUserSessions(tx, userID, now); err != nil {
			return err
		}
		return WriteAudit(tx, actor, "user.password_changed", fmt.Sprintf("user:%d", userID), "")
	})
}
