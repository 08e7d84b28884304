package handlers_test

import (
	"archive/zip"
	"bytes"
	"io"
	"net/http"
	"net/url"
	"strings"
	"testing"
	"time"

	"hitpath/app/apptest"
	"hitpath/app/apptest/pdftext"
)

// TestTranscriptNamesCertificateAndEvidence: the transcript and the audit pack's
// transcript carry the certificate number and each entry's evidence file names.
func TestTranscriptNamesCertificateAndEvidence(t *testing.T) {
	eachCEU(t, func(t *testing.T, s *apptest.Server) {
		b := s.Browser()
		b.SignUp("Hal", "hal@example.com", goodPassword)
		apptest.Must(t, b.Submit("/credentials", url.Values{"credential_code": {"RHIT"}, "earned_on": {ceuEarned.Format(time.DateOnly)},
			"certificate_number": {"R-12345"}, "current": {"yes"}}), http.StatusSeeOther)
		id := itoa(ceuLog(t, s, b, ceuDaysAgo(9), "Coding Clinic Q3", "2"))
		apptest.Must(t, ceuUpload(t, b, "/ceus/"+id+"/evidence", "file", "clinic-certificate.png", ceuPNG), http.StatusSeeOther)

		report := pdftext.Text(t, apptest.Must(t, b.Get("/ceus/report.pdf"), 200).Body)
		for _, want := range []string{"RHIT certificate R-12345", "clinic-certificate.png"} {
			if !strings.Contains(report, want) {
				t.Errorf("got no %q in the transcript", want)
			}
		}
		pack := apptest.Must(t, b.Get("/ceus/audit-pack.zip"), 200).Body
		zr, err := zip.NewReader(bytes.NewReader(pack), int64(len(pack)))
		if err != nil {
			t.Fatal(err)
		}
		rc, err := zr.File[0].Open()
		if err != nil {
			t.Fatal(err)
		}
		inner, _ := io.ReadAll(rc)
		packText := pdftext.Text(t, inner)
		for _, want := range []string{"RHIT certificate R-12345", "clinic-certificate.png"} {
			if !strings.Contains(packText, want) {
				t.Errorf("got no %q in the audit pack's transcript", want)
			}
		}
	})
}
