package models

import (
	"math"
	"testing"
	"time"
)

// TestForecastRecallHandChecked: two domains weighted 60/40 (midpoints 60 and 40).
// Domain 1 has cards at 0.9 and 0.7 → 0.8; domain 2 one card at 0.95 and one never
// studied (0) → 0.475. Overall = 0.6×0.8 + 0.4×0.475 = 0.670.
func TestForecastRecallHandChecked(t *testing.T) {
	outline := []ExamDomain{{Position: 1, Name: "A", WeightLow: 55, WeightHigh: 65}, {Position: 2, Name: "B", WeightLow: 35, WeightHigh: 45}}
	cards := []CardRecall{{Domain: 1, Recall: 0.9, Studied: true}, {Domain: 1, Recall: 0.7, Studied: true},
		{Domain: 2, Recall: 0.95, Studied: true}, {Domain: 2}, {Domain: 7, Recall: 1, Studied: true}}
	f := ForecastRecall(outline, cards)
	checks := []struct {
		name      string
		got, want float64
	}{
		{"domain 1", f.Domains[0].Recall, 0.800}, {"domain 2", f.Domains[1].Recall, 0.475},
		{"weight 1", f.Domains[0].Weight, 0.600}, {"overall", f.Overall, 0.670},
	}
	for _, c := range checks {
		if math.Abs(c.got-c.want) > 0.0005 {
			t.Errorf("%s: got %.3f, want %.3f", c.name, c.got, c.want)
		}
	}
	if f.Cards != 4 || f.Domains[1].Studied != 1 {
		t.Errorf("got %d cards and %d studied in domain 2, want 4 and 1", f.Cards, f.Domains[1].Studied)
	}
}

func TestDailyWorkload(t *testing.T) {
	today := time.Date(2031, 6, 15, 0, 0, 0, 0, time.UTC)
	cards := []CardRecall{
		{Studied: true, EffectiveDue: today.AddDate(0, 0, -3)}, // overdue counts today
		{Studied: true, EffectiveDue: today.Add(20 * time.Hour)},
		{Studied: true, EffectiveDue: today.AddDate(0, 0, 2)},
		{Studied: true, EffectiveDue: today.AddDate(0, 0, 9)}, // after the exam
		{EffectiveDue: today}, // never studied
	}
	got := DailyWorkload(cards, today, today.AddDate(0, 0, 3), 60)
	want := []int{2, 0, 1}
	if len(got) != len(want) {
		t.Fatalf("got %d days, want %d", len(got), len(want))
	}
	for i := range want {
		if got[i].Reviews != want[i] {
			t.Errorf("day %d: got %d reviews, want %d", i, got[i].Reviews, want[i])
		}
	}
}
