package handlers

import (
	"bytes"
	"fmt"
	"strings"

	"github.com/gofiber/fiber/v2"

	"hitpath/models"
)

// exportCohortCSV sends the dashboard (same sort and filter as the page) as CSV and
// records the export in the audit log. It serves the page and the API alike.
func (h *Handlers) exportCohortCSV(c *fiber.Ctx) error {
	cohort, err := h.instructorCohort(c)
	if err != nil {
		return err
	}
	dash, err := models.LoadCohortDashboard(c.UserContext(), h.DB, cohort, h.today())
	if err != nil {
		return err
	}
	readCohortDashboardView(c).apply(&dash)
	var buf bytes.Buffer
	if err := models.WriteSpreadsheetCSV(&buf, models.CohortCSVRecords(dash.Rows)); err != nil {
		return fmt.Errorf("write cohort %d csv: %w", cohort.ID, err)
	}
	if err := models.RecordCohortExport(c.UserContext(), h.DB, auditActor(c), cohort.ID, len(dash.Rows)); err != nil {
		return err
	}
	c.Set(fiber.HeaderContentType, "text/csv; charset=utf-8")
	c.Set(fiber.HeaderContentDisposition, fmt.Sprintf(`attachment; filename="%s-%s.csv"`, cohortCSVFileName(cohort.Name), h.today().Format("2006-01-02")))
	c.Set(fiber.HeaderCacheControl, "no-store")
	return c.Send(buf.Bytes())
}

// cohortCSVFileName keeps letters, digits and dashes of a cohort name for the file name.
func cohortCSVFileName(name string) string {
	out := strings.Map(func(r rune) rune {
		switch {
		case r >= 'a' && r <= 'z', r >= '0' && r <= '9':
			return r
		case r >= 'A' && r <= 'Z':
			return r + 'a' - 'A'
		}
		return '-'
	}, name)
	out = strings.Trim(out, "-")
	if out == "" {
		return "cohort"
	}
	return out
}
