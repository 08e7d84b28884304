package handlers

import (
	"errors"
	"strings"

	"github.com/gofiber/fiber/v2"

	"hitpath/models"
)

// validationError is a refused API request: 422 with a message per field.
type validationError struct {
	Fields FieldErrors
}

func (e *validationError) Error() string { return "validation failed" }

// apiProblem is the JSON error body every API refusal uses.
type apiProblem struct {
	Error  string      `json:"error"`
	Fields FieldErrors `json:"fields,omitempty"`
}

// msgUnavailable answers requests while the database cannot serve them.
const msgUnavailable = "hitpath cannot reach its database right now. Please try again in a few seconds."

// retryAfterUnavailable is the Retry-After, in seconds, sent with a 503.
const retryAfterUnavailable = "5"

// ErrorHandler turns a handler's error into a response: JSON under /api, a page
// elsewhere. Unexpected errors are logged with their detail and answered with a
// generic 500; database text never reaches the user.
func (h *Handlers) ErrorHandler(c *fiber.Ctx, err error) error {
	status, message := fiber.StatusInternalServerError, "Something went wrong on our side. Please try again."
	var fe *fiber.Error
	var ve *validationError
	switch {
	case errors.As(err, &ve):
		status, message = fiber.StatusUnprocessableEntity, "Some fields need attention."
	case errors.As(err, &fe):
		status, message = fe.Code, fe.Message
	case errors.Is(err, models.ErrNotFound):
		status, message = fiber.StatusNotFound, "Not found."
	case models.IsUnavailable(err):
		status, message = fiber.StatusServiceUnavailable, msgUnavailable
		c.Set(fiber.HeaderRetryAfter, retryAfterUnavailable)
	}
	if status == fiber.StatusNotFound && (message == "" || message == "Cannot "+c.Method()+" "+c.Path()) {
		message = "Not found."
	}
	if status >= 500 {
		h.Log.Error("request failed", "method", c.Method(), "path", c.Path(), "err", err,
			"request_id", c.GetRespHeader(fiber.HeaderXRequestID))
	}
	if status == fiber.StatusTooManyRequests && c.GetRespHeader(fiber.HeaderRetryAfter) == "" {
		c.Set(fiber.HeaderRetryAfter, "60")
	}
	if isAPI(c) {
		problem := apiProblem{Error: message}
		if ve != nil {
			problem.Fields = ve.Fields
		}
		return c.Status(status).JSON(problem)
	}
	return h.renderError(c, status, message)
}

func isAPI(c *fiber.Ctx) bool { return strings.HasPrefix(c.Path(), "/api/") }

// apiNotFound answers unknown API paths in JSON.
func (h *Handlers) apiNotFound(c *fiber.Ctx) error {
	return fiber.NewError(fiber.StatusNotFound, "No such API route.")
}
