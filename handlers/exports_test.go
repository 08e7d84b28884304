package handlers_test

import (
	"archive/zip"
	"bytes"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"regexp"
	"strings"
	"testing"

	"github.com/pdfcpu/pdfcpu/pkg/api"
	"github.com/pdfcpu/pdfcpu/pkg/pdfcpu/model"

	"hitpath/app/apptest"
	"hitpath/app/apptest/pdftext"
)

func TestCEUCSVExportImportRoundTrip(t *testing.T) {
	eachCEU(t, func(t *testing.T, s *apptest.Server) {
		ana := ceuNewHolder(t, s, "ana@example.com")
		ceuLog(t, s, ana, ceuDaysAgo(9), `Coding, "quoted" webinar`, "1.25")
		apptest.Must(t, ana.Submit("/ceus", ceuFormValues(ceuDaysAgo(4), "165", "")), http.StatusSeeOther)
		exported := apptest.Must(t, ana.Get("/ceus/export.csv"), 200)
		if !strings.HasPrefix(exported.Header.Get("Content-Type"), "text/csv") {
			t.Fatalf("got content type %q", exported.Header.Get("Content-Type"))
		}

		bob := ceuNewHolder(t, s, "bob@example.com")
		preview := apptest.Must(t, ceuUpload(t, bob, "/ceus/import", "file", "ceus.csv", exported.Body), 200).Text()
		if !strings.Contains(preview, "2 new activities, 4.25 CEUs in all") {
			t.Fatalf("got no preview summary: %s", preview[strings.Index(preview, "<main"):])
		}
		if n := ceuCountRows(t, s, "ceu_entries"); n != 2 {
			t.Fatalf("the preview saved something: %d entries", n)
		}
		apptest.Must(t, bob.Submit("/ceus/import/commit", url.Values{"csv": {exported.Text()}}), http.StatusSeeOther)
		again := apptest.Must(t, bob.Get("/ceus/export.csv"), 200)
		if withoutIDs(again.Text()) != withoutIDs(exported.Text()) {
			t.Fatalf("round trip changed the CSV:\n%s\nwant:\n%s", again.Text(), exported.Text())
		}
	})
}

// withoutIDs drops the id column of a CEU export, which differs between logs.
func withoutIDs(csv string) string {
	return regexp.MustCompile(`(?m)^[0-9]*,`).ReplaceAllString(csv, "")
}

func TestCEUImportRefusals(t *testing.T) {
	eachCEU(t, func(t *testing.T, s *apptest.Server) {
		b := ceuNewHolder(t, s, "ana@example.com")
		header := "date,title,provider,provider_kind,minutes,ceus,hiim_domain,category_a,delivery,notes\n"
		good := ceuDaysAgo(3) + ",Webinar,AHIMA,ahima,,1,yes,no,online,\n"
		tests := []struct {
			name, csv string
			want      []string
		}{
			{"wrong columns", "date,title,ceus\n" + good, []string{"Line 1, header", "The columns must be"}},
			{"row with too few columns", header + good + ceuDaysAgo(2) + ",Short,AHIMA\n", []string{"Line 3, columns", "Expected 10 columns, found 3"}},
			{"bad values on several lines", header + good + ceuDaysAgo(-2) + ",Future,AHIMA,ahima,,1,yes,no,online,\n" + ceuDaysAgo(2) + ",Big,AHIMA,ahima,,41,maybe,no,online,\n",
				[]string{"Line 3, date", "future", "Line 4, ceus", "at most 40", "Line 4, hiim_domain"}},
			{"header only", header, []string{"no activities"}},
		}
		for _, tt := range tests {
			t.Run(tt.name, func(t *testing.T) {
				page := apptest.Must(t, ceuUpload(t, b, "/ceus/import", "file", "x.csv", []byte(tt.csv)), http.StatusUnprocessableEntity).Text()
				for _, want := range tt.want {
					if !strings.Contains(page, want) {
						t.Errorf("got no %q in the import problems", want)
					}
				}
				apptest.Must(t, b.Submit("/ceus/import/commit", url.Values{"csv": {tt.csv}}), http.StatusUnprocessableEntity)
				if n := ceuCountRows(t, s, "ceu_entries"); n != 0 {
					t.Fatalf("got %d entries after a refused import, want 0", n)
				}
			})
		}
	})
}

func TestCEUImportAPI(t *testing.T) {
	eachCEU(t, func(t *testing.T, s *apptest.Server) {
		token := s.RegisterAPI("Ana", "ana@example.com", goodPassword)
		apptest.Must(t, s.API("POST", "/api/v1/credentials", token, map[string]string{"credential_code": "RHIT", "earned_on": ceuEarned.Format("2006-01-02")}), 201)
		csv := "date,title,provider,provider_kind,minutes,ceus,hiim_domain,category_a,delivery,notes\n" +
			ceuDaysAgo(3) + ",Webinar,AHIMA,ahima,90,,yes,no,online,\n"
		var out struct {
			Imported int `json:"imported"`
		}
		apptest.Must(t, s.API("POST", "/api/v1/ceus/import", token, map[string]string{"csv": csv}), 201).JSON(t, &out)
		if out.Imported != 1 {
			t.Fatalf("got %d imported, want 1", out.Imported)
		}
		var problems struct {
			Problems []struct {
				Line  int    `json:"line"`
				Field string `json:"field"`
			} `json:"problems"`
		}
		bad := csv + ceuDaysAgo(1) + ",Bad,AHIMA,ahima,,0,yes,no,online,\n"
		apptest.Must(t, s.API("POST", "/api/v1/ceus/import", token, map[string]string{"csv": bad}), 422).JSON(t, &problems)
		if len(problems.Problems) != 1 || problems.Problems[0].Line != 3 || problems.Problems[0].Field != "ceus" {
			t.Fatalf("got %+v, want line 3 ceus", problems.Problems)
		}
		req := httptest.NewRequest("POST", "/api/v1/ceus/import?include_duplicates=true", strings.NewReader(csv))
		req.Header.Set("Content-Type", "text/csv")
		req.Header.Set("Authorization", "Bearer "+token)
		apptest.Must(t, s.Do(req), 201)
		if n := ceuCountRows(t, s, "ceu_entries"); n != 2 {
			t.Fatalf("got %d entries, want 2", n)
		}
		apptest.Must(t, s.API("POST", "/api/v1/ceus/import", "", map[string]string{"csv": csv}), 401)
	})
}

func TestTranscriptAndAuditPack(t *testing.T) {
	eachCEU(t, func(t *testing.T, s *apptest.Server) {
		b := ceuNewHolder(t, s, "ana@example.com")
		first := itoa(ceuLog(t, s, b, ceuDaysAgo(9), "Coding Clinic Q3", "2"))
		ceuLog(t, s, b, ceuDaysAgo(3), "Privacy update", "1.5")
		report := apptest.Must(t, b.Get("/ceus/report.pdf"), 200)
		if !bytes.HasPrefix(report.Body, []byte("%PDF")) {
			t.Fatal("got a transcript that is not a PDF")
		}
		reportText := pdftext.Text(t, report.Body)
		for _, want := range []string{"Coding Clinic Q3", "Privacy update", "3.5 / 20 CEUs"} {
			if !strings.Contains(reportText, want) {
				t.Errorf("got no %q in the transcript", want)
			}
		}
		pages, err := api.PageCount(bytes.NewReader(report.Body), model.NewDefaultConfiguration())
		if err != nil || pages < 1 {
			t.Fatalf("pdfcpu reads %d pages, err %v", pages, err)
		}

		apptest.Must(t, ceuUpload(t, b, "/ceus/"+first+"/evidence", "file", "cert.png", ceuPNG), http.StatusSeeOther)
		apptest.Must(t, ceuUpload(t, b, "/ceus/"+first+"/evidence", "file", "transcript-as-evidence.pdf", report.Body), http.StatusSeeOther)
		pack := apptest.Must(t, b.Get("/ceus/audit-pack.zip"), 200)
		zr, err := zip.NewReader(bytes.NewReader(pack.Body), int64(len(pack.Body)))
		if err != nil {
			t.Fatal(err)
		}
		var names []string
		for _, f := range zr.File {
			names = append(names, f.Name)
			if strings.HasSuffix(f.Name, "cert.png") {
				rc, _ := f.Open()
				got, _ := io.ReadAll(rc)
				if !bytes.Equal(got, ceuPNG) {
					t.Error("got the PNG changed inside the ZIP")
				}
			}
		}
		if len(names) != 3 || names[0] != "transcript.pdf" {
			t.Fatalf("got ZIP entries %v, want the transcript and 2 evidence files", names)
		}

		merged := apptest.Must(t, b.Get("/ceus/audit-pack.pdf"), 200)
		mergedPages, err := api.PageCount(bytes.NewReader(merged.Body), model.NewDefaultConfiguration())
		if err != nil {
			t.Fatal(err)
		}
		if want := pages + 1 + pages; mergedPages != want {
			t.Fatalf("got %d pages in the merged audit PDF, want %d (transcript, image page, PDF evidence)", mergedPages, want)
		}
		if page := b.Get("/ceus").Text(); !strings.Contains(page, "The audit pack for this cycle is about") {
			t.Fatal("got no audit pack size on /ceus")
		}
		apptest.Must(t, b.Get("/ceus/report.pdf?cycle=AHIMA-1999-01-01"), http.StatusNotFound)
		bob := ceuNewHolder(t, s, "bob@example.com")
		if other := apptest.Must(t, bob.Get("/ceus/report.pdf"), 200); strings.Contains(pdftext.Text(t, other.Body), "Coding Clinic Q3") {
			t.Fatal("bob's transcript lists ana's entry")
		}
		if other := bob.Get("/ceus/audit-pack.zip"); bytes.Contains(other.Body, ceuPNG[:16]) {
			t.Fatal("bob's audit pack holds ana's evidence")
		}
	})
}
