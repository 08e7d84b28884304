package models

import "time"

// maxCycles stops cycle generation on nonsensical input (an earned-on date centuries
// ago) instead of building thousands of cycles; 100 cycles is two centuries.
const maxCycles = 100

// HeldCredentialFacts is what the maintenance rules need to know about a credential
// a learner holds.
type HeldCredentialFacts struct {
	// Code is the credential: RHIT, CCA, CCS, CCS-P, RHIA, ODS.
	Code string
	// EarnedOn is the day the exam was passed; the first cycle starts on it.
	EarnedOn time.Time
	// OverrideStart and OverrideEnd are one cycle's dates as the certifying body
	// shows them, entered by the holder. Both must be set for the override to apply.
	OverrideStart time.Time
	OverrideEnd   time.Time
	// CurrentFrom is the day the holder said the credential was current (zero: they
	// did not). Cycles that ended before it with nothing logged were recertified
	// outside hitpath (StatusNotTracked).
	CurrentFrom time.Time
	// NotCurrent is set when the holder says they no longer hold the credential: once
	// its cycles stop being renewed they lapse (StatusLapsed).
	NotCurrent bool
}

// Cycle is one maintenance cycle of a credential, or of the credentials of one body
// that share a cycle.
type Cycle struct {
	// Number counts cycles from 1, the one starting on the earned-on date.
	Number int
	// Start and End are the first and last days of the cycle; both belong to it.
	Start time.Time
	End   time.Time
	// Due is the last day the cycle's CEUs can be reported.
	Due time.Time
	// Rule is the rule in force on Start for the credential the dates derive from;
	// Due follows the rule in force on End.
	Rule MaintenanceRule
	// Overridden is set when the dates are the holder's override.
	Overridden bool
	// Shortened is set when the cycle was cut short because the overridden cycle
	// starts before its normal end.
	Shortened bool
}

// Contains reports whether date falls in the cycle, its first and last days included.
func (c Cycle) Contains(date time.Time) bool {
	date = DateOnly(date)
	return !date.Before(c.Start) && !date.After(c.End)
}

// cycleAnchor is what a series of cycles is derived from: a credential's rules, the
// day its first cycle starts, and optionally one cycle fixed by an override.
type cycleAnchor struct {
	code          string
	earnedOn      time.Time
	overrideStart time.Time
	overrideEnd   time.Time
}

// anchor returns the held credential's cycle anchor, ignoring an incomplete or
// reversed override.
func (h HeldCredentialFacts) anchor() cycleAnchor {
	a := cycleAnchor{code: h.Code, earnedOn: DateOnly(h.EarnedOn)}
	if h.hasOverride() {
		a.overrideStart, a.overrideEnd = DateOnly(h.OverrideStart), DateOnly(h.OverrideEnd)
	}
	return a
}

// hasOverride reports whether the holder entered a usable cycle override.
func (h HeldCredentialFacts) hasOverride() bool {
	return !h.OverrideStart.IsZero() && !h.OverrideEnd.IsZero() &&
		!DateOnly(h.OverrideEnd).Before(DateOnly(h.OverrideStart))
}

// Cycles returns the held credential's cycles from the first, which starts on the
// earned-on date, through the one containing today, plus the next one so a holder
// can see when it starts. When the pass date is still ahead, only the first cycle is
// returned. Each cycle uses the rule in force on its start; generation stops early
// at a cycle no rule covers.
//
// An override wins: the overridden cycle is used exactly as given and the cycles
// after it follow from its end. The cycles before it are derived from the earned-on
// date as usual, and the one running into the override ends the day before it
// (Shortened), because a certifying body realigns cycles by cutting the running one
// short, as AHIMA does when a holder adds a credential. An override that starts on
// or before the earned-on date is the first cycle.
func Cycles(held HeldCredentialFacts, rules []MaintenanceRule, today time.Time) []Cycle {
	return cycleSeries(held.anchor(), rules, DateOnly(today))
}

// cycleSeries lays out the cycles of an anchor through today plus the next one.
func cycleSeries(a cycleAnchor, rules []MaintenanceRule, today time.Time) []Cycle {
	if a.earnedOn.IsZero() {
		return nil
	}
	var cycles []Cycle
	start := a.earnedOn
	for len(cycles) < maxCycles {
		cycle, ok := a.cycleFrom(start, rules)
		if !ok {
			break
		}
		cycle.Number = len(cycles) + 1
		cycles = append(cycles, cycle)
		if cycle.Start.After(today) {
			break
		}
		start = AddDays(cycle.End, 1)
	}
	return cycles
}

// cycleFrom returns the cycle beginning on start, or the override when it is the
// cycle to use from there on.
func (a cycleAnchor) cycleFrom(start time.Time, rules []MaintenanceRule) (Cycle, bool) {
	hasOverride := !a.overrideStart.IsZero()
	if hasOverride && !a.overrideStart.After(start) && !a.overrideEnd.Before(start) {
		return a.cycleBetween(a.overrideStart, a.overrideEnd, rules, true)
	}
	rule, ok := RuleFor(rules, a.code, start)
	if !ok || rule.CycleYears < 1 {
		return Cycle{}, false
	}
	end := naturalEnd(start, rule)
	if hasOverride && a.overrideStart.After(start) && !a.overrideStart.After(end) {
		cycle, ok := a.cycleBetween(start, AddDays(a.overrideStart, -1), rules, false)
		cycle.Shortened = true
		return cycle, ok
	}
	return a.cycleBetween(start, end, rules, false)
}

// cycleBetween builds the cycle with the given dates and the rule in force on start.
func (a cycleAnchor) cycleBetween(start, end time.Time, rules []MaintenanceRule, overridden bool) (Cycle, bool) {
	rule, ok := RuleFor(rules, a.code, start)
	if !ok {
		return Cycle{}, false
	}
	dueOffset := rule.DueOffsetDays
	if atEnd, ok := RuleFor(rules, a.code, end); ok {
		dueOffset = atEnd.DueOffsetDays // the deadline is set by the rules of the end day
	}
	return Cycle{
		Start:      start,
		End:        end,
		Due:        AddDays(end, dueOffset),
		Rule:       rule,
		Overridden: overridden,
	}, true
}

// naturalEnd returns the last day of a cycle beginning on start under rule.
// Anniversary: start + CycleYears − 1 day, so a cycle begun on Feb 29 ends on Feb 28
// (see AddYears). Calendar: Dec 31 after CycleYears whole calendar years, a partial
// first year being added to them (2021-05-10 → 2023-12-31; 2024-01-01 → 2025-12-31).
func naturalEnd(start time.Time, rule MaintenanceRule) time.Time {
	if rule.CycleKind != CycleCalendar {
		return AddDays(AddYears(start, rule.CycleYears), -1)
	}
	years := rule.CycleYears
	if start.Month() != time.January || start.Day() != 1 {
		years++
	}
	return DateOf(start.Year()+years-1, time.December, 31)
}
