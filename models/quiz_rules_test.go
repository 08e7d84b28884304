package models

import (
	"math"
	"reflect"
	"testing"
)

func TestApportionItemsCCA(t *testing.T) {
	cca := []int{32, 23, 15, 14, 8, 8}
	tests := []struct {
		n    int
		want []int
	}{
		{10, []int{3, 2, 2, 1, 1, 1}},
		{20, []int{6, 5, 3, 3, 2, 1}},
		{90, []int{29, 21, 13, 13, 7, 7}},
		{100, []int{32, 23, 15, 14, 8, 8}},
		{0, []int{0, 0, 0, 0, 0, 0}},
	}
	for _, tt := range tests {
		if got := ApportionItems(cca, tt.n); !reflect.DeepEqual(got, tt.want) {
			t.Errorf("%d items: got %v, want %v", tt.n, got, tt.want)
		}
	}
	outline := DefaultExamOutlines()["CCA"]
	if got := ApportionItems(OutlineWeights(outline), 20); !reflect.DeepEqual(got, []int{6, 5, 3, 3, 2, 1}) {
		t.Errorf("CCA outline, 20 items: got %v, want 6 5 3 3 2 1", got)
	}
}

func TestQuizTimeLimit(t *testing.T) {
	minutes, items := 120, 105
	if got := QuizTimeLimit(105, &minutes, &items); got != 120 {
		t.Errorf("got %d minutes for the full CCA, want 120", got)
	}
	if got := QuizTimeLimit(20, &minutes, &items); got != 23 {
		t.Errorf("got %d minutes for 20 CCA items, want 23 (22.9 rounded up)", got)
	}
	if got := QuizTimeLimit(20, &minutes, nil); got != 0 {
		t.Errorf("got %d minutes without a published item count, want 0", got)
	}
}

// TestItemStatisticsHandChecked: four attempts at a three-item quiz (rows are
// attempts). Item scores and rest-of-test scores, worked by hand:
//
//	attempt  i1 i2 i3   rest1 rest2 rest3
//	   1      1  1  0     1     1     2
//	   2      1  1  1     2     2     2
//	   3      1  0  1     1     2     1
//	   4      0  0  0     0     0     0
//
// Item 1: facility 75; x̄=.75, r̄=1; Σ(x-x̄)(r-r̄)=.25·0+.25·1+.25·0+(-.75)(-1)=1;
// Σ(x-x̄)²=.75, Σ(r-r̄)²=2 → discrimination 100·1/√1.5 = 81.65; sorted pairing gives
// the same order here → efficiency 100.
// Item 2: facility 50; x̄=.5, r̄=1.25; cov sum=.5(-.25)+.5(.75)-.5(.75)-.5(-1.25)=.5;
// Σ(x-x̄)²=1, Σ(r-r̄)²=2.75 → 100·.5/√2.75 = 30.15; sorted pairing x 0 0 1 1 with
// r 0 1 2 2 gives a cov sum of 1.5 → efficiency 33.33.
func TestItemStatisticsHandChecked(t *testing.T) {
	scores := [][]float64{{1, 1, 0}, {1, 1, 1}, {1, 0, 1}, {0, 0, 0}}
	stats := make([]ItemStats, 3)
	for j := 0; j < 3; j++ {
		var item, rest []float64
		for _, row := range scores {
			total := row[0] + row[1] + row[2]
			item, rest = append(item, row[j]), append(rest, total-row[j])
		}
		stats[j] = ItemStatistics(item, rest)
	}
	checks := []struct {
		name      string
		got, want float64
	}{
		{"facility 1", stats[0].Facility, 75}, {"discrimination 1", stats[0].Discrimination, 81.65}, {"efficiency 1", stats[0].DiscriminativeEfficiency, 100},
		{"facility 2", stats[1].Facility, 50}, {"discrimination 2", stats[1].Discrimination, 30.15}, {"efficiency 2", stats[1].DiscriminativeEfficiency, 33.33},
	}
	for _, c := range checks {
		if math.Abs(c.got-c.want) > 0.01 {
			t.Errorf("%s: got %.2f, want %.2f", c.name, c.got, c.want)
		}
	}
	if stats[0].Flagged || stats[0].N != 4 {
		t.Errorf("got %+v, want 4 attempts and no flag under 30 attempts", stats[0])
	}
	negative := ItemStatistics(repeatScores([]float64{0, 1}, 20), repeatScores([]float64{5, 1}, 20))
	if !negative.Flagged || negative.Discrimination >= 0 {
		t.Errorf("got %+v, want a flagged item with negative discrimination over 40 attempts", negative)
	}
}

func repeatScores(pattern []float64, times int) []float64 {
	var out []float64
	for i := 0; i < times; i++ {
		out = append(out, pattern...)
	}
	return out
}
