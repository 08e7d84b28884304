package models

import (
	"context"
	"fmt"
	"time"

	"gorm.io/gorm"
)

// SessionTouchEvery is how stale a session's last-seen time may get: a request
// writes it only when it is older, so most requests write nothing.
const SessionTouchEvery = 5 * time.Minute

// sessionUserRow is a live session's user with the session's last-seen time.
type sessionUserRow struct {
	User
	SessionLastSeen *time.Time `gorm:"column:session_last_seen"`
}

// SessionUserSeen is SessionUser that also records the session as seen at now, at
// most once every SessionTouchEvery.
func SessionUserSeen(ctx context.Context, db *gorm.DB, sessionID string, userID int64, now time.Time) (User, error) {
	var row sessionUserRow
	err := db.WithContext(ctx).Table("users").Select("users.*, sessions.last_seen_at AS session_last_seen").
		Joins("JOIN sessions ON sessions.user_id = users.id").
		Where("sessions.id = ? AND users.id = ? AND sessions.revoked_at IS NULL AND sessions.expires_at > ? AND users.disabled_at IS NULL",
			sessionID, userID, now).
		Take(&row).Error
	if err = notFound(err, "load session user"); err == ErrNotFound {
		return row.User, ErrSessionRevoked
	} else if err != nil {
		return row.User, err
	}
	if row.SessionLastSeen == nil || now.Sub(*row.SessionLastSeen) >= SessionTouchEvery {
		err := db.WithContext(ctx).Model(&Session{}).Where("id = ?", sessionID).Update("last_seen_at", now).Error
		if err != nil {
			return row.User, fmt.Errorf("touch session %s: %w", sessionID, err)
		}
	}
	return row.User, nil
}

// ActiveSessions lists the user's unrevoked, unexpired sessions, most recently
// used first.
func ActiveSessions(ctx context.Context, db *gorm.DB, userID int64, now time.Time) ([]Session, error) {
	var sessions []Session
	err := db.WithContext(ctx).Where("user_id = ? AND revoked_at IS NULL AND expires_at > ?", userID, now).
		Order("COALESCE(last_seen_at, created_at) DESC, id").Find(&sessions).Error
	if err != nil {
		return nil, fmt.Errorf("list sessions of user %d: %w", userID, err)
	}
	return sessions, nil
}

// RevokeOwnSession ends one of the user's sessions; another user's, or an ended one,
// is ErrNotFound.
func RevokeOwnSession(ctx context.Context, db *gorm.DB, actor AuditActor, userID int64, sessionID string, now time.Time) error {
	return db.WithContext(ctx).Transaction(func(tx *gorm.DB) error {
		res := tx.Model(&Session{}).Where("id = ? AND user_id = ? AND revoked_at IS NULL", sessionID, userID).
			Update("revoked_at", now)
		if res.Error != nil {
			return fmt.Errorf("revoke session of user %d: %w", userID, res.Error)
		}
		if res.RowsAffected == 0 {
			return ErrNotFound
		}
		return WriteAudit(tx, actor, "session.revoked", fmt.Sprintf("user:%d", userID), "")
	})
}

// RevokeOtherSessions ends every session of the user but keep, and returns how many.
func RevokeOtherSessions(ctx context.Context, db *gorm.DB, actor AuditActor, userID int64, keep string, now time.Time) (int64, error) {
	var n int64
	err := db.WithContext(ctx).Transaction(func(tx *gorm.DB) error {
		res := tx.Model(&Session{}).Where("user_id = ? AND id <> ? AND revoked_at IS NULL", userID, keep).
			Update("revoked_at", now)
		if res.Error != nil {
			return fmt.Errorf("revoke other sessions of user %d: %w", userID, res.Error)
		}
		n = res.RowsAffected
		return WriteAudit(tx, actor, "session.revoked_others", fmt.Sprintf("user:%d", userID), fmt.Sprintf("%d sessions", n))
	})
	return n, err
}
