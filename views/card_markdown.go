package views

import (
	"bytes"
	"fmt"
	"html/template"
	"net/url"
	"regexp"
	"strconv"
	"strings"
	"sync"

	"github.com/microcosm-cc/bluemonday"
	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"

	"hitpath/models"
)

// DeckMediaPath is where a deck's image called name is served (name escaped for a
// path segment by the caller).
func DeckMediaPath(deckID int64) string {
	return "/study/decks/" + strconv.FormatInt(deckID, 10) + "/media/"
}

// deckMediaSrc is the only image address a card's HTML may hold.
var deckMediaSrc = regexp.MustCompile(`^/study/decks/[0-9]+/media/[A-Za-z0-9._~%-]+$`)

var cardPipeline = sync.OnceValue(newCardPipeline)

// deckKey carries the deck's media path to the image rewriter while one card converts.
var deckKey = parser.NewContextKey()

func newCardPipeline() pipeline {
	converter := goldmark.New(
		goldmark.WithExtensions(
			extension.NewTable(extension.WithTableCellAlignMethod(extension.TableCellAlignAttribute)),
			extension.Strikethrough,
			extension.Linkify,
		),
		goldmark.WithParserOptions(parser.WithASTTransformers(util.Prioritized(deckImages{}, 100))),
	)
	return pipeline{converter: converter, policy: cardPolicy()}
}

// cardPolicy is the sanitizer for card text: the user-content policy's text, lists,
// tables and links, but images only from a deck's own media route, never another site
// (which would see who studies what) nor inline data.
func cardPolicy() *bluemonday.Policy {
	p := bluemonday.NewPolicy()
	p.AllowStandardURLs()
	p.AllowElements("p", "br", "hr", "div", "span", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "pre", "code",
		"em", "strong", "del", "s", "b", "i", "sub", "sup", "mark")
	p.AllowLists()
	p.AllowTables()
	p.AllowAttrs("align").Matching(regexp.MustCompile(`^(left|right|center)$`)).OnElements("td", "th")
	p.AllowAttrs("href").OnElements("a")
	p.RequireNoFollowOnFullyQualifiedLinks(true)
	p.AllowAttrs("alt").Matching(bluemonday.Paragraph).OnElements("img")
	p.AllowAttrs("src").Matching(deckMediaSrc).OnElements("img")
	return p
}

// RenderCardMarkdown renders a card's Markdown like RenderMarkdown, for a card of
// deck deckID: an image named by a bare file name (![alt](chart.png)) is the deck's
// own image, served from its media route; any other image (a web address, a path,
// inline data) is replaced by its alt text. The sanitizer then allows no image from
// anywhere else.
func RenderCardMarkdown(src string, deckID int64) (template.HTML, error) {
	p := cardPipeline()
	ctx := parser.NewContext()
	ctx.Set(deckKey, DeckMediaPath(deckID))
	var out bytes.Buffer
	if err := p.converter.Convert([]byte(src), &out, parser.WithContext(ctx)); err != nil {
		return "", fmt.Errorf("render card markdown: %w", err)
	}
	return template.HTML(scrollableTables(p.policy.SanitizeBytes(out.Bytes()))), nil
}

// deckImages points bare-name images at the deck's media route and turns every other
// image into its alt text.
type deckImages struct{}

func (deckImages) Transform(doc *ast.Document, reader text.Reader, pc parser.Context) {
	prefix, _ := pc.Get(deckKey).(string)
	var foreign []*ast.Image
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		img, ok := n.(*ast.Image)
		if !ok || !entering {
			return ast.WalkContinue, nil
		}
		if name, ok := mediaName(string(img.Destination)); ok && prefix != "" {
			img.Destination = []byte(prefix + models.MediaPathEscape(name))
			img.Title = nil
		} else {
			foreign = append(foreign, img)
		}
		return ast.WalkContinue, nil
	})
	for _, img := range foreign {
		alt := string(img.Text(reader.Source())) //nolint:staticcheck // the alt text is all we keep
		img.Parent().ReplaceChild(img.Parent(), img, ast.NewString([]byte("[image: "+alt+"]")))
	}
}

// mediaName reads a bare file name from an image destination ("chart.png",
// "my%20chart.png"); a scheme, a path or a query is not one.
func mediaName(dest string) (string, bool) {
	if dest == "" || strings.ContainsAny(dest, "/\\:?#") || strings.HasPrefix(dest, ".") {
		return "", false
	}
	name, err := url.PathUnescape(dest)
	if err != nil || name == "" || strings.ContainsAny(name, "/\\") || strings.HasPrefix(name, ".") {
		return "", false
	}
	return name, true
}
