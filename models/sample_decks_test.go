package models

import "testing"

// TestSampleDecksCiteSources: every sample deck passes the import checks, has cards
// and items, and every row names its source.
func TestSampleDecksCiteSources(t *testing.T) {
	outlines := DefaultExamOutlines()
	for _, code := range SampleDeckCodes {
		cards, err := SampleDeckCards(code, outlines[code])
		if err != nil {
			t.Fatal(err)
		}
		kinds := map[string]int{}
		for _, c := range cards {
			kinds[c.Kind]++
			if c.Source == "" {
				t.Errorf("%s: card %q has no source", code, c.Front)
			}
		}
		if kinds[KindFlashcard] < 10 || kinds[KindItem] < 5 {
			t.Errorf("%s: got %v, want at least 10 flashcards and 5 items", code, kinds)
		}
		t.Logf("%s: %d flashcards, %d items", code, kinds[KindFlashcard], kinds[KindItem])
	}
}
