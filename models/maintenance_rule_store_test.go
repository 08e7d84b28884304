package models_test

import (
	"context"
	"reflect"
	"testing"

	"gorm.io/gorm"

	"hitpath/app/testdb"
	"hitpath/models"
)

// TestSeededMaintenanceRulesEqualDefaults proves the migration's seed rows are the
// rules the pure code was tested with.
func TestSeededMaintenanceRulesEqualDefaults(t *testing.T) {
	testdb.Each(t, func(t *testing.T, db *gorm.DB) {
		got, err := models.LoadMaintenanceRules(context.Background(), db)
		if err != nil {
			t.Fatal(err)
		}
		want := models.DefaultMaintenanceRules()
		if len(got) != len(want) {
			t.Fatalf("got %d rules, want %d", len(got), len(want))
		}
		for i := range want {
			if !reflect.DeepEqual(got[i], want[i]) {
				t.Errorf("rule %d: got %+v, want %+v", i, got[i], want[i])
			}
		}
	})
}
