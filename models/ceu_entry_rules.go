package models

import (
	"fmt"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"
)

// CEUEntryProblems checks an entry before it is saved and names each problem by
// field: a positive amount of at most 40 CEUs, a date neither in the future nor before
// the holder's first credential was earned (earliest; zero means no credential yet),
// and known provider kinds and deliveries.
func CEUEntryProblems(e CEUEntry, today, earliest time.Time) map[string]string {
	problems := map[string]string{}
	date := DateOnly(e.ActivityDate)
	switch {
	case e.ActivityDate.IsZero():
		problems["activity_date"] = "Enter the activity date, like 2025-03-15."
	case date.After(DateOnly(today)):
		problems["activity_date"] = "The activity date can't be in the future."
	case earliest.IsZero():
		problems["activity_date"] = "Add the credential these CEUs maintain first: CEUs count from the day you earned it."
	case date.Before(DateOnly(earliest)):
		problems["activity_date"] = fmt.Sprintf("The activity date can't be before you earned your first credential (%s).", earliest.Format(time.DateOnly))
	}
	if strings.TrimSpace(e.Title) == "" {
		problems["title"] = "Enter the activity's title."
	} else if utf8.RuneCountInString(e.Title) > 200 {
		problems["title"] = "Use at most 200 characters for the title."
	}
	if strings.TrimSpace(e.Provider) == "" {
		problems["provider"] = "Enter who offered the activity."
	} else if utf8.RuneCountInString(e.Provider) > 200 {
		problems["provider"] = "Use at most 200 characters for the provider."
	}
	if !ceuOneOf(e.ProviderKind, ProviderKinds) {
		problems["provider_kind"] = "Choose the provider kind: AHIMA, component state association, other approved provider, or other."
	}
	if !ceuOneOf(e.Delivery, Deliveries) {
		problems["delivery"] = "Choose how you attended: live, in person, online or self-study."
	}
	if e.Minutes != nil {
		if problem := minutesProblem(*e.Minutes); problem != "" {
			problems["minutes"] = problem
		}
	}
	switch {
	case e.CEUs <= 0 && e.Minutes != nil && *e.Minutes > 0:
		problems["minutes"] = "Under 45 minutes earns no CEU: enter at least 45 minutes, or the CEUs your certificate shows."
	case e.CEUs <= 0:
		problems["ceus"] = "The CEUs must be more than 0."
	case e.CEUs > MaxCEUsPerEntry:
		problems["ceus"] = "One activity can claim at most 40 CEUs."
	}
	if utf8.RuneCountInString(e.Notes) > 2000 {
		problems["notes"] = "Use at most 2000 characters for the notes."
	}
	if len(problems) == 0 {
		return nil
	}
	return problems
}

// ProviderKinds lists the provider kinds in the order forms offer them.
var ProviderKinds = []string{string(ProviderAHIMA), string(ProviderComponent), string(ProviderApproved), string(ProviderOther)}

// Deliveries lists the ways of attending in the order forms offer them.
var Deliveries = []string{string(DeliveryLive), string(DeliveryInPerson), string(DeliveryOnline), string(DeliverySelfStudy)}

func ceuOneOf(value string, allowed []string) bool {
	for _, a := range allowed {
		if value == a {
			return true
		}
	}
	return false
}

// ParseCEUs reads a CEU amount typed by a person ("2", "1.5", "0.25") into
// hundredths. More than two decimals, signs other than a leading minus, and
// anything that is not a number are refused.
func ParseCEUs(text string) (int, error) {
	text = strings.TrimSpace(text)
	negative := strings.HasPrefix(text, "-")
	text = strings.TrimPrefix(text, "-")
	whole, fraction, hasDot := strings.Cut(text, ".")
	if whole == "" && (!hasDot || fraction == "") || len(fraction) > 2 || !ceuDigits(whole) || !ceuDigits(fraction) || len(whole) > 6 {
		return 0, fmt.Errorf("%q is not an amount of CEUs", text)
	}
	n := 0
	if whole != "" {
		n, _ = strconv.Atoi(whole)
	}
	cents := 0
	if fraction != "" {
		cents, _ = strconv.Atoi((fraction + "0")[:2])
	}
	total := n*100 + cents
	if negative {
		total = -total
	}
	return total, nil
}

func ceuDigits(s string) bool {
	for _, r := range s {
		if r < '0' || r > '9' {
			return false
		}
	}
	return true
}
