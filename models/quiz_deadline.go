package models

import (
	"context"
	"errors"
	"fmt"
	"time"

	"gorm.io/gorm"
)

// QuizGrace is how long after a timed quiz's deadline answers still count: room for a
// submission sent as time ran out to arrive, not extra time to think.
const QuizGrace = 60 * time.Second

// AnswersCloseAt is the last instant a timed quiz counts answers: its deadline plus
// QuizGrace (zero for an untimed quiz, which never closes).
func (q Quiz) AnswersCloseAt() time.Time {
	if q.TimeLimitMinutes == 0 {
		return time.Time{}
	}
	return q.Deadline().Add(QuizGrace)
}

// OnTime reports whether an answer received at the instant at still counts.
func (q Quiz) OnTime(at time.Time) bool {
	return q.TimeLimitMinutes == 0 || !at.After(q.AnswersCloseAt())
}

// LateCount is the number of items whose answer arrived too late to count.
func (q Quiz) LateCount() int {
	n := 0
	for _, it := range q.Items {
		if it.Late {
			n++
		}
	}
	return n
}

// MergeQuizAnswers applies answers (position → 0 for none, 1–4 for A–D) received at
// the instant at to the quiz's items and returns the indexes of the items it changed.
// On time, an answer replaces the item's choice and records when it came. Late, it is
// not counted: the choice already recorded stays, and the item is marked late when the
// late answer differs from it. Positions left out keep their recorded choice.
func MergeQuizAnswers(q *Quiz, answers map[int]int, at time.Time) []int {
	onTime := q.OnTime(at)
	var changed []int
	for i := range q.Items {
		it := &q.Items[i]
		a, given := answers[it.Position]
		if !given || a == it.ChosenOption {
			continue
		}
		if onTime {
			answeredAt := at
			it.ChosenOption, it.AnsweredAt = a, &answeredAt
		} else if it.Late {
			continue
		} else {
			it.Late = true
		}
		changed = append(changed, i)
	}
	for i := range q.Items {
		it := &q.Items[i]
		it.Correct = it.ChosenOption != 0 && it.ChosenOption == it.Card.CorrectOption
	}
	return changed
}

// SaveQuizAnswers records answers to a quiz not yet submitted, so that what a learner
// answered in time counts even when the final submission arrives late.
func SaveQuizAnswers(ctx context.Context, db *gorm.DB, q Quiz, answers map[int]int, now time.Time) (Quiz, error) {
	if q.SubmittedAt != nil {
		return q, ErrQuizSubmitted
	}
	changed := MergeQuizAnswers(&q, answers, now)
	err := db.WithContext(ctx).Transaction(func(tx *gorm.DB) error {
		var open int64
		if err := tx.Model(&Quiz{}).Where("id = ? AND submitted_at IS NULL", q.ID).Count(&open).Error; err != nil {
			return err
		}
		if open == 0 {
			return ErrQuizSubmitted
		}
		return saveQuizItems(tx, q, changed)
	})
	if err != nil && !errors.Is(err, ErrQuizSubmitted) {
		return q, fmt.Errorf("save answers of quiz %d: %w", q.ID, err)
	}
	return q, err
}

// saveQuizItems writes the listed items' answers, times and late marks.
func saveQuizItems(tx *gorm.DB, q Quiz, indexes []int) error {
	for _, i := range indexes {
		it := q.Items[i]
		err := tx.Model(&QuizItem{}).Where("id = ?", it.ID).
			Updates(map[string]any{"chosen_option": it.ChosenOption, "correct": it.Correct, "answered_at": it.AnsweredAt, "late": it.Late}).Error
		if err != nil {
			return err
		}
	}
	return nil
}
