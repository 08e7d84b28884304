package handlers_test

import (
	"net/http/httptest"
	"strings"
	"testing"

	"hitpath/app/apptest"
)

// TestNotFoundAndHeaderLimitWording: an unknown address and a missing record say the
// same thing on pages and in the API; headers over the limit answer 431, as JSON with
// an error under /api and as a page elsewhere; a page that takes only POST says so in
// words when opened.
func TestNotFoundAndHeaderLimitWording(t *testing.T) {
	eachCEU(t, func(t *testing.T, s *apptest.Server) {
		b := ceuNewHolder(t, s, "nora@example.com")
		token := s.LoginAPI("nora@example.com", goodPassword)
		const want = "Not found: nothing is at this address, or it is not yours to see."
		var problem struct {
			Error string `json:"error"`
		}
		for _, path := range []string{"/api/v1/no-such-thing", "/api/v1/ceus/999999"} {
			req := httptest.NewRequest("GET", path, nil)
			req.Header.Set("Authorization", "Bearer "+token)
			apptest.Must(t, s.Do(req), 404).JSON(t, &problem)
			if problem.Error != want {
				t.Errorf("%s: got %q, want %q", path, problem.Error, want)
			}
		}
		for _, path := range []string{"/no-such-page", "/credentials/999999"} {
			if page := apptest.Must(t, b.Get(path), 404).Text(); !strings.Contains(page, want) {
				t.Errorf("%s: got no %q on the page", path, want)
			}
		}
		if page := apptest.Must(t, b.Get("/ceus/import/commit"), 405).Text(); !strings.Contains(page, "This address does not take a GET request.") {
			t.Errorf("got a raw 405 page")
		}
		big := strings.Repeat("x", 20<<10)
		req := httptest.NewRequest("GET", "/api/v1/ceus", nil)
		req.Header.Set("Authorization", "Bearer "+token)
		req.Header.Set("X-Padding", big)
		res := s.Do(req)
		if res.Status != 431 || !strings.HasPrefix(res.Header.Get("Content-Type"), "application/json") {
			t.Fatalf("got %d %s, want 431 JSON", res.Status, res.Header.Get("Content-Type"))
		}
		res.JSON(t, &problem)
		if !strings.Contains(problem.Error, "headers are too large") {
			t.Errorf("got %q", problem.Error)
		}
		req = httptest.NewRequest("GET", "/ceus", nil)
		req.Header.Set("X-Padding", big)
		if res := s.Do(req); res.Status != 431 || !strings.HasPrefix(res.Header.Get("Content-Type"), "text/html") {
			t.Fatalf("page: got %d %s, want a 431 page", res.Status, res.Header.Get("Content-Type"))
		}
	})
}
