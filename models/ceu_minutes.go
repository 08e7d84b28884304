package models

import (
	"strconv"
	"strings"
)

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
