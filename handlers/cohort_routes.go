package handlers

import "github.com/gofiber/fiber/v2"

// registerCohortPages mounts the instructors' cohort pages and the learners' join page.
// Per-cohort pages answer 404 to anyone who is not an instructor of the cohort (or an
// admin), so that a cohort's existence stays private.
func (h *Handlers) registerCohortPages(pages fiber.Router) {
	instructor := h.requireRole("instructor")
	pages.Get("/cohorts", instructor, h.showCohorts)
	pages.Post("/cohorts", instructor, h.createCohort)
	pages.Get("/cohorts/:id", instructor, h.showCohortDashboard)
	pages.Post("/cohorts/:id", instructor, h.updateCohort)
	pages.Post("/cohorts/:id/join-code", instructor, h.regenerateCohortJoinCode)
	pages.Post("/cohorts/:id/join-code/disable", instructor, h.disableCohortJoinCode)
	pages.Post("/cohorts/:id/instructors", instructor, h.addCohortInstructor)
	pages.Post("/cohorts/:id/instructors/:uid/remove", instructor, h.removeCohortInstructor)
	pages.Post("/cohorts/:id/owner", instructor, h.changeCohortOwner)
	pages.Post("/cohorts/:id/nudges", instructor, h.sendCohortNudge)
	pages.Post("/cohorts/:id/risk", instructor, h.saveCohortRisk)
	pages.Get("/cohorts/:id/export.csv", instructor, h.exportCohortCSV)
	pages.Get("/cohorts/:id/students/:uid", instructor, h.showCohortStudent)

	learner := h.requireRole("learner")
	pages.Get("/join", learner, h.showJoin)
	pages.Post("/join", learner, h.addressLimit("join"), h.joinCohort)
	pages.Post("/join/:id/leave", learner, h.leaveCohort)
}

// registerCohortAPI mounts the JSON twins of the cohort pages.
func (h *Handlers) registerCohortAPI(api fiber.Router) {
	instructor := h.requireAPIRole("instructor")
	api.Get("/cohorts", instructor, h.apiListCohorts)
	api.Post("/cohorts", instructor, h.apiCreateCohort)
	cohort := api.Group("/cohorts/:id", h.requireAPIUser, h.requireAPICohortRole)
	cohort.Get("", h.apiShowCohort)
	cohort.Patch("", h.apiUpdateCohort)
	cohort.Get("/dashboard", h.apiShowCohortDashboard)
	cohort.Get("/students/:uid", h.apiShowCohortStudent)
	cohort.Get("/export.csv", h.exportCohortCSV)
	cohort.Post("/join-code", h.apiRegenerateJoinCode)
	cohort.Delete("/join-code", h.apiDisableJoinCode)
	cohort.Post("/instructors", h.apiAddCohortInstructor)
	cohort.Delete("/instructors/:uid", h.apiRemoveCohortInstructor)
	cohort.Post("/owner", h.apiChangeCohortOwner)
	cohort.Post("/nudges", h.apiSendCohortNudge)
	cohort.Get("/risk", h.apiShowCohortRisk)
	cohort.Put("/risk", h.apiSaveCohortRisk)

	learner := h.requireAPIRole("learner")
	api.Get("/memberships", learner, h.apiListMemberships)
	api.Post("/memberships", learner, h.addressLimit("join"), h.apiJoinCohort)
	api.Delete("/memberships/:id", learner, h.apiLeaveCohort)
}
