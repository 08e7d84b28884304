package models_test

import (
	"context"
	"errors"
	"strings"
	"testing"
	"time"

	"gorm.io/gorm"

	"hitpath/app/testdb"
	"hitpath/models"
)

func newHolder(t *testing.T, db *gorm.DB, email, code string, earned time.Time) models.User {
	t.Helper()
	ctx := context.Background()
	verified := time.Now()
	u := models.User{Email: email, Name: strings.Split(email, "@")[0], PasswordHash: "x", CreatedAt: time.Now(), UpdatedAt: time.Now(),
		EmailVerifiedAt: &verified}
	if err := models.CreateUser(ctx, db, &u); err != nil {
		t.Fatal(err)
	}
	h := models.HeldCredential{UserID: u.ID, CredentialCode: code, EarnedOn: earned}
	if err := models.SaveHeldCredential(ctx, db, &h, time.Now()); err != nil {
		t.Fatal(err)
	}
	return u
}

func addEntry(t *testing.T, db *gorm.DB, userID int64, day time.Time, ceus int, hiim bool) models.CEUEntry {
	t.Helper()
	e := models.CEUEntry{UserID: userID, ActivityDate: day, Title: "T", Provider: "AHIMA", ProviderKind: "ahima",
		CEUs: ceus, InHIIMDomain: hiim, Delivery: "online"}
	if err := models.SaveCEUEntry(context.Background(), db, &e, time.Now()); err != nil {
		t.Fatal(err)
	}
	return e
}

func TestHolderQueriesAreScopedByUser(t *testing.T) {
	testdb.Each(t, func(t *testing.T, db *gorm.DB) {
		ctx := context.Background()
		earned := models.DateOf(2024, time.March, 15)
		ana := newHolder(t, db, "ana@example.com", "RHIT", earned)
		bob := newHolder(t, db, "bob@example.com", "CCA", earned)
		anaEntry := addEntry(t, db, ana.ID, models.DateOf(2025, 5, 1), 1200, true)
		addEntry(t, db, bob.ID, models.DateOf(2025, 5, 2), 300, false)
		if _, err := models.CEUEntryForUser(ctx, db, bob.ID, anaEntry.ID); !errors.Is(err, models.ErrNotFound) {
			t.Fatalf("got %v, want ErrNotFound for another learner's entry", err)
		}
		if err := models.DeleteCEUEntry(ctx, db, bob.ID, anaEntry.ID); !errors.Is(err, models.ErrNotFound) {
			t.Fatalf("got %v, want ErrNotFound deleting another learner's entry", err)
		}
		file, problem := models.NewEvidenceFile("c.pdf", []byte("%PDF-1.4 test"))
		if problem != "" {
			t.Fatal(problem)
		}
		if err := models.AddEvidence(ctx, db, bob.ID, anaEntry.ID, &file, models.DefaultEvidenceQuota, time.Now()); !errors.Is(err, models.ErrNotFound) {
			t.Fatalf("got %v, want ErrNotFound attaching to another learner's entry", err)
		}
		holder, err := models.LoadHolder(ctx, db, ana.ID, models.DateOf(2026, 1, 1))
		if err != nil {
			t.Fatal(err)
		}
		p, ok := holder.DefaultCycle()
		if !ok || len(holder.Entries) != 1 || p.Earned != 1200 || p.Remaining != 800 || p.DaysLeft != 72 || p.Status != models.StatusBehind {
			t.Fatalf("got %+v, want the worked example: 12 earned, 8 remaining, 72 days left, behind", p)
		}
		hiim, err := models.ListCEUEntries(ctx, db, bob.ID, models.CEUFilter{Category: models.CategoryHIIM})
		if err != nil || len(hiim) != 0 {
			t.Fatalf("got %d HIIM entries for bob, want 0", len(hiim))
		}
	})
}

func TestQueueRemindersOncePerThreshold(t *testing.T) {
	testdb.Each(t, func(t *testing.T, db *gorm.DB) {
		ctx := context.Background()
		earned := models.DateOf(2024, time.March, 15) // cycle ends 2026-03-14
		ana := newHolder(t, db, "ana@example.com", "RHIT", earned)
		done := newHolder(t, db, "done@example.com", "RHIT", earned)
		addEntry(t, db, done.ID, models.DateOf(2025, 1, 10), 2000, true)
		steps := []struct {
			today string
			want  int
		}{
			{"2025-09-14", 0}, // 181 days left
			{"2025-09-15", 1}, // 180
			{"2025-09-16", 0}, // already sent
			{"2025-12-14", 1}, // 90
			{"2025-12-14", 0}, // a second run the same day
			{"2026-03-10", 1}, // 4 days left: the 7-day reminder (30 was missed)
			{"2026-03-14", 0},
		}
		for _, step := range steps {
			today, _ := time.Parse(time.DateOnly, step.today)
			now := today.Add(14 * time.Hour) // 08:00 or 09:00 in Chicago
			got, err := models.QueueReminders(ctx, db, now, chicago(t), "http://localhost:3000")
			if err != nil {
				t.Fatal(err)
			}
			if got != step.want {
				t.Fatalf("on %s: got %d reminders queued, want %d", step.today, got, step.want)
			}
		}
		var emails []models.OutboxEmail
		db.Order("id").Find(&emails)
		if len(emails) != 3 {
			t.Fatalf("got %d emails, want 3", len(emails))
		}
		for _, e := range emails {
			if e.To != ana.Email || !strings.Contains(e.Body, "You need 20 more CEUs") || !strings.Contains(e.Body, "/ceus") {
				t.Errorf("got email to %s: %q", e.To, e.Body)
			}
		}
		if !strings.HasPrefix(emails[0].Subject, "180 days left") || !strings.HasPrefix(emails[2].Subject, "4 days left") {
			t.Errorf("got subjects %q, %q", emails[0].Subject, emails[2].Subject)
		}
	})
}

func chicago(t *testing.T) *time.Location {
	t.Helper()
	loc, msg := models.ParseTimeZone("America/Chicago")
	if loc == nil {
		t.Fatal(msg)
	}
	return loc
}

// Reminders wait for 08:00 in each holder's zone and go only to confirmed addresses.
func TestQueueRemindersAtLocalMorningToVerifiedOnly(t *testing.T) {
	testdb.Each(t, func(t *testing.T, db *gorm.DB) {
		ctx := context.Background()
		earned := models.DateOf(2024, time.March, 15) // 180 days left on 2025-09-15
		kiwi := newHolder(t, db, "kiwi@example.com", "RHIT", earned)
		db.Model(&models.User{}).Where("id = ?", kiwi.ID).Update("time_zone", "Pacific/Auckland")
		newHolder(t, db, "chi@example.com", "RHIT", earned) // default zone, Chicago
		unverified := newHolder(t, db, "new@example.com", "RHIT", earned)
		db.Model(&models.User{}).Where("id = ?", unverified.ID).Update("email_verified_at", nil)
		runs := []struct {
			now  time.Time
			want []string
		}{
			{time.Date(2025, 9, 14, 19, 0, 0, 0, time.UTC), nil},                          // 07:00 15 Sep in Auckland
			{time.Date(2025, 9, 14, 20, 0, 0, 0, time.UTC), []string{"kiwi@example.com"}}, // 08:00 in Auckland
			{time.Date(2025, 9, 15, 12, 59, 0, 0, time.UTC), nil},                         // 07:59 in Chicago
			{time.Date(2025, 9, 15, 13, 0, 0, 0, time.UTC), []string{"chi@example.com"}},  // 08:00 in Chicago
			{time.Date(2025, 9, 16, 13, 0, 0, 0, time.UTC), nil},
		}
		for _, run := range runs {
			before := map[int64]bool{}
			var old []models.OutboxEmail
			db.Find(&old)
			for _, e := range old {
				before[e.ID] = true
			}
			if _, err := models.QueueReminders(ctx, db, run.now, chicago(t), "http://x"); err != nil {
				t.Fatal(err)
			}
			var all []models.OutboxEmail
			db.Order("id").Find(&all)
			var got []string
			for _, e := range all {
				if !before[e.ID] {
					got = append(got, e.To)
				}
			}
			if strings.Join(got, ",") != strings.Join(run.want, ",") {
				t.Fatalf("at %v: got reminders to %v, want %v", run.now, got, run.want)
			}
		}
		// Every holder has the reminder in their notices, once, the unconfirmed one too.
		for _, holder := range []models.User{kiwi, unverified} {
			var notices []models.Notice
			db.Where("user_id = ?", holder.ID).Find(&notices)
			if len(notices) != 1 || notices[0].Kind != models.NoticeCEUReminder || !strings.HasPrefix(notices[0].Title, "180 days left") ||
				!strings.Contains(notices[0].Body, "You need 20 more CEUs") || notices[0].Link != "/ceus" {
				t.Fatalf("got notices %+v for %s, want one 180-day reminder", notices, holder.Email)
			}
		}
	})
}
