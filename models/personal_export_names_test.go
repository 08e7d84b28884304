package models

import "testing"

// TestExportSectionNamesAreUnique guards the data export ZIP: two sections with one
// name make two entries with one file name, which unzip asks about.
func TestExportSectionNamesAreUnique(t *testing.T) {
	seen := map[string]bool{}
	for _, q := range exportQueries {
		if seen[q.name] {
			t.Errorf("the export has two %s sections", q.name)
		}
		seen[q.name] = true
	}
}
