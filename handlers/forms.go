package handlers

import (
	"errors"
	"fmt"
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

// readForm decodes a page's form post into dst. Numbers are read as people type
// them (surrounding spaces dropped, a decimal comma taken as a point), tick-boxes as
// on/off, yes/no or true/false; a value that still does not read is a 422 naming the
// field (see formFieldProblems), the field left at zero and what was typed kept for
// the re-shown form (typedFormValues).
func readForm(c *fiber.Ctx, dst any) error {
	fields := normalizeFormNumbers(c, formFieldKinds(dst))
	if err := c.BodyParser(dst); err != nil {
		var multi fiber.MultiError
		if !errors.As(err, &multi) {
			return fiber.NewError(fiber.StatusBadRequest, "The form could not be read. Reload the page and try again.")
		}
		for name := range multi {
			if _, seen := fields[name]; !seen {
				fields[name] = msgWholeNumberSize
			}
		}
	}
	if len(fields) > 0 {
		return &validationError{Fields: fields}
	}
	return nil
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
