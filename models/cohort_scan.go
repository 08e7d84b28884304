package models

import (
	"database/sql/driver"
	"fmt"
	"time"
)

// cohortDay scans a DATE column, or an aggregate of one, into a date at 00:00 UTC.
// PostgreSQL returns time.Time; SQLite returns time.Time for a declared DATE column
// but a string for MAX(date), so both are read. NULL scans as the zero time.
type cohortDay struct{ time.Time }

// Scan implements sql.Scanner.
func (d *cohortDay) Scan(src any) error {
	switch v := src.(type) {
	case nil:
		d.Time = time.Time{}
	case time.Time:
		d.Time = DateOnly(v)
	case string:
		return d.parse(v)
	case []byte:
		return d.parse(string(v))
	default:
		return fmt.Errorf("scan date from %T", src)
	}
	return nil
}

func (d *cohortDay) parse(s string) error {
	if len(s) < 10 {
		return fmt.Errorf("scan date from %q", s)
	}
	t, err := time.Parse("2006-01-02", s[:10])
	if err != nil {
		return fmt.Errorf("scan date from %q: %w", s, err)
	}
	d.Time = t
	return nil
}

// Value implements driver.Valuer so a cohortDay can be written too.
func (d cohortDay) Value() (driver.Value, error) {
	if d.IsZero() {
		return nil, nil
	}
	return d.Time, nil
}

// cohortSQLDay formats a date for comparison with DATE columns. A plain 'YYYY-MM-DD'
// compares correctly on PostgreSQL and against both forms SQLite may store
// ('2024-03-05' and '2024-03-05 00:00:00+00:00').
func cohortSQLDay(t time.Time) string { return DateOnly(t).Format("2006-01-02") }
