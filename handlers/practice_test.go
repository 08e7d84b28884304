package handlers_test

import (
	"net/url"
	"strings"
	"testing"

	"hitpath/app/apptest"
)

func TestPracticeExamsReadinessAndPlanAPI(t *testing.T) {
	apptest.Each(t, func(t *testing.T, s *apptest.Server) {
		ana := s.RegisterAPI("Ana", "ana@example.com", goodPassword)
		ben := s.RegisterAPI("Ben", "ben@example.com", goodPassword)
		apptest.Must(t, s.API("GET", "/api/v1/readiness", ana, nil), 404)
		apptest.Must(t, s.API("GET", "/api/v1/readiness", "", nil), 401)
		apptest.Must(t, s.API("PUT", "/api/v1/pathway", ana, rhitPathway()), 200)

		var readiness struct {
			HasData bool     `json:"has_data"`
			Percent *float64 `json:"percent"`
			Weakest []struct{ Name string }
		}
		apptest.Must(t, s.API("GET", "/api/v1/readiness", ana, nil), 200).JSON(t, &readiness)
		if readiness.HasData || readiness.Percent != nil {
			t.Fatalf("got %+v, want no data and a null percent without attempts", readiness)
		}

		attempt := map[string]any{"taken_on": "2035-03-08", "source": "AHIMA practice test", "overall_percent": 70,
			"domains": []map[string]any{{"position": 1, "percent": 80}, {"position": 2, "percent": 50}, {"position": 3, "percent": 75},
				{"position": 4, "percent": 72}, {"position": 5, "percent": 68}, {"position": 6, "percent": 90}}}
		bad := []struct {
			name  string
			edit  func(map[string]any)
			field string
		}{
			{"overall over 100", func(a map[string]any) { a["overall_percent"] = 100.5 }, "overall_percent"},
			{"domain under 0", func(a map[string]any) { a["domains"] = []map[string]any{{"position": 2, "percent": -3}} }, "domain_2"},
			{"domain not in RHIT", func(a map[string]any) { a["domains"] = []map[string]any{{"position": 9, "percent": 50}} }, "domain_9"},
			{"future date", func(a map[string]any) { a["taken_on"] = "2035-04-01" }, "taken_on"},
		}
		for _, tt := range bad {
			t.Run(tt.name, func(t *testing.T) {
				body := map[string]any{}
				for k, v := range attempt {
					body[k] = v
				}
				tt.edit(body)
				var problem struct{ Fields map[string]string }
				apptest.Must(t, s.API("POST", "/api/v1/practice-exams", ana, body), 422).JSON(t, &problem)
				if problem.Fields[tt.field] == "" {
					t.Fatalf("got %v, want a message for %s", problem.Fields, tt.field)
				}
			})
		}
		var created struct {
			ID      int64 `json:"id"`
			Domains []struct{ Position int }
		}
		apptest.Must(t, s.API("POST", "/api/v1/practice-exams", ana, attempt), 201).JSON(t, &created)
		if len(created.Domains) != 6 {
			t.Fatalf("got %+v, want six domain scores", created)
		}
		var count int64
		s.DB.Table("practice_exams").Count(&count)
		if count != 1 {
			t.Fatalf("got %d attempts stored, want 1 (refused ones leave nothing)", count)
		}
		apptest.Must(t, s.API("GET", "/api/v1/readiness", ana, nil), 200).JSON(t, &readiness)
		if !readiness.HasData || readiness.Percent == nil || len(readiness.Weakest) == 0 || readiness.Weakest[0].Name != "Access, Disclosure, Privacy, and Security" {
			t.Fatalf("got %+v, want readiness with domain 2 weakest", readiness)
		}

		var plan struct {
			WeeklyMinutes int    `json:"weekly_minutes"`
			Verdict       string `json:"verdict"`
			Domains       []struct{ Position, Minutes int }
		}
		apptest.Must(t, s.API("GET", "/api/v1/study-plan?weekly_minutes=300", ana, nil), 200).JSON(t, &plan)
		sum, most := 0, plan.Domains[0]
		for _, d := range plan.Domains {
			sum += d.Minutes
			if d.Minutes > most.Minutes {
				most = d
			}
		}
		if plan.WeeklyMinutes != 300 || sum != 300 || most.Position != 2 || plan.Verdict == "no_exam_date" {
			t.Fatalf("got %+v, want 300 minutes split with the most on domain 2 and a verdict on the exam date", plan)
		}
		apptest.Must(t, s.API("GET", "/api/v1/study-plan?weekly_minutes=-1", ana, nil), 422)
		apptest.Must(t, s.API("GET", "/api/v1/study-plan?weekly_minutes=300", ben, nil), 404)

		var list struct {
			Exams []struct{ ID int64 } `json:"practice_exams"`
		}
		apptest.Must(t, s.API("GET", "/api/v1/practice-exams", ben, nil), 200).JSON(t, &list)
		if len(list.Exams) != 0 {
			t.Fatalf("got %d attempts for another learner, want 0", len(list.Exams))
		}
		path := "/api/v1/practice-exams/" + itoa(created.ID)
		apptest.Must(t, s.API("DELETE", path, ben, nil), 404)
		apptest.Must(t, s.API("DELETE", path, "", nil), 401)
		apptest.Must(t, s.API("DELETE", path, ana, nil), 204)
		apptest.Must(t, s.API("GET", "/api/v1/practice-exams", ana, nil), 200).JSON(t, &list)
		if len(list.Exams) != 0 {
			t.Fatalf("got %d attempts after delete, want 0", len(list.Exams))
		}
	}, studentClock())
}

func TestPracticePageShowsReadinessAndPlan(t *testing.T) {
	apptest.Each(t, func(t *testing.T, s *apptest.Server) {
		b := s.Browser()
		b.SignUp("Ana", "ana@example.com", goodPassword)
		apptest.Must(t, b.Submit("/pathway", url.Values{"target": {"ODS"}, "exam_scheduled_on": {"2035-05-01"}}), 303)
		page := apptest.Must(t, b.Get("/practice"), 200).Text()
		if !strings.Contains(page, "No practice exams yet") || strings.Contains(page, "domain_5") {
			t.Fatal("got no 'no practice exams yet', or a fifth domain field for ODS")
		}
		form := url.Values{"taken_on": {"2035-03-09"}, "source": {"NCRA"}, "overall_percent": {"65"}, "domain_1": {"120"}, "domain_2": {"abc"}}
		page = apptest.Must(t, b.Submit("/practice", form), 422).Text()
		if !strings.Contains(page, `id="domain_1-error"`) || !strings.Contains(page, `id="domain_2-error"`) || !strings.Contains(page, `value="abc"`) {
			t.Fatalf("got %v, want both domain errors and the typed value kept", apptest.FieldErrorsIn(page))
		}
		form.Set("domain_1", "60")
		form.Set("domain_2", "70")
		apptest.Must(t, b.Submit("/practice", form), 303)
		page = apptest.Must(t, b.Get("/practice?weekly_minutes=240"), 200).Text()
		for _, want := range []string{"ODS readiness", "Weakest: Legal and Ethical Aspects of Cancer Registry Work (60.0%)", "240 minutes a week", "Readiness after each practice exam"} {
			if !strings.Contains(page, want) {
				t.Errorf("got no %q on the practice page", want)
			}
		}
		var ids []int64
		s.DB.Table("practice_exams").Pluck("id", &ids)
		other := s.Browser()
		other.SignUp("Ben", "ben@example.com", goodPassword)
		apptest.Must(t, other.Submit("/practice/"+itoa(ids[0])+"/delete", nil), 404)
		apptest.Must(t, b.Submit("/practice/"+itoa(ids[0])+"/delete", nil), 303)
	}, studentClock())
}
