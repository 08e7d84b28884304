package apptest

import (
	"bytes"
	"context"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/getkin/kin-openapi/openapi3"
	"github.com/getkin/kin-openapi/openapi3filter"
	"github.com/getkin/kin-openapi/routers"
	"github.com/getkin/kin-openapi/routers/gorillamux"
)

// openAPIChecker validates API exchanges against the document the server serves, so
// the document cannot drift from what the handlers really do.
type openAPIChecker struct {
	t      testing.TB
	router routers.Router
}

func newOpenAPIChecker(t testing.TB, s *Server) *openAPIChecker {
	t.Helper()
	resp := s.Do(httptest.NewRequest(http.MethodGet, "/api/v1/openapi.json", nil))
	if resp.Status != http.StatusOK {
		t.Fatalf("GET /api/v1/openapi.json: status %d", resp.Status)
	}
	loader := openapi3.NewLoader()
	doc, err := loader.LoadFromData(resp.Body)
	if err != nil {
		t.Fatalf("load OpenAPI document: %v", err)
	}
	if err := doc.Validate(context.Background()); err != nil {
		t.Fatalf("OpenAPI document is invalid: %v", err)
	}
	doc.Servers = openapi3.Servers{{URL: "http://hitpath.test/api/v1"}}
	router, err := gorillamux.NewRouter(doc)
	if err != nil {
		t.Fatalf("route OpenAPI document: %v", err)
	}
	return &openAPIChecker{t: t, router: router}
}

// check fails the test when the path is undocumented or the response (status,
// headers, body) does not match the document. Requests are checked too, except those
// a test sends broken on purpose (anything answered 400 or 422).
func (o *openAPIChecker) check(method, path, token string, body []byte, resp *Response) {
	o.t.Helper()
	if path == "/api/v1/openapi.json" {
		return
	}
	req, _ := http.NewRequest(method, "http://hitpath.test"+path, bytes.NewReader(body))
	if len(body) > 0 {
		req.Header.Set("Content-Type", "application/json")
	}
	if token != "" {
		req.Header.Set("Authorization", "Bearer "+token)
	}
	route, params, err := o.router.FindRoute(req)
	if err != nil {
		o.t.Fatalf("%s %s is not in the OpenAPI document: %v", method, path, err)
	}
	ctx := context.Background()
	opts := &openapi3filter.Options{AuthenticationFunc: openapi3filter.NoopAuthenticationFunc, IncludeResponseStatus: true}
	input := &openapi3filter.RequestValidationInput{Request: req, PathParams: params, Route: route, Options: opts}
	if resp.Status != http.StatusBadRequest && resp.Status != http.StatusUnprocessableEntity && resp.Status < 500 {
		if err := openapi3filter.ValidateRequest(ctx, input); err != nil && resp.Status < 400 {
			o.t.Fatalf("%s %s request does not match the OpenAPI document: %v", method, path, err)
		}
	}
	header := resp.Header.Clone()
	if strings.HasPrefix(header.Get("Content-Type"), "application/json") {
		header.Set("Content-Type", "application/json")
	}
	err = openapi3filter.ValidateResponse(ctx, &openapi3filter.ResponseValidationInput{
		RequestValidationInput: input, Status: resp.Status, Header: header,
		Body: io.NopCloser(bytes.NewReader(resp.Body)), Options: opts,
	})
	if err != nil {
		o.t.Fatalf("%s %s answered %d, which does not match the OpenAPI document: %v", method, path, resp.Status, err)
	}
}
