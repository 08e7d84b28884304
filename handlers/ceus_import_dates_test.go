package handlers_test

import (
	"net/http"
	"strings"
	"testing"

	"hitpath/app/apptest"
)

// TestImportDecidesSlashDatesFromTheWholeFile: the API says in notes how dates that
// read two ways were read, refuses a file showing both orders by line, and refuses a
// stray quote in the headings and a NUL byte with one clear problem; the page does the
// same for an uploaded file.
func TestImportDecidesSlashDatesFromTheWholeFile(t *testing.T) {
	const header = "date,title,provider,provider_kind,minutes,ceus,hiim_domain,category_a,delivery,notes\n"
	row := func(date, title string) string { return date + "," + title + ",AHIMA,ahima,60,,yes,no,online,\n" }
	eachCEU(t, func(t *testing.T, s *apptest.Server) {
		b := ceuNewHolder(t, s, "ida@example.com")
		token := s.LoginAPI("ida@example.com", goodPassword)
		type result struct {
			New      int      `json:"new"`
			Notes    []string `json:"notes"`
			Problems []struct {
				Line    int    `json:"line"`
				Field   string `json:"field"`
				Message string `json:"message"`
			} `json:"problems"`
		}
		var got result
		apptest.Must(t, s.API("POST", "/api/v1/ceus/import", token, map[string]any{"csv": header + row("03/04/2033", "A") + row("04/05/2033", "B"), "preview": true}), 200).JSON(t, &got)
		if got.New != 2 || len(got.Notes) != 1 || !strings.Contains(got.Notes[0], "read month first") || !strings.Contains(got.Notes[0], "2, 3") {
			t.Fatalf("got %+v, want two rows and a note that lines 2, 3 were read month first", got)
		}
		got = result{}
		apptest.Must(t, s.API("POST", "/api/v1/ceus/import", token, map[string]any{"csv": header + row("03/04/2033", "A") + row("13/04/2033", "B"), "preview": true}), 200).JSON(t, &got)
		if got.New != 2 || len(got.Notes) != 1 || !strings.Contains(got.Notes[0], "day first") {
			t.Fatalf("got %+v, want the file read day first as line 3 shows", got)
		}
		got = result{}
		apptest.Must(t, s.API("POST", "/api/v1/ceus/import", token, map[string]any{"csv": header + row("13/04/2033", "A") + row("04/13/2032", "B")}), 422).JSON(t, &got)
		if len(got.Problems) != 1 || !strings.Contains(got.Problems[0].Message, "Line 2 writes the day first") {
			t.Fatalf("got %+v, want the two orders refused by line", got)
		}
		got = result{}
		apptest.Must(t, s.API("POST", "/api/v1/ceus/import", token, map[string]any{"csv": strings.Replace(header, "title", `ti"tle`, 1) + row("2033-04-03", "A")}), 422).JSON(t, &got)
		if len(got.Problems) != 1 || got.Problems[0].Field != "header" || !strings.Contains(got.Problems[0].Message, "headings is not valid CSV") {
			t.Fatalf("got %+v, want one header problem", got)
		}
		page := apptest.Must(t, ceuUpload(t, b, "/ceus/import", "file", "log.csv", []byte(header+row("2033-04-03", "Web\x00inar"))), http.StatusUnprocessableEntity).Text()
		if !strings.Contains(page, "contains a NUL character") {
			t.Fatalf("got no NUL refusal on the page")
		}
		page = apptest.Must(t, ceuUpload(t, b, "/ceus/import", "file", "log.csv", []byte(header+row("03/04/2033", "A"))), http.StatusOK).Text()
		if !strings.Contains(page, "read month first") {
			t.Fatalf("got no note on the preview")
		}
	})
}
