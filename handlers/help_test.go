package handlers_test

import (
	"net/http"
	"net/url"
	"strings"
	"testing"

	"hitpath/app/apptest"
)

// TestRecertificationHelp checks the explanation page is open to everyone, carries
// every rule with a source link and the stored figures, and that the pages naming a
// rule link to its section.
func TestRecertificationHelp(t *testing.T) {
	apptest.Each(t, func(t *testing.T, s *apptest.Server) {
		page := apptest.Must(t, s.Browser().Get("/help/recertification"), http.StatusOK).Text()
		for _, anchor := range []string{"cycles", "what-is-a-ceu", "hiim-domains", "rule-80", "rule-40", "several-credentials", "inactive-revoked", "ods-category-a", "ods-in-person"} {
			section := sectionOf(page, `id="`+anchor+`"`)
			if section == "" {
				t.Errorf("no section #%s", anchor)
				continue
			}
			if !strings.Contains(section, `class="source"`) || !strings.Contains(section, `href="https://www.`) {
				t.Errorf("section #%s has no source link", anchor)
			}
		}
		rules := sectionOf(page, `id="rules-table"`)
		if !strings.Contains(rules, "<th scope=\"row\">RHIT</th><td class=\"num\">20 CEUs</td>") || !strings.Contains(rules, "<th scope=\"row\">ODS</th><td class=\"num\">20 hours</td>") {
			t.Errorf("rules table lacks RHIT 20 CEUs and ODS 20 hours: %s", rules)
		}

		b := s.Browser()
		b.SignUp("Rita Holder", "rita@example.com", goodPassword)
		apptest.Must(t, b.Submit("/credentials", url.Values{"current": {"yes"}, "credential_code": {"RHIT"}, "earned_on": {cohortRelDay(-200)}}), http.StatusSeeOther)
		for path, anchors := range map[string][]string{
			"/ceus":        {"#rule-80", "#rule-40", "#hiim-domains"},
			"/ceus/new":    {"#rule-80", "#hiim-domains"},
			"/credentials": {"#several-credentials", "#rule-80"},
		} {
			html := apptest.Must(t, b.Get(path), http.StatusOK).Text()
			for _, a := range anchors {
				if !strings.Contains(html, `href="/help/recertification`+a+`"`) {
					t.Errorf("%s does not link to %s", path, a)
				}
			}
		}
	})
}

// sectionOf returns the <section> of page that contains marker, or "".
func sectionOf(page, marker string) string {
	at := strings.Index(page, marker)
	if at < 0 {
		return ""
	}
	start := strings.LastIndex(page[:at], "<section")
	end := strings.Index(page[at:], "</section>")
	if start < 0 || end < 0 {
		return ""
	}
	return page[start : at+end]
}

// TestCareerSearchKnowsSynonyms: people search "salary" and "school", the reference
// says "wage" and "program".
func TestCareerSearchKnowsSynonyms(t *testing.T) {
	apptest.Each(t, func(t *testing.T, s *apptest.Server) {
		for query, want := range map[string]string{"salary": "wage", "school": "program", "job": "employ"} {
			page := strings.ToLower(apptest.Must(t, s.Browser().Get("/careers/search?q="+query), http.StatusOK).Text())
			results := page[strings.Index(page, "<h1"):]
			if strings.Contains(results, "0 pages and 0 figures") || !strings.Contains(results, want) {
				t.Errorf("search %q found nothing about %q", query, want)
			}
		}
	})
}
