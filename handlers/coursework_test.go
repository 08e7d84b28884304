package handlers_test

import (
	"net/url"
	"strings"
	"testing"

	"hitpath/app/apptest"
)

func TestCourseworkAPIAndPage(t *testing.T) {
	apptest.Each(t, func(t *testing.T, s *apptest.Server) {
		ana := s.RegisterAPI("Ana", "ana@example.com", goodPassword)
		ben := s.RegisterAPI("Ben", "ben@example.com", goodPassword)
		apptest.Must(t, s.API("GET", "/api/v1/coursework", "", nil), 401)
		var cw struct {
			Percent int `json:"percent_complete"`
			Courses []struct {
				CourseID int64   `json:"course_id"`
				Status   *string `json:"status"`
			}
		}
		apptest.Must(t, s.API("GET", "/api/v1/coursework", ana, nil), 200).JSON(t, &cw)
		if len(cw.Courses) != 8 || cw.Courses[0].Status != nil {
			t.Fatalf("got %+v, want 8 untouched courses", cw)
		}
		first := "/api/v1/coursework/" + itoa(cw.Courses[0].CourseID)
		apptest.Must(t, s.API("PUT", first, ana, map[string]any{"status": "done"}), 422)
		apptest.Must(t, s.API("PUT", first, ana, map[string]any{"status": "completed", "completed_on": "2035-04-01"}), 422)
		apptest.Must(t, s.API("PUT", "/api/v1/coursework/99999", ana, map[string]any{"status": "planned"}), 404)
		apptest.Must(t, s.API("PUT", first, ana, map[string]any{"status": "completed", "completed_on": "2035-02-01", "grade": "A"}), 200)
		apptest.Must(t, s.API("GET", "/api/v1/coursework", ana, nil), 200).JSON(t, &cw)
		if cw.Percent != 12 || cw.Courses[0].Status == nil || *cw.Courses[0].Status != "completed" {
			t.Fatalf("got %+v, want 12%% with the first course completed", cw)
		}
		apptest.Must(t, s.API("GET", "/api/v1/coursework", ben, nil), 200).JSON(t, &cw)
		if cw.Percent != 0 || cw.Courses[0].Status != nil {
			t.Fatalf("got %+v for another learner, want nothing of Ana's", cw)
		}

		b := s.Browser()
		b.SignUp("Cleo", "cleo@example.com", goodPassword)
		page := apptest.Must(t, b.Get("/coursework"), 200).Text()
		if !strings.Contains(page, "Medical terminology") || strings.Contains(page, "Add a course") {
			t.Fatal("got no catalogue, or the admin form shown to a learner")
		}
		apptest.Must(t, b.Submit("/coursework/courses", url.Values{"name": {"Oncology coding"}}), 404)
		s.SetRole("cleo@example.com", "admin")
		page = apptest.Must(t, b.Submit("/coursework/courses", url.Values{"name": {"Medical terminology"}}), 422).Text()
		if !strings.Contains(page, "already has a course") {
			t.Fatal("got no duplicate-course message")
		}
		apptest.Must(t, b.Submit("/coursework/courses", url.Values{"name": {"Oncology coding"}}), 303)
		page = apptest.Must(t, b.Get("/coursework"), 200).Text()
		if !strings.Contains(page, "Oncology coding") || !strings.Contains(page, "0% complete") {
			t.Fatal("got no new course in the catalogue")
		}
		path := "/coursework/" + itoa(cw.Courses[1].CourseID)
		page = apptest.Must(t, b.Submit(path, url.Values{"status": {"planned"}, "completed_on": {"2035-01-01"}}), 422).Text()
		if !strings.Contains(page, `id="done-`+itoa(cw.Courses[1].CourseID)+`-error"`) {
			t.Fatal("got no completion-date error")
		}
		apptest.Must(t, b.Submit(path, url.Values{"status": {"completed"}, "completed_on": {"2035-01-01"}, "grade": {"B"}}), 303)
		if page = apptest.Must(t, b.Get("/coursework"), 200).Text(); !strings.Contains(page, "11% complete") || !strings.Contains(page, `value="B"`) {
			t.Fatal("got no updated percent and grade")
		}
	}, studentClock())
}

func TestStudentDashboardPanel(t *testing.T) {
	apptest.Each(t, func(t *testing.T, s *apptest.Server) {
		b := s.Browser()
		b.SignUp("Ana", "ana@example.com", goodPassword)
		if page := apptest.Must(t, b.Get("/dashboard"), 200).Text(); strings.Contains(page, "student-panel") {
			t.Fatal("got a student panel for a learner without a pathway")
		}
		apptest.Must(t, b.Submit("/pathway", url.Values{"target": {"RHIT"}, "weekly_goal_minutes": {"300"}, "accreditation": {"yes"}}), 303)
		apptest.Must(t, b.Submit("/study", url.Values{"studied_on": {"2035-03-10"}, "minutes": {"45"}, "domain_position": {"1"}}), 303)
		page := apptest.Must(t, b.Get("/dashboard"), 200).Text()
		for _, want := range []string{"Your RHIT pathway", "45 / 300 min", "Not yet eligible to test", "(no practice exams yet)", "0%</strong> <a href=\"/coursework\">"} {
			if !strings.Contains(page, want) {
				t.Errorf("got no %q on the dashboard", want)
			}
		}
	}, studentClock())
}
