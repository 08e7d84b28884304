package models

import (
	"math"
	"sort"
)

// ApportionItems splits n quiz items over domains in proportion to integer weights by
// the largest-remainder (Hamilton) method: each domain gets the floor of its quota,
// and the items left go to the largest remainders, ties to the earlier domain.
// Integer arithmetic on purpose: with float weights 20 CCA items come out wrong.
func ApportionItems(weights []int, n int) []int {
	out := make([]int, len(weights))
	total := 0
	for _, w := range weights {
		total += w
	}
	if total <= 0 || n <= 0 {
		return out
	}
	rem := make([]int, len(weights))
	given := 0
	for i, w := range weights {
		out[i] = n * w / total
		rem[i] = n * w % total
		given += out[i]
	}
	order := make([]int, len(weights))
	for i := range order {
		order[i] = i
	}
	sort.SliceStable(order, func(a, b int) bool { return rem[order[a]] > rem[order[b]] })
	for i := 0; given < n; i++ {
		out[order[i]]++
		given++
	}
	return out
}

// OutlineWeights are the integer weights of an outline's domains for apportioning:
// low + high, which is twice the midpoint, so halves stay exact.
func OutlineWeights(outline []ExamDomain) []int {
	out := make([]int, len(outline))
	for i, d := range outline {
		out[i] = d.WeightLow + d.WeightHigh
	}
	return out
}

// QuizTimeLimit is the minutes a timed quiz of n items gets at the real exam's pace
// (CCA: 105 items in 120 minutes); 0 when the exam's items or minutes are unknown.
func QuizTimeLimit(n int, examMinutes, examItems *int) int {
	if examMinutes == nil || examItems == nil || *examItems <= 0 {
		return 0
	}
	return (n**examMinutes + *examItems - 1) / *examItems
}

// ItemStats are Moodle's item statistics over first attempts.
type ItemStats struct {
	N                        int
	Facility                 float64 // 100 × mean score (scores 0/1)
	Discrimination           float64 // 100 × correlation of the item with the rest of the test
	DiscriminativeEfficiency float64 // 100 × cov(item, rest) / its maximum for these marginals
	Known                    bool    // false when either score never varies
	Flagged                  bool    // n ≥ 30 and negative discrimination or efficiency < 15
}

// ItemStatistics computes an item's statistics from paired scores: item[i] is the
// item's score (0 or 1) in attempt i and rest[i] the attempt's score on its other items.
func ItemStatistics(item, rest []float64) ItemStats {
	s := ItemStats{N: len(item)}
	if s.N == 0 {
		return s
	}
	mx, mr := mean(item), mean(rest)
	s.Facility = 100 * mx
	var cov, vx, vr float64
	for i := range item {
		cov += (item[i] - mx) * (rest[i] - mr)
		vx += (item[i] - mx) * (item[i] - mx)
		vr += (rest[i] - mr) * (rest[i] - mr)
	}
	if vx == 0 || vr == 0 {
		return s
	}
	s.Known = true
	s.Discrimination = 100 * cov / math.Sqrt(vx*vr)
	if maxCov := maxCovariance(item, rest, mx, mr); maxCov > 0 {
		s.DiscriminativeEfficiency = 100 * cov / maxCov
	}
	s.Flagged = s.N >= 30 && (s.Discrimination < 0 || s.DiscriminativeEfficiency < 15)
	return s
}

// maxCovariance is the covariance (times n) the scores would have if both were sorted
// the same way: the most the observed marginals allow.
func maxCovariance(item, rest []float64, mx, mr float64) float64 {
	a, b := append([]float64(nil), item...), append([]float64(nil), rest...)
	sort.Float64s(a)
	sort.Float64s(b)
	var c float64
	for i := range a {
		c += (a[i] - mx) * (b[i] - mr)
	}
	return c
}

func mean(xs []float64) float64 {
	var s float64
	for _, x := range xs {
		s += x
	}
	return s / float64(len(xs))
}
