// Package ankitest generates small Anki packages (.apkg) for tests, in the current
// layout (meta version 3, zstd-compressed collection.anki21b plus the dummy
// collection.anki2 a modern export carries) and the two legacy layouts. The
// collection tables follow Anki's published schema closely enough for a reader; no
// real deck is ever used.
package ankitest

import (
	"archive/zip"
	"bytes"
	"crypto/sha1"
	"database/sql"
	"encoding/json"
	"fmt"
	"image"
	"image/png"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	_ "github.com/glebarez/go-sqlite" // same pure-Go driver as the app
	"github.com/klauspost/compress/zstd"
	"google.golang.org/protobuf/encoding/protowire"
)

// Note is one note to put in a package.
type Note struct {
	GUID   string
	Fields []string
	Tags   string
}

// Layouts of an Anki package.
const (
	Legacy1 = 1 // collection.anki2 only, no meta
	Legacy2 = 2 // collection.anki21 (+ dummy collection.anki2), meta version 2
	Latest  = 3 // zstd collection.anki21b (+ dummy collection.anki2), meta version 3
)

// Package builds an .apkg of the layout holding notes and no media.
func Package(t testing.TB, layout int, notes []Note) []byte {
	t.Helper()
	return PackageWithMedia(t, layout, notes, nil)
}

// PackageWithMedia builds an .apkg of the layout holding notes and media files by
// name: indexed in JSON with plain files in the legacy layouts, in a zstd-compressed
// protobuf MediaEntries with zstd-compressed files in the current one.
func PackageWithMedia(t testing.TB, layout int, notes []Note, media map[string][]byte) []byte {
	t.Helper()
	files := map[string][]byte{}
	dummy := []Note{{GUID: "dummy", Fields: []string{"Please update to the latest Anki version", ""}}}
	switch layout {
	case Legacy1:
		files["collection.anki2"] = Collection(t, notes)
	case Legacy2:
		files["collection.anki21"] = Collection(t, notes)
		files["collection.anki2"] = Collection(t, dummy)
		files["meta"] = []byte{0x08, 0x02}
	case Latest:
		files["collection.anki21b"] = Zstd(t, Collection(t, notes))
		files["collection.anki2"] = Collection(t, dummy)
		files["meta"] = []byte{0x08, 0x03}
	default:
		t.Fatalf("unknown layout %d", layout)
	}
	index := map[string]string{}
	var entries []byte
	enc, err := zstd.NewWriter(nil)
	if err != nil {
		t.Fatal(err)
	}
	defer enc.Close()
	for i, name := range sortedNames(media) {
		zipName := strconv.Itoa(i)
		index[zipName] = name
		if layout == Latest {
			files[zipName] = enc.EncodeAll(media[name], nil)
			entries = protowire.AppendTag(entries, 1, protowire.BytesType)
			entries = protowire.AppendBytes(entries, MediaEntry(name, media[name]))
		} else {
			files[zipName] = media[name]
		}
	}
	if layout == Latest {
		files["media"] = Zstd(t, entries)
	} else {
		raw, err := json.Marshal(index)
		if err != nil {
			t.Fatal(err)
		}
		files["media"] = raw
	}
	return Zip(t, files)
}

// MediaEntry encodes Anki's MediaEntry{name = 1, size = 2, sha1 = 3} message.
func MediaEntry(name string, content []byte) []byte {
	sum := sha1.Sum(content)
	var b []byte
	b = protowire.AppendTag(b, 1, protowire.BytesType)
	b = protowire.AppendString(b, name)
	b = protowire.AppendTag(b, 2, protowire.VarintType)
	b = protowire.AppendVarint(b, uint64(len(content)))
	b = protowire.AppendTag(b, 3, protowire.BytesType)
	return protowire.AppendBytes(b, sum[:])
}

// PNG encodes a width × height PNG of one colour.
func PNG(t testing.TB, width, height int) []byte {
	t.Helper()
	img := image.NewNRGBA(image.Rect(0, 0, width, height))
	for i := range img.Pix {
		img.Pix[i] = byte(0x40 + i%4*0x30)
	}
	var buf bytes.Buffer
	if err := png.Encode(&buf, img); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// Zip stores files in a zip archive, in name order.
func Zip(t testing.TB, files map[string][]byte) []byte {
	t.Helper()
	var buf bytes.Buffer
	w := zip.NewWriter(&buf)
	for _, name := range sortedNames(files) {
		f, err := w.Create(name)
		if err != nil {
			t.Fatal(err)
		}
		f.Write(files[name])
	}
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// Zstd compresses data as Anki's current layout does.
func Zstd(t testing.TB, data []byte) []byte {
	t.Helper()
	enc, err := zstd.NewWriter(nil)
	if err != nil {
		t.Fatal(err)
	}
	defer enc.Close()
	return enc.EncodeAll(data, nil)
}

// Collection builds an SQLite collection file with a notes and a cards table.
func Collection(t testing.TB, notes []Note) []byte {
	t.Helper()
	path := filepath.Join(t.TempDir(), "collection.db")
	db, err := sql.Open("sqlite", "file:"+path)
	if err != nil {
		t.Fatal(err)
	}
	stmts := []string{
		`CREATE TABLE col (id integer primary key, crt integer not null, mod integer not null, scm integer not null, ver integer not null,
			dty integer not null, usn integer not null, ls integer not null, conf text not null, models text not null,
			decks text not null, dconf text not null, tags text not null)`,
		`CREATE TABLE notes (id integer primary key, guid text not null, mid integer not null, mod integer not null, usn integer not null,
			tags text not null, flds text not null, sfld integer not null, csum integer not null, flags integer not null, data text not null)`,
		`CREATE TABLE cards (id integer primary key, nid integer not null, did integer not null, ord integer not null, mod integer not null,
			usn integer not null, type integer not null, queue integer not null, due integer not null, ivl integer not null,
			factor integer not null, reps integer not null, lapses integer not null, left integer not null, odue integer not null,
			odid integer not null, flags integer not null, data text not null)`,
		`INSERT INTO col VALUES (1, 0, 0, 0, 11, 0, 0, 0, '{}', '{}', '{}', '{}', '{}')`,
	}
	for _, s := range stmts {
		if _, err := db.Exec(s); err != nil {
			t.Fatal(err)
		}
	}
	tx, err := db.Begin()
	if err != nil {
		t.Fatal(err)
	}
	for i, n := range notes {
		tags := ""
		if n.Tags != "" {
			tags = " " + n.Tags + " "
		}
		id := int64(1700000000000 + i)
		if _, err := tx.Exec(`INSERT INTO notes VALUES (?, ?, 1, 0, -1, ?, ?, 0, 0, 0, '')`, id, n.GUID, tags, strings.Join(n.Fields, "\x1f")); err != nil {
			t.Fatal(err)
		}
		if _, err := tx.Exec(`INSERT INTO cards VALUES (?, ?, 1, 0, 0, -1, 0, 0, ?, 0, 0, 0, 0, 0, 0, 0, 0, '')`, id, id, i); err != nil {
			t.Fatal(err)
		}
	}
	if err := tx.Commit(); err != nil {
		t.Fatal(err)
	}
	if err := db.Close(); err != nil {
		t.Fatal(err)
	}
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return data
}

// Notes returns n CCA notes spread over the six domains by tag.
func Notes(n int) []Note {
	out := make([]Note, n)
	for i := range out {
		out[i] = Note{GUID: fmt.Sprintf("guid-%05d", i), Tags: fmt.Sprintf("CCA::Domain%d generated", i%6+1),
			Fields: []string{fmt.Sprintf("Question <b>%d</b>[sound:q%d.mp3]", i, i), fmt.Sprintf("Answer %d<br><img src=\"a%d.png\">", i, i)}}
	}
	return out
}

func sortedNames[V any](files map[string]V) []string {
	names := make([]string, 0, len(files))
	for n := range files {
		names = append(names, n)
	}
	for i := 1; i < len(names); i++ {
		for j := i; j > 0 && names[j] < names[j-1]; j-- {
			names[j], names[j-1] = names[j-1], names[j]
		}
	}
	return names
}
