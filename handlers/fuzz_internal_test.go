package handlers

import (
	"errors"
	"math"
	"strings"
	"testing"
	"time"

	"github.com/gofiber/fiber/v2"
	"github.com/valyala/fasthttp"

	"hitpath/models"
)

// FuzzReadJSON feeds any body and Content-Type to the JSON reader with the API's input
// types: the answer is a decoded value, a 422 naming a field, a 400 or a 415, never a
// panic or a 500.
func FuzzReadJSON(f *testing.F) {
	for _, seed := range []string{
		`{}`, `[]`, `null`, ``, `{"minutes": 99999999999999999999}`, `{"minutes": 1e400}`, `{"minutes": "90"}`,
		`{"weekly_goal_minutes": -9223372036854775809}`, `{"overall_percent": NaN}`, `{"scores": [{"position": 1.5}]}`,
		`{"title": "\ud800"}`, `{"title": "a"}{"title": "b"}`, `{"csv": 1}`, `{"a":` + strings.Repeat("[", 20000),
		`{"activity_date": "2030-01-02", "minutes": 90, "ceus": 1.25}`, "{\"title\": \"\x00\"}",
	} {
		f.Add([]byte(seed), "application/json")
	}
	for _, contentType := range []string{"", "text/csv", "application/json; charset=utf-8", "APPLICATION/JSON", "application/json;;", "multipart/form-data; boundary="} {
		f.Add([]byte(`{"title": "a"}`), contentType)
	}
	app := fiber.New()
	targets := []func() any{
		func() any { return &ceuInput{} }, func() any { return &studyForm{} }, func() any { return &pathwayJSON{} },
		func() any { return &signupForm{} }, func() any { return &goalForm{} },
	}
	f.Fuzz(func(t *testing.T, body []byte, contentType string) {
		c := app.AcquireCtx(&fasthttp.RequestCtx{})
		defer app.ReleaseCtx(c)
		c.Request().Header.SetContentType(contentType)
		c.Request().SetBody(body)
		c.Request().Header.SetContentType(fiber.MIMEApplicationJSON)
		for _, target := range targets {
			err := readJSON(c, target())
			var ve *validationError
			var fe *fiber.Error
			switch {
			case err == nil:
			case errors.As(err, &ve):
				if len(ve.Fields) == 0 {
					t.Fatalf("got a 422 naming no field for %q", body)
				}
			case errors.As(err, &fe) && (fe.Code == fiber.StatusBadRequest || fe.Code == fiber.StatusUnsupportedMediaType):
			default:
				t.Fatalf("got %v for %.100q, want nil, a 422, a 400 or a 415", err, body)
			}
		}
	})
}

// FuzzCSRFTokenReader checks the CSRF token reader: only a token this key signed for
// this binding and that has not expired is accepted, and nothing panics.
func FuzzCSRFTokenReader(f *testing.F) {
	now := time.Date(2031, 6, 15, 10, 0, 0, 0, time.UTC)
	tokens := csrfTokens{key: []byte("fuzz-key-fuzz-key-fuzz-key-0123"), ttl: time.Hour, now: func() time.Time { return now }}
	const binding = "session:fuzz"
	valid := tokens.New(binding)
	for _, seed := range []string{valid, "", ".", "..", "a.b.c", valid + "x", "x" + valid, strings.Replace(valid, ".", "..", 1),
		"abc.99999999999999999999." + tokens.sign("abc.99999999999999999999", binding), "abc.-1." + tokens.sign("abc.-1", binding),
		"." + tokens.sign("", binding), "abc." + tokens.sign("abc", binding), tokens.New("pre:other")} {
		f.Add(seed)
	}
	f.Fuzz(func(t *testing.T, token string) {
		if !tokens.Valid(token, binding) {
			return
		}
		cut := strings.LastIndexByte(token, '.')
		if cut < 0 || tokens.sign(token[:cut], binding) != token[cut+1:] {
			t.Fatalf("Valid(%q) accepted a token this key did not sign for this session", token)
		}
	})
}

// FuzzParsePercent checks that a typed percent is a finite number when accepted.
func FuzzParsePercent(f *testing.F) {
	for _, seed := range []string{"75", "75%", " 99.5 % ", "NaN", "Inf", "-Inf", "1e309", "0x1p-2", "1_000", "", "%"} {
		f.Add(seed)
	}
	f.Fuzz(func(t *testing.T, text string) {
		fields := FieldErrors{}
		p, ok := parsePercent(text, "overall_percent", fields)
		if ok && (math.IsNaN(p) || math.IsInf(p, 0)) {
			t.Fatalf("parsePercent(%q) accepted %v", text, p)
		}
		if ok == (fields["overall_percent"] != "") {
			if ok || strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(text), "%")) != "" {
				t.Fatalf("parsePercent(%q) = %v, %v with fields %v", text, p, ok, fields)
			}
		}
	})
}

// FuzzEmailAddress checks the sign-up form's address rule: an accepted address is
// one mailbox (an @ with text on both sides) within 254 bytes once normalised.
func FuzzEmailAddress(f *testing.F) {
	for _, seed := range []string{"ana@example.com", "ANA@EXAMPLE.COM", "a@b", "@example.com", "ana@", "a b@example.com",
		"\"quoted local\"@example.com", "ana@[127.0.0.1]", "ana@example.com\n", "ana@exa\x00mple.com", strings.Repeat("a", 250) + "@example.com",
		"ana@example.com, bo@example.com", "Ana <ana@example.com>"} {
		f.Add(seed)
	}
	v := newFormValidator()
	f.Fuzz(func(t *testing.T, email string) {
		fields := v.Check(signupForm{Name: "Ana", Email: email, Password: "a-long-password-1"})
		if fields["email"] != "" {
			return
		}
		normal := models.NormalizeEmail(email)
		local, domain, ok := strings.Cut(normal, "@")
		if !ok || local == "" || domain == "" || len(normal) > 254 || strings.ContainsAny(normal, "\r\n\x00,<>") {
			t.Fatalf("accepted %q (normalised %q)", email, normal)
		}
	})
}
