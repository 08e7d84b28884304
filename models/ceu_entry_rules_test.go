package models

import (
	"strings"
	"testing"
)

// TestCEUEntryLengthsCountCharacters checks the text limits count characters, as
// the messages say, so accented or non-Latin text gets the same room as ASCII.
func TestCEUEntryLengthsCountCharacters(t *testing.T) {
	today, earliest := date("2026-01-01"), date("2024-01-01")
	base := CEUEntry{ActivityDate: date("2025-06-01"), Title: "A", Provider: "AHIMA", ProviderKind: "ahima", Delivery: "online", CEUs: 100}
	tests := []struct {
		name, field string
		set         func(e *CEUEntry, s string)
		limit       int
	}{
		{"title", "title", func(e *CEUEntry, s string) { e.Title = s }, 200},
		{"provider", "provider", func(e *CEUEntry, s string) { e.Provider = s }, 200},
		{"notes", "notes", func(e *CEUEntry, s string) { e.Notes = s }, 2000},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			e := base
			tt.set(&e, strings.Repeat("ễ", tt.limit))
			if problems := CEUEntryProblems(e, today, earliest); problems[tt.field] != "" {
				t.Errorf("got %q for %d three-byte characters, want accepted", problems[tt.field], tt.limit)
			}
			tt.set(&e, strings.Repeat("e", tt.limit+1))
			if problems := CEUEntryProblems(e, today, earliest); problems[tt.field] == "" {
				t.Errorf("got %d characters accepted, want refused", tt.limit+1)
			}
		})
	}
}
