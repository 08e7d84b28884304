package models

import (
	"archive/zip"
	"encoding/json"
	"fmt"
	"html"
	"net/url"
	"regexp"
	"strconv"
	"strings"

	"google.golang.org/protobuf/encoding/protowire"
)

// maxAnkiMediaIndexBytes caps the unpacked `media` index (a name per file).
const maxAnkiMediaIndexBytes = 16 << 20

// ankiMediaIndex maps the media names notes use to their zip entries. The legacy
// layouts index them in JSON ({"0": "chart.png"}); the current one in a
// zstd-compressed protobuf MediaEntries{repeated MediaEntry entries = 1}, where
// MediaEntry{name = 1, size = 2, sha1 = 3, legacy_zip_filename = 255} and a file's zip
// entry is its position in the list unless legacy_zip_filename says otherwise. A
// missing index means no media; an unreadable one refuses the package.
func ankiMediaIndex(entries map[string]*zip.File, latest bool) (map[string]ankiMediaFile, error) {
	out := map[string]ankiMediaFile{}
	f, ok := entries["media"]
	if !ok {
		return out, nil
	}
	raw, err := readAnkiEntry(f, latest, maxAnkiMediaIndexBytes)
	if err != nil {
		return nil, err
	}
	var names map[string]string // zip entry → name
	if latest {
		names, err = parseMediaEntries(raw)
	} else if len(raw) > 0 {
		err = json.Unmarshal(raw, &names)
	}
	if err != nil {
		return nil, ankiRefused("The package's media list is damaged.")
	}
	for zipName, name := range names {
		if file, ok := entries[zipName]; ok && name != "" {
			out[name] = ankiMediaFile{file: file, zstd: latest}
		}
	}
	return out, nil
}

// parseMediaEntries decodes the protobuf MediaEntries message into zip entry → name.
func parseMediaEntries(b []byte) (map[string]string, error) {
	out := map[string]string{}
	for index := 0; len(b) > 0; {
		num, typ, n := protowire.ConsumeTag(b)
		if n < 0 {
			return nil, protowire.ParseError(n)
		}
		b = b[n:]
		if num == 1 && typ == protowire.BytesType {
			entry, n := protowire.ConsumeBytes(b)
			if n < 0 {
				return nil, protowire.ParseError(n)
			}
			name, zipName, err := parseMediaEntry(entry, strconv.Itoa(index))
			if err != nil {
				return nil, err
			}
			out[zipName] = name
			index++
			b = b[n:]
			continue
		}
		n = protowire.ConsumeFieldValue(num, typ, b)
		if n < 0 {
			return nil, protowire.ParseError(n)
		}
		b = b[n:]
	}
	return out, nil
}

// parseMediaEntry reads a MediaEntry's name and zip entry name (zipName unless the
// entry carries legacy_zip_filename).
func parseMediaEntry(b []byte, zipName string) (string, string, error) {
	var name string
	for len(b) > 0 {
		num, typ, n := protowire.ConsumeTag(b)
		if n < 0 {
			return "", "", protowire.ParseError(n)
		}
		b = b[n:]
		switch {
		case num == 1 && typ == protowire.BytesType:
			v, m := protowire.ConsumeBytes(b)
			if m < 0 {
				return "", "", protowire.ParseError(m)
			}
			name, n = string(v), m
		case num == 255 && typ == protowire.VarintType:
			v, m := protowire.ConsumeVarint(b)
			if m < 0 {
				return "", "", protowire.ParseError(m)
			}
			zipName, n = strconv.FormatUint(v, 10), m
		default:
			n = protowire.ConsumeFieldValue(num, typ, b)
			if n < 0 {
				return "", "", protowire.ParseError(n)
			}
		}
		b = b[n:]
	}
	return name, zipName, nil
}

var (
	ankiImage    = regexp.MustCompile(`(?is)<img\b[^>]*>`)
	ankiImageSrc = regexp.MustCompile(`(?is)\bsrc\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))`)
	// markdownMedia matches the Markdown images ankiFieldText writes: ![](name), the
	// name escaped by MediaPathEscape.
	markdownMedia = regexp.MustCompile(`!\[\]\(([A-Za-z0-9._~%-]+)\)`)
)

// ankiFieldText turns an Anki field's HTML into a card's Markdown text: each <img> of
// a file in the package becomes a Markdown image of the deck's media (![](name)); an
// image from elsewhere (a web address, inline data) is left out, saying so; sounds
// are dropped; the rest is converted by AnkiHTMLToMarkdown. Images stand in the HTML
// as placeholder words while it converts, so the converter does not escape them.
func ankiFieldText(field string) string {
	field = ankiSound.ReplaceAllString(field, "")
	var images []string
	field = ankiImage.ReplaceAllStringFunc(field, func(tag string) string {
		m := ankiImageSrc.FindStringSubmatch(tag)
		if m == nil {
			return ""
		}
		src := html.UnescapeString(m[1] + m[2] + m[3])
		if strings.Contains(src, ":") || strings.HasPrefix(src, "/") {
			return " (image left out: not part of the package) "
		}
		if name := CleanMediaName(ankiMediaName(src)); name != "" {
			images = append(images, MediaMarkdown("", name))
			return fmt.Sprintf("<p>%s%d</p>", imagePlaceholder, len(images)-1)
		}
		return ""
	})
	text := AnkiHTMLToMarkdown(field)
	for i := len(images) - 1; i >= 0; i-- { // from the last, so image 1 does not match inside image 10
		text = strings.Replace(text, fmt.Sprintf("%s%d", imagePlaceholder, i), images[i], 1)
	}
	return text
}

// imagePlaceholder marks where an image goes while a field converts; no Anki field
// holds it.
const imagePlaceholder = "HITPATHIMAGE7F3A"

// ankiMediaName is the file name an <img src> means: Anki writes names as they are,
// but some tools percent-encode them.
func ankiMediaName(src string) string {
	if strings.Contains(src, "%") {
		if name, err := url.PathUnescape(src); err == nil {
			return name
		}
	}
	return src
}
