package models

import (
	"context"
	"errors"
	"fmt"
	"time"

	"gorm.io/gorm"
)

// InviteTTL is how long an instructor invitation stays valid.
const InviteTTL = 7 * 24 * time.Hour

// Invite is an admin's emailed invitation to create an instructor account.
type Invite struct {
	ID        int64      `gorm:"column:id;primaryKey"`
	Email     string     `gorm:"column:email"`
	Role      string     `gorm:"column:role"`
	TokenHash string     `gorm:"column:token_hash"`
	InvitedBy *int64     `gorm:"column:invited_by"`
	CreatedAt time.Time  `gorm:"column:created_at"`
	ExpiresAt time.Time  `gorm:"column:expires_at"`
	UsedAt    *time.Time `gorm:"column:used_at"`
}

// TableName maps Invite to invites.
func (Invite) TableName() string { return "invites" }

// InviteInstructor emails email a link that creates an instructor account, in one
// transaction with the invitation. An address that has an account is
// ErrDuplicateEmail: make that account an instructor instead.
func InviteInstructor(ctx context.Context, db *gorm.DB, actor AuditActor, email, baseURL string, now time.Time) error {
	email = NormalizeEmail(email)
	if _, err := UserByEmail(ctx, db, email); err == nil {
		return ErrDuplicateEmail
	} else if !errors.Is(err, ErrNotFound) {
		return err
	}
	return db.WithContext(ctx).Transaction(func(tx *gorm.DB) error {
		token, err := newSecretToken()
		if err != nil {
			return err
		}
		inv := Invite{Email: email, Role: RoleInstructor, TokenHash: hashSecretToken(token), CreatedAt: now, ExpiresAt: now.Add(InviteTTL)}
		if actor.UserID != 0 {
			inv.InvitedBy = &actor.UserID
		}
		if err := tx.Create(&inv).Error; err != nil {
			return fmt.Errorf("save invite for %s: %w", email, err)
		}
		body := fmt.Sprintf("Hello,\n\nYou are invited to teach on hitpath, where your students plan their pathway to "+
			"the RHIT, CCA or ODS exam and you follow the ones who agree to share.\n\nCreate your instructor account "+
			"here within 7 days:\n\n%s\n\nThe link works once. If you did not expect this, ignore this email.\n",
			linkTo(baseURL, "/invite", token))
		if _, err := EnqueueEmail(tx, email, "You are invited to teach on hitpath", body, "", now); err != nil {
			return err
		}
		return WriteAudit(tx, actor, "instructor.invited", fmt.Sprintf("invite:%d", inv.ID), "")
	})
}

// CheckInvite finds the usable invitation for token: ErrNotFound, ErrLinkUsed or
// ErrLinkExpired otherwise.
func CheckInvite(ctx context.Context, db *gorm.DB, token string, now time.Time) (Invite, error) {
	var inv Invite
	if token == "" || len(token) > 100 {
		return inv, ErrNotFound
	}
	if err := db.WithContext(ctx).Where("token_hash = ?", hashSecretToken(token)).Take(&inv).Error; err != nil {
		return inv, notFound(err, "load invite")
	}
	link := AccountToken{UsedAt: inv.UsedAt, ExpiresAt: inv.ExpiresAt}
	return inv, link.usable(now)
}

// AcceptInvite creates the invited account (u carries name, password hash and time
// zone) with the invitation's role and a confirmed address, using the invitation up,
// in one transaction.
func AcceptInvite(ctx context.Context, db *gorm.DB, token string, u *User, now time.Time) error {
	return db.WithContext(ctx).Transaction(func(tx *gorm.DB) error {
		inv, err := CheckInvite(ctx, tx, token, now)
		if err != nil {
			return err
		}
		res := tx.Model(&Invite{}).Where("id = ? AND used_at IS NULL", inv.ID).Update("used_at", now)
		if res.Error != nil {
			return fmt.Errorf("use invite %d: %w", inv.ID, res.Error)
		}
		if res.RowsAffected != 1 {
			return ErrLinkUsed
		}
		u.Email, u.Role, u.EmailVerifiedAt, u.CreatedAt, u.UpdatedAt = inv.Email, inv.Role, &now, now, now
		if err := CreateUser(ctx, tx, u); err != nil {
			return err
		}
		return WriteAudit(tx, AuditActor{UserID: u.ID}, "instructor.invite_accepted", fmt.Sprintf("user:%d", u.ID), "")
	})
}
