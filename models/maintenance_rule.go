package models

import "time"

// CycleKind says how the dates of a credential's maintenance cycles are laid out.
type CycleKind string

const (
	// CycleAnniversary cycles start on the pass date and last CycleYears years; each
	// next cycle starts the day after the previous one ends (AHIMA).
	CycleAnniversary CycleKind = "anniversary"
	// CycleCalendar cycles are whole calendar years ending Dec 31. The first starts
	// on the pass date and also covers the rest of that year, so a 2-year cycle of a
	// credential passed on 2021-05-10 ends on 2023-12-31 (NCRA's ODS).
	CycleCalendar CycleKind = "calendar"
)

// MaintenanceRule is one dated version of what a holder must do to keep a
// credential. A cycle uses the version in force on the day it starts: rules change
// (AHIMA dropped coding self-reviews in 2021 and added the 40% rule in 2025), and a
// change is a new row with new dates, never a condition in code.
//
// Every CEU amount is in hundredths (20 CEUs = 2000); NCRA's hours are its CE units
// and are stored the same way.
type MaintenanceRule struct {
	// CredentialCode is the credential the rule is for: RHIT, CCA, CCS, CCS-P, RHIA, ODS.
	CredentialCode string
	// Body is the certifying body. A holder's credentials of one body share one
	// cycle and one combined requirement; different bodies are counted separately.
	Body string
	// EffectiveFrom and EffectiveTo bound the cycle starts the rule covers:
	// [EffectiveFrom, EffectiveTo). A zero EffectiveFrom means "since always", a zero
	// EffectiveTo "until replaced".
	EffectiveFrom time.Time
	EffectiveTo   time.Time

	CycleKind  CycleKind
	CycleYears int
	// DueOffsetDays is how long after the cycle's last day the CEUs may still be
	// reported: 0 for AHIMA, 31 for NCRA (Dec 31 → Jan 31).
	DueOffsetDays int
	// GraceDaysUntilRevoked is how long after the due date an unmet credential stays
	// inactive before it is revoked (AHIMA since 2021: 180). 0: the rule names no
	// revocation, so an unmet cycle stays inactive.
	GraceDaysUntilRevoked int

	// CEUsPerCycle is the requirement for this credential held alone.
	CEUsPerCycle int
	// Unit is the singular word the body uses for a unit of credit, for messages:
	// "CEU" (AHIMA) or "hour" (NCRA).
	Unit string
	// AdditionalCredentialCEUs and CombinedMaxCEUs give the requirement when several
	// credentials of the body share a cycle: the highest single requirement plus
	// AdditionalCredentialCEUs per further credential, at most CombinedMaxCEUs
	// (0: no cap).
	AdditionalCredentialCEUs int
	CombinedMaxCEUs          int
	// Replaces names a credential this one supersedes: once RHIA counts in a cycle,
	// RHIT no longer does.
	Replaces string

	// HIIMSharePercent is the share of the required CEUs (not of those earned) that
	// must be in HIIM domains.
	HIIMSharePercent int
	// AHIMASourceSharePercent is the share of the required CEUs that must come from
	// AHIMA or a component state association.
	AHIMASourceSharePercent int
	// CategoryACEUs is how much of the requirement must be NCRA Category A (directly
	// assigned staging and/or site-specific coding).
	CategoryACEUs int
	// InPersonCEUsTwoCycles is the in-person amount required across a cycle and the
	// one before it.
	InPersonCEUsTwoCycles int
	// SelfReviews is the number of coding self-reviews required per cycle, each worth
	// SelfReviewCEUs of the requirement (pre-2021 CCA/CCS/CCS-P: 2 × 5 CEUs).
	SelfReviews    int
	SelfReviewCEUs int

	// Source says where the rule comes from, for showing next to what it tells a user.
	Source string
}

// covers reports whether the rule is the one for code's cycles starting on cycleStart.
func (r MaintenanceRule) covers(code string, cycleStart time.Time) bool {
	if r.CredentialCode != code || cycleStart.Before(r.EffectiveFrom) {
		return false
	}
	return r.EffectiveTo.IsZero() || cycleStart.Before(r.EffectiveTo)
}

// RuleFor returns the rule in force for a cycle of credential code starting on
// cycleStart, and false when there is none. Should an admin leave overlapping rows,
// the one that took effect last wins, as the newer statement of the rule.
func RuleFor(rules []MaintenanceRule, code string, cycleStart time.Time) (MaintenanceRule, bool) {
	cycleStart = DateOnly(cycleStart)
	var found MaintenanceRule
	ok := false
	for _, rule := range rules {
		if rule.covers(code, cycleStart) && (!ok || rule.EffectiveFrom.After(found.EffectiveFrom)) {
			found, ok = rule, true
		}
	}
	return found, ok
}

// CombinedRequirement returns the CEUs (hundredths) required in one cycle shared by
// the credentials whose rules are given: the highest single requirement plus the
// additional amount for each further credential, capped (AHIMA: CCS + CCS-P = 30,
// RHIA + CCS + CCS-P = 50). The rules must be for distinct credentials with any
// replaced credential already left out; with no rules it returns 0.
func CombinedRequirement(rules []MaintenanceRule) int {
	if len(rules) == 0 {
		return 0
	}
	highest := rules[0]
	for _, rule := range rules[1:] {
		if rule.CEUsPerCycle > highest.CEUsPerCycle {
			highest = rule
		}
	}
	required := highest.CEUsPerCycle + highest.AdditionalCredentialCEUs*(len(rules)-1)
	if highest.CombinedMaxCEUs > 0 {
		required = min(required, highest.CombinedMaxCEUs)
	}
	return required
}

// withoutReplaced drops the rules of credentials superseded by another one present
// (RHIT when RHIA is there), keeping the order of the rest.
func withoutReplaced(rules []MaintenanceRule) []MaintenanceRule {
	kept := rules[:0:0]
	for _, rule := range rules {
		if !isReplaced(rules, rule.CredentialCode) {
			kept = append(kept, rule)
		}
	}
	return kept
}

// isReplaced reports whether one of rules supersedes credential code.
func isReplaced(rules []MaintenanceRule, code string) bool {
	for _, rule := range rules {
		if rule.Replaces == code {
			return true
		}
	}
	return false
}
