// Package views holds hitpath's templates and the helpers they need: safe Markdown
// for reference pages and highlighted search results.
package views

import (
	"bytes"
	"fmt"
	"html/template"
	"regexp"
	"sync"

	"github.com/microcosm-cc/bluemonday"
	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/extension"
	"github.com/yuin/goldmark/parser"
)

// markdownPipeline is built once, on first use: the converter and the policy are
// immutable after construction and safe for concurrent use, and building the policy
// on every call would cost more than rendering a page.
var markdownPipeline = sync.OnceValue(newMarkdownPipeline)

type pipeline struct {
	converter goldmark.Markdown
	policy    *bluemonday.Policy
}

func newMarkdownPipeline() pipeline {
	converter := goldmark.New(
		goldmark.WithExtensions(
			// GitHub Flavored Markdown, spelled out so the table extension can align
			// cells with the align attribute: a style attribute would be stripped by the
			// sanitizer, and refused by the Content-Security-Policy anyway.
			extension.NewTable(extension.WithTableCellAlignMethod(extension.TableCellAlignAttribute)),
			extension.Strikethrough,
			extension.Linkify,
			extension.TaskList,
		),
		goldmark.WithParserOptions(parser.WithAutoHeadingID()),
		// No html.WithUnsafe: raw HTML in the source is dropped by goldmark, and the
		// sanitizer below removes whatever else should not be there.
	)
	policy := bluemonday.UGCPolicy()
	// Our own links (/pathway?target=RHIT) are ours to follow; links out still get
	// rel="nofollow".
	policy.RequireNoFollowOnLinks(false)
	policy.RequireNoFollowOnFullyQualifiedLinks(true)
	return pipeline{converter: converter, policy: policy}
}

// RenderMarkdown turns Markdown (CommonMark with GitHub tables, strikethrough,
// autolinks and task lists) into sanitized HTML. Headings get ids for anchors
// ("## Work settings" → id="work-settings"). Raw HTML in the source is not trusted:
// goldmark omits it and the bluemonday UGC policy strips any script, style attribute
// or event handler that could remain.
func RenderMarkdown(src string) (template.HTML, error) {
	p := markdownPipeline()
	var out bytes.Buffer
	if err := p.converter.Convert([]byte(src), &out); err != nil {
		return "", fmt.Errorf("render markdown: %w", err)
	}
	return template.HTML(scrollableTables(p.policy.SanitizeBytes(out.Bytes()))), nil
}

// scrollableTables puts each table in a box that scrolls sideways on its own, so a
// wide table never widens a phone's page. The box is focusable so keyboard users can
// scroll it. Sanitized output has plain <table> tags and no nested tables.
func scrollableTables(html []byte) []byte {
	html = bytes.ReplaceAll(html, []byte("<table>"), []byte(`<div class="table-scroll" tabindex="0" role="region" aria-label="Table (scrolls sideways on a narrow screen)"><table>`))
	return bytes.ReplaceAll(html, []byte("</table>"), []byte("</table></div>"))
}

// chartParagraph matches a chart placeholder line, "{{chart work-settings}}", as
// RenderMarkdown outputs it: a paragraph of its own.
var chartParagraph = regexp.MustCompile(`<p>\{\{chart ([a-z0-9-]+)\}\}</p>`)

// RenderMarkdownWithCharts renders src like RenderMarkdown and then replaces each
// placeholder line "{{chart NAME}}" with charts[NAME]. The charts are inserted after
// sanitizing, because the sanitizer would strip SVG; they are trusted markup from the
// chart package, never user input. A placeholder without a chart is left as text so
// an editor sees the typo; one inside a code block is not a placeholder.
func RenderMarkdownWithCharts(src string, charts map[string]template.HTML) (template.HTML, error) {
	page, err := RenderMarkdown(src)
	if err != nil {
		return "", err
	}
	replaced := chartParagraph.ReplaceAllStringFunc(string(page), func(paragraph string) string {
		name := chartParagraph.FindStringSubmatch(paragraph)[1]
		if chart, ok := charts[name]; ok {
			return string(chart)
		}
		return paragraph
	})
	return template.HTML(replaced), nil
}
