package handlers

import (
	"bytes"
	"encoding/json"
	"errors"
	"io"
	"mime"
	"net/url"
	"strings"
	"unicode/utf8"

	"github.com/gofiber/fiber/v2"

	"hitpath/models"
)

// refuseBadText answers 422 when any text a request carries (path, query, form
// fields, multipart field values and file names, JSON strings, text bodies) holds a
// NUL character or bytes that are not UTF-8. PostgreSQL cannot store either in a
// text column and SQLite would keep them silently; checking here, once, spares every
// handler and model from doing it. File contents are not text and are not checked.
func (h *Handlers) refuseBadText(c *fiber.Ctx) error {
	field, ok := badTextField(c)
	if !ok {
		return c.Next()
	}
	message := models.BadTextMessage(field)
	if isAPI(c) {
		return &validationError{Fields: FieldErrors{field: message}}
	}
	return fiber.NewError(fiber.StatusUnprocessableEntity, message)
}

// badTextField names the first input holding bad text; ok is false when all is well.
func badTextField(c *fiber.Ctx) (field string, ok bool) {
	if path, err := url.PathUnescape(c.Path()); err == nil && badText(path) {
		return "address", true
	}
	c.Request().URI().QueryArgs().VisitAll(func(k, v []byte) {
		if !ok && (badText(string(k)) || badText(string(v))) {
			field, ok = string(k), true
		}
	})
	if ok {
		return field, ok
	}
	media, _, _ := mime.ParseMediaType(c.Get(fiber.HeaderContentType))
	if media == fiber.MIMEMultipartForm {
		// Never c.Body() here: for a form the server has already parsed (and whose
		// large files wait in temporary files), it would rebuild the whole body in memory.
		return badMultipartField(c)
	}
	if len(c.Body()) == 0 {
		return field, ok
	}
	switch {
	case media == fiber.MIMEApplicationForm:
		c.Request().PostArgs().VisitAll(func(k, v []byte) {
			if !ok && (badText(string(k)) || badText(string(v))) {
				field, ok = string(k), true
			}
		})
	case media == fiber.MIMEApplicationJSON:
		return badJSONField(c.Body())
	case media == "text/csv":
		// A CSV comes in whatever encoding a spreadsheet wrote (Windows-1252, UTF-16
		// with a byte order mark); the import reads it as such, so check the text it
		// will read, not the raw bytes.
		if text, _ := models.DecodeCSVText(c.Body()); badText(text) {
			return "body", true
		}
	case strings.HasPrefix(media, "text/"):
		if badText(string(c.Body())) {
			return "body", true
		}
	}
	return field, ok
}

func badMultipartField(c *fiber.Ctx) (string, bool) {
	form, err := c.MultipartForm()
	if err != nil {
		return "", false // the handler reports an unreadable form
	}
	for name, values := range form.Value {
		for _, v := range values {
			if badText(name) || badText(v) {
				return name, true
			}
		}
	}
	for name, files := range form.File {
		for _, f := range files {
			if badText(f.Filename) {
				return name + " name", true
			}
		}
	}
	return "", false
}

// badJSONField walks a JSON body's strings, keys included. Invalid UTF-8 anywhere is
// refused before decoding, because the decoder would quietly replace it.
func badJSONField(body []byte) (string, bool) {
	if !utf8.Valid(body) {
		return "body", true
	}
	if !bytes.Contains(body, []byte(`\u0000`)) {
		return "", false
	}
	dec := json.NewDecoder(bytes.NewReader(body))
	lastKey := "body"
	for {
		tok, err := dec.Token()
		if errors.Is(err, io.EOF) || err != nil {
			return "", false // malformed JSON is the handler's 400
		}
		if s, isString := tok.(string); isString {
			if badText(s) {
				return lastKey, true
			}
			lastKey = s
		}
	}
}

func badText(s string) bool { return models.BadText(s) }
