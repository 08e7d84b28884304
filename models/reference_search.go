package models

import (
	"context"
	"fmt"
	"regexp"
	"slices"
	"strings"

	"gorm.io/gorm"
	"gorm.io/gorm/clause"
)

// Limits of a reference search: longer queries are cut, and each kind of result is
// capped, so a one-letter query cannot return the whole reference.
const (
	maxSearchQueryRunes = 100
	maxSearchWords      = 6
	maxSearchResults    = 50
)

// ReferenceSearchResult is what a reference search found: pages whose title, summary
// or body hold every word of the query, and facts whose label, value, period, source
// or geography do.
type ReferenceSearchResult struct {
	Query string
	Pages []ReferencePage
	Facts []ReferenceFact
}

// SearchWords splits a query into the words a search looks for: at most six, each
// matched anywhere in a field, ignoring case.
func SearchWords(query string) []string {
	query = strings.TrimSpace(query)
	if runes := []rune(query); len(runes) > maxSearchQueryRunes {
		query = string(runes[:maxSearchQueryRunes])
	}
	words := strings.Fields(query)
	if len(words) > maxSearchWords {
		words = words[:maxSearchWords]
	}
	return words
}

// SearchReference finds pages and facts holding every word of query or one of its
// synonyms (SearchSynonyms), case-insensitive, facts newest period first
// (LIKE on lower-cased text, which both databases index-free scan quickly at the size
// of the reference). An empty query finds nothing.
func SearchReference(ctx context.Context, db *gorm.DB, query string) (ReferenceSearchResult, error) {
	result := ReferenceSearchResult{Query: strings.TrimSpace(query)}
	words := SearchWords(query)
	if len(words) == 0 {
		return result, nil
	}
	pageQuery := db.WithContext(ctx).Order("position, slug").Limit(maxSearchResults)
	factQuery := db.WithContext(ctx).Order("position, id").Limit(maxSearchResults)
	for _, word := range words {
		pageQuery = pageQuery.Where(anyColumnLike([]string{"title", "summary", "body"}, SearchSynonyms(word)))
		factQuery = factQuery.Where(anyColumnLike([]string{"label", "value", "period", "source", "geography", "topic"}, SearchSynonyms(word)))
	}
	if err := pageQuery.Find(&result.Pages).Error; err != nil {
		return ReferenceSearchResult{}, fmt.Errorf("search reference pages for %q: %w", query, err)
	}
	if err := factQuery.Find(&result.Facts).Error; err != nil {
		return ReferenceSearchResult{}, fmt.Errorf("search reference facts for %q: %w", query, err)
	}
	SortNewestFirst(result.Facts)
	return result, nil
}

// likePattern matches word anywhere, with LIKE's wildcards in it taken literally.
func likePattern(word string) string {
	escaper := strings.NewReplacer(`\`, `\\`, `%`, `\%`, `_`, `\_`)
	return "%" + escaper.Replace(strings.ToLower(word)) + "%"
}

// ReferencePageForTopic returns the slug of the page that presents facts of topic: the
// page whose chart draws it, else the page that discusses it, else "".
func ReferencePageForTopic(pages []ReferencePage, topic string) string {
	for _, page := range pages {
		if slices.Contains(TopicsInBody(page.Body), topic) {
			return page.Slug
		}
	}
	var slug string
	switch topic {
	case "employment", "employment-growth", "job-openings":
		slug = "outlook"
	case "wages", "wage-medians", TopicWagePercentilesCA, TopicWagePercentilesUS:
		slug = "wages"
	case "work-settings-share", "work-settings-wage":
		slug = "work-settings"
	case "education", "tuition", "program-examples", "top-schools", "workforce":
		slug = "education"
	case "certifications", "related-occupations":
		slug = topic
	}
	for _, page := range pages {
		if page.Slug == slug {
			return slug
		}
	}
	return ""
}

var (
	markdownLink   = regexp.MustCompile(`!?\[([^\]]*)\]\([^)]*\)`)
	markdownMarkup = strings.NewReplacer("**", "", "__", "", "`", "", "#", "", "> ", "", "|", " ")
)

// ReferencePlainText turns a page body into text for search snippets: chart lines
// dropped, links reduced to their words, emphasis and heading marks removed.
func ReferencePlainText(body string) string {
	var lines []string
	for _, line := range strings.Split(body, "\n") {
		if placeholderPattern.MatchString(strings.TrimSpace(line)) {
			continue
		}
		lines = append(lines, line)
	}
	text := markdownLink.ReplaceAllString(strings.Join(lines, "\n"), "$1")
	return markdownMarkup.Replace(text)
}

// anyColumnLike is a condition true when any of columns holds any of words
// (lower-cased, wildcards taken literally).
func anyColumnLike(columns, words []string) clause.Expr {
	var clauses []string
	var args []any
	for _, column := range columns {
		for _, word := range words {
			clauses = append(clauses, "LOWER("+column+`) LIKE ? ESCAPE '\'`)
			args = append(args, likePattern(word))
		}
	}
	return gorm.Expr("("+strings.Join(clauses, " OR ")+")", args...)
}
