package models

import (
	"strconv"
	"time"

	fsrs "github.com/open-spaced-repetition/go-fsrs/v3"
)

// Rating is how well a learner recalled a card: 1 Again, 2 Hard, 3 Good, 4 Easy.
type Rating int

// The four review ratings.
const (
	RatingAgain Rating = 1
	RatingHard  Rating = 2
	RatingGood  Rating = 3
	RatingEasy  Rating = 4
)

// Ratings lists the ratings in button order.
var Ratings = []Rating{RatingAgain, RatingHard, RatingGood, RatingEasy}

// Label is the rating's button text.
func (r Rating) Label() string {
	return [...]string{"", "Again", "Hard", "Good", "Easy"}[r]
}

// Valid reports whether r is one of the four ratings.
func (r Rating) Valid() bool { return r >= RatingAgain && r <= RatingEasy }

// Memory states of a card, as FSRS numbers them.
const (
	MemoryNew        = 0
	MemoryLearning   = 1
	MemoryReview     = 2
	MemoryRelearning = 3
)

// CardMemory is one learner's memory of one card: the FSRS state the scheduler reads
// and writes. A zero CardMemory is a card never reviewed.
type CardMemory struct {
	State         int
	Due           time.Time
	Stability     float64
	Difficulty    float64
	ElapsedDays   int
	ScheduledDays int
	Reps          int
	Lapses        int
	LastReview    time.Time
}

// Scheduler computes the next memory state of a card. It hides the FSRS library so a
// later FSRS version replaces one file.
type Scheduler interface {
	// Review returns the memory after rating the card at now.
	Review(m CardMemory, now time.Time, r Rating) CardMemory
	// Preview returns the memory each rating would give, indexed by rating.
	Preview(m CardMemory, now time.Time) map[Rating]CardMemory
	// Recall is the predicted probability of recalling the card at `at`; 0 for a new card.
	Recall(m CardMemory, at time.Time) float64
}

// NewScheduler returns an FSRS-5 scheduler (go-fsrs v3, default weights, no fuzz)
// that aims each interval at the desired retention.
func NewScheduler(desiredRetention float64) Scheduler {
	p := fsrs.DefaultParam()
	p.RequestRetention = desiredRetention
	return fsrsScheduler{f: fsrs.NewFSRS(p)}
}

type fsrsScheduler struct{ f *fsrs.FSRS }

func (s fsrsScheduler) Review(m CardMemory, now time.Time, r Rating) CardMemory {
	return fromFSRS(s.f.Next(toFSRS(m), now, fsrs.Rating(r)).Card)
}

func (s fsrsScheduler) Preview(m CardMemory, now time.Time) map[Rating]CardMemory {
	out := make(map[Rating]CardMemory, 4)
	for rating, info := range s.f.Repeat(toFSRS(m), now) {
		out[Rating(rating)] = fromFSRS(info.Card)
	}
	return out
}

func (s fsrsScheduler) Recall(m CardMemory, at time.Time) float64 {
	return s.f.GetRetrievability(toFSRS(m), at)
}

func toFSRS(m CardMemory) fsrs.Card {
	return fsrs.Card{State: fsrs.State(m.State), Due: m.Due, Stability: m.Stability, Difficulty: m.Difficulty,
		ElapsedDays: uint64(max(m.ElapsedDays, 0)), ScheduledDays: uint64(max(m.ScheduledDays, 0)),
		Reps: uint64(max(m.Reps, 0)), Lapses: uint64(max(m.Lapses, 0)), LastReview: m.LastReview}
}

func fromFSRS(c fsrs.Card) CardMemory {
	return CardMemory{State: int(c.State), Due: c.Due.UTC(), Stability: c.Stability, Difficulty: c.Difficulty,
		ElapsedDays: int(c.ElapsedDays), ScheduledDays: int(c.ScheduledDays), Reps: int(c.Reps), Lapses: int(c.Lapses),
		LastReview: c.LastReview.UTC()}
}

// IntervalLabel is how a rating button shows the wait until the next review.
func IntervalLabel(from, due time.Time) string {
	d := due.Sub(from)
	switch {
	case d < time.Hour:
		return formatUnit(int(d.Round(time.Minute)/time.Minute), "min")
	case d < 24*time.Hour:
		return formatUnit(int(d.Round(time.Hour)/time.Hour), "h")
	case d < 60*24*time.Hour:
		return formatUnit(int(d.Round(24*time.Hour)/(24*time.Hour)), "d")
	default:
		return formatUnit(int(d/(30*24*time.Hour)), "mo")
	}
}

func formatUnit(n int, unit string) string {
	if n < 1 {
		n = 1
	}
	return strconv.Itoa(n) + " " + unit
}
