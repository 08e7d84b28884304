package handlers_test

import (
	"strings"
	"testing"

	"hitpath/app/apptest"
)

func TestDeckCSVImportExportAPI(t *testing.T) {
	clock := newStudyClock()
	apptest.Each(t, func(t *testing.T, s *apptest.Server) {
		ana := s.RegisterAPI("Ana", "ana@example.com", goodPassword)
		ben := s.RegisterAPI("Ben", "ben@example.com", goodPassword)
		deck := createDeck(t, s, ana, "CCA", "Imported")
		path := "/api/v1/decks/" + itoa(deck.ID)
		var refused struct {
			Problems []struct {
				Line  int    `json:"line"`
				Field string `json:"field"`
			} `json:"problems"`
		}
		bad := "front,back,domain\nQ1,A1,1\nQ2,A2,9\n"
		apptest.Must(t, s.API("POST", path+"/import", ana, map[string]any{"csv": bad}), 422).JSON(t, &refused)
		if len(refused.Problems) != 1 || refused.Problems[0].Line != 3 || refused.Problems[0].Field != "domain_position" {
			t.Fatalf("got %+v, want line 3's domain refused", refused.Problems)
		}
		var n int64
		s.DB.Table("study_cards").Count(&n)
		if n != 0 {
			t.Fatalf("got %d cards after a refused import, want 0", n)
		}
		anki := "#separator:tab\n#html:true\n#guid column:1\n#tags column:4\nabc\tMinimum <i>necessary</i>\tOnly what is needed\tCCA::Domain6\nxyz\tICD-10-CM\tDiagnoses\t\n"
		var imported struct{ Imported int }
		apptest.Must(t, s.API("POST", path+"/import", ana, map[string]any{"csv": anki, "default_domain": 1}), 201).JSON(t, &imported)
		if imported.Imported != 2 {
			t.Fatalf("got %d imported, want 2", imported.Imported)
		}
		apptest.Must(t, s.API("POST", path+"/import", ana, map[string]any{"csv": anki, "default_domain": 1}), 201).JSON(t, &imported)
		if imported.Imported != 0 {
			t.Fatalf("got %d imported on re-import, want 0 (de-duplicated by guid)", imported.Imported)
		}
		apptest.Must(t, s.API("POST", path+"/import", ben, map[string]any{"csv": anki}), 404)
		var noCSV struct{ Fields map[string]string }
		apptest.Must(t, s.API("POST", path+"/import", ana, map[string]any{"default_domain": 1}), 422).JSON(t, &noCSV)
		if noCSV.Fields["csv"] == "" {
			t.Fatalf("got %v, want the missing csv named", noCSV.Fields)
		}
		apptest.Must(t, s.API("GET", path+"/export.csv", ben, nil), 404)
		apptest.Must(t, s.API("GET", path+"/export.csv", "", nil), 401)
		apptest.Must(t, s.API("POST", path+"/import", "", nil), 401)

		csv := apptest.Must(t, s.API("GET", path+"/export.csv", ana, nil), 200).Text()
		if !strings.HasPrefix(csv, "kind,front,back") || !strings.Contains(csv, "card,Minimum *necessary*,Only what is needed,,,,,,6,CCA::Domain6") {
			t.Fatalf("got export %q", csv)
		}
		copyDeck := createDeck(t, s, ana, "CCA", "Copy")
		apptest.Must(t, s.API("POST", "/api/v1/decks/"+itoa(copyDeck.ID)+"/import", ana, map[string]any{"csv": csv}), 201)
		again := apptest.Must(t, s.API("GET", "/api/v1/decks/"+itoa(copyDeck.ID)+"/export.csv", ana, nil), 200).Text()
		if again != csv {
			t.Fatalf("round trip changed the deck:\n%s\nwant\n%s", again, csv)
		}
	}, clock.Option())
}

func TestDeckCSVImportPage(t *testing.T) {
	clock := newStudyClock()
	apptest.Each(t, func(t *testing.T, s *apptest.Server) {
		b := s.Browser()
		b.SignUp("Ana", "ana@example.com", goodPassword)
		deckPath := apptest.Must(t, b.Submit("/study/decks", map[string][]string{"title": {"Privacy"}, "credential_code": {"CCA"}}), 303).Header.Get("Location")
		page := apptest.Must(t, ceuUpload(t, b, deckPath+"/import", "file", "deck.csv", []byte("front,back,domain\nQ1,,1\n")), 422).Text()
		if !strings.Contains(page, `id="import-problems"`) || !strings.Contains(page, "Line 2 (back)") {
			t.Fatal("got no problem list naming line 2's back")
		}
		apptest.Must(t, ceuUpload(t, b, deckPath+"/import", "file", "deck.csv", []byte("front,back,domain\nQ1,A1,1\nQ2,A2,2\n")), 303)
		page = apptest.Must(t, b.Get(deckPath), 200).Text()
		if !strings.Contains(page, "Imported 2 cards.") || !strings.Contains(page, "2 cards") {
			t.Fatal("got no confirmation of 2 imported cards")
		}
		csv := apptest.Must(t, b.Get(deckPath+"/export.csv"), 200)
		if !strings.Contains(csv.Text(), "card,Q2,A2") || !strings.HasPrefix(csv.Header.Get("Content-Type"), "text/csv") {
			t.Fatalf("got export %q", csv.Text())
		}
		other := s.Browser()
		other.SignUp("Ben", "ben@example.com", goodPassword)
		apptest.Must(t, other.Get(deckPath+"/export.csv"), 404)
		apptest.Must(t, ceuUpload(t, other, deckPath+"/import", "file", "deck.csv", []byte("front,back,domain\nQ9,A9,1\n")), 404)
	}, clock.Option())
}
