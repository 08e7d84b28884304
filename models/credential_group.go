package models

import (
	"fmt"
	"slices"
	"time"
)

// credentialGroup is a holder's credentials of one certifying body. AHIMA aligns the
// cycles of a holder's credentials, so they share one cycle and one combined
// requirement; another body's credentials are counted on their own.
type credentialGroup struct {
	body string
	// held has one entry per credential code, earliest earned first.
	held []HeldCredentialFacts
}

// groupByBody sorts held credentials into groups by certifying body, ordered by the
// first pass date in each. A credential no rule mentions, one without an earned-on
// date and a repeated code are left out: there is nothing to compute for them.
func groupByBody(held []HeldCredentialFacts, rules []MaintenanceRule) []credentialGroup {
	sorted := slices.Clone(held)
	slices.SortStableFunc(sorted, func(a, b HeldCredentialFacts) int {
		return DateOnly(a.EarnedOn).Compare(DateOnly(b.EarnedOn))
	})
	var groups []credentialGroup
	for _, h := range sorted {
		body, ok := bodyOf(rules, h.Code)
		if !ok || h.EarnedOn.IsZero() {
			continue
		}
		i := slices.IndexFunc(groups, func(g credentialGroup) bool { return g.body == body })
		if i < 0 {
			groups = append(groups, credentialGroup{body: body})
			i = len(groups) - 1
		}
		if !groups[i].holds(h.Code) {
			groups[i].held = append(groups[i].held, h)
		}
	}
	return groups
}

// bodyOf returns the certifying body any rule names for credential code.
func bodyOf(rules []MaintenanceRule, code string) (string, bool) {
	i := slices.IndexFunc(rules, func(r MaintenanceRule) bool { return r.CredentialCode == code })
	if i < 0 {
		return "", false
	}
	return rules[i].Body, true
}

// holds reports whether the group already has credential code.
func (g credentialGroup) holds(code string) bool {
	return slices.ContainsFunc(g.held, func(h HeldCredentialFacts) bool { return h.Code == code })
}

// anchor returns what the shared cycles derive from: the primary (first-earned)
// credential's pass date, rules and override. AHIMA syncs every later credential to
// the primary's cycle, so the shared cycle is set in one place, on the primary; a
// later credential's own override is not consulted.
func (g credentialGroup) anchor() cycleAnchor {
	return g.held[0].anchor()
}

// notes explain a shared cycle's dates: that a later credential follows the
// primary's cycle, and which credentials were earned during the cycle.
func (g credentialGroup) notes(c Cycle) []string {
	if len(g.held) < 2 {
		return nil
	}
	primary := g.held[0]
	var notes []string
	if c.Overridden {
		notes = append(notes, fmt.Sprintf("%s aligns all your %s credentials to one cycle; these are the shared dates you set on %s, your first.",
			g.body, g.body, primary.Code))
	}
	for _, h := range g.held[1:] {
		earned := DateOnly(h.EarnedOn)
		if earned.After(c.Start) && !earned.After(c.End) {
			notes = append(notes, fmt.Sprintf("%s was earned on %s, during this cycle: %s moved it onto %s's cycle, and its extra CEUs count in full from this cycle (hitpath's assumption; %s has not confirmed it).",
				h.Code, earned.Format("2 Jan 2006"), g.body, primary.Code, g.body))
		}
	}
	return notes
}

// PrimaryCredential returns, among held, the credential whose cycle the others of
// code's certifying body share: the first earned (then the first added).
func PrimaryCredential(held []HeldCredential, rules []MaintenanceRule, code string) (HeldCredential, bool) {
	body, ok := bodyOf(rules, code)
	if !ok {
		return HeldCredential{}, false
	}
	var primary HeldCredential
	found := false
	for _, h := range held {
		b, ok := bodyOf(rules, h.CredentialCode)
		if !ok || b != body {
			continue
		}
		if !found || h.EarnedOn.Before(primary.EarnedOn) || (h.EarnedOn.Equal(primary.EarnedOn) && h.ID < primary.ID) {
			primary, found = h, true
		}
	}
	return primary, found
}

// rulesIn returns the rules in force in cycle c for the group's credentials that
// count in it: those passed on or before its last day, minus any credential another
// one replaces (RHIT once RHIA counts). A credential passed during a cycle counts in
// that whole cycle; it is the cautious reading, and a holder whose body realigned the
// cycle enters the new dates as an override.
func (g credentialGroup) rulesIn(c Cycle, rules []MaintenanceRule) []MaintenanceRule {
	return g.rulesAt(c, c.Start, rules)
}

// rulesAt returns the rules in force on day for the group's credentials that count in
// cycle c (see rulesIn).
func (g credentialGroup) rulesAt(c Cycle, day time.Time, rules []MaintenanceRule) []MaintenanceRule {
	var in []MaintenanceRule
	for _, h := range g.held {
		if DateOnly(h.EarnedOn).After(c.End) {
			continue
		}
		if rule, ok := RuleFor(rules, h.Code, day); ok {
			in = append(in, rule)
		}
	}
	return withoutReplaced(in)
}

// trackedFrom is the first day the holder tracks the group here: the earliest day on
// which they said one of its credentials was current. Zero: they never said so, and
// every cycle is judged.
func (g credentialGroup) trackedFrom() time.Time {
	var from time.Time
	for _, h := range g.held {
		if !h.CurrentFrom.IsZero() && (from.IsZero() || h.CurrentFrom.Before(from)) {
			from = DateOnly(h.CurrentFrom)
		}
	}
	return from
}

// heldNow reports whether the holder says they hold any of the group's credentials now.
func (g credentialGroup) heldNow() bool {
	return slices.ContainsFunc(g.held, func(h HeldCredentialFacts) bool { return !h.NotCurrent })
}

// untracked reports whether cycle c is history before hitpath: it ended before the
// holder started tracking a credential they hold now, and they logged nothing in it.
func (g credentialGroup) untracked(c Cycle, logged int) bool {
	from := g.trackedFrom()
	return !from.IsZero() && c.End.Before(from) && logged == 0
}
