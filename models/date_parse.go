package models

import (
	"errors"
	"fmt"
	"time"
)

// The years a typed date may fall in: wide enough for any career, narrow enough for
// every database's date type (PostgreSQL has no year 0) and for date arithmetic.
const (
	MinDateYear = 1900
	MaxDateYear = 2199
)

// ErrDateFormat is the problem with a date not written as YYYY-MM-DD.
var ErrDateFormat = errors.New("Write the date as YYYY-MM-DD, like 2025-03-15.")

// ParseDate reads a date typed by a person or a file as YYYY-MM-DD, in the years
// MinDateYear to MaxDateYear. The error is worded for the person.
func ParseDate(text string) (time.Time, error) {
	d, err := time.Parse(time.DateOnly, text)
	if err != nil {
		return time.Time{}, ErrDateFormat
	}
	if d.Year() < MinDateYear || d.Year() > MaxDateYear {
		return time.Time{}, fmt.Errorf("Enter a date between %d and %d.", MinDateYear, MaxDateYear)
	}
	return d, nil
}
