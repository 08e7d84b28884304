package models

import "testing"

// TestSampleDecksCiteSources: every sample deck passes the import checks (so each row
// is tagged with a domain of its exam's outline), has about 30 flashcards and 15 items
// with every domain represented, and every row names its source.
func TestSampleDecksCiteSources(t *testing.T) {
	outlines := DefaultExamOutlines()
	for _, code := range SampleDeckCodes {
		cards, err := SampleDeckCards(code, outlines[code])
		if err != nil {
			t.Fatal(err)
		}
		kinds, domains := map[string]int{}, map[int]int{}
		for _, c := range cards {
			kinds[c.Kind]++
			domains[c.DomainPosition]++
			if c.Source == "" {
				t.Errorf("%s: card %q has no source", code, c.Front)
			}
		}
		if kinds[KindFlashcard] < 30 || kinds[KindItem] < 15 {
			t.Errorf("%s: got %v, want at least 30 flashcards and 15 items", code, kinds)
		}
		for _, d := range outlines[code] {
			if domains[d.Position] == 0 {
				t.Errorf("%s: domain %d (%s) has no cards", code, d.Position, d.Name)
			}
		}
		t.Logf("%s: %d flashcards, %d items", code, kinds[KindFlashcard], kinds[KindItem])
	}
}
