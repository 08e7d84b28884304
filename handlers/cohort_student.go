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
	student, err := models.LoadCohortStudent(c.UserContext(), h.DB, cohort, int64(uid), h.today())
	return cohort, student, err
}

func (h *Handlers) showCohortStudent(c *fiber.Ctx) error {
	cohort, student, err := h.cohortStudent(c)
	if err != nil {
		return err
	}
	return h.render(c, fiber.StatusOK, "pages/cohort_student", fiber.Map{
		"Title": student.Row.Name + " · " + cohort.Name, "Cohort": cohort, "Student": student,
		"StudyChart": weeklyMinutesSVG(student.Weekly), "Base": cohortPath(cohort.ID),
	})
}

// studentJSON is the API twin of the drill-down.
type studentJSON struct {
	Row      studentRowJSON `json:"student"`
	Pathway  *pathwayJSON   `json:"pathway"`
	Courses  []courseJSON   `json:"courses"`
	Sessions []sessionJSON  `json:"study_sessions"`
	Attempts []attemptJSON  `json:"practice_exams"`
}

type pathwayJSON struct {
	TargetCode         string  `json:"target_code"`
	ProgramName        string  `json:"program_name"`
	Institution        string  `json:"institution"`
	ExpectedGraduation *string `json:"expected_graduation"`
}

type courseJSON struct {
	Name        string  `json:"name"`
	Status      string  `json:"status"`
	DueOn       *string `json:"due_on"`
	CompletedOn *string `json:"completed_on"`
	Grade       string  `json:"grade"`
}

type sessionJSON struct {
	On             string `json:"studied_on"`
	Minutes        int    `json:"minutes"`
	DomainPosition int    `json:"domain_position"`
	DomainName     string `json:"domain_name"`
	Topic          string `json:"topic"`
}

type attemptJSON struct {
	TakenOn        string          `json:"taken_on"`
	CredentialCode string          `json:"credential_code"`
	Source         string          `json:"source"`
	OverallPercent float64         `json:"overall_percent"`
	Domains        []domainScoreJS `json:"domains"`
}

type domainScoreJS struct {
	Position int     `json:"position"`
	Percent  float64 `json:"percent"`
}

func toStudentJSON(s models.CohortStudent) studentJSON {
	out := studentJSON{Row: toStudentRowJSON(s.Row), Courses: []courseJSON{}, Sessions: []sessionJSON{}, Attempts: []attemptJSON{}}
	if s.HasPathway {
		p := s.Pathway
		out.Pathway = &pathwayJSON{TargetCode: p.TargetCode, ProgramName: p.ProgramName, Institution: p.Institution, ExpectedGraduation: jsonDate(p.ExpectedGraduation)}
	}
	for _, c := range s.Courses {
		out.Courses = append(out.Courses, courseJSON{Name: c.Name, Status: c.Status, DueOn: jsonDate(c.DueOn), CompletedOn: jsonDate(c.CompletedOn), Grade: c.Grade})
	}
	for _, x := range s.Sessions {
		out.Sessions = append(out.Sessions, sessionJSON{On: x.On.Format("2006-01-02"), Minutes: x.Minutes, DomainPosition: x.DomainPosition, DomainName: x.DomainName, Topic: x.Topic})
	}
	for _, a := range s.Attempts {
		aj := attemptJSON{TakenOn: a.TakenOn.Format("2006-01-02"), CredentialCode: a.CredentialCode, Source: a.Source, OverallPercent: a.OverallPercent, Domains: []domainScoreJS{}}
		for _, pos := range slices.Sorted(maps.Keys(a.DomainPercents)) {
			aj.Domains = append(aj.Domains, domainScoreJS{Position: pos, Percent: a.DomainPercents[pos]})
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
	return c.JSON(toStudentJSON(student))
}
