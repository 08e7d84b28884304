package handlers_test

import (
	"net/http"
	"net/url"
	"strings"
	"testing"

	"hitpath/app/apptest"
)

// TestCourseworkSavesInOneForm: the coursework page saves every changed row with one
// button; one wrong row saves nothing and is summarised at the top with a link to it.
func TestCourseworkSavesInOneForm(t *testing.T) {
	apptest.Each(t, func(t *testing.T, s *apptest.Server) {
		b := s.Browser()
		b.SignUp("Cory Course", "cory@example.com", goodPassword)
		page := apptest.Must(t, b.Get("/coursework"), http.StatusOK).Text()
		if n := strings.Count(page, `type="submit"`); n != 2 || !strings.Contains(page, `id="save-coursework"`) {
			t.Fatalf("got %d submit buttons, want one for the coursework and the log-out button", n)
		}
		bad := url.Values{"status-1": {"completed"}, "done-1": {"2024-05-01"}, "status-2": {"planned"}, "done-2": {"2024-06-01"}}
		page = apptest.Must(t, b.Submit("/coursework", bad), http.StatusUnprocessableEntity).Text()
		if !strings.Contains(page, `href="#done-2"`) || !strings.Contains(page, `id="done-2-error"`) || !strings.Contains(page, `<title>Error: `) {
			t.Fatal("a wrong row is not summarised with a link to its input")
		}
		if !strings.Contains(page, `name="done-1" value="2024-05-01"`) {
			t.Fatal("the rows typed were not kept")
		}
		if page := apptest.Must(t, b.Get("/coursework"), http.StatusOK).Text(); !strings.Contains(page, "0% complete") {
			t.Fatal("a form with a wrong row saved some rows")
		}
		good := url.Values{"status-1": {"completed"}, "done-1": {"2024-05-01"}, "grade-1": {"A"}, "status-2": {"in_progress"}}
		apptest.Must(t, b.Submit("/coursework", good), http.StatusSeeOther)
		page = apptest.Must(t, b.Get("/coursework"), http.StatusOK).Text()
		if !strings.Contains(page, "2 courses changed") || !strings.Contains(page, `name="grade-1" value="A"`) || strings.Contains(page, "0% complete") {
			t.Fatal("the two changed rows were not saved together")
		}
	}, studentClock())
}
