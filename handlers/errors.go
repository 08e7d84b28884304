package handlers

import (
	"errors"
	"strings"

	"github.com/gofiber/fiber/v2"
	"github.com/gofiber/fiber/v2/utils"

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

// msgNotFound is the one answer for an unknown address or a record that does not
// exist or is not the reader's, on pages and in the API alike.
const msgNotFound = "Not found: nothing is at this address, or it is not yours to see."

// msgUnavailable answers requests while the database cannot serve them.
const msgUnavailable = "hitpath cannot reach its database right now. Please try again in a few seconds."

// msgUnreadableRequest answers a request the server could not read to the end.
const msgUnreadableRequest = "The request could not be read: its body is malformed or cut short " +
	"(a multipart/form-data upload must be complete and use the boundary its Content-Type names). Send it again."

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
		status, message = fiber.StatusNotFound, msgNotFound
	case models.IsUnavailable(err):
		status, message = fiber.StatusServiceUnavailable, msgUnavailable
		c.Set(fiber.HeaderRetryAfter, retryAfterUnavailable)
	}
	switch {
	case status == fiber.StatusNotFound && (message == "" || message == "Not found." || message == "Cannot "+c.Method()+" "+c.Path()):
		message = msgNotFound
	case status == fiber.StatusMethodNotAllowed && message == utils.StatusMessage(status):
		message = "This address does not take a " + c.Method() + " request."
	case status == fiber.StatusRequestHeaderFieldsTooLarge:
		message = msgHeadersTooLarge
	case status == fiber.StatusBadRequest && unparsedRequest(c):
		// The server could not read the request (a multipart body cut short or with the
		// wrong boundary); its message is Go's own text, and it has forgotten the path.
		message = msgUnreadableRequest
	}
	if status >= 500 {
		h.Log.Error("request failed", "method", c.Method(), "path", c.Path(), "err", err,
			"request_id", c.GetRespHeader(fiber.HeaderXRequestID))
	}
	if status == fiber.StatusTooManyRequests && c.GetRespHeader(fiber.HeaderRetryAfter) == "" {
		c.Set(fiber.HeaderRetryAfter, "60")
	}
	if isAPI(c) || unparsedRequest(c) {
		problem := apiProblem{Error: message}
		if ve != nil {
			problem.Fields = ve.Fields
		}
		return c.Status(status).JSON(problem)
	}
	return h.renderError(c, status, message)
}

func isAPI(c *fiber.Ctx) bool { return strings.HasPrefix(c.Path(), "/api/") }

// unparsedRequest reports a request the server refused before routing it (headers
// over the read buffer, or a multipart body it could not read, after which fasthttp
// clears the request): its path is unknown, so it is answered with the plain JSON
// every API client reads, which a browser shows readably too.
func unparsedRequest(c *fiber.Ctx) bool { return len(c.Request().Header.RawHeaders()) == 0 }

// apiNotFound answers unknown API paths in JSON.
func (h *Handlers) apiNotFound(c *fiber.Ctx) error {
	return fiber.NewError(fiber.StatusNotFound, msgNotFound)
}
