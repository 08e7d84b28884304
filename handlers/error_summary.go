package handlers

import (
	"reflect"
	"slices"
	"strings"
)

// errorLink is one line of a page's error summary: the message, linking to its field.
type errorLink struct {
	Field   string
	Message string
}

// errorSummary lists errs in the order the fields appear in form (a struct whose
// `form` or `json` tags name the fields, as the page lays them out); fields form does
// not name follow in alphabetical order. A nil or non-struct form sorts every field.
func errorSummary(errs FieldErrors, form any) []errorLink {
	if len(errs) == 0 {
		return nil
	}
	order := formFieldOrder(form)
	keys := make([]string, 0, len(errs))
	for k := range errs {
		keys = append(keys, k)
	}
	slices.SortFunc(keys, func(a, b string) int {
		ia, ib := order[a], order[b]
		switch {
		case ia != ib && ia > 0 && ib > 0:
			return ia - ib
		case ia > 0 && ib == 0:
			return -1
		case ib > 0 && ia == 0:
			return 1
		}
		return strings.Compare(a, b)
	})
	links := make([]errorLink, 0, len(keys))
	for _, k := range keys {
		if errs[k] != "" {
			links = append(links, errorLink{Field: k, Message: errs[k]})
		}
	}
	return links
}

// formFieldOrder numbers the fields of a form struct from 1 by their tag names.
func formFieldOrder(form any) map[string]int {
	order := map[string]int{}
	v := reflect.ValueOf(form)
	for v.Kind() == reflect.Pointer && !v.IsNil() {
		v = v.Elem()
	}
	if v.Kind() != reflect.Struct {
		return order
	}
	for i := range v.NumField() {
		f := v.Type().Field(i)
		for _, tag := range []string{f.Tag.Get("form"), f.Tag.Get("json")} {
			if name := strings.Split(tag, ",")[0]; name != "" && name != "-" {
				if _, seen := order[name]; !seen {
					order[name] = len(order) + 1
				}
			}
		}
	}
	return order
}
