package models

import (
	"context"
	"database/sql"
	"fmt"
	"strconv"
	"strings"
	"time"

	"gorm.io/gorm"
)

// exportKind is what a column holds, whatever form the database driver returns it
// in: SQLite gives booleans as 0 or 1 and may give NUMERIC as an integer, PostgreSQL
// gives NUMERIC as text and timestamps in the server's zone.
type exportKind int

const (
	kindAsIs    exportKind = iota // text, integers and anything unlisted
	kindFlag                      // true or false
	kindNumber                    // a decimal number
	kindDay                       // a calendar day, "2006-01-02"
	kindInstant                   // a moment, RFC 3339 in UTC
)

// columnKinds maps the declared column types of both dialects (as their drivers
// name them) to what the export writes.
var columnKinds = map[string]exportKind{
	"BOOLEAN": kindFlag, "BOOL": kindFlag,
	"NUMERIC": kindNumber, "REAL": kindNumber, "FLOAT4": kindNumber, "FLOAT8": kindNumber, "DOUBLE": kindNumber, "DOUBLE PRECISION": kindNumber,
	"DATE":     kindDay,
	"DATETIME": kindInstant, "TIMESTAMP": kindInstant, "TIMESTAMPTZ": kindInstant,
}

// exportRows runs one section's query and returns its rows with every value in the
// same Go type on SQLite and PostgreSQL, so the JSON files do not depend on the
// database the site runs on.
func exportRows(ctx context.Context, db *gorm.DB, q exportQuery, args ...any) ([]map[string]any, error) {
	rows, err := db.WithContext(ctx).Raw(q.sql, args...).Rows()
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	types, err := rows.ColumnTypes()
	if err != nil {
		return nil, err
	}
	kinds := make([]exportKind, len(types))
	for i, ct := range types {
		kinds[i] = columnKinds[strings.ToUpper(ct.DatabaseTypeName())]
		if computedFlags[q.name+"."+ct.Name()] {
			kinds[i] = kindFlag
		}
	}
	out := []map[string]any{}
	for rows.Next() {
		row, err := scanExportRow(rows, types, kinds)
		if err != nil {
			return nil, err
		}
		out = append(out, row)
	}
	return out, rows.Err()
}

func scanExportRow(rows *sql.Rows, types []*sql.ColumnType, kinds []exportKind) (map[string]any, error) {
	values := make([]any, len(types))
	pointers := make([]any, len(types))
	for i := range values {
		pointers[i] = &values[i]
	}
	if err := rows.Scan(pointers...); err != nil {
		return nil, err
	}
	row := make(map[string]any, len(types))
	for i, ct := range types {
		v, err := exportValue(kinds[i], values[i])
		if err != nil {
			return nil, fmt.Errorf("column %s: %w", ct.Name(), err)
		}
		row[ct.Name()] = v
	}
	return row, nil
}

// exportValue converts one value a driver returned to the export's type for kind;
// NULL stays nil.
func exportValue(kind exportKind, v any) (any, error) {
	if b, ok := v.([]byte); ok { // text columns some drivers return as bytes
		v = string(b)
	}
	if v == nil {
		return nil, nil
	}
	switch kind {
	case kindFlag:
		return exportFlag(v)
	case kindNumber:
		return exportNumber(v)
	case kindDay, kindInstant:
		t, err := exportTime(v)
		if err != nil {
			return nil, err
		}
		if kind == kindDay {
			return t.Format(time.DateOnly), nil
		}
		return t.UTC().Format(time.RFC3339Nano), nil
	}
	return v, nil
}

func exportFlag(v any) (any, error) {
	switch x := v.(type) {
	case bool:
		return x, nil
	case int64:
		return x != 0, nil
	case string:
		return strconv.ParseBool(x)
	}
	return nil, fmt.Errorf("a yes/no value of type %T", v)
}

func exportNumber(v any) (any, error) {
	switch x := v.(type) {
	case float64:
		return x, nil
	case int64:
		return float64(x), nil
	case string:
		return strconv.ParseFloat(x, 64)
	}
	return nil, fmt.Errorf("a number of type %T", v)
}

// exportTimeLayouts are the text forms SQLite may hold a time in when its driver
// does not parse it.
var exportTimeLayouts = []string{time.RFC3339Nano, "2006-01-02 15:04:05.999999999-07:00", "2006-01-02 15:04:05.999999999", time.DateOnly}

func exportTime(v any) (time.Time, error) {
	switch x := v.(type) {
	case time.Time:
		return x, nil
	case string:
		for _, layout := range exportTimeLayouts {
			if t, err := time.Parse(layout, x); err == nil {
				return t, nil
			}
		}
		return time.Time{}, fmt.Errorf("unreadable time %q", x)
	}
	return time.Time{}, fmt.Errorf("a time of type %T", v)
}
