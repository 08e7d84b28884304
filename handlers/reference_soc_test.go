package handlers_test

import (
	"regexp"
	"slices"
	"strings"
	"testing"

	"hitpath/app/apptest"
)

// figureOf returns the HTML of one chart's figure on a page.
func figureOf(html, chart string) string {
	return regexp.MustCompile(`(?s)<figure class="chart reference-chart" id="chart-` + chart + `">.*?</figure>`).FindString(html)
}

// barLabels returns the bar labels of an HBar chart, top to bottom.
func barLabels(figure string) []string {
	var labels []string
	for _, m := range regexp.MustCompile(`<text[^>]*class="bar-label"[^>]*>([^<]*)</text>`).FindAllStringSubmatch(figure, -1) {
		labels = append(labels, m[1])
	}
	return labels
}

// TestCareerChartsPutTheNewestFiguresFirstAndNameTheSOCSplit: the wages and outlook
// pages lead with the 2024-2025 BLS figures, keep the older ones below labelled with
// their period and occupation code, and say how the occupation was redefined.
func TestCareerChartsPutTheNewestFiguresFirstAndNameTheSOCSplit(t *testing.T) {
	apptest.Each(t, func(t *testing.T, s *apptest.Server) {
		wages := apptest.Must(t, s.Browser().Get("/careers/wages"), 200).Text()
		medians := figureOf(wages, "wage-medians")
		got := barLabels(medians)
		want := []string{
			"Medical Records Specialists (29-2072), May 2025",
			"Health Information Technologists and Medical Registrars (29-9021), May 2025",
			"Medical Records Specialists (29-2072), May 2024",
			"Medical Records and Health Information Technicians (29-2071), May 2019",
			"Medical Records and Health Information Technicians (29-2071), ~2017",
			"Medical Records and Health Information Technicians (29-2071), May 2014",
		}
		if !slices.Equal(got, want) {
			t.Errorf("got median bars\n%q\nwant\n%q", got, want)
		}
		split := "29-2071 Medical Records and Health Information Technicians was split into 29-2072 Medical Records Specialists (most of the former 29-2071) and 29-9021"
		if !strings.Contains(medians, "Definition changed.") || !strings.Contains(medians, split) {
			t.Errorf("got wage-medians figure without the SOC split note %q", split)
		}
		if strings.Contains(figureOf(wages, "wage-percentiles"), "Definition changed.") {
			t.Error("got a definition note on a chart whose figures share one occupation code")
		}
		for _, text := range []string{"$32.70", "$24.59", "$51,140", "$68,020"} {
			if !strings.Contains(wages, text) {
				t.Errorf("got no %s on the wages page", text)
			}
		}
		if newest, history := strings.Index(wages, "May 2025"), strings.Index(wages, "History: the occupation before 2018"); newest < 0 || history < newest {
			t.Errorf("got May 2025 at %d and the history at %d, want the newest figures first", newest, history)
		}

		outlook := apptest.Must(t, s.Browser().Get("/careers/outlook"), 200).Text()
		growth := barLabels(figureOf(outlook, "employment-outlook"))
		if len(growth) != 6 || !strings.HasSuffix(growth[0], "2024-2034") || !strings.HasSuffix(growth[5], "2014-2024") {
			t.Errorf("got projection bars %q, want 2024-2034 first and 2014-2024 last", growth)
		}
		current, old := strings.Index(outlook, "The current projection: 2024–2034"), strings.Index(outlook, "2014–2024")
		if current < 0 || old < current {
			t.Errorf("got the 2024–2034 projection at %d and 2014–2024 at %d, want the current one first", current, old)
		}

		settings := apptest.Must(t, s.Browser().Get("/careers/work-settings"), 200).Text()
		if sectors, history := strings.Index(settings, `id="chart-work-sectors"`), strings.Index(settings, `id="chart-work-settings"`); sectors < 0 || history < sectors {
			t.Errorf("got the May 2024 sectors chart at %d and the May 2014 settings at %d, want the newer first", sectors, history)
		}
	})
}

// TestCareerSearchForSalaryFindsWagesOnThePageAndTheAPI: "salary" finds the wages page
// and wage figures (newest first), marks "wage" where it matched, names the synonyms
// it used and lists every synonym group on the page.
func TestCareerSearchForSalaryFindsWagesOnThePageAndTheAPI(t *testing.T) {
	apptest.Each(t, func(t *testing.T, s *apptest.Server) {
		html := apptest.Must(t, s.Browser().Get("/careers/search?q=salary"), 200).Text()
		for _, want := range []string{`<a href="/careers/wages"><mark>Wage</mark>s</a>`, "Also matched: salary, salaries, wage, pay",
			`id="synonyms-heading"`, `<a href="/careers/search?q=employment">employment</a>`, `<a href="/careers/search?q=program">program</a>`,
			"<td>29-2072</td>"} {
			if !strings.Contains(html, want) {
				t.Errorf("got no %q in the results for salary", want)
			}
		}
		var found struct {
			SearchedFor [][]string `json:"searched_for"`
			Pages       []struct {
				Slug string `json:"slug"`
			} `json:"pages"`
			Facts []struct {
				Label   string `json:"label_html"`
				Period  string `json:"period_html"`
				SOCCode string `json:"soc_code"`
			} `json:"facts"`
		}
		apptest.Must(t, s.API("GET", "/api/v1/reference/search?q=salary", "", nil), 200).JSON(t, &found)
		if len(found.SearchedFor) != 1 || !slices.Contains(found.SearchedFor[0], "wage") {
			t.Errorf("got searched_for %v, want salary's group with wage", found.SearchedFor)
		}
		if !slices.ContainsFunc(found.Pages, func(p struct {
			Slug string `json:"slug"`
		}) bool {
			return p.Slug == "wages"
		}) {
			t.Errorf("got pages %+v, want the wages page", found.Pages)
		}
		if len(found.Facts) == 0 || found.Facts[0].Period != "May 2025" || found.Facts[0].SOCCode == "" {
			t.Errorf("got facts %+v, want wage figures, May 2025 first, each with its occupation code", found.Facts)
		}
		for query, want := range map[string]string{"job": "outlook", "school": "education"} {
			var hits struct {
				Pages []struct {
					Slug string `json:"slug"`
				} `json:"pages"`
			}
			apptest.Must(t, s.API("GET", "/api/v1/reference/search?q="+query, "", nil), 200).JSON(t, &hits)
			slugs := ""
			for _, p := range hits.Pages {
				slugs += p.Slug + " "
			}
			if !strings.Contains(slugs, want) {
				t.Errorf("search %q: got pages %s, want %s among them", query, slugs, want)
			}
		}
	})
}
