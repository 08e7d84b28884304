package models

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"net/url"
	"path"
	"strings"
	"time"

	"github.com/klauspost/compress/zstd"
	"gorm.io/gorm"
)

// MediaLeftOut is an image a package's cards show that the import did not bring in,
// and why; the card says "(image left out: name)" in its place.
type MediaLeftOut struct {
	Name   string `json:"name"`
	Reason string `json:"reason"`
}

// AnkiImport is a package ready to save into a deck: its cards and the images they
// show, checked (the bytes are read again from the package when saved, so a large
// package is never held in memory).
type AnkiImport struct {
	Cards   []StudyCard
	LeftOut []MediaLeftOut
	media   []plannedMedia
}

// plannedMedia is one image that passed the checks: its name in the cards, its
// checked header values and where to read it again.
type plannedMedia struct {
	checked DeckMedia // without Content
	source  ankiMediaFile
}

// PlanAnkiImport checks every image the cards show against the deck media rules
// (NewDeckMedia: type by content, 5 MB, pixels). An image that fails, or that the
// package lacks, is left out: the card says so in its place and LeftOut says why.
func (p *AnkiPackage) PlanAnkiImport(cards []StudyCard) AnkiImport {
	byName := make(map[string]ankiMediaFile, len(p.media))
	for original, f := range p.media {
		if name := CleanMediaName(original); name != "" {
			if _, taken := byName[name]; !taken {
				byName[name] = f
			}
		}
	}
	plan := AnkiImport{Cards: cards}
	seen := map[string]bool{}
	dec := newMediaDecoder()
	defer dec.Close()
	for _, name := range cardMediaNames(cards) {
		if seen[name] {
			continue
		}
		seen[name] = true
		checked, reason := checkAnkiMedia(name, byName, dec)
		if reason != "" {
			plan.LeftOut = append(plan.LeftOut, MediaLeftOut{Name: name, Reason: reason})
			continue
		}
		plan.media = append(plan.media, plannedMedia{checked: checked, source: byName[name]})
	}
	for _, left := range plan.LeftOut {
		plan.renameInCards(left.Name, "")
	}
	return plan
}

func checkAnkiMedia(name string, byName map[string]ankiMediaFile, dec *zstd.Decoder) (DeckMedia, string) {
	f, ok := byName[name]
	if !ok {
		return DeckMedia{}, "The package does not contain this file."
	}
	content, err := readAnkiMedia(f, dec)
	if err != nil {
		return DeckMedia{}, err.Error()
	}
	m, fields := NewDeckMedia(name, content)
	if fields != nil {
		return DeckMedia{}, fields["file"] + fields["name"]
	}
	m.Content = nil
	return m, ""
}

// newMediaDecoder makes one zstd decoder for all the media files of an import:
// making one per file costs more than reading a small image.
func newMediaDecoder() *zstd.Decoder {
	dec, _ := zstd.NewReader(nil, zstd.WithDecoderMaxMemory(MaxDeckMediaBytes+1<<20), zstd.WithDecoderConcurrency(1))
	return dec // a nil reader and these options never fail
}

// readAnkiMedia reads one media file of a package, at most one byte past the image limit.
func readAnkiMedia(f ankiMediaFile, dec *zstd.Decoder) ([]byte, error) {
	rc, err := f.file.Open()
	if err != nil {
		return nil, ankiRefused("The package is damaged (%s).", f.file.Name)
	}
	defer rc.Close()
	var r io.Reader = rc
	if f.zstd {
		if err := dec.Reset(rc); err != nil {
			return nil, ankiRefused("The package is damaged (%s).", f.file.Name)
		}
		r = dec
	}
	content, err := io.ReadAll(io.LimitReader(r, MaxDeckMediaBytes+1))
	switch {
	case len(content) > MaxDeckMediaBytes || errors.Is(err, zstd.ErrDecoderSizeExceeded) || errors.Is(err, zstd.ErrWindowSizeExceeded):
		return nil, ankiRefused("The image is larger than %d MB, the most a card image may be.", MaxDeckMediaBytes>>20)
	case err != nil:
		return nil, ankiRefused("The package is damaged (%s).", f.file.Name)
	}
	return content, nil
}

// cardMediaNames lists the media names the cards' Markdown images refer to, in order.
func cardMediaNames(cards []StudyCard) []string {
	var names []string
	for _, c := range cards {
		for _, text := range []string{c.Front, c.Back} {
			for _, m := range markdownMedia.FindAllStringSubmatch(text, -1) {
				if name, err := url.PathUnescape(m[1]); err == nil {
					names = append(names, name)
				}
			}
		}
	}
	return names
}

// renameInCards points the cards' images of name at newName, or, with newName "",
// replaces them with a note that the image was left out.
func (a *AnkiImport) renameInCards(name, newName string) {
	old := MediaMarkdown("", name)
	replacement := "(image left out: " + name + ")"
	if newName != "" {
		replacement = MediaMarkdown("", newName)
	}
	for i := range a.Cards {
		a.Cards[i].Front = strings.ReplaceAll(a.Cards[i].Front, old, replacement)
		a.Cards[i].Back = strings.ReplaceAll(a.Cards[i].Back, old, replacement)
	}
}

// SaveAnkiImport adds an import's cards and images to a deck in one transaction and
// returns the cards added. A card whose guid the deck holds is skipped, and so is an
// image the deck already holds with the same bytes; an image whose name the deck
// uses for other bytes is saved as name-2.png (and so on) and its cards follow. A
// deck past its media limits gets ErrDeckMediaFull and nothing is saved. The caller
// has checked that the user may edit the deck.
func SaveAnkiImport(ctx context.Context, db *gorm.DB, deckID int64, a *AnkiImport, now time.Time) ([]StudyCard, error) {
	var added []StudyCard
	err := db.WithContext(ctx).Transaction(func(tx *gorm.DB) error {
		if err := lockDeck(tx, deckID); err != nil {
			return err
		}
		sums, err := deckMediaSums(tx, deckID)
		if err != nil {
			return err
		}
		var toWrite []plannedMedia
		for _, m := range a.media {
			name := freeMediaName(m.checked.Name, m.checked.SHA256, sums)
			if sums[name] == m.checked.SHA256 {
				continue
			}
			if name != m.checked.Name {
				a.renameInCards(m.checked.Name, name)
				m.checked.Name = name
			}
			sums[name] = m.checked.SHA256
			toWrite = append(toWrite, m)
		}
		if added, err = createCardsTx(tx, deckID, a.Cards, now); err != nil {
			return err
		}
		return writeAnkiMedia(tx, deckID, toWrite, now)
	})
	if err != nil {
		return nil, err
	}
	return added, nil
}

// freeMediaName is name when the deck lacks it or holds the same bytes under it,
// else the first of name-2.ext, name-3.ext … that is free or holds those bytes.
func freeMediaName(name, sum string, sums map[string]string) string {
	ext := path.Ext(name)
	stem := strings.TrimSuffix(name, ext)
	candidate := name
	for i := 2; ; i++ {
		if have, taken := sums[candidate]; !taken || have == sum {
			return candidate
		}
		candidate = fmt.Sprintf("%s-%d%s", stem, i, ext)
	}
}

// writeAnkiMedia reads each image from the package again, one at a time, and saves
// it under a name the deck does not use, within the deck's limits.
func writeAnkiMedia(tx *gorm.DB, deckID int64, media []plannedMedia, now time.Time) error {
	use, err := mediaUse(tx, deckID, "")
	if err != nil {
		return err
	}
	dec := newMediaDecoder()
	defer dec.Close()
	for _, m := range media {
		if err := use.add(m.checked.SizeBytes); err != nil {
			return err
		}
		content, err := readAnkiMedia(m.source, dec)
		if err != nil {
			return fmt.Errorf("read media %q again: %w", m.checked.Name, err)
		}
		sum := sha256.Sum256(content)
		if hex.EncodeToString(sum[:]) != m.checked.SHA256 {
			return fmt.Errorf("media %q changed while importing", m.checked.Name)
		}
		row := m.checked
		row.Content = content
		if err := insertDeckMedia(tx, deckID, &row, now); err != nil {
			return err
		}
	}
	return nil
}
