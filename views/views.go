// Package views holds hitpath's templates and static files, embedded so the binary is
// self-contained. Every template is parsed at start-up; a broken one stops the server
// from starting instead of failing on a user's request.
package views

import (
	"embed"
	"fmt"
	"html/template"
	"io/fs"
	"math"
	"net/http"
	"strconv"
	"strings"
	"time"

	"github.com/gofiber/template/html/v2"

	"hitpath/app/security"
)

//go:embed layouts pages partials
var templates embed.FS

//go:embed static
var static embed.FS

// Static is the tree served under /static.
func Static() fs.FS {
	sub, _ := fs.Sub(static, "static")
	return sub
}

// NewEngine parses every template with hitpath's template functions.
func NewEngine() (*html.Engine, error) {
	engine := html.NewFileSystem(http.FS(templates), ".html")
	engine.AddFuncMap(Funcs())
	if err := engine.Load(); err != nil {
		return nil, fmt.Errorf("parse templates: %w", err)
	}
	return engine, nil
}

// Funcs are the helpers templates may use: formatting only, never rules or queries.
func Funcs() template.FuncMap {
	return template.FuncMap{
		"date":         formatDate,
		"hundreds":     formatHundredths,
		"eq1":          func(a, b any) bool { return fmt.Sprint(a) == fmt.Sprint(b) },
		"dict":         dict,
		"percent":      func(share float64) float64 { return share * 100 },
		"deref":        func(t *time.Time) time.Time { return *t },
		"inc":          func(i int) int { return i + 1 },
		"count":        Count,
		"countCEU":     func(v int) string { return CountHundredths(v, "CEU", "CEUs") },
		"countUnits":   func(v int, unit string) string { return CountHundredths(v, unit, unit+"s") },
		"courseStatus": CourseStatus,
		"cycleStatus":  CycleStatus,
		"deref64":      func(p *int64) int64 { return *p },
		"passwordHint": PasswordHint,
		"round":        Round,
		"typed":        Typed,
	}
}

// Round shows v with places decimals, halves rounded away from zero as people do by
// hand (62.5 shows as 63, 0.25 at one place as 0.3); printf's "%.0f" rounds exact
// halves to even and would show 62.5 as 62. Minus zero shows as 0.
func Round(places int, v float64) string {
	scale := math.Pow(10, float64(places))
	r := math.Round(v*scale) / scale
	if r == 0 {
		r = 0
	}
	return strconv.FormatFloat(r, 'f', places, 64)
}

// Typed is what the person typed into a form field the server could not read as a
// number (typed holds those, by field name), so the re-shown form keeps it; otherwise
// it is the field's value.
func Typed(typed map[string]string, name string, value any) any {
	if v, ok := typed[name]; ok {
		return v
	}
	return value
}

// PasswordHint is the one hint beside every new-password field: the same rules the
// server applies when it refuses a password.
func PasswordHint() string {
	return fmt.Sprintf("At least %d characters, and hard to guess: not a common password, a keyboard run, "+
		"or your name or email.", security.MinPasswordRunes)
}

// formatDate shows a date the way people read it ("15 Mar 2024"); zero shows a dash.
func formatDate(t time.Time) string {
	if t.IsZero() {
		return "—"
	}
	return t.Format("2 Jan 2006")
}

// formatHundredths shows an amount stored in hundredths (CEUs) with up to two decimals.
func formatHundredths(v int) string {
	sign := ""
	if v < 0 {
		sign, v = "-", -v
	}
	if v%100 == 0 {
		return fmt.Sprintf("%s%d", sign, v/100)
	}
	return strings.TrimRight(fmt.Sprintf("%s%d.%02d", sign, v/100, v%100), "0")
}

// dict builds a map for passing several values to a partial.
func dict(pairs ...any) (map[string]any, error) {
	if len(pairs)%2 != 0 {
		return nil, fmt.Errorf("dict needs key/value pairs")
	}
	m := make(map[string]any, len(pairs)/2)
	for i := 0; i < len(pairs); i += 2 {
		key, ok := pairs[i].(string)
		if !ok {
			return nil, fmt.Errorf("dict key %v is not a string", pairs[i])
		}
		m[key] = pairs[i+1]
	}
	return m, nil
}
