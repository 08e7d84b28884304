package handlers_test

import (
	"net/http"
	"net/url"
	"regexp"
	"strings"
	"testing"

	"hitpath/app/apptest"
)

// TestFormDefaultsFitThePerson: a new activity is not assumed to be in an HIIM domain,
// Category A is asked only of ODS holders, and the ODS questions of the pathway only
// of ODS students (their answers are kept while hidden).
func TestFormDefaultsFitThePerson(t *testing.T) {
	apptest.Each(t, func(t *testing.T, s *apptest.Server) {
		b := s.Browser()
		b.SignUp("Dee Fault", "dee@example.com", goodPassword)
		apptest.Must(t, b.Submit("/credentials", url.Values{"current": {"yes"}, "credential_code": {"RHIT"}, "earned_on": {cohortRelDay(-200)}}), http.StatusSeeOther)
		form := apptest.Must(t, b.Get("/ceus/new"), http.StatusOK).Text()
		if strings.Contains(form, `name="in_hiim_domain" value="true" checked`) {
			t.Error("a new activity is ticked as in an HIIM domain")
		}
		if strings.Contains(form, `name="category_a"`) || strings.Contains(apptest.Must(t, b.Get("/ceus"), http.StatusOK).Text(), `name="category_a"`) {
			t.Error("an RHIT holder is asked about NCRA Category A")
		}
		apptest.Must(t, b.Submit("/credentials", url.Values{"current": {"yes"}, "credential_code": {"ODS"}, "earned_on": {cohortRelDay(-100)}}), http.StatusSeeOther)
		if !strings.Contains(apptest.Must(t, b.Get("/ceus/new"), http.StatusOK).Text(), `name="category_a"`) {
			t.Error("an ODS holder is not asked about Category A")
		}

		if page := apptest.Must(t, b.Get("/pathway?target=RHIT"), http.StatusOK).Text(); strings.Contains(page, "<legend>ODS only</legend>") {
			t.Error("an RHIT student sees the ODS questions")
		}
		apptest.Must(t, b.Submit("/pathway", url.Values{"target": {"ODS"}, "registry_hours": {"1200"}}), http.StatusSeeOther)
		if page := apptest.Must(t, b.Get("/pathway"), http.StatusOK).Text(); !strings.Contains(page, "<legend>ODS only</legend>") {
			t.Error("an ODS student does not see the ODS questions")
		}
		apptest.Must(t, b.Submit("/pathway", url.Values{"target": {"RHIT"}, "registry_hours": {"1200"}}), http.StatusSeeOther)
		if page := apptest.Must(t, b.Get("/pathway"), http.StatusOK).Text(); !strings.Contains(page, `name="registry_hours" value="1200"`) {
			t.Error("the hidden ODS answers were not kept")
		}
	})
}

// TestDeletingAsksFirst: deleting a study session or a practice exam, removing evidence
// and leaving a cohort each open a confirmation first; the page's only POST for it
// sits inside the closed disclosure.
func TestDeletingAsksFirst(t *testing.T) {
	apptest.Each(t, func(t *testing.T, s *apptest.Server) {
		w := newCohortWorld(t, s)
		cohortSeedSam(t, s, w.student.ID)
		for path, action := range map[string]string{"/study": `action="/study/\d+/delete"`, "/practice": `action="/practice/\d+/delete"`, "/join": `action="/join/\d+/leave"`} {
			page := apptest.Must(t, w.student.Browser.Get(path), http.StatusOK).Text()
			found := regexp.MustCompile(action).FindStringIndex(page)
			if found == nil {
				t.Errorf("%s: no %s form", path, action)
				continue
			}
			at := found[0]
			before := page[:at]
			if open, closed := strings.LastIndex(before, `<details class="confirm">`), strings.LastIndex(before, "</details>"); open < 0 || closed > open {
				t.Errorf("%s: the %s form is not inside a confirmation", path, action)
			}
		}
	}, cohortManyAuthAttempts())
}
