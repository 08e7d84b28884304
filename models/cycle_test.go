package models

import (
	"fmt"
	"slices"
	"testing"
)

// span writes a cycle as "number start…end due flags" for compact comparison.
func span(c Cycle) string {
	s := fmt.Sprintf("%d %s…%s due %s", c.Number, c.Start.Format("2006-01-02"), c.End.Format("2006-01-02"), c.Due.Format("2006-01-02"))
	if c.Overridden {
		s += " overridden"
	}
	if c.Shortened {
		s += " shortened"
	}
	return s
}

func TestCycles(t *testing.T) {
	tests := []struct {
		name  string
		held  HeldCredentialFacts
		today string
		want  []string
	}{
		{"worked example: RHIT passed 2024-03-15", held("RHIT", "2024-03-15"), "2026-01-01", []string{
			"1 2024-03-15…2026-03-14 due 2026-03-14",
			"2 2026-03-15…2028-03-14 due 2028-03-14",
		}},
		{"today on the last day still lists the next cycle", held("RHIT", "2024-03-15"), "2026-03-14", []string{
			"1 2024-03-15…2026-03-14 due 2026-03-14",
			"2 2026-03-15…2028-03-14 due 2028-03-14",
		}},
		{"leap day pass ends Feb 28, next starts Mar 1", held("RHIT", "2024-02-29"), "2026-06-01", []string{
			"1 2024-02-29…2026-02-28 due 2026-02-28",
			"2 2026-03-01…2028-02-29 due 2028-02-29",
			"3 2028-03-01…2030-02-28 due 2030-02-28",
		}},
		{"ODS: calendar years, due Jan 31", held("ODS", "2021-05-10"), "2024-06-01", []string{
			"1 2021-05-10…2023-12-31 due 2024-01-31",
			"2 2024-01-01…2025-12-31 due 2026-01-31",
			"3 2026-01-01…2027-12-31 due 2028-01-31",
		}},
		{"ODS passed Jan 1: no partial year", held("ODS", "2021-01-01"), "2021-06-01", []string{
			"1 2021-01-01…2022-12-31 due 2023-01-31",
			"2 2023-01-01…2024-12-31 due 2025-01-31",
		}},
		{"pass date ahead: only the first cycle", held("RHIT", "2026-03-01"), "2026-01-01", []string{
			"1 2026-03-01…2028-02-29 due 2028-02-29",
		}},
		{"override: cycle before cut short, cycles after follow it",
			HeldCredentialFacts{Code: "RHIT", EarnedOn: date("2020-03-15"), OverrideStart: date("2023-07-01"), OverrideEnd: date("2025-06-30")},
			"2024-01-01", []string{
				"1 2020-03-15…2022-03-14 due 2022-03-14",
				"2 2022-03-15…2023-06-30 due 2023-06-30 shortened",
				"3 2023-07-01…2025-06-30 due 2025-06-30 overridden",
				"4 2025-07-01…2027-06-30 due 2027-06-30",
			}},
		{"override starting before the pass date is the first cycle",
			HeldCredentialFacts{Code: "CCA", EarnedOn: date("2024-05-01"), OverrideStart: date("2024-03-15"), OverrideEnd: date("2026-03-14")},
			"2025-01-01", []string{
				"1 2024-03-15…2026-03-14 due 2026-03-14 overridden",
				"2 2026-03-15…2028-03-14 due 2028-03-14",
			}},
		{"incomplete override is ignored",
			HeldCredentialFacts{Code: "RHIT", EarnedOn: date("2024-03-15"), OverrideStart: date("2024-06-01")},
			"2025-01-01", []string{
				"1 2024-03-15…2026-03-14 due 2026-03-14",
				"2 2026-03-15…2028-03-14 due 2028-03-14",
			}},
		{"unknown credential has no cycles", held("CPC", "2024-03-15"), "2025-01-01", nil},
		{"no pass date has no cycles", HeldCredentialFacts{Code: "RHIT"}, "2025-01-01", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var got []string
			for _, c := range Cycles(tt.held, DefaultMaintenanceRules(), date(tt.today)) {
				got = append(got, span(c))
			}
			if !slices.Equal(got, tt.want) {
				t.Errorf("got %v, want %v", got, tt.want)
			}
		})
	}
}

// TestCyclesUseTheRuleInForceAtTheirStart checks that each cycle gets its own rule
// version: a CCS holder's cycles starting before 2021 carry the self-reviews.
func TestCyclesUseTheRuleInForceAtTheirStart(t *testing.T) {
	cycles := Cycles(held("CCS", "2017-03-01"), DefaultMaintenanceRules(), date("2021-06-01"))
	var got []int
	for _, c := range cycles {
		got = append(got, c.Rule.SelfReviews)
	}
	if want := []int{2, 2, 0, 0}; !slices.Equal(got, want) {
		t.Errorf("self-reviews per cycle: got %v, want %v", got, want)
	}
}

func TestCycleContains(t *testing.T) {
	c := Cycle{Start: date("2024-03-15"), End: date("2026-03-14")}
	tests := []struct {
		name string
		day  string
		want bool
	}{
		{"day before", "2024-03-14", false},
		{"first day", "2024-03-15", true},
		{"last day", "2026-03-14", true},
		{"day after", "2026-03-15", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := c.Contains(date(tt.day)); got != tt.want {
				t.Errorf("got %v, want %v", got, tt.want)
			}
		})
	}
}
