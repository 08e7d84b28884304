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
	for _, f := range failures {
		if _, seen := fields[f.Field()]; !seen {
			fields[f.Field()] = fieldMessage(f)
		}
	}
	return fields
}

func fieldMessage(f validator.FieldError) string {
	label := strings.ReplaceAll(f.Field(), "_", " ")
	switch f.Tag() {
	case "required":
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
// a 400.
func readJSON(c *fiber.Ctx, dst any) error {
	if !isJSONBody(c) {
		return errNotJSON
	}
	if err := json.Unmarshal(c.Body(), dst); err != nil {
		return errMalformedJSON
	}
	return nil
}

// isJSONBody reports whether the request's Content-Type is application/json (any
// letter case, parameters such as charset allowed).
func isJSONBody(c *fiber.Ctx) bool {
	media, _, err := mime.ParseMediaType(c.Get(fiber.HeaderContentType))
	return err == nil && media == fiber.MIMEApplicationJSON
}

// readForm decodes a page's form post into dst.
func readForm(c *fiber.Ctx, dst any) error {
	if err := c.BodyParser(dst); err != nil {
		return fiber.NewError(fiber.StatusBadRequest, "The form could not be read. Reload the page and try again.")
	}
	return nil
}
