package models

import (
	"archive/zip"
	"bytes"
	"context"
	"errors"
	"strings"
	"testing"
	"time"

	"hitpath/models/ankitest"
)

func TestReadAnkiPackageLayouts(t *testing.T) {
	notes := []ankitest.Note{
		{GUID: "a1", Fields: []string{"Minimum <b>necessary</b>[sound:x.mp3]", "Only what the purpose needs<br><img src=\"p.png\">"}, Tags: "CCA::Domain6 hipaa"},
		{GUID: "a2", Fields: []string{"ICD-10-CM", "Diagnoses"}, Tags: "Clinical_Classification_Systems"},
		{GUID: "a3", Fields: []string{"HIPAA retention", "6 years"}},
	}
	outline := DefaultExamOutlines()["CCA"]
	for _, layout := range []int{ankitest.Legacy1, ankitest.Legacy2, ankitest.Latest} {
		pkg, err := readPackageBytes(ankitest.Package(t, layout, notes), MaxAnkiCollectionBytes)
		if err != nil {
			t.Fatalf("layout %d: %v", layout, err)
		}
		got := pkg.Notes
		if len(got) != 3 || got[0].GUID != "a1" {
			t.Fatalf("layout %d: got %+v, want the 3 notes and never the dummy", layout, got)
		}
		cards, problems := AnkiNotesToCards(got, outline, "CCA", 3)
		if problems != nil {
			t.Fatalf("layout %d: got problems %v", layout, problems)
		}
		if cards[0].Front != "Minimum **necessary**" || cards[0].Back != "Only what the purpose needs\n\n![](p.png)" || cards[0].DomainPosition != 6 ||
			cards[1].DomainPosition != 1 || cards[2].DomainPosition != 3 || *cards[0].GUID != "a1" || cards[0].Tags != "CCA::Domain6 hipaa" {
			t.Fatalf("layout %d: got %+v", layout, cards)
		}
	}
}

func TestReadAnkiPackageRefusals(t *testing.T) {
	collection := ankitest.Collection(t, []ankitest.Note{{GUID: "x", Fields: []string{"f", "b"}}})
	bomb := ankitest.Zstd(t, make([]byte, 1<<20)) // 1 MB of zeros in a few bytes
	tests := []struct {
		name  string
		data  []byte
		limit int
		want  string
	}{
		{"not a zip", []byte("front,back\n"), MaxAnkiCollectionBytes, "not an Anki package"},
		{"too new", ankitest.Zip(t, map[string][]byte{"meta": {0x08, 0x04}, "collection.anki21b": ankitest.Zstd(t, collection)}), MaxAnkiCollectionBytes, "newer Anki"},
		{"path traversal", ankitest.Zip(t, map[string][]byte{"../evil": {1}, "collection.anki2": collection}), MaxAnkiCollectionBytes, "unsafe name"},
		{"absolute path", ankitest.Zip(t, map[string][]byte{"/etc/passwd": {1}, "collection.anki2": collection}), MaxAnkiCollectionBytes, "unsafe name"},
		{"zstd bomb", ankitest.Zip(t, map[string][]byte{"meta": {0x08, 0x03}, "collection.anki21b": bomb}), 64 << 10, "unpacks to more than"},
		{"declared size too big", ankitest.Zip(t, map[string][]byte{"collection.anki2": make([]byte, 100<<10)}), 64 << 10, "unpacks to more than"},
		{"meta without its collection", ankitest.Zip(t, map[string][]byte{"meta": {0x08, 0x03}, "collection.anki2": collection}), MaxAnkiCollectionBytes, "no collection.anki21b"},
		{"not a collection", ankitest.Zip(t, map[string][]byte{"collection.anki2": []byte("hello")}), MaxAnkiCollectionBytes, "not an Anki collection"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := readPackageBytes(tt.data, tt.limit)
			var refused ErrAnkiPackage
			if !errors.As(err, &refused) || !strings.Contains(refused.Reason, tt.want) {
				t.Fatalf("got %v, want a refusal mentioning %q", err, tt.want)
			}
		})
	}
	if !IsAnkiPackage(ankitest.Package(t, ankitest.Legacy1, nil)) || IsAnkiPackage([]byte("front,back")) {
		t.Fatal("got a package not recognised, or a CSV file taken for one")
	}
	// An empty zip is refused as a package, not read as CSV text.
	var empty bytes.Buffer
	if err := zip.NewWriter(&empty).Close(); err != nil {
		t.Fatal(err)
	}
	if !IsAnkiPackage(empty.Bytes()) {
		t.Fatal("an empty zip is not taken for a package")
	}
	_, err := readPackageBytes(empty.Bytes(), 1<<20)
	var refused ErrAnkiPackage
	if !errors.As(err, &refused) {
		t.Fatalf("got %v reading an empty zip, want a refusal", err)
	}
}

// TestReadAnkiPackageSpeed: reading and converting a generated 5,000-note package
// takes under 5 seconds (issue 16's budget).
func TestReadAnkiPackageSpeed(t *testing.T) {
	if testing.Short() {
		t.Skip("timing test skipped in -short mode")
	}
	data := ankitest.Package(t, ankitest.Latest, ankitest.Notes(5000))
	start := time.Now()
	pkg, err := ReadAnkiPackage(context.Background(), bytes.NewReader(data), int64(len(data)))
	if err != nil {
		t.Fatal(err)
	}
	cards, problems := AnkiNotesToCards(pkg.Notes, DefaultExamOutlines()["CCA"], "CCA", 0)
	elapsed := time.Since(start)
	t.Logf("read and converted %d notes in %v", len(cards), elapsed)
	if problems != nil || len(cards) != 5000 || elapsed > 5*time.Second {
		t.Fatalf("got %d cards, %d problems in %v, want 5000 cards under 5 s", len(cards), len(problems), elapsed)
	}
}

func readPackageBytes(data []byte, limit int) (*AnkiPackage, error) {
	return readAnkiPackage(context.Background(), bytes.NewReader(data), int64(len(data)), limit)
}
