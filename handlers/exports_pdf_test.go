package handlers_test

import (
	"archive/zip"
	"bytes"
	"image"
	"image/jpeg"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/pdfcpu/pdfcpu/pkg/api"
	"github.com/pdfcpu/pdfcpu/pkg/pdfcpu/model"

	"hitpath/app/apptest"
	"hitpath/app/apptest/pdftext"
)

func TestTranscriptKeepsEveryLetter(t *testing.T) {
	eachCEU(t, func(t *testing.T, s *apptest.Server) {
		b := s.Browser()
		b.SignUp("Siân Łukasiewicz-Nguyễn", "sian@example.com", goodPassword)
		apptest.Must(t, b.Submit("/credentials", url.Values{"current": {"yes"}, "credential_code": {"RHIT"}, "earned_on": {ceuEarned.Format(time.DateOnly)}}), http.StatusSeeOther)
		titles := []string{"Şahin Eğitim semineri", "Ελληνικά: κωδικοποίηση", "Курс кодирования МКБ", "Tiếng Việt: mã hóa hồ sơ"}
		for i, title := range titles {
			ceuLog(t, s, b, ceuDaysAgo(i+1), title, "1")
		}
		text := pdftext.Text(t, apptest.Must(t, b.Get("/ceus/report.pdf"), 200).Body)
		for _, want := range append(titles, "Siân Łukasiewicz-Nguyễn") {
			if !strings.Contains(text, want) {
				t.Errorf("got no %q in the extracted text:\n%s", want, text)
			}
		}
		if strings.Contains(text, "\uFFFD") {
			t.Error("got a replacement mark for text the font covers")
		}

		ceuLog(t, s, b, ceuDaysAgo(6), "中文 course", "1")
		text = pdftext.Text(t, apptest.Must(t, b.Get("/ceus/report.pdf"), 200).Body)
		if !strings.Contains(text, "\uFFFD\uFFFD course") || !strings.Contains(text, "marks a character the embedded font cannot show") {
			t.Errorf("got no visible mark and note for characters outside the font:\n%s", text)
		}
	})
}

// sidewaysJPEG is a 40×20 JPEG whose EXIF says "rotate 90° clockwise to view", as a
// phone stores a portrait photo: upright it is 20×40.
func sidewaysJPEG(t *testing.T) []byte {
	t.Helper()
	var plain bytes.Buffer
	if err := jpeg.Encode(&plain, image.NewGray(image.Rect(0, 0, 40, 20)), nil); err != nil {
		t.Fatal(err)
	}
	tiff := []byte{'M', 'M', 0, 42, 0, 0, 0, 8, 0, 1, 0x01, 0x12, 0, 3, 0, 0, 0, 1, 0, 6, 0, 0, 0, 0, 0, 0}
	app1 := append([]byte{0xFF, 0xE1, 0, byte(2 + 6 + len(tiff)), 'E', 'x', 'i', 'f', 0, 0}, tiff...)
	return append(append([]byte{0xFF, 0xD8}, app1...), plain.Bytes()[2:]...)
}

func TestAuditPackPhotosUprightAndZipDated(t *testing.T) {
	eachCEU(t, func(t *testing.T, s *apptest.Server) {
		b := ceuNewHolder(t, s, "ana@example.com")
		id := itoa(ceuLog(t, s, b, ceuDaysAgo(2), "Coding Clinic", "1"))
		apptest.Must(t, ceuUpload(t, b, "/ceus/"+id+"/evidence", "file", "portrait.jpg", sidewaysJPEG(t)), http.StatusSeeOther)

		pack := apptest.Must(t, b.Get("/ceus/audit-pack.pdf"), 200)
		images, err := api.Images(bytes.NewReader(pack.Body), nil, model.NewDefaultConfiguration())
		if err != nil {
			t.Fatal(err)
		}
		var sizes [][2]int
		for _, page := range images {
			for _, img := range page {
				sizes = append(sizes, [2]int{img.Width, img.Height})
			}
		}
		if len(sizes) != 1 || sizes[0] != [2]int{20, 40} {
			t.Fatalf("got images %v in the audit PDF, want one upright 20×40", sizes)
		}

		zipped := apptest.Must(t, b.Get("/ceus/audit-pack.zip"), 200).Body
		zr, err := zip.NewReader(bytes.NewReader(zipped), int64(len(zipped)))
		if err != nil {
			t.Fatal(err)
		}
		for _, f := range zr.File {
			if f.Modified.Year() < 2000 {
				t.Errorf("got %s dated %v", f.Name, f.Modified)
			}
		}
		if got := zr.File[0].Modified; !got.Equal(ceuToday) {
			t.Errorf("got transcript.pdf dated %v, want %v", got, ceuToday)
		}
	})
}

func TestExportsAPITwins(t *testing.T) {
	eachCEU(t, func(t *testing.T, s *apptest.Server) {
		b := ceuNewHolder(t, s, "ana@example.com")
		ceuLog(t, s, b, ceuDaysAgo(3), "Coding Clinic", "2")
		token := s.LoginAPI("ana@example.com", goodPassword)
		get := func(path, bearer string) *apptest.Response {
			req := httptest.NewRequest("GET", path, nil)
			if bearer != "" {
				req.Header.Set("Authorization", "Bearer "+bearer)
			}
			return s.Do(req)
		}
		for path, contentType := range map[string]string{
			"/api/v1/ceus/export.csv": "text/csv", "/api/v1/ceus/report.pdf": "application/pdf",
			"/api/v1/ceus/audit-pack.zip": "application/zip", "/api/v1/ceus/audit-pack.pdf": "application/pdf",
		} {
			resp := apptest.Must(t, get(path, token), 200)
			if !strings.HasPrefix(resp.Header.Get("Content-Type"), contentType) {
				t.Errorf("%s: got content type %q, want %s", path, resp.Header.Get("Content-Type"), contentType)
			}
			page := apptest.Must(t, b.Get(strings.TrimPrefix(path, "/api/v1")), 200)
			if strings.HasSuffix(path, ".csv") && !bytes.Equal(resp.Body, page.Body) {
				t.Errorf("%s: got a different file from the API and the page", path)
			}
			apptest.Must(t, get(path, ""), http.StatusUnauthorized)
		}
		if text := pdftext.Text(t, apptest.Must(t, get("/api/v1/ceus/report.pdf", token), 200).Body); !strings.Contains(text, "Coding Clinic") {
			t.Error("got no activity in the API transcript")
		}
		apptest.Must(t, get("/api/v1/ceus/report.pdf?cycle=AHIMA-1999-01-01", token), http.StatusNotFound)
		bob := s.RegisterAPI("Bob", "bob@example.com", goodPassword)
		if csv := apptest.Must(t, get("/api/v1/ceus/export.csv", bob), 200).Text(); strings.Contains(csv, "Coding Clinic") {
			t.Fatal("bob's export lists ana's activity")
		}
	})
}
