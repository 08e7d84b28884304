package models

import (
	"testing"
)

// benchmarkInput is a holder of RHIT, CCS and ODS with 500 activities spread over
// ten years, of mixed kinds, evaluated on 2026-01-01.
func benchmarkInput() ProgressInput {
	kinds := []ProviderKind{ProviderAHIMA, ProviderComponent, ProviderApproved, ProviderOther}
	deliveries := []Delivery{DeliveryLive, DeliveryInPerson, DeliveryOnline, DeliverySelfStudy}
	activities := make([]CEUActivity, 500)
	for i := range activities {
		activities[i] = CEUActivity{
			ID:           int64(i + 1),
			Date:         AddDays(date("2016-01-10"), (i*7919)%3644),
			CEUs:         50 + (i%4)*50,
			InHIIMDomain: i%5 != 0,
			ProviderKind: kinds[i%len(kinds)],
			CategoryA:    i%6 == 0,
			Delivery:     deliveries[i%len(deliveries)],
		}
	}
	return ProgressInput{
		Held:       []HeldCredentialFacts{held("RHIT", "2016-01-10"), held("CCS", "2018-05-01"), held("ODS", "2019-09-01")},
		Activities: activities,
		Rules:      DefaultMaintenanceRules(),
		Today:      date("2026-01-01"),
	}
}

func BenchmarkCycleProgress(b *testing.B) {
	in := benchmarkInput()
	b.ReportAllocs()
	for b.Loop() {
		if progress := Progress(in); len(progress.Cycles) == 0 {
			b.Fatal("no cycles")
		}
	}
}
