package handlers_test

import (
	"net/http"
	"strings"
	"testing"

	"hitpath/app/apptest"
)

// TestLandingPageIsCachedForVisitors: a visitor's landing page is one shared, cacheable
// rendering with an ETag (and no CSRF cookie); a signed-in viewer gets their own page
// leading into the tool.
func TestLandingPageIsCachedForVisitors(t *testing.T) {
	apptest.Each(t, func(t *testing.T, s *apptest.Server) {
		first := apptest.Must(t, s.Browser().Get("/"), http.StatusOK)
		if got := first.Header.Get("Cache-Control"); got != "public, max-age=300" {
			t.Errorf("got Cache-Control %q for a visitor, want public, max-age=300", got)
		}
		for _, c := range first.Header.Values("Set-Cookie") {
			if strings.HasPrefix(c, "hitpath_csrf=") {
				t.Errorf("a shared landing page sets a CSRF cookie: %s", c)
			}
		}
		etag := first.Header.Get("ETag")
		req, _ := http.NewRequest("GET", "/", nil)
		req.Header.Set("If-None-Match", etag)
		if got := s.Do(req); etag == "" || got.Status != http.StatusNotModified {
			t.Errorf("got %d for a revalidation with ETag %q, want 304", got.Status, etag)
		}
		if !strings.Contains(first.Text(), `class="button" href="/signup"`) {
			t.Error("the visitor's landing page does not lead to sign-up")
		}

		b := s.Browser()
		b.SignUp("Lena Landing", "lena@example.com", goodPassword)
		mine := apptest.Must(t, b.Get("/"), http.StatusOK)
		if strings.HasPrefix(mine.Header.Get("Cache-Control"), "public") || !strings.Contains(mine.Text(), `href="/pathway"`) || !strings.Contains(mine.Text(), "Lena Landing") {
			t.Error("a signed-in viewer got the shared landing page")
		}
	})
}
