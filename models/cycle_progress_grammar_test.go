package models

import (
	"slices"
	"testing"
)

// TestProgressOneCEUIsLogged: one logged CEU reads "1 is logged", not "1 are logged".
func TestProgressOneCEUIsLogged(t *testing.T) {
	p := cycleStarting(t, progressOn("2026-01-01", []HeldCredentialFacts{held("RHIT", "2024-03-15")},
		repeat(1, date("2024-04-01"), hiimCEU())), "AHIMA", "2024-03-15")
	want := "You need 19 more CEUs: 20 are required this cycle and 1 is logged."
	if !slices.Contains(p.Problems, want) {
		t.Fatalf("problems:\ngot  %q\nwant one %q", p.Problems, want)
	}
}
