package handlers_test

import (
	"bytes"
	"encoding/base64"
	"encoding/binary"
	"hash/crc32"
	"math/rand/v2"
	"mime/multipart"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/valyala/fasthttp"

	"hitpath/app/apptest"
	"hitpath/handlers"
	"hitpath/models/ankitest"
)

type mediaOut struct {
	Name        string `json:"name"`
	ContentType string `json:"content_type"`
	Width       int    `json:"width"`
	Markdown    string `json:"markdown"`
	URL         string `json:"url"`
}

func uploadImage(s *apptest.Server, token string, deckID int64, name string, content []byte) *apptest.Response {
	return s.API("POST", "/api/v1/decks/"+itoa(deckID)+"/media", token,
		map[string]any{"name": name, "content_base64": base64.StdEncoding.EncodeToString(content)})
}

// getWithToken fetches bytes (not JSON) with a bearer token.
func getWithToken(s *apptest.Server, path, token string) *apptest.Response {
	req := httptest.NewRequest("GET", path, nil)
	if token != "" {
		req.Header.Set("Authorization", "Bearer "+token)
	}
	return s.Do(req)
}

// TestDeckMediaAccess: a deck's images reach its owner, and once shared the cohort's
// members and instructors; strangers, and members before sharing, get 404 from the
// page route and the API alike. Only editors upload or delete, and a deck's deletion
// takes its images.
func TestDeckMediaAccess(t *testing.T) {
	clock := newStudyClock()
	apptest.Each(t, func(t *testing.T, s *apptest.Server) {
		s.RegisterAPI("Ines", "ines@example.com", goodPassword)
		s.SetRole("ines@example.com", "instructor")
		ines := s.LoginAPI("ines@example.com", goodPassword)
		ana := s.RegisterAPI("Ana", "ana@example.com", goodPassword)
		ola := s.RegisterAPI("Ola", "ola@example.com", goodPassword)
		var cohort struct {
			ID       int64  `json:"id"`
			JoinCode string `json:"join_code"`
		}
		apptest.Must(t, s.API("POST", "/api/v1/cohorts", ines, map[string]any{"name": "Fall CCA", "target_code": "CCA"}), 201).JSON(t, &cohort)
		apptest.Must(t, s.API("POST", "/api/v1/memberships", ana, map[string]any{"code": cohort.JoinCode, "consent": true}), 201)

		deck := createDeck(t, s, ines, "CCA", "Charts")
		png := ankitest.PNG(t, 30, 20)
		var up mediaOut
		apptest.Must(t, uploadImage(s, ines, deck.ID, "retention chart.png", png), 201).JSON(t, &up)
		if up.Name != "retention chart.png" || up.Width != 30 || up.Markdown != "![retention chart.png](retention%20chart.png)" {
			t.Fatalf("got %+v", up)
		}
		apptest.Must(t, uploadImage(s, ines, deck.ID, "retention chart.png", png), 200) // replaced
		addFlashcard(t, s, ines, deck.ID, 6, "Which chart? ![Retention by record type](retention%20chart.png) ![tracker](https://evil.example/t.png)")

		pagePath := "/study/decks/" + itoa(deck.ID) + "/media/retention%20chart.png"
		apiPath := "/api/v1/decks/" + itoa(deck.ID) + "/media"
		inesPage, anaPage, olaPage := s.Browser(), s.Browser(), s.Browser()
		apptest.Must(t, inesPage.LogIn("ines@example.com", goodPassword), 303)
		apptest.Must(t, anaPage.LogIn("ana@example.com", goodPassword), 303)
		apptest.Must(t, olaPage.LogIn("ola@example.com", goodPassword), 303)

		resp := apptest.Must(t, inesPage.Get(pagePath), 200)
		if !bytes.Equal(resp.Body, png) || resp.Header.Get("Content-Type") != "image/png" ||
			resp.Header.Get("X-Content-Type-Options") != "nosniff" || !strings.Contains(resp.Header.Get("Content-Security-Policy"), "sandbox") {
			t.Fatalf("got %d bytes with headers %v", len(resp.Body), resp.Header)
		}
		req := httptest.NewRequest("GET", apiPath+"/retention%20chart.png", nil)
		req.Header.Set("Authorization", "Bearer "+ines)
		req.Header.Set("If-None-Match", resp.Header.Get("ETag"))
		apptest.Must(t, s.Do(req), 304)

		for who, b := range map[string]*apptest.Browser{"member before sharing": anaPage, "stranger": olaPage} {
			if got := b.Get(pagePath); got.Status != 404 {
				t.Errorf("%s: got %d from the page route, want 404", who, got.Status)
			}
		}
		apptest.Must(t, getWithToken(s, apiPath+"/retention%20chart.png", ana), 404)
		apptest.Must(t, s.API("GET", apiPath, ana, nil), 404)
		apptest.Must(t, getWithToken(s, apiPath+"/retention%20chart.png", ""), 401)

		apptest.Must(t, s.API("PUT", "/api/v1/decks/"+itoa(deck.ID)+"/share", ines, map[string]any{"cohort_id": cohort.ID}), 200)
		if got := apptest.Must(t, anaPage.Get(pagePath), 200); !bytes.Equal(got.Body, png) {
			t.Fatal("member got other bytes")
		}
		var list struct{ Media []mediaOut }
		apptest.Must(t, s.API("GET", apiPath, ana, nil), 200).JSON(t, &list)
		if len(list.Media) != 1 || list.Media[0].URL != apiPath+"/retention%20chart.png" {
			t.Fatalf("got %+v", list.Media)
		}
		apptest.Must(t, getWithToken(s, apiPath+"/retention%20chart.png", ana), 200)
		apptest.Must(t, olaPage.Get(pagePath), 404)
		apptest.Must(t, getWithToken(s, apiPath+"/retention%20chart.png", ola), 404)
		apptest.Must(t, uploadImage(s, ana, deck.ID, "mine.png", png), 404)
		apptest.Must(t, s.API("DELETE", apiPath+"/retention%20chart.png", ana, nil), 404)
		apptest.Must(t, anaPage.Submit(pagePath+"/delete", nil), 404)

		deckPage := apptest.Must(t, anaPage.Get("/study/decks/"+itoa(deck.ID)), 200).Text()
		if !strings.Contains(deckPage, `<img src="/study/decks/`+itoa(deck.ID)+`/media/retention%20chart.png" alt="Retention by record type">`) ||
			strings.Contains(deckPage, "evil.example") || !strings.Contains(deckPage, "[image: tracker]") {
			t.Fatalf("got deck page without the deck's image, or with the foreign one:\n%s", deckPage)
		}
		mediaPage := apptest.Must(t, anaPage.Get("/study/decks/"+itoa(deck.ID)+"/media"), 200).Text()
		if !strings.Contains(mediaPage, "retention chart.png") || strings.Contains(mediaPage, "upload-media") {
			t.Fatal("got a media page without the image, or with an upload form for a member")
		}

		apptest.Must(t, s.API("DELETE", apiPath+"/nothing.png", ines, nil), 404)
		apptest.Must(t, s.API("DELETE", apiPath+"/retention%20chart.png", ines, nil), 204)
		apptest.Must(t, anaPage.Get(pagePath), 404)
		apptest.Must(t, uploadImage(s, ines, deck.ID, "again.png", png), 201)
		apptest.Must(t, s.API("DELETE", "/api/v1/decks/"+itoa(deck.ID), ines, nil), 204)
		if n := ceuCountRows(t, s, "study_deck_media"); n != 0 {
			t.Fatalf("got %d images after the deck's deletion, want 0", n)
		}
	}, clock.Option())
}

// TestDeckMediaLimits: an image too big, with too many pixels or of the wrong type is
// refused with 422 and a message beside the field, on the page and in the API, and
// nothing is stored.
func TestDeckMediaLimits(t *testing.T) {
	clock := newStudyClock()
	apptest.Each(t, func(t *testing.T, s *apptest.Server) {
		ana := s.RegisterAPI("Ana", "ana@example.com", goodPassword)
		deck := createDeck(t, s, ana, "CCA", "Limits")
		bomb := pngHeaderOnly(t, 8000, 6000)
		tests := []struct {
			name    string
			content []byte
			want    string
		}{
			{"too big", append(ankitest.PNG(t, 2, 2), make([]byte, 5<<20)...), "at most 5 MB"},
			{"too many pixels", bomb, "at most 40 megapixels"},
			{"svg", []byte(`<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>`), "SVG and HTML files are refused"},
			{"html", []byte(`<!DOCTYPE html><html><script>alert(1)</script></html>`), "whatever its name says"},
		}
		b := s.Browser()
		apptest.Must(t, b.LogIn("ana@example.com", goodPassword), 303)
		for _, tt := range tests {
			var problem struct {
				Fields map[string]string `json:"fields"`
			}
			apptest.Must(t, uploadImage(s, ana, deck.ID, tt.name+".png", tt.content), 422).JSON(t, &problem)
			if !strings.Contains(problem.Fields["content_base64"], tt.want) {
				t.Errorf("%s: API got %v, want content_base64 to say %q", tt.name, problem.Fields, tt.want)
			}
			page := apptest.Must(t, ceuUpload(t, b, "/study/decks/"+itoa(deck.ID)+"/media", "file", tt.name+".png", tt.content), 422).Text()
			if !strings.Contains(page, `id="file-error"`) || !strings.Contains(page, tt.want) {
				t.Errorf("%s: page shows no message beside the file field", tt.name)
			}
		}
		if n := ceuCountRows(t, s, "study_deck_media"); n != 0 {
			t.Fatalf("got %d images stored, want none", n)
		}
		apptest.Must(t, ceuUpload(t, b, "/study/decks/"+itoa(deck.ID)+"/media", "file", "ok.png", ankitest.PNG(t, 3, 3)), 303)
		if page := apptest.Must(t, b.Get("/study/decks/"+itoa(deck.ID)+"/media"), 200).Text(); !strings.Contains(page, "![ok.png](ok.png)") {
			t.Fatal("got no Markdown to copy for the uploaded image")
		}
	}, clock.Option())
}

// pngHeaderOnly is a PNG that claims width × height in a valid header and carries
// almost no data.
func pngHeaderOnly(t *testing.T, width, height int) []byte {
	out := append([]byte(nil), ankitest.PNG(t, 1, 1)...)
	// IHDR's width and height sit at bytes 16–23, its checksum (over type and data) at 29–32.
	binary.BigEndian.PutUint32(out[16:], uint32(width))
	binary.BigEndian.PutUint32(out[20:], uint32(height))
	binary.BigEndian.PutUint32(out[29:], crc32.ChecksumIEEE(out[12:29]))
	return out
}

// postMultipartFile sends a file in the multipart field "file" with a bearer token.
func postMultipartFile(s *apptest.Server, path, token string, content []byte) *apptest.Response {
	var body bytes.Buffer
	w := multipart.NewWriter(&body)
	part, _ := w.CreateFormFile("file", "deck.apkg")
	part.Write(content)
	w.Close()
	req := httptest.NewRequest("POST", path, &body)
	req.Header.Set("Content-Type", w.FormDataContentType())
	req.Header.Set("Authorization", "Bearer "+token)
	return s.Do(req)
}

// TestAnkiImportBringsMedia: a package's images arrive with its cards in both
// layouts (multipart, as a page or API client sends a large file), an image that
// fails the checks is left out and listed, a re-import adds nothing, the CSV export
// keeps the references, a package over the normal body limit streams in, and deleting
// the account removes the images.
func TestAnkiImportBringsMedia(t *testing.T) {
	clock := newStudyClock()
	apptest.Each(t, func(t *testing.T, s *apptest.Server) {
		ana := s.RegisterAPI("Ana", "ana@example.com", goodPassword)
		notes := []ankitest.Note{
			{GUID: "i1", Fields: []string{`Which form? <img src="form.png">`, "The UB-04"}, Tags: "CCA::Domain3"},
			{GUID: "i2", Fields: []string{"Logo", `<img src="logo.svg">`}, Tags: "CCA::Domain1"},
		}
		media := map[string][]byte{"form.png": ankitest.PNG(t, 40, 30), "logo.svg": []byte(`<svg xmlns="http://www.w3.org/2000/svg"></svg>`)}
		for _, layout := range []int{ankitest.Latest, ankitest.Legacy2} {
			deck := createDeck(t, s, ana, "CCA", "Forms")
			path := "/api/v1/decks/" + itoa(deck.ID) + "/import"
			pkg := ankitest.PackageWithMedia(t, layout, notes, media)
			var out struct {
				Imported      int `json:"imported"`
				ImagesLeftOut []struct {
					Name, Reason string
				} `json:"images_left_out"`
			}
			apptest.Must(t, postMultipartFile(s, path, ana, pkg), 201).JSON(t, &out)
			if out.Imported != 2 || len(out.ImagesLeftOut) != 1 || out.ImagesLeftOut[0].Name != "logo.svg" {
				t.Fatalf("layout %d: got %+v, want 2 cards and logo.svg left out", layout, out)
			}
			apptest.Must(t, postMultipartFile(s, path, ana, pkg), 201).JSON(t, &out)
			if out.Imported != 0 {
				t.Fatalf("layout %d: re-import added %d cards", layout, out.Imported)
			}
			var list struct{ Media []mediaOut }
			apptest.Must(t, s.API("GET", "/api/v1/decks/"+itoa(deck.ID)+"/media", ana, nil), 200).JSON(t, &list)
			if len(list.Media) != 1 || list.Media[0].Name != "form.png" || list.Media[0].Width != 40 {
				t.Fatalf("layout %d: got media %+v, want form.png once", layout, list.Media)
			}
			csv := apptest.Must(t, getWithToken(s, "/api/v1/decks/"+itoa(deck.ID)+"/export.csv", ana), 200).Text()
			if !strings.Contains(csv, "![](form.png)") || !strings.Contains(csv, "(image left out: logo.svg)") {
				t.Fatalf("layout %d: got CSV without the image reference:\n%s", layout, csv)
			}
		}

		// 13 MB of incompressible padding: more than the 12 MB body limit of other requests.
		padding := make([]byte, 13<<20)
		rand.NewChaCha8([32]byte{1}).Read(padding)
		big := ankitest.PackageWithMedia(t, ankitest.Legacy2, []ankitest.Note{{GUID: "b1", Fields: []string{"Big <img src=\"form.png\">", "deck"}, Tags: "CCA::Domain1"}},
			map[string][]byte{"form.png": media["form.png"], "padding.bin": padding})
		if len(big) < 13<<20 {
			t.Fatalf("package is %d bytes, want over 13 MB", len(big))
		}
		deck := createDeck(t, s, ana, "CCA", "Big")
		b := s.Browser()
		apptest.Must(t, b.LogIn("ana@example.com", goodPassword), 303)
		apptest.Must(t, ceuUpload(t, b, "/study/decks/"+itoa(deck.ID)+"/import", "file", "big.apkg", big), 303)
		if page := apptest.Must(t, b.Get("/study/decks/"+itoa(deck.ID)), 200).Text(); !strings.Contains(page, `/media/form.png" alt=""`) {
			t.Fatal("got the big package's card without its image")
		}

		apptest.Must(t, s.API("POST", "/api/v1/me/delete", ana, map[string]any{"password": goodPassword}), 204)
		if n := ceuCountRows(t, s, "study_deck_media"); n != 0 {
			t.Fatalf("got %d images after the account's deletion, want 0", n)
		}
	}, clock.Option())
}

// TestLargeUploadConfig: only a multipart POST of known length to a deck import gets
// the 100 MB body limit; a raw or chunked body, or any other route, keeps 12 MB.
func TestLargeUploadConfig(t *testing.T) {
	tests := []struct {
		method, uri, contentType string
		length                   int
		raised                   bool
	}{
		{"POST", "/study/decks/4/import", "multipart/form-data; boundary=x", 50 << 20, true},
		{"POST", "/api/v1/decks/4/import?default_domain=2", "multipart/form-data; boundary=x", 50 << 20, true},
		{"POST", "/api/v1/decks/4/import", "application/zip", 50 << 20, false},
		{"POST", "/api/v1/decks/4/import", "multipart/form-data; boundary=x", -1, false},
		{"POST", "/ceus/4/evidence", "multipart/form-data; boundary=x", 50 << 20, false},
		{"POST", "/study/decks/4/import/x", "multipart/form-data; boundary=x", 50 << 20, false},
		{"GET", "/study/decks/4/import", "multipart/form-data; boundary=x", 50 << 20, false},
	}
	for _, tt := range tests {
		var h fasthttp.RequestHeader
		h.SetMethod(tt.method)
		h.SetRequestURI(tt.uri)
		h.SetContentType(tt.contentType)
		h.SetContentLength(tt.length)
		got := handlers.LargeUploadConfig(&h)
		if (got.MaxRequestBodySize > 100<<20) != tt.raised || (!tt.raised && got.MaxRequestBodySize != 0) {
			t.Errorf("%s %s %s (%d): got limit %d", tt.method, tt.uri, tt.contentType, tt.length, got.MaxRequestBodySize)
		}
	}
}
