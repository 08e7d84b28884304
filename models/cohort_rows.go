package models

import (
	"cmp"
	"slices"
	"strings"
	"time"
)

// Exam statuses shown on the dashboard.
const (
	CohortExamNoPathway    = "no pathway"
	CohortExamNotScheduled = "not scheduled"
	CohortExamScheduled    = "scheduled"
	CohortExamPassed       = "passed"
	CohortExamFailed       = "failed"
)

// CohortRow is one student's line on a cohort dashboard.
type CohortRow struct {
	UserID        int64
	Name          string
	Email         string
	JoinedAt      time.Time
	ShareOutcomes bool
	TargetCode    string

	CoursesTotal      int
	CoursesDone       int
	CourseworkPercent int

	Minutes7       int
	Minutes30      int
	LastStudyOn    time.Time
	LastActivityOn time.Time // the later of the last study session and practice exam

	Readiness     ReadinessReport
	WeakestDomain string

	ExamStatus        string
	ExamOn            time.Time // scheduled date, pass date, or the cohort's target date
	PracticumDone     int
	PracticumRequired int

	Flags []RiskFlag
}

// AtRisk reports whether any at-risk rule fired.
func (r CohortRow) AtRisk() bool { return len(r.Flags) > 0 }

// rows builds one row per member with the pure rules (coursework, readiness, at risk).
func (f cohortFacts) rows(c Cohort, today time.Time) []CohortRow {
	rows := make([]CohortRow, 0, len(f.members))
	for _, m := range f.members {
		row := CohortRow{UserID: m.UserID, Name: m.Name, Email: m.Email, JoinedAt: m.JoinedAt, ShareOutcomes: m.ShareOutcomes, TargetCode: c.TargetCode}
		pathway, hasPathway := f.pathways[m.UserID]
		if hasPathway {
			row.TargetCode = pathway.TargetCode
		}
		courses := f.cohortCourseRow(m.UserID, &row)
		study := f.study[m.UserID]
		row.Minutes7, row.Minutes30, row.LastStudyOn = study.Minutes7, study.Minutes30, study.LastStudyOn.Time
		row.Readiness = f.readinessFor(m.UserID, row.TargetCode)
		if len(row.Readiness.Weakest) > 0 {
			row.WeakestDomain = row.Readiness.Weakest[0].Name
		}
		row.LastActivityOn = laterOf(row.LastStudyOn, row.Readiness.LastAttemptOn)
		row.applyExam(pathway, hasPathway, c)
		if row.ExamStatus != CohortExamPassed {
			row.Flags = AtRisk(StudentRiskFacts{
				LastStudyOn: row.LastStudyOn, JoinedOn: DateOnly(m.JoinedAt), SignedUpOn: DateOnly(m.SignedUpAt),
				Readiness: row.Readiness, ExamOn: row.ExamOn, Courses: courses,
			}, c.Thresholds(), today)
		}
		rows = append(rows, row)
	}
	return rows
}

func (f cohortFacts) cohortCourseRow(userID int64, row *CohortRow) []CourseFacts {
	list := f.courses[userID]
	courses := make([]CourseFacts, len(list))
	done := 0
	for i, lc := range list {
		courses[i] = CourseFacts{Name: lc.Name, Status: CourseStatus(lc.Status), DueOn: lc.DueOn.Time}
		if CourseStatus(lc.Status) == CourseCompleted {
			done++
		}
	}
	share := CourseworkOf(done, f.catalogue)
	row.CoursesDone, row.CoursesTotal, row.CourseworkPercent = share.Done, share.Total, share.Percent
	return courses
}

// applyExam fills the exam status and the date the readiness rule measures against:
// the student's scheduled exam, else the cohort's target date.
func (r *CohortRow) applyExam(p cohortPathwayRow, hasPathway bool, c Cohort) {
	r.ExamOn = c.ExamOn()
	if !hasPathway {
		r.ExamStatus = CohortExamNoPathway
		return
	}
	r.PracticumDone, r.PracticumRequired = p.PracticumHoursDone, p.PracticumHoursRequired
	switch {
	case p.ExamResult == string(ExamResultPassed):
		r.ExamStatus, r.ExamOn = CohortExamPassed, p.PassedOn.Time
	case p.ExamResult == string(ExamResultFailed):
		r.ExamStatus = CohortExamFailed
		if !p.ExamScheduledOn.IsZero() {
			r.ExamOn = p.ExamScheduledOn.Time
		}
	case !p.ExamScheduledOn.IsZero():
		r.ExamStatus, r.ExamOn = CohortExamScheduled, p.ExamScheduledOn.Time
	default:
		r.ExamStatus = CohortExamNotScheduled
	}
}

// CohortSorts are the columns a dashboard can be sorted by; "-" before a key
// sorts descending.
var CohortSorts = []string{"name", "coursework", "study7", "study30", "last_activity", "readiness", "exam", "practicum", "risk"}

// ValidCohortSort reports whether sort names a known column, optionally with "-".
func ValidCohortSort(sort string) bool {
	return slices.Contains(CohortSorts, strings.TrimPrefix(sort, "-"))
}

// SortCohortRows orders rows by a CohortSorts key; ties keep name order.
// An unknown key sorts by name.
func SortCohortRows(rows []CohortRow, sort string) {
	key, desc := strings.TrimPrefix(sort, "-"), strings.HasPrefix(sort, "-")
	compare := cohortRowComparators[key]
	if compare == nil {
		compare = cohortRowComparators["name"]
	}
	slices.SortStableFunc(rows, func(a, b CohortRow) int {
		c := compare(a, b)
		if desc {
			c = -c
		}
		if c == 0 {
			c = cmp.Or(cmp.Compare(strings.ToLower(a.Name), strings.ToLower(b.Name)), cmp.Compare(a.UserID, b.UserID))
		}
		return c
	})
}

var cohortRowComparators = map[string]func(a, b CohortRow) int{
	"name":          func(a, b CohortRow) int { return cmp.Compare(strings.ToLower(a.Name), strings.ToLower(b.Name)) },
	"coursework":    func(a, b CohortRow) int { return cmp.Compare(a.CourseworkPercent, b.CourseworkPercent) },
	"study7":        func(a, b CohortRow) int { return cmp.Compare(a.Minutes7, b.Minutes7) },
	"study30":       func(a, b CohortRow) int { return cmp.Compare(a.Minutes30, b.Minutes30) },
	"last_activity": func(a, b CohortRow) int { return a.LastActivityOn.Compare(b.LastActivityOn) },
	"readiness":     func(a, b CohortRow) int { return cmp.Compare(cohortReadinessKey(a), cohortReadinessKey(b)) },
	"exam":          func(a, b CohortRow) int { return cohortCompareDates(a.ExamOn, b.ExamOn) },
	"practicum":     func(a, b CohortRow) int { return cmp.Compare(a.PracticumDone, b.PracticumDone) },
	"risk":          func(a, b CohortRow) int { return cmp.Compare(len(a.Flags), len(b.Flags)) },
}

// cohortReadinessKey puts students without practice exams below everyone with data.
func cohortReadinessKey(r CohortRow) float64 {
	if !r.Readiness.HasData {
		return -1
	}
	return r.Readiness.Percent
}

// cohortCompareDates orders dates with "no date" last.
func cohortCompareDates(a, b time.Time) int {
	switch {
	case a.IsZero() && b.IsZero():
		return 0
	case a.IsZero():
		return 1
	case b.IsZero():
		return -1
	}
	return a.Compare(b)
}

// CohortAtRiskRows returns the rows with at least one flag.
func CohortAtRiskRows(rows []CohortRow) []CohortRow {
	var out []CohortRow
	for _, r := range rows {
		if r.AtRisk() {
			out = append(out, r)
		}
	}
	return out
}
