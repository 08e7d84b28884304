package handlers

import (
	"encoding/json"
	"errors"
	"fmt"
	"mime"
	"reflect"
	"strings"

	"github.com/go-playground/validator/v10"
	"github.com/gofiber/fiber/v2"

	"hitpath/app/security"
)

// FieldErrors maps a field name (as in the form and JSON) to a message for the user.
type FieldErrors map[string]string

// formValidator checks form structs by their `validate` tags and words each failure
// for a person. Field names come from the json tag so pages and API agree.
type formValidator struct {
	v *validator.Validate
}

func newFormValidator() *formValidator {
	v := validator.New(validator.WithRequiredStructEnabled())
	v.RegisterTagNameFunc(func(f reflect.StructField) string {
		return strings.Split(f.Tag.Get("json"), ",")[0]
	})
	_ = v.RegisterValidation("password", func(fl validator.FieldLevel) bool {
		s := fl.Field().String()
		return len([]rune(s)) >= security.MinPasswordRunes && len(s) <= security.MaxPasswordBytes
	})
	return &formValidator{v: v}
}

// Check returns nil when form is valid, or a message per failing field.
func (fv *formValidator) Check(form any) FieldErrors {
	err := fv.v.Struct(form)
	var failures validator.ValidationErrors
	if !errors.As(err, &failures) {
		return nil
	}
	fields := FieldErrors{}
	labels := requiredLabels(form)
	for _, f := range failures {
		if _, seen := fields[f.Field()]; !seen {
			fields[f.Field()] = fieldMessage(f, labels[f.Field()])
		}
	}
	return fields
}

// requiredLabels reads the `label` tags of a form struct, by json name: what to ask
// for when the field is empty ("a name for the cohort"). Without one, a missing field
// is asked for as the person's own ("Enter your email"), which suits account forms.
func requiredLabels(form any) map[string]string {
	labels := map[string]string{}
	t := reflect.TypeOf(form)
	for t != nil && t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	if t == nil || t.Kind() != reflect.Struct {
		return labels
	}
	for i := range t.NumField() {
		if label := t.Field(i).Tag.Get("label"); label != "" {
			labels[strings.Split(t.Field(i).Tag.Get("json"), ",")[0]] = label
		}
	}
	return labels
}

func fieldMessage(f validator.FieldError, requiredLabel string) string {
	label := strings.ReplaceAll(f.Field(), "_", " ")
	switch f.Tag() {
	case "required":
		if requiredLabel != "" {
			return "Enter " + requiredLabel + "."
		}
		return fmt.Sprintf("Enter your %s.", label)
	case "email":
		return "Enter a valid email address, like name@example.com."
	case "password":
		return fmt.Sprintf("Use at least %d characters and at most %d bytes (accented letters and emoji take several).",
			security.MinPasswordRunes, security.MaxPasswordBytes)
	case "max":
		return fmt.Sprintf("Use at most %s characters for the %s.", f.Param(), label)
	case "min":
		return fmt.Sprintf("Use at least %s characters for the %s.", f.Param(), label)
	case "oneof":
		return fmt.Sprintf("Choose one of: %s.", strings.ReplaceAll(f.Param(), " ", ", "))
	case "eqfield":
		return "The two passwords do not match."
	}
	return fmt.Sprintf("Check the %s.", label)
}

// errMalformedJSON is answered with 400.
var errMalformedJSON = fiber.NewError(fiber.StatusBadRequest, "The request body is not valid JSON.")

// errNotJSON is answered with 415: a JSON body must say so, which a cross-site form
// or a text/plain "simple request" cannot.
var errNotJSON = fiber.NewError(fiber.StatusUnsupportedMediaType, "Send the body as JSON with Content-Type: application/json.")

// readJSON decodes an API request body into dst. A body not labelled
// application/json is a 415; anything that is not a JSON object of the right shape is
// a 400. A value of the wrong type or out of the field's range (a number above 2^63, a
// string where a number goes) is a 422 naming the field.
func readJSON(c *fiber.Ctx, dst any) error {
	if !isJSONBody(c) {
		return errNotJSON
	}
	err := json.Unmarshal(c.Body(), dst)
	var typeErr *json.UnmarshalTypeError
	switch {
	case err == nil:
		return nil
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

// readForm decodes a page's form post into dst. A number field holding text or a
// number too large for it is a 422 naming the field.
func readForm(c *fiber.Ctx, dst any) error {
	err := c.BodyParser(dst)
	if err == nil {
		return nil
	}
	var multi fiber.MultiError
	if errors.As(err, &multi) {
		fields := FieldErrors{}
		for name := range multi {
			fields[name] = formValueMessage(dst, name)
		}
		return &validationError{Fields: fields}
	}
	return fiber.NewError(fiber.StatusBadRequest, "The form could not be read. Reload the page and try again.")
}

// formValueMessage words a form value that does not fit the field of dst whose form
// tag is name: a box that is ticked or not, or a whole number.
func formValueMessage(dst any, name string) string {
	t := reflect.TypeOf(dst)
	for t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	if t.Kind() == reflect.Struct {
		for i := 0; i < t.NumField(); i++ {
			f := t.Field(i)
			if strings.Split(f.Tag.Get("form"), ",")[0] == name && f.Type.Kind() == reflect.Bool {
				return "Tick the box or leave it empty."
			}
		}
	}
	return "Enter a whole number of a sensible size."
}

// formFieldProblems separates readForm's refusals that belong beside a field (so the
// page re-renders with them) from the ones that fail the request.
func formFieldProblems(err error) (FieldErrors, error) {
	var ve *validationError
	if errors.As(err, &ve) {
		return ve.Fields, nil
	}
	return nil, err
}
