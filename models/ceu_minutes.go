package models

import (
	"errors"
	"fmt"
	"strconv"
	"strings"
)

// MaxActivityMinutes is the longest one CEU activity may last: 10,000 minutes (about
// 166 hours), far beyond any course and far inside every integer column.
const MaxActivityMinutes = 10000

// errMinutesFormat is the problem with minutes that are not a whole number.
var errMinutesFormat = errors.New("Write the minutes as a whole number, like 90.")

// ParseMinutes reads an activity's minutes typed by a person: a whole number from 1
// to MaxActivityMinutes. The error is worded for the person.
func ParseMinutes(text string) (int, error) {
	text = strings.TrimSpace(text)
	if text == "" || len(text) > 12 || !ceuDigits(strings.TrimPrefix(text, "-")) || text == "-" {
		return 0, errMinutesFormat
	}
	minutes, err := strconv.Atoi(text)
	if err != nil {
		return 0, errMinutesFormat
	}
	if problem := minutesProblem(minutes); problem != "" {
		return 0, errors.New(problem)
	}
	return minutes, nil
}

// minutesProblem words what is wrong with an activity's minutes, or "".
func minutesProblem(minutes int) string {
	switch {
	case minutes <= 0:
		return "The minutes must be more than 0."
	case minutes > MaxActivityMinutes:
		return fmt.Sprintf("One activity can last at most %d minutes.", MaxActivityMinutes)
	}
	return ""
}

// CEUsFromMinutes converts minutes of participation to CEUs in hundredths the way
// AHIMA counts them: 60 minutes make one CEU, and a remainder of 45 minutes or more
// counts as one more whole CEU while a shorter one counts for nothing
// (150 minutes → 200, 165 → 300, 45 → 100, 44 → 0). Negative minutes earn nothing.
func CEUsFromMinutes(minutes int) int {
	if minutes <= 0 {
		return 0
	}
	whole := minutes / 60
	if minutes%60 >= 45 {
		whole++
	}
	return whole * 100
}

// FormatCEUs writes an amount in hundredths as a plain number without trailing
// zeros: 2000 → "20", 250 → "2.5", 1234 → "12.34", -150 → "-1.5".
func FormatCEUs(hundredths int) string {
	sign := ""
	if hundredths < 0 {
		sign, hundredths = "-", -hundredths
	}
	whole := strconv.Itoa(hundredths / 100)
	fraction := hundredths % 100
	if fraction == 0 {
		return sign + whole
	}
	digits := strings.TrimRight(strconv.Itoa(100 + fraction)[1:], "0")
	return sign + whole + "." + digits
}
