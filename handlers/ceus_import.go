package handlers

import (
	"bytes"
	"fmt"
	"io"
	"strconv"
	"strings"
	"time"

	"github.com/gofiber/fiber/v2"

	"hitpath/models"
)

func (h *Handlers) showImportCEUs(c *fiber.Ctx) error {
	return h.render(c, fiber.StatusOK, "pages/ceus_import", ceuImportPage(nil))
}

// ceuImportPage is the import page's data, with the expected header.
func ceuImportPage(extra fiber.Map) fiber.Map {
	data := fiber.Map{"Title": "Import CEUs", "Header": strings.Join(models.CEUCSVHeader, ",")}
	for k, v := range extra {
		data[k] = v
	}
	return data
}

// exportCEUTemplate downloads an empty import file: the header and one example row.
func (h *Handlers) exportCEUTemplate(c *fiber.Ctx) error {
	var buf bytes.Buffer
	example := []string{"", h.today(c).Format(time.DateOnly), "Coding Clinic webinar", "AHIMA", "ahima", "90", "", "yes", "no", "online", "Delete this example row"}
	if err := models.WriteSpreadsheetCSV(&buf, [][]string{models.CEUCSVHeader, example}); err != nil {
		return err
	}
	return ceuSendDownload(c, "text/csv; charset=utf-8", "ceus-template.csv", buf.Bytes())
}

// ceuImportText returns the CSV a page sent, as UTF-8: an uploaded file (converted
// from the encoding it came in, which is named), or the text carried over from the
// preview.
func ceuImportText(c *fiber.Ctx) (string, string) {
	if header, err := c.FormFile("file"); err == nil {
		if f, err := header.Open(); err == nil {
			defer f.Close()
			raw, _ := io.ReadAll(io.LimitReader(f, models.MaxImportBytes+1))
			return models.DecodeCSVText(raw)
		}
	}
	return c.FormValue("csv"), ""
}

// ceuImportColumns reads the columns the user chose on the preview; nil when the
// form carries no choice (the headings decide).
func ceuImportColumns(c *fiber.Ctx, text string) (models.CEUColumns, map[string]string) {
	if c.FormValue("mapped") != "1" {
		return nil, nil
	}
	width := len(models.ReadCSVTable([]byte(text)).Header)
	return models.ParseCEUColumnChoice(formValue(c), width)
}

// previewImportCEUs checks an uploaded CSV and shows what would be imported, rows
// already in the log apart; nothing is saved until the holder confirms. A file with
// other headings gets a form to choose which of its columns hold ours.
func (h *Handlers) previewImportCEUs(c *fiber.Ctx) error {
	text, converted := ceuImportText(c)
	columns, choiceProblems := ceuImportColumns(c, text)
	data := ceuImportPage(fiber.Map{"CSV": text, "Converted": converted})
	if choiceProblems != nil {
		data["Mapping"], data["MappingProblems"] = ceuColumnChoices(text, formValue(c)), choiceProblems
		return h.render(c, fiber.StatusUnprocessableEntity, "pages/ceus_import", data)
	}
	opts := models.CEUImportOptions{Today: h.today(c), Now: h.Now(), Preview: true, Columns: columns}
	result, problems, err := models.ImportCEUCSV(c.UserContext(), h.DB, currentUser(c).ID, strings.NewReader(text), opts)
	if err != nil {
		return err
	}
	if problems != nil {
		data["Problems"] = problems
		if len(problems) == 1 && problems[0].Field == "header" {
			data["Mapping"] = ceuColumnChoices(text, formValue(c))
		}
		return h.render(c, fiber.StatusUnprocessableEntity, "pages/ceus_import", data)
	}
	total, preview := 0, []models.CEUEntry{}
	for _, row := range result.New {
		total += row.Entry.CEUs
		if len(preview) < 50 {
			preview = append(preview, row.Entry)
		}
	}
	data["Preview"], data["Count"], data["Total"] = preview, len(result.New), total
	data["Duplicates"], data["Checked"], data["Notes"] = len(result.Duplicates), true, result.Notes
	if columns != nil {
		data["Chosen"] = ceuChosenColumns(formValue(c))
	}
	return h.render(c, fiber.StatusOK, "pages/ceus_import", data)
}

func (h *Handlers) commitImportCEUs(c *fiber.Ctx) error {
	text := c.FormValue("csv")
	columns, choiceProblems := ceuImportColumns(c, text)
	if choiceProblems != nil {
		return h.render(c, fiber.StatusUnprocessableEntity, "pages/ceus_import", ceuImportPage(fiber.Map{
			"CSV": text, "Mapping": ceuColumnChoices(text, formValue(c)), "MappingProblems": choiceProblems}))
	}
	opts := models.CEUImportOptions{Today: h.today(c), Now: h.Now(), Columns: columns, IncludeDuplicates: c.FormValue("include_duplicates") != ""}
	result, problems, err := models.ImportCEUCSV(c.UserContext(), h.DB, currentUser(c).ID, strings.NewReader(text), opts)
	if err != nil {
		return err
	}
	if problems != nil {
		return h.render(c, fiber.StatusUnprocessableEntity, "pages/ceus_import", ceuImportPage(fiber.Map{"Problems": problems}))
	}
	message := fmt.Sprintf("Imported %d activities.", result.Imported)
	if n := result.Skipped(opts); n > 0 {
		message += fmt.Sprintf(" %d already in your log — skipped.", n)
	}
	for _, note := range result.Notes {
		message += " " + note
	}
	return h.flashAndRedirect(c, "/ceus", message)
}

// ceuImportRequest is the API's JSON import: the CSV, the columns (numbered from 1
// as in the page's choice), and what to do with rows already in the log. Query
// parameters preview and include_duplicates do the same for a text/csv body.
type ceuImportRequest struct {
	CSV               string         `json:"csv"`
	Columns           map[string]int `json:"columns"`
	Preview           bool           `json:"preview"`
	IncludeDuplicates bool           `json:"include_duplicates"`
}

// apiImportCEUs takes a CSV body (text/csv, in any encoding the page accepts) or a
// ceuImportRequest (application/json).
func (h *Handlers) apiImportCEUs(c *fiber.Ctx) error {
	text, _ := models.DecodeCSVText(c.Body())
	in := ceuImportRequest{CSV: text, Preview: c.QueryBool("preview"), IncludeDuplicates: c.QueryBool("include_duplicates")}
	var columns models.CEUColumns
	if isJSONBody(c) {
		if err := readJSON(c, &in); err != nil {
			return err
		}
		if in.Columns != nil {
			var fields map[string]string
			columns, fields = models.ParseCEUColumnChoice(func(name string) string {
				if n, ok := in.Columns[strings.TrimPrefix(name, "column_")]; ok {
					return strconv.Itoa(n)
				}
				return ""
			}, len(models.ReadCSVTable([]byte(in.CSV)).Header))
			if fields != nil {
				return c.Status(fiber.StatusUnprocessableEntity).JSON(fiber.Map{"error": "Choose columns the file has.", "fields": fields})
			}
		}
	}
	opts := models.CEUImportOptions{Today: h.today(c), Now: h.Now(), Preview: in.Preview, IncludeDuplicates: in.IncludeDuplicates, Columns: columns}
	result, problems, err := models.ImportCEUCSV(c.UserContext(), h.DB, currentUser(c).ID, strings.NewReader(in.CSV), opts)
	if err != nil {
		return err
	}
	if problems != nil {
		return c.Status(fiber.StatusUnprocessableEntity).JSON(fiber.Map{
			"error": "Nothing was imported: fix the lines listed and send the file again.", "problems": problems})
	}
	status := fiber.StatusCreated
	if in.Preview {
		status = fiber.StatusOK
	}
	notes := result.Notes
	if notes == nil {
		notes = []string{}
	}
	return c.Status(status).JSON(fiber.Map{"imported": result.Imported, "new": len(result.New),
		"already_in_log": len(result.Duplicates), "skipped": result.Skipped(opts), "notes": notes})
}

// formValue reads one form field by name.
func formValue(c *fiber.Ctx) func(string) string {
	return func(name string) string { return c.FormValue(name) }
}

// ceuColumnChoice is one of our columns on the preview's column form, with the
// file's columns to pick from.
type ceuColumnChoice struct {
	Name    string
	Options []ceuColumnOption
}

// ceuColumnOption is one of the file's columns (Value from 1) in a choice.
type ceuColumnOption struct {
	Value, Label string
	Selected     bool
}

// ceuColumnChoices builds the column form for the file's header, each choice
// preselected from what the user sent or else from the headings that match.
func ceuColumnChoices(text string, value func(string) string) []ceuColumnChoice {
	header := models.ReadCSVTable([]byte(text)).Header
	matched, _ := models.MatchCEUColumns(header)
	choices := make([]ceuColumnChoice, 0, len(models.CEUCSVHeader))
	for _, name := range models.CEUCSVHeader {
		chosen := value("column_" + name)
		if chosen == "" && value("mapped") != "1" && matched[name] >= 0 {
			chosen = strconv.Itoa(matched[name] + 1)
		}
		choice := ceuColumnChoice{Name: name}
		for i, heading := range header {
			v := strconv.Itoa(i + 1)
			choice.Options = append(choice.Options, ceuColumnOption{Value: v, Label: v + ": " + heading, Selected: v == chosen})
		}
		choices = append(choices, choice)
	}
	return choices
}

// ceuChosenColumns carries the user's column choice from the preview to the commit.
func ceuChosenColumns(value func(string) string) map[string]string {
	chosen := map[string]string{}
	for _, name := range models.CEUCSVHeader {
		chosen["column_"+name] = value("column_" + name)
	}
	return chosen
}
