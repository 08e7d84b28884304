package models

import (
	"context"
	"fmt"
	"time"

	"gorm.io/gorm"
)

// QueuedCard is a flashcard waiting for review, with the learner's memory of it.
type QueuedCard struct {
	Card         StudyCard
	Memory       CardMemory
	New          bool
	EffectiveDue time.Time
	ExamRecall   float64
}

// StudyQueue is what a learner has to review now.
type StudyQueue struct {
	Cards     []QueuedCard
	DueCount  int64 // reviews due now, beyond those listed too
	NewToday  int   // new cards already started today
	NewLeft   int   // new cards still allowed today
	NewPaused bool  // the exam is too close to start new cards
}

// LoadStudyQueue returns up to limit flashcards due now for the learner: due reviews
// first (lowest predicted exam-day recall first when an exam is planned, otherwise by
// due time), then new cards within the day's budget, counted on the learner's own
// calendar day in zone. Due reviews are one indexed range query on (user_id,
// effective_due).
func LoadStudyQueue(ctx context.Context, db *gorm.DB, userID int64, plan ExamPlan, newPerDay int, now time.Time, zone *time.Location, limit int) (StudyQueue, error) {
	var q StudyQueue
	order := "s.effective_due, s.card_id"
	if plan.Active() {
		order = "s.exam_recall, s.effective_due, s.card_id"
	}
	due := db.WithContext(ctx).Table("study_card_states AS s").
		Joins("JOIN study_cards ON study_cards.id = s.card_id").Joins("JOIN study_decks ON study_decks.id = study_cards.deck_id").
		Where("s.user_id = ? AND s.effective_due <= ? AND study_cards.kind = ?", userID, now.Unix(), KindFlashcard).
		Where(deckVisibleTo, visibleArgs(userID)...)
	if err := due.Session(&gorm.Session{}).Count(&q.DueCount).Error; err != nil {
		return q, fmt.Errorf("count due cards of user %d: %w", userID, err)
	}
	var rows []cardStateRow
	if err := due.Select("s.*").Order(order).Limit(limit).Scan(&rows).Error; err != nil {
		return q, fmt.Errorf("load due cards of user %d: %w", userID, err)
	}
	if err := q.addCards(ctx, db, rows); err != nil {
		return q, err
	}
	return q, q.addNewCards(ctx, db, userID, plan, newPerDay, now, LocalDayStart(now, zone), limit-len(q.Cards))
}

func (q *StudyQueue) addCards(ctx context.Context, db *gorm.DB, rows []cardStateRow) error {
	if len(rows) == 0 {
		return nil
	}
	ids := make([]int64, len(rows))
	for i, r := range rows {
		ids[i] = r.CardID
	}
	var cards []StudyCard
	if err := db.WithContext(ctx).Where("id IN ?", ids).Find(&cards).Error; err != nil {
		return fmt.Errorf("load queued cards: %w", err)
	}
	byID := make(map[int64]StudyCard, len(cards))
	for _, c := range cards {
		byID[c.ID] = c
	}
	for _, r := range rows {
		q.Cards = append(q.Cards, QueuedCard{Card: byID[r.CardID], Memory: r.memory(),
			EffectiveDue: time.Unix(r.EffectiveDue, 0).UTC(), ExamRecall: r.ExamRecall})
	}
	return nil
}

// addNewCards adds new cards within the day's budget: cards first reviewed since
// dayStart, the learner's local midnight, count against it.
func (q *StudyQueue) addNewCards(ctx context.Context, db *gorm.DB, userID int64, plan ExamPlan, newPerDay int, now, dayStart time.Time, room int) error {
	var started int64
	err := db.WithContext(ctx).Table("study_reviews").
		Where("user_id = ? AND state_before = ? AND reviewed_at >= ?", userID, MemoryNew, dayStart.Unix()).
		Distinct("card_id").Count(&started).Error
	if err != nil {
		return fmt.Errorf("count new cards of user %d today: %w", userID, err)
	}
	q.NewToday = int(started)
	q.NewLeft = max(newPerDay-q.NewToday, 0)
	q.NewPaused = !plan.CanIntroduceNew(now)
	if q.NewPaused || q.NewLeft == 0 || room <= 0 {
		return nil
	}
	var cards []StudyCard
	err = db.WithContext(ctx).Table("study_cards").Select("study_cards.*").
		Joins("JOIN study_decks ON study_decks.id = study_cards.deck_id").
		Where("study_cards.kind = ?", KindFlashcard).Where(deckVisibleTo, visibleArgs(userID)...).
		Where("NOT EXISTS (SELECT 1 FROM study_card_states s WHERE s.user_id = ? AND s.card_id = study_cards.id)", userID).
		Order("study_cards.deck_id, study_cards.id").Limit(min(room, q.NewLeft)).Scan(&cards).Error
	if err != nil {
		return fmt.Errorf("load new cards of user %d: %w", userID, err)
	}
	for _, c := range cards {
		q.Cards = append(q.Cards, QueuedCard{Card: c, New: true, EffectiveDue: now})
	}
	return nil
}

// CardForReview loads a flashcard the learner may study with their memory of it.
func CardForReview(ctx context.Context, db *gorm.DB, userID, cardID int64) (QueuedCard, error) {
	var c StudyCard
	err := db.WithContext(ctx).Table("study_cards").Select("study_cards.*").
		Joins("JOIN study_decks ON study_decks.id = study_cards.deck_id").
		Where("study_cards.id = ?", cardID).Where(deckVisibleTo, visibleArgs(userID)...).Take(&c).Error
	if err != nil {
		return QueuedCard{}, notFound(err, fmt.Sprintf("load card %d for user %d", cardID, userID))
	}
	out := QueuedCard{Card: c, New: true}
	var row cardStateRow
	err = db.WithContext(ctx).Where("user_id = ? AND card_id = ?", userID, cardID).Take(&row).Error
	if err == nil {
		out.Memory, out.New = row.memory(), false
		out.EffectiveDue, out.ExamRecall = time.Unix(row.EffectiveDue, 0).UTC(), row.ExamRecall
	} else if err != gorm.ErrRecordNotFound {
		return out, fmt.Errorf("load memory of card %d for user %d: %w", cardID, userID, err)
	}
	return out, nil
}
