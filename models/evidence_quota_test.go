package models_test

import (
	"context"
	"errors"
	"sync"
	"testing"
	"time"

	"gorm.io/gorm"

	"hitpath/app/testdb"
	"hitpath/models"
)

func TestCheckEvidenceQuota(t *testing.T) {
	tests := []struct {
		name              string
		used, size, quota int64
		fits              bool
	}{
		{"empty account", 0, 10 << 20, 1 << 30, true},
		{"exactly full", 1<<30 - 100, 100, 1 << 30, true},
		{"one byte over", 1<<30 - 100, 101, 1 << 30, false},
		{"already over (quota lowered)", 2 << 30, 1, 1 << 30, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := models.CheckEvidenceQuota(tt.used, tt.size, tt.quota)
			var quotaErr *models.EvidenceQuotaError
			if fits := err == nil; fits != tt.fits || (err != nil && !errors.As(err, &quotaErr)) {
				t.Fatalf("got %v, want fits=%v", err, tt.fits)
			}
		})
	}
}

func TestFormatStorage(t *testing.T) {
	tests := []struct {
		bytes int64
		want  string
	}{
		{0, "0 KB"}, {1, "1 KB"}, {1024, "1 KB"}, {1025, "2 KB"},
		{5 << 20, "5.0 MB"}, {1<<30 + 1<<29, "1.5 GB"},
	}
	for _, tt := range tests {
		if got := models.FormatStorage(tt.bytes); got != tt.want {
			t.Errorf("FormatStorage(%d): got %q, want %q", tt.bytes, got, tt.want)
		}
	}
	if got := (models.EvidenceStorage{UsedBytes: 3 << 20, QuotaBytes: 1 << 30}).Label(); got != "3.0 MB of 1.0 GB" {
		t.Errorf("got %q, want 3.0 MB of 1.0 GB", got)
	}
}

// Two uploads at the same moment that each fit but not together: one is saved, the
// other is refused with the quota error, on either database.
func TestEvidenceQuotaHoldsUnderConcurrentUploads(t *testing.T) {
	testdb.Each(t, func(t *testing.T, db *gorm.DB) {
		ana := newHolder(t, db, "ana@example.com", "RHIT", models.DateOf(2024, time.March, 15))
		entry := addEntry(t, db, ana.ID, models.DateOf(2025, 5, 1), 100, true)
		const quota, size = 5000, 3000
		// Each upload pauses after reading the usage, so without a lock they would all
		// read 0 bytes used and all be saved.
		slow := func(tx *gorm.DB) {
			if tx.Statement.Table == "evidence_files" {
				time.Sleep(100 * time.Millisecond)
			}
		}
		if err := db.Callback().Row().After("gorm:row").Register("test:slow_usage", slow); err != nil {
			t.Fatal(err)
		}
		errs := make([]error, 6)
		var wg sync.WaitGroup
		for i := range errs {
			wg.Add(1)
			go func() {
				defer wg.Done()
				file, problem := models.NewEvidenceFile("scan.pdf", append([]byte("%PDF-1.4\n"), make([]byte, size-9)...))
				if problem != "" {
					t.Error(problem)
					return
				}
				errs[i] = models.AddEvidence(context.Background(), db, ana.ID, entry.ID, &file, quota, time.Now())
			}()
		}
		wg.Wait()
		saved := 0
		for _, err := range errs {
			var quotaErr *models.EvidenceQuotaError
			switch {
			case err == nil:
				saved++
			case !errors.As(err, &quotaErr):
				t.Errorf("got %v, want saved or refused by the quota", err)
			}
		}
		used, err := models.EvidenceUsage(context.Background(), db, ana.ID)
		if saved != 1 || used != size || err != nil {
			t.Fatalf("got %d saved and %d bytes used (%v), want 1 and %d", saved, used, err, size)
		}
	})
}
