package models

import (
	"slices"
	"time"
)

// ProviderKind says who offered a CEU activity; AHIMA's 40% rule counts AHIMA and its
// component state associations.
type ProviderKind string

const (
	// ProviderAHIMA is AHIMA itself (including its own brands).
	ProviderAHIMA ProviderKind = "ahima"
	// ProviderComponent is an AHIMA component state association.
	ProviderComponent ProviderKind = "component"
	// ProviderApproved is another approved continuing-education provider.
	ProviderApproved ProviderKind = "approved"
	// ProviderOther is anyone else.
	ProviderOther ProviderKind = "other"
)

// Delivery says how an activity was attended; NCRA counts in-person hours.
type Delivery string

const (
	// DeliveryLive is a live session attended remotely.
	DeliveryLive Delivery = "live"
	// DeliveryInPerson is attended in person.
	DeliveryInPerson Delivery = "in_person"
	// DeliveryOnline is an on-demand online course.
	DeliveryOnline Delivery = "online"
	// DeliverySelfStudy is reading, quizzes and other self-study.
	DeliverySelfStudy Delivery = "self_study"
)

// CEUActivity is what the maintenance rules need to know about one logged activity.
type CEUActivity struct {
	// ID is the caller's identifier, carried through untouched so results can be
	// matched back to rows.
	ID int64
	// Date is the day of the activity.
	Date time.Time
	// CEUs is the credit in hundredths (see CEUsFromMinutes).
	CEUs int
	// InHIIMDomain is set when the topic is in one of AHIMA's HIIM domains.
	InHIIMDomain bool
	// ProviderKind says who offered it.
	ProviderKind ProviderKind
	// CategoryA is set for NCRA Category A content (directly assigned staging and/or
	// site-specific coding).
	CategoryA bool
	// Delivery says how it was attended.
	Delivery Delivery
}

// fromAHIMASource reports whether the activity counts toward AHIMA's 40% rule.
func (a CEUActivity) fromAHIMASource() bool {
	return a.ProviderKind == ProviderAHIMA || a.ProviderKind == ProviderComponent
}

// ActivitiesOutsideCycles returns, in their original order, the activities dated in
// none of the cycles, so a holder can be told about them instead of seeing them
// silently ignored.
func ActivitiesOutsideCycles(cycles []Cycle, activities []CEUActivity) []CEUActivity {
	// Day numbers turn each check into two integer comparisons; Progress calls this
	// for a holder's whole history on every request.
	spans := make([][2]int, len(cycles))
	for i, c := range cycles {
		spans[i] = [2]int{dayNumber(c.Start), dayNumber(c.End)}
	}
	var outside []CEUActivity
	for _, activity := range activities {
		day := dayNumber(activity.Date)
		if !slices.ContainsFunc(spans, func(s [2]int) bool { return s[0] <= day && day <= s[1] }) {
			outside = append(outside, activity)
		}
	}
	return outside
}
