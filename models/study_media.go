package models

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	_ "image/gif" // registers GIF for image.DecodeConfig
	"net/http"
	"path"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	_ "golang.org/x/image/webp" // registers WebP for image.DecodeConfig
)

// Deck media limits: one image, and all of a deck's images together.
const (
	MaxDeckMediaBytes = 5 << 20
	MaxDeckMediaFiles = 5000
	MaxDeckMediaTotal = 250 << 20
	deckMediaNameMax  = 120
)

// DeckMedia is an image of a study deck, referenced from its cards' Markdown by name
// (![alt](name.png)).
type DeckMedia struct {
	ID          int64     `gorm:"column:id;primaryKey" json:"-"`
	DeckID      int64     `gorm:"column:deck_id" json:"deck_id"`
	Name        string    `gorm:"column:name" json:"name"`
	ContentType string    `gorm:"column:content_type" json:"content_type"`
	SizeBytes   int64     `gorm:"column:size_bytes" json:"size_bytes"`
	Width       int       `gorm:"column:width" json:"width"`
	Height      int       `gorm:"column:height" json:"height"`
	SHA256      string    `gorm:"column:sha256" json:"sha256"`
	Content     []byte    `gorm:"column:content" json:"-"`
	CreatedAt   time.Time `gorm:"column:created_at" json:"created_at"`
}

// TableName maps DeckMedia to study_deck_media.
func (DeckMedia) TableName() string { return "study_deck_media" }

// Markdown is how a card refers to the image: ![name](name), the name escaped as a
// URL path when it holds spaces or brackets.
func (m DeckMedia) Markdown() string { return MediaMarkdown(m.Name, m.Name) }

// MediaMarkdown is the Markdown image of a deck file called name, with alt text.
func MediaMarkdown(alt, name string) string {
	alt = strings.NewReplacer("[", "", "]", "", "\n", " ").Replace(alt)
	return "![" + alt + "](" + MediaPathEscape(name) + ")"
}

// MediaPathEscape escapes a media name for a URL path segment (and a Markdown link).
func MediaPathEscape(name string) string {
	var b strings.Builder
	for _, c := range []byte(name) {
		if c < 0x80 && (c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || strings.IndexByte("-._~", c) >= 0) {
			b.WriteByte(c)
			continue
		}
		fmt.Fprintf(&b, "%%%02X", c)
	}
	return b.String()
}

// deckMediaTypes are the image types a card may show, detected from the bytes (never
// the name). SVG and HTML are refused: they can carry scripts.
var deckMediaTypes = map[string]string{"image/png": "png", "image/jpeg": "jpeg", "image/gif": "gif", "image/webp": "webp"}

var cardImages = imageUse{plural: "card images"}

// CleanMediaName turns a file's name into a deck media name: the base name, with
// characters that are unsafe in a URL, a Markdown link or a file system replaced by
// "-", at most 120 characters (the extension kept). It returns "" when nothing is left.
func CleanMediaName(raw string) string {
	name := strings.TrimSpace(path.Base(strings.ReplaceAll(raw, `\`, "/")))
	name = strings.Map(func(r rune) rune {
		if unicode.IsControl(r) || strings.ContainsRune(`/\:*?"<>|#%'`+"`[]()", r) {
			return '-'
		}
		if unicode.IsSpace(r) {
			return ' '
		}
		return r
	}, name)
	name = strings.TrimLeft(strings.TrimSpace(name), ".")
	if utf8.RuneCountInString(name) > deckMediaNameMax {
		ext := path.Ext(name)
		if utf8.RuneCountInString(ext) > 10 {
			ext = ""
		}
		runes := []rune(strings.TrimSuffix(name, ext))
		name = string(runes[:deckMediaNameMax-utf8.RuneCountInString(ext)]) + ext
	}
	if name == "" || name == "." || name == "/" {
		return ""
	}
	return name
}

// NewDeckMedia checks an image for a deck and prepares it for saving. Its type is
// detected from the content and must be PNG, JPEG, GIF or WebP; it must be at most
// 5 MB and within the pixel limits of every image hitpath draws (MaxImagePixels,
// MaxImageDecodedBytes, no PNG bomb). The problem, if any, is for the field "file"
// (or "name"), worded for the author.
func NewDeckMedia(rawName string, content []byte) (DeckMedia, map[string]string) {
	name := CleanMediaName(rawName)
	if name == "" {
		return DeckMedia{}, map[string]string{"name": "Give the image a file name, such as chart.png."}
	}
	if problem := deckMediaContentProblem(content); problem != "" {
		return DeckMedia{Name: name}, map[string]string{"file": problem}
	}
	info, problem := inspectImage(content, cardImages)
	if problem == "" && deckMediaTypes[http.DetectContentType(content)] != info.Format {
		problem = "The image's content does not match its type: it may be damaged or crafted. Save it again as PNG or JPEG."
	}
	if problem != "" {
		return DeckMedia{Name: name}, map[string]string{"file": problem}
	}
	sum := sha256.Sum256(content)
	return DeckMedia{Name: name, ContentType: http.DetectContentType(content), SizeBytes: int64(len(content)),
		Width: info.Width, Height: info.Height, SHA256: hex.EncodeToString(sum[:]), Content: content}, nil
}

func deckMediaContentProblem(content []byte) string {
	switch {
	case len(content) == 0:
		return "Choose an image to upload: the file sent was empty."
	case len(content) > MaxDeckMediaBytes:
		return fmt.Sprintf("The image is %.1f MB; card images can be at most %d MB. Scale it down or save it as JPEG.",
			float64(len(content))/(1<<20), MaxDeckMediaBytes>>20)
	case deckMediaTypes[http.DetectContentType(content)] == "":
		return "Upload a PNG, JPEG, GIF or WebP image: this file's content is none of those, whatever its name says. " +
			"SVG and HTML files are refused because they can carry scripts."
	}
	return ""
}
