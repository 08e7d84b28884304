package models

import (
	"context"
	"errors"
	"fmt"
	"math/rand/v2"
	"sort"
	"time"

	"gorm.io/gorm"
)

// Quiz errors the handlers map to statuses.
var (
	// ErrQuizSubmitted means the quiz was already scored; it can't be answered again.
	ErrQuizSubmitted = errors.New("quiz already submitted")
	// ErrNoQuizItems means the learner's decks hold no items for the exam.
	ErrNoQuizItems = errors.New("no multiple-choice items for this exam")
	// ErrUntimedExam means the exam's pace is unknown, so a timed quiz can't be set.
	ErrUntimedExam = errors.New("exam timing unknown")
)

// MaxQuizItems is the longest practice quiz.
const MaxQuizItems = 200

// Quiz is one practice quiz drawn by the blueprint (table study_quizzes).
type Quiz struct {
	ID               int64      `gorm:"column:id;primaryKey"`
	UserID           int64      `gorm:"column:user_id"`
	CredentialCode   string     `gorm:"column:credential_code"`
	Seed             int64      `gorm:"column:seed"`
	TimeLimitMinutes int        `gorm:"column:time_limit_minutes"`
	StartedAt        time.Time  `gorm:"column:started_at"`
	SubmittedAt      *time.Time `gorm:"column:submitted_at"`
	ScorePercent     *float64   `gorm:"column:score_percent"`
	PracticeExamID   *int64     `gorm:"column:practice_exam_id"`
	ItemCount        *int       `gorm:"column:item_count"`     // set on submission
	AnsweredRight    *int       `gorm:"column:answered_right"` // set on submission
	Items            []QuizItem `gorm:"-"`
}

// TableName maps Quiz to study_quizzes.
func (Quiz) TableName() string { return "study_quizzes" }

// Deadline is when a timed quiz's time is up (zero for an untimed one).
func (q Quiz) Deadline() time.Time {
	if q.TimeLimitMinutes == 0 {
		return time.Time{}
	}
	return q.StartedAt.Add(time.Duration(q.TimeLimitMinutes) * time.Minute)
}

// QuizItem is one item of a quiz with the learner's answer (table study_quiz_items).
type QuizItem struct {
	ID             int64      `gorm:"column:id;primaryKey"`
	QuizID         int64      `gorm:"column:quiz_id"`
	Position       int        `gorm:"column:position"`
	CardID         int64      `gorm:"column:card_id"`
	DomainPosition int        `gorm:"column:domain_position"`
	ChosenOption   int        `gorm:"column:chosen_option"`
	Correct        bool       `gorm:"column:correct"`
	FirstAttempt   bool       `gorm:"column:first_attempt"`
	AnsweredAt     *time.Time `gorm:"column:answered_at"`
	Late           bool       `gorm:"column:late"`
	Card           StudyCard  `gorm:"-"`
}

// TableName maps QuizItem to study_quiz_items.
func (QuizItem) TableName() string { return "study_quiz_items" }

// QuizInput asks for a quiz of Items items, timed like the real exam or not.
type QuizInput struct {
	Items int  `json:"items" form:"items" api:"required"`
	Timed bool `json:"timed" form:"timed"`
}

// ValidateQuizInput is the one check of a quiz request: 1 to MaxQuizItems items.
func ValidateQuizInput(in QuizInput) map[string]string {
	if in.Items < 1 || in.Items > MaxQuizItems {
		return map[string]string{"items": fmt.Sprintf("Choose 1 to %d items.", MaxQuizItems)}
	}
	return nil
}

// quizCandidate is an item the learner may be asked, with what choosing needs.
type quizCandidate struct {
	CardID     int64   `gorm:"column:id"`
	Domain     int     `gorm:"column:domain_position"`
	Seen       bool    `gorm:"column:seen"`
	State      *int    `gorm:"column:state"`
	Stability  float64 `gorm:"column:stability"`
	LastReview int64   `gorm:"column:last_review"`
	recall     float64
}

// CreateQuiz draws a quiz for the learner's exam: items per domain by the blueprint
// (ApportionItems), within a domain unseen items first, then the lowest predicted
// recall now, then at random by the stored seed.
func CreateQuiz(ctx context.Context, db *gorm.DB, userID int64, code string, outline []ExamDomain, in QuizInput, seed int64, now time.Time) (Quiz, error) {
	q := Quiz{UserID: userID, CredentialCode: code, Seed: seed, StartedAt: now}
	if in.Timed {
		var pace struct{ ExamMinutes, ExamItems *int }
		if err := db.WithContext(ctx).Table("credential_types").Select("exam_minutes, exam_items").Where("code = ?", code).Scan(&pace).Error; err != nil {
			return q, fmt.Errorf("load exam pace of %s: %w", code, err)
		}
		if q.TimeLimitMinutes = QuizTimeLimit(in.Items, pace.ExamMinutes, pace.ExamItems); q.TimeLimitMinutes == 0 {
			return q, ErrUntimedExam
		}
	}
	candidates, err := quizCandidates(ctx, db, userID, code, now)
	if err != nil {
		return q, err
	}
	q.Items = chooseQuizItems(candidates, outline, in.Items, seed)
	if len(q.Items) == 0 {
		return q, ErrNoQuizItems
	}
	err = db.WithContext(ctx).Transaction(func(tx *gorm.DB) error {
		if err := tx.Omit("Items").Create(&q).Error; err != nil {
			return err
		}
		for i := range q.Items {
			q.Items[i].QuizID = q.ID
		}
		return tx.Create(&q.Items).Error
	})
	if err != nil {
		return q, fmt.Errorf("create quiz for user %d: %w", userID, err)
	}
	return q, nil
}

func quizCandidates(ctx context.Context, db *gorm.DB, userID int64, code string, now time.Time) ([]quizCandidate, error) {
	var out []quizCandidate
	err := db.WithContext(ctx).Table("study_cards").
		Select(`study_cards.id, study_cards.domain_position, s.state, COALESCE(s.stability, 0) AS stability,
			COALESCE(s.last_review, 0) AS last_review, EXISTS (SELECT 1 FROM study_quiz_items qi
			JOIN study_quizzes q ON q.id = qi.quiz_id WHERE q.user_id = ? AND qi.card_id = study_cards.id) AS seen`, userID).
		Joins("JOIN study_decks ON study_decks.id = study_cards.deck_id").
		Joins("LEFT JOIN study_card_states s ON s.card_id = study_cards.id AND s.user_id = ?", userID).
		Where("study_cards.kind = ? AND study_decks.credential_code = ?", KindItem, code).
		Where(deckVisibleTo, visibleArgs(userID)...).Order("study_cards.id").Scan(&out).Error
	if err != nil {
		return nil, fmt.Errorf("load quiz items of user %d: %w", userID, err)
	}
	s := NewScheduler(PlainRetention)
	for i, c := range out {
		if c.State != nil {
			out[i].recall = s.Recall(CardMemory{State: *c.State, Stability: c.Stability, LastReview: time.Unix(c.LastReview, 0)}, now)
		}
	}
	return out, nil
}

// chooseQuizItems picks each domain's share of n items from the candidates; a share a
// domain can't fill goes to the best remaining items of any domain.
func chooseQuizItems(candidates []quizCandidate, outline []ExamDomain, n int, seed int64) []QuizItem {
	rng := rand.New(rand.NewPCG(uint64(seed), 0x9e3779b97f4a7c15))
	rng.Shuffle(len(candidates), func(i, j int) { candidates[i], candidates[j] = candidates[j], candidates[i] })
	sort.SliceStable(candidates, func(i, j int) bool {
		a, b := candidates[i], candidates[j]
		if a.Seen != b.Seen {
			return !a.Seen
		}
		return a.recall < b.recall
	})
	quota := ApportionItems(OutlineWeights(outline), n)
	var items []QuizItem
	used := map[int64]bool{}
	take := func(c quizCandidate) {
		items = append(items, QuizItem{Position: len(items) + 1, CardID: c.CardID, DomainPosition: c.Domain, FirstAttempt: !c.Seen})
		used[c.CardID] = true
	}
	for i, d := range outline {
		taken := 0
		for _, c := range candidates {
			if taken < quota[i] && c.Domain == d.Position {
				take(c)
				taken++
			}
		}
	}
	// A domain short of items leaves its share to the others' next-best items.
	for _, c := range candidates {
		if len(items) < n && !used[c.CardID] && OutlineHasDomain(outline, c.Domain) {
			take(c)
		}
	}
	return items
}
