package models

import (
	"context"
	"fmt"
	"time"

	"gorm.io/gorm"
)

// cohortHistoryDays is how far back the drill-down lists study sessions.
const cohortHistoryDays = 180

// CohortStudent is the read-only drill-down an instructor sees of one member: their
// row, pathway, coursework, study and practice history. Study notes are private and
// never loaded.
type CohortStudent struct {
	Row        CohortRow
	HasPathway bool
	Pathway    CohortStudentPathway
	Courses    []CohortStudentCourse
	Sessions   []CohortStudentSession // newest first, the last cohortHistoryDays days
	Weekly     []StudyWeek
	Attempts   []CohortStudentAttempt // newest first
	Outline    []ExamDomain
}

// CohortStudentPathway is the part of a pathway the drill-down shows.
type CohortStudentPathway struct {
	TargetCode         string
	ProgramName        string
	Institution        string
	ExpectedGraduation time.Time
}

// CohortStudentCourse is one course on the student's plan.
type CohortStudentCourse struct {
	Name        string
	Status      string
	DueOn       time.Time
	CompletedOn time.Time
	Grade       string
}

// CohortStudentSession is one study session (without its private notes).
type CohortStudentSession struct {
	On             time.Time
	Minutes        int
	DomainPosition int
	DomainName     string
	Topic          string
}

// CohortStudentAttempt is one practice exam with its domain scores.
type CohortStudentAttempt struct {
	TakenOn        time.Time
	CredentialCode string
	Source         string
	OverallPercent float64
	DomainPercents map[int]float64
}

type cohortSessionRow struct {
	StudiedOn      cohortDay `gorm:"column:studied_on"`
	Minutes        int       `gorm:"column:minutes"`
	CredentialCode string    `gorm:"column:credential_code"`
	DomainPosition int       `gorm:"column:domain_position"`
	Topic          string    `gorm:"column:topic"`
}

// LoadCohortStudent loads the drill-down of userID in cohort c. It answers ErrNotFound
// unless userID is a current member: once they leave, access ends.
func LoadCohortStudent(ctx context.Context, db *gorm.DB, c Cohort, userID int64, today time.Time) (CohortStudent, error) {
	today = DateOnly(today)
	rows, err := loadCohortStudentRows(ctx, db, c, cohortScope{cohortID: c.ID, userID: userID}, today)
	if err != nil {
		return CohortStudent{}, err
	}
	if len(rows) != 1 {
		return CohortStudent{}, ErrNotFound
	}
	out := CohortStudent{Row: rows[0]}
	if err := out.load(ctx, db, c.ID, userID, today); err != nil {
		return CohortStudent{}, fmt.Errorf("load student %d of cohort %d: %w", userID, c.ID, err)
	}
	return out, nil
}

// cohortMemberCond is the condition that keeps every drill-down query to a current member.
const cohortMemberCond = "user_id = ? AND user_id IN (" + cohortActiveMembers + ")"

func (s *CohortStudent) load(ctx context.Context, db *gorm.DB, cohortID, userID int64, today time.Time) error {
	db = db.WithContext(ctx)
	var pathways []cohortPathwayRow
	if err := db.Table("pathways").Where(cohortMemberCond, userID, cohortID).Scan(&pathways).Error; err != nil {
		return err
	}
	if len(pathways) == 1 {
		p := pathways[0]
		s.HasPathway = true
		s.Pathway = CohortStudentPathway{TargetCode: p.TargetCode, ProgramName: p.ProgramName, Institution: p.Institution, ExpectedGraduation: p.ExpectedGraduation.Time}
	}
	var courses []cohortCourseRow
	err := db.Table("learner_courses lc").Select("lc.user_id, c.name, lc.status, lc.due_on, lc.completed_on, lc.grade").
		Joins("JOIN courses c ON c.id = lc.course_id").Where("lc."+cohortMemberCond, userID, cohortID).Order("c.position, c.id").Scan(&courses).Error
	if err != nil {
		return err
	}
	for _, c := range courses {
		s.Courses = append(s.Courses, CohortStudentCourse{Name: c.Name, Status: c.Status, DueOn: c.DueOn.Time, CompletedOn: c.CompletedOn.Time, Grade: c.Grade})
	}
	outlines, err := loadCohortOutlines(ctx, db)
	if err != nil {
		return err
	}
	s.Outline = outlines[s.Row.TargetCode]
	if err := s.loadSessions(db, cohortID, userID, today, outlines); err != nil {
		return err
	}
	return s.loadCohortAttempts(db, cohortID, userID)
}

func (s *CohortStudent) loadSessions(db *gorm.DB, cohortID, userID int64, today time.Time, outlines map[string][]ExamDomain) error {
	from := AddDays(today, -cohortHistoryDays)
	var sessions []cohortSessionRow
	err := db.Table("study_sessions").Select("studied_on, minutes, credential_code, domain_position, topic").
		Where(cohortMemberCond+" AND studied_on >= ? AND studied_on < ?", userID, cohortID, cohortSQLDay(from), cohortSQLDay(AddDays(today, 1))).
		Order("studied_on DESC, id DESC").Scan(&sessions).Error
	if err != nil {
		return err
	}
	study := make([]StudySession, len(sessions))
	for i, x := range sessions {
		name := ""
		for _, d := range outlines[x.CredentialCode] {
			if d.Position == x.DomainPosition {
				name = d.Name
			}
		}
		s.Sessions = append(s.Sessions, CohortStudentSession{On: x.StudiedOn.Time, Minutes: x.Minutes, DomainPosition: x.DomainPosition, DomainName: name, Topic: x.Topic})
		study[i] = StudySession{On: x.StudiedOn.Time, Minutes: x.Minutes, DomainPosition: x.DomainPosition}
	}
	s.Weekly = RecentWeeks(study, today, cohortChartWeeks)
	return nil
}

func (s *CohortStudent) loadCohortAttempts(db *gorm.DB, cohortID, userID int64) error {
	var attempts []cohortAttemptRow
	if err := db.Table("practice_exams").Where(cohortMemberCond, userID, cohortID).Order("taken_on DESC, id DESC").Scan(&attempts).Error; err != nil {
		return err
	}
	var scores []cohortScoreRow
	err := db.Table("practice_exam_scores s").Select("s.practice_exam_id, s.domain_position, s.percent").
		Joins("JOIN practice_exams p ON p.id = s.practice_exam_id").Where("p."+cohortMemberCond, userID, cohortID).Scan(&scores).Error
	if err != nil {
		return err
	}
	byAttempt := map[int64]map[int]float64{}
	for _, sc := range scores {
		if byAttempt[sc.PracticeExamID] == nil {
			byAttempt[sc.PracticeExamID] = map[int]float64{}
		}
		byAttempt[sc.PracticeExamID][sc.DomainPosition] = sc.Percent
	}
	for _, a := range attempts {
		s.Attempts = append(s.Attempts, CohortStudentAttempt{TakenOn: a.TakenOn.Time, CredentialCode: a.CredentialCode, Source: a.Source, OverallPercent: a.OverallPercent, DomainPercents: byAttempt[a.ID]})
	}
	return nil
}
