package handlers_test

import (
	"context"
	"html/template"
	"net/http"
	"net/http/httptest"
	"net/url"
	"regexp"
	"strings"
	"sync"
	"testing"

	"hitpath/app/apptest"
	"hitpath/models"
)

// referenceContent returns the seeded pages and facts of a test server.
func referenceContent(t *testing.T, s *apptest.Server) ([]models.ReferencePage, []models.ReferenceFact) {
	t.Helper()
	pages, err := models.ListReferencePages(context.Background(), s.DB)
	if err != nil {
		t.Fatal(err)
	}
	facts, err := models.ListReferenceFacts(context.Background(), s.DB)
	if err != nil {
		t.Fatal(err)
	}
	if len(pages) != 10 {
		t.Fatalf("got %d seeded pages, want 10 (app.New seeds them)", len(pages))
	}
	return pages, facts
}

// adminBrowser signs up a user and makes them an admin.
func adminBrowser(t *testing.T, s *apptest.Server) *apptest.Browser {
	t.Helper()
	b := s.Browser()
	b.SignUp("Ada Admin", "ada@example.com", goodPassword)
	s.SetRole("ada@example.com", "admin")
	return b
}

func TestEveryCareerPageShowsItsChartsWithPeriodAndSource(t *testing.T) {
	apptest.Each(t, func(t *testing.T, s *apptest.Server) {
		pages, facts := referenceContent(t, s)
		charted := 0
		for _, page := range pages {
			t.Run(page.Slug, func(t *testing.T) {
				html := apptest.Must(t, s.Browser().Get("/careers/"+page.Slug), 200).Text()
				if want := "<title>" + template.HTMLEscapeString(page.Title) + " · hitpath</title>"; !strings.Contains(html, want) {
					t.Errorf("got no %s", want)
				}
				for _, name := range models.ChartsInBody(page.Body) {
					charted++
					figure := regexp.MustCompile(`(?s)<figure class="chart reference-chart" id="chart-` + name + `">.*?</figure>`).FindString(html)
					if !strings.Contains(figure, "<svg") || !strings.Contains(figure, "<table") || !strings.Contains(figure, "<title") {
						t.Errorf("chart %s: got figure %.200q, want an SVG with a title and a data table", name, figure)
					}
				}
				topics := models.TopicsInBody(page.Body)
				for _, f := range facts {
					if !contains(topics, f.Topic) {
						continue
					}
					for _, text := range []string{f.Period, f.Source} {
						if !strings.Contains(html, template.HTMLEscapeString(text)) {
							t.Errorf("fact %s / %s: got no %q on the page", f.Topic, f.Label, text)
						}
					}
				}
				if strings.Contains(html, "{{chart") {
					t.Error("got a chart placeholder left as text")
				}
			})
		}
		if charted != 7 {
			t.Fatalf("got %d charts across the pages, want 7", charted)
		}
	})
}

func contains(list []string, s string) bool {
	for _, v := range list {
		if v == s {
			return true
		}
	}
	return false
}

func TestCareersIndexAndUnknownPage(t *testing.T) {
	apptest.Each(t, func(t *testing.T, s *apptest.Server) {
		pages, _ := referenceContent(t, s)
		html := apptest.Must(t, s.Browser().Get("/careers"), 200).Text()
		for _, page := range pages {
			if !strings.Contains(html, `href="/careers/`+page.Slug+`"`) {
				t.Errorf("got no link to %s on the index", page.Slug)
			}
		}
		if !strings.Contains(html, `action="/careers/search"`) {
			t.Error("got no search box on the index")
		}
		apptest.Must(t, s.Browser().Get("/careers/no-such-page"), 404)
	})
}

func TestCertificationsLinkIntoThePathwayPlanner(t *testing.T) {
	apptest.Each(t, func(t *testing.T, s *apptest.Server) {
		html := apptest.Must(t, s.Browser().Get("/careers/certifications"), 200).Text()
		for _, code := range []string{"RHIT", "CCA", "ODS"} {
			if !strings.Contains(html, `<a href="/pathway?target=`+code+`">Start this pathway</a>`) {
				t.Errorf("got no \"Start this pathway\" link for %s", code)
			}
		}
	})
}

func TestLandingPageSpeaksToThreeAudiences(t *testing.T) {
	apptest.Each(t, func(t *testing.T, s *apptest.Server) {
		html := apptest.Must(t, s.Browser().Get("/"), 200).Text()
		for _, want := range []string{"Students", "Credential holders", "Instructors", "Plan your pathway", "Track your CEUs",
			"Set up a cohort", `href="/careers"`, `href="/careers/wages"`} {
			if !strings.Contains(html, want) {
				t.Errorf("got no %q on the landing page", want)
			}
		}
		b := s.Browser()
		b.SignUp("Lee", "lee@example.com", goodPassword)
		if html := apptest.Must(t, b.Get("/"), 200).Text(); !strings.Contains(html, `class="button" href="/pathway"`) {
			t.Error("got no direct link to the pathway for a signed-in learner")
		}
	})
}

func TestCareerSearchMarksMatchesInFactsAndPages(t *testing.T) {
	tests := []struct {
		name, query string
		want        []string
	}{
		{"a fact's label", "hospitals", []string{"<mark>Hospitals</mark> (state, local, private)", `href="/careers/work-settings"`}},
		{"a word of a page body", "registrar", []string{`<a href="/careers/overview-and-duties">`, "<mark>registrar</mark>"}},
		{"two words, both required", "california percentile", []string{"90th <mark>percentile</mark>", "<td><mark>California</mark></td>"}},
		{"markup is escaped", "<b>", []string{"0 pages and 0 figures", "&lt;b&gt;"}},
		{"LIKE wildcards are literal", "o_n", []string{"0 pages and 0 figures"}},
	}
	apptest.Each(t, func(t *testing.T, s *apptest.Server) {
		for _, tt := range tests {
			t.Run(tt.name, func(t *testing.T) {
				html := apptest.Must(t, s.Browser().Get("/careers/search?q="+urlQuery(tt.query)), 200).Text()
				for _, want := range tt.want {
					if !strings.Contains(html, want) {
						t.Errorf("got no %q in the results for %q", want, tt.query)
					}
				}
				if strings.Contains(html, "<b>") {
					t.Error("got the query's markup unescaped")
				}
			})
		}
	})
}

func formOf(pairs ...string) url.Values {
	form := url.Values{}
	for i := 0; i+1 < len(pairs); i += 2 {
		form.Set(pairs[i], pairs[i+1])
	}
	return form
}

func urlQuery(s string) string {
	return strings.NewReplacer("%", "%25", " ", "+", "<", "%3C", ">", "%3E").Replace(s)
}

func TestCareerPageAnswersConditionalRequests(t *testing.T) {
	apptest.Each(t, func(t *testing.T, s *apptest.Server) {
		first := apptest.Must(t, s.Browser().Get("/careers/wages"), 200)
		etag, modified := first.Header.Get("ETag"), first.Header.Get("Last-Modified")
		if etag == "" || modified == "" {
			t.Fatalf("got ETag %q and Last-Modified %q, want both", etag, modified)
		}
		if got := first.Header.Get("Cache-Control"); got != "public, max-age=300" {
			t.Errorf("got Cache-Control %q for an anonymous visitor, want public, max-age=300", got)
		}
		if strings.Contains(first.Header.Get("Set-Cookie"), "hitpath_csrf") {
			t.Error("got a CSRF cookie on a publicly cacheable page")
		}
		tests := []struct {
			name, header, value string
			want                int
		}{
			{"same ETag", "If-None-Match", etag, 304},
			{"ETag in a list", "If-None-Match", `"other", ` + etag, 304},
			{"other ETag", "If-None-Match", `W/"stale"`, 200},
			{"not modified since", "If-Modified-Since", modified, 304},
			{"modified since", "If-Modified-Since", "Mon, 01 Jan 2001 00:00:00 GMT", 200},
		}
		for _, tt := range tests {
			t.Run(tt.name, func(t *testing.T) {
				req := httptest.NewRequest(http.MethodGet, "/careers/wages", nil)
				req.Header.Set(tt.header, tt.value)
				resp := s.Do(req)
				if resp.Status != tt.want {
					t.Fatalf("got %d, want %d", resp.Status, tt.want)
				}
				if tt.want == 304 && len(resp.Body) != 0 {
					t.Fatalf("got a body of %d bytes with 304", len(resp.Body))
				}
			})
		}

		admin := adminBrowser(t, s)
		signedIn := apptest.Must(t, admin.Get("/careers/wages"), 200)
		if got := signedIn.Header.Get("Cache-Control"); got != "private, no-cache" {
			t.Errorf("got Cache-Control %q for a signed-in viewer, want private, no-cache", got)
		}
		if signedIn.Header.Get("ETag") == etag || !strings.Contains(signedIn.Text(), "Ada Admin") {
			t.Error("got the anonymous page or its ETag for a signed-in viewer")
		}
		if token := admin.CSRF(); token == "" || !strings.Contains(signedIn.Text(), `name="_csrf" value="`+token+`"`) {
			t.Error("got no CSRF token in the signed-in viewer's logout form")
		}
		apptest.Must(t, admin.Submit("/admin/reference/pages/wages", formOf("title", "Pay", "summary", "Edited pay page.", "body", "New wages text.")), 303)
		req := httptest.NewRequest(http.MethodGet, "/careers/wages", nil)
		req.Header.Set("If-None-Match", etag)
		after := s.Do(req)
		if after.Status != 200 || !strings.Contains(string(after.Body), "New wages text.") || after.Header.Get("ETag") == etag {
			t.Fatalf("got %d with ETag %s after an edit, want 200 with the new text and a new ETag", after.Status, after.Header.Get("ETag"))
		}
	})
}

func TestReferenceAPIAnswersConditionalRequests(t *testing.T) {
	apptest.Each(t, func(t *testing.T, s *apptest.Server) {
		first := apptest.Must(t, s.API("GET", "/api/v1/reference/pages/wages", "", nil), 200)
		req := httptest.NewRequest(http.MethodGet, "/api/v1/reference/pages/wages", nil)
		req.Header.Set("If-None-Match", first.Header.Get("ETag"))
		if got := s.Do(req).Status; got != 304 {
			t.Fatalf("got %d for a current ETag, want 304", got)
		}
		req = httptest.NewRequest(http.MethodGet, "/api/v1/reference/pages/outlook", nil)
		req.Header.Set("If-None-Match", first.Header.Get("ETag"))
		if got := s.Do(req).Status; got != 200 {
			t.Fatalf("got %d for another page with the first page's ETag, want 200", got)
		}
	})
}

// TestCareerPagesServeConcurrentReadersDuringEdits runs readers of every page while an
// admin edits, so `go test -race` sees the render cache used from many goroutines.
func TestCareerPagesServeConcurrentReadersDuringEdits(t *testing.T) {
	s := apptest.New(t, openSQLite(t))
	pages, _ := referenceContent(t, s)
	admin := adminBrowser(t, s)
	var wg sync.WaitGroup
	failures := make(chan string, 64)
	for i := range 8 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for j := range 10 {
				path := "/careers/" + pages[(i+j)%len(pages)].Slug
				resp, err := s.App.Server.Test(httptest.NewRequest(http.MethodGet, path, nil), 30_000)
				if err != nil || resp.StatusCode != 200 {
					failures <- path
					return
				}
				resp.Body.Close()
			}
		}()
	}
	for i := range 3 {
		apptest.Must(t, admin.Submit("/admin/reference/pages/outlook", formOf("title", "Outlook", "summary", "s", "body", "Edit "+itoa(int64(i)))), 303)
	}
	wg.Wait()
	close(failures)
	for path := range failures {
		t.Errorf("got a failed read of %s during edits", path)
	}
	if html := apptest.Must(t, s.Browser().Get("/careers/outlook"), 200).Text(); !strings.Contains(html, "Edit 2") {
		t.Fatal("got a stale outlook page after the last edit")
	}
}
