package models

import "time"

// CycleStatus is where a holder stands in a cycle on a given day.
type CycleStatus string

const (
	// StatusUpcoming means the cycle has not started.
	StatusUpcoming CycleStatus = "upcoming"
	// StatusComplete means every requirement hitpath can check is met.
	StatusComplete CycleStatus = "complete"
	// StatusOnTrack means today is in the cycle and every requirement is met at least
	// in proportion to the share of the cycle elapsed (see CycleProgress.onPace).
	StatusOnTrack CycleStatus = "on_track"
	// StatusBehind means today is in the cycle and some requirement is below that
	// proportion.
	StatusBehind CycleStatus = "behind"
	// StatusOverdue means the cycle has ended unmet but CEUs may still be reported
	// (NCRA's January; AHIMA's due date is the last day, so it is never overdue).
	StatusOverdue CycleStatus = "overdue"
	// StatusInactive means the due date has passed with requirements unmet.
	StatusInactive CycleStatus = "inactive"
	// StatusRevoked means the credential has been inactive for the rule's grace
	// period (AHIMA: 180 days).
	StatusRevoked CycleStatus = "revoked"
)

// Month length for paces: 365.25/12 days, written as a fraction so pace arithmetic
// stays in integers (days per month = monthNumerator / monthDenominator).
const (
	monthNumerator   = 36525
	monthDenominator = 1200
)

// applyTiming fills the day counts, paces and forecast for today.
func (p *CycleProgress) applyTiming(today time.Time) {
	c := p.Cycle
	p.TotalDays = DaysBetween(c.Start, c.End) + 1
	p.DaysElapsed = min(max(DaysBetween(c.Start, today), 0), p.TotalDays)
	p.DaysLeft = max(DaysBetween(today, c.End), 0)
	p.PaceSoFar = perMonth(p.Earned, p.DaysElapsed)
	if today.After(c.End) {
		return
	}
	p.PaceNeeded = perMonth(p.Shortfall, max(DaysBetween(laterOf(today, c.Start), c.End), 1))
	if p.Shortfall > 0 && p.Earned > 0 && p.DaysElapsed > 0 {
		days := ceilDiv(p.Shortfall*p.DaysElapsed, p.Earned)
		p.ForecastOn = AddDays(today, days)
	}
}

// perMonth returns amount per month over days, rounded to the nearest hundredth; 0
// when no days have passed.
func perMonth(amount, days int) int {
	if days <= 0 {
		return 0
	}
	divisor := monthDenominator * days
	return (amount*monthNumerator + divisor/2) / divisor
}

// ceilDiv returns a / b rounded up, for positive a and b.
func ceilDiv(a, b int) int {
	return (a + b - 1) / b
}

// status returns the cycle's status on today. The order matters: a met cycle is
// complete whenever it is looked at, and the grace period runs from the due date.
func (p CycleProgress) status(today time.Time) CycleStatus {
	c := p.Cycle
	switch {
	case p.Shortfall == 0:
		return StatusComplete
	case today.Before(c.Start):
		return StatusUpcoming
	case !today.After(c.End):
		if p.onPace() {
			return StatusOnTrack
		}
		return StatusBehind
	case !today.After(c.Due):
		return StatusOverdue
	case !p.RevokesOn.IsZero() && !today.Before(p.RevokesOn):
		return StatusRevoked
	}
	return StatusInactive
}

// onPace reports whether every requirement is met at least in proportion to the
// share of the cycle elapsed: have / required ≥ DaysElapsed / TotalDays for each,
// compared exactly as have × TotalDays ≥ required × DaysElapsed. RHIT passed
// 2024-03-15 with 12 of 20 CEUs on 2026-01-01: 12 × 730 < 20 × 657, behind.
func (p CycleProgress) onPace() bool {
	for _, r := range p.requirements() {
		if r.have*p.TotalDays < r.need*p.DaysElapsed {
			return false
		}
	}
	return true
}
