package models

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"time"
	"unicode/utf8"

	"gorm.io/gorm"
)

// The kinds of study card.
const (
	KindFlashcard = "card" // front and back
	KindItem      = "item" // a multiple-choice item: stem, four options, one answer
)

// Study card limits.
const (
	cardTextMax   = 4000
	cardOptionMax = 1000
	cardShortMax  = 500
)

// StudyCard is a flashcard or a multiple-choice item of a deck. For an item, Front is
// the stem and CorrectOption is 1–4 (A–D).
type StudyCard struct {
	ID             int64     `gorm:"column:id;primaryKey"`
	DeckID         int64     `gorm:"column:deck_id"`
	Kind           string    `gorm:"column:kind"`
	DomainPosition int       `gorm:"column:domain_position"`
	Front          string    `gorm:"column:front"`
	Back           string    `gorm:"column:back"`
	OptionA        string    `gorm:"column:option_a"`
	OptionB        string    `gorm:"column:option_b"`
	OptionC        string    `gorm:"column:option_c"`
	OptionD        string    `gorm:"column:option_d"`
	CorrectOption  int       `gorm:"column:correct_option"`
	Explanation    string    `gorm:"column:explanation"`
	Tags           string    `gorm:"column:tags"`
	Source         string    `gorm:"column:source"`
	GUID           *string   `gorm:"column:guid"`
	CreatedAt      time.Time `gorm:"column:created_at"`
	UpdatedAt      time.Time `gorm:"column:updated_at"`
}

// TableName maps StudyCard to study_cards.
func (StudyCard) TableName() string { return "study_cards" }

// Options returns an item's four options in order.
func (c StudyCard) Options() []string { return []string{c.OptionA, c.OptionB, c.OptionC, c.OptionD} }

// CorrectLetter is an item's answer as A–D.
func (c StudyCard) CorrectLetter() string { return OptionLetter(c.CorrectOption) }

// OptionLetter turns 1–4 into A–D ("" otherwise).
func OptionLetter(n int) string {
	if n < 1 || n > 4 {
		return ""
	}
	return string(rune('A' + n - 1))
}

// CardInput is a card or item as typed on the page, sent to the API or read from a
// CSV row or an Anki note.
type CardInput struct {
	Kind        string    `json:"kind" form:"kind"`
	Domain      int       `json:"domain_position" form:"domain_position" api:"required"`
	Front       string    `json:"front" form:"front"`
	Back        string    `json:"back" form:"back"`
	Options     [4]string `json:"-" form:"-"`
	Correct     string    `json:"correct" form:"correct"`
	Explanation string    `json:"explanation" form:"explanation"`
	Tags        string    `json:"tags" form:"tags"`
	Source      string    `json:"source" form:"source"`
	GUID        string    `json:"-" form:"-"`
}

// ValidateCardInput is the one check of a card or item against the outline of its
// deck's exam. It returns the card to save and a message per field (front, back,
// option_a…option_d, correct, domain_position, explanation, tags, source), or nil.
func ValidateCardInput(in CardInput, outline []ExamDomain, code string) (StudyCard, map[string]string) {
	c := StudyCard{Kind: strings.TrimSpace(in.Kind), DomainPosition: in.Domain, Front: strings.TrimSpace(in.Front),
		Back: strings.TrimSpace(in.Back), Explanation: strings.TrimSpace(in.Explanation),
		Tags: strings.Join(strings.Fields(in.Tags), " "), Source: strings.TrimSpace(in.Source)}
	if c.Kind == "" {
		c.Kind = KindFlashcard
	}
	if g := strings.TrimSpace(in.GUID); g != "" {
		c.GUID = &g
	}
	fields := map[string]string{}
	if c.Kind != KindFlashcard && c.Kind != KindItem {
		fields["kind"] = "Choose a flashcard or a multiple-choice item."
	}
	if !OutlineHasDomain(outline, c.DomainPosition) {
		fields["domain_position"] = fmt.Sprintf("Choose one of the %s exam domains.", code)
	}
	checkText(fields, "front", c.Front, cardTextMax, true, "Write the front (or the question).")
	checkText(fields, "explanation", c.Explanation, cardTextMax, false, "")
	checkText(fields, "tags", c.Tags, cardShortMax, false, "")
	checkText(fields, "source", c.Source, cardShortMax, false, "")
	if c.Kind == KindItem {
		validateItem(&c, in, fields)
	} else {
		checkText(fields, "back", c.Back, cardTextMax, true, "Write the back (the answer).")
	}
	if len(fields) == 0 {
		return c, nil
	}
	return c, fields
}

func validateItem(c *StudyCard, in CardInput, fields map[string]string) {
	seen := map[string]bool{}
	for i, o := range in.Options {
		o = strings.TrimSpace(o)
		name := "option_" + strings.ToLower(OptionLetter(i+1))
		checkText(fields, name, o, cardOptionMax, true, "Write all four options.")
		if o != "" && seen[strings.ToLower(o)] {
			fields[name] = "Make each option different."
		}
		seen[strings.ToLower(o)] = true
	}
	c.OptionA, c.OptionB, c.OptionC, c.OptionD = strings.TrimSpace(in.Options[0]), strings.TrimSpace(in.Options[1]),
		strings.TrimSpace(in.Options[2]), strings.TrimSpace(in.Options[3])
	switch l := strings.ToUpper(strings.TrimSpace(in.Correct)); l {
	case "A", "B", "C", "D":
		c.CorrectOption = int(l[0]-'A') + 1
	default:
		fields["correct"] = "Choose the correct option: A, B, C or D."
	}
	c.Back = ""
}

func checkText(fields map[string]string, name, value string, max int, required bool, missing string) {
	switch {
	case BadText(value):
		fields[name] = BadTextMessage(name)
	case required && value == "":
		fields[name] = missing
	case utf8.RuneCountInString(value) > max:
		fields[name] = fmt.Sprintf("Keep this under %d characters.", max)
	}
}

// CreateCards adds validated cards to a deck in one transaction. A card whose guid the
// deck already holds is skipped (re-import); the cards added are returned with their ids.
func CreateCards(ctx context.Context, db *gorm.DB, deckID int64, cards []StudyCard, now time.Time) ([]StudyCard, error) {
	var batch []StudyCard
	err := db.WithContext(ctx).Transaction(func(tx *gorm.DB) error {
		var err error
		batch, err = createCardsTx(tx, deckID, cards, now)
		return err
	})
	return batch, err
}

// createCardsTx is CreateCards inside the caller's transaction.
func createCardsTx(tx *gorm.DB, deckID int64, cards []StudyCard, now time.Time) ([]StudyCard, error) {
	known, err := deckGUIDs(tx, deckID)
	if err != nil {
		return nil, fmt.Errorf("add cards to deck %d: %w", deckID, err)
	}
	batch := make([]StudyCard, 0, len(cards))
	for _, c := range cards {
		if c.GUID != nil && known[*c.GUID] {
			continue
		}
		if c.GUID != nil {
			known[*c.GUID] = true
		}
		c.ID, c.DeckID, c.CreatedAt, c.UpdatedAt = 0, deckID, now, now
		batch = append(batch, c)
	}
	if len(batch) == 0 {
		return batch, nil
	}
	if err := tx.CreateInBatches(&batch, insertBatch).Error; err != nil {
		return nil, fmt.Errorf("add cards to deck %d: %w", deckID, err)
	}
	return batch, nil
}

func deckGUIDs(tx *gorm.DB, deckID int64) (map[string]bool, error) {
	var guids []string
	if err := tx.Model(&StudyCard{}).Where("deck_id = ? AND guid IS NOT NULL", deckID).Pluck("guid", &guids).Error; err != nil {
		return nil, err
	}
	known := make(map[string]bool, len(guids))
	for _, g := range guids {
		known[g] = true
	}
	return known, nil
}

// DeckCards returns a deck's cards in the order they were added.
func DeckCards(ctx context.Context, db *gorm.DB, deckID int64) ([]StudyCard, error) {
	var cards []StudyCard
	if err := db.WithContext(ctx).Where("deck_id = ?", deckID).Order("id").Find(&cards).Error; err != nil {
		return nil, fmt.Errorf("load cards of deck %d: %w", deckID, err)
	}
	return cards, nil
}

// CardsPerPage is how many cards a page of a deck shows (and the API's page size):
// a 5,000-card deck on one page was 3 MB of HTML.
const CardsPerPage = 50

// CardPage is one page of a deck's cards, in the order they were added.
type CardPage struct {
	Cards   []StudyCard
	Total   int64
	Page    int
	PerPage int
}

// Pages is how many pages the deck's cards fill (at least one).
func (p CardPage) Pages() int { return max(1, int((p.Total+int64(p.PerPage)-1)/int64(p.PerPage))) }

// FirstNumber is the position in the deck (from 1) of the page's first card.
func (p CardPage) FirstNumber() int { return (p.Page-1)*p.PerPage + 1 }

// DeckCardsPage returns page (from 1; below 1 means 1, past the end is empty) of a
// deck's cards.
func DeckCardsPage(ctx context.Context, db *gorm.DB, deckID int64, page int) (CardPage, error) {
	out := CardPage{Page: max(page, 1), PerPage: CardsPerPage, Cards: []StudyCard{}}
	q := db.WithContext(ctx).Model(&StudyCard{}).Where("deck_id = ?", deckID)
	if err := q.Count(&out.Total).Error; err != nil {
		return out, fmt.Errorf("count cards of deck %d: %w", deckID, err)
	}
	offset := int64(out.Page-1) * int64(out.PerPage)
	if offset >= out.Total {
		return out, nil
	}
	err := db.WithContext(ctx).Where("deck_id = ?", deckID).Order("id").Offset(int(offset)).Limit(out.PerPage).Find(&out.Cards).Error
	if err != nil {
		return out, fmt.Errorf("load cards of deck %d: %w", deckID, err)
	}
	return out, nil
}

// WithoutItemAnswers returns cards as a shared deck's members see them when they
// browse or export it: a multiple-choice item's answer and explanation stay with the
// deck's editors, so that members meet them in a quiz first (a member who looked them
// up would also skew the items' statistics). The quiz results show both.
func WithoutItemAnswers(cards []StudyCard) []StudyCard {
	out := make([]StudyCard, len(cards))
	for i, c := range cards {
		if c.Kind == KindItem {
			c.CorrectOption, c.Explanation = 0, ""
		}
		out[i] = c
	}
	return out
}

// CardPageNumber is the page of its deck's cards (DeckCardsPage) that shows c.
func CardPageNumber(ctx context.Context, db *gorm.DB, c StudyCard) (int, error) {
	var before int64
	err := db.WithContext(ctx).Model(&StudyCard{}).Where("deck_id = ? AND id < ?", c.DeckID, c.ID).Count(&before).Error
	if err != nil {
		return 1, fmt.Errorf("find the page of card %d: %w", c.ID, err)
	}
	return int(before)/CardsPerPage + 1, nil
}

// DeleteCard removes a card from a deck userID may edit, with everyone's review
// history of it; an item other learners answered in submitted quizzes is
// ErrAnsweredByOthers.
func DeleteCard(ctx context.Context, db *gorm.DB, userID, cardID int64) error {
	var c StudyCard
	if err := db.WithContext(ctx).Where("id = ?", cardID).Take(&c).Error; err != nil {
		return notFound(err, fmt.Sprintf("load card %d", cardID))
	}
	if _, err := DeckForEditor(ctx, db, userID, c.DeckID); err != nil {
		return err
	}
	err := db.WithContext(ctx).Transaction(func(tx *gorm.DB) error {
		if err := refuseAnsweredByOthers(tx, userID, "c.id = ?", c.ID); err != nil {
			return err
		}
		return tx.Delete(&StudyCard{}, c.ID).Error
	})
	if err != nil && !errors.Is(err, ErrAnsweredByOthers) {
		return fmt.Errorf("delete card %d: %w", c.ID, err)
	}
	return err
}

// CardDeckID returns the deck a card belongs to (ErrNotFound for an unknown card).
func CardDeckID(ctx context.Context, db *gorm.DB, cardID int64) (int64, error) {
	var c StudyCard
	err := db.WithContext(ctx).Select("id, deck_id").Where("id = ?", cardID).Take(&c).Error
	return c.DeckID, notFound(err, fmt.Sprintf("load card %d", cardID))
}

// CardForEditor loads a card of a deck userID may edit; any other card is ErrNotFound.
func CardForEditor(ctx context.Context, db *gorm.DB, userID, cardID int64) (StudyCard, StudyDeck, error) {
	var c StudyCard
	if err := db.WithContext(ctx).Where("id = ?", cardID).Take(&c).Error; err != nil {
		return c, StudyDeck{}, notFound(err, fmt.Sprintf("load card %d", cardID))
	}
	d, err := DeckForEditor(ctx, db, userID, c.DeckID)
	return c, d, err
}

// UpdateCard stores edited, a card ValidateCardEdit accepted: its text, options,
// answer, domain, tags and source. Its id, kind and Anki guid stay, so learners' memory
// of it and past quiz answers stay with it (answers already scored keep their score).
func UpdateCard(ctx context.Context, db *gorm.DB, edited StudyCard, now time.Time) (StudyCard, error) {
	edited.UpdatedAt = now
	err := db.WithContext(ctx).Model(&edited).Select("domain_position", "front", "back", "option_a", "option_b", "option_c",
		"option_d", "correct_option", "explanation", "tags", "source", "updated_at").Updates(&edited).Error
	if err != nil {
		return edited, fmt.Errorf("update card %d: %w", edited.ID, err)
	}
	return edited, nil
}

// ValidateCardEdit checks an edit of existing: ValidateCardInput's checks, with the
// kind taken from the card when in leaves it empty; a different kind is refused
// beside "kind" (a flashcard does not turn into an item). The card returned keeps
// existing's id, deck, kind, guid and creation time.
func ValidateCardEdit(existing StudyCard, in CardInput, outline []ExamDomain, code string) (StudyCard, map[string]string) {
	kind := strings.TrimSpace(in.Kind)
	if kind == "" {
		in.Kind = existing.Kind
	}
	c, fields := ValidateCardInput(in, outline, code)
	c.ID, c.DeckID, c.Kind, c.GUID, c.CreatedAt = existing.ID, existing.DeckID, existing.Kind, existing.GUID, existing.CreatedAt
	if kind != "" && kind != existing.Kind {
		if fields == nil {
			fields = map[string]string{}
		}
		fields["kind"] = "A card keeps its kind: delete it and add a new one to change it."
	}
	return c, fields
}
