package handlers_test

import (
	"archive/zip"
	"bytes"
	"encoding/json"
	"io"
	"net/http"
	"strings"
	"testing"

	"hitpath/app/apptest"
	"hitpath/models/ankitest"
)

// readZip opens a ZIP response and returns its files by name.
func readZip(t *testing.T, body []byte) map[string][]byte {
	t.Helper()
	zr, err := zip.NewReader(bytes.NewReader(body), int64(len(body)))
	if err != nil {
		t.Fatalf("not a ZIP: %v", err)
	}
	files := map[string][]byte{}
	for _, f := range zr.File {
		r, err := f.Open()
		if err != nil {
			t.Fatal(err)
		}
		files[f.Name], _ = io.ReadAll(r)
		r.Close()
	}
	return files
}

func TestExportMyDataHoldsEveryKindAndOnlyMine(t *testing.T) {
	eachCEU(t, func(t *testing.T, s *apptest.Server) {
		b := ceuNewHolder(t, s, "ana@example.com")
		entry := ceuLog(t, s, b, ceuDaysAgo(3), "Coding update", "2")
		pdf := []byte("%PDF-1.4 certificate of Ana")
		apptest.Must(t, ceuUpload(t, b, "/ceus/"+itoa(entry)+"/evidence", "file", "cert.pdf", pdf), http.StatusSeeOther)
		other := ceuNewHolder(t, s, "ben@example.com")
		ceuLog(t, s, other, ceuDaysAgo(2), "Ben's secret webinar", "1")

		if page := apptest.Must(t, b.Get("/account/data"), 200).Text(); !strings.Contains(page, `href="/account/export.zip"`) {
			t.Fatal("the data page has no export link")
		}
		resp := apptest.Must(t, b.Get("/account/export.zip"), 200)
		if resp.Header.Get("Content-Type") != "application/zip" || !strings.Contains(resp.Header.Get("Content-Disposition"), "attachment") {
			t.Fatalf("got headers %v, want a ZIP attachment", resp.Header)
		}
		files := readZip(t, resp.Body)
		for _, name := range []string{"profile.json", "credentials.json", "ceu_entries.json", "evidence_files.json", "pathway.json",
			"coursework.json", "study_sessions.json", "practice_exams.json", "cohort_memberships.json", "sessions.json",
			"audit_events.json", "ceus.csv"} {
			if _, ok := files[name]; !ok {
				t.Errorf("the export has no %s", name)
			}
		}
		var profile []map[string]any
		if err := json.Unmarshal(files["profile.json"], &profile); err != nil || len(profile) != 1 || profile[0]["email"] != "ana@example.com" {
			t.Fatalf("got profile %s (%v)", files["profile.json"], err)
		}
		if strings.Contains(string(files["profile.json"]), "password") || strings.Contains(string(files["sessions.json"]), "token") {
			t.Fatal("the export carries a password or token hash")
		}
		all := ""
		for _, content := range files {
			all += string(content)
		}
		if !strings.Contains(string(files["ceus.csv"]), "Coding update") || strings.Contains(all, "Ben's secret webinar") {
			t.Fatal("the export misses Ana's activity or holds Ben's")
		}
		found := false
		for name, content := range files {
			if strings.HasPrefix(name, "evidence/") && strings.HasSuffix(name, "cert.pdf") && bytes.Equal(content, pdf) {
				found = true
			}
		}
		if !found {
			t.Fatalf("the evidence file is missing from %v", keys(files))
		}
		token := s.LoginAPI("ana@example.com", goodPassword)
		var start struct {
			Secret string `json:"secret"`
		}
		apptest.Must(t, s.API("POST", "/api/v1/me/two-factor/enrol", token, nil), 201).JSON(t, &start)
		var twoFactor []map[string]any
		raw := readZip(t, apptest.Must(t, b.Get("/account/export.zip"), 200).Body)["two_factor.json"]
		if err := json.Unmarshal(raw, &twoFactor); err != nil || len(twoFactor) != 1 || strings.Contains(string(raw), "secret") ||
			strings.Contains(string(raw), start.Secret) {
			t.Fatalf("got two_factor.json %s (%v), want one row without the key", raw, err)
		}
		api := apptest.Must(t, s.API("GET", "/api/v1/me/export", token, nil), 200)
		if _, ok := readZip(t, api.Body)["ceus.csv"]; !ok {
			t.Fatal("the API export has no ceus.csv")
		}
		apptest.Must(t, s.API("GET", "/api/v1/me/export", "", nil), 401)
		if got := s.Browser().Get("/account/export.zip"); got.Status != http.StatusFound {
			t.Fatalf("an anonymous visitor got %d, want a redirect to log in", got.Status)
		}
	})
}

func keys(m map[string][]byte) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	return out
}

// TestExportMyDataHoldsDeckImagesAndDates checks the export carries the images of the
// decks the user owns, not another person's, and dates every entry when it was made
// (the export and its JSON files now, files at upload) rather than 1980.
func TestExportMyDataHoldsDeckImagesAndDates(t *testing.T) {
	eachCEU(t, func(t *testing.T, s *apptest.Server) {
		b := ceuNewHolder(t, s, "ana@example.com")
		entry := ceuLog(t, s, b, ceuDaysAgo(3), "Coding update", "2")
		apptest.Must(t, ceuUpload(t, b, "/ceus/"+itoa(entry)+"/evidence", "file", "cert.pdf", []byte("%PDF-1.4 cert")), http.StatusSeeOther)
		deck := createDeck(t, s, s.LoginAPI("ana@example.com", goodPassword), "CCA", "Charts")
		chart := ankitest.PNG(t, 3, 3)
		apptest.Must(t, ceuUpload(t, b, "/study/decks/"+itoa(deck.ID)+"/media", "file", "retention chart.png", chart), http.StatusSeeOther)
		ben := s.RegisterAPI("Ben", "ben@example.com", goodPassword)
		bensDeck := createDeck(t, s, ben, "CCA", "Ben's")
		apptest.Must(t, uploadImage(s, ben, bensDeck.ID, "bens.png", ankitest.PNG(t, 4, 4)), http.StatusCreated)

		body := apptest.Must(t, b.Get("/account/export.zip"), 200).Body
		files := readZip(t, body)
		name := "study_deck_images/" + itoa(deck.ID) + "/retention chart.png"
		if !bytes.Equal(files[name], chart) {
			t.Fatalf("got no %s with the uploaded bytes in %v", name, keys(files))
		}
		for n := range files {
			if strings.Contains(n, "bens.png") {
				t.Fatalf("the export holds Ben's image %s", n)
			}
		}
		zr, err := zip.NewReader(bytes.NewReader(body), int64(len(body)))
		if err != nil {
			t.Fatal(err)
		}
		for _, f := range zr.File {
			if !f.Modified.Equal(ceuToday) {
				t.Errorf("got %s dated %v, want %v", f.Name, f.Modified.UTC(), ceuToday)
			}
		}
	})
}
