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
// the API's multipart upload route (400) and to two routes that take JSON (415): each
// answers JSON with a readable message, never Go's own error text.
func TestMalformedMultipartIsAReadableRefusal(t *testing.T) {
	eachCEU(t, func(t *testing.T, s *apptest.Server) {
		token := s.RegisterAPI("Ana", "ana@example.com", goodPassword)
		base := listen(t, s)
		deck := createDeckAPI(t, s, token)
		apptest.Must(t, s.API("POST", "/api/v1/credentials", token, map[string]string{"credential_code": "RHIT", "earned_on": ceuEarned.Format("2006-01-02")}), http.StatusCreated)
		var entry struct {
			ID int64 `json:"id"`
		}
		apptest.Must(t, s.API("POST", "/api/v1/ceus", token, map[string]any{"activity_date": ceuDaysAgo(3), "title": "Webinar", "provider": "AHIMA",
			"provider_kind": "ahima", "ceus": 1, "delivery": "online"}), http.StatusCreated).JSON(t, &entry)
		for _, tt := range []struct {
			path   string
			status int
		}{
			{"/api/v1/decks/" + deck + "/import", http.StatusBadRequest},
			{"/api/v1/ceus/" + itoa(entry.ID) + "/evidence", http.StatusUnsupportedMediaType},
			{"/api/v1/decks/" + deck + "/media", http.StatusUnsupportedMediaType},
		} {
			req, _ := http.NewRequest("POST", base+tt.path, strings.NewReader("garbage"))
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
			if err := json.Unmarshal(body, &problem); err != nil || resp.StatusCode != tt.status {
				t.Fatalf("%s: got %d %q, want %d and a JSON error", tt.path, resp.StatusCode, body, tt.status)
			}
			if problem.Error == "" || strings.Contains(problem.Error, "NextPart") || strings.Contains(problem.Error, "multipart:") {
				t.Errorf("%s: got error %q, want a readable message without Go's text", tt.path, problem.Error)
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
