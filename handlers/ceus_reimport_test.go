package handlers_test

import (
	"net/http"
	"net/url"
	"strings"
	"testing"

	"hitpath/app/apptest"
)

// TestCEUReimportSkipsEntriesAlreadyInTheLog exports a log and imports it back: the
// page and the API both find every row already there, save nothing by default and
// agree with each other on the cycle's total.
func TestCEUReimportSkipsEntriesAlreadyInTheLog(t *testing.T) {
	eachCEU(t, func(t *testing.T, s *apptest.Server) {
		ana := ceuNewHolder(t, s, "ana@example.com")
		ceuLog(t, s, ana, ceuDaysAgo(9), "Coding Clinic", "2")
		apptest.Must(t, ana.Submit("/ceus", ceuFormValues(ceuDaysAgo(4), "165", "")), http.StatusSeeOther)
		exported := apptest.Must(t, ana.Get("/ceus/export.csv"), 200).Text()

		preview := apptest.Must(t, ceuUpload(t, ana, "/ceus/import", "file", "ceus.csv", []byte(exported)), 200).Text()
		if !strings.Contains(preview, "0 new activities") || !strings.Contains(preview, "2 already in your log — skipped.") {
			t.Fatalf("got no duplicate notice in the preview: %s", preview[strings.Index(preview, "<main"):])
		}
		apptest.Must(t, ana.Submit("/ceus/import/commit", url.Values{"csv": {exported}}), http.StatusSeeOther)
		if n := ceuCountRows(t, s, "ceu_entries"); n != 2 {
			t.Fatalf("got %d entries after re-importing the export, want 2", n)
		}
		if page := ana.Get("/ceus").Text(); !strings.Contains(page, "Imported 0 activities. 2 already in your log — skipped.") {
			t.Fatal("got no flash saying the rows were skipped")
		}

		token := s.LoginAPI("ana@example.com", goodPassword)
		var out struct {
			Imported     int `json:"imported"`
			New          int `json:"new"`
			AlreadyInLog int `json:"already_in_log"`
			Skipped      int `json:"skipped"`
		}
		apptest.Must(t, s.API("POST", "/api/v1/ceus/import", token, map[string]any{"csv": exported, "preview": true}), 200).JSON(t, &out)
		if out.Imported != 0 || out.New != 0 || out.AlreadyInLog != 2 || out.Skipped != 2 {
			t.Fatalf("got preview %+v, want 2 already in the log and nothing imported", out)
		}
		apptest.Must(t, s.API("POST", "/api/v1/ceus/import", token, map[string]any{"csv": exported}), 201).JSON(t, &out)
		if out.Imported != 0 || out.Skipped != 2 || ceuCountRows(t, s, "ceu_entries") != 2 {
			t.Fatalf("got %+v, want nothing imported", out)
		}
		var progress struct {
			Cycles []ceuAPICycle `json:"cycles"`
		}
		apptest.Must(t, s.API("GET", "/api/v1/progress", token, nil), 200).JSON(t, &progress)
		if progress.Cycles[0].Earned != 5 {
			t.Fatalf("got %v CEUs earned after re-imports, want 5", progress.Cycles[0].Earned)
		}

		apptest.Must(t, ana.Submit("/ceus/import/commit", url.Values{"csv": {exported}, "include_duplicates": {"yes"}}), http.StatusSeeOther)
		if n := ceuCountRows(t, s, "ceu_entries"); n != 4 {
			t.Fatalf("got %d entries when asked to import duplicates, want 4", n)
		}
	})
}
