package handlers

import "github.com/gofiber/fiber/v2"

// registerCEUPages mounts the credential-holder pages. The public calendar feed is
// mounted in Register, outside the pages' CSRF cookie.
func (h *Handlers) registerCEUPages(pages fiber.Router) {
	// Credentials and the calendar feed settings.
	pages.Get("/credentials", h.requireUser, h.showCredentials)
	pages.Post("/credentials", h.requireUser, h.createCredential)
	pages.Post("/credentials/calendar", h.requireUser, h.regenerateCalendarToken)
	pages.Post("/credentials/calendar/revoke", h.requireUser, h.revokeCalendarToken)
	pages.Post("/credentials/calendar/alarms", h.requireUser, h.saveCalendarAlarms)
	pages.Get("/credentials/:id", h.requireUser, h.showCredential)
	pages.Get("/credentials/:id/edit", h.requireUser, h.showEditCredential)
	pages.Post("/credentials/:id", h.requireUser, h.updateCredential)
	pages.Get("/credentials/:id/delete", h.requireUser, h.showDeleteCredential)
	pages.Post("/credentials/:id/delete", h.requireUser, h.deleteCredential)

	// CEU entries, exports and imports; fixed paths before /ceus/:id.
	pages.Get("/ceus", h.requireUser, h.showCEUs)
	pages.Post("/ceus", h.requireUser, h.createCEU)
	pages.Get("/ceus/new", h.requireUser, h.showNewCEU)
	pages.Get("/ceus/what-if", h.requireUser, h.showWhatIf)
	pages.Get("/ceus/export.csv", h.requireUser, h.exportCEUCSV)
	pages.Get("/ceus/import", h.requireUser, h.showImportCEUs)
	pages.Get("/ceus/import/template.csv", h.requireUser, h.exportCEUTemplate)
	pages.Post("/ceus/import", h.requireUser, h.previewImportCEUs)
	pages.Post("/ceus/import/commit", h.requireUser, h.commitImportCEUs)
	pages.Get("/ceus/report.pdf", h.requireUser, h.exportTranscriptPDF)
	pages.Get("/ceus/audit-pack.zip", h.requireUser, h.exportAuditZip)
	pages.Get("/ceus/audit-pack.pdf", h.requireUser, h.exportAuditPDF)
	pages.Get("/ceus/:id/edit", h.requireUser, h.showEditCEU)
	pages.Post("/ceus/:id", h.requireUser, h.updateCEU)
	pages.Get("/ceus/:id/delete", h.requireUser, h.showDeleteCEU)
	pages.Post("/ceus/:id/delete", h.requireUser, h.deleteCEU)
	pages.Get("/ceus/:id/evidence", h.requireUser, h.showEvidence)
	pages.Post("/ceus/:id/evidence", h.requireUser, h.uploadEvidence)
	pages.Get("/ceus/:id/evidence/:fid", h.requireUser, h.downloadEvidence)
	pages.Post("/ceus/:id/evidence/:fid/delete", h.requireUser, h.deleteEvidence)

	// Maintenance rules as dated data, edited by admins.
	pages.Get("/admin/rules", h.requireRole("admin"), h.showRules)
	pages.Get("/admin/rules/:id", h.requireRole("admin"), h.showEditRule)
	pages.Post("/admin/rules/:id", h.requireRole("admin"), h.updateRule)
	pages.Post("/admin/rules/:id/supersede", h.requireRole("admin"), h.supersedeRule)
}

// registerCEUAPI mounts the API twins of the credential-holder pages.
func (h *Handlers) registerCEUAPI(api fiber.Router) {
	api.Get("/credentials", h.requireAPIUser, h.apiListCredentials)
	api.Post("/credentials", h.requireAPIUser, h.apiCreateCredential)
	api.Get("/credentials/:id", h.requireAPIUser, h.apiShowCredential)
	api.Put("/credentials/:id", h.requireAPIUser, h.apiUpdateCredential)
	api.Delete("/credentials/:id", h.requireAPIUser, h.apiDeleteCredential)
	api.Get("/progress", h.requireAPIUser, h.apiShowProgress)
	api.Get("/ceus", h.requireAPIUser, h.apiListCEUs)
	api.Post("/ceus", h.requireAPIUser, h.apiCreateCEU)
	api.Post("/ceus/what-if", h.requireAPIUser, h.apiWhatIf)
	api.Post("/ceus/import", h.requireAPIUser, h.apiImportCEUs)
	api.Get("/ceus/import/template.csv", h.requireAPIUser, h.exportCEUTemplate)
	api.Get("/ceus/export.csv", h.requireAPIUser, h.exportCEUCSV)
	api.Get("/ceus/report.pdf", h.requireAPIUser, h.exportTranscriptPDF)
	api.Get("/ceus/audit-pack.zip", h.requireAPIUser, h.exportAuditZip)
	api.Get("/ceus/audit-pack.pdf", h.requireAPIUser, h.exportAuditPDF)
	api.Get("/ceus/:id", h.requireAPIUser, h.apiShowCEU)
	api.Put("/ceus/:id", h.requireAPIUser, h.apiUpdateCEU)
	api.Delete("/ceus/:id", h.requireAPIUser, h.apiDeleteCEU)
	api.Get("/ceus/:id/evidence", h.requireAPIUser, h.apiListEvidence)
	api.Post("/ceus/:id/evidence", h.requireAPIUser, h.apiUploadEvidence)
	api.Get("/ceus/:id/evidence/:fid", h.requireAPIUser, h.apiDownloadEvidence)
	api.Delete("/ceus/:id/evidence/:fid", h.requireAPIUser, h.apiDeleteEvidence)
	api.Get("/calendar-token", h.requireAPIUser, h.apiShowCalendarToken)
	api.Post("/calendar-token", h.requireAPIUser, h.apiCreateCalendarToken)
	api.Delete("/calendar-token", h.requireAPIUser, h.apiRevokeCalendarToken)
	api.Put("/calendar-token/alarms", h.requireAPIUser, h.apiSaveCalendarAlarms)
}

// ceuDashboardPanel adds the holder's current cycles to the dashboard; a learner
// holding no credential gets nothing.
func (h *Handlers) ceuDashboardPanel(c *fiber.Ctx, data fiber.Map) error {
	holder, err := h.loadHolder(c)
	if err != nil {
		return err
	}
	if len(holder.Held) > 0 {
		data["CEUCycles"] = currentCards(holder)
	}
	return nil
}
