package models

import (
	"fmt"
	"strconv"
	"strings"
)

// SlashDate is a date cell of an imported file and the line it is on.
type SlashDate struct {
	Line int
	Text string
}

// SlashDateOrder is how a file writes dates with slashes, decided from all of them.
type SlashDateOrder struct {
	// DayFirst is set when the file writes 13/04/2026 for 13 April.
	DayFirst bool
	// Notes say which order was used and why, when any date could be read both ways.
	Notes []string
}

// DecideSlashDateOrder decides whether a file's slash dates put the day or the month
// first, from the whole file: a date whose first number is over 12 shows the day
// first, one whose second number is over 12 the month first. A file that shows both
// is refused, naming a line of each. A file that shows neither but has dates that read
// two ways (03/04/2026) is read month first, as US spreadsheets write them, and a
// note names those lines so the holder can check the preview.
func DecideSlashDateOrder(dates []SlashDate) (SlashDateOrder, []ImportProblem) {
	var dayFirst, monthFirst, twoWays []SlashDate
	for _, d := range dates {
		first, second, ok := slashNumbers(d.Text)
		switch {
		case !ok || first == second:
		case first > 12 && second <= 12:
			dayFirst = append(dayFirst, d)
		case second > 12 && first <= 12:
			monthFirst = append(monthFirst, d)
		case first <= 12 && second <= 12:
			twoWays = append(twoWays, d)
		}
	}
	switch {
	case len(dayFirst) > 0 && len(monthFirst) > 0:
		d, m := dayFirst[0], monthFirst[0]
		return SlashDateOrder{}, []ImportProblem{{Line: max(d.Line, m.Line), Field: "date", Message: fmt.Sprintf(
			"Line %d writes the day first (%s) and line %d the month first (%s): write every date the same way, best as YYYY-MM-DD.",
			d.Line, d.Text, m.Line, m.Text)}}
	case len(twoWays) == 0:
		return SlashDateOrder{DayFirst: len(dayFirst) > 0}, nil
	case len(dayFirst) > 0:
		return SlashDateOrder{DayFirst: true, Notes: []string{fmt.Sprintf(
			"Dates with slashes were read day first (%s is %s), because line %d (%s) can only be day first.",
			twoWays[0].Text, readSlash(twoWays[0].Text, true), dayFirst[0].Line, dayFirst[0].Text)}}, nil
	case len(monthFirst) > 0:
		return SlashDateOrder{Notes: []string{fmt.Sprintf(
			"Dates with slashes were read month first (%s is %s), because line %d (%s) can only be month first.",
			twoWays[0].Text, readSlash(twoWays[0].Text, false), monthFirst[0].Line, monthFirst[0].Text)}}, nil
	}
	return SlashDateOrder{Notes: []string{fmt.Sprintf(
		"Nothing in the file shows whether its dates put the day or the month first, so they were read month first, as US spreadsheets write them: %s is %s. Lines read that way: %s. If your file puts the day first, write the dates as YYYY-MM-DD and import it again.",
		twoWays[0].Text, readSlash(twoWays[0].Text, false), slashLines(twoWays))}}, nil
}

// ISO rewrites a slash date in the decided order as YYYY-MM-DD; other text is
// returned as it is, for the date parser to read or refuse.
func (o SlashDateOrder) ISO(text string) string {
	first, second, ok := slashNumbers(text)
	if !ok || !o.DayFirst {
		return text
	}
	year := strings.TrimSpace(text[strings.LastIndexByte(text, '/')+1:])
	return fmt.Sprintf("%s-%02d-%02d", year, second, first)
}

// slashNumbers returns the first two numbers of a D/M/YYYY or M/D/YYYY date.
func slashNumbers(text string) (first, second int, ok bool) {
	m := usDate.FindStringSubmatch(strings.TrimSpace(text))
	if m == nil {
		return 0, 0, false
	}
	first, _ = strconv.Atoi(m[1])
	second, _ = strconv.Atoi(m[2])
	return first, second, true
}

// readSlash words a two-way date as read in one order ("4 March 2026").
func readSlash(text string, dayFirst bool) string {
	first, second, _ := slashNumbers(text)
	day, month := second, first
	if dayFirst {
		day, month = first, second
	}
	year := strings.TrimSpace(text[strings.LastIndexByte(text, '/')+1:])
	if month < 1 || month > 12 {
		return text
	}
	return fmt.Sprintf("%d %s %s", day, monthNames[month-1], year)
}

var monthNames = []string{"January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"}

// slashLines lists the lines of dates, at most ten, then how many more.
func slashLines(dates []SlashDate) string {
	var lines []string
	for i, d := range dates {
		if i == 10 {
			lines = append(lines, fmt.Sprintf("and %d more", len(dates)-10))
			break
		}
		lines = append(lines, strconv.Itoa(d.Line))
	}
	return strings.Join(lines, ", ")
}
