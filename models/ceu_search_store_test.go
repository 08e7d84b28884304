package models_test

import (
	"context"
	"testing"
	"time"

	"gorm.io/gorm"

	"hitpath/app/testdb"
	"hitpath/models"
)

func TestListCEUEntriesFindsWords(t *testing.T) {
	testdb.Each(t, func(t *testing.T, db *gorm.DB) {
		ctx := context.Background()
		ana := newHolder(t, db, "ana@example.com", "RHIT", models.DateOf(2024, time.March, 15))
		other := newHolder(t, db, "other@example.com", "RHIT", models.DateOf(2024, time.March, 15))
		for _, e := range []models.CEUEntry{
			{UserID: ana.ID, Title: "Coding Clinic Q3", Provider: "AHIMA", Notes: ""},
			{UserID: ana.ID, Title: "Privacy webinar", Provider: "State HIM association", Notes: "coding of releases"},
			{UserID: ana.ID, Title: "100% audit readiness", Provider: "Acme_Health", Notes: ""},
			{UserID: other.ID, Title: "Coding for others", Provider: "AHIMA", Notes: ""},
		} {
			e.ActivityDate, e.ProviderKind, e.CEUs, e.Delivery = models.DateOf(2025, 5, 1), "ahima", 100, "online"
			if err := models.SaveCEUEntry(ctx, db, &e, time.Now()); err != nil {
				t.Fatal(err)
			}
		}
		tests := []struct {
			name  string
			words []string
			want  int
		}{
			{"title or notes, any case", []string{"CODING"}, 2},
			{"provider", []string{"state"}, 1},
			{"every word must match", []string{"coding", "clinic"}, 1},
			{"percent is not a wildcard", []string{"100%"}, 1},
			{"underscore is not a wildcard", []string{"acme_"}, 1},
			{"a lone percent finds only itself", []string{"%"}, 1},
			{"nothing", []string{"radiology"}, 0},
			{"no words: everything", nil, 3},
		}
		for _, tt := range tests {
			got, err := models.ListCEUEntries(ctx, db, ana.ID, models.CEUFilter{Words: tt.words})
			if err != nil {
				t.Fatal(err)
			}
			if len(got) != tt.want {
				t.Errorf("%s: got %d entries, want %d", tt.name, len(got), tt.want)
			}
		}
	})
}
