package handlers

import (
	"maps"
	"slices"

	"github.com/gofiber/fiber/v2"

	"hitpath/models"
)

// cohortStudent loads the drill-down named by :id and :uid, or 404 when the viewer is
// not an instructor of the cohort or the student is not (or no longer) a member.
func (h *Handlers) cohortStudent(c *fiber.Ctx) (models.Cohort, models.CohortStudent, error) {
	cohort, err := h.instructorCohort(c)
	if err != nil {
		return cohort, models.CohortStudent{}, err
	}
	uid, err := c.ParamsInt("uid")
	if err != nil || uid <= 0 {
		return cohort, models.CohortStudent{}, models.ErrNotFound
	}
	student, err := models.LoadCohortStudent(c.UserContext(), h.DB, cohort, int64(uid), h.today(c))
	return cohort, student, err
}

func (h *Handlers) showCohortStudent(c *fiber.Ctx) error {
	cohort, student, err := h.cohortStudent(c)
	if err != nil {
		return err
	}
	return h.render(c, fiber.StatusOK, "pages/cohort_student", fiber.Map{
		"Title": student.Row.Name + " · " + cohort.Name, "Cohort": cohort, "Student": student,
		"StudyChart": cohortWeeklyChart("Weekly study minutes of "+student.Row.Name, student.Weekly), "Base": cohortPath(cohort.ID),
	})
}

// cohortStudentJSON is the API twin of the drill-down.
type cohortStudentJSON struct {
	Row      cohortRowJSON       `json:"student"`
	Pathway  *cohortPathwayJSON  `json:"pathway"`
	Courses  []cohortCourseJSON  `json:"courses"`
	Sessions []cohortSessionJSON `json:"study_sessions"`
	Attempts []cohortAttemptJSON `json:"practice_exams"`
}

type cohortPathwayJSON struct {
	TargetCode         string  `json:"target_code"`
	ProgramName        string  `json:"program_name"`
	Institution        string  `json:"institution"`
	ExpectedGraduation *string `json:"expected_graduation"`
}

type cohortCourseJSON struct {
	Name        string  `json:"name"`
	Status      string  `json:"status"`
	DueOn       *string `json:"due_on"`
	CompletedOn *string `json:"completed_on"`
	Grade       string  `json:"grade"`
}

type cohortSessionJSON struct {
	On             string `json:"studied_on"`
	Minutes        int    `json:"minutes"`
	DomainPosition int    `json:"domain_position"`
	DomainName     string `json:"domain_name"`
	Topic          string `json:"topic"`
}

type cohortAttemptJSON struct {
	TakenOn        string                  `json:"taken_on"`
	CredentialCode string                  `json:"credential_code"`
	Source         string                  `json:"source"`
	OverallPercent float64                 `json:"overall_percent"`
	Domains        []cohortDomainScoreJSON `json:"domains"`
}

type cohortDomainScoreJSON struct {
	Position int     `json:"position"`
	Percent  float64 `json:"percent"`
}

func toCohortStudentJSON(s models.CohortStudent) cohortStudentJSON {
	out := cohortStudentJSON{Row: toCohortRowJSON(s.Row), Courses: []cohortCourseJSON{}, Sessions: []cohortSessionJSON{}, Attempts: []cohortAttemptJSON{}}
	if s.HasPathway {
		p := s.Pathway
		out.Pathway = &cohortPathwayJSON{TargetCode: p.TargetCode, ProgramName: p.ProgramName, Institution: p.Institution, ExpectedGraduation: cohortJSONDate(p.ExpectedGraduation)}
	}
	for _, c := range s.Courses {
		out.Courses = append(out.Courses, cohortCourseJSON{Name: c.Name, Status: c.Status, DueOn: cohortJSONDate(c.DueOn), CompletedOn: cohortJSONDate(c.CompletedOn), Grade: c.Grade})
	}
	for _, x := range s.Sessions {
		out.Sessions = append(out.Sessions, cohortSessionJSON{On: x.On.Format("2006-01-02"), Minutes: x.Minutes, DomainPosition: x.DomainPosition, DomainName: x.DomainName, Topic: x.Topic})
	}
	for _, a := range s.Attempts {
		aj := cohortAttemptJSON{TakenOn: a.TakenOn.Format("2006-01-02"), CredentialCode: a.CredentialCode, Source: a.Source, OverallPercent: a.OverallPercent, Domains: []cohortDomainScoreJSON{}}
		for _, pos := range slices.Sorted(maps.Keys(a.DomainPercents)) {
			aj.Domains = append(aj.Domains, cohortDomainScoreJSON{Position: pos, Percent: a.DomainPercents[pos]})
		}
		out.Attempts = append(out.Attempts, aj)
	}
	return out
}

func (h *Handlers) apiShowCohortStudent(c *fiber.Ctx) error {
	_, student, err := h.cohortStudent(c)
	if err != nil {
		return err
	}
	return c.JSON(toCohortStudentJSON(student))
}
