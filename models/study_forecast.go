package models

import (
	"context"
	"fmt"
	"time"

	"gorm.io/gorm"
)

// CardRecall is one card's blueprint domain and predicted recall on exam day (0 for a
// card never studied).
type CardRecall struct {
	Domain       int
	Recall       float64
	Studied      bool
	EffectiveDue time.Time
}

// DomainRecall is the predicted exam-day recall of one blueprint domain.
type DomainRecall struct {
	Position int
	Name     string
	Weight   float64 // share of the exam, 0–1 (the middle of the published range)
	Cards    int
	Studied  int
	Recall   float64 // mean over the domain's cards; 0 when it has none
}

// RecallForecast is the readiness forecast from flashcards and items: predicted
// exam-day recall per domain and weighted by the blueprint.
type RecallForecast struct {
	Domains []DomainRecall
	Overall float64 // Σ weight × domain recall; a domain without cards counts as 0
	Cards   int
}

// ForecastRecall averages the cards' exam-day recall per domain of the outline and
// weights the domains by their midpoints. Cards of domains outside the outline are ignored.
func ForecastRecall(outline []ExamDomain, cards []CardRecall) RecallForecast {
	f := RecallForecast{Domains: make([]DomainRecall, len(outline))}
	total := 0.0
	index := map[int]int{}
	for i, d := range outline {
		f.Domains[i] = DomainRecall{Position: d.Position, Name: d.Name, Weight: d.Midpoint()}
		total += d.Midpoint()
		index[d.Position] = i
	}
	for _, c := range cards {
		i, ok := index[c.Domain]
		if !ok {
			continue
		}
		f.Domains[i].Cards++
		f.Domains[i].Recall += c.Recall
		if c.Studied {
			f.Domains[i].Studied++
		}
		f.Cards++
	}
	for i := range f.Domains {
		d := &f.Domains[i]
		if total > 0 {
			d.Weight /= total
		}
		if d.Cards > 0 {
			d.Recall /= float64(d.Cards)
		}
		f.Overall += d.Weight * d.Recall
	}
	return f
}

// DayLoad is the number of reviews scheduled on one day.
type DayLoad struct {
	On      time.Time
	Reviews int
}

// DailyWorkload counts the reviews scheduled on each day from today up to (not
// including) the exam day, at most maxDays days; overdue reviews count today.
func DailyWorkload(cards []CardRecall, today, examOn time.Time, maxDays int) []DayLoad {
	days := min(int(DateOnly(examOn).Sub(DateOnly(today))/(24*time.Hour)), maxDays)
	if days <= 0 {
		return nil
	}
	out := make([]DayLoad, days)
	for i := range out {
		out[i].On = DateOnly(today).AddDate(0, 0, i)
	}
	for _, c := range cards {
		if !c.Studied {
			continue
		}
		i := max(int(DateOnly(c.EffectiveDue).Sub(DateOnly(today))/(24*time.Hour)), 0)
		if i < days {
			out[i].Reviews++
		}
	}
	return out
}

// ExamCardRecalls loads, for every card of the exam in decks the learner may study,
// its domain, stored exam-day recall and effective due (kept current by SyncExamPlan).
func ExamCardRecalls(ctx context.Context, db *gorm.DB, userID int64, code string) ([]CardRecall, error) {
	rows, err := db.WithContext(ctx).Table("study_cards").
		Select("study_cards.domain_position, s.exam_recall, s.effective_due, s.card_id IS NOT NULL").
		Joins("JOIN study_decks ON study_decks.id = study_cards.deck_id").
		Joins("LEFT JOIN study_card_states s ON s.card_id = study_cards.id AND s.user_id = ?", userID).
		Where("study_decks.credential_code = ?", code).Where(deckVisibleTo, visibleArgs(userID)...).Rows()
	if err != nil {
		return nil, fmt.Errorf("load exam-day recall of user %d: %w", userID, err)
	}
	defer rows.Close()
	var out []CardRecall
	for rows.Next() {
		var c CardRecall
		var recall *float64
		var due *int64
		if err := rows.Scan(&c.Domain, &recall, &due, &c.Studied); err != nil {
			return nil, fmt.Errorf("read exam-day recall of user %d: %w", userID, err)
		}
		if recall != nil {
			c.Recall = *recall
		}
		if due != nil {
			c.EffectiveDue = time.Unix(*due, 0).UTC()
		}
		out = append(out, c)
	}
	return out, rows.Err()
}
