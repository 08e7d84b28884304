package models

import (
	"slices"
	"time"
)

// lapseTracker follows one body's cycles in order to find when its credentials
// stopped being held. The credential lapses at the end of a cycle that was revoked;
// when the holder says it is not current, it lapses at the end of the first cycle
// left unmet past its due date or, failing one, at the end of the last cycle over by
// today (the holder let it go without a shortfall hitpath saw, e.g. an unpaid fee).
// A credential of the body passed after the lapse is held anew from its cycle on.
type lapseTracker struct {
	// current is whether the holder says they hold a credential of the body now.
	current bool
	// earned are the pass dates of the body's credentials.
	earned    []time.Time
	heldUntil time.Time
}

// newLapseTracker starts following the group's cycles.
func newLapseTracker(g credentialGroup) lapseTracker {
	l := lapseTracker{current: g.heldNow()}
	for _, h := range g.held {
		l.earned = append(l.earned, DateOnly(h.EarnedOn))
	}
	return l
}

// before returns the HeldUntil of cycle c, judged on today.
func (l *lapseTracker) before(c Cycle, today time.Time) time.Time {
	if !l.heldUntil.IsZero() && slices.ContainsFunc(l.earned, func(e time.Time) bool { return e.After(l.heldUntil) && !e.After(c.End) }) {
		l.heldUntil = time.Time{}
	}
	if l.heldUntil.IsZero() && !l.current && !today.After(c.Due) {
		l.heldUntil = AddDays(c.Start, -1)
	}
	return l.heldUntil
}

// after records the status of a cycle once decided.
func (l *lapseTracker) after(p CycleProgress) {
	if !l.heldUntil.IsZero() {
		return
	}
	if p.Status == StatusRevoked || (!l.current && p.Status == StatusInactive) {
		l.heldUntil = p.Cycle.End
	}
}
