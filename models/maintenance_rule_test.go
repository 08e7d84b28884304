package models

import (
	"slices"
	"testing"
	"time"
)

func TestRuleFor(t *testing.T) {
	rules := DefaultMaintenanceRules()
	tests := []struct {
		name            string
		code            string
		cycleStart      time.Time
		wantOK          bool
		wantCEUs        int
		wantSelfReviews int
		wantAHIMAShare  int
		wantInPerson    int
		wantGrace       int
	}{
		{"CCS before 2021 has self-reviews", "CCS", date("2020-12-31"), true, 2000, 2, 0, 0, 0},
		{"CCS from 2021-01-01 has none", "CCS", date("2021-01-01"), true, 2000, 0, 0, 0, 180},
		{"RHIT never had self-reviews", "RHIT", date("2019-05-01"), true, 2000, 0, 0, 0, 0},
		{"RHIT cycle starting 2024-12-31: no 40% rule", "RHIT", date("2024-12-31"), true, 2000, 0, 0, 0, 180},
		{"RHIT cycle starting 2025-01-01: 40% rule", "RHIT", date("2025-01-01"), true, 2000, 0, 40, 0, 180},
		{"RHIA needs 30", "RHIA", date("2026-01-01"), true, 3000, 0, 40, 0, 180},
		{"ODS before 2025: no in-person hours", "ODS", date("2024-01-01"), true, 2000, 0, 0, 0, 0},
		{"ODS from 2025: 8 in-person hours", "ODS", date("2026-01-01"), true, 2000, 0, 0, 800, 0},
		{"unknown credential", "CPC", date("2026-01-01"), false, 0, 0, 0, 0, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, ok := RuleFor(rules, tt.code, tt.cycleStart)
			if ok != tt.wantOK {
				t.Fatalf("ok: got %v, want %v", ok, tt.wantOK)
			}
			gotFacts := []int{got.CEUsPerCycle, got.SelfReviews, got.AHIMASourceSharePercent, got.InPersonCEUsTwoCycles, got.GraceDaysUntilRevoked}
			wantFacts := []int{tt.wantCEUs, tt.wantSelfReviews, tt.wantAHIMAShare, tt.wantInPerson, tt.wantGrace}
			if !slices.Equal(gotFacts, wantFacts) {
				t.Errorf("CEUs, self-reviews, AHIMA %%, in person, grace: got %v, want %v", gotFacts, wantFacts)
			}
		})
	}
}

func TestRuleForBounds(t *testing.T) {
	rules := []MaintenanceRule{{CredentialCode: "RHIT", EffectiveFrom: date("2021-01-01"), EffectiveTo: date("2025-01-01")}}
	tests := []struct {
		name       string
		cycleStart string
		want       bool
	}{
		{"day before from", "2020-12-31", false},
		{"from is included", "2021-01-01", true},
		{"day before to", "2024-12-31", true},
		{"to is excluded", "2025-01-01", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if _, got := RuleFor(rules, "RHIT", date(tt.cycleStart)); got != tt.want {
				t.Errorf("got %v, want %v", got, tt.want)
			}
		})
	}
}

func TestRuleForPrefersLatestEffectiveRow(t *testing.T) {
	rules := []MaintenanceRule{
		{CredentialCode: "RHIT", CEUsPerCycle: 2000},
		{CredentialCode: "RHIT", EffectiveFrom: date("2026-01-01"), CEUsPerCycle: 2500},
	}
	got, _ := RuleFor(rules, "RHIT", date("2026-06-01"))
	if got.CEUsPerCycle != 2500 {
		t.Errorf("got %v, want %v", got.CEUsPerCycle, 2500)
	}
}

// TestDefaultMaintenanceRulesAreContiguous checks the seed: each credential's rows
// start at the beginning of time, follow on without gaps or overlaps, end open, and
// agree with credentials.md on the facts every row shares.
func TestDefaultMaintenanceRulesAreContiguous(t *testing.T) {
	rules := DefaultMaintenanceRules()
	want := map[string]struct {
		body string
		ceus int
		rows int
	}{
		"RHIT": {"AHIMA", 2000, 3}, "CCA": {"AHIMA", 2000, 3}, "CCS": {"AHIMA", 2000, 3},
		"CCS-P": {"AHIMA", 2000, 3}, "RHIA": {"AHIMA", 3000, 3}, "ODS": {"NCRA", 2000, 2},
	}
	for code, w := range want {
		t.Run(code, func(t *testing.T) {
			var rows []MaintenanceRule
			for _, rule := range rules {
				if rule.CredentialCode == code {
					rows = append(rows, rule)
				}
			}
			if len(rows) != w.rows {
				t.Fatalf("rows: got %v, want %v", len(rows), w.rows)
			}
			if !rows[0].EffectiveFrom.IsZero() || !rows[len(rows)-1].EffectiveTo.IsZero() {
				t.Errorf("first from, last to: got %v, %v, want both zero", rows[0].EffectiveFrom, rows[len(rows)-1].EffectiveTo)
			}
			for i, row := range rows {
				if i > 0 && !row.EffectiveFrom.Equal(rows[i-1].EffectiveTo) {
					t.Errorf("row %d starts %v, want %v", i, row.EffectiveFrom, rows[i-1].EffectiveTo)
				}
				if row.Body != w.body || row.CEUsPerCycle != w.ceus || row.CycleYears != 2 || row.Source == "" {
					t.Errorf("row %d: got %s %d CEUs %d years source %q, want %s %d CEUs 2 years with a source",
						i, row.Body, row.CEUsPerCycle, row.CycleYears, row.Source, w.body, w.ceus)
				}
			}
		})
	}
}

func TestCombinedRequirement(t *testing.T) {
	rules := DefaultMaintenanceRules()
	inForce := func(codes ...string) []MaintenanceRule {
		var in []MaintenanceRule
		for _, code := range codes {
			rule, _ := RuleFor(rules, code, date("2026-01-01"))
			in = append(in, rule)
		}
		return in
	}
	tests := []struct {
		name  string
		codes []string
		want  int
	}{
		{"none", nil, 0},
		{"RHIT alone", []string{"RHIT"}, 2000},
		{"RHIA alone", []string{"RHIA"}, 3000},
		{"RHIT + CCA = 30", []string{"RHIT", "CCA"}, 3000},
		{"CCS + CCS-P = 30", []string{"CCS", "CCS-P"}, 3000},
		{"RHIT + CCA + CCS = 40", []string{"RHIT", "CCA", "CCS"}, 4000},
		{"RHIA + CCS + CCS-P = 50", []string{"RHIA", "CCS", "CCS-P"}, 5000},
		{"RHIA + CCA + CCS + CCS-P capped at 50", []string{"RHIA", "CCA", "CCS", "CCS-P"}, 5000},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := CombinedRequirement(inForce(tt.codes...)); got != tt.want {
				t.Errorf("got %v, want %v", got, tt.want)
			}
		})
	}
	t.Run("RHIT + CHPS = 40 (CHPS is not seeded, so its rule is written here)", func(t *testing.T) {
		chps := inForce("RHIA")[0]
		chps.CredentialCode, chps.Replaces = "CHPS", ""
		if got := CombinedRequirement(append(inForce("RHIT"), chps)); got != 4000 {
			t.Errorf("got %v, want %v", got, 4000)
		}
	})
}
