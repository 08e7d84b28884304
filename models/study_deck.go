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

// StudyDeck is a deck of flashcards and multiple-choice items for one exam. It is
// private to its owner unless shared with a cohort: then the cohort's current members
// study it and its instructors may edit it too.
type StudyDeck struct {
	ID             int64     `gorm:"column:id;primaryKey"`
	OwnerID        int64     `gorm:"column:owner_id"`
	CredentialCode string    `gorm:"column:credential_code"`
	Title          string    `gorm:"column:title"`
	Description    string    `gorm:"column:description"`
	CohortID       *int64    `gorm:"column:cohort_id"`
	CreatedAt      time.Time `gorm:"column:created_at"`
	UpdatedAt      time.Time `gorm:"column:updated_at"`
	CardCount      int       `gorm:"->;column:card_count"`
}

// TableName maps StudyDeck to study_decks.
func (StudyDeck) TableName() string { return "study_decks" }

// DeckInput is a deck as typed on the page, sent to the API or read from an import.
type DeckInput struct {
	CredentialCode string `json:"credential_code" form:"credential_code"`
	Title          string `json:"title" form:"title"`
	Description    string `json:"description" form:"description"`
}

// ValidateDeckInput is the one check of a deck's fields. It returns the deck to save
// (trimmed) and a message per field, or nil problems.
func ValidateDeckInput(in DeckInput) (StudyDeck, map[string]string) {
	d := StudyDeck{CredentialCode: strings.ToUpper(strings.TrimSpace(in.CredentialCode)),
		Title: strings.TrimSpace(in.Title), Description: strings.TrimSpace(in.Description)}
	fields := map[string]string{}
	if !ValidTarget(d.CredentialCode) {
		fields["credential_code"] = "Choose the exam this deck prepares for: CCA, RHIT or ODS."
	}
	if d.Title == "" || utf8.RuneCountInString(d.Title) > 200 {
		fields["title"] = "Give the deck a title of up to 200 characters."
	}
	if utf8.RuneCountInString(d.Description) > 2000 {
		fields["description"] = "Keep the description under 2000 characters."
	}
	if len(fields) == 0 {
		return d, nil
	}
	return d, fields
}

// deckVisibleTo limits decks to those a user may study: their own, and those shared
// with a cohort they are a current member of or teach. Arguments: user id ×4.
const deckVisibleTo = `(study_decks.owner_id = ? OR study_decks.cohort_id IN (
	SELECT cohort_id FROM cohort_members WHERE user_id = ? AND left_at IS NULL
	UNION SELECT cohort_id FROM cohort_instructors WHERE user_id = ?
	UNION SELECT id FROM cohorts WHERE owner_id = ?))`

// deckEditableBy limits decks to those a user may change: their own, and those shared
// with a cohort they teach. Arguments: user id ×3.
const deckEditableBy = `(study_decks.owner_id = ? OR study_decks.cohort_id IN (
	SELECT cohort_id FROM cohort_instructors WHERE user_id = ?
	UNION SELECT id FROM cohorts WHERE owner_id = ?))`

func visibleArgs(userID int64) []any { return []any{userID, userID, userID, userID} }

// CreateDeck stores a validated deck owned by ownerID.
func CreateDeck(ctx context.Context, db *gorm.DB, ownerID int64, d *StudyDeck, now time.Time) error {
	d.ID, d.OwnerID, d.CohortID, d.CreatedAt, d.UpdatedAt = 0, ownerID, nil, now, now
	if err := db.WithContext(ctx).Omit("card_count").Create(d).Error; err != nil {
		return fmt.Errorf("create deck for user %d: %w", ownerID, err)
	}
	return nil
}

// VisibleDecks lists the decks userID may study, with their card counts, by title.
func VisibleDecks(ctx context.Context, db *gorm.DB, userID int64) ([]StudyDeck, error) {
	var decks []StudyDeck
	err := db.WithContext(ctx).Table("study_decks").
		Select("study_decks.*, (SELECT COUNT(*) FROM study_cards c WHERE c.deck_id = study_decks.id) AS card_count").
		Where(deckVisibleTo, visibleArgs(userID)...).Order("study_decks.title, study_decks.id").Scan(&decks).Error
	if err != nil {
		return nil, fmt.Errorf("list decks of user %d: %w", userID, err)
	}
	return decks, nil
}

// DeckForViewer loads a deck userID may study; any other deck is ErrNotFound.
func DeckForViewer(ctx context.Context, db *gorm.DB, userID, deckID int64) (StudyDeck, error) {
	return deckWhere(ctx, db, deckID, userID, deckVisibleTo, visibleArgs(userID))
}

// DeckForEditor loads a deck userID may edit; any other deck is ErrNotFound, even one
// they may study, so that members cannot change a shared deck.
func DeckForEditor(ctx context.Context, db *gorm.DB, userID, deckID int64) (StudyDeck, error) {
	return deckWhere(ctx, db, deckID, userID, deckEditableBy, []any{userID, userID, userID})
}

func deckWhere(ctx context.Context, db *gorm.DB, deckID, userID int64, cond string, args []any) (StudyDeck, error) {
	var d StudyDeck
	err := db.WithContext(ctx).Table("study_decks").
		Select("study_decks.*, (SELECT COUNT(*) FROM study_cards c WHERE c.deck_id = study_decks.id) AS card_count").
		Where("study_decks.id = ?", deckID).Where(cond, args...).Take(&d).Error
	return d, notFound(err, fmt.Sprintf("load deck %d for user %d", deckID, userID))
}

// ErrAnsweredByOthers refuses deleting a deck or an item that other learners have
// answered in submitted quizzes: their quiz results would lose those answers.
var ErrAnsweredByOthers = errors.New("answered by other learners in submitted quizzes")

// DeleteDeck deletes the owner's deck with its cards and everyone's review history of
// them. Only the owner may: a cohort's other instructors edit a shared deck but
// neither share nor delete it, and others get ErrNotFound. A deck whose items other
// learners have answered in submitted quizzes is ErrAnsweredByOthers.
func DeleteDeck(ctx context.Context, db *gorm.DB, userID, deckID int64) error {
	d, err := ownedDeck(ctx, db, userID, deckID)
	if err != nil {
		return err
	}
	err = db.WithContext(ctx).Transaction(func(tx *gorm.DB) error {
		if err := refuseAnsweredByOthers(tx, userID, "c.deck_id = ?", d.ID); err != nil {
			return err
		}
		return tx.Delete(&StudyDeck{}, d.ID).Error
	})
	if err != nil && !errors.Is(err, ErrAnsweredByOthers) {
		return fmt.Errorf("delete deck %d: %w", d.ID, err)
	}
	return err
}

// ownedDeck loads a deck userID owns; any other deck is ErrNotFound.
func ownedDeck(ctx context.Context, db *gorm.DB, userID, deckID int64) (StudyDeck, error) {
	var d StudyDeck
	err := db.WithContext(ctx).Where("id = ? AND owner_id = ?", deckID, userID).Take(&d).Error
	return d, notFound(err, fmt.Sprintf("load deck %d of user %d", deckID, userID))
}

// refuseAnsweredByOthers is ErrAnsweredByOthers when a submitted quiz of someone other
// than userID holds a card that cond (on study_cards c) selects.
func refuseAnsweredByOthers(tx *gorm.DB, userID int64, cond string, arg int64) error {
	var answered int64
	err := tx.Table("study_quiz_items AS qi").Joins("JOIN study_cards c ON c.id = qi.card_id").
		Joins("JOIN study_quizzes q ON q.id = qi.quiz_id").
		Where(cond+" AND q.submitted_at IS NOT NULL AND q.user_id <> ?", arg, userID).Limit(1).Count(&answered).Error
	if err == nil && answered > 0 {
		return ErrAnsweredByOthers
	}
	return err
}

// ShareDeck shares the owner's deck with a cohort they teach, or makes it private again
// when cohortID is nil. A cohort they do not teach is ErrNotFound.
func ShareDeck(ctx context.Context, db *gorm.DB, userID, deckID int64, cohortID *int64, now time.Time) (StudyDeck, error) {
	d, err := ownedDeck(ctx, db, userID, deckID)
	if err != nil {
		return d, err
	}
	if cohortID != nil {
		if _, err := CohortForInstructor(ctx, db, *cohortID, userID, false); err != nil {
			return d, err
		}
	}
	d.CohortID, d.UpdatedAt = cohortID, now
	if err := db.WithContext(ctx).Model(&d).Select("cohort_id", "updated_at").Updates(&d).Error; err != nil {
		return d, fmt.Errorf("share deck %d: %w", deckID, err)
	}
	return DeckForViewer(ctx, db, userID, deckID)
}
