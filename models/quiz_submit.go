package models

import (
	"context"
	"errors"
	"fmt"
	"math"
	"time"

	"gorm.io/gorm"
)

// QuizDomainScore is a submitted quiz's result in one blueprint domain.
type QuizDomainScore struct {
	Position int
	Name     string
	Weight   float64 // share of the exam, 0–1
	Items    int
	Correct  int
	Percent  float64
}

// QuizResult is a scored quiz.
type QuizResult struct {
	Quiz    Quiz
	Domains []QuizDomainScore
	Correct int
	Total   int
}

// ValidateQuizAnswers is the one check of submitted answers: each is 0 (unanswered)
// to 4 (D), for a position of the quiz (positions run from 1).
func ValidateQuizAnswers(q Quiz, answers map[int]int) map[string]string {
	fields := map[string]string{}
	known := map[int]bool{}
	for _, it := range q.Items {
		known[it.Position] = true
	}
	for pos, a := range answers {
		switch {
		case !known[pos]:
			fields[fmt.Sprintf("answer_%d", pos)] = fmt.Sprintf("This quiz has no item %d: its items are numbered 1 to %d.", pos, len(q.Items))
		case a < 0 || a > 4:
			fields[fmt.Sprintf("answer_%d", pos)] = "Choose A, B, C or D."
		}
	}
	if len(fields) == 0 {
		return nil
	}
	return fields
}

// LoadQuiz returns one of the learner's quizzes with its items and their cards.
func LoadQuiz(ctx context.Context, db *gorm.DB, userID, quizID int64) (Quiz, error) {
	var q Quiz
	if err := db.WithContext(ctx).Where("id = ? AND user_id = ?", quizID, userID).Take(&q).Error; err != nil {
		return q, notFound(err, fmt.Sprintf("load quiz %d of user %d", quizID, userID))
	}
	if err := db.WithContext(ctx).Where("quiz_id = ?", q.ID).Order("position").Find(&q.Items).Error; err != nil {
		return q, fmt.Errorf("load items of quiz %d: %w", q.ID, err)
	}
	ids := make([]int64, len(q.Items))
	for i, it := range q.Items {
		ids[i] = it.CardID
	}
	var cards []StudyCard
	if err := db.WithContext(ctx).Where("id IN ?", ids).Find(&cards).Error; err != nil {
		return q, fmt.Errorf("load cards of quiz %d: %w", q.ID, err)
	}
	byID := map[int64]StudyCard{}
	for _, c := range cards {
		byID[c.ID] = c
	}
	for i := range q.Items {
		q.Items[i].Card = byID[q.Items[i].CardID]
	}
	return q, nil
}

// ScoreQuiz scores answered items per domain of the outline (a pure rule).
func ScoreQuiz(q Quiz, outline []ExamDomain) QuizResult {
	res := QuizResult{Quiz: q}
	total := 0.0
	for _, d := range outline {
		total += d.Midpoint()
	}
	for _, d := range outline {
		ds := QuizDomainScore{Position: d.Position, Name: d.Name, Weight: d.Midpoint() / total}
		for _, it := range q.Items {
			if it.DomainPosition == d.Position {
				ds.Items++
				if it.Correct {
					ds.Correct++
				}
			}
		}
		if ds.Items > 0 {
			ds.Percent = math.Round(1000*float64(ds.Correct)/float64(ds.Items)) / 10
		}
		res.Correct += ds.Correct
		res.Total += ds.Items
		res.Domains = append(res.Domains, ds)
	}
	return res
}

// SubmitQuiz scores the learner's answers and, in one transaction, records the quiz
// as a practice exam taken on today (the learner's local date, so readiness uses it),
// updates each item's FSRS card (Good when right, Again when wrong) and logs the
// minutes spent as study time. On a timed quiz, answers arriving after the deadline
// and grace are not counted (MergeQuizAnswers); those saved in time still are.
func SubmitQuiz(ctx context.Context, db *gorm.DB, q Quiz, answers map[int]int, outline []ExamDomain, plan ExamPlan, now, today time.Time) (QuizResult, error) {
	if q.SubmittedAt != nil {
		return QuizResult{}, ErrQuizSubmitted
	}
	MergeQuizAnswers(&q, answers, now)
	res := ScoreQuiz(q, outline)
	err := db.WithContext(ctx).Transaction(func(tx *gorm.DB) error {
		claimed := tx.Model(&Quiz{}).Where("id = ? AND submitted_at IS NULL", q.ID).Update("submitted_at", now)
		if claimed.Error != nil {
			return claimed.Error
		}
		if claimed.RowsAffected == 0 {
			return ErrQuizSubmitted
		}
		return recordQuiz(ctx, tx, &res, plan, now, today)
	})
	if err != nil && !errors.Is(err, ErrQuizSubmitted) {
		return res, fmt.Errorf("submit quiz %d: %w", q.ID, err)
	}
	return res, err
}

func recordQuiz(ctx context.Context, tx *gorm.DB, res *QuizResult, plan ExamPlan, now, today time.Time) error {
	q := &res.Quiz
	all := make([]int, len(q.Items))
	for i := range all {
		all[i] = i
	}
	if err := saveQuizItems(tx, *q, all); err != nil {
		return err
	}
	for _, it := range q.Items {
		rating := RatingAgain
		if it.Correct {
			rating = RatingGood
		}
		var r ReviewResult
		if err := applyReview(tx, q.UserID, it.CardID, rating, fmt.Sprintf("quiz-%d-%d", q.ID, it.Position), now, plan, &r); err != nil {
			return err
		}
	}
	exam := PracticeExamRecord{UserID: q.UserID, CredentialCode: q.CredentialCode, TakenOn: today, Source: "hitpath blueprint quiz"}
	busiest := QuizDomainScore{}
	for _, d := range res.Domains {
		if d.Items > 0 {
			exam.Scores = append(exam.Scores, PracticeExamScore{DomainPosition: d.Position, Percent: d.Percent})
		}
		if d.Items > busiest.Items {
			busiest = d
		}
	}
	exam.OverallPercent = 100 * float64(res.Correct) / float64(res.Total)
	if err := CreatePracticeExam(ctx, tx, &exam, now); err != nil {
		return err
	}
	score := round2(exam.OverallPercent)
	q.SubmittedAt, q.ScorePercent, q.PracticeExamID = &now, &score, &exam.ID
	if err := tx.Model(&Quiz{}).Where("id = ?", q.ID).Updates(map[string]any{"score_percent": score, "practice_exam_id": exam.ID,
		"item_count": gorm.Expr(quizItemCount), "answered_right": gorm.Expr(quizAnsweredRight)}).Error; err != nil {
		return err
	}
	spent := now.Sub(q.StartedAt)
	if q.TimeLimitMinutes > 0 {
		spent = min(spent, time.Duration(q.TimeLimitMinutes)*time.Minute) // time past the deadline was not quiz time
	}
	minutes := min(max(int(math.Ceil(spent.Minutes())), StudyMinMinutes), StudyMaxMinutes)
	entry := StudyLogEntry{UserID: q.UserID, StudiedOn: today, Minutes: minutes, CredentialCode: q.CredentialCode,
		DomainPosition: busiest.Position, Topic: fmt.Sprintf("Blueprint quiz, %d items", res.Total)}
	return CreateStudyLogEntry(ctx, tx, &entry, now)
}

// ItemStatsFor computes an item's statistics over first attempts in submitted
// quizzes, for someone who may edit its deck (others get ErrNotFound). The rest score
// is the share of the attempt's other items answered right.
func ItemStatsFor(ctx context.Context, db *gorm.DB, userID, cardID int64) (ItemStats, error) {
	deckID, err := CardDeckID(ctx, db, cardID)
	if err != nil {
		return ItemStats{}, err
	}
	if _, err := DeckForEditor(ctx, db, userID, deckID); err != nil {
		return ItemStats{}, err
	}
	stats, err := itemStatsWhere(ctx, db, "%[1]s.card_id = ?", cardID)
	return stats[cardID], err
}

// DeckItemStats is ItemStatsFor for every item of a deck the user may edit, in one
// query: card id → statistics (items nobody answered yet are absent).
func DeckItemStats(ctx context.Context, db *gorm.DB, userID, deckID int64) (map[int64]ItemStats, error) {
	if _, err := DeckForEditor(ctx, db, userID, deckID); err != nil {
		return nil, err
	}
	return itemStatsWhere(ctx, db, "%[1]s.card_id IN (SELECT id FROM study_cards WHERE deck_id = ?)", deckID)
}

// A submitted quiz's totals, as stored on it (item statistics read them; migration
// 00053 filled them in for quizzes submitted before with the same counts).
const (
	quizItemCount     = "(SELECT COUNT(*) FROM study_quiz_items i WHERE i.quiz_id = study_quizzes.id)"
	quizAnsweredRight = "(SELECT COUNT(*) FROM study_quiz_items i WHERE i.quiz_id = study_quizzes.id AND i.correct)"
)

// itemStatsWhere reads the first attempts in submitted quizzes of the items that cond
// selects (cond names the item's card as %[1]s.card_id), with the share of the quiz's
// other items each learner got right, and computes each item's statistics. The
// attempts come from a covering index in item order and each quiz's totals from the
// quiz row, so one pass over the attempts does it.
func itemStatsWhere(ctx context.Context, db *gorm.DB, cond string, arg int64) (map[int64]ItemStats, error) {
	rows, err := db.WithContext(ctx).Table("study_quiz_items AS qi").
		Select(`qi.card_id, CASE WHEN qi.correct THEN 1 ELSE 0 END,
			COALESCE((q.answered_right - CASE WHEN qi.correct THEN 1 ELSE 0 END) * 1.0 / NULLIF(q.item_count - 1, 0), 0)`).
		Joins("JOIN study_quizzes q ON q.id = qi.quiz_id").
		Where(fmt.Sprintf(cond, "qi")+" AND qi.first_attempt AND q.submitted_at IS NOT NULL", arg).
		Order("qi.card_id").Rows()
	if err != nil {
		return nil, fmt.Errorf("load item attempts: %w", err)
	}
	defer rows.Close()
	stats := map[int64]ItemStats{}
	var item, rest []float64
	current := int64(0)
	for rows.Next() {
		// int64 and float64: database/sql converts into other kinds through strings.
		var cardID, score int64
		var share float64
		if err := rows.Scan(&cardID, &score, &share); err != nil {
			return nil, fmt.Errorf("read item attempts: %w", err)
		}
		if cardID != current {
			if len(item) > 0 {
				stats[current] = ItemStatistics(item, rest)
			}
			current, item, rest = cardID, item[:0], rest[:0]
		}
		item, rest = append(item, float64(score)), append(rest, share)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("read item attempts: %w", err)
	}
	if len(item) > 0 {
		stats[current] = ItemStatistics(item, rest)
	}
	return stats, nil
}

// DomainMastery is a cohort's share of right answers in one blueprint domain.
type DomainMastery struct {
	Position int `gorm:"column:domain_position"`
	Answers  int `gorm:"column:answers"`
	Correct  int `gorm:"column:correct"`
}

// Percent is the share of right answers, 0–100.
func (m DomainMastery) Percent() float64 {
	if m.Answers == 0 {
		return 0
	}
	return 100 * float64(m.Correct) / float64(m.Answers)
}

// CohortMastery is, for a deck shared with a cohort, its current members' submitted
// quiz answers on the deck's items per domain; only the deck's editors may read it
// (others get ErrNotFound) and a private deck has none.
func CohortMastery(ctx context.Context, db *gorm.DB, userID, deckID int64) ([]DomainMastery, error) {
	deck, err := DeckForEditor(ctx, db, userID, deckID)
	if err != nil || deck.CohortID == nil {
		return nil, err
	}
	var out []DomainMastery
	err = db.WithContext(ctx).Table("study_quiz_items AS qi").
		Select("qi.domain_position, COUNT(*) AS answers, SUM(CASE WHEN qi.correct THEN 1 ELSE 0 END) AS correct").
		Joins("JOIN study_quizzes q ON q.id = qi.quiz_id").Joins("JOIN study_cards c ON c.id = qi.card_id").
		Where("c.deck_id = ? AND q.submitted_at IS NOT NULL", deck.ID).
		Where("q.user_id IN (SELECT user_id FROM cohort_members WHERE cohort_id = ? AND left_at IS NULL)", *deck.CohortID).
		Group("qi.domain_position").Order("qi.domain_position").Scan(&out).Error
	if err != nil {
		return nil, fmt.Errorf("load cohort mastery of deck %d: %w", deck.ID, err)
	}
	return out, nil
}
