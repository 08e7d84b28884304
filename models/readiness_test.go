package models

import (
	"slices"
	"testing"
	"time"
)

// readinessOutline has round weights so expected values are easy to check by hand.
var readinessOutline = []ExamDomain{
	{Position: 1, Name: "A", WeightLow: 30, WeightHigh: 30},
	{Position: 2, Name: "B", WeightLow: 20, WeightHigh: 20},
	{Position: 3, Name: "C", WeightLow: 10, WeightHigh: 10},
}

var readinessToday = stuDay(2026, 5, 22)

func attempt(on time.Time, overall float64, domains map[int]float64) PracticeAttempt {
	return PracticeAttempt{TakenOn: on, OverallPercent: overall, DomainPercents: domains}
}

func TestReadiness(t *testing.T) {
	day0 := stuDay(2026, 3, 1)
	tests := []struct {
		name         string
		attempts     []PracticeAttempt
		outline      []ExamDomain
		today        time.Time
		wantHasData  bool
		wantPercent  float64
		wantOverall  bool
		wantDomains  []float64 // per outline domain; -1 for no data
		wantWeakest  []int     // positions
		wantTrend    []float64
		wantAttempts int
	}{
		{
			name: "no attempts", wantDomains: []float64{-1, -1, -1},
		},
		{
			name:        "one attempt, all domains: weighted by midpoints",
			attempts:    []PracticeAttempt{attempt(day0, 66, map[int]float64{1: 80, 2: 60, 3: 40})},
			wantHasData: true, wantPercent: 66.7, wantDomains: []float64{80, 60, 40},
			wantWeakest: []int{3, 2}, wantTrend: []float64{66.7}, wantAttempts: 1,
		},
		{
			name:        "missing domain is left out, weights renormalised",
			attempts:    []PracticeAttempt{attempt(day0, 70, map[int]float64{1: 80, 2: 60})},
			wantHasData: true, wantPercent: 72, wantDomains: []float64{80, 60, -1},
			wantWeakest: []int{2, 1}, wantTrend: []float64{72}, wantAttempts: 1,
		},
		{
			name: "30 days older counts half",
			attempts: []PracticeAttempt{
				attempt(day0, 50, map[int]float64{1: 50}),
				attempt(day0.AddDate(0, 0, 30), 80, map[int]float64{1: 80}),
			},
			wantHasData: true, wantPercent: 70, wantDomains: []float64{70, -1, -1},
			wantWeakest: []int{1}, wantTrend: []float64{50, 70}, wantAttempts: 2,
		},
		{
			name: "60 days older counts a quarter; input order does not matter",
			attempts: []PracticeAttempt{
				attempt(day0.AddDate(0, 0, 60), 80, map[int]float64{1: 80}),
				attempt(day0, 40, map[int]float64{1: 40}),
			},
			wantHasData: true, wantPercent: 72, wantDomains: []float64{72, -1, -1},
			wantWeakest: []int{1}, wantTrend: []float64{40, 72}, wantAttempts: 2,
		},
		{
			name: "leap year: Feb 28 to Mar 29, 2024 is 30 days",
			attempts: []PracticeAttempt{
				attempt(stuDay(2024, 2, 28), 50, map[int]float64{2: 50}),
				attempt(stuDay(2024, 3, 29), 80, map[int]float64{2: 80}),
			},
			wantHasData: true, wantPercent: 70, wantDomains: []float64{-1, 70, -1},
			wantWeakest: []int{2}, wantTrend: []float64{50, 70}, wantAttempts: 2,
		},
		{
			name: "same day attempts weigh the same",
			attempts: []PracticeAttempt{
				attempt(day0, 60, map[int]float64{1: 60, 2: 60, 3: 60}),
				attempt(day0, 80, map[int]float64{1: 80, 2: 80, 3: 80}),
			},
			wantHasData: true, wantPercent: 70, wantDomains: []float64{70, 70, 70},
			wantWeakest: []int{1, 2}, wantTrend: []float64{60, 70}, wantAttempts: 2,
		},
		{
			name: "attempt after today is not counted",
			attempts: []PracticeAttempt{
				attempt(readinessToday, 60, map[int]float64{1: 60}),
				attempt(readinessToday.AddDate(0, 0, 1), 100, map[int]float64{1: 100}),
			},
			wantHasData: true, wantPercent: 60, wantDomains: []float64{60, -1, -1},
			wantWeakest: []int{1}, wantTrend: []float64{60}, wantAttempts: 1,
		},
		{
			name:        "only future attempts: no data",
			attempts:    []PracticeAttempt{attempt(readinessToday.AddDate(0, 0, 3), 90, nil)},
			wantDomains: []float64{-1, -1, -1},
		},
		{
			name:        "overall only: every domain gets the overall, no weakest",
			attempts:    []PracticeAttempt{attempt(day0, 65, nil)},
			wantHasData: true, wantPercent: 65, wantOverall: true, wantDomains: []float64{65, 65, 65},
			wantTrend: []float64{65}, wantAttempts: 1,
		},
		{
			name: "overall-only attempt blends into domains of a broken-down one",
			attempts: []PracticeAttempt{
				attempt(day0, 40, map[int]float64{1: 30, 2: 40, 3: 50}),
				attempt(day0, 70, map[int]float64{}),
			},
			wantHasData: true, wantPercent: 53.3, wantDomains: []float64{50, 55, 60},
			wantWeakest: []int{1, 2}, wantTrend: []float64{36.7, 53.3}, wantAttempts: 2,
		},
		{
			name:        "position outside the outline is ignored",
			attempts:    []PracticeAttempt{attempt(day0, 50, map[int]float64{1: 50, 9: 0})},
			wantHasData: true, wantPercent: 50, wantDomains: []float64{50, -1, -1},
			wantWeakest: []int{1}, wantTrend: []float64{50}, wantAttempts: 1,
		},
		{
			name:        "empty outline falls back to overall percents",
			attempts:    []PracticeAttempt{attempt(day0, 50, nil), attempt(day0.AddDate(0, 0, 30), 80, nil)},
			outline:     []ExamDomain{},
			wantHasData: true, wantPercent: 70, wantOverall: true, wantDomains: []float64{},
			wantTrend: []float64{50, 70}, wantAttempts: 2,
		},
		{
			name:        "all-zero weights fall back to equal weights",
			attempts:    []PracticeAttempt{attempt(day0, 50, map[int]float64{1: 40, 2: 60})},
			outline:     []ExamDomain{{Position: 1, Name: "A"}, {Position: 2, Name: "B"}},
			wantHasData: true, wantPercent: 50, wantDomains: []float64{40, 60},
			wantWeakest: []int{1, 2}, wantTrend: []float64{50}, wantAttempts: 1,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			outline, today := tt.outline, tt.today
			if outline == nil {
				outline = readinessOutline
			}
			if today.IsZero() {
				today = readinessToday
			}
			got := Readiness(tt.attempts, outline, today)
			if got.HasData != tt.wantHasData || got.Percent != tt.wantPercent || got.FromOverallOnly != tt.wantOverall {
				t.Errorf("got has data %v, %v%%, overall only %v; want %v, %v%%, %v",
					got.HasData, got.Percent, got.FromOverallOnly, tt.wantHasData, tt.wantPercent, tt.wantOverall)
			}
			if got.AttemptsCounted != tt.wantAttempts {
				t.Errorf("attempts counted: got %v, want %v", got.AttemptsCounted, tt.wantAttempts)
			}
			domains := make([]float64, len(got.Domains))
			for i, d := range got.Domains {
				domains[i] = d.Percent
				if !d.HasData {
					domains[i] = -1
				}
			}
			if !slices.Equal(domains, tt.wantDomains) {
				t.Errorf("domains: got %v, want %v", domains, tt.wantDomains)
			}
			var weakest []int
			for _, d := range got.Weakest {
				weakest = append(weakest, d.Position)
			}
			if !slices.Equal(weakest, tt.wantWeakest) {
				t.Errorf("weakest: got %v, want %v", weakest, tt.wantWeakest)
			}
			var trend []float64
			for _, p := range got.Trend {
				trend = append(trend, p.Percent)
			}
			if !slices.Equal(trend, tt.wantTrend) {
				t.Errorf("trend: got %v, want %v", trend, tt.wantTrend)
			}
		})
	}
}

func TestReadinessDoesNotDriftWithoutNewAttempts(t *testing.T) {
	attempts := []PracticeAttempt{
		attempt(stuDay(2026, 1, 5), 55, map[int]float64{1: 50, 2: 60, 3: 55}),
		attempt(stuDay(2026, 2, 9), 72, map[int]float64{1: 70, 2: 75, 3: 71}),
	}
	tests := []struct {
		name  string
		today time.Time
	}{
		{"day of the last attempt", stuDay(2026, 2, 9)},
		{"a month later", stuDay(2026, 3, 9)},
		{"a year later", stuDay(2027, 2, 9)},
	}
	want := Readiness(attempts, readinessOutline, stuDay(2026, 2, 9))
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := Readiness(attempts, readinessOutline, tt.today)
			if got.Percent != want.Percent || !got.LastAttemptOn.Equal(stuDay(2026, 2, 9)) {
				t.Errorf("got %v%% last %v, want %v%% last %v", got.Percent, got.LastAttemptOn, want.Percent, stuDay(2026, 2, 9))
			}
		})
	}
}

func TestReadinessTrendDates(t *testing.T) {
	attempts := []PracticeAttempt{
		attempt(time.Date(2026, 2, 9, 18, 30, 0, 0, time.UTC), 70, nil),
		attempt(stuDay(2026, 1, 5), 50, nil),
	}
	got := Readiness(attempts, readinessOutline, readinessToday)
	want := []time.Time{stuDay(2026, 1, 5), stuDay(2026, 2, 9)}
	for i, p := range got.Trend {
		if !p.On.Equal(want[i]) {
			t.Errorf("point %d: got %v, want %v", i, p.On, want[i])
		}
	}
}

// benchmarkAttempts builds n practice attempts three days apart over the RHIT outline,
// with one domain missing from every fifth attempt.
func benchmarkAttempts(n int) []PracticeAttempt {
	attempts := make([]PracticeAttempt, n)
	start := stuDay(2024, 6, 1)
	for i := range attempts {
		domains := map[int]float64{}
		for pos := 1; pos <= 6; pos++ {
			if i%5 == 0 && pos == i%6+1 {
				continue
			}
			domains[pos] = float64(40 + (i*7+pos*13)%55)
		}
		attempts[i] = attempt(start.AddDate(0, 0, 3*i), float64(45+i%50), domains)
	}
	return attempts
}

func BenchmarkReadiness200Attempts(b *testing.B) {
	attempts := benchmarkAttempts(200)
	outline := DefaultExamOutlines()[string(TargetRHIT)]
	today := stuDay(2026, 5, 22)
	b.ReportAllocs()
	for b.Loop() {
		Readiness(attempts, outline, today)
	}
}
