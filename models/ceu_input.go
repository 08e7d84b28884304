package models

import (
	"fmt"
	"strings"
	"time"
)

// Problems maps an input field, named as the sender named it, to a message for a
// person. Nil means no problem.
type Problems map[string]string

// add records message for field unless an earlier problem already explains it.
func (p Problems) add(field, message string) {
	if _, seen := p[field]; !seen {
		p[field] = message
	}
}

// orNil returns nil for no problems, so callers can test p != nil.
func (p Problems) orNil() Problems {
	if len(p) == 0 {
		return nil
	}
	return p
}

// CEU input field names, as the entry form and the API name them. The CSV names two
// of them differently (see CEUCSVFieldNames).
const (
	FieldActivityDate = "activity_date"
	FieldTitle        = "title"
	FieldProvider     = "provider"
	FieldProviderKind = "provider_kind"
	FieldMinutes      = "minutes"
	FieldCEUs         = "ceus"
	FieldInHIIMDomain = "in_hiim_domain"
	FieldCategoryA    = "category_a"
	FieldDelivery     = "delivery"
	FieldNotes        = "notes"
)

// CEUEntryInput is a CEU activity as it arrives by any way in — the entry form, the
// API, a CSV row or the command line — every value as the sender wrote it. Entry is
// the one place it is parsed and checked, so all four get the same rules and words.
type CEUEntryInput struct {
	ActivityDate string
	Title        string
	Provider     string
	ProviderKind string
	// Minutes and CEUs: either one, or both when they agree (see Entry).
	Minutes string
	CEUs    string
	// InHIIMDomain and CategoryA are yes/no words: yes, y, true, on, 1 or
	// no, n, false, off, 0 and empty.
	InHIIMDomain string
	CategoryA    string
	Delivery     string
	Notes        string
}

// YesNo writes a flag the way CEUEntryInput reads it.
func YesNo(b bool) string {
	if b {
		return "yes"
	}
	return "no"
}

// Entry parses the input onto base (a new entry, or the stored one being edited) and
// checks it against today and the holder's earliest pass date (zero: none yet). Each
// problem is filed under the field that carries the wrong value. Minutes alone are
// converted by the 45-minute rule; CEUs alone are taken as the certificate shows
// them; both are accepted only when the minutes earn exactly those CEUs, so two
// contradicting amounts are never stored side by side.
func (in CEUEntryInput) Entry(base CEUEntry, today, earliest time.Time) (CEUEntry, Problems) {
	problems := Problems{}
	for field, text := range map[string]string{FieldTitle: in.Title, FieldProvider: in.Provider, FieldNotes: in.Notes} {
		if BadText(text) {
			problems.add(field, BadTextMessage(field))
		}
	}
	e := base
	e.ActivityDate = parseInputDate(in.ActivityDate, problems)
	e.Title, e.Provider = strings.TrimSpace(in.Title), strings.TrimSpace(in.Provider)
	e.ProviderKind, e.Delivery = strings.TrimSpace(in.ProviderKind), strings.TrimSpace(in.Delivery)
	e.Notes = strings.TrimSpace(in.Notes)
	e.InHIIMDomain = parseInputFlag(in.InHIIMDomain, FieldInHIIMDomain, problems)
	e.CategoryA = parseInputFlag(in.CategoryA, FieldCategoryA, problems)
	e.Minutes, e.CEUs = in.amounts(problems)
	for field, message := range entryFieldProblems(e, today, earliest) {
		problems.add(field, message)
	}
	return e, problems.orNil()
}

// amounts reads the minutes and CEUs and checks them against each other.
func (in CEUEntryInput) amounts(problems Problems) (*int, int) {
	minutesText, ceusText := strings.TrimSpace(in.Minutes), strings.TrimSpace(in.CEUs)
	if minutesText == "" && ceusText == "" {
		problems.add(FieldCEUs, "Enter the CEUs your certificate shows, or the minutes you took part.")
		return nil, 0
	}
	var minutes *int
	derived := 0
	if minutesText != "" {
		m, ok := ParseImportMinutes(minutesText)
		switch {
		case !ok:
			problems.add(FieldMinutes, "Write the minutes as a whole number (165) or hours and minutes (2:45 or 2h 45m).")
		case minutesProblem(m) != "":
			problems.add(FieldMinutes, minutesProblem(m))
		case m < 45:
			problems.add(FieldMinutes, "Under 45 minutes earns no CEU: enter at least 45 minutes, or the CEUs your certificate shows.")
		case CEUsFromMinutes(m) > MaxCEUsPerEntry:
			problems.add(FieldMinutes, fmt.Sprintf("%d minutes is more than one activity can claim: at most 40 CEUs (2444 minutes).", m))
		default:
			minutes, derived = &m, CEUsFromMinutes(m)
		}
	}
	if ceusText == "" {
		return minutes, derived
	}
	ceus, err := ParseImportCEUs(ceusText)
	switch {
	case err != nil:
		problems.add(FieldCEUs, "Write the CEUs as a number with at most two decimals, like 1.5.")
		return minutes, derived
	case ceus <= 0:
		problems.add(FieldCEUs, "The CEUs must be more than 0.")
	case ceus > MaxCEUsPerEntry:
		problems.add(FieldCEUs, "One activity can claim at most 40 CEUs.")
	case minutes != nil && ceus != derived:
		problems.add(FieldCEUs, fmt.Sprintf("%d minutes earn %s, not %s: enter the minutes or the CEUs your certificate shows, not both.",
			*minutes, ceuCount(derived), FormatCEUs(ceus)))
	}
	return minutes, ceus
}

// parseInputDate reads YYYY-MM-DD (or a spreadsheet's M/D/YYYY); empty is the zero time (CEUEntryProblems asks for it).
func parseInputDate(text string, problems Problems) time.Time {
	text = strings.TrimSpace(text)
	if text == "" {
		return time.Time{}
	}
	d, ok := ParseImportDate(text)
	if !ok {
		problems.add(FieldActivityDate, "Write the date as YYYY-MM-DD (2025-03-15) or M/D/YYYY (3/15/2025).")
		return time.Time{}
	}
	return d
}

// parseInputFlag reads a yes/no word.
func parseInputFlag(text, field string, problems Problems) bool {
	switch strings.ToLower(strings.TrimSpace(text)) {
	case "yes", "y", "true", "on", "1":
		return true
	case "no", "n", "false", "off", "0", "":
		return false
	}
	problems.add(field, fmt.Sprintf("Write yes or no, not %q.", text))
	return false
}

// ceuCount words an amount of CEUs in hundredths with its unit: "1 CEU", "1.5 CEUs".
func ceuCount(hundredths int) string {
	if hundredths == 100 {
		return "1 CEU"
	}
	return FormatCEUs(hundredths) + " CEUs"
}
