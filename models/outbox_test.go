package models_test

import (
	"testing"
	"time"

	"gorm.io/gorm"

	"hitpath/app/testdb"
	"hitpath/models"
)

func TestEnqueueEmailDeduplicates(t *testing.T) {
	testdb.Each(t, func(t *testing.T, db *gorm.DB) {
		now := time.Now().UTC()
		added, err := models.EnqueueEmail(db, "a@example.com", "Hi", "Body", "reminder:1:90", now)
		if err != nil || !added {
			t.Fatalf("got added=%v err=%v, want the first email added", added, err)
		}
		added, err = models.EnqueueEmail(db, "a@example.com", "Hi", "Body", "reminder:1:90", now)
		if err != nil || added {
			t.Fatalf("got added=%v err=%v, want the duplicate skipped", added, err)
		}
		if _, err := models.EnqueueEmail(db, "a@example.com", "Other", "Body", "", now); err != nil {
			t.Fatal(err)
		}
		var n int64
		db.Table("outbox").Count(&n)
		if n != 2 {
			t.Fatalf("got %d outbox rows, want 2", n)
		}
	})
}
