package models

import "testing"

func TestEstimateAuditPacks(t *testing.T) {
	today := DateOf(2026, 1, 1)
	cycle := CycleProgress{Cycle: Cycle{Number: 1, Start: DateOf(2024, 3, 15), End: DateOf(2026, 3, 14)}}
	h := Holder{
		Today:    today,
		Progress: LearnerProgress{Cycles: []CycleProgress{cycle}},
		Entries: []CEUEntry{
			{ID: 1, ActivityDate: DateOf(2025, 5, 1)},
			{ID: 2, ActivityDate: DateOf(2025, 6, 1)},
			{ID: 3, ActivityDate: DateOf(2023, 6, 1)}, // before the cycle: not in its pack
		},
	}
	tests := []struct {
		name     string
		evidence []EvidenceFile
		want     AuditPackSize
	}{
		{"transcript only", nil, AuditPackSize{Bytes: 4096 + 2*300}},
		{"evidence of the cycle's entries counts, other entries' does not",
			[]EvidenceFile{{EntryID: 1, SizeBytes: 1000}, {EntryID: 2, SizeBytes: 500}, {EntryID: 3, SizeBytes: 9 << 20}},
			AuditPackSize{Bytes: 4096 + 600 + 1500}},
		{"over the portal limit", []EvidenceFile{{EntryID: 1, SizeBytes: 5 << 20}},
			AuditPackSize{Bytes: 4096 + 600 + 5<<20, TooLarge: true}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := EstimateAuditPacks(h, tt.evidence)[CycleKey(cycle)]
			if got != tt.want {
				t.Fatalf("got %+v, want %+v", got, tt.want)
			}
		})
	}
}
