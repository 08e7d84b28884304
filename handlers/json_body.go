package handlers

import (
	"bytes"
	"encoding/json"
	"errors"
	"mime"
	"reflect"
	"strings"

	"github.com/gofiber/fiber/v2"
)

// errMalformedJSON is answered with 400.
var errMalformedJSON = fiber.NewError(fiber.StatusBadRequest, "The request body is not valid JSON.")

// errNotJSON is answered with 415: a JSON body must say so, which a cross-site form
// or a text/plain "simple request" cannot.
var errNotJSON = fiber.NewError(fiber.StatusUnsupportedMediaType, "Send the body as JSON with Content-Type: application/json.")

// readJSON decodes an API request body into dst. A body not labelled
// application/json is a 415; anything that is not a JSON object of the right shape is
// a 400. A value of the wrong type or out of the field's range (a number above 2^63, a
// string where a number goes), a field dst does not have, or a missing field tagged
// `api:"required"` is a 422 naming the field.
func readJSON(c *fiber.Ctx, dst any) error {
	if !isJSONBody(c) {
		return errNotJSON
	}
	// One decode refuses unknown names at any depth; jsonFieldProblems then checks the
	// top level's names exactly (the decoder ignores letter case) and required ones.
	dec := json.NewDecoder(bytes.NewReader(c.Body()))
	dec.DisallowUnknownFields()
	err := dec.Decode(dst)
	if err == nil && dec.More() {
		return errMalformedJSON // more after the object
	}
	var typeErr *json.UnmarshalTypeError
	switch {
	case err == nil:
		return jsonFieldProblems(c.Body(), dst)
	case strings.HasPrefix(err.Error(), unknownFieldPrefix):
		name := strings.TrimSuffix(strings.TrimPrefix(err.Error(), unknownFieldPrefix), `"`)
		refused := &validationError{Fields: FieldErrors{}}
		errors.As(jsonFieldProblems(c.Body(), dst), &refused) // the top level's other problems too
		refused.Fields[name] = msgUnknownField
		return refused
	case errors.As(err, &typeErr) && typeErr.Field != "":
		name := typeErr.Field[strings.LastIndexByte(typeErr.Field, '.')+1:]
		return &validationError{Fields: FieldErrors{name: wrongTypeMessage(typeErr.Type.Kind())}}
	}
	return errMalformedJSON
}

// isJSONBody reports whether the request's Content-Type is application/json (any
// letter case, parameters such as charset allowed).
func isJSONBody(c *fiber.Ctx) bool {
	media, _, err := mime.ParseMediaType(c.Get(fiber.HeaderContentType))
	return err == nil && media == fiber.MIMEApplicationJSON
}

// wrongTypeMessage words a JSON value that does not fit its field.
func wrongTypeMessage(kind reflect.Kind) string {
	switch kind {
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64,
		reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64:
		return "Send a whole number of a sensible size here."
	case reflect.Float32, reflect.Float64:
		return "Send a number of a sensible size here."
	case reflect.Bool:
		return "Send true or false here."
	}
	return "Send a " + kind.String() + " here."
}

// msgUnknownField answers a JSON field the request does not take: the API refuses it
// rather than drop it unseen (a misspelt "newPerDay" would otherwise save a zero).
const msgUnknownField = "This field is not part of this request: leave it out, or check its spelling " +
	"(the API reference at /api/v1/openapi.json lists the fields each request takes)."

// msgMissingField answers a required JSON field left out, which would otherwise be
// read as 0, false or nothing and overwrite what is saved.
const msgMissingField = "This request needs this field: send it, even when its value is 0, false or null."

// jsonFieldProblems checks a decoded body's names against dst's json tags, exactly
// (the decoder matches them regardless of letter case): a name dst lacks, at any
// depth, or a field tagged `api:"required"` that is absent (or null, unless the field
// is a pointer, whose null means "none") is a 422 naming it.
func jsonFieldProblems(body []byte, dst any) error {
	t := reflect.TypeOf(dst)
	for t != nil && t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	var sent map[string]json.RawMessage
	if t == nil || t.Kind() != reflect.Struct || json.Unmarshal(body, &sent) != nil {
		return nil
	}
	known := jsonFields(t)
	fields := FieldErrors{}
	for name := range sent {
		if _, ok := known[name]; !ok {
			fields[name] = msgUnknownField
		}
	}
	for name, f := range known {
		raw, ok := sent[name]
		if f.Tag.Get("api") == "required" && (!ok || (string(raw) == "null" && f.Type.Kind() != reflect.Pointer)) {
			fields[name] = msgMissingField
		}
	}
	if len(fields) == 0 {
		return nil
	}
	return &validationError{Fields: fields}
}

// unknownFieldPrefix starts encoding/json's error for a name the target lacks.
const unknownFieldPrefix = `json: unknown field "`

// jsonFields maps the JSON names of struct type t's fields, embedded structs'
// included, to the fields.
func jsonFields(t reflect.Type) map[string]reflect.StructField {
	fields := map[string]reflect.StructField{}
	for i := range t.NumField() {
		f := t.Field(i)
		name, _, _ := strings.Cut(f.Tag.Get("json"), ",")
		switch {
		case name == "-" || (!f.IsExported() && !f.Anonymous):
		case name == "" && f.Anonymous && f.Type.Kind() == reflect.Struct:
			for embedded, ef := range jsonFields(f.Type) {
				fields[embedded] = ef
			}
		case name == "":
			fields[f.Name] = f
		default:
			fields[name] = f
		}
	}
	return fields
}
