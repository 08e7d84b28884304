package handlers_test

import (
	"bytes"
	"encoding/json"
	"net/http/httptest"
	"strings"
	"testing"

	"hitpath/app/apptest"
	"hitpath/models/ankitest"
)

func postPackage(s *apptest.Server, path, token string, data []byte) *apptest.Response {
	req := httptest.NewRequest("POST", path, bytes.NewReader(data))
	req.Header.Set("Content-Type", "application/zip")
	if token != "" {
		req.Header.Set("Authorization", "Bearer "+token)
	}
	return s.Do(req)
}

func TestAnkiPackageImportAPI(t *testing.T) {
	clock := newStudyClock()
	apptest.Each(t, func(t *testing.T, s *apptest.Server) {
		ana := s.RegisterAPI("Ana", "ana@example.com", goodPassword)
		ben := s.RegisterAPI("Ben", "ben@example.com", goodPassword)
		deck := createDeck(t, s, ana, "CCA", "From Anki")
		path := "/api/v1/decks/" + itoa(deck.ID) + "/import?default_domain=3"
		notes := []ankitest.Note{
			{GUID: "n1", Fields: []string{"Minimum <b>necessary</b>", "Only what is needed"}, Tags: "CCA::Domain6"},
			{GUID: "n2", Fields: []string{"ICD-10-CM", "Diagnoses[sound:a.mp3]"}, Tags: "CCA::Domain1"},
			{GUID: "n3", Fields: []string{"Record retention", "Per state law and HIPAA's 6 years for its documents"}},
		}
		var out struct{ Imported int }
		resp := apptest.Must(t, postPackage(s, path, ana, ankitest.Package(t, ankitest.Latest, notes)), 201)
		resp.JSON(t, &out)
		if out.Imported != 3 {
			t.Fatalf("got %d imported, want 3 (and never the dummy note)", out.Imported)
		}
		apptest.Must(t, postPackage(s, path, ana, ankitest.Package(t, ankitest.Legacy2, notes)), 201).JSON(t, &out)
		if out.Imported != 0 {
			t.Fatalf("got %d imported again, want 0 (same guids)", out.Imported)
		}
		var domains []int
		s.DB.Table("study_cards").Order("id").Pluck("domain_position", &domains)
		if len(domains) != 3 || domains[0] != 6 || domains[1] != 1 || domains[2] != 3 {
			t.Fatalf("got domains %v, want 6 1 3 (tags, then the default)", domains)
		}
		refusals := map[string][]byte{
			"newer Anki":  ankitest.Zip(t, map[string][]byte{"meta": {0x08, 0x07}, "collection.anki21b": {1}}),
			"unsafe name": ankitest.Zip(t, map[string][]byte{"../../etc/cron.d/x": {1}, "collection.anki2": {1}}),
		}
		for want, data := range refusals {
			resp := apptest.Must(t, postPackage(s, path, ana, data), 422)
			var problem struct {
				Problems []struct{ Message string }
			}
			if err := json.Unmarshal(resp.Body, &problem); err != nil || len(problem.Problems) != 1 || !strings.Contains(problem.Problems[0].Message, want) {
				t.Errorf("got %s, want a problem mentioning %q", resp.Body, want)
			}
		}
		apptest.Must(t, postPackage(s, path, ben, ankitest.Package(t, ankitest.Latest, notes)), 404)
		apptest.Must(t, postPackage(s, path, "", ankitest.Package(t, ankitest.Latest, notes)), 401)
		var n int64
		s.DB.Table("study_cards").Count(&n)
		if n != 3 {
			t.Fatalf("got %d cards, want 3 (refused packages add none)", n)
		}
	}, clock.Option())
}
