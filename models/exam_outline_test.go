package models

import "testing"

func TestExamDomainMidpoint(t *testing.T) {
	tests := []struct {
		name   string
		domain ExamDomain
		want   float64
	}{
		{"CCA classification systems", ExamDomain{WeightLow: 30, WeightHigh: 34}, 32},
		{"RHIT leadership", ExamDomain{WeightLow: 8, WeightHigh: 12}, 10},
		{"odd span gives a half", ExamDomain{WeightLow: 1, WeightHigh: 2}, 1.5},
		{"equal bounds", ExamDomain{WeightLow: 25, WeightHigh: 25}, 25},
		{"zero weight", ExamDomain{}, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := tt.domain.Midpoint(); got != tt.want {
				t.Errorf("got %v, want %v", got, tt.want)
			}
		})
	}
}

func TestDefaultExamOutlines(t *testing.T) {
	tests := []struct {
		name        string
		credential  TargetCredential
		wantLow     []int
		wantHigh    []int
		wantMidSum  float64
		wantFirstIs string
	}{
		{"CCA", TargetCCA, []int{30, 21, 13, 12, 6, 6}, []int{34, 25, 17, 16, 10, 10}, 100, "Clinical Classification Systems"},
		{"RHIT seed weights", TargetRHIT, []int{19, 14, 14, 14, 12, 8}, []int{25, 18, 18, 18, 16, 12}, 94, "Data Content, Structure, and Information Governance"},
		{"ODS equal weights", TargetODS, []int{25, 25, 25, 25}, []int{25, 25, 25, 25}, 100, "Legal and Ethical Aspects of Cancer Registry Work"},
	}
	outlines := DefaultExamOutlines()
	if got := len(outlines); got != len(tests) {
		t.Fatalf("got %v outlines, want %v", got, len(tests))
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			domains := outlines[string(tt.credential)]
			if len(domains) != len(tt.wantLow) {
				t.Fatalf("got %v domains, want %v", len(domains), len(tt.wantLow))
			}
			if domains[0].Name != tt.wantFirstIs {
				t.Errorf("got first domain %v, want %v", domains[0].Name, tt.wantFirstIs)
			}
			sum := 0.0
			names := map[string]bool{}
			for i, d := range domains {
				if d.Position != i+1 {
					t.Errorf("domain %d: got position %v, want %v", i, d.Position, i+1)
				}
				if d.WeightLow != tt.wantLow[i] || d.WeightHigh != tt.wantHigh[i] {
					t.Errorf("domain %d: got %v–%v, want %v–%v", d.Position, d.WeightLow, d.WeightHigh, tt.wantLow[i], tt.wantHigh[i])
				}
				if names[d.Name] || d.Name == "" {
					t.Errorf("domain %d: got name %q, want a unique non-empty name", d.Position, d.Name)
				}
				names[d.Name] = true
				sum += d.Midpoint()
			}
			if sum != tt.wantMidSum {
				t.Errorf("got midpoint sum %v, want %v", sum, tt.wantMidSum)
			}
		})
	}
}

func TestDefaultExamOutlinesAreFreshCopies(t *testing.T) {
	first := DefaultExamOutlines()
	first[string(TargetCCA)][0].Name = "changed"
	if got := DefaultExamOutlines()[string(TargetCCA)][0].Name; got != "Clinical Classification Systems" {
		t.Errorf("got %v, want %v", got, "Clinical Classification Systems")
	}
}
