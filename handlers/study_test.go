package handlers_test

import (
	"net/url"
	"strings"
	"testing"

	"hitpath/app/apptest"
)

type studySessionOut struct {
	ID             int64  `json:"id"`
	Minutes        int    `json:"minutes"`
	DomainPosition int    `json:"domain_position"`
	CredentialCode string `json:"credential_code"`
}

func TestStudySessionsAPI(t *testing.T) {
	apptest.Each(t, func(t *testing.T, s *apptest.Server) {
		ana := s.RegisterAPI("Ana", "ana@example.com", goodPassword)
		ben := s.RegisterAPI("Ben", "ben@example.com", goodPassword)
		session := map[string]any{"studied_on": "2035-03-09", "minutes": 45, "domain_position": 2, "topic": "Release of information"}
		var problem struct{ Fields map[string]string }
		apptest.Must(t, s.API("POST", "/api/v1/study-sessions", ana, session), 422).JSON(t, &problem)
		if !strings.Contains(problem.Fields["domain_position"], "target credential") {
			t.Fatalf("got %v, want a pointer to set the target first", problem.Fields)
		}
		apptest.Must(t, s.API("PUT", "/api/v1/pathway", ana, rhitPathway()), 200)
		apptest.Must(t, s.API("POST", "/api/v1/study-sessions", "", session), 401)

		tests := []struct {
			name  string
			key   string
			value any
		}{
			{"zero minutes", "minutes", 0},
			{"721 minutes", "minutes", 721},
			{"domain outside RHIT", "domain_position", 7},
			{"future date", "studied_on", "2035-03-11"},
		}
		for _, tt := range tests {
			t.Run(tt.name, func(t *testing.T) {
				body := map[string]any{}
				for k, v := range session {
					body[k] = v
				}
				body[tt.key] = tt.value
				var problem struct{ Fields map[string]string }
				apptest.Must(t, s.API("POST", "/api/v1/study-sessions", ana, body), 422).JSON(t, &problem)
				if problem.Fields[tt.key] == "" {
					t.Fatalf("got %v, want a message for %s", problem.Fields, tt.key)
				}
			})
		}
		var created studySessionOut
		apptest.Must(t, s.API("POST", "/api/v1/study-sessions", ana, session), 201).JSON(t, &created)
		if created.Minutes != 45 || created.CredentialCode != "RHIT" {
			t.Fatalf("got %+v, want the 45-minute RHIT session", created)
		}
		var list struct {
			Sessions []studySessionOut `json:"sessions"`
			Streak   int               `json:"streak_days"`
			LastWeek int               `json:"minutes_last_7_days"`
		}
		apptest.Must(t, s.API("GET", "/api/v1/study-sessions", ana, nil), 200).JSON(t, &list)
		if len(list.Sessions) != 1 || list.Streak != 1 || list.LastWeek != 45 {
			t.Fatalf("got %+v, want one session, streak 1, 45 minutes", list)
		}
		apptest.Must(t, s.API("GET", "/api/v1/study-sessions", ben, nil), 200).JSON(t, &list)
		if len(list.Sessions) != 0 {
			t.Fatalf("got %d sessions for another learner, want 0", len(list.Sessions))
		}
		path := "/api/v1/study-sessions/" + itoa(created.ID)
		apptest.Must(t, s.API("DELETE", path, ben, nil), 404)
		apptest.Must(t, s.API("DELETE", path, "", nil), 401)
		apptest.Must(t, s.API("DELETE", path, ana, nil), 204)
		apptest.Must(t, s.API("DELETE", path, ana, nil), 404)
	}, studentClock())
}

func TestStudyPageLogsGoalAndDeletes(t *testing.T) {
	apptest.Each(t, func(t *testing.T, s *apptest.Server) {
		if got := s.Browser().Get("/study"); got.Status != 302 {
			t.Fatalf("got %d, want anonymous visitors redirected", got.Status)
		}
		b := s.Browser()
		b.SignUp("Ana", "ana@example.com", goodPassword)
		if page := apptest.Must(t, b.Get("/study"), 200).Text(); !strings.Contains(page, "Set your target credential first") {
			t.Fatal("got no pointer to the pathway for a learner without one")
		}
		apptest.Must(t, b.Submit("/pathway", url.Values{"target": {"RHIT"}}), 303)
		page := apptest.Must(t, b.Submit("/study", url.Values{"studied_on": {"2035-03-10"}, "minutes": {"900"}, "domain_position": {"3"}, "topic": {"Statistics"}}), 422).Text()
		if !strings.Contains(page, `id="minutes-error"`) || !strings.Contains(page, `value="Statistics"`) {
			t.Fatalf("got %v, want the minutes error and the topic kept", apptest.FieldErrorsIn(page))
		}
		apptest.Must(t, b.Submit("/study", url.Values{"studied_on": {"2035-03-10"}, "minutes": {"50"}, "domain_position": {"3"}, "topic": {"Statistics"}}), 303)
		apptest.Must(t, b.Submit("/study", url.Values{"studied_on": {"2035-03-09"}, "minutes": {"30"}, "domain_position": {"1"}}), 303)
		apptest.Must(t, b.Submit("/study/goal", url.Values{"weekly_goal_minutes": {"-5"}}), 422)
		apptest.Must(t, b.Submit("/study/goal", url.Values{"weekly_goal_minutes": {"240"}}), 303)
		page = apptest.Must(t, b.Get("/study"), 200).Text()
		for _, want := range []string{"80 min</strong> this week of your 240-minute goal", "2 days</strong> study streak", "Data Analytics and Use", "<svg", "Study minutes per week"} {
			if !strings.Contains(page, want) {
				t.Errorf("got no %q on the study page", want)
			}
		}
		var ids []int64
		s.DB.Table("study_sessions").Order("id").Pluck("id", &ids)
		other := s.Browser()
		other.SignUp("Ben", "ben@example.com", goodPassword)
		apptest.Must(t, other.Submit("/study/"+itoa(ids[0])+"/delete", nil), 404)
		apptest.Must(t, b.Submit("/study/"+itoa(ids[0])+"/delete", nil), 303)
		var n int64
		s.DB.Table("study_sessions").Count(&n)
		if n != 1 {
			t.Fatalf("got %d sessions, want 1 after one delete", n)
		}
	}, studentClock())
}
