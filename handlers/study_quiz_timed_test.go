package handlers_test

import (
	"net/url"
	"strings"
	"testing"
	"time"

	"hitpath/app/apptest"
)

// timedQuizOut is the part of a quiz answer about its deadline.
type timedQuizOut struct {
	ID             int64   `json:"id"`
	Deadline       *string `json:"deadline"`
	AnswersCloseAt *string `json:"answers_close_at"`
	LateAnswers    int     `json:"late_answers"`
	Correct        int     `json:"correct"`
	Total          int     `json:"total"`
	Items          []struct {
		Position int  `json:"position"`
		Answered bool `json:"answered"`
		Late     bool `json:"late"`
	} `json:"items"`
}

// TestTimedQuizDeadlineAPI: a CCA quiz of 7 items gets 8 minutes (105 items in 2
// hours); answers saved before the deadline plus 60 s of grace count, later ones do
// not and are reported late, and the API gives the deadline. The clock is injected.
func TestTimedQuizDeadlineAPI(t *testing.T) {
	clock := newStudyClock()
	apptest.Each(t, func(t *testing.T, s *apptest.Server) {
		start := time.Date(2031, 6, 15, 10, 0, 0, 0, time.UTC)
		clock.Set(start)
		ana := s.RegisterAPI("Ana", "ana@example.com", goodPassword)
		ben := s.RegisterAPI("Ben", "ben@example.com", goodPassword)
		apptest.Must(t, s.API("PUT", "/api/v1/pathway", ana, map[string]any{"target": "CCA"}), 200)
		deck := createDeck(t, s, ana, "CCA", "CCA items")
		addItems(t, s, ana, deck.ID, 2)

		var quiz timedQuizOut
		apptest.Must(t, s.API("POST", "/api/v1/quizzes", ana, map[string]any{"items": 7, "timed": true}), 201).JSON(t, &quiz)
		if quiz.Deadline == nil || *quiz.Deadline != "2031-06-15T10:08:00Z" || *quiz.AnswersCloseAt != "2031-06-15T10:09:00Z" {
			t.Fatalf("got deadline %v, close %v; want 10:08 and 10:09 UTC", deref(quiz.Deadline), deref(quiz.AnswersCloseAt))
		}
		path := "/api/v1/quizzes/" + itoa(quiz.ID)
		answer := func(positions ...int) map[string]any {
			var list []map[string]any
			for _, p := range positions {
				list = append(list, map[string]any{"position": p, "option": "B"})
			}
			return map[string]any{"answers": list}
		}
		apptest.Must(t, s.API("PUT", path+"/answers", ben, answer(1)), 404)
		apptest.Must(t, s.API("PUT", path+"/answers", "", answer(1)), 401)
		apptest.Must(t, s.API("PUT", path+"/answers", ana, map[string]any{"answers": []any{map[string]any{"position": 1, "option": "Q"}}}), 422)

		clock.Set(start.Add(5 * time.Minute))
		var saved timedQuizOut
		apptest.Must(t, s.API("PUT", path+"/answers", ana, answer(1, 2)), 200).JSON(t, &saved)
		if !saved.Items[0].Answered || !saved.Items[1].Answered || saved.Items[2].Answered || saved.LateAnswers != 0 {
			t.Fatalf("got %+v, want items 1 and 2 answered in time", saved.Items)
		}
		clock.Set(start.Add(8*time.Minute + 59*time.Second)) // after the deadline, within the grace
		apptest.Must(t, s.API("PUT", path+"/answers", ana, answer(3)), 200).JSON(t, &saved)
		if !saved.Items[2].Answered || saved.Items[2].Late {
			t.Fatalf("got %+v, want item 3 counted within the grace period", saved.Items[2])
		}
		clock.Set(start.Add(9*time.Minute + time.Second)) // past the grace
		apptest.Must(t, s.API("PUT", path+"/answers", ana, answer(4)), 200).JSON(t, &saved)
		if saved.Items[3].Answered || !saved.Items[3].Late || saved.LateAnswers != 1 {
			t.Fatalf("got %+v, want item 4 refused as late", saved.Items[3])
		}

		clock.Set(start.Add(20 * time.Minute))
		var scored timedQuizOut
		apptest.Must(t, s.API("POST", path+"/submit", ana, answer(1, 2, 3, 4, 5, 6, 7)), 200).JSON(t, &scored)
		if scored.Correct != 3 || scored.Total != 7 || scored.LateAnswers != 4 {
			t.Fatalf("got %d of %d right with %d late, want 3 of 7 with items 4–7 late", scored.Correct, scored.Total, scored.LateAnswers)
		}
		for i, it := range scored.Items {
			if wantLate := i >= 3; it.Late != wantLate || it.Answered == wantLate {
				t.Errorf("item %d: got answered %v, late %v; want late %v", it.Position, it.Answered, it.Late, wantLate)
			}
		}
		var minutes []int
		s.DB.Table("study_sessions").Pluck("minutes", &minutes)
		if len(minutes) != 1 || minutes[0] != 8 {
			t.Fatalf("got study minutes %v, want the 8-minute limit, not the 20 minutes until the late submission", minutes)
		}
		apptest.Must(t, s.API("PUT", path+"/answers", ana, answer(1)), 409)

		var untimed timedQuizOut
		apptest.Must(t, s.API("POST", "/api/v1/quizzes", ana, map[string]any{"items": 3}), 201).JSON(t, &untimed)
		if untimed.Deadline != nil || untimed.AnswersCloseAt != nil {
			t.Fatalf("got deadline %v on an untimed quiz, want null", deref(untimed.Deadline))
		}
		clock.Set(start.Add(3 * time.Hour))
		apptest.Must(t, s.API("POST", "/api/v1/quizzes/"+itoa(untimed.ID)+"/submit", ana, answer(1, 2, 3)), 200).JSON(t, &scored)
		if scored.LateAnswers != 0 || scored.Correct != 3 {
			t.Fatalf("got %+v, want an untimed quiz never late", scored)
		}
	}, clock.Option())
}

func deref(s *string) string {
	if s == nil {
		return "<nil>"
	}
	return *s
}

// TestTimedQuizPageShowsDeadlineInLearnersZone: without JavaScript the quiz page
// states the deadline in the learner's own time zone; the countdown script is linked
// for those with JavaScript; a late submission says how many answers did not count.
func TestTimedQuizPageShowsDeadlineInLearnersZone(t *testing.T) {
	clock := newStudyClock()
	apptest.Each(t, func(t *testing.T, s *apptest.Server) {
		start := time.Date(2031, 6, 15, 10, 0, 0, 0, time.UTC)
		clock.Set(start)
		b := s.Browser()
		b.SignUp("Kai", "kai@example.com", goodPassword)
		s.DB.Exec("UPDATE users SET time_zone = 'Asia/Tokyo' WHERE email = 'kai@example.com'")
		kai := s.LoginAPI("kai@example.com", goodPassword)
		apptest.Must(t, s.API("PUT", "/api/v1/pathway", kai, map[string]any{"target": "CCA"}), 200)
		deck := createDeck(t, s, kai, "CCA", "CCA items")
		addItems(t, s, kai, deck.ID, 1)

		resp := apptest.Must(t, b.Submit("/study/quiz", url.Values{"items": {"6"}, "timed": {"true"}}), 303)
		quizPath := resp.Header.Get("Location")
		page := apptest.Must(t, b.Get(quizPath), 200).Text()
		for _, want := range []string{"submit by <time datetime=\"2031-06-15T19:07:00&#43;09:00\">19:07 JST on 15 Jun 2031</time>",
			`data-seconds-left="420"`, `src="/static/quiz.js"`} {
			if !strings.Contains(page, want) {
				t.Errorf("got no %q on the quiz page", want)
			}
		}
		clock.Set(start.Add(9 * time.Minute))
		page = apptest.Must(t, b.Get(quizPath), 200).Text()
		if !strings.Contains(page, "The time is up") || !strings.Contains(page, `data-seconds-left="0"`) {
			t.Fatal("got no notice that the time is up")
		}
		resp = apptest.Must(t, b.Submit(quizPath, url.Values{"answer_1": {"B"}, "answer_2": {"B"}}), 303)
		page = apptest.Must(t, b.Get(quizPath), 200).Text()
		for _, want := range []string{"2 answers arrived after the time was up and did not count", `id="quiz-score">0 / 6`, "did not count.</p>"} {
			if !strings.Contains(page, want) {
				t.Errorf("got no %q on the results page", want)
			}
		}
		js := apptest.Must(t, b.Get("/static/quiz.js"), 200).Text()
		if !strings.Contains(js, "form.submit()") {
			t.Fatal("got no countdown script")
		}
	}, clock.Option())
}
