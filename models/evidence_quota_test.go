package models_test

import (
	"errors"
	"testing"

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
