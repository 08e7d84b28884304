package main

import (
	"context"
	"strconv"
	"strings"
	"testing"
	"time"

	"gorm.io/gorm"

	"hitpath/app/testdb"
	"hitpath/models"
)

func TestResetTwoFactorByEmail(t *testing.T) {
	testdb.Each(t, func(t *testing.T, db *gorm.DB) {
		ctx := context.Background()
		now := time.Date(2031, 2, 3, 9, 0, 0, 0, time.UTC)
		u := models.User{Email: "ana@example.com", Name: "Ana", PasswordHash: "x", CreatedAt: now, UpdatedAt: now}
		if err := models.CreateUser(ctx, db, &u); err != nil {
			t.Fatal(err)
		}
		if err := db.Create(&models.TwoFactor{UserID: u.ID, SecretSealed: "sealed", ConfirmedAt: &now, CreatedAt: now, UpdatedAt: now}).Error; err != nil {
			t.Fatal(err)
		}
		got, err := resetTwoFactorByEmail(ctx, db, "ANA@example.com", "http://localhost:3000", time.UTC, now)
		if err != nil || !strings.Contains(got, "is reset") {
			t.Fatalf("got %q, %v; want the reset reported", got, err)
		}
		if on, _ := models.HasTwoFactor(ctx, db, u.ID); on {
			t.Fatal("two-factor sign-in is still on")
		}
		var audited int64
		db.Model(&models.AuditEntry{}).Where("action = ? AND target = ?", "user.two_factor_reset", "user:"+itoaID(u.ID)).Count(&audited)
		if audited != 1 {
			t.Fatalf("got %d audit entries, want 1", audited)
		}
		if got, err := resetTwoFactorByEmail(ctx, db, "ana@example.com", "http://localhost:3000", time.UTC, now); err != nil || !strings.Contains(got, "nothing changed") {
			t.Fatalf("got %q, %v; want nothing to reset", got, err)
		}
		if _, err := resetTwoFactorByEmail(ctx, db, "nobody@example.com", "", time.UTC, now); err == nil {
			t.Fatal("got no error for an unknown address")
		}
	})
}

func itoaID(id int64) string { return strconv.FormatInt(id, 10) }
