package models

import (
	"slices"
	"testing"
)

func TestSearchSynonyms(t *testing.T) {
	tests := []struct {
		word     string
		includes []string
		alone    bool
	}{
		{"salary", []string{"wage", "pay"}, false},
		{"Wages", []string{"salary", "pay"}, false},
		{"jobs", []string{"employment"}, false},
		{"school", []string{"education", "program"}, false},
		{"programs", []string{"school"}, false},
		{"coder", nil, true},
		{"100%", nil, true},
	}
	for _, tt := range tests {
		got := SearchSynonyms(tt.word)
		if tt.alone && (len(got) != 1 || got[0] != tt.word) {
			t.Errorf("%q: got %v, want the word alone", tt.word, got)
		}
		for _, want := range tt.includes {
			if !slices.Contains(got, want) {
				t.Errorf("%q: got %v, want it to include %q", tt.word, got, want)
			}
		}
	}
}
