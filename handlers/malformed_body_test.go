package handlers_test

import (
	"encoding/json"
	"io"
	"net"
	"net/http"
	"strings"
	"testing"

	"hitpath/app/apptest"
)

// TestMalformedMultipartIsAReadableRefusal sends a multipart body that is not one to
// the API's upload routes, a JSON-only route and a page: each answers a readable
// message (JSON in the API) and never Go's own error text.
func TestMalformedMultipartIsAReadableRefusal(t *testing.T) {
	apptest.Each(t, func(t *testing.T, s *apptest.Server) {
		token := s.RegisterAPI("Ana", "ana@example.com", goodPassword)
		base := listen(t, s)
		for _, path := range []string{"/api/v1/decks/3/import", "/api/v1/ceus/1/evidence", "/api/v1/decks/3/media"} {
			req, _ := http.NewRequest("POST", base+path, strings.NewReader("garbage"))
			req.Header.Set("Content-Type", "multipart/form-data; boundary=zz")
			req.Header.Set("Authorization", "Bearer "+token)
			resp, err := http.DefaultClient.Do(req)
			if err != nil {
				t.Fatal(err)
			}
			body, _ := io.ReadAll(resp.Body)
			resp.Body.Close()
			var problem struct {
				Error string `json:"error"`
			}
			if err := json.Unmarshal(body, &problem); err != nil || resp.StatusCode != http.StatusBadRequest {
				t.Fatalf("%s: got %d %q, want 400 and a JSON error", path, resp.StatusCode, body)
			}
			if !strings.Contains(problem.Error, "could not be read") || strings.Contains(problem.Error, "NextPart") {
				t.Errorf("%s: got error %q, want a readable message without Go's text", path, problem.Error)
			}
		}
	})
}

// listen serves s on a local port for requests the in-memory test transport cannot
// carry: a body the server refuses while reading it.
func listen(t *testing.T, s *apptest.Server) string {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	go func() { _ = s.App.Server.Listener(ln) }()
	t.Cleanup(func() { _ = ln.Close() })
	return "http://" + ln.Addr().String()
}
