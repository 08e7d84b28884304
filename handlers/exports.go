package handlers

import (
	"archive/zip"
	"bytes"
	"fmt"
	"io"
	"strconv"
	"strings"
	"time"

	"github.com/gofiber/fiber/v2"

	"hitpath/models"
)

func (h *Handlers) exportCEUCSV(c *fiber.Ctx) error {
	entries, err := models.ListCEUEntries(c.UserContext(), h.DB, currentUser(c).ID, models.CEUFilter{})
	if err != nil {
		return err
	}
	var buf bytes.Buffer
	if err := models.WriteCEUCSV(&buf, entries); err != nil {
		return err
	}
	c.Set(fiber.HeaderContentType, "text/csv; charset=utf-8")
	c.Set(fiber.HeaderContentDisposition, `attachment; filename="ceus.csv"`)
	c.Set(fiber.HeaderCacheControl, "private, no-store")
	return c.Send(buf.Bytes())
}

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
	example := []string{h.today().Format(time.DateOnly), "Coding Clinic webinar", "AHIMA", "ahima", "90", "", "yes", "no", "online", "Delete this example row"}
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
			raw, _ := io.ReadAll(io.LimitReader(f, 8<<20))
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

// previewImportCEUs checks an uploaded CSV and shows what would be imported; nothing
// is saved until the holder confirms. A file with other headings gets a form to
// choose which of its columns hold ours.
func (h *Handlers) previewImportCEUs(c *fiber.Ctx) error {
	text, converted := ceuImportText(c)
	holder, err := h.loadHolder(c)
	if err != nil {
		return err
	}
	columns, choiceProblems := ceuImportColumns(c, text)
	data := ceuImportPage(fiber.Map{"CSV": text, "Converted": converted})
	if choiceProblems != nil {
		data["Mapping"], data["MappingProblems"] = ceuColumnChoices(text, formValue(c)), choiceProblems
		return h.render(c, fiber.StatusUnprocessableEntity, "pages/ceus_import", data)
	}
	entries, problems := models.ParseCEUCSVColumns(strings.NewReader(text), columns, currentUser(c).ID, holder.Today, holder.EarliestEarnedOn())
	if problems != nil {
		data["Problems"] = problems
		if len(problems) == 1 && problems[0].Field == "header" {
			data["Mapping"] = ceuColumnChoices(text, formValue(c))
		}
		return h.render(c, fiber.StatusUnprocessableEntity, "pages/ceus_import", data)
	}
	total := 0
	for _, e := range entries {
		total += e.CEUs
	}
	data["Preview"] = entries[:min(len(entries), 50)]
	data["Count"], data["Total"] = len(entries), total
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
	n, problems, err := h.importCEUs(c, text, columns)
	if err != nil {
		return err
	}
	if problems != nil {
		return h.render(c, fiber.StatusUnprocessableEntity, "pages/ceus_import", ceuImportPage(fiber.Map{"Problems": problems}))
	}
	return h.flashAndRedirect(c, "/ceus", fmt.Sprintf("Imported %d activities.", n))
}

// importCEUs parses and saves a CSV for the signed-in user, all or nothing.
func (h *Handlers) importCEUs(c *fiber.Ctx, text string, columns models.CEUColumns) (int, []models.ImportProblem, error) {
	holder, err := h.loadHolder(c)
	if err != nil {
		return 0, nil, err
	}
	entries, problems := models.ParseCEUCSVColumns(strings.NewReader(text), columns, currentUser(c).ID, holder.Today, holder.EarliestEarnedOn())
	if problems != nil {
		return 0, problems, nil
	}
	if err := models.ImportCEUEntries(c.UserContext(), h.DB, entries, h.Now(), nil); err != nil {
		return 0, nil, err
	}
	return len(entries), nil, nil
}

// apiImportCEUs takes a CSV body (text/csv, in any encoding the page accepts) or
// {"csv": "...", "columns": {"date": 1, ...}} (application/json), the columns
// numbered from 1 as in the page's choice.
func (h *Handlers) apiImportCEUs(c *fiber.Ctx) error {
	text, _ := models.DecodeCSVText(c.Body())
	var columns models.CEUColumns
	if strings.HasPrefix(c.Get(fiber.HeaderContentType), fiber.MIMEApplicationJSON) {
		var in struct {
			CSV     string         `json:"csv"`
			Columns map[string]int `json:"columns"`
		}
		if err := readJSON(c, &in); err != nil {
			return err
		}
		text = in.CSV
		if in.Columns != nil {
			var fields map[string]string
			columns, fields = models.ParseCEUColumnChoice(func(name string) string {
				if n, ok := in.Columns[strings.TrimPrefix(name, "column_")]; ok {
					return strconv.Itoa(n)
				}
				return ""
			}, len(models.ReadCSVTable([]byte(text)).Header))
			if fields != nil {
				return c.Status(fiber.StatusUnprocessableEntity).JSON(fiber.Map{"error": "Choose columns the file has.", "fields": fields})
			}
		}
	}
	n, problems, err := h.importCEUs(c, text, columns)
	if err != nil {
		return err
	}
	if problems != nil {
		return c.Status(fiber.StatusUnprocessableEntity).JSON(fiber.Map{
			"error": "Nothing was imported: fix the lines listed and send the file again.", "problems": problems})
	}
	return c.Status(fiber.StatusCreated).JSON(fiber.Map{"imported": n})
}

// cycleTranscript loads the transcript of the cycle the query names (default: the
// current one). An unknown cycle is a 404.
func (h *Handlers) cycleTranscript(c *fiber.Ctx, withEvidence bool) (ceuTranscript, error) {
	holder, err := h.loadHolder(c)
	if err != nil {
		return ceuTranscript{}, err
	}
	p, ok := holder.Cycle(c.Query("cycle"))
	if c.Query("cycle") == "" {
		p, ok = holder.DefaultCycle()
	}
	if !ok {
		return ceuTranscript{}, fiber.NewError(fiber.StatusNotFound, "No such cycle: add a credential first, or pick a cycle from the list.")
	}
	user := currentUser(c)
	entries, err := models.ListCEUEntries(c.UserContext(), h.DB, user.ID, models.CEUFilter{From: p.Cycle.Start, To: p.Cycle.End})
	if err != nil {
		return ceuTranscript{}, err
	}
	t := ceuTranscript{Name: user.Name, Email: user.Email, Cycle: p, Entries: entries, Generated: holder.Today}
	if withEvidence {
		files, err := models.ListEvidence(c.UserContext(), h.DB, user.ID, ceuEntryIDs(t.Entries))
		if err != nil {
			return t, err
		}
		t.Evidence = map[int64][]models.EvidenceFile{}
		for _, f := range files {
			t.Evidence[f.EntryID] = append(t.Evidence[f.EntryID], f)
		}
	}
	return t, nil
}

func ceuEntryIDs(entries []models.CEUEntry) []int64 {
	ids := make([]int64, len(entries))
	for i, e := range entries {
		ids[i] = e.ID
	}
	return ids
}

func ceuSendDownload(c *fiber.Ctx, contentType, filename string, body []byte) error {
	c.Set(fiber.HeaderContentType, contentType)
	c.Set(fiber.HeaderContentDisposition, `attachment; filename="`+filename+`"`)
	c.Set(fiber.HeaderCacheControl, "private, no-store")
	return c.Send(body)
}

func (h *Handlers) exportTranscriptPDF(c *fiber.Ctx) error {
	t, err := h.cycleTranscript(c, false)
	if err != nil {
		return err
	}
	var buf bytes.Buffer
	if err := newTranscriptPDF(t).Output(&buf); err != nil {
		return fmt.Errorf("write transcript pdf: %w", err)
	}
	return ceuSendDownload(c, "application/pdf", "ceu-transcript-"+models.CycleKey(t.Cycle)+".pdf", buf.Bytes())
}

func (h *Handlers) exportAuditZip(c *fiber.Ctx) error {
	t, err := h.cycleTranscript(c, true)
	if err != nil {
		return err
	}
	var pdfBuf, zipBuf bytes.Buffer
	if err := newTranscriptPDF(t).Output(&pdfBuf); err != nil {
		return fmt.Errorf("write transcript pdf: %w", err)
	}
	files, err := models.EvidenceWithContent(c.UserContext(), h.DB, currentUser(c).ID, ceuEntryIDs(t.Entries))
	if err != nil {
		return err
	}
	zw := zip.NewWriter(&zipBuf)
	if err := ceuAddZipFile(zw, "transcript.pdf", h.Now(), pdfBuf.Bytes()); err != nil {
		return err
	}
	for _, f := range files {
		if err := ceuAddZipFile(zw, fmt.Sprintf("evidence/%d-%d-%s", f.EntryID, f.ID, f.Filename), f.CreatedAt, f.Content); err != nil {
			return err
		}
	}
	if err := zw.Close(); err != nil {
		return fmt.Errorf("close audit zip: %w", err)
	}
	return ceuSendDownload(c, "application/zip", "audit-pack-"+models.CycleKey(t.Cycle)+".zip", zipBuf.Bytes())
}

// ceuAddZipFile adds a compressed entry dated when its content was made (the
// transcript now, evidence at upload), in UTC as the ZIP's extended time field says.
func ceuAddZipFile(zw *zip.Writer, name string, modified time.Time, content []byte) error {
	w, err := zw.CreateHeader(&zip.FileHeader{Name: name, Method: zip.Deflate, Modified: modified.UTC()})
	if err != nil {
		return fmt.Errorf("add %s to audit zip: %w", name, err)
	}
	_, err = w.Write(content)
	return err
}

func (h *Handlers) exportAuditPDF(c *fiber.Ctx) error {
	t, err := h.cycleTranscript(c, true)
	if err != nil {
		return err
	}
	files, err := models.EvidenceWithContent(c.UserContext(), h.DB, currentUser(c).ID, ceuEntryIDs(t.Entries))
	if err != nil {
		return err
	}
	doc := newTranscriptPDF(t)
	addImagePages(doc, files)
	var first, merged bytes.Buffer
	if err := doc.Output(&first); err != nil {
		return fmt.Errorf("write audit pdf: %w", err)
	}
	if err := mergePDFs(first.Bytes(), files, &merged); err != nil {
		h.Log.Warn("merge audit pdf", "err", err)
		return fiber.NewError(fiber.StatusUnprocessableEntity, "One of your evidence PDFs could not be merged. Download the audit pack as a ZIP instead.")
	}
	return ceuSendDownload(c, "application/pdf", "audit-pack-"+models.CycleKey(t.Cycle)+".pdf", merged.Bytes())
}

// ceuPackSize is an audit pack's estimated size for the page.
type ceuPackSize struct {
	Label string
	Large bool
}

// auditPackSizes labels each current cycle's estimated audit pack for the page, from
// one listing of the holder's evidence.
func (h *Handlers) auditPackSizes(c *fiber.Ctx, holder models.Holder) (map[string]ceuPackSize, error) {
	files, err := models.ListEvidence(c.UserContext(), h.DB, currentUser(c).ID, nil)
	if err != nil {
		return nil, err
	}
	sizes := map[string]ceuPackSize{}
	for key, size := range models.EstimateAuditPacks(holder, files) {
		label := fmt.Sprintf("%.1f MB", float64(size.Bytes)/(1<<20))
		if size.Bytes < 1<<20 {
			label = fmt.Sprintf("%d KB", (size.Bytes+1023)/1024)
		}
		sizes[key] = ceuPackSize{Label: label, Large: size.TooLarge}
	}
	return sizes, nil
}
