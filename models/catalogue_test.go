package models

import "testing"

// TestWholeAHIMACatalogueCombinedRequirements checks credentials.md's combined
// requirements for every credential of the catalogue, held together.
func TestWholeAHIMACatalogueCombinedRequirements(t *testing.T) {
	tests := []struct {
		name  string
		codes []string
		want  int
	}{
		{"CHPS + RHIT", []string{"CHPS", "RHIT"}, 4000},
		{"RHIA + CHDA", []string{"RHIA", "CHDA"}, 4000},
		{"RHIA + CDIP", []string{"RHIA", "CDIP"}, 4000},
		{"RHIA + CHPS + CHDA (cap)", []string{"RHIA", "CHPS", "CHDA"}, 5000},
		{"RHIA + RHIT", []string{"RHIA", "RHIT"}, 3000},
		{"CDIP alone", []string{"CDIP"}, 3000},
		{"CPHI alone", []string{"CPHI"}, 3000},
		{"CHTS-IM alone", []string{"CHTS-IM"}, 2000},
		{"CCS + CCS-P", []string{"CCS", "CCS-P"}, 3000},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var holds []HeldCredentialFacts
			for _, code := range tt.codes {
				holds = append(holds, held(code, "2031-01-10"))
			}
			p := progressOn("2031-06-15", holds, nil).Cycles[0]
			if p.Required != tt.want || p.Body != "AHIMA" {
				t.Fatalf("got %s %d, want AHIMA %d", p.Body, p.Required, tt.want)
			}
		})
	}
}
