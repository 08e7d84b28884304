package models

import "fmt"

// requirementKind names one measurable maintenance rule.
type requirementKind int

const (
	requireTotal requirementKind = iota
	requireHIIM
	requireAHIMASource
	requireCategoryA
	requireInPerson
)

// requirement is one measurable rule of a cycle: credit had against credit needed.
type requirement struct {
	kind       requirementKind
	have, need int
}

// newCycleProgress fills a cycle's requirements and credit. Shares are of the
// required CEUs, not of those earned: CEUs beyond the requirement may be on anything.
func newCycleProgress(body string, cycle Cycle, inForce []MaintenanceRule, credit ceuTally) CycleProgress {
	p := CycleProgress{Body: body, Cycle: cycle, Rules: inForce, Unit: inForce[0].Unit}
	for _, rule := range inForce {
		p.Credentials = append(p.Credentials, rule.CredentialCode)
	}
	p.Required = CombinedRequirement(inForce)
	p.HIIMRequired = percentOf(p.Required, highest(inForce, func(r MaintenanceRule) int { return r.HIIMSharePercent }))
	p.AHIMASourceRequired = percentOf(p.Required, highest(inForce, func(r MaintenanceRule) int { return r.AHIMASourceSharePercent }))
	p.CategoryARequired = highest(inForce, func(r MaintenanceRule) int { return r.CategoryACEUs })
	p.Earned, p.HIIM, p.AHIMASource, p.CategoryA = credit.total, credit.hiim, credit.ahimaSource, credit.categoryA
	if p.Required > 0 {
		p.HIIMPercent = p.HIIM * 100 / p.Required
	}
	p.Remaining = max(p.Required-p.Earned, 0)
	return p
}

// applyGrace sets the revocation day from the rules in force on the cycle's last day:
// what happens at a cycle's end follows the rules of that day, so a cycle begun in
// 2020 and ended in 2022 is revoked by the 2021 rules.
func (p *CycleProgress) applyGrace(atEnd []MaintenanceRule) {
	if grace := highest(atEnd, func(r MaintenanceRule) int { return r.GraceDaysUntilRevoked }); grace > 0 {
		p.RevokesOn = AddDays(p.Cycle.Due, grace)
	}
}

// applyInPerson sets the in-person credit and requirement. The rule spans this cycle
// and the previous one, so a holder's first cycle has no previous one to pair with
// and is checked together with the next cycle instead.
func (p *CycleProgress) applyInPerson(inForce []MaintenanceRule, current, previous int, first bool) {
	p.InPerson = current
	required := highest(inForce, func(r MaintenanceRule) int { return r.InPersonCEUsTwoCycles })
	if required == 0 || first {
		return
	}
	p.InPerson, p.InPersonRequired = current+previous, required
}

// requirements lists the cycle's measurable rules; one that needs nothing is left out.
func (p CycleProgress) requirements() []requirement {
	all := []requirement{
		{requireTotal, p.Earned, p.Required},
		{requireHIIM, p.HIIM, p.HIIMRequired},
		{requireAHIMASource, p.AHIMASource, p.AHIMASourceRequired},
		{requireCategoryA, p.CategoryA, p.CategoryARequired},
		{requireInPerson, p.InPerson, p.InPersonRequired},
	}
	kept := all[:0]
	for _, r := range all {
		if r.need > 0 {
			kept = append(kept, r)
		}
	}
	return kept
}

// shortfall returns the largest gap of any rule, 0 when all are met.
func (p CycleProgress) shortfall() int {
	gap := 0
	for _, r := range p.requirements() {
		gap = max(gap, r.need-r.have)
	}
	return gap
}

// problems names each unmet rule, then reminds of the self-reviews hitpath can't see.
func (p CycleProgress) problems() []string {
	var problems []string
	for _, r := range p.requirements() {
		if r.have < r.need {
			problems = append(problems, p.describe(r))
		}
	}
	for _, rule := range p.Rules {
		if rule.SelfReviews > 0 {
			problems = append(problems, fmt.Sprintf(
				"Check your coding self-reviews for %s: the rules for this cycle required %d annual self-reviews, each worth %s of the %s. hitpath can't see them, so confirm them with %s.",
				rule.CredentialCode, rule.SelfReviews, p.amount(rule.SelfReviewCEUs), p.amount(rule.CEUsPerCycle), p.Body))
		}
	}
	return problems
}

// describe words an unmet rule for the holder: what is missing, then the rule.
func (p CycleProgress) describe(r requirement) string {
	missing := r.need - r.have
	need, required := FormatCEUs(r.need), FormatCEUs(p.Required)
	switch r.kind {
	case requireHIIM:
		return fmt.Sprintf("You need %s in HIIM domains: at least %s of the %s required must be in HIIM domains.",
			p.more(missing, ""), need, required)
	case requireAHIMASource:
		return fmt.Sprintf("You need %s from AHIMA or a component state association: at least %s of the %s required must come from them.",
			p.more(missing, ""), need, required)
	case requireCategoryA:
		return fmt.Sprintf("You need %s (directly assigned staging or site-specific coding): at least %s of the %s required must be Category A.",
			p.more(missing, "Category A "), need, p.amount(p.Required))
	case requireInPerson:
		return fmt.Sprintf("You need %s: at least %s are required across this cycle and the previous one.",
			p.more(missing, "in-person "), p.amount(r.need))
	}
	logged := "are"
	if r.have == 100 {
		logged = "is" // "1 is logged"
	}
	return fmt.Sprintf("You need %s: %s are required this cycle and %s %s logged.", p.more(missing, ""), required, FormatCEUs(r.have), logged)
}

// amount writes hundredths with the body's unit: "1 CEU", "2.5 CEUs", "4 hours".
func (p CycleProgress) amount(hundredths int) string {
	return FormatCEUs(hundredths) + " " + p.unitFor(hundredths)
}

// more writes a missing amount: "1 more CEU", "3 more in-person hours".
func (p CycleProgress) more(hundredths int, qualifier string) string {
	return FormatCEUs(hundredths) + " more " + qualifier + p.unitFor(hundredths)
}

// unitFor returns the unit, plural unless the amount is exactly one.
func (p CycleProgress) unitFor(hundredths int) string {
	if hundredths == 100 {
		return p.Unit
	}
	return p.Unit + "s"
}

// percentOf returns percent of amount, rounded up so a share is never understated.
func percentOf(amount, percent int) int {
	return ceilDiv(amount*percent, 100)
}

// highest returns the largest value field takes over rules; 0 for none.
func highest(rules []MaintenanceRule, field func(MaintenanceRule) int) int {
	top := 0
	for _, rule := range rules {
		top = max(top, field(rule))
	}
	return top
}
