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
		held.SetCurrent(true, models.DateOf(2024, 3, 15))
		if err := models.SaveHeldCredential(ctx, db, &held, now); err != nil {
			t.Fatal(err)
		}
		header := strings.Join(models.CEUCSVHeader, ",") + "\n"
		opts := models.CEUImportOptions{Today: now, Now: now}
		var bar strings.Builder
		_, err := importCEUFile(ctx, db, strings.NewReader(header+",2025-01-01,A,AHIMA,ahima,,1,yes,no,online,\n,2027-01-01,B,AHIMA,ahima,,1,yes,no,online,\n"), "ana@example.com", opts, time.UTC, &bar)
		if err == nil || !strings.Contains(bar.String(), "line 3: date: The activity date can't be in the future.") {
			t.Fatalf("got err %v and output %q, want line 3 refused", err, bar.String())
		}
		var n int64
		db.Model(&models.CEUEntry{}).Count(&n)
		if n != 0 {
			t.Fatalf("got %d entries after a refused import, want 0", n)
		}
		bar.Reset()
		got, err := importCEUFile(ctx, db, strings.NewReader(header+",2025-01-01,A,AHIMA,ahima,,1,yes,no,online,\n"), "ANA@example.com", opts, time.UTC, &bar)
		if err != nil || got != "Imported 1 activities for ana@example.com." || !strings.Contains(bar.String(), "] 1/1") {
			t.Fatalf("got %q, %v, bar %q; want 1 imported with a full bar", got, err, bar.String())
		}
		if _, err := importCEUFile(ctx, db, strings.NewReader(header), "nobody@example.com", opts, time.UTC, &bar); err == nil {
			t.Fatal("got no error for an unknown user")
		}
	})
}

func TestImportCEUFileSkipsWhatIsAlreadyInTheLog(t *testing.T) {
	testdb.Each(t, func(t *testing.T, db *gorm.DB) {
		ctx := context.Background()
		now := time.Date(2031, 6, 15, 10, 0, 0, 0, time.UTC)
		u := models.User{Email: "ana@example.com", Name: "Ana", PasswordHash: "x", CreatedAt: now, UpdatedAt: now}
		if err := models.CreateUser(ctx, db, &u); err != nil {
			t.Fatal(err)
		}
		held := models.HeldCredential{UserID: u.ID, CredentialCode: "RHIT", EarnedOn: models.DateOf(2030, 3, 15)}
		held.SetCurrent(true, models.DateOf(2030, 3, 15))
		if err := models.SaveHeldCredential(ctx, db, &held, now); err != nil {
			t.Fatal(err)
		}
		file := strings.Join(models.CEUCSVHeaderWithoutID, ",") + "\n2031-01-01,A,AHIMA,ahima,,1,yes,no,online,\n2031-01-02,B,AHIMA,ahima,90,,yes,no,online,\n"
		opts := models.CEUImportOptions{Today: now, Now: now}
		var bar strings.Builder
		if _, err := importCEUFile(ctx, db, strings.NewReader(file), u.Email, opts, time.UTC, &bar); err != nil {
			t.Fatal(err)
		}
		entries, _ := models.ListCEUEntries(ctx, db, u.ID, models.CEUFilter{})
		var exported strings.Builder
		if err := models.WriteCEUCSV(&exported, entries); err != nil {
			t.Fatal(err)
		}
		tests := []struct {
			name string
			file string
			opts models.CEUImportOptions
			want string
			rows int
		}{
			{"same file again", file, opts, "Imported 0 activities for ana@example.com. 2 already in your log — skipped.", 2},
			{"own export", exported.String(), opts, "Imported 0 activities for ana@example.com. 2 already in your log — skipped.", 2},
			{"preview", file, models.CEUImportOptions{Today: now, Now: now, Preview: true}, "0 new activities for ana@example.com; nothing saved (preview). 2 already in your log — skipped.", 2},
			{"asked for duplicates", file, models.CEUImportOptions{Today: now, Now: now, IncludeDuplicates: true}, "Imported 2 activities for ana@example.com. 2 already in your log — imported again as asked.", 4},
		}
		for _, tt := range tests {
			got, err := importCEUFile(ctx, db, strings.NewReader(tt.file), u.Email, tt.opts, time.UTC, &bar)
			var n int64
			db.Model(&models.CEUEntry{}).Count(&n)
			if err != nil || got != tt.want || n != int64(tt.rows) {
				t.Fatalf("%s: got %q, %v and %d rows; want %q and %d rows", tt.name, got, err, n, tt.want, tt.rows)
			}
		}
	})
}
