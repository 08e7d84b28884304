package models

import (
	"context"
	"fmt"
	"strings"
	"time"

	"gorm.io/gorm"
)

// UsersPerPage is how many accounts the admin users page shows at a time.
const UsersPerPage = 50

// UserPage is one page of an admin search over accounts.
type UserPage struct {
	Users   []User
	Total   int64
	Page    int // from 1
	PerPage int
}

// Pages is how many pages the search has (at least one).
func (p UserPage) Pages() int { return max(1, int((p.Total+int64(p.PerPage)-1)/int64(p.PerPage))) }

// SearchUsers returns page (from 1) of the accounts whose name or email contains
// query, ignoring case, ordered by email.
func SearchUsers(ctx context.Context, db *gorm.DB, query string, page int) (UserPage, error) {
	out := UserPage{Page: max(page, 1), PerPage: UsersPerPage}
	q := db.WithContext(ctx).Model(&User{})
	if query = strings.ToLower(strings.TrimSpace(query)); query != "" {
		like := "%" + strings.NewReplacer(`\`, `\\`, "%", `\%`, "_", `\_`).Replace(query) + "%"
		q = q.Where(`LOWER(name) LIKE ? ESCAPE '\' OR email LIKE ? ESCAPE '\'`, like, like)
	}
	if err := q.Count(&out.Total).Error; err != nil {
		return out, fmt.Errorf("count users matching %q: %w", query, err)
	}
	err := q.Order("email").Offset((out.Page - 1) * out.PerPage).Limit(out.PerPage).Find(&out.Users).Error
	if err != nil {
		return out, fmt.Errorf("search users %q: %w", query, err)
	}
	return out, nil
}

// SetUserDisabled disables (ending every session) or re-enables an account, with an
// audit entry, in one transaction.
func SetUserDisabled(ctx context.Context, db *gorm.DB, actor AuditActor, userID int64, disabled bool, now time.Time) (User, error) {
	var u User
	err := db.WithContext(ctx).Transaction(func(tx *gorm.DB) error {
		if err := tx.Take(&u, userID).Error; err != nil {
			return notFound(err, fmt.Sprintf("load user %d", userID))
		}
		action, at := "user.enabled", (*time.Time)(nil)
		if disabled {
			action, at = "user.disabled", &now
			if err := revokeUserSessions(tx, userID, now); err != nil {
				return err
			}
		}
		u.DisabledAt = at
		if err := tx.Model(&User{}).Where("id = ?", userID).Updates(map[string]any{"disabled_at": at, "updated_at": now}).Error; err != nil {
			return fmt.Errorf("set user %d disabled=%v: %w", userID, disabled, err)
		}
		return WriteAudit(tx, actor, action, fmt.Sprintf("user:%d", userID), "")
	})
	return u, err
}
