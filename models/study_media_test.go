package models

import (
	"bytes"
	"encoding/binary"
	"hash/crc32"
	"image"
	"image/color"
	"image/gif"
	"strings"
	"testing"

	"hitpath/models/ankitest"
)

// pngClaiming is a PNG whose header claims width × height (with a valid checksum)
// and whose data is a few bytes: what an image bomb looks like.
func pngClaiming(width, height uint32, depth byte) []byte {
	var b bytes.Buffer
	b.WriteString("\x89PNG\r\n\x1a\n")
	chunk := func(kind string, data []byte) {
		binary.Write(&b, binary.BigEndian, uint32(len(data)))
		b.WriteString(kind)
		b.Write(data)
		binary.Write(&b, binary.BigEndian, crc32.ChecksumIEEE(append([]byte(kind), data...)))
	}
	ihdr := make([]byte, 13)
	binary.BigEndian.PutUint32(ihdr[0:], width)
	binary.BigEndian.PutUint32(ihdr[4:], height)
	ihdr[8], ihdr[9] = depth, 6 // RGBA
	chunk("IHDR", ihdr)
	chunk("IDAT", []byte{0x78, 0x9c, 0x03, 0x00, 0x00, 0x00, 0x00, 0x01})
	chunk("IEND", nil)
	return b.Bytes()
}

func TestNewDeckMediaChecksContentAndLimits(t *testing.T) {
	var gifImage bytes.Buffer
	if err := gif.Encode(&gifImage, image.NewPaletted(image.Rect(0, 0, 3, 2), []color.Color{color.Black, color.White}), nil); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name, file string
		content    []byte
		field      string // "" when accepted
		want       string
	}{
		{"png", "chart.png", ankitest.PNG(t, 4, 3), "", ""},
		{"gif", "anim.gif", gifImage.Bytes(), "", ""},
		{"too big", "big.png", append(ankitest.PNG(t, 2, 2), make([]byte, MaxDeckMediaBytes)...), "file", "at most 5 MB"},
		{"too many pixels", "bomb.png", pngClaiming(8000, 6000, 8), "file", "at most 40 megapixels"},
		{"16-bit too large to draw", "deep.png", pngClaiming(6300, 6300, 16), "file", "16 bits a colour"},
		{"svg", "logo.svg", []byte(`<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>`), "file", "SVG and HTML files are refused"},
		{"html named png", "page.png", []byte("<html><body><script>alert(1)</script></body></html>"), "file", "none of those, whatever its name says"},
		{"empty", "empty.png", nil, "file", "empty"},
		{"damaged", "cut.png", ankitest.PNG(t, 4, 3)[:30], "file", "could not be read"},
		{"no name", "...", ankitest.PNG(t, 1, 1), "name", "file name"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			m, fields := NewDeckMedia(tt.file, tt.content)
			if tt.field == "" {
				if fields != nil || m.Width == 0 || m.SHA256 == "" || !strings.HasPrefix(m.ContentType, "image/") {
					t.Fatalf("got %+v %v, want it accepted with its size and type", m, fields)
				}
				return
			}
			if !strings.Contains(fields[tt.field], tt.want) {
				t.Fatalf("got %v, want %s to mention %q", fields, tt.field, tt.want)
			}
		})
	}
}

func TestCleanMediaName(t *testing.T) {
	tests := map[string]string{
		"chart.png":                       "chart.png",
		`C:\Users\ana\Desktop\chart.png`:  "chart.png",
		"../../etc/passwd":                "passwd",
		"Screenshot 10:15 (1).png":        "Screenshot 10-15 -1-.png",
		".hidden.png":                     "hidden.png",
		"a#b?c%d.png":                     "a-b-c-d.png",
		"":                                "",
		strings.Repeat("x", 200) + ".jpg": strings.Repeat("x", 116) + ".jpg",
	}
	for in, want := range tests {
		if got := CleanMediaName(in); got != want {
			t.Errorf("CleanMediaName(%q) = %q, want %q", in, got, want)
		}
	}
}

// TestAnkiPackageMedia: in every layout, an <img> of a file the package holds becomes
// a Markdown image planned for import; an SVG, a missing file and a web image are
// left out and the card says so.
func TestAnkiPackageMedia(t *testing.T) {
	notes := []ankitest.Note{
		{GUID: "m1", Fields: []string{`Where is it? <img src="chart one.png">`, `<div><img src='logo.svg'></div>Here`}},
		{GUID: "m2", Fields: []string{`Remote <img src="https://evil.example/t.png">`, `Gone <img src=missing.png>`}},
	}
	media := map[string][]byte{
		"chart one.png": ankitest.PNG(t, 20, 10),
		"logo.svg":      []byte(`<svg xmlns="http://www.w3.org/2000/svg"></svg>`),
		"unused.png":    ankitest.PNG(t, 1, 1),
	}
	for _, layout := range []int{ankitest.Legacy1, ankitest.Legacy2, ankitest.Latest} {
		pkg, err := readPackageBytes(ankitest.PackageWithMedia(t, layout, notes, media), MaxAnkiCollectionBytes)
		if err != nil {
			t.Fatalf("layout %d: %v", layout, err)
		}
		cards, problems := AnkiNotesToCards(pkg.Notes, DefaultExamOutlines()["CCA"], "CCA", 1)
		if problems != nil {
			t.Fatalf("layout %d: %v", layout, problems)
		}
		plan := pkg.PlanAnkiImport(cards)
		if len(plan.media) != 1 || plan.media[0].checked.Name != "chart one.png" || plan.media[0].checked.Width != 20 {
			t.Fatalf("layout %d: got planned %+v, want chart one.png only", layout, plan.media)
		}
		if len(plan.LeftOut) != 2 || plan.LeftOut[0].Name != "logo.svg" || plan.LeftOut[1].Name != "missing.png" ||
			!strings.Contains(plan.LeftOut[0].Reason, "SVG") {
			t.Fatalf("layout %d: got left out %+v", layout, plan.LeftOut)
		}
		c := plan.Cards
		if !strings.HasSuffix(c[0].Front, "\n![](chart%20one.png)") || !strings.Contains(c[0].Back, "(image left out: logo.svg)") ||
			!strings.Contains(c[1].Front, "image left out") || strings.Contains(c[1].Front, "evil") || !strings.Contains(c[1].Back, "(image left out: missing.png)") {
			t.Fatalf("layout %d: got cards %q / %q / %q / %q", layout, c[0].Front, c[0].Back, c[1].Front, c[1].Back)
		}
	}
}

func TestAnkiMediaIndexRefusesDamage(t *testing.T) {
	collection := ankitest.Collection(t, []ankitest.Note{{GUID: "x", Fields: []string{"f", "b"}}})
	for name, files := range map[string]map[string][]byte{
		"legacy json": {"collection.anki2": collection, "media": []byte("{not json")},
		"latest protobuf": {"meta": {0x08, 0x03}, "collection.anki21b": ankitest.Zstd(t, collection),
			"media": ankitest.Zstd(t, []byte{0x0a, 0x7f, 0x01})},
	} {
		_, err := readPackageBytes(ankitest.Zip(t, files), MaxAnkiCollectionBytes)
		if err == nil || !strings.Contains(err.Error(), "media list is damaged") {
			t.Errorf("%s: got %v, want the media list refused", name, err)
		}
	}
}
