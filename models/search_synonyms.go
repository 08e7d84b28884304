package models

import (
	"slices"
	"strings"
)

// searchSynonymGroups are words people use for the same thing when they search the
// career reference: "salary" should find the wage figures, "school" the programs.
var searchSynonymGroups = [][]string{
	{"salary", "salaries", "wage", "pay", "earning", "income"},
	{"job", "employment", "employ", "occupation", "position"},
	{"school", "education", "program", "college", "degree", "training"},
	{"growth", "outlook", "projected", "projection"},
	{"certification", "credential", "certified", "exam"},
}

// SearchSynonyms returns the words a search word stands for: its synonym group when it
// belongs to one (matching its singular too), else the word alone. Matching is by
// substring, so "wage" also finds "wages".
func SearchSynonyms(word string) []string {
	lower := strings.ToLower(word)
	for _, form := range []string{lower, strings.TrimSuffix(lower, "s"), strings.TrimSuffix(lower, "es")} {
		for _, group := range searchSynonymGroups {
			for _, member := range group {
				if form == member {
					return group
				}
			}
		}
	}
	return []string{word}
}

// SearchSynonymGroups returns the groups of words a search treats as one, for pages
// that list them.
func SearchSynonymGroups() [][]string {
	groups := make([][]string, len(searchSynonymGroups))
	for i, group := range searchSynonymGroups {
		groups[i] = slices.Clone(group)
	}
	return groups
}

// ExpandSearchQuery returns the query's words with the synonyms each stands for,
// space-separated, for marking matches: "salary" finds "wage", so "wage" is marked.
func ExpandSearchQuery(query string) string {
	var terms []string
	for _, word := range SearchWords(query) {
		terms = append(terms, word)
		terms = append(terms, SearchSynonyms(word)...)
	}
	return strings.Join(terms, " ")
}
