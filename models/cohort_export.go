package models

import (
	"context"
	"fmt"
	"strconv"
	"strings"
	"time"

	"gorm.io/gorm"
)

// CohortCSVHeader names the columns of a dashboard export.
var CohortCSVHeader = []string{
	"name", "email", "target credential", "coursework %", "courses done", "courses total",
	"study minutes last 7 days", "study minutes last 30 days", "last activity", "readiness %",
	"weakest domain", "exam status", "exam date", "practicum hours done", "practicum hours required",
	"at risk", "risk rules",
}

// CohortCSVRecords turns dashboard rows into CSV records, header first; the writer
// (WriteSpreadsheetCSV) makes every cell safe for spreadsheets.
func CohortCSVRecords(rows []CohortRow) [][]string {
	out := make([][]string, 0, len(rows)+1)
	out = append(out, CohortCSVHeader)
	for _, r := range rows {
		readiness := ""
		if r.Readiness.HasData {
			readiness = strconv.FormatFloat(r.Readiness.Percent, 'f', 1, 64)
		}
		flags := make([]string, len(r.Flags))
		for i, f := range r.Flags {
			flags[i] = string(f.Code) + ": " + f.Message
		}
		record := []string{
			r.Name, r.Email, r.TargetCode, strconv.Itoa(r.CourseworkPercent), strconv.Itoa(r.CoursesDone), strconv.Itoa(r.CoursesTotal),
			strconv.Itoa(r.Minutes7), strconv.Itoa(r.Minutes30), cohortCSVDate(r.LastActivityOn), readiness,
			r.WeakestDomain, r.ExamStatus, cohortCSVDate(r.ExamOn), strconv.Itoa(r.PracticumDone), strconv.Itoa(r.PracticumRequired),
			map[bool]string{true: "yes", false: "no"}[r.AtRisk()], strings.Join(flags, "; "),
		}
		out = append(out, record)
	}
	return out
}

func cohortCSVDate(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.Format("2006-01-02")
}

// RecordCohortExport writes the export of a cohort's data to the audit log.
func RecordCohortExport(ctx context.Context, db *gorm.DB, actor AuditActor, cohortID int64, students int) error {
	return db.WithContext(ctx).Transaction(func(tx *gorm.DB) error {
		return WriteAudit(tx, actor, "cohort.exported", cohortTarget(cohortID), fmt.Sprintf("%d students", students))
	})
}
