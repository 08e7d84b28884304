package models

import (
	"slices"
	"time"
)

// CycleProgress is a holder's standing in one cycle on a given day. Amounts are CEUs
// in hundredths; paces are hundredths of a CEU per month, a month being
// 365.25/12 = 30.4375 days (the average Gregorian month, so a pace does not depend on
// which months a cycle spans).
type CycleProgress struct {
	// Body is the certifying body whose credentials share the cycle.
	Body string
	// Credentials are the codes counting in the cycle, RHIT left out once RHIA counts.
	Credentials []string
	// Rules are the rules in force in the cycle for those credentials.
	Rules []MaintenanceRule
	// Unit is the body's word for a unit of credit ("CEU", "hour").
	Unit  string
	Cycle Cycle

	// Required is the combined requirement; Earned the credit logged in the cycle,
	// each activity counted once.
	Required int
	Earned   int
	// HIIM is the credit in HIIM domains, HIIMRequired the share of Required that
	// must be, and HIIMPercent HIIM as a whole percentage of Required.
	HIIM         int
	HIIMRequired int
	HIIMPercent  int
	// AHIMASource is the credit from AHIMA or a component state association.
	AHIMASource         int
	AHIMASourceRequired int
	// CategoryA is NCRA Category A credit.
	CategoryA         int
	CategoryARequired int
	// InPerson is in-person credit in this cycle plus, when the two-cycle rule
	// applies, the previous cycle.
	InPerson         int
	InPersonRequired int

	// Remaining is Required − Earned, never below 0.
	Remaining int
	// Shortfall is the least further credit that could meet every requirement at
	// once: the largest gap of any rule, since one activity can count toward several.
	// It can exceed Remaining (enough CEUs, too few in HIIM domains).
	Shortfall int

	// TotalDays is the cycle's length, both ends included. DaysElapsed counts the
	// days before today in the cycle; DaysLeft is End − today (0 once it has ended).
	TotalDays   int
	DaysElapsed int
	DaysLeft    int
	// PaceSoFar is Earned per month over DaysElapsed; PaceNeeded is Shortfall per
	// month over the days left (at least one: the last day still counts).
	PaceSoFar  int
	PaceNeeded int
	// ForecastOn is the day Shortfall would be made up at PaceSoFar; zero when there
	// is nothing to forecast (no pace yet, nothing short, or the cycle is over).
	ForecastOn time.Time
	// Notes explain the cycle's dates when credentials share it (see
	// credentialGroup.notes).
	Notes []string
	// PaceRule labels the binding requirement when it is not the total.
	PaceRule string
	// Paces measures each requirement; the headline pace and forecast above are the
	// binding one's (see applyTiming).
	Paces []RulePace

	Status CycleStatus
	// HeldUntil is the last day the credential was held when it lapsed before this
	// cycle began (see lapseTracker); zero while it is held.
	HeldUntil time.Time
	// RevokesOn is the day an unmet credential is revoked: Due + the grace period of
	// the rules in force on the cycle's last day. Zero when they name no revocation.
	RevokesOn time.Time
	// Problems names each unmet rule in a holder's words, plus reminders of rules
	// hitpath cannot check (pre-2021 coding self-reviews).
	Problems []string
}

// ProgressInput is everything CEU progress is computed from.
type ProgressInput struct {
	Held       []HeldCredentialFacts
	Activities []CEUActivity
	Rules      []MaintenanceRule
	// Today is the day progress is computed for; its time of day is ignored.
	Today time.Time
}

// LearnerProgress is a holder's progress in every cycle of every credential.
type LearnerProgress struct {
	// Cycles holds, per certifying body (the earliest pass first), that body's shared
	// cycles in order, through the next one after today.
	Cycles []CycleProgress
	// Outside lists the activities dated in none of the cycles (before the first
	// pass, or beyond the next cycle), so they can be shown rather than dropped.
	Outside []CEUActivity
}

// Progress computes a holder's progress in each cycle on in.Today. The credentials
// of one body share a cycle (see Cycles for how dates and overrides work) with the
// combined requirement; an activity counts once in it, however many credentials
// share the cycle. Different bodies are counted separately, so one activity may count
// toward both an AHIMA and an NCRA cycle. CEUs never carry over between cycles.
func Progress(in ProgressInput) LearnerProgress {
	today := DateOnly(in.Today)
	sorted := creditsByDate(in.Activities)
	var progress LearnerProgress
	var cycles []Cycle
	for _, group := range groupByBody(in.Held, in.Rules) {
		for _, p := range groupProgress(group, sorted, in.Rules, today) {
			progress.Cycles = append(progress.Cycles, p)
			cycles = append(cycles, p.Cycle)
		}
	}
	progress.Outside = ActivitiesOutsideCycles(cycles, in.Activities)
	return progress
}

// WhatIf returns the progress as it would be with one more activity logged. The
// caller's activities are not modified.
func WhatIf(in ProgressInput, extra CEUActivity) LearnerProgress {
	in.Activities = append(slices.Clip(in.Activities), extra)
	return Progress(in)
}

// groupProgress evaluates each shared cycle of one body's credentials. The in-person
// rule looks at two consecutive cycles, so each cycle hands its in-person credit on.
func groupProgress(group credentialGroup, sorted []datedCredit, rules []MaintenanceRule, today time.Time) []CycleProgress {
	series := cycleSeries(group.anchor(), rules, today)
	out := make([]CycleProgress, 0, len(series))
	previousInPerson, first := 0, true
	lapse := newLapseTracker(group)
	for _, cycle := range series {
		inForce := group.rulesIn(cycle, rules)
		if len(inForce) == 0 {
			continue
		}
		logged := within(sorted, cycle)
		credit := tally(logged)
		p := newCycleProgress(group.body, cycle, inForce, credit)
		p.applyGrace(group.rulesAt(cycle, cycle.End, rules))
		p.applyInPerson(inForce, credit.inPerson, previousInPerson, first)
		p.Shortfall = p.shortfall()
		p.applyTiming(today)
		p.HeldUntil = lapse.before(cycle, today)
		p.Status = CycleStatusOf(p, today)
		p.Problems = p.problems()
		p.Notes = group.notes(cycle)
		if group.untracked(cycle, len(logged)) {
			p.Status, p.Problems, p.RevokesOn = StatusNotTracked, nil, time.Time{}
		}
		if p.Status == StatusLapsed {
			p.Problems, p.RevokesOn = nil, time.Time{}
		}
		lapse.after(p)
		out = append(out, p)
		previousInPerson, first = credit.inPerson, false
	}
	return out
}
