package models

import (
	"cmp"
	"slices"
	"sort"
)

// creditKind flags what an activity's credit counts toward besides the total.
type creditKind uint8

const (
	creditHIIM creditKind = 1 << iota
	creditAHIMASource
	creditCategoryA
	creditInPerson
)

// datedCredit is an activity reduced to what the rules count. It is small and holds
// no pointers, so sorting a holder's whole history on every request stays cheap.
type datedCredit struct {
	day   int // days since 1970-01-01
	ceus  int
	kinds creditKind
}

// creditOf reduces an activity to its dated credit.
func creditOf(activity CEUActivity) datedCredit {
	credit := datedCredit{day: dayNumber(activity.Date), ceus: activity.CEUs}
	flags := []struct {
		set  bool
		kind creditKind
	}{
		{activity.InHIIMDomain, creditHIIM},
		{activity.fromAHIMASource(), creditAHIMASource},
		{activity.CategoryA, creditCategoryA},
		{activity.Delivery == DeliveryInPerson, creditInPerson},
	}
	for _, flag := range flags {
		if flag.set {
			credit.kinds |= flag.kind
		}
	}
	return credit
}

// creditsByDate returns the activities' credit sorted by date, so a cycle's credit is
// one contiguous run.
func creditsByDate(activities []CEUActivity) []datedCredit {
	credits := make([]datedCredit, len(activities))
	for i, activity := range activities {
		credits[i] = creditOf(activity)
	}
	slices.SortFunc(credits, func(a, b datedCredit) int { return cmp.Compare(a.day, b.day) })
	return credits
}

// within returns the run of date-sorted credits dated inside the cycle.
func within(sorted []datedCredit, c Cycle) []datedCredit {
	first, last := dayNumber(c.Start), dayNumber(c.End)
	from := sort.Search(len(sorted), func(i int) bool { return sorted[i].day >= first })
	to := sort.Search(len(sorted), func(i int) bool { return sorted[i].day > last })
	return sorted[from:to]
}

// ceuTally is the credit of a set of activities, counted once each, broken down by
// what the rules look at.
type ceuTally struct {
	total, hiim, ahimaSource, categoryA, inPerson int
}

// tally adds up the credits.
func tally(credits []datedCredit) ceuTally {
	var t ceuTally
	for _, credit := range credits {
		t.total += credit.ceus
		t.hiim += credit.only(creditHIIM)
		t.ahimaSource += credit.only(creditAHIMASource)
		t.categoryA += credit.only(creditCategoryA)
		t.inPerson += credit.only(creditInPerson)
	}
	return t
}

// only returns the credit when it counts toward kind, else 0.
func (c datedCredit) only(kind creditKind) int {
	if c.kinds&kind == 0 {
		return 0
	}
	return c.ceus
}
