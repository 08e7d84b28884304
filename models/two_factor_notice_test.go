package models_test

import (
	"context"
	"strings"
	"testing"
	"time"

	"gorm.io/gorm"

	"hitpath/app/testdb"
	"hitpath/models"
)

// TestTwoFactorNoticeGivesTheUsersTime checks the emailed notice of a two-factor
// change tells the time on the user's clock, naming their zone, rather than in UTC.
func TestTwoFactorNoticeGivesTheUsersTime(t *testing.T) {
	testdb.Each(t, func(t *testing.T, db *gorm.DB) {
		now := time.Date(2033, 5, 18, 12, 0, 0, 0, time.UTC)
		ana := newHolder(t, db, "ana@example.com", "RHIT", now.AddDate(-1, 0, 0))
		seed := `INSERT INTO two_factor (user_id, secret_sealed, confirmed_at, created_at, updated_at) VALUES (@ana, 'k', @now, @now, @now)`
		if err := db.Exec(seed, map[string]any{"ana": ana.ID, "now": now}).Error; err != nil {
			t.Fatal(err)
		}
		chicago, _ := models.ParseTimeZone("America/Chicago")
		had, err := models.ResetTwoFactor(context.Background(), db, models.AuditActor{}, ana, "http://localhost", chicago, now)
		if err != nil || !had {
			t.Fatalf("got %v (%v), want two-factor reset", had, err)
		}
		var body string
		db.Raw("SELECT body FROM outbox WHERE subject LIKE 'Two-factor sign-in%'").Scan(&body)
		if want := "at 18 May 2033 07:00 CDT (America/Chicago)"; !strings.Contains(body, want) || strings.Contains(body, "UTC") {
			t.Fatalf("got notice %q, want the time %q", body, want)
		}
	})
}
