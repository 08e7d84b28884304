package handlers

import (
	"errors"
	"math"
	"reflect"
	"strconv"
	"strings"

	"github.com/gofiber/fiber/v2"
)

// Messages beside a form number that does not read as one.
const (
	msgWholeNumber     = "Enter a whole number, like 12."
	msgWholeNumberOnly = "Enter a whole number, without decimals."
	msgWholeNumberSize = "Enter a whole number of a sensible size."
	msgNumber          = "Enter a number, like 0.85."
	msgTickBox         = "Tick the box or leave it empty."
)

// typedValuesKey is the request local holding what was typed into form numbers that
// did not read, so the re-shown form shows it rather than a zero.
const typedValuesKey = "typed_form_values"

// formFieldKinds maps the form names of dst's number and tick-box fields (embedded
// structs' included) to their kind; a slice or pointer field gives its element's.
func formFieldKinds(dst any) map[string]reflect.Type {
	kinds := map[string]reflect.Type{}
	t := reflect.TypeOf(dst)
	for t != nil && t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	if t == nil || t.Kind() != reflect.Struct {
		return kinds
	}
	for i := range t.NumField() {
		f := t.Field(i)
		name, _, _ := strings.Cut(f.Tag.Get("form"), ",")
		if f.Anonymous && name == "" && f.Type.Kind() == reflect.Struct {
			for embedded, kind := range formFieldKinds(reflect.New(f.Type).Interface()) {
				kinds[embedded] = kind
			}
			continue
		}
		ft := f.Type
		for ft.Kind() == reflect.Pointer || ft.Kind() == reflect.Slice {
			ft = ft.Elem()
		}
		if name != "" && name != "-" && ft.Kind() >= reflect.Bool && ft.Kind() <= reflect.Float64 {
			kinds[name] = ft
		}
	}
	return kinds
}

// normalizeFormNumbers rewrites the posted values of the fields in kinds the way the
// form decoder reads them, and empties those that do not read, returning a message
// for each and keeping what was typed under typedValuesKey.
func normalizeFormNumbers(c *fiber.Ctx, kinds map[string]reflect.Type) FieldErrors {
	fields, typed := FieldErrors{}, map[string]string{}
	normalize := func(name, value string) string {
		kind, ok := kinds[name]
		if !ok {
			return value
		}
		clean, problem := normalizeFormNumber(kind, value)
		if problem != "" {
			if _, seen := fields[name]; !seen {
				fields[name], typed[name] = problem, value
			}
			return ""
		}
		return clean
	}
	if len(kinds) > 0 {
		rewriteFormValues(c, normalize)
	}
	if len(typed) > 0 {
		c.Locals(typedValuesKey, typed)
	}
	return fields
}

// rewriteFormValues passes every posted form value (URL-encoded or multipart) through
// rewrite, before the body parser reads them.
func rewriteFormValues(c *fiber.Ctx, rewrite func(name, value string) string) {
	if strings.HasPrefix(string(c.Request().Header.ContentType()), fiber.MIMEMultipartForm) {
		if form, err := c.MultipartForm(); err == nil {
			for name, values := range form.Value {
				for i, v := range values {
					values[i] = rewrite(name, v)
				}
			}
		}
		return
	}
	args := c.Request().PostArgs()
	type pair struct{ name, value string }
	var pairs []pair
	changed := false
	args.VisitAll(func(k, v []byte) {
		p := pair{string(k), string(v)}
		if clean := rewrite(p.name, p.value); clean != p.value {
			p.value, changed = clean, true
		}
		pairs = append(pairs, p)
	})
	if changed {
		args.Reset()
		for _, p := range pairs {
			args.Add(p.name, p.value)
		}
	}
}

// normalizeFormNumber reads one posted value for a field of type t: the value the
// decoder can take, or a message for the person when it is not a number of that kind.
func normalizeFormNumber(t reflect.Type, value string) (string, string) {
	v := strings.TrimSpace(value)
	if v == "" {
		return "", ""
	}
	switch t.Kind() {
	case reflect.Bool:
		switch strings.ToLower(v) {
		case "1", "t", "true", "on", "yes":
			return "true", ""
		case "0", "f", "false", "off", "no":
			return "false", ""
		}
		return "", msgTickBox
	case reflect.Float32, reflect.Float64:
		if !strings.Contains(v, ".") && strings.Count(v, ",") == 1 {
			v = strings.Replace(v, ",", ".", 1)
		}
		f, err := strconv.ParseFloat(v, t.Bits())
		if err != nil || math.IsNaN(f) || math.IsInf(f, 0) {
			return "", msgNumber
		}
		return v, ""
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64:
		_, err := strconv.ParseUint(v, 10, t.Bits())
		return v, wholeNumberProblem(v, err)
	default:
		_, err := strconv.ParseInt(v, 10, t.Bits())
		return v, wholeNumberProblem(v, err)
	}
}

// wholeNumberProblem words why v did not read as a whole number (err from strconv).
func wholeNumberProblem(v string, err error) string {
	switch {
	case err == nil:
		return ""
	case errors.Is(err, strconv.ErrRange):
		return msgWholeNumberSize
	}
	if _, ferr := strconv.ParseFloat(strings.Replace(v, ",", ".", 1), 64); ferr == nil {
		return msgWholeNumberOnly
	}
	return msgWholeNumber
}

// typedFormValues returns what was typed into the form numbers readForm could not
// read, by field name.
func typedFormValues(c *fiber.Ctx) map[string]string {
	typed, _ := c.Locals(typedValuesKey).(map[string]string)
	return typed
}
