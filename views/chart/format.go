package chart

import (
	"math"
	"strconv"
	"strings"
	"time"
)

// Format turns a value into the text shown on a chart and in its table. A nil Format
// means Number.
type Format func(float64) string

// Number formats v with thousands separators: whole numbers without decimals
// (188600 → "188,600"), others with one decimal (43.25 → "43.3").
func Number(v float64) string {
	if math.IsNaN(v) || math.IsInf(v, 0) {
		return strconv.FormatFloat(v, 'f', -1, 64)
	}
	if v == math.Trunc(v) && math.Abs(v) < 1000 {
		return strconv.Itoa(int(v))
	}
	rounded := math.Round(v*10) / 10
	whole, frac := math.Modf(math.Abs(rounded))
	var b strings.Builder
	if rounded < 0 {
		b.WriteByte('-')
	}
	digits := strconv.FormatFloat(whole, 'f', 0, 64)
	for i, d := range digits {
		if i > 0 && (len(digits)-i)%3 == 0 {
			b.WriteByte(',')
		}
		b.WriteRune(d)
	}
	if frac > 0 {
		b.WriteByte('.')
		b.WriteString(strconv.Itoa(int(math.Round(frac * 10))))
	}
	return b.String()
}

// Dollars formats v as whole US dollars: 42630 → "$42,630".
func Dollars(v float64) string {
	s := Number(math.Round(v))
	if strings.HasPrefix(s, "-") {
		return "-$" + s[1:]
	}
	return "$" + s
}

// Percent formats v as a percentage: 38 → "38%", 97.9 → "97.9%".
func Percent(v float64) string {
	return Number(v) + "%"
}

// orNumber returns f, or Number when f is nil.
func orNumber(f Format) Format {
	if f == nil {
		return Number
	}
	return f
}

// dateLabel is how tables and markers print a calendar date.
func dateLabel(t time.Time) string {
	return t.Format("2 Jan 2006")
}
