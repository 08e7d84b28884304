package main

import (
	"context"
	"strings"
	"testing"
	"time"

	"gorm.io/gorm"

	"hitpath/app/testdb"
	"hitpath/models"
)

func TestImportCEUFile(t *testing.T) {
	testdb.Each(t, func(t *testing.T, db *gorm.DB) {
		ctx := context.Background()
		now := time.Date(2026, 1, 1, 9, 0, 0, 0, time.UTC)
		u := models.User{Email: "ana@example.com", Name: "Ana", PasswordHash: "x", CreatedAt: now, UpdatedAt: now}
		if err := models.CreateUser(ctx, db, &u); err != nil {
			t.Fatal(err)
		}
		held := models.HeldCredential{UserID: u.ID, CredentialCode: "RHIT", EarnedOn: models.DateOf(2024, 3, 15)}
		if err := models.SaveHeldCredential(ctx, db, &held, now); err != nil {
			t.Fatal(err)
		}
		header := strings.Join(models.CEUCSVHeader, ",") + "\n"
		var bar strings.Builder
		_, err := importCEUFile(ctx, db, strings.NewReader(header+"2025-01-01,A,AHIMA,ahima,,1,yes,no,online,\n2027-01-01,B,AHIMA,ahima,,1,yes,no,online,\n"), "ana@example.com", now, time.UTC, &bar)
		if err == nil || !strings.Contains(bar.String(), "line 3: date: The activity date can't be in the future.") {
			t.Fatalf("got err %v and output %q, want line 3 refused", err, bar.String())
		}
		var n int64
		db.Model(&models.CEUEntry{}).Count(&n)
		if n != 0 {
			t.Fatalf("got %d entries after a refused import, want 0", n)
		}
		bar.Reset()
		got, err := importCEUFile(ctx, db, strings.NewReader(header+"2025-01-01,A,AHIMA,ahima,,1,yes,no,online,\n"), "ANA@example.com", now, time.UTC, &bar)
		if err != nil || got != 1 || !strings.Contains(bar.String(), "] 1/1") {
			t.Fatalf("got %d, %v, bar %q; want 1 imported with a full bar", got, err, bar.String())
		}
		if _, err := importCEUFile(ctx, db, strings.NewReader(header), "nobody@example.com", now, time.UTC, &bar); err == nil {
			t.Fatal("got no error for an unknown user")
		}
	})
}
