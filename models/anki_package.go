package models

import (
	"archive/zip"
	"bytes"
	"context"
	"database/sql"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"strings"

	_ "github.com/glebarez/go-sqlite" // the pure-Go SQLite driver the app's GORM dialect uses
	"github.com/klauspost/compress/zstd"
)

// Anki package limits: refused beyond them with a clear message, never a crash.
const (
	MaxAnkiEntries         = 20000
	MaxAnkiCollectionBytes = 256 << 20 // decompressed collection
	MaxAnkiNotes           = 20000
	ankiLatestVersion      = 3
)

// ErrAnkiPackage means an .apkg was refused; its message says why, for the user.
type ErrAnkiPackage struct{ Reason string }

func (e ErrAnkiPackage) Error() string { return e.Reason }

func ankiRefused(format string, args ...any) error {
	return ErrAnkiPackage{Reason: fmt.Sprintf(format, args...)}
}

// AnkiNote is one note read from an Anki package: its stable guid, field values
// (HTML, in order) and tags.
type AnkiNote struct {
	GUID   string
	Fields []string
	Tags   string
}

// MaxAnkiPackageBytes is the largest .apkg accepted for import: 100 MB.
const MaxAnkiPackageBytes = 100 << 20

// AnkiPackage is an opened .apkg: its notes, and the media files its notes may show
// by the names the notes use (the entries are read only when an import asks).
type AnkiPackage struct {
	Notes []AnkiNote
	media map[string]ankiMediaFile
}

// ankiMediaFile is one media file of a package: its zip entry, zstd-compressed in
// the current layout.
type ankiMediaFile struct {
	file *zip.File
	zstd bool
}

// ReadAnkiPackage reads the notes and the media index of an .apkg, reading from r
// (size bytes, usually a temporary file) rather than holding it in memory. It reads
// the `meta` entry first and opens the collection it names: collection.anki21b
// (zstd-compressed, the current layout), collection.anki21 or collection.anki2
// (legacy), never the dummy collection.anki2 a current export also carries. Zip
// bombs, path traversal and package versions newer than it knows are refused with
// ErrAnkiPackage.
func ReadAnkiPackage(ctx context.Context, r io.ReaderAt, size int64) (*AnkiPackage, error) {
	return readAnkiPackage(ctx, r, size, MaxAnkiCollectionBytes)
}

// readAnkiPackage is ReadAnkiPackage with the unpacked-size cap as a parameter, so
// tests can prove the cap without building a 256 MB bomb.
func readAnkiPackage(ctx context.Context, r io.ReaderAt, size int64, maxBytes int) (*AnkiPackage, error) {
	zr, err := zip.NewReader(r, size)
	if err != nil {
		return nil, ankiRefused("The file is not an Anki package (.apkg is a zip file).")
	}
	entries, err := ankiEntries(zr, maxBytes)
	if err != nil {
		return nil, err
	}
	version, err := ankiVersion(entries, maxBytes)
	if err != nil {
		return nil, err
	}
	name := map[int]string{1: "collection.anki2", 2: "collection.anki21", 3: "collection.anki21b"}[version]
	f, ok := entries[name]
	if !ok {
		return nil, ankiRefused("The package has no %s.", name)
	}
	notes, err := readAnkiCollection(ctx, f, version == ankiLatestVersion, maxBytes)
	if err != nil {
		return nil, err
	}
	media, err := ankiMediaIndex(entries, version == ankiLatestVersion)
	if err != nil {
		return nil, err
	}
	return &AnkiPackage{Notes: notes, media: media}, nil
}

// ankiEntries indexes the zip by name after checking every entry's name and size.
func ankiEntries(zr *zip.Reader, maxBytes int) (map[string]*zip.File, error) {
	if len(zr.File) > MaxAnkiEntries {
		return nil, ankiRefused("The package has more than %d files.", MaxAnkiEntries)
	}
	out := map[string]*zip.File{}
	for _, f := range zr.File {
		n := f.Name
		if n == "" || strings.ContainsAny(n, `/\`) || strings.Contains(n, "..") || filepath.IsAbs(n) || strings.ContainsRune(n, 0) {
			return nil, ankiRefused("The package contains a file with an unsafe name (%q).", n)
		}
		if f.UncompressedSize64 > uint64(maxBytes) {
			return nil, ankiRefused("A file in the package unpacks to more than %d MB.", maxBytes>>20)
		}
		out[n] = f
	}
	return out, nil
}

// ankiVersion reads the package version from `meta` (protobuf field 1, a varint);
// without meta it is legacy 2 when collection.anki21 exists, else legacy 1.
func ankiVersion(entries map[string]*zip.File, maxBytes int) (int, error) {
	meta, ok := entries["meta"]
	if !ok {
		if _, ok := entries["collection.anki21"]; ok {
			return 2, nil
		}
		return 1, nil
	}
	raw, err := readAnkiEntry(meta, false, maxBytes)
	if err != nil {
		return 0, err
	}
	if len(raw) < 2 || raw[0] != 0x08 {
		return 0, ankiRefused("The package's meta entry is not one hitpath can read.")
	}
	v, n := binary.Uvarint(raw[1:])
	if n <= 0 || v < 1 {
		return 0, ankiRefused("The package's meta entry is not one hitpath can read.")
	}
	if v > ankiLatestVersion {
		return 0, ankiRefused("The package was made by a newer Anki (format %d) than hitpath reads (up to %d). Export it with \"Support older Anki versions\" ticked.", v, ankiLatestVersion)
	}
	return int(v), nil
}

// readAnkiEntry reads one zip entry, zstd-decompressing it when asked, never more
// than maxBytes whatever the headers claim.
func readAnkiEntry(f *zip.File, zstdCompressed bool, maxBytes int) ([]byte, error) {
	var buf bytes.Buffer
	if err := copyAnkiEntry(&buf, f, zstdCompressed, maxBytes); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

// copyAnkiEntry writes one zip entry to w, zstd-decompressing it when asked, and
// refuses it once it passes maxBytes whatever the headers claim.
func copyAnkiEntry(w io.Writer, f *zip.File, zstdCompressed bool, maxBytes int) error {
	rc, err := f.Open()
	if err != nil {
		return ankiRefused("The package is damaged (%s).", f.Name)
	}
	defer rc.Close()
	var r io.Reader = rc
	if zstdCompressed {
		dec, err := zstd.NewReader(rc, zstd.WithDecoderMaxMemory(uint64(maxBytes)), zstd.WithDecoderConcurrency(1))
		if err != nil {
			return ankiRefused("The package's collection is damaged.")
		}
		defer dec.Close()
		r = dec
	}
	n, err := io.Copy(w, io.LimitReader(r, int64(maxBytes)+1))
	if n > int64(maxBytes) || errors.Is(err, zstd.ErrDecoderSizeExceeded) || errors.Is(err, zstd.ErrWindowSizeExceeded) {
		return ankiRefused("The package unpacks to more than %d MB; hitpath refuses it.", maxBytes>>20)
	}
	if err != nil {
		var refused ErrAnkiPackage
		if errors.As(err, &refused) {
			return err
		}
		return ankiRefused("The package is damaged (%s).", f.Name)
	}
	return nil
}

// readAnkiCollection unpacks the collection straight into a temporary file (never
// whole in memory) and reads its notes.
func readAnkiCollection(ctx context.Context, f *zip.File, zstdCompressed bool, maxBytes int) ([]AnkiNote, error) {
	dir, err := os.MkdirTemp("", "hitpath-apkg-")
	if err != nil {
		return nil, fmt.Errorf("read anki package: %w", err)
	}
	defer os.RemoveAll(dir)
	path := filepath.Join(dir, "collection.db")
	out, err := os.OpenFile(path, os.O_CREATE|os.O_WRONLY|os.O_EXCL, 0o600)
	if err != nil {
		return nil, fmt.Errorf("read anki package: %w", err)
	}
	copyErr := copyAnkiEntry(out, f, zstdCompressed, maxBytes)
	if err := out.Close(); err != nil && copyErr == nil {
		copyErr = fmt.Errorf("read anki package: %w", err)
	}
	if copyErr != nil {
		return nil, copyErr
	}
	return readAnkiNotes(ctx, path)
}

// readAnkiNotes opens the collection read-only from its temporary file and reads its
// notes. Name columns of the current schema use Anki's unicase collation, which this
// driver lacks, so nothing here sorts or compares by them.
func readAnkiNotes(ctx context.Context, path string) ([]AnkiNote, error) {
	db, err := sql.Open("sqlite", "file:"+path+"?mode=ro")
	if err != nil {
		return nil, fmt.Errorf("read anki package: %w", err)
	}
	defer db.Close()
	rows, err := db.QueryContext(ctx, "SELECT guid, flds, tags FROM notes ORDER BY id LIMIT ?", MaxAnkiNotes+1)
	if err != nil {
		return nil, ankiRefused("The package's collection is not an Anki collection hitpath can read.")
	}
	defer rows.Close()
	var notes []AnkiNote
	for rows.Next() {
		var n AnkiNote
		var fields string
		if err := rows.Scan(&n.GUID, &fields, &n.Tags); err != nil {
			return nil, ankiRefused("The package's collection is not an Anki collection hitpath can read.")
		}
		n.Fields, n.Tags = strings.Split(fields, "\x1f"), strings.TrimSpace(n.Tags)
		notes = append(notes, n)
	}
	if err := rows.Err(); err != nil {
		return nil, ankiRefused("The package's collection is damaged.")
	}
	if len(notes) > MaxAnkiNotes {
		return nil, ankiRefused("The package has more than %d notes; split the deck.", MaxAnkiNotes)
	}
	return notes, nil
}

var ankiSound = regexp.MustCompile(`\[sound:[^\]]*\]`)

// AnkiNotesToCards turns notes into flashcards of a deck of exam code: the first field
// is the front and the second the back, as Markdown text (an <img> becomes a Markdown
// image of the deck's media, sounds are dropped), the tags are kept and may name the
// domain (CCA::Domain2), else defaultDomain. Every note is checked with
// ValidateCardInput; any problem returns every problem and no cards.
func AnkiNotesToCards(notes []AnkiNote, outline []ExamDomain, code string, defaultDomain int) ([]StudyCard, []ImportProblem) {
	var cards []StudyCard
	var problems []ImportProblem
	for i, n := range notes {
		in := CardInput{Kind: KindFlashcard, Tags: n.Tags, GUID: n.GUID, Domain: defaultDomain}
		if len(n.Fields) > 0 {
			in.Front = ankiFieldText(n.Fields[0])
		}
		if len(n.Fields) > 1 {
			in.Back = ankiFieldText(n.Fields[1])
		}
		if d := DomainFromTags(n.Tags, outline, code); d != 0 {
			in.Domain = d
		}
		card, fields := ValidateCardInput(in, outline, code)
		problems = addRowProblems(problems, i+1, fields, n.Tags, code)
		cards = append(cards, card)
	}
	if len(problems) > 0 {
		return nil, capProblems(problems)
	}
	if len(cards) == 0 {
		return nil, []ImportProblem{{Line: 1, Message: "The package has no notes."}}
	}
	return cards, nil
}

// IsAnkiPackage reports whether a file's first bytes look like a zip file (an .apkg)
// rather than text: a local file header, or the end record an empty zip starts with.
// ReadAnkiPackage then says what is wrong with a zip that is not a package.
func IsAnkiPackage(head []byte) bool {
	return bytes.HasPrefix(head, []byte("PK\x03\x04")) || bytes.HasPrefix(head, []byte("PK\x05\x06"))
}
