package models

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"time"

	"gorm.io/gorm"
)

// SignUp creates u, files its request to teach when teach is not nil, and queues
// the email that confirms its address, all in one transaction. The account is usable
// at once; reminders wait for the confirmation.
func SignUp(ctx context.Context, db *gorm.DB, u *User, teach *TeachingRequest, baseURL string, now time.Time) error {
	u.CreatedAt, u.UpdatedAt = now, now
	return db.WithContext(ctx).Transaction(func(tx *gorm.DB) error {
		if err := CreateUser(ctx, tx, u); err != nil {
			return err
		}
		if teach != nil {
			if _, err := fileInstructorRequest(tx, u.ID, *teach, now); err != nil {
				return err
			}
		}
		return queueVerification(tx, *u, u.Email, baseURL, now)
	})
}

// SendVerification emails a new confirmation link for u's current address.
func SendVerification(ctx context.Context, db *gorm.DB, u User, baseURL string, now time.Time) error {
	return db.WithContext(ctx).Transaction(func(tx *gorm.DB) error {
		return queueVerification(tx, u, u.Email, baseURL, now)
	})
}

func queueVerification(tx *gorm.DB, u User, address, baseURL string, now time.Time) error {
	token, err := issueAccountToken(tx, u.ID, PurposeVerifyEmail, address, now, VerifyEmailTTL)
	if err != nil {
		return err
	}
	subject, body := verificationEmail(u, address, linkTo(baseURL, "/verify-email", token))
	_, err = EnqueueEmail(tx, address, subject, body, "", now)
	return err
}

// RequestEmailChange sends a confirmation link to newEmail and a notice to the current
// address; the address changes only when the link is used. It returns
// ErrDuplicateEmail when another account has newEmail.
func RequestEmailChange(ctx context.Context, db *gorm.DB, actor AuditActor, u User, newEmail, baseURL string, now time.Time) error {
	newEmail = NormalizeEmail(newEmail)
	if _, err := UserByEmail(ctx, db, newEmail); err == nil {
		return ErrDuplicateEmail
	} else if !errors.Is(err, ErrNotFound) {
		return err
	}
	return db.WithContext(ctx).Transaction(func(tx *gorm.DB) error {
		if err := queueVerification(tx, u, newEmail, baseURL, now); err != nil {
			return err
		}
		subject, body := emailChangeNotice(u, newEmail, baseURL)
		if _, err := EnqueueEmail(tx, u.Email, subject, body, "", now); err != nil {
			return err
		}
		return WriteAudit(tx, actor, "user.email_change_requested", fmt.Sprintf("user:%d", u.ID), "")
	})
}

// ConfirmEmail uses a confirmation link: the address it was sent to becomes the
// account's confirmed address (a change of address takes effect here), and every
// other confirmation link of the account stops working. It returns the account.
func ConfirmEmail(ctx context.Context, db *gorm.DB, actor AuditActor, token string, now time.Time) (User, error) {
	var user User
	err := db.WithContext(ctx).Transaction(func(tx *gorm.DB) error {
		link, err := useAccountToken(tx, PurposeVerifyEmail, token, now)
		if err != nil {
			return err
		}
		if user, err = UserByID(ctx, tx, link.UserID); err != nil {
			return err
		}
		changed := link.Email != user.Email
		res := tx.Model(&User{}).Where("id = ?", user.ID).
			Updates(map[string]any{"email": link.Email, "email_verified_at": now, "updated_at": now})
		if isUniqueViolation(res.Error) {
			return ErrDuplicateEmail
		}
		if res.Error != nil {
			return fmt.Errorf("confirm email of user %d: %w", user.ID, res.Error)
		}
		user.Email, user.EmailVerifiedAt = link.Email, &now
		if err := retireAccountTokens(tx, user.ID, PurposeVerifyEmail, now); err != nil {
			return err
		}
		return auditConfirmation(tx, actor, user, changed)
	})
	return user, err
}

func auditConfirmation(tx *gorm.DB, actor AuditActor, u User, changed bool) error {
	action := "user.email_verified"
	if changed {
		action = "user.email_changed"
	}
	actor.UserID = u.ID
	return WriteAudit(tx, actor, action, fmt.Sprintf("user:%d", u.ID), "")
}

func verificationEmail(u User, address, link string) (subject, body string) {
	subject = "Confirm your email address for hitpath"
	body = fmt.Sprintf("Hello %s,\n\nPlease confirm that %s is your address, so that hitpath can send you CEU "+
		"reminders and messages from your instructors:\n\n%s\n\nThe link works once, for 3 days. If you did not "+
		"create a hitpath account or change its address, ignore this email.\n", u.Name, address, link)
	return subject, body
}

func emailChangeNotice(u User, newEmail, baseURL string) (subject, body string) {
	subject = "Your hitpath email address is being changed"
	body = fmt.Sprintf("Hello %s,\n\nSomeone signed in to your hitpath account asked to change its email address "+
		"to %s. The change happens only when that address confirms it.\n\nIf this was not you, reset your "+
		"password now at %s/forgot-password: that logs everyone out.\n", u.Name, newEmail, strings.TrimRight(baseURL, "/"))
	return subject, body
}
