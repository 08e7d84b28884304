package app_test

import (
	"context"
	"testing"
	"time"

	"gorm.io/gorm"

	"hitpath/app"
	"hitpath/app/testdb"
	"hitpath/models"
)

// TestMigration00052MakesPassedCredentialsCurrent rolls back to before 00052, stores
// credentials as recording a pass used to (no current_as_of) beside ones the holder
// cleared, and migrates again: only a credential matching its holder's recorded pass
// (same code, same day) becomes current from its pass date.
func TestMigration00052MakesPassedCredentialsCurrent(t *testing.T) {
	testdb.Each(t, func(t *testing.T, db *gorm.DB) {
		ctx := context.Background()
		migrateBelow(t, db, 52)
		at := time.Date(2031, 6, 15, 10, 0, 0, 0, time.UTC)
		create := func(row any) {
			t.Helper()
			if err := db.Create(row).Error; err != nil {
				t.Fatal(err)
			}
		}
		for _, id := range []int64{7, 8} {
			if err := db.Exec("INSERT INTO users (id, email, password_hash, name, role, created_at, updated_at) VALUES (?, ?, 'x', 'H', 'learner', ?, ?)",
				id, "h"+string(rune('0'+id))+"@example.com", at, at).Error; err != nil {
				t.Fatal(err)
			}
		}
		passed, other := models.DateOf(2030, 3, 15), models.DateOf(2030, 4, 1)
		create(&models.Pathway{UserID: 7, TargetCode: "RHIT", Education: "associate_or_60_credits", Accreditation: "yes", ODSProgram: "none", ExamResult: "passed", PassedOn: &passed, CreatedAt: at, UpdatedAt: at})
		create(&models.Pathway{UserID: 8, TargetCode: "CCA", Education: "associate_or_60_credits", Accreditation: "yes", ODSProgram: "none", ExamResult: "passed", PassedOn: &passed, CreatedAt: at, UpdatedAt: at})
		create(&models.HeldCredential{UserID: 7, CredentialCode: "RHIT", EarnedOn: passed, CreatedAt: at, UpdatedAt: at}) // made by the pass
		create(&models.HeldCredential{UserID: 7, CredentialCode: "CCS", EarnedOn: passed, CreatedAt: at, UpdatedAt: at})  // cleared by hand
		create(&models.HeldCredential{UserID: 8, CredentialCode: "CCA", EarnedOn: other, CreatedAt: at, UpdatedAt: at})   // another day
		if err := app.Migrate(ctx, db); err != nil {
			t.Fatal(err)
		}
		var held []models.HeldCredential
		if err := db.Order("user_id, credential_code").Find(&held).Error; err != nil {
			t.Fatal(err)
		}
		got := map[string]string{}
		for _, h := range held {
			got[h.CredentialCode] = "nil"
			if h.CurrentAsOf != nil {
				got[h.CredentialCode] = h.CurrentAsOf.Format(time.DateOnly)
			}
		}
		want := map[string]string{"RHIT": "2030-03-15", "CCS": "nil", "CCA": "nil"}
		for code, w := range want {
			if got[code] != w {
				t.Errorf("%s: got current as of %s, want %s", code, got[code], w)
			}
		}
	})
}

// migrateBelow rolls migrations back until the newest applied is below version.
func migrateBelow(t *testing.T, db *gorm.DB, version int64) {
	t.Helper()
	ctx := context.Background()
	for {
		statuses, err := app.MigrationStatus(ctx, db)
		if err != nil {
			t.Fatal(err)
		}
		applied := int64(0)
		for _, s := range statuses {
			if s.State == "applied" && s.Source.Version > applied {
				applied = s.Source.Version
			}
		}
		if applied < version {
			return
		}
		if err := app.MigrateDownOne(ctx, db); err != nil {
			t.Fatal(err)
		}
	}
}
