package models

import (
	"slices"
	"testing"
	"time"
)

// date parses a YYYY-MM-DD literal for test tables; a typo is a bug in the test.
func date(s string) time.Time {
	d, err := time.Parse(time.DateOnly, s)
	if err != nil {
		panic(err)
	}
	return d
}

// hiimCEU returns one CEU in an HIIM domain from an approved provider, taken online: it
// meets the 80% rule and nothing else.
func hiimCEU() CEUActivity {
	return CEUActivity{CEUs: 100, InHIIMDomain: true, ProviderKind: ProviderApproved, Delivery: DeliveryOnline}
}

// repeat returns n copies of template dated a week apart from first.
func repeat(n int, first time.Time, template CEUActivity) []CEUActivity {
	activities := make([]CEUActivity, n)
	for i := range activities {
		activities[i] = template
		activities[i].Date = AddDays(first, 7*i)
	}
	return activities
}

// with returns template changed by edit, for building variants inline.
func with(template CEUActivity, edit func(*CEUActivity)) CEUActivity {
	edit(&template)
	return template
}

// held is a credential passed on earnedOn without an override.
func held(code, earnedOn string) HeldCredentialFacts {
	return HeldCredentialFacts{Code: code, EarnedOn: date(earnedOn)}
}

// progressOn computes progress with the default rules.
func progressOn(today string, holds []HeldCredentialFacts, activities []CEUActivity) LearnerProgress {
	return Progress(ProgressInput{Held: holds, Activities: activities, Rules: DefaultMaintenanceRules(), Today: date(today)})
}

// cycleStarting returns the progress of body's cycle starting on start.
func cycleStarting(t *testing.T, progress LearnerProgress, body, start string) CycleProgress {
	t.Helper()
	i := slices.IndexFunc(progress.Cycles, func(p CycleProgress) bool {
		return p.Body == body && p.Cycle.Start.Equal(date(start))
	})
	if i < 0 {
		t.Fatalf("no %s cycle starting %s in %v", body, start, cycleStarts(progress))
	}
	return progress.Cycles[i]
}

// cycleStarts lists body and start of each cycle, for failure messages.
func cycleStarts(progress LearnerProgress) []string {
	var starts []string
	for _, p := range progress.Cycles {
		starts = append(starts, p.Body+" "+p.Cycle.Start.Format(time.DateOnly))
	}
	return starts
}
