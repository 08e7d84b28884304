package models

import (
	"cmp"
	"math"
	"slices"
	"time"
)

// readinessHalfLifeDays is how fast an old practice score loses its say: an attempt
// 30 days older than another counts half as much. Weighting by date rather than by
// attempt order keeps five attempts taken in one weekend from drowning each other out,
// while a month-old score, taken before a month of study, matters half as much.
const readinessHalfLifeDays = 30.0

// readinessWeakestCount is how many weak domains the dashboard names.
const readinessWeakestCount = 2

// PracticeAttempt is one practice exam a student took.
type PracticeAttempt struct {
	TakenOn        time.Time
	OverallPercent float64
	// DomainPercents holds the score per domain, keyed by ExamDomain.Position. A domain
	// the attempt did not report is absent (a quiz may cover one domain only).
	DomainPercents map[int]float64
}

// DomainReadiness is the recency-weighted score of one exam domain.
type DomainReadiness struct {
	Position int
	Name     string
	Weight   float64 // the outline's midpoint weight, in percent
	HasData  bool    // false when no counted attempt scored this domain, directly or by an overall-only attempt
	Percent  float64 // 0–100, one decimal; 0 when HasData is false
}

// ReadinessPoint is one point of the readiness trend chart.
type ReadinessPoint struct {
	On      time.Time
	Percent float64
}

// ReadinessReport is a student's estimated exam readiness.
type ReadinessReport struct {
	HasData bool    // false without attempts: the page says "no practice exams yet", not 0%
	Percent float64 // 0–100, one decimal
	// FromOverallOnly is true when no counted attempt broke its score down by domain, so
	// Percent rests on overall scores and Weakest is empty.
	FromOverallOnly bool
	Domains         []DomainReadiness // in outline order
	Weakest         []DomainReadiness // up to two lowest domains with data
	Trend           []ReadinessPoint  // readiness after each attempt, oldest first
	// TrendPer30Days is the trend's slope in percentage points per 30 days (least
	// squares over Trend; 0 with one point), for projecting readiness to an exam.
	TrendPer30Days  float64
	AttemptsCounted int
	LastAttemptOn   time.Time
}

// Readiness estimates how ready a student is for the exam described by outline.
//
// Each domain's score is the average of the attempts that reported it, each weighted
// by 2^(−age/30 days) (readinessHalfLifeDays). An attempt with no domain breakdown
// stands in for every domain with its overall percent, the best estimate it offers.
// Domain scores are combined with the outline's midpoint weights, normalised over the
// domains that have data: a domain never practised is left out rather than counted as
// 0%, which would punish a student for not having tried yet; Domains shows which are
// missing.
//
// Because the decay is exponential, a weighted average does not change as time passes
// without new attempts (all weights shrink alike), so today only decides which
// attempts count: ones dated after today are left out, as they cannot have happened.
func Readiness(attempts []PracticeAttempt, outline []ExamDomain, today time.Time) ReadinessReport {
	report := ReadinessReport{Domains: make([]DomainReadiness, len(outline))}
	for i, d := range outline {
		report.Domains[i] = DomainReadiness{Position: d.Position, Name: d.Name, Weight: d.Midpoint()}
	}
	counted := readinessCountedAttempts(attempts, dayNumber(today))
	if len(counted) == 0 {
		return report
	}

	acc := readinessAccumulator{
		num:     make([]float64, len(outline)),
		den:     make([]float64, len(outline)),
		weights: readinessWeights(outline),
	}
	report.Trend = make([]ReadinessPoint, 0, len(counted))
	previousDay := counted[0].day
	for _, c := range counted {
		acc.decay(math.Exp2(-float64(c.day-previousDay) / readinessHalfLifeDays))
		previousDay = c.day
		acc.add(attempts[c.index], outline)
		report.Trend = append(report.Trend, ReadinessPoint{On: DateOnly(attempts[c.index].TakenOn), Percent: readinessRound1(acc.combined())})
	}

	report.HasData = true
	report.AttemptsCounted = len(counted)
	report.LastAttemptOn = DateOnly(attempts[counted[len(counted)-1].index].TakenOn)
	report.Percent = report.Trend[len(report.Trend)-1].Percent
	report.TrendPer30Days = ReadinessSlope(report.Trend)
	report.FromOverallOnly = !acc.sawBreakdown
	for i := range report.Domains {
		if acc.den[i] > 0 {
			report.Domains[i].HasData = true
			report.Domains[i].Percent = readinessRound1(acc.num[i] / acc.den[i])
		}
	}
	if acc.sawBreakdown {
		report.Weakest = readinessWeakest(report.Domains)
	}
	return report
}

type readinessEntry struct{ day, index int }

// readinessCountedAttempts returns the attempts dated today or earlier, oldest first;
// attempts on the same day keep their input order.
func readinessCountedAttempts(attempts []PracticeAttempt, todayNumber int) []readinessEntry {
	counted := make([]readinessEntry, 0, len(attempts))
	for i, a := range attempts {
		if day := dayNumber(a.TakenOn); day <= todayNumber {
			counted = append(counted, readinessEntry{day: day, index: i})
		}
	}
	slices.SortStableFunc(counted, func(a, b readinessEntry) int { return cmp.Compare(a.day, b.day) })
	return counted
}

// readinessWeights returns the midpoint weights; an outline whose weights are all zero
// (an admin mid-edit) falls back to equal weights rather than dividing by zero.
func readinessWeights(outline []ExamDomain) []float64 {
	weights := make([]float64, len(outline))
	total := 0.0
	for i, d := range outline {
		weights[i] = d.Midpoint()
		total += weights[i]
	}
	if total <= 0 {
		for i := range weights {
			weights[i] = 1
		}
	}
	return weights
}

// readinessAccumulator keeps, per domain, the decayed sums of weight×score (num) and of
// weight (den), so each new attempt costs O(domains) and the trend costs O(attempts).
type readinessAccumulator struct {
	num, den     []float64
	weights      []float64
	overallNum   float64 // used only when the outline has no domains
	overallDen   float64
	sawBreakdown bool
}

func (acc *readinessAccumulator) decay(factor float64) {
	for i := range acc.num {
		acc.num[i] *= factor
		acc.den[i] *= factor
	}
	acc.overallNum *= factor
	acc.overallDen *= factor
}

func (acc *readinessAccumulator) add(a PracticeAttempt, outline []ExamDomain) {
	acc.overallNum += a.OverallPercent
	acc.overallDen++
	reported := false
	for i, d := range outline {
		if p, ok := a.DomainPercents[d.Position]; ok {
			acc.num[i] += p
			acc.den[i]++
			reported = true
		}
	}
	if reported {
		acc.sawBreakdown = true
		return
	}
	for i := range outline {
		acc.num[i] += a.OverallPercent
		acc.den[i]++
	}
}

// combined is the weighted readiness over domains with data.
func (acc *readinessAccumulator) combined() float64 {
	var num, den float64
	for i := range acc.num {
		if acc.den[i] > 0 {
			num += acc.weights[i] * acc.num[i] / acc.den[i]
			den += acc.weights[i]
		}
	}
	if den > 0 {
		return num / den
	}
	if acc.overallDen > 0 {
		return acc.overallNum / acc.overallDen
	}
	return 0
}

// readinessWeakest returns the lowest-scoring domains with data; on equal scores the
// heavier domain comes first, since it costs more points on the exam.
func readinessWeakest(domains []DomainReadiness) []DomainReadiness {
	withData := make([]DomainReadiness, 0, len(domains))
	for _, d := range domains {
		if d.HasData {
			withData = append(withData, d)
		}
	}
	slices.SortStableFunc(withData, func(a, b DomainReadiness) int {
		if c := cmp.Compare(a.Percent, b.Percent); c != 0 {
			return c
		}
		return cmp.Compare(b.Weight, a.Weight)
	})
	return withData[:min(readinessWeakestCount, len(withData))]
}

// readinessRound1 rounds to one decimal, the precision the pages show.
func readinessRound1(x float64) float64 {
	return math.Round(x*10) / 10
}

// ReadinessSlope fits a line through the points by least squares and returns its
// slope in percentage points per 30 days, rounded to one decimal; 0 for fewer than
// two distinct days.
func ReadinessSlope(points []ReadinessPoint) float64 {
	if len(points) < 2 {
		return 0
	}
	origin := points[0].On
	var sx, sy, sxx, sxy float64
	for _, p := range points {
		x := float64(DaysBetween(origin, p.On))
		sx, sy, sxx, sxy = sx+x, sy+p.Percent, sxx+x*x, sxy+x*p.Percent
	}
	n := float64(len(points))
	denominator := n*sxx - sx*sx
	if denominator == 0 {
		return 0
	}
	return readinessRound1((n*sxy - sx*sy) / denominator * 30)
}
