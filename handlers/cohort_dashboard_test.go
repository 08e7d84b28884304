package handlers_test

import (
	"bytes"
	"context"
	"encoding/csv"
	"net/http"
	"net/url"
	"strings"
	"testing"
	"time"

	"gorm.io/gorm"

	"hitpath/app/apptest"
	"hitpath/handlers"
	"hitpath/models"
)

// The fixtures are dated relative to the real today: session tokens are checked
// against the real clock, so the server's clock cannot be moved far.
var cohortToday = models.DateOnly(time.Now().UTC())

// cohortRel returns the date n days from today.
func cohortRel(n int) time.Time { return cohortToday.AddDate(0, 0, n) }

// cohortRelDay formats cohortRel(n) as the API does.
func cohortRelDay(n int) string { return cohortRel(n).Format("2006-01-02") }

// cohortManyAuthAttempts lifts the sign-up rate limit for tests that register many accounts.
func cohortManyAuthAttempts() apptest.Option {
	return func(d *handlers.Deps) { d.AuthAttemptsPerMinute = 1000 }
}

func cohortExec(t *testing.T, s *apptest.Server, sql string, args ...any) {
	t.Helper()
	if err := s.DB.Exec(sql, args...).Error; err != nil {
		t.Fatalf("%s: %v", sql, err)
	}
}

// cohortSeedSam gives the student a pathway, coursework, study and a practice exam
// whose values the dashboard must show; the cohort's exam is 19 days away.
func cohortSeedSam(t *testing.T, s *apptest.Server, userID int64) {
	t.Helper()
	now := cohortToday
	cohortExec(t, s, `INSERT INTO pathways (user_id, target_code, practicum_hours_done, practicum_hours_required, created_at, updated_at) VALUES (?, 'RHIT', 40, 80, ?, ?)`, userID, now, now)
	for i, c := range []struct {
		status string
		due    any
	}{{"completed", cohortRel(-100)}, {"completed", cohortRel(-70)}, {"in_progress", cohortRel(-16)}, {"planned", cohortRel(31)}} {
		cohortExec(t, s, `INSERT INTO learner_courses (user_id, course_id, status, due_on, updated_at) VALUES (?, ?, ?, ?, ?)`, userID, i+1, c.status, c.due, now)
	}
	// 7 days = today and the 6 before; 30 days likewise; a future session is ignored.
	for _, st := range []struct{ offset, minutes int }{{-1, 60}, {-5, 30}, {-6, 5}, {-7, 7}, {-21, 45}, {-29, 3}, {-30, 500}, {-61, 100}, {2, 20}} {
		cohortExec(t, s, `INSERT INTO study_sessions (user_id, studied_on, minutes, credential_code, domain_position, topic, notes, created_at) VALUES (?, ?, ?, 'RHIT', 1, 'Release of information', 'private note', ?)`, userID, cohortRel(st.offset), st.minutes, now)
	}
	exam := models.PracticeExamRecord{UserID: userID, CredentialCode: "RHIT", TakenOn: cohortRel(-11), OverallPercent: 50}
	for pos, pct := range map[int]float64{1: 40, 2: 55, 3: 60, 4: 50, 5: 45, 6: 70} {
		exam.Scores = append(exam.Scores, models.PracticeExamScore{DomainPosition: pos, Percent: pct})
	}
	cohortSavePracticeExam(t, s, exam)
}

// cohortSavePracticeExam saves an attempt the way the practice page does, so the
// learner's stored readiness follows.
func cohortSavePracticeExam(t *testing.T, s *apptest.Server, exam models.PracticeExamRecord) {
	t.Helper()
	if err := models.CreatePracticeExam(context.Background(), s.DB, &exam, cohortToday); err != nil {
		t.Fatal(err)
	}
}

type cohortDashboardOut struct {
	Total       int `json:"total"`
	AtRiskCount int `json:"at_risk_count"`
	Students    []struct {
		UserID          int64    `json:"user_id"`
		Name            string   `json:"name"`
		Coursework      int      `json:"coursework_percent"`
		Minutes7        int      `json:"study_minutes_7d"`
		Minutes30       int      `json:"study_minutes_30d"`
		LastActivity    *string  `json:"last_activity_on"`
		Readiness       *float64 `json:"readiness_percent"`
		Weakest         string   `json:"weakest_domain"`
		ExamStatus      string   `json:"exam_status"`
		ExamOn          *string  `json:"exam_on"`
		Practicum       int      `json:"practicum_hours_done"`
		PracticumNeeded int      `json:"practicum_hours_required"`
		Flags           []struct{ Code, Message string }
	} `json:"students"`
}

// TestCohortDashboardValues checks the numbers and flags computed from fixture data.
func TestCohortDashboardValues(t *testing.T) {
	apptest.Each(t, func(t *testing.T, s *apptest.Server) {
		w := newCohortWorld(t, s)
		cohortSeedSam(t, s, w.student.ID)
		var dash cohortDashboardOut
		apptest.Must(t, s.API("GET", "/api/v1/cohorts/"+itoa(w.cohortID)+"/dashboard", w.owner.Token, nil), http.StatusOK).JSON(t, &dash)
		if dash.Total != 1 || len(dash.Students) != 1 {
			t.Fatalf("got %d students, want 1", len(dash.Students))
		}
		sam := dash.Students[0]
		checks := []struct {
			name      string
			got, want any
		}{
			{"coursework % (2 of the 8 core courses, as Sam sees it)", sam.Coursework, 25},
			{"minutes of the last 7 days", sam.Minutes7, 95},
			{"minutes of the last 30 days", sam.Minutes30, 150},
			{"last activity", cohortDeref(sam.LastActivity), cohortRelDay(-1)},
			{"readiness has data", sam.Readiness != nil, true},
			{"weakest domain", sam.Weakest, "Data Content, Structure, and Information Governance"},
			{"exam status", sam.ExamStatus, "not scheduled"},
			{"exam date (cohort target)", cohortDeref(sam.ExamOn), cohortRelDay(19)},
			{"practicum", [2]int{sam.Practicum, sam.PracticumNeeded}, [2]int{40, 80}},
			{"at risk count", dash.AtRiskCount, 1},
		}
		for _, c := range checks {
			if c.got != c.want {
				t.Errorf("%s: got %v, want %v", c.name, c.got, c.want)
			}
		}
		if sam.Readiness != nil && *sam.Readiness >= 60 {
			t.Errorf("readiness: got %v, want under 60", *sam.Readiness)
		}
		var codes []string
		for _, f := range sam.Flags {
			codes = append(codes, f.Code)
			if !strings.Contains(f.Message, "rule:") {
				t.Errorf("flag %q does not name its rule", f.Message)
			}
		}
		if got := strings.Join(codes, ","); got != "low_readiness_near_exam,overdue_coursework" {
			t.Errorf("got flags %s, want low_readiness_near_exam,overdue_coursework", got)
		}

		page := apptest.Must(t, w.owner.Browser.Get("/cohorts/"+itoa(w.cohortID)), http.StatusOK).Text()
		for _, want := range []string{"Sam Student", "25% <span class=\"muted\">(2/8)</span>", "95 min", "150 min", "Overdue coursework: Communication (due " + cohortRel(-16).Format("2 Jan 2006") + ")", "days of the exam)", "<svg", "Readiness distribution"} {
			if !strings.Contains(page, want) {
				t.Errorf("got no %q on the dashboard page", want)
			}
		}
		own := apptest.Must(t, w.student.Browser.Get("/coursework"), http.StatusOK).Text()
		if !strings.Contains(own, "25% complete</strong>: 2 of 8 core courses done") {
			t.Error("the student's own coursework page disagrees with the dashboard's 25% (2 of 8)")
		}
		student := apptest.Must(t, w.owner.Browser.Get("/cohorts/"+itoa(w.cohortID)+"/students/"+itoa(w.student.ID)), http.StatusOK).Text()
		if !strings.Contains(student, "Release of information") || strings.Contains(student, "private note") {
			t.Error("the drill-down must list study topics and never the student's notes")
		}
	})
}

func cohortDeref(s *string) string {
	if s == nil {
		return ""
	}
	return *s
}

// TestCohortDashboardSortAndFilter checks ?sort= and ?at_risk=1 on the API.
func TestCohortDashboardSortAndFilter(t *testing.T) {
	apptest.Each(t, func(t *testing.T, s *apptest.Server) {
		w := newCohortWorld(t, s)
		cohortSeedSam(t, s, w.student.ID)
		cohortJoinAPI(t, s, w.other.Token, w.code, false)
		cohortExec(t, s, `INSERT INTO study_sessions (user_id, studied_on, minutes, credential_code, domain_position, created_at) VALUES (?, ?, 300, 'RHIT', 2, ?)`, w.other.ID, cohortRel(-2), cohortToday)
		cohortSavePracticeExam(t, s, models.PracticeExamRecord{UserID: w.other.ID, CredentialCode: "RHIT", TakenOn: cohortRel(-3), OverallPercent: 85})
		base := "/api/v1/cohorts/" + itoa(w.cohortID) + "/dashboard"
		tests := []struct {
			query string
			want  []string
		}{
			{"", []string{"Lena Learner", "Sam Student"}},
			{"?sort=-name", []string{"Sam Student", "Lena Learner"}},
			{"?sort=study7", []string{"Sam Student", "Lena Learner"}},
			{"?sort=-study7", []string{"Lena Learner", "Sam Student"}},
			{"?sort=readiness", []string{"Sam Student", "Lena Learner"}},
			{"?at_risk=1", []string{"Sam Student"}},
		}
		for _, tt := range tests {
			t.Run(tt.query, func(t *testing.T) {
				var dash cohortDashboardOut
				apptest.Must(t, s.API("GET", base+tt.query, w.owner.Token, nil), http.StatusOK).JSON(t, &dash)
				var names []string
				for _, r := range dash.Students {
					names = append(names, r.Name)
				}
				if strings.Join(names, ",") != strings.Join(tt.want, ",") {
					t.Fatalf("got %v, want %v", names, tt.want)
				}
			})
		}
	})
}

// TestCohortCSVExport checks the header, the values and that cells a spreadsheet
// would run as formulas are escaped; the export is audited.
func TestCohortCSVExport(t *testing.T) {
	apptest.Each(t, func(t *testing.T, s *apptest.Server) {
		w := newCohortWorld(t, s)
		cohortSeedSam(t, s, w.student.ID)
		names := []string{"=HYPERLINK(\"http://evil\")", "+SUM(1)", "-2+3", "@cmd", "Zoë Ünicode"}
		for i, name := range names {
			token := s.RegisterAPI(name, "csv"+itoa(int64(i))+"@example.com", goodPassword)
			cohortJoinAPI(t, s, token, w.code, false)
		}
		resp := apptest.Must(t, w.owner.Browser.Get("/cohorts/"+itoa(w.cohortID)+"/export.csv"), http.StatusOK)
		if ct := resp.Header.Get("Content-Type"); ct != "text/csv; charset=utf-8" {
			t.Fatalf("got content type %q, want text/csv; charset=utf-8", ct)
		}
		if !bytes.HasPrefix(resp.Body, []byte("\ufeffname,")) || bytes.Count(resp.Body, []byte("\n")) != bytes.Count(resp.Body, []byte("\r\n")) {
			t.Fatalf("got a CSV without a UTF-8 BOM or with lines not ended by CRLF: %q", resp.Body[:min(len(resp.Body), 80)])
		}
		records, err := csv.NewReader(bytes.NewReader(bytes.TrimPrefix(resp.Body, []byte("\ufeff")))).ReadAll()
		if err != nil {
			t.Fatal(err)
		}
		if len(records) != 1+1+len(names) || records[0][0] != "name" {
			t.Fatalf("got %d records with header %v, want one header and %d rows", len(records), records[0], 1+len(names))
		}
		got := map[string]bool{}
		for _, r := range records[1:] {
			got[r[0]] = true
			if r[0] == "Sam Student" && (r[3] != "25" || r[4] != "2" || r[5] != "8" || r[6] != "95" || r[7] != "150" || !strings.Contains(r[16], "overdue_coursework")) {
				t.Errorf("got Sam's row %v, want coursework 25 (2 of 8), minutes 95/150 and the overdue flag", r)
			}
		}
		for _, want := range []string{"'=HYPERLINK(\"http://evil\")", "'+SUM(1)", "'-2+3", "'@cmd", "Zoë Ünicode"} {
			if !got[want] {
				t.Errorf("got no cell %q in %v", want, got)
			}
		}
		if n := cohortAuditCount(t, s, "cohort.exported"); n != 1 {
			t.Fatalf("got %d export audit rows, want 1", n)
		}
	}, cohortManyAuthAttempts())
}

// TestCohortNudgeOnlyReachesMembers smuggles a non-member's id into a nudge: only the
// selected member of this cohort gets an outbox row.
func TestCohortNudgeOnlyReachesMembers(t *testing.T) {
	apptest.Each(t, func(t *testing.T, s *apptest.Server) {
		w := newCohortWorld(t, s)
		api := "/api/v1/cohorts/" + itoa(w.cohortID) + "/nudges"
		var out struct {
			Queued  int     `json:"queued"`
			UserIDs []int64 `json:"user_ids"`
			Already []int64 `json:"already_queued_user_ids"`
		}
		apptest.Must(t, s.API("POST", api, w.owner.Token, map[string]any{"user_ids": []int64{w.student.ID, w.other.ID, w.admin.ID}, "message": "Practice exam on Friday"}), http.StatusOK).JSON(t, &out)
		if out.Queued != 1 || len(out.UserIDs) != 1 || out.UserIDs[0] != w.student.ID || len(out.Already) != 0 {
			t.Fatalf("got %+v, want 1 queued for the student", out)
		}
		var to []string
		nudges := func() *gorm.DB { return s.DB.Table("outbox").Where("subject LIKE ?", "A message from%") }
		nudges().Pluck("to_address", &to)
		if strings.Join(to, ",") != w.student.Email {
			t.Fatalf("got outbox rows to %v, want only %s", to, w.student.Email)
		}
		// The same message again today is not sent twice, and the answer says so; an
		// empty selection is refused.
		out.Queued, out.UserIDs, out.Already = -1, nil, nil
		apptest.Must(t, s.API("POST", api, w.owner.Token, map[string]any{"user_ids": []int64{w.student.ID}, "message": "Practice exam on Friday"}), http.StatusOK).JSON(t, &out)
		if out.Queued != 0 || len(out.UserIDs) != 0 || len(out.Already) != 1 || out.Already[0] != w.student.ID {
			t.Fatalf("got %+v for a repeated nudge, want nothing queued and the student listed as already queued", out)
		}
		var refused struct{ Fields map[string]string }
		apptest.Must(t, s.API("POST", api, w.owner.Token, map[string]any{"user_ids": []int64{w.other.ID}, "message": "Hi"}), http.StatusUnprocessableEntity).JSON(t, &refused)
		if !strings.Contains(refused.Fields["user_ids"], "None of the selected people is a current member") {
			t.Fatalf("got %v, want a message addressed only to a non-member refused beside user_ids", refused.Fields)
		}
		apptest.Must(t, s.API("POST", api, w.owner.Token, map[string]any{"user_ids": []int64{}, "message": "Hi"}), http.StatusUnprocessableEntity)
		apptest.Must(t, s.API("POST", api, w.owner.Token, map[string]any{"user_ids": []int64{w.student.ID}, "message": ""}), http.StatusUnprocessableEntity)
		var n int64
		nudges().Count(&n)
		if n != 1 {
			t.Fatalf("got %d outbox rows, want 1", n)
		}
		// The page's "all at risk" button reaches every at-risk member: Sam joined today
		// without study or practice, and the exam is 19 days away.
		page := w.owner.Browser.Submit("/cohorts/"+itoa(w.cohortID)+"/nudges", url.Values{"audience": {"at_risk"}, "message": {"Book a practice exam"}})
		apptest.Must(t, page, http.StatusSeeOther)
		nudges().Count(&n)
		if n != 2 {
			t.Fatalf("got %d outbox rows after nudging the at-risk students, want 2", n)
		}
		// A member who has not confirmed their address gets the message as a notice, not
		// by email.
		s.DB.Exec("UPDATE users SET email_verified_at = NULL WHERE id = ?", w.student.ID)
		apptest.Must(t, s.API("POST", api, w.owner.Token, map[string]any{"user_ids": []int64{w.student.ID}, "message": "Unconfirmed"}), http.StatusOK).JSON(t, &out)
		nudges().Count(&n)
		if out.Queued != 1 || n != 2 {
			t.Fatalf("got %d sent and %d outbox rows for an unconfirmed address, want 1 sent and no new email", out.Queued, n)
		}
	})
}

// TestCohortNudgeAtRiskWithNobodyAtRisk: pressing "all at risk" in a cohort where nobody
// is at risk says so, instead of asking to select students nobody was asked to select.
func TestCohortNudgeAtRiskWithNobodyAtRisk(t *testing.T) {
	apptest.Each(t, func(t *testing.T, s *apptest.Server) {
		owner := cohortNewActor(t, s, "Olga Owner", "owner@example.com", "instructor")
		cohort := cohortCreateAPI(t, s, owner.Token, map[string]any{"name": "HIT 210", "target_code": "RHIT"})
		page := owner.Browser.Submit("/cohorts/"+itoa(cohort.ID)+"/nudges", url.Values{"audience": {"at_risk"}, "message": {"Book a practice exam"}})
		if got := page.Text(); page.Status != http.StatusUnprocessableEntity || !strings.Contains(got, "No student in this cohort is at risk right now") {
			t.Fatalf("got %d without the nobody-at-risk message", page.Status)
		}
	})
}
