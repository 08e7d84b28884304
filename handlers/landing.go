package handlers

import (
	"github.com/gofiber/fiber/v2"

	"hitpath/models"
)

// audience is one of the three groups the landing page speaks to, with what hitpath
// does for them and where to start.
type audience struct {
	Name, Pitch, Action, Link string
	Points                    []string
}

// landingAudiences returns the landing page's three calls to action. Signed-in
// viewers go straight to the tool instead of the sign-up page.
func landingAudiences(signedIn bool) []audience {
	link := func(path string) string {
		if signedIn {
			return path
		}
		return "/signup"
	}
	return []audience{
		{Name: "Students", Pitch: "Heading for a first credential: CCA, RHIT or ODS.", Action: "Plan your pathway", Link: link("/pathway"),
			Points: []string{"Check your eligibility against the certifying body's rules", "Log study time and practice-exam scores", "See how ready you are, domain by domain"}},
		{Name: "Credential holders", Pitch: "Keeping a credential means continuing education every cycle.", Action: "Track your CEUs", Link: link("/credentials"),
			Points: []string{"Record CEUs with their evidence", "See each cycle's progress and deadline", "Export an audit-ready record"}},
		{Name: "Instructors", Pitch: "Running a program or a review course.", Action: "Set up a cohort", Link: link("/cohorts"),
			Points: []string{"Invite students with a join code", "See who is on track and who is at risk, and why", "Export reports for your program"}},
	}
}

// showHome is the landing page: who hitpath is for, and the career reference. A
// visitor gets the cached rendering, like the reference pages (it lists them, so it
// changes with them); a signed-in viewer's calls to action lead into the tool.
func (h *Handlers) showHome(c *fiber.Ctx) error {
	load := func() (fiber.Map, error) {
		pages, err := models.ListReferencePages(c.UserContext(), h.DB)
		if err != nil {
			return nil, err
		}
		return fiber.Map{
			"Title": "Plan, earn and keep your HIT credential", "Audiences": landingAudiences(currentViewer(c) != nil), "ReferencePages": pages,
		}, nil
	}
	if currentViewer(c) != nil {
		data, err := load()
		if err != nil {
			return err
		}
		return h.render(c, fiber.StatusOK, "pages/home", data)
	}
	return h.showReference(c, "home", "pages/home", load)
}
