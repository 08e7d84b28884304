package models

import (
	"fmt"
)

// createPathways gives each student a pathway towards the cohort's credential, the
// core courses in various states (some overdue) and, for those who passed, the held
// credential.
func (g *demoGenerator) createPathways(students []demoStudent) error {
	var pathways []Pathway
	var courses []LearnerCourse
	var held []HeldCredential
	for _, s := range students {
		target := s.cohort.TargetCode
		p := Pathway{
			UserID: s.user.ID, TargetCode: target, Education: string(EducationHighSchool), ProgramName: s.cohort.Program,
			Institution: "Demo Community College", Accreditation: string(AccreditationYes), ODSProgram: string(ODSProgramNone),
			ProgramStart: demoDate(AddDays(s.joined, -60)), ExpectedGraduation: demoDate(AddDays(s.cohort.ExamOn(), -20)),
			PracticumHoursRequired: demoPracticum[target], ExamResult: string(ExamResultNone),
			WeeklyGoalMinutes: 120 + 30*g.rng.IntN(6), CreatedAt: g.now, UpdatedAt: g.now,
		}
		p.PracticumHoursDone = int(float64(p.PracticumHoursRequired) * g.rng.Float64())
		exam := s.cohort.ExamOn()
		switch {
		case exam.Before(g.today) && g.rng.Float64() < 0.75:
			p.ExamScheduledOn = demoDate(exam)
			p.ExamResult = string(ExamResultPassed)
			if g.rng.Float64() < 0.2 {
				p.ExamResult = string(ExamResultFailed)
			} else {
				p.PassedOn = demoDate(exam)
				held = append(held, HeldCredential{UserID: s.user.ID, CredentialCode: target, EarnedOn: exam, CurrentAsOf: datePtr(exam), CreatedAt: g.now, UpdatedAt: g.now})
			}
			p.PracticumHoursDone = p.PracticumHoursRequired
		case !exam.Before(g.today) && g.rng.Float64() < 0.5:
			p.ExamScheduledOn = demoDate(AddDays(exam, g.rng.IntN(7)-3))
		}
		pathways = append(pathways, p)
		courses = append(courses, g.courseRows(s)...)
	}
	for _, batch := range []any{&pathways, &courses, &held} {
		if err := g.insert(batch); err != nil {
			return err
		}
	}
	return nil
}

func (g *demoGenerator) courseRows(s demoStudent) []LearnerCourse {
	done := 2 + g.rng.IntN(len(g.courses)-1)
	rows := make([]LearnerCourse, len(g.courses))
	for i, id := range g.courses {
		row := LearnerCourse{UserID: s.user.ID, CourseID: id, Status: string(CoursePlanned), UpdatedAt: g.now}
		switch {
		case i < done:
			row.Status = string(CourseCompleted)
			row.CompletedOn = demoDate(AddDays(s.joined, 30*(i+1)-45))
			row.Grade = []string{"A", "A-", "B+", "B", "C+"}[g.rng.IntN(5)]
		case i == done:
			row.Status = string(CourseInProgress)
			row.DueOn = demoDate(AddDays(g.today, g.rng.IntN(90)-25)) // some are overdue
		default:
			row.DueOn = demoDate(AddDays(g.today, 30*(i-done)+60))
		}
		rows[i] = row
	}
	return rows
}

// createStudy writes two years of study sessions: each student studies on a share of
// days set by their diligence, and the lapsed ones stop some weeks before today.
func (g *demoGenerator) createStudy(students []demoStudent) (int, error) {
	total := 0
	var rows []StudyLogEntry
	for _, s := range students {
		domains := len(g.outlines[s.cohort.TargetCode])
		for offset := demoHistoryDays; offset >= 0; offset-- {
			on := AddDays(g.today, -offset)
			if (!s.stopsOn.IsZero() && on.After(s.stopsOn)) || g.rng.Float64() >= s.diligence {
				continue
			}
			rows = append(rows, StudyLogEntry{
				UserID: s.user.ID, StudiedOn: on, Minutes: 15 + 5*g.rng.IntN(22), CredentialCode: s.cohort.TargetCode,
				DomainPosition: 1 + g.rng.IntN(max(domains, 1)), Topic: demoTopics[g.rng.IntN(len(demoTopics))], CreatedAt: g.now,
			})
		}
		if len(rows) >= 10*demoBatch {
			total += len(rows)
			if err := g.insert(&rows); err != nil {
				return total, err
			}
			rows = rows[:0]
		}
	}
	total += len(rows)
	return total, g.insert(&rows)
}

// createPractice writes practice exams, about one every five weeks, whose scores rise
// with time from each student's starting ability, with a per-domain strength.
func (g *demoGenerator) createPractice(students []demoStudent) (int, error) {
	var exams []PracticeExamRecord
	var domainScores [][]float64
	for _, s := range students {
		outline := g.outlines[s.cohort.TargetCode]
		for offset := demoHistoryDays; offset >= 0; offset-- {
			on := AddDays(g.today, -offset)
			if (!s.stopsOn.IsZero() && on.After(s.stopsOn)) || g.rng.Float64() >= 0.03 {
				continue
			}
			level := s.ability + s.growth*float64(demoHistoryDays-offset)/100
			scores := make([]float64, len(outline))
			for d := range outline {
				scores[d] = demoClamp(level+s.domainBias[d%len(s.domainBias)]+g.rng.NormFloat64()*6, 0, 100)
			}
			exams = append(exams, PracticeExamRecord{
				UserID: s.user.ID, CredentialCode: s.cohort.TargetCode, TakenOn: on, Source: "Demo question bank",
				OverallPercent: demoClamp(level+g.rng.NormFloat64()*4, 5, 100), CreatedAt: g.now,
			})
			domainScores = append(domainScores, scores)
		}
	}
	if err := g.insert(&exams); err != nil {
		return 0, err
	}
	var rows []PracticeExamScore
	for i, e := range exams {
		for d, pct := range domainScores[i] {
			rows = append(rows, PracticeExamScore{PracticeExamID: e.ID, DomainPosition: d + 1, Percent: pct})
		}
	}
	if err := g.insert(&rows); err != nil {
		return 0, err
	}
	return len(exams), g.summarizeReadiness(exams, domainScores)
}

// summarizeReadiness stores each student's readiness from the generated attempts, as
// saving an attempt through the app would.
func (g *demoGenerator) summarizeReadiness(exams []PracticeExamRecord, domainScores [][]float64) error {
	type key struct {
		user int64
		code string
	}
	attempts := map[key][]PracticeAttempt{}
	var order []key
	for i, e := range exams {
		k := key{e.UserID, e.CredentialCode}
		if _, seen := attempts[k]; !seen {
			order = append(order, k)
		}
		percents := make(map[int]float64, len(domainScores[i]))
		for d, pct := range domainScores[i] {
			percents[d+1] = pct
		}
		attempts[k] = append(attempts[k], PracticeAttempt{TakenOn: e.TakenOn, OverallPercent: e.OverallPercent, DomainPercents: percents})
	}
	inputs := make([]ReadinessSummaryInput, len(order))
	for i, k := range order {
		inputs[i] = ReadinessSummaryInput{UserID: k.user, Code: k.code, Report: Readiness(attempts[k], g.outlines[k.code], g.today)}
	}
	return saveReadinessSummaries(g.tx, inputs, g.now)
}

// insert writes a slice (passed by pointer) in batches; empty slices are skipped.
func (g *demoGenerator) insert(rows any) error {
	n := 0
	switch r := rows.(type) {
	case *[]Pathway:
		n = len(*r)
	case *[]LearnerCourse:
		n = len(*r)
	case *[]HeldCredential:
		n = len(*r)
	case *[]StudyLogEntry:
		n = len(*r)
	case *[]PracticeExamRecord:
		n = len(*r)
	case *[]PracticeExamScore:
		n = len(*r)
	default:
		return fmt.Errorf("insert demo rows of type %T", rows)
	}
	if n == 0 {
		return nil
	}
	return g.tx.CreateInBatches(rows, demoBatch).Error
}
