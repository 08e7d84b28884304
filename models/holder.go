package models

import (
	"context"
	"strings"
	"time"

	"gorm.io/gorm"
)

// Holder is a credential holder's whole CEU picture on one day: credentials, entries,
// the rules in force and the progress computed from them. Entries carry only what the
// rules count (see CEUFilter.RulesOnly); load a cycle's full entries with
// ListCEUEntries when titles are needed.
type Holder struct {
	Held     []HeldCredential
	Entries  []CEUEntry
	Rules    []MaintenanceRule
	Today    time.Time
	Progress LearnerProgress
	// activities are Entries as the rules see them, converted once.
	activities []CEUActivity
}

// LoadHolder loads a learner's credentials and entries and computes their progress
// on today with the stored rules.
func LoadHolder(ctx context.Context, db *gorm.DB, userID int64, today time.Time) (Holder, error) {
	held, err := ListHeldCredentials(ctx, db, userID)
	if err != nil {
		return Holder{}, err
	}
	rules, err := LoadMaintenanceRules(ctx, db)
	if err != nil {
		return Holder{}, err
	}
	entries, err := ListCEUEntries(ctx, db, userID, CEUFilter{RulesOnly: true})
	if err != nil {
		return Holder{}, err
	}
	h := Holder{Held: held, Entries: entries, Rules: rules, Today: DateOnly(today), activities: Activities(entries)}
	h.Progress = Progress(h.Input())
	return h, nil
}

// LoadHolderForEntry loads what checking one CEU entry needs: the learner's
// credentials (the earliest date an activity may have) and the rules (whether to ask
// about Category A), without the entries and progress LoadHolder reads and computes
// for every save otherwise.
func LoadHolderForEntry(ctx context.Context, db *gorm.DB, userID int64, today time.Time) (Holder, error) {
	held, err := ListHeldCredentials(ctx, db, userID)
	if err != nil {
		return Holder{}, err
	}
	rules, err := LoadMaintenanceRules(ctx, db)
	if err != nil {
		return Holder{}, err
	}
	return Holder{Held: held, Rules: rules, Today: DateOnly(today)}, nil
}

// AsOf returns the holder's standing on day if they log nothing more: progress
// computed for day with only the activities dated on or before it. Today stays the
// real date, so nothing else about the holder changes.
func (h Holder) AsOf(day time.Time) LearnerProgress {
	day = DateOnly(day)
	in := h.Input()
	var upTo []CEUActivity
	for _, a := range in.Activities {
		if !a.Date.After(day) {
			upTo = append(upTo, a)
		}
	}
	in.Activities, in.Today = upTo, day
	return Progress(in)
}

// OnDay returns the holder as they will stand on day if they log nothing more (see
// AsOf), with day as their today, so the cycles current on day are the current ones.
func (h Holder) OnDay(day time.Time) Holder {
	on := h
	on.Progress, on.Today = h.AsOf(day), DateOnly(day)
	return on
}

// AsOfProblems checks a standing date typed by a holder: a real date within ten
// years of today. The problem is filed under as_of.
func AsOfProblems(text string, today time.Time) (time.Time, Problems) {
	day, err := ParseDate(strings.TrimSpace(text))
	switch {
	case err != nil:
		return time.Time{}, Problems{"as_of": err.Error()}
	case day.Before(AddYears(DateOnly(today), -10)) || day.After(AddYears(DateOnly(today), 10)):
		return time.Time{}, Problems{"as_of": "Choose a date within ten years of today."}
	}
	return day, nil
}

// Input is what progress is computed from, for Progress and WhatIf.
func (h Holder) Input() ProgressInput {
	facts := make([]HeldCredentialFacts, len(h.Held))
	for i, c := range h.Held {
		facts[i] = c.Facts()
	}
	activities := h.activities
	if activities == nil {
		activities = Activities(h.Entries)
	}
	return ProgressInput{Held: facts, Activities: activities, Rules: h.Rules, Today: h.Today}
}

// CycleKey names a cycle in URLs and forms: body and start date, e.g. "AHIMA-2024-03-15".
func CycleKey(p CycleProgress) string {
	return p.Body + "-" + p.Cycle.Start.Format(time.DateOnly)
}

// Cycle returns the cycle named by key.
func (h Holder) Cycle(key string) (CycleProgress, bool) {
	for _, p := range h.Progress.Cycles {
		if CycleKey(p) == key {
			return p, true
		}
	}
	return CycleProgress{}, false
}

// CurrentCycles returns, per certifying body, the cycle containing today, or the
// latest one that has started when none does.
func (h Holder) CurrentCycles() []CycleProgress {
	var current []CycleProgress
	for _, p := range h.Progress.Cycles {
		if p.Cycle.Start.After(h.Today) {
			continue
		}
		if n := len(current); n > 0 && current[n-1].Body == p.Body {
			current[n-1] = p
			continue
		}
		current = append(current, p)
	}
	return current
}

// DefaultCycle is the cycle pages show when none is chosen: the first current one.
func (h Holder) DefaultCycle() (CycleProgress, bool) {
	current := h.CurrentCycles()
	if len(current) == 0 {
		return CycleProgress{}, false
	}
	return current[0], true
}

// EntriesIn returns the entries (rule columns only) dated inside the cycle, newest first.
func (h Holder) EntriesIn(p CycleProgress) []CEUEntry {
	var in []CEUEntry
	for _, e := range h.Entries {
		if p.Cycle.Contains(e.ActivityDate) {
			in = append(in, e)
		}
	}
	return in
}

// EarliestEarnedOn is the first day the holder's CEUs can count.
func (h Holder) EarliestEarnedOn() time.Time { return EarliestEarnedOn(h.Held) }
