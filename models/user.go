package models

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"time"

	"gorm.io/gorm"
	"gorm.io/gorm/clause"
)

// Roles a user can have. A learner may be a student, a credential holder or both.
const (
	RoleLearner    = "learner"
	RoleInstructor = "instructor"
	RoleAdmin      = "admin"
)

// Roles lists every valid role, in the order pages offer them.
var Roles = []string{RoleLearner, RoleInstructor, RoleAdmin}

// ValidRole reports whether role is one of Roles.
func ValidRole(role string) bool {
	for _, r := range Roles {
		if r == role {
			return true
		}
	}
	return false
}

// User is an account. Email is stored lower-cased so lookups are case-insensitive.
type User struct {
	ID           int64     `gorm:"column:id;primaryKey" json:"id"`
	Email        string    `gorm:"column:email" json:"email"`
	PasswordHash string    `gorm:"column:password_hash" json:"-"`
	Name         string    `gorm:"column:name" json:"name"`
	Role         string    `gorm:"column:role" json:"role"`
	CreatedAt    time.Time `gorm:"column:created_at" json:"created_at"`
	UpdatedAt    time.Time `gorm:"column:updated_at" json:"-"`
}

// TableName maps User to the users table.
func (User) TableName() string { return "users" }

// NormalizeEmail trims and lower-cases an address so one mailbox is one account.
func NormalizeEmail(email string) string {
	return strings.ToLower(strings.TrimSpace(email))
}

// CreateUser inserts u, returning ErrDuplicateEmail when the address is taken.
func CreateUser(ctx context.Context, db *gorm.DB, u *User) error {
	u.Email = NormalizeEmail(u.Email)
	if u.Role == "" {
		u.Role = RoleLearner
	}
	err := db.WithContext(ctx).Create(u).Error
	if isUniqueViolation(err) {
		return ErrDuplicateEmail
	}
	if err != nil {
		return fmt.Errorf("create user %s: %w", u.Email, err)
	}
	return nil
}

// UserByEmail loads the account for an address (any case).
func UserByEmail(ctx context.Context, db *gorm.DB, email string) (User, error) {
	var u User
	err := db.WithContext(ctx).Where("email = ?", NormalizeEmail(email)).Take(&u).Error
	return u, notFound(err, "load user by email")
}

// UserByID loads one account.
func UserByID(ctx context.Context, db *gorm.DB, id int64) (User, error) {
	var u User
	err := db.WithContext(ctx).Take(&u, id).Error
	return u, notFound(err, fmt.Sprintf("load user %d", id))
}

// ListUsers returns every account ordered by email, for the admin page.
func ListUsers(ctx context.Context, db *gorm.DB) ([]User, error) {
	var users []User
	if err := db.WithContext(ctx).Order("email").Find(&users).Error; err != nil {
		return nil, fmt.Errorf("list users: %w", err)
	}
	return users, nil
}

// SetUserRole changes a user's role and records who did it, in one transaction.
func SetUserRole(ctx context.Context, db *gorm.DB, actor AuditActor, userID int64, role string) (User, error) {
	var u User
	err := db.WithContext(ctx).Transaction(func(tx *gorm.DB) error {
		if err := tx.Take(&u, userID).Error; err != nil {
			return notFound(err, fmt.Sprintf("load user %d", userID))
		}
		from := u.Role
		if from == RoleAdmin && role != RoleAdmin {
			if err := EnsureAnotherAdmin(tx, userID); err != nil {
				return err
			}
		}
		u.Role = role
		u.UpdatedAt = tx.NowFunc().UTC()
		if err := tx.Model(&u).Select("role", "updated_at").Updates(&u).Error; err != nil {
			return fmt.Errorf("update role of user %d: %w", userID, err)
		}
		return WriteAudit(tx, actor, "user.role_changed", fmt.Sprintf("user:%d", userID), from+" -> "+role)
	})
	return u, err
}

// EnsureAnotherAdmin returns ErrLastAdmin unless an admin other than userID exists.
// Call it inside the transaction that demotes or deletes userID; on PostgreSQL the
// admin rows stay locked until it ends, so two admins demoting each other at once
// cannot both succeed (SQLite runs one writer at a time).
func EnsureAnotherAdmin(tx *gorm.DB, userID int64) error {
	q := tx.Model(&User{}).Where("role = ? AND id <> ?", RoleAdmin, userID)
	if tx.Dialector.Name() == "postgres" {
		q = q.Clauses(clause.Locking{Strength: "UPDATE"})
	}
	var others []int64
	if err := q.Pluck("id", &others).Error; err != nil {
		return fmt.Errorf("count other admins than user %d: %w", userID, err)
	}
	if len(others) == 0 {
		return ErrLastAdmin
	}
	return nil
}

// notFound turns GORM's not-found into ErrNotFound and wraps other errors with what
// was being done.
func notFound(err error, doing string) error {
	if err == nil {
		return nil
	}
	if errors.Is(err, gorm.ErrRecordNotFound) {
		return ErrNotFound
	}
	return fmt.Errorf("%s: %w", doing, err)
}

// isUniqueViolation recognises a unique-constraint failure on both dialects without
// importing the drivers' error types.
func isUniqueViolation(err error) bool {
	if err == nil {
		return false
	}
	msg := err.Error()
	return strings.Contains(msg, "UNIQUE constraint failed") || strings.Contains(msg, "SQLSTATE 23505") ||
		strings.Contains(msg, "duplicate key value")
}
