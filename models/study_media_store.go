package models

import (
	"context"
	"fmt"
	"time"

	"gorm.io/gorm"
)

// ErrDeckMediaFull means a deck already holds as many images, or as many bytes of
// them, as it may; its message says which, for the author.
type ErrDeckMediaFull struct{ Reason string }

func (e ErrDeckMediaFull) Error() string { return e.Reason }

// deckMediaListColumns are the columns read when the bytes are not needed.
var deckMediaListColumns = []string{"id", "deck_id", "name", "content_type", "size_bytes", "width", "height", "sha256", "created_at"}

// SaveDeckMedia stores an image checked by NewDeckMedia in a deck, replacing the
// deck's image of the same name. It returns whether one was replaced. A deck past
// MaxDeckMediaFiles or MaxDeckMediaTotal gets ErrDeckMediaFull and nothing changes.
// The caller has checked that the user may edit the deck.
func SaveDeckMedia(ctx context.Context, db *gorm.DB, deckID int64, m *DeckMedia, now time.Time) (bool, error) {
	replaced := false
	err := db.WithContext(ctx).Transaction(func(tx *gorm.DB) error {
		if err := lockDeck(tx, deckID); err != nil {
			return err
		}
		var err error
		replaced, err = putDeckMedia(tx, deckID, m, now)
		return err
	})
	return replaced, err
}

// deckMediaUse is how many images, and bytes of them, a deck holds.
type deckMediaUse struct {
	Files int64
	Bytes int64
}

// mediaUse measures a deck's images, leaving out the one called except.
func mediaUse(tx *gorm.DB, deckID int64, except string) (deckMediaUse, error) {
	var use deckMediaUse
	err := tx.Model(&DeckMedia{}).Select("COUNT(*) AS files, COALESCE(SUM(size_bytes), 0) AS bytes").
		Where("deck_id = ? AND name <> ?", deckID, except).Scan(&use).Error
	if err != nil {
		return use, fmt.Errorf("measure media of deck %d: %w", deckID, err)
	}
	return use, nil
}

// add counts one more image of size bytes, or says why the deck has no room for it.
func (u *deckMediaUse) add(size int64) error {
	if u.Files+1 > MaxDeckMediaFiles {
		return ErrDeckMediaFull{Reason: fmt.Sprintf("The deck already holds %d images, the most a deck may; delete some first.", u.Files)}
	}
	if u.Bytes+size > MaxDeckMediaTotal {
		return ErrDeckMediaFull{Reason: fmt.Sprintf("The deck's images would take %.0f MB; a deck's images may take at most %d MB. Delete some first.",
			float64(u.Bytes+size)/(1<<20), MaxDeckMediaTotal>>20)}
	}
	u.Files, u.Bytes = u.Files+1, u.Bytes+size
	return nil
}

// putDeckMedia checks the deck's limits (not counting the image being replaced) and
// writes the image, inside the caller's transaction.
func putDeckMedia(tx *gorm.DB, deckID int64, m *DeckMedia, now time.Time) (bool, error) {
	use, err := mediaUse(tx, deckID, m.Name)
	if err != nil {
		return false, err
	}
	if err := use.add(m.SizeBytes); err != nil {
		return false, err
	}
	res := tx.Where("deck_id = ? AND name = ?", deckID, m.Name).Delete(&DeckMedia{})
	if res.Error != nil {
		return false, fmt.Errorf("replace media %q of deck %d: %w", m.Name, deckID, res.Error)
	}
	return res.RowsAffected > 0, insertDeckMedia(tx, deckID, m, now)
}

func insertDeckMedia(tx *gorm.DB, deckID int64, m *DeckMedia, now time.Time) error {
	m.ID, m.DeckID, m.CreatedAt = 0, deckID, now
	if err := tx.Create(m).Error; err != nil {
		return fmt.Errorf("save media %q of deck %d: %w", m.Name, deckID, err)
	}
	return nil
}

// lockDeck serialises changes to one deck's media, so two uploads cannot both pass
// the limits. SQLite's write transaction already serialises; PostgreSQL locks the row.
func lockDeck(tx *gorm.DB, deckID int64) error {
	query := "UPDATE study_decks SET id = id WHERE id = ?"
	if tx.Dialector.Name() == "postgres" {
		query = "SELECT id FROM study_decks WHERE id = ? FOR UPDATE"
	}
	if err := tx.Exec(query, deckID).Error; err != nil {
		return fmt.Errorf("lock deck %d: %w", deckID, err)
	}
	return nil
}

// DeckMediaList returns a deck's images by name, without their bytes.
func DeckMediaList(ctx context.Context, db *gorm.DB, deckID int64) ([]DeckMedia, error) {
	var out []DeckMedia
	err := db.WithContext(ctx).Select(deckMediaListColumns).Where("deck_id = ?", deckID).Order("name").Find(&out).Error
	if err != nil {
		return nil, fmt.Errorf("list media of deck %d: %w", deckID, err)
	}
	return out, nil
}

// DeckMediaByName loads one image of a deck with its bytes; ErrNotFound when the deck
// has none of that name.
func DeckMediaByName(ctx context.Context, db *gorm.DB, deckID int64, name string) (DeckMedia, error) {
	var m DeckMedia
	err := db.WithContext(ctx).Where("deck_id = ? AND name = ?", deckID, name).Take(&m).Error
	return m, notFound(err, fmt.Sprintf("load media %q of deck %d", name, deckID))
}

// DeleteDeckMedia removes an image from a deck; ErrNotFound when there is none of that
// name. The caller has checked that the user may edit the deck.
func DeleteDeckMedia(ctx context.Context, db *gorm.DB, deckID int64, name string) error {
	res := db.WithContext(ctx).Where("deck_id = ? AND name = ?", deckID, name).Delete(&DeckMedia{})
	if res.Error != nil {
		return fmt.Errorf("delete media %q of deck %d: %w", name, deckID, res.Error)
	}
	if res.RowsAffected == 0 {
		return ErrNotFound
	}
	return nil
}

// deckMediaSums maps a deck's image names to their SHA-256, for an import that must
// not overwrite an image of the same name with different bytes.
func deckMediaSums(tx *gorm.DB, deckID int64) (map[string]string, error) {
	var rows []DeckMedia
	if err := tx.Select("name", "sha256").Where("deck_id = ?", deckID).Find(&rows).Error; err != nil {
		return nil, fmt.Errorf("list media names of deck %d: %w", deckID, err)
	}
	out := make(map[string]string, len(rows))
	for _, r := range rows {
		out[r.Name] = r.SHA256
	}
	return out, nil
}
