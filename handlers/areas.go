package handlers

import "github.com/gofiber/fiber/v2"

// registerAreaAPI mounts the API routes of the product areas (credentials and CEUs,
// students, cohorts, career reference). Each area adds one line here.
func (h *Handlers) registerAreaAPI(api fiber.Router) {
	h.registerStudentAPI(api)
	h.registerCEUAPI(api)
	h.registerReferenceAPI(api)
	h.registerCohortAPI(api)
	h.registerStudyEngineAPI(api)
	h.registerNoticeAPI(api)
}

// registerAreaPages mounts the pages of the product areas. Each area adds one line here.
func (h *Handlers) registerAreaPages(pages fiber.Router) {
	h.registerStudentPages(pages)
	h.registerCEUPages(pages)
	h.registerReferencePages(pages)
	h.registerCohortPages(pages)
	h.registerStudyEnginePages(pages)
	h.registerHelpPages(pages)
	h.registerNoticePages(pages)
}

// dashboardPanels lists the areas' dashboard summaries in display order. Each area adds
// one line here and one {{template}} line in pages/dashboard.html.
func (h *Handlers) dashboardPanels() []dashboardPanel {
	return []dashboardPanel{
		h.studentDashboardPanel,
		h.ceuDashboardPanel,
		h.instructorNoticePanel,
		h.noticePanel,
	}
}
