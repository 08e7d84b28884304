package models

import (
	"fmt"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"
)

// CEUEntryProblems checks an entry built in code before it is saved and names each
// problem by field: a positive amount of at most 40 CEUs plus everything
// entryFieldProblems checks. Input from people goes through CEUEntryInput.Entry.
func CEUEntryProblems(e CEUEntry, today, earliest time.Time) map[string]string {
	problems := entryFieldProblems(e, today, earliest)
	if e.Minutes != nil {
		if problem := minutesProblem(*e.Minutes); problem != "" {
			problems.add(FieldMinutes, problem)
		}
	}
	switch {
	case e.CEUs <= 0:
		problems.add(FieldCEUs, "The CEUs must be more than 0.")
	case e.CEUs > MaxCEUsPerEntry:
		problems.add(FieldCEUs, "One activity can claim at most 40 CEUs.")
	}
	return problems.orNil()
}

// entryFieldProblems checks what is not an amount: a date neither in the future nor
// before the holder's first credential was earned (earliest; zero means no credential
// yet), a title and provider, known provider kinds and deliveries, and lengths.
func entryFieldProblems(e CEUEntry, today, earliest time.Time) Problems {
	problems := Problems{}
	date := DateOnly(e.ActivityDate)
	switch {
	case e.ActivityDate.IsZero():
		problems.add(FieldActivityDate, "Enter the activity date, like 2025-03-15.")
	case date.After(DateOnly(today)):
		problems.add(FieldActivityDate, "The activity date can't be in the future.")
	case earliest.IsZero():
		problems.add(FieldActivityDate, "Add the credential these CEUs maintain first: CEUs count from the day you earned it.")
	case date.Before(DateOnly(earliest)):
		problems.add(FieldActivityDate, fmt.Sprintf("The activity date can't be before you earned your first credential (%s).", earliest.Format(time.DateOnly)))
	}
	if strings.TrimSpace(e.Title) == "" {
		problems.add(FieldTitle, "Enter the activity's title.")
	} else if utf8.RuneCountInString(e.Title) > 200 {
		problems.add(FieldTitle, "Use at most 200 characters for the title.")
	}
	if strings.TrimSpace(e.Provider) == "" {
		problems.add(FieldProvider, "Enter who offered the activity.")
	} else if utf8.RuneCountInString(e.Provider) > 200 {
		problems.add(FieldProvider, "Use at most 200 characters for the provider.")
	}
	if !ceuOneOf(e.ProviderKind, ProviderKinds) {
		problems.add(FieldProviderKind, "Choose the provider kind: AHIMA, component state association, other approved provider, or other.")
	}
	if !ceuOneOf(e.Delivery, Deliveries) {
		problems.add(FieldDelivery, "Choose how you attended: live, in person, online or self-study.")
	}
	if utf8.RuneCountInString(e.Notes) > 2000 {
		problems.add(FieldNotes, "Use at most 2000 characters for the notes.")
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
