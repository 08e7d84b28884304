package handlers

import (
	"html/template"

	"github.com/gofiber/fiber/v2"
	"github.com/gofiber/fiber/v2/utils"

	"hitpath/models"
	"hitpath/views"
)

// snippetWidth is how many characters of a page body a search result shows.
const snippetWidth = 220

// pageHit is a page found by a search, with the query's words marked.
type pageHit struct {
	Slug    string        `json:"slug"`
	Title   template.HTML `json:"title_html"`
	Snippet template.HTML `json:"snippet_html"`
}

// factHit is a fact found by a search, with the query's words marked and the page
// that presents it.
type factHit struct {
	ID       int64         `json:"id"`
	Label    template.HTML `json:"label_html"`
	Value    template.HTML `json:"value_html"`
	Place    template.HTML `json:"geography_html"`
	Period   template.HTML `json:"period_html"`
	Source   template.HTML `json:"source_html"`
	PageSlug string        `json:"page_slug,omitempty"`
	// SOCCode is the occupation code the figure was counted under.
	SOCCode string `json:"soc_code"`
}

// searchedFor lists, for each word of a query, the words a search matched for it.
func searchedFor(query string) [][]string {
	words := models.SearchWords(query)
	out := make([][]string, len(words))
	for i, word := range words {
		out[i] = models.SearchSynonyms(word)
	}
	return out
}

// searchCareers shows what a search of the career reference found.
func (h *Handlers) searchCareers(c *fiber.Ctx) error {
	query := utils.CopyString(c.Query("q"))
	pages, facts, err := h.searchReference(c, query)
	if err != nil {
		return err
	}
	return h.render(c, fiber.StatusOK, "pages/careers_search", fiber.Map{
		"Title": "Search the career reference", "Query": query, "Searched": len(models.SearchWords(query)) > 0,
		"PageHits": pages, "FactHits": facts, "SearchedFor": searchedFor(query), "SynonymGroups": models.SearchSynonymGroups(),
	})
}

// searchReference runs a search and marks the query's words in what it found.
func (h *Handlers) searchReference(c *fiber.Ctx, query string) ([]pageHit, []factHit, error) {
	ctx := c.UserContext()
	result, err := models.SearchReference(ctx, h.DB, query)
	if err != nil {
		return nil, nil, err
	}
	all, err := models.ListReferencePages(ctx, h.DB)
	if err != nil {
		return nil, nil, err
	}
	// Mark what matched, synonyms included: "salary" finds and marks "wage".
	marks := models.ExpandSearchQuery(query)
	pages := make([]pageHit, len(result.Pages))
	for i, p := range result.Pages {
		text := p.Summary + " " + models.ReferencePlainText(p.Body)
		pages[i] = pageHit{Slug: p.Slug, Title: views.Highlight(p.Title, marks),
			Snippet: views.Highlight(views.Snippet(text, marks, snippetWidth), marks)}
	}
	facts := make([]factHit, len(result.Facts))
	for i, f := range result.Facts {
		facts[i] = factHit{ID: f.ID, Label: views.Highlight(f.Label, marks), Value: views.Highlight(f.Value, marks),
			Place: views.Highlight(f.Geography, marks), Period: views.Highlight(f.Period, marks), Source: views.Highlight(f.Source, marks),
			PageSlug: models.ReferencePageForTopic(all, f.Topic), SOCCode: f.SOCCode}
	}
	return pages, facts, nil
}
