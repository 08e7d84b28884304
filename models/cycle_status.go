package models

import "time"

// CycleStatus is where a holder stands in a cycle on a given day.
type CycleStatus string

const (
	// StatusUpcoming means the cycle has not started.
	StatusUpcoming CycleStatus = "upcoming"
	// StatusComplete means every requirement hitpath can check is met.
	StatusComplete CycleStatus = "complete"
	// StatusOnTrack means today is in the cycle and every requirement is met or,
	// at its pace so far, forecast to be met by the cycle's last day.
	StatusOnTrack CycleStatus = "on_track"
	// StatusJustStarted means the cycle is in its first JustStartedDays and not yet on
	// track: too early to call it behind.
	StatusJustStarted CycleStatus = "just_started"
	// StatusBehind means today is in the cycle, past its first weeks, and some
	// requirement's forecast misses the cycle's end (or it has no credit yet).
	StatusBehind CycleStatus = "behind"
	// StatusOverdue means the cycle has ended unmet but CEUs may still be reported
	// (NCRA's January; AHIMA's due date is the last day, so it is never overdue).
	StatusOverdue CycleStatus = "overdue"
	// StatusInactive means the due date has passed with requirements unmet.
	StatusInactive CycleStatus = "inactive"
	// StatusRevoked means the credential has been inactive for the grace period of
	// the rule in force at the cycle's end (AHIMA since 2021: 180 days).
	StatusRevoked CycleStatus = "revoked"
	// StatusNotTracked is a cycle of a credential the holder says is current that
	// ended before they started tracking it here and has nothing logged: it was
	// recertified outside hitpath and counts for nothing.
	StatusNotTracked CycleStatus = "not_tracked"
	// StatusLapsed is a cycle after the credential stopped being held: a revoked
	// cycle ended before it, or the holder says the credential is not current and it
	// was not renewed. Nothing is asked of it and nobody is reminded.
	StatusLapsed CycleStatus = "lapsed"
)

// Month length for paces: 365.25/12 days, written as a fraction so pace arithmetic
// stays in integers (days per month = monthNumerator / monthDenominator).
const (
	monthNumerator   = 36525
	monthDenominator = 1200
)

// JustStartedDays is how long a cycle counts as just started: in its first six weeks
// an unmet cycle that is not yet on pace is "just started", not "behind", because a
// pace measured over a few days says nothing.
const JustStartedDays = 42

// RulePace is one requirement's pace in a cycle: what the page shows for it and what
// decides whether it is on track.
type RulePace struct {
	// Rule names the requirement: total, hiim, ahima_source, category_a, in_person.
	Rule string
	// Label words it for people: "CEUs in HIIM domains".
	Label      string
	Have, Need int
	// PaceSoFar is Have per month over the days elapsed; PaceNeeded the gap per month
	// over the days left; ForecastOn the day the gap is made up at PaceSoFar (zero:
	// no forecast — nothing had yet, nothing elapsed, or the cycle is over).
	PaceSoFar, PaceNeeded int
	ForecastOn            time.Time
	// Met is set when Have ≥ Need; OnTrack when it is met or forecast by the end.
	Met, OnTrack bool
}

// ruleNames and ruleLabels word the requirement kinds.
var (
	ruleNames  = map[requirementKind]string{requireTotal: "total", requireHIIM: "hiim", requireAHIMASource: "ahima_source", requireCategoryA: "category_a", requireInPerson: "in_person"}
	ruleLabels = map[requirementKind]string{requireTotal: "the total", requireHIIM: "CEUs in HIIM domains (80% rule)",
		requireAHIMASource: "CEUs from AHIMA sources (40% rule)", requireCategoryA: "Category A hours", requireInPerson: "in-person hours"}
)

// applyTiming fills the day counts, each requirement's pace and forecast, and the
// headline figures: those of the binding requirement, the unmet one forecast last
// (one with no forecast binds first), so the pace and forecast a page shows are the
// ones its status follows from.
func (p *CycleProgress) applyTiming(today time.Time) {
	c := p.Cycle
	p.TotalDays = DaysBetween(c.Start, c.End) + 1
	p.DaysElapsed = min(max(DaysBetween(c.Start, today), 0), p.TotalDays)
	p.DaysLeft = max(DaysBetween(today, c.End), 0)
	p.PaceSoFar = perMonth(p.Earned, p.DaysElapsed)
	running := !today.Before(c.Start) && !today.After(c.End)
	binding := -1
	for _, r := range p.requirements() {
		pace := p.rulePace(r, today, running)
		p.Paces = append(p.Paces, pace)
		if pace.Met {
			continue
		}
		i := len(p.Paces) - 1
		if binding < 0 || (!p.Paces[binding].ForecastOn.IsZero() && (pace.ForecastOn.IsZero() || pace.ForecastOn.After(p.Paces[binding].ForecastOn))) {
			binding = i
		}
	}
	if binding >= 0 {
		b := p.Paces[binding]
		p.PaceSoFar, p.PaceNeeded, p.ForecastOn = b.PaceSoFar, b.PaceNeeded, b.ForecastOn
		if b.Rule != ruleNames[requireTotal] {
			p.PaceRule = b.Label
		}
	}
}

// rulePace measures one requirement on today.
func (p CycleProgress) rulePace(r requirement, today time.Time, running bool) RulePace {
	pace := RulePace{Rule: ruleNames[r.kind], Label: ruleLabels[r.kind], Have: r.have, Need: r.need,
		PaceSoFar: perMonth(r.have, p.DaysElapsed), Met: r.have >= r.need}
	pace.OnTrack = pace.Met
	gap := r.need - r.have
	if pace.Met || !running {
		return pace
	}
	pace.PaceNeeded = perMonth(gap, max(p.DaysLeft, 1))
	if r.have > 0 && p.DaysElapsed > 0 {
		days := ceilDiv(gap*p.DaysElapsed, r.have)
		pace.ForecastOn = AddDays(today, days)
		// days ≤ DaysLeft ⇔ gap/DaysLeft ≤ have/DaysElapsed: the forecast makes the
		// deadline exactly when the pace so far is at least the pace needed.
		pace.OnTrack = days <= p.DaysLeft
	}
	return pace
}

// Behind lists the requirements not on track of a cycle that is behind or overdue; any
// other status lists none, so no reader sees "behind" beside "just started" or
// "inactive".
func (p CycleProgress) Behind() []RulePace {
	if p.Status != StatusBehind && p.Status != StatusOverdue {
		return nil
	}
	var behind []RulePace
	for _, pace := range p.Paces {
		if !pace.OnTrack {
			behind = append(behind, pace)
		}
	}
	return behind
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

// CycleStatusOf is the one function that decides a cycle's status on today, from the
// figures a page shows: the shortfall, each requirement's forecast (RulePace.OnTrack:
// forecast on or before the last day, i.e. pace so far ≥ pace needed), the days
// elapsed, and the due and revocation dates. A met cycle is complete whenever it is
// looked at; in its first JustStartedDays an unmet cycle off pace is just started;
// the grace period runs from the due date. A cycle starting after HeldUntil is
// lapsed whatever was logged in it: the credential was no longer held.
func CycleStatusOf(p CycleProgress, today time.Time) CycleStatus {
	c := p.Cycle
	switch {
	case !p.HeldUntil.IsZero() && c.Start.After(p.HeldUntil):
		return StatusLapsed
	case p.Shortfall == 0:
		return StatusComplete
	case today.Before(c.Start):
		return StatusUpcoming
	case !today.After(c.End):
		if p.onTrack() {
			return StatusOnTrack
		}
		if p.DaysElapsed < JustStartedDays {
			return StatusJustStarted
		}
		return StatusBehind
	case !today.After(c.Due):
		return StatusOverdue
	case !p.RevokesOn.IsZero() && !today.Before(p.RevokesOn):
		return StatusRevoked
	}
	return StatusInactive
}

// onTrack reports whether every requirement is met or forecast by the cycle's end.
func (p CycleProgress) onTrack() bool {
	for _, pace := range p.Paces {
		if !pace.OnTrack {
			return false
		}
	}
	return len(p.Paces) > 0
}
