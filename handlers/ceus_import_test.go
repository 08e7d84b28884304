package handlers_test

import (
	"bytes"
	"encoding/csv"
	"html"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"regexp"
	"strings"
	"testing"
	"unicode/utf8"

	"hitpath/app/apptest"
)

// hiddenValue reads a form field's value out of a page.
func hiddenValue(page, name string) string {
	m := regexp.MustCompile(`name="` + regexp.QuoteMeta(name) + `" value="([^"]*)"`).FindStringSubmatch(page)
	if m == nil {
		return ""
	}
	return html.UnescapeString(m[1])
}

// corpusFile reads one of the spreadsheet files of the models' import corpus.
func corpusFile(t *testing.T, name string) []byte {
	t.Helper()
	raw, err := os.ReadFile("../models/testdata/ceu_csv/" + name)
	if err != nil {
		t.Fatal(err)
	}
	return raw
}

// corpusDatesRecent moves the corpus's 2025 dates into the holder's cycle.
func corpusDatesRecent(raw []byte, from, to string) []byte {
	return bytes.ReplaceAll(raw, []byte(from), []byte(to))
}

func TestCEUImportWindows1252(t *testing.T) {
	eachCEU(t, func(t *testing.T, s *apptest.Server) {
		b := ceuNewHolder(t, s, "ana@example.com")
		when := ceuToday.AddDate(0, 0, -5)
		raw := corpusDatesRecent(corpusFile(t, "excel_us.csv"), "3/15/2025", when.Format("1/2/2006"))
		raw = bytes.ReplaceAll(raw, []byte("03/02/2025"), []byte(when.Format("01/02/2006")))
		preview := apptest.Must(t, ceuUpload(t, b, "/ceus/import", "file", "ceus.csv", raw), 200).Text()
		for _, want := range []string{"read as Windows-1252", "Café ICD-10-CM update", "2 new activities"} {
			if !strings.Contains(preview, want) {
				t.Fatalf("got no %q in the preview", want)
			}
		}
		csvText := hiddenValue(preview, "csv")
		apptest.Must(t, b.Submit("/ceus/import/commit", url.Values{"csv": {csvText}}), http.StatusSeeOther)
		var titles, notes []string
		s.DB.Raw("SELECT title FROM ceu_entries ORDER BY title").Scan(&titles)
		s.DB.Raw("SELECT notes FROM ceu_entries ORDER BY title").Scan(&notes)
		if len(titles) != 2 || titles[0] != "Café ICD-10-CM update" || notes[1] != "Naïve Bayes demo" {
			t.Fatalf("got titles %q notes %q", titles, notes)
		}
		for _, text := range append(titles, notes...) {
			if !utf8.ValidString(text) {
				t.Fatalf("stored invalid UTF-8 %q", text)
			}
		}
	})
}

func TestCEUImportBrokenFilesAreRefusedByLine(t *testing.T) {
	eachCEU(t, func(t *testing.T, s *apptest.Server) {
		b := ceuNewHolder(t, s, "ana@example.com")
		header := "date,title,provider,provider_kind,minutes,ceus,hiim_domain,category_a,delivery,notes\n"
		stray := header + "\"" + ceuDaysAgo(2) + " approx,Bad,AHIMA,ahima,,1,yes,no,online,\n" + ceuDaysAgo(3) + ",Good,AHIMA,ahima,,1,yes,no,online,\n"
		stray = strings.Replace(stray, "\""+ceuDaysAgo(2), ceuDaysAgo(2)+" \"", 1)
		page := apptest.Must(t, ceuUpload(t, b, "/ceus/import", "file", "x.csv", []byte(stray)), http.StatusUnprocessableEntity).Text()
		if !strings.Contains(page, "Line 2: This line is not valid CSV") {
			t.Fatalf("got no line-2 problem for a stray quote: %s", apptest.FieldErrorsIn(page))
		}
		token := s.LoginAPI("ana@example.com", goodPassword)
		apptest.Must(t, s.API("POST", "/api/v1/ceus/import", token, map[string]string{"csv": stray}), http.StatusUnprocessableEntity)
		if n := ceuCountRows(t, s, "ceu_entries"); n != 0 {
			t.Fatalf("got %d entries saved from a refused file", n)
		}
	})
}

func TestCEUImportForeignHeadersMapped(t *testing.T) {
	eachCEU(t, func(t *testing.T, s *apptest.Server) {
		b := ceuNewHolder(t, s, "ana@example.com")
		file := "When,What,Who,Credit\r\n" + ceuToday.AddDate(0, 0, -4).Format("1/2/2006") + ",Intro to CDI,ACDIS,1.5\r\n"
		page := apptest.Must(t, ceuUpload(t, b, "/ceus/import", "file", "mine.csv", []byte(file)), http.StatusUnprocessableEntity).Text()
		if !strings.Contains(page, "Which of your columns hold ours?") || !strings.Contains(page, "4: Credit") {
			t.Fatal("got no column form for a file with other headings")
		}
		csvText := hiddenValue(page, "csv")
		choice := url.Values{"csv": {csvText}, "mapped": {"1"}, "column_date": {"1"}, "column_title": {"2"}, "column_provider": {"3"}}
		page = apptest.Must(t, b.Submit("/ceus/import", choice), http.StatusUnprocessableEntity).Text()
		if !strings.Contains(page, "minutes or the CEUs") {
			t.Fatal("got no message for a choice without CEUs or minutes")
		}
		choice.Set("column_ceus", "4")
		page = apptest.Must(t, b.Submit("/ceus/import", choice), 200).Text()
		if !strings.Contains(page, "1 new activity, 1.5 CEUs in all") {
			t.Fatalf("got no preview after choosing columns: %s", apptest.FieldErrorsIn(page))
		}
		commit := url.Values{"csv": {csvText}}
		for _, name := range []string{"mapped", "column_date", "column_title", "column_provider", "column_ceus"} {
			commit.Set(name, hiddenValue(page, name))
		}
		apptest.Must(t, b.Submit("/ceus/import/commit", commit), http.StatusSeeOther)
		var provider string
		s.DB.Raw("SELECT provider FROM ceu_entries").Scan(&provider)
		if provider != "ACDIS" {
			t.Fatalf("got provider %q after import, want ACDIS", provider)
		}

		token := s.LoginAPI("ana@example.com", goodPassword)
		body := map[string]any{"csv": file, "columns": map[string]int{"date": 1, "title": 2, "provider": 3, "ceus": 4}}
		apptest.Must(t, s.API("POST", "/api/v1/ceus/import", token, body), http.StatusCreated)
		body["columns"] = map[string]int{"date": 9, "title": 2, "provider": 3, "ceus": 4}
		apptest.Must(t, s.API("POST", "/api/v1/ceus/import", token, body), http.StatusUnprocessableEntity)
	})
}

func TestCEUImportTemplate(t *testing.T) {
	eachCEU(t, func(t *testing.T, s *apptest.Server) {
		b := ceuNewHolder(t, s, "ana@example.com")
		if page := b.Get("/ceus/import").Text(); !strings.Contains(page, `href="/ceus/import/template.csv"`) {
			t.Fatal("got no template link on the import page")
		}
		template := apptest.Must(t, b.Get("/ceus/import/template.csv"), 200)
		records, err := csv.NewReader(bytes.NewReader(bytes.TrimPrefix(template.Body, []byte("\ufeff")))).ReadAll()
		if err != nil || len(records) != 2 || strings.Join(records[0], ",") != "id,date,title,provider,provider_kind,minutes,ceus,hiim_domain,category_a,delivery,notes" {
			t.Fatalf("got template %q (%v)", template.Body, err)
		}
		preview := apptest.Must(t, ceuUpload(t, b, "/ceus/import", "file", "t.csv", template.Body), 200).Text()
		if !strings.Contains(preview, "1 new activity,") {
			t.Fatal("the template's example row does not import")
		}
		token := s.LoginAPI("ana@example.com", goodPassword)
		req := httptest.NewRequest("GET", "/api/v1/ceus/import/template.csv", nil)
		req.Header.Set("Authorization", "Bearer "+token)
		if got := apptest.Must(t, s.Do(req), 200); !bytes.Equal(got.Body, template.Body) {
			t.Fatal("got a different template from the API")
		}
		apptest.Must(t, s.Browser().Get("/ceus/import/template.csv"), http.StatusFound)
	})
}
