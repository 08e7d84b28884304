package models_test

import (
	"context"
	"errors"
	"regexp"
	"testing"
	"time"

	"gorm.io/gorm"

	"hitpath/app/testdb"
	"hitpath/models"
)

var tokenInBody = regexp.MustCompile(`token=([A-Za-z0-9_-]+)`)

// lastToken returns the token of the newest email to address.
func lastToken(t *testing.T, db *gorm.DB, to string) string {
	t.Helper()
	var e models.OutboxEmail
	if err := db.Where("to_address = ?", to).Order("id DESC").Take(&e).Error; err != nil {
		t.Fatalf("no email to %s: %v", to, err)
	}
	m := tokenInBody.FindStringSubmatch(e.Body)
	if m == nil {
		t.Fatalf("no link in %q", e.Body)
	}
	return m[1]
}

func countEmails(t *testing.T, db *gorm.DB) int64 {
	t.Helper()
	var n int64
	db.Model(&models.OutboxEmail{}).Count(&n)
	return n
}

func TestPasswordResetLinkLifecycle(t *testing.T) {
	testdb.Each(t, func(t *testing.T, db *gorm.DB) {
		ctx := context.Background()
		now := time.Date(2031, 6, 15, 10, 0, 0, 0, time.UTC)
		u := models.User{Email: "ana@example.com", Name: "Ana", PasswordHash: "old", CreatedAt: now, UpdatedAt: now}
		if err := models.CreateUser(ctx, db, &u); err != nil {
			t.Fatal(err)
		}
		session := models.Session{ID: "s1", UserID: u.ID, CreatedAt: now, ExpiresAt: now.Add(time.Hour)}
		if err := models.CreateSession(ctx, db, &session); err != nil {
			t.Fatal(err)
		}
		actor := models.AuditActor{IP: "192.0.2.9"}
		if err := models.RequestPasswordReset(ctx, db, actor, "nobody@example.com", "http://x", now); err != nil || countEmails(t, db) != 0 {
			t.Fatalf("an unknown address queued an email or failed: %v", err)
		}
		if err := models.RequestPasswordReset(ctx, db, actor, " ANA@example.com ", "http://x", now); err != nil {
			t.Fatal(err)
		}
		first := lastToken(t, db, u.Email)
		if err := models.RequestPasswordReset(ctx, db, actor, "ana@example.com", "http://x", now); err != nil {
			t.Fatal(err)
		}
		second := lastToken(t, db, u.Email)

		if _, err := models.ResetPassword(ctx, db, actor, first, "new", "http://x", now.Add(time.Hour)); !errors.Is(err, models.ErrLinkExpired) {
			t.Fatalf("got %v after an hour, want ErrLinkExpired", err)
		}
		if _, err := models.ResetPassword(ctx, db, actor, "bogus", "new", "http://x", now); !errors.Is(err, models.ErrNotFound) {
			t.Fatalf("got %v for an unknown token, want ErrNotFound", err)
		}
		if _, err := models.ResetPassword(ctx, db, actor, second, "new", "http://x", now.Add(59*time.Minute)); err != nil {
			t.Fatal(err)
		}
		got, _ := models.UserByID(ctx, db, u.ID)
		if got.PasswordHash != "new" || !got.EmailVerified() {
			t.Fatalf("got hash %q verified %v, want the new hash and a confirmed address", got.PasswordHash, got.EmailVerified())
		}
		if _, err := models.SessionUser(ctx, db, "s1", u.ID, now); !errors.Is(err, models.ErrSessionRevoked) {
			t.Fatalf("got %v, want the old session revoked", err)
		}
		if _, err := models.ResetPassword(ctx, db, actor, second, "again", "http://x", now.Add(time.Minute)); !errors.Is(err, models.ErrLinkUsed) {
			t.Fatalf("got %v reusing the link, want ErrLinkUsed", err)
		}
		var notice models.OutboxEmail
		db.Where("to_address = ?", u.Email).Order("id DESC").Take(&notice)
		if notice.Subject != "Your hitpath password was changed" || countEmails(t, db) != 3 {
			t.Fatalf("got last email %q and %d emails, want the change notice as the third", notice.Subject, countEmails(t, db))
		}
		var stored int64
		db.Model(&models.AccountToken{}).Where("token_hash = ?", second).Count(&stored)
		if stored != 0 {
			t.Fatal("the raw token is stored; want only its hash")
		}
	})
}
