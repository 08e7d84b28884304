package handlers_test

import (
	"net/url"
	"strings"
	"testing"
	"time"

	"hitpath/app/apptest"
)

// studentToday is the fixed "today" of the student tests, in the future so the JWTs
// the server signs with this clock have not expired in real time.
var studentToday = apptest.FixedNow(time.Date(2035, 3, 10, 15, 0, 0, 0, time.UTC))

func studentClock() apptest.Option {
	return apptest.WithClock(func() time.Time { return studentToday })
}

// rhitPathway is a valid RHIT pathway for the API.
func rhitPathway() map[string]any {
	return map[string]any{
		"target": "RHIT", "education": "high_school", "program_name": "HIT AAS", "institution": "Metro CC",
		"accreditation": "yes", "program_start": "2033-09-01", "expected_graduation": "2035-05-15",
		"practicum_hours_done": 40, "practicum_hours_required": 90, "exam_scheduled_on": "2035-06-20", "weekly_goal_minutes": 300,
	}
}

func heldCredentials(t *testing.T, s *apptest.Server, email string) []string {
	t.Helper()
	var rows []struct {
		CredentialCode string
		EarnedOn       time.Time
	}
	err := s.DB.Table("held_credentials").Select("held_credentials.credential_code, held_credentials.earned_on").
		Joins("JOIN users ON users.id = held_credentials.user_id").Where("users.email = ?", email).Scan(&rows).Error
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, r := range rows {
		out = append(out, r.CredentialCode+" "+r.EarnedOn.Format(time.DateOnly))
	}
	return out
}

func TestPathwayAPIRoundTripEligibilityAndPass(t *testing.T) {
	apptest.Each(t, func(t *testing.T, s *apptest.Server) {
		ana := s.RegisterAPI("Ana", "ana@example.com", goodPassword)
		ben := s.RegisterAPI("Ben", "ben@example.com", goodPassword)
		apptest.Must(t, s.API("GET", "/api/v1/pathway", ana, nil), 404)
		apptest.Must(t, s.API("GET", "/api/v1/pathway", "", nil), 401)
		apptest.Must(t, s.API("PUT", "/api/v1/pathway", ana, "{not json"), 400)

		var saved map[string]any
		apptest.Must(t, s.API("PUT", "/api/v1/pathway", ana, rhitPathway()), 200).JSON(t, &saved)
		if saved["program_start"] != "2033-09-01" || saved["last_term_start"] != nil || saved["accreditation"] != "yes" {
			t.Fatalf("got %v, want the saved pathway back", saved)
		}
		apptest.Must(t, s.API("GET", "/api/v1/pathway", ben, nil), 404)
		apptest.Must(t, s.API("GET", "/api/v1/pathway/eligibility", ben, nil), 404)

		var elig struct {
			EligibleToTest bool   `json:"eligible_to_test"`
			NextStep       string `json:"next_step"`
			Requirements   []struct{ Code, Status string }
		}
		apptest.Must(t, s.API("GET", "/api/v1/pathway/eligibility", ana, nil), 200).JSON(t, &elig)
		if elig.EligibleToTest || len(elig.Requirements) == 0 || elig.Requirements[0].Code != "accredited_program" || elig.Requirements[0].Status != "met" {
			t.Fatalf("got %+v, want accredited met and not yet eligible", elig)
		}
		if !strings.Contains(elig.NextStep, "Finish your coursework") {
			t.Fatalf("got next step %q, want the coursework step", elig.NextStep)
		}

		apptest.Must(t, s.API("POST", "/api/v1/pathway/pass", ben, map[string]string{"passed_on": "2035-03-01"}), 404)
		resp := apptest.Must(t, s.API("POST", "/api/v1/pathway/pass", ana, map[string]string{"passed_on": "2033-08-01"}), 422)
		if !strings.Contains(resp.Text(), "before your program started") {
			t.Fatalf("got %s, want the pass-before-start message", resp.Text())
		}
		var pass map[string]any
		apptest.Must(t, s.API("POST", "/api/v1/pathway/pass", ana, map[string]string{"passed_on": "2035-03-02"}), 200).JSON(t, &pass)
		if pass["first_cycle_start"] != "2035-03-02" || pass["first_cycle_end"] != "2037-03-01" || pass["credential_added"] != true {
			t.Fatalf("got %v, want the first cycle 2035-03-02…2037-03-01", pass)
		}
		apptest.Must(t, s.API("POST", "/api/v1/pathway/pass", ana, map[string]string{"passed_on": "2035-03-02"}), 200).JSON(t, &pass)
		if pass["credential_added"] != false {
			t.Fatalf("got %v, want the second pass to add nothing", pass)
		}
		if got := heldCredentials(t, s, "ana@example.com"); len(got) != 1 || got[0] != "RHIT 2035-03-02" {
			t.Fatalf("got held credentials %v, want [RHIT 2035-03-02]", got)
		}
		if got := heldCredentials(t, s, "ben@example.com"); len(got) != 0 {
			t.Fatalf("got %v for another learner, want none", got)
		}
	}, studentClock())
}

func TestPathwayAPIRefusesBadInputAndSavesNothing(t *testing.T) {
	apptest.Each(t, func(t *testing.T, s *apptest.Server) {
		ana := s.RegisterAPI("Ana", "ana@example.com", goodPassword)
		tests := []struct {
			name  string
			edit  func(map[string]any)
			field string
		}{
			{"unknown target", func(p map[string]any) { p["target"] = "CPC" }, "target"},
			{"exam in the past", func(p map[string]any) { p["exam_scheduled_on"] = "2035-03-09" }, "exam_scheduled_on"},
			{"pass before start", func(p map[string]any) { p["exam_result"] = "passed"; p["passed_on"] = "2033-01-01" }, "passed_on"},
			{"bad date", func(p map[string]any) { p["program_start"] = "09/01/2033" }, "program_start"},
			{"negative hours", func(p map[string]any) { p["practicum_hours_done"] = -1 }, "practicum_hours_done"},
		}
		for _, tt := range tests {
			t.Run(tt.name, func(t *testing.T) {
				body := rhitPathway()
				tt.edit(body)
				var problem struct{ Fields map[string]string }
				apptest.Must(t, s.API("PUT", "/api/v1/pathway", ana, body), 422).JSON(t, &problem)
				if problem.Fields[tt.field] == "" {
					t.Fatalf("got fields %v, want a message for %s", problem.Fields, tt.field)
				}
				apptest.Must(t, s.API("GET", "/api/v1/pathway", ana, nil), 404)
			})
		}
	}, studentClock())
}

func TestPathwayPagePreselectsTargetAndShowsWhatIsMissing(t *testing.T) {
	apptest.Each(t, func(t *testing.T, s *apptest.Server) {
		if got := s.Browser().Get("/pathway"); got.Status != 302 || !strings.HasPrefix(got.Header.Get("Location"), "/login") {
			t.Fatalf("got %d %s, want anonymous visitors sent to /login", got.Status, got.Header.Get("Location"))
		}
		b := s.Browser()
		b.SignUp("Ana", "ana@example.com", goodPassword)
		page := apptest.Must(t, b.Get("/pathway?target=ODS"), 200).Text()
		if !strings.Contains(page, `<option value="ODS" selected>`) {
			t.Fatal("got no ODS preselected from ?target=ODS")
		}
		form := url.Values{"target": {"RHIT"}, "education": {"high_school"}, "program_name": {"HIT AAS"}, "accreditation": {"unknown"},
			"program_start": {"2033-09-01"}, "expected_graduation": {"2035-05-15"}, "exam_scheduled_on": {"2035-01-01"}}
		page = apptest.Must(t, b.Submit("/pathway", form), 422).Text()
		if !strings.Contains(page, `id="exam_scheduled_on-error"`) || !strings.Contains(page, `value="HIT AAS"`) {
			t.Fatalf("got %v, want the exam date error beside its field and the typed program kept", apptest.FieldErrorsIn(page))
		}
		form.Set("exam_scheduled_on", "2035-06-20")
		resp := apptest.Must(t, b.Submit("/pathway", form), 303)
		if loc := resp.Header.Get("Location"); loc != "/pathway" {
			t.Fatalf("got redirect to %s, want /pathway", loc)
		}
		page = apptest.Must(t, b.Get("/pathway"), 200).Text()
		for _, want := range []string{"Your pathway is saved.", "Ask your program whether it is CAHIIM-accredited", "Not yet", "Unknown", "<svg", "Today", "First CEU cycle ends"} {
			if !strings.Contains(page, want) {
				t.Errorf("got no %q on the pathway page", want)
			}
		}
	}, studentClock())
}

func TestRecordPassPageCreatesCredentialAndLandsOnDashboard(t *testing.T) {
	apptest.Each(t, func(t *testing.T, s *apptest.Server) {
		b := s.Browser()
		b.SignUp("Ana", "ana@example.com", goodPassword)
		apptest.Must(t, b.Submit("/pathway/pass", url.Values{"passed_on": {"2035-03-02"}}), 404)
		apptest.Must(t, b.Submit("/pathway", url.Values{"target": {"CCA"}, "program_start": {"2034-01-10"}}), 303)
		page := apptest.Must(t, b.Submit("/pathway/pass", url.Values{"passed_on": {"2033-12-01"}}), 422).Text()
		if !strings.Contains(page, `id="pass_passed_on-error"`) || !strings.Contains(page, "before your program started") {
			t.Fatalf("got errors %v, want the pass date refused beside its field", apptest.FieldErrorsIn(page))
		}
		if got := heldCredentials(t, s, "ana@example.com"); len(got) != 0 {
			t.Fatalf("got %v after a refused pass, want none", got)
		}
		resp := apptest.Must(t, b.Submit("/pathway/pass", url.Values{"passed_on": {"2035-03-02"}}), 303)
		if loc := resp.Header.Get("Location"); loc != "/dashboard" {
			t.Fatalf("got redirect to %s, want /dashboard", loc)
		}
		dash := apptest.Must(t, b.Get("/dashboard"), 200).Text()
		if !strings.Contains(dash, "first CEU cycle runs from 2 Mar 2035 to 1 Mar 2037") {
			t.Fatalf("got no first-cycle flash on the dashboard: %s", dash)
		}
		if got := heldCredentials(t, s, "ana@example.com"); len(got) != 1 || got[0] != "CCA 2035-03-02" {
			t.Fatalf("got %v, want [CCA 2035-03-02]", got)
		}
	}, studentClock())
}
