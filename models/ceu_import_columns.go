package models

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"time"
)

// CEUColumns maps each column of the CEU CSV (CEUCSVHeader) to the index of the
// uploaded file's column that holds it; a column left out is -1 and takes the
// entry form's default.
type CEUColumns map[string]int

// ceuColumnAliases are other headings spreadsheets use for our columns.
var ceuColumnAliases = map[string][]string{
	"date":          {"activity date", "activity_date", "completed", "completion date", "date completed"},
	"title":         {"activity", "course", "course title", "activity title", "name"},
	"provider":      {"sponsor", "organization", "organisation", "provided by"},
	"provider_kind": {"provider kind", "provider type"},
	"minutes":       {"duration", "length", "time", "hours", "duration (minutes)"},
	"ceus":          {"ceu", "credits", "credit", "ce hours", "ceu hours"},
	"hiim_domain":   {"hiim", "hiim domain", "in hiim domain"},
	"category_a":    {"category a", "cat a"},
	"delivery":      {"format", "delivery method"},
	"notes":         {"note", "comments", "comment"},
}

// ceuDefaults are the entry form's values for columns a file does not have.
var ceuDefaults = map[string]string{"provider_kind": string(ProviderApproved), "delivery": string(DeliveryOnline)}

// MatchCEUColumns finds our columns in a file's header by name or usual alias, in
// any order and case. It reports whether every column an entry needs (date, title,
// provider, and minutes or CEUs) was found.
func MatchCEUColumns(header []string) (CEUColumns, bool) {
	columns := CEUColumns{}
	for _, name := range CEUCSVHeader {
		columns[name] = -1
		for i, h := range header {
			if ceuHeaderIs(h, name) {
				columns[name] = i
				break
			}
		}
	}
	return columns, columns.Complete()
}

func ceuHeaderIs(heading, name string) bool {
	heading = strings.ToLower(strings.TrimSpace(CSVCellValue(heading)))
	if heading == name {
		return true
	}
	for _, alias := range ceuColumnAliases[name] {
		if heading == alias {
			return true
		}
	}
	return false
}

// Complete reports whether the mapping has what an entry needs.
func (c CEUColumns) Complete() bool {
	return c["date"] >= 0 && c["title"] >= 0 && c["provider"] >= 0 && (c["minutes"] >= 0 || c["ceus"] >= 0)
}

// Record rearranges a file's row into our column order, undoing the export's
// formula guard (CSVCellValue) and filling left-out columns with the defaults.
func (c CEUColumns) Record(cells []string) []string {
	record := make([]string, len(CEUCSVHeader))
	for i, name := range CEUCSVHeader {
		if idx := c[name]; idx >= 0 && idx < len(cells) {
			record[i] = CSVCellValue(cells[idx])
		} else {
			record[i] = ceuDefaults[name]
		}
	}
	return record
}

// ParseCEUColumnChoice reads the columns a user picked on the preview, one form
// value per column of ours holding the file's column number (from 1; empty for
// none), and checks them against the file's width.
func ParseCEUColumnChoice(value func(name string) string, width int) (CEUColumns, map[string]string) {
	columns, problems := CEUColumns{}, map[string]string{}
	for _, name := range CEUCSVHeader {
		columns[name] = -1
		text := strings.TrimSpace(value("column_" + name))
		if text == "" {
			continue
		}
		n, err := strconv.Atoi(text)
		if err != nil || n < 1 || n > width {
			problems[name] = fmt.Sprintf("Choose one of the file's %d columns, or none.", width)
			continue
		}
		columns[name] = n - 1
	}
	if len(problems) == 0 && !columns.Complete() {
		problems["columns"] = "Choose the columns holding the date, the title, the provider, and the minutes or the CEUs."
	}
	if len(problems) == 0 {
		return columns, nil
	}
	return columns, problems
}

var (
	usDate       = regexp.MustCompile(`^(\d{1,2})/(\d{1,2})/(\d{4})$`)
	dottedDate   = regexp.MustCompile(`^(\d{1,2})\.(\d{1,2})\.(\d{4})$`)
	clockMinutes = regexp.MustCompile(`^(\d{1,3}):([0-5]\d)$`)
	hmMinutes    = regexp.MustCompile(`^(?:(\d{1,3})\s*h(?:ours?|rs?)?)?\s*(?:(\d{1,4})\s*m(?:in(?:utes?|s)?)?)?$`)
)

// ParseImportDate reads a date as ISO (2025-03-15), as Excel in the US writes it
// (3/15/2025, month first) or as European spreadsheets write it with dots
// (15.03.2025, day first).
func ParseImportDate(text string) (time.Time, bool) {
	if d, err := time.Parse(time.DateOnly, text); err == nil {
		return d, true
	}
	month, day, year := 0, 0, 0
	if m := usDate.FindStringSubmatch(text); m != nil {
		month, day, year = importAtoi(m[1]), importAtoi(m[2]), importAtoi(m[3])
	} else if m := dottedDate.FindStringSubmatch(text); m != nil {
		day, month, year = importAtoi(m[1]), importAtoi(m[2]), importAtoi(m[3])
	} else {
		return time.Time{}, false
	}
	d := time.Date(year, time.Month(month), day, 0, 0, 0, 0, time.UTC)
	if d.Day() != day || int(d.Month()) != month {
		return time.Time{}, false
	}
	return d, true
}

// ParseImportMinutes reads a duration as minutes (165), hours and minutes on a
// clock (2:45) or with units (2h 45m, 2 hours, 45 min).
func ParseImportMinutes(text string) (int, bool) {
	if n, err := strconv.Atoi(text); err == nil {
		return n, true
	}
	if m := clockMinutes.FindStringSubmatch(text); m != nil {
		return importAtoi(m[1])*60 + importAtoi(m[2]), true
	}
	if m := hmMinutes.FindStringSubmatch(strings.ToLower(text)); m != nil && (m[1] != "" || m[2] != "") {
		return importAtoi(m[1])*60 + importAtoi(m[2]), true
	}
	return 0, false
}

// ParseImportCEUs reads CEUs as the form does, also with a decimal comma (1,5) as
// European spreadsheets write it.
func ParseImportCEUs(text string) (int, error) {
	if strings.Count(text, ",") == 1 && !strings.Contains(text, ".") {
		text = strings.Replace(text, ",", ".", 1)
	}
	return ParseCEUs(text)
}

func importAtoi(s string) int {
	n, _ := strconv.Atoi(s)
	return n
}
