package handlers_test

import (
	"bytes"
	"crypto/sha256"
	"encoding/base64"
	"encoding/hex"
	"net/http"
	"regexp"
	"strings"
	"testing"

	"hitpath/app/apptest"
)

func ceuB64(b []byte) string { return base64.StdEncoding.EncodeToString(b) }

var evidenceLinkRe = regexp.MustCompile(`href="(/ceus/\d+/evidence/\d+)"`)

func TestEvidenceUploadDownload(t *testing.T) {
	eachCEU(t, func(t *testing.T, s *apptest.Server) {
		b := ceuNewHolder(t, s, "ana@example.com")
		id := itoa(ceuLog(t, s, b, ceuDaysAgo(2), "Webinar", "1"))
		if page := apptest.Must(t, b.Get("/ceus/"+id+"/evidence"), 200).Text(); !strings.Contains(page, "audit risk") {
			t.Fatal("got no audit-risk flag for an entry without evidence")
		}
		apptest.Must(t, ceuUpload(t, b, "/ceus/"+id+"/evidence", "file", "certificate.png", ceuPNG), http.StatusSeeOther)
		page := apptest.Must(t, b.Get("/ceus/"+id+"/evidence"), 200).Text()
		sum := sha256.Sum256(ceuPNG)
		if !strings.Contains(page, hex.EncodeToString(sum[:])) || !strings.Contains(page, "image/png") {
			t.Fatal("got no sha256 and type on the evidence page")
		}
		link := evidenceLinkRe.FindStringSubmatch(page)[1]
		download := apptest.Must(t, b.Get(link), 200)
		if !bytes.Equal(download.Body, ceuPNG) || download.Header.Get("Content-Type") != "image/png" {
			t.Fatalf("got %d bytes of %s, want the uploaded PNG byte for byte", len(download.Body), download.Header.Get("Content-Type"))
		}
		if !strings.Contains(download.Header.Get("Content-Disposition"), "certificate.png") {
			t.Fatalf("got disposition %q", download.Header.Get("Content-Disposition"))
		}
		if list := b.Get("/ceus").Text(); !strings.Contains(list, "1 file") {
			t.Fatal("got no evidence count on the list")
		}

		refusals := []struct {
			name, filename string
			content        []byte
			want           string
		}{
			{"text named .pdf", "fake.pdf", []byte("just some text, not a PDF at all"), "PDF, PNG or JPEG"},
			{"over 10 MB", "big.pdf", append([]byte("%PDF-1.4\n"), make([]byte, 10<<20)...), "at most 10 MB"},
			{"empty", "empty.png", nil, "empty"},
		}
		for _, tt := range refusals {
			t.Run(tt.name, func(t *testing.T) {
				page := apptest.Must(t, ceuUpload(t, b, "/ceus/"+id+"/evidence", "file", tt.filename, tt.content), http.StatusUnprocessableEntity).Text()
				if !strings.Contains(page, `id="file-error"`) || !strings.Contains(page, tt.want) {
					t.Fatalf("got %v, want %q beside the file field", apptest.FieldErrorsIn(page), tt.want)
				}
				if n := ceuCountRows(t, s, "evidence_files"); n != 1 {
					t.Fatalf("got %d files after a refusal, want 1", n)
				}
			})
		}

		bob := ceuNewHolder(t, s, "bob@example.com")
		apptest.Must(t, bob.Get(link), http.StatusNotFound)
		apptest.Must(t, ceuUpload(t, bob, "/ceus/"+id+"/evidence", "file", "x.png", ceuPNG), http.StatusNotFound)
		apptest.Must(t, bob.Submit(link+"/delete", nil), http.StatusNotFound)

		apptest.Must(t, b.Submit(link+"/delete", nil), http.StatusSeeOther)
		if n := ceuCountRows(t, s, "evidence_files"); n != 0 {
			t.Fatalf("got %d files after removing, want 0", n)
		}
	})
}

func TestEvidenceAPI(t *testing.T) {
	eachCEU(t, func(t *testing.T, s *apptest.Server) {
		token := s.RegisterAPI("Ana", "ana@example.com", goodPassword)
		apptest.Must(t, s.API("POST", "/api/v1/credentials", token, map[string]string{"credential_code": "RHIT", "earned_on": ceuEarned.Format("2006-01-02")}), 201)
		var entry struct {
			ID int64 `json:"id"`
		}
		apptest.Must(t, s.API("POST", "/api/v1/ceus", token, ceuEntryBody(ceuDaysAgo(1), 1)), 201).JSON(t, &entry)
		pdf := []byte("%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n")
		var file struct {
			ID            int64  `json:"id"`
			ContentType   string `json:"content_type"`
			SHA256        string `json:"sha256"`
			ContentBase64 string `json:"content_base64"`
		}
		path := "/api/v1/ceus/" + itoa(entry.ID) + "/evidence"
		apptest.Must(t, s.API("POST", path, token, map[string]string{"filename": "cert.pdf", "content_base64": ceuB64(pdf)}), 201).JSON(t, &file)
		if file.ContentType != "application/pdf" {
			t.Fatalf("got %s, want application/pdf", file.ContentType)
		}
		apptest.Must(t, s.API("GET", path+"/"+itoa(file.ID), token, nil), 200).JSON(t, &file)
		if got, _ := base64.StdEncoding.DecodeString(file.ContentBase64); !bytes.Equal(got, pdf) {
			t.Fatal("got different bytes back from the API")
		}
		apptest.Must(t, s.API("GET", path, token, nil), 200)
		apptest.Must(t, s.API("POST", path, token, map[string]string{"filename": "x.pdf", "content_base64": ceuB64([]byte("hello"))}), 422)
		apptest.Must(t, s.API("POST", path, token, map[string]string{"filename": "x.pdf", "content_base64": "***"}), 422)
		apptest.Must(t, s.API("DELETE", path+"/"+itoa(file.ID), token, nil), 204)
	})
}
