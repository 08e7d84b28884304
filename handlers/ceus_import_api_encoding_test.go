package handlers_test

import (
	"bytes"
	"net/http"
	"net/http/httptest"
	"testing"
	"time"

	"golang.org/x/text/encoding/unicode"

	"hitpath/app/apptest"
)

// TestCEUImportAPIEncodings: the API's text/csv import reads the encodings its
// OpenAPI description promises (Windows-1252, UTF-16 with a byte order mark) instead
// of the request guard refusing them as "not UTF-8"; a NUL in the decoded text is
// still refused with 422.
func TestCEUImportAPIEncodings(t *testing.T) {
	eachCEU(t, func(t *testing.T, s *apptest.Server) {
		token := s.RegisterAPI("Enc Holder", "enc@example.com", goodPassword)
		apptest.Must(t, s.API("POST", "/api/v1/credentials", token, map[string]string{"credential_code": "RHIT", "earned_on": ceuEarned.Format(time.DateOnly)}), http.StatusCreated)
		day := ceuDaysAgo(5)
		utf8Text := "date,title,provider,provider_kind,minutes\r\n" + day + ",Café “quoted” UTF16,P,other,60\r\n"
		utf16, err := unicode.UTF16(unicode.LittleEndian, unicode.UseBOM).NewEncoder().Bytes([]byte(utf8Text))
		if err != nil {
			t.Fatal(err)
		}
		cases := []struct {
			name   string
			body   []byte
			status int
			title  string
		}{
			{"Windows-1252", []byte("date;title;provider;provider_kind;minutes\r\n" + day + ";Caf\xe9 \x93quoted\x94 1252;P;other;60\r\n"), http.StatusCreated, "Café “quoted” 1252"},
			{"UTF-16 with BOM", utf16, http.StatusCreated, "Café “quoted” UTF16"},
			{"NUL in UTF-8", []byte("date,title,provider,provider_kind,minutes\n" + day + ",a\x00b,P,other,60\n"), http.StatusUnprocessableEntity, ""},
		}
		for _, tc := range cases {
			req := httptest.NewRequest("POST", "/api/v1/ceus/import", bytes.NewReader(tc.body))
			req.Header.Set("Content-Type", "text/csv")
			req.Header.Set("Authorization", "Bearer "+token)
			resp := s.Do(req)
			if resp.Status != tc.status {
				t.Errorf("%s: got %d %s, want %d", tc.name, resp.Status, resp.Body, tc.status)
				continue
			}
			if tc.title != "" {
				var n int64
				s.DB.Raw("SELECT COUNT(*) FROM ceu_entries WHERE title = ?", tc.title).Scan(&n)
				if n != 1 {
					t.Errorf("%s: got %d entries titled %q, want 1", tc.name, n, tc.title)
				}
			}
		}
	})
}

// TestDeckImportEncodings: a deck CSV in Windows-1252 (sent as text/csv to the API,
// or uploaded on the page) is read as such; no card is stored as invalid UTF-8.
func TestDeckImportEncodings(t *testing.T) {
	apptest.Each(t, func(t *testing.T, s *apptest.Server) {
		token := s.RegisterAPI("Deck Maker", "deck@example.com", goodPassword)
		var deck struct {
			ID int64 `json:"id"`
		}
		apptest.Must(t, s.API("POST", "/api/v1/decks", token, map[string]string{"title": "Mine", "credential_code": "RHIT"}), http.StatusCreated).JSON(t, &deck)
		req := httptest.NewRequest("POST", "/api/v1/decks/"+itoa(deck.ID)+"/import", bytes.NewReader([]byte("front,back,domain\r\nCaf\xe9 \x93front\x94,back,1\r\n")))
		req.Header.Set("Content-Type", "text/csv")
		req.Header.Set("Authorization", "Bearer "+token)
		if resp := s.Do(req); resp.Status != http.StatusCreated && resp.Status != http.StatusOK {
			t.Fatalf("got %d %s, want the import to succeed", resp.Status, resp.Body)
		}
		var fronts []string
		s.DB.Raw("SELECT front FROM study_cards").Scan(&fronts)
		if len(fronts) != 1 || fronts[0] != "Café “front”" {
			t.Fatalf("got fronts %q, want [\"Café “front”\"]", fronts)
		}
	})
}
