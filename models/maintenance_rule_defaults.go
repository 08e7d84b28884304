package models

import "time"

const (
	ahimaSource = "AHIMA recertification requirements (ahima.org/certification)"
	ncraSource  = "NCRA continuing education requirements for ODS, formerly CTR (ncra-usa.org)"
)

// DefaultMaintenanceRules returns the maintenance rules hitpath seeds: three dated
// versions for each AHIMA credential of the catalogue (RHIT, CCA, CCS, CCS-P, RHIA,
// CHPS, CHDA, CDIP, and the legacy CPHI and CHTS family still held) and two for
// NCRA's ODS. For every credential the versions are contiguous and do not overlap.
// The database seed is written from this list, and admins edit the rows afterwards.
// It returns a new slice on each call, so callers may modify it.
func DefaultMaintenanceRules() []MaintenanceRule {
	ahima := []struct {
		code        string
		ceus        int
		replaces    string
		selfReviews int
	}{
		{"RHIT", 2000, "", 0},
		{"CCA", 2000, "", 2},
		{"CCS", 2000, "", 2},
		{"CCS-P", 2000, "", 2},
		{"RHIA", 3000, "RHIT", 0},
		// The rest of the catalogue, seeded after ODS (migration 00043).
		{"CHPS", 3000, "", 0},
		{"CHDA", 3000, "", 0},
		{"CDIP", 3000, "", 0},
		{"CPHI", 3000, "", 0},
		{"CHTS-CP", 2000, "", 0},
		{"CHTS-IM", 2000, "", 0},
		{"CHTS-IS", 2000, "", 0},
		{"CHTS-PW", 2000, "", 0},
		{"CHTS-TR", 2000, "", 0},
		{"CHTS-TS", 2000, "", 0},
	}
	rules := make([]MaintenanceRule, 0, 3*len(ahima)+2)
	for i, c := range ahima {
		if i == 5 {
			rules = append(rules, odsRules()...)
		}
		rules = append(rules, ahimaRules(c.code, c.ceus, c.replaces, c.selfReviews)...)
	}
	return rules
}

// ahimaRules returns one AHIMA credential's versions: before 2021 (coding
// self-reviews, no revocation rule recorded), 2021–2024, and from 2025 (40% from
// AHIMA sources).
func ahimaRules(code string, ceus int, replaces string, selfReviews int) []MaintenanceRule {
	base := MaintenanceRule{
		CredentialCode:           code,
		Body:                     "AHIMA",
		CycleKind:                CycleAnniversary,
		CycleYears:               2,
		CEUsPerCycle:             ceus,
		Unit:                     "CEU",
		AdditionalCredentialCEUs: 1000,
		CombinedMaxCEUs:          5000,
		Replaces:                 replaces,
		HIIMSharePercent:         80,
		Source:                   ahimaSource,
	}
	// AHIMA discontinued coding self-reviews on 2021-01-01, and documents the
	// inactive-then-revoked sequence from then on.
	selfReviewsEnd := DateOf(2021, time.January, 1)
	// The 40% AHIMA-source rule covers cycles starting on or after 2025-01-01.
	ahimaSourceStart := DateOf(2025, time.January, 1)

	before2021 := base
	before2021.EffectiveTo = selfReviewsEnd
	if selfReviews > 0 {
		before2021.SelfReviews, before2021.SelfReviewCEUs = selfReviews, 500
	}

	from2021 := base
	from2021.EffectiveFrom, from2021.EffectiveTo = selfReviewsEnd, ahimaSourceStart
	from2021.GraceDaysUntilRevoked = 180

	from2025 := from2021
	from2025.EffectiveFrom, from2025.EffectiveTo = ahimaSourceStart, time.Time{}
	from2025.AHIMASourceSharePercent = 40
	return []MaintenanceRule{before2021, from2021, from2025}
}

// odsRules returns NCRA's ODS versions: before 2025, and from 2025 with 8 in-person
// hours across two consecutive cycles. NCRA's revocation timing is not recorded in
// credentials.md, so an unmet ODS cycle stays inactive rather than being guessed.
func odsRules() []MaintenanceRule {
	inPersonStart := DateOf(2025, time.January, 1)
	before2025 := MaintenanceRule{
		CredentialCode: "ODS",
		Body:           "NCRA",
		EffectiveTo:    inPersonStart,
		CycleKind:      CycleCalendar,
		CycleYears:     2,
		DueOffsetDays:  31,
		CEUsPerCycle:   2000,
		Unit:           "hour",
		CategoryACEUs:  400,
		Source:         ncraSource,
	}
	from2025 := before2025
	from2025.EffectiveFrom, from2025.EffectiveTo = inPersonStart, time.Time{}
	from2025.InPersonCEUsTwoCycles = 800
	return []MaintenanceRule{before2025, from2025}
}
