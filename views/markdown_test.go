package views

import (
	"html/template"
	"strings"
	"testing"
)

func TestRenderMarkdown(t *testing.T) {
	tests := []struct {
		name    string
		src     string
		want    []string
		notWant []string
	}{
		{
			name:    "script tags are stripped",
			src:     "Hello <script>alert('x')</script> world\n\n<script>\nalert(1)\n</script>\n",
			want:    []string{"Hello", "world"},
			notWant: []string{"<script", "</script"},
		},
		{
			name:    "event handlers and javascript links are stripped",
			src:     "<img src=x onerror=alert(1)>\n\n[click](javascript:alert(1)) and <a href=\"/x\" onclick=\"evil()\">raw</a>",
			notWant: []string{"onerror", "javascript:", "onclick", "evil()"},
		},
		{
			name: "internal links are kept and followed",
			src:  "[Start this pathway](/pathway?target=RHIT)",
			want: []string{`<a href="/pathway?target=RHIT">Start this pathway</a>`},
		},
		{
			name: "external links are kept with nofollow",
			src:  "See [BLS](https://www.bls.gov/ooh/).",
			want: []string{`href="https://www.bls.gov/ooh/"`, `rel="nofollow"`},
		},
		{
			name: "headings get ids",
			src:  "## Work settings\n\ntext\n\n## Work settings\n",
			want: []string{`<h2 id="work-settings">Work settings</h2>`, `<h2 id="work-settings-1">`},
		},
		{
			name:    "tables render without inline style",
			src:     "| setting | share |\n| :--- | ---: |\n| Hospitals | 38% |\n",
			want:    []string{`<div class="table-scroll" tabindex="0" role="region"`, "<table>", "</table></div>", "<th", "Hospitals", "38%", `align="right"`},
			notWant: []string{"style="},
		},
		{
			name: "text is escaped",
			src:  "wages < $40,000 & more",
			want: []string{"wages &lt; $40,000 &amp; more"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := RenderMarkdown(tt.src)
			if err != nil {
				t.Fatalf("RenderMarkdown: %v", err)
			}
			for _, want := range tt.want {
				if !strings.Contains(string(got), want) {
					t.Errorf("got %s, want it to contain %s", got, want)
				}
			}
			for _, bad := range tt.notWant {
				if strings.Contains(string(got), bad) {
					t.Errorf("got %s, want no %s", got, bad)
				}
			}
		})
	}
}

func TestRenderMarkdownWithCharts(t *testing.T) {
	src := "Intro.\n\n{{chart work-settings}}\n\n{{chart missing}}\n\n```\n{{chart work-settings}}\n```\n"
	charts := map[string]template.HTML{"work-settings": `<svg role="img"><title>Settings</title></svg>`}
	got, err := RenderMarkdownWithCharts(src, charts)
	if err != nil {
		t.Fatalf("RenderMarkdownWithCharts: %v", err)
	}
	page := string(got)
	if strings.Count(page, "<svg") != 1 {
		t.Errorf("got %s, want the chart once (not inside the code block)", page)
	}
	if !strings.Contains(page, "<p>{{chart missing}}</p>") {
		t.Errorf("got %s, want the unknown placeholder left visible", page)
	}
	if !strings.Contains(page, "<code>{{chart work-settings}}") {
		t.Errorf("got %s, want the code block untouched", page)
	}
}

func TestHighlight(t *testing.T) {
	tests := []struct {
		name, text, query string
		want              template.HTML
	}{
		{"marks case-insensitively", "RHIT and rhit", "Rhit", "<mark>RHIT</mark> and <mark>rhit</mark>"},
		{"escapes markup around matches", "<b>coder</b> & Coder", "coder", "&lt;b&gt;<mark>coder</mark>&lt;/b&gt; &amp; <mark>Coder</mark>"},
		{"escapes inside the match", "a<b", "a<b", "<mark>a&lt;b</mark>"},
		{"each word of the query", "ODS exam window", "exam ods", "<mark>ODS</mark> <mark>exam</mark> window"},
		{"longest word wins", "coding coder", "cod coding", "<mark>coding</mark> <mark>cod</mark>er"},
		{"unicode folds", "Ärztin ÄRZTIN straße", "ärztin", "<mark>Ärztin</mark> <mark>ÄRZTIN</mark> straße"},
		{"multibyte around match", "日本語のRHIT試験", "rhit", "日本語の<mark>RHIT</mark>試験"},
		{"empty query escapes only", "<i>x</i>", "  ", "&lt;i&gt;x&lt;/i&gt;"},
		{"no match", "cancer registrar", "coder", "cancer registrar"},
		{"query longer than text", "ab", "abc", "ab"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := Highlight(tt.text, tt.query); got != tt.want {
				t.Errorf("got %q, want %q", got, tt.want)
			}
		})
	}
}

func TestSnippet(t *testing.T) {
	long := "Health information technicians keep records accurate. " +
		"Cancer registrars follow patients over years and report to registries. " +
		"Coders assign diagnosis and procedure codes for billing and statistics."
	tests := []struct {
		name, text, query string
		width             int
		want              string
	}{
		{"short text whole", "Coders assign codes.", "codes", 80, "Coders assign codes."},
		{"window around the match", long, "registries", 40, "…to registries. Coders assign…"},
		{"no match starts at the beginning", long, "xyz", 30, "Health information technicians…"},
		{"whitespace collapsed", "a\n\n  b\tc", "b", 0, "a b c"},
		{"unicode never cut mid-rune", strings.Repeat("é", 50) + " RHIT " + strings.Repeat("ü", 50), "rhit", 20, "…RHIT üüüüüüüüüü…"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := Snippet(tt.text, tt.query, tt.width); got != tt.want {
				t.Errorf("got %q, want %q", got, tt.want)
			}
		})
	}
}
