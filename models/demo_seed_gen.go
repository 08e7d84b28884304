package models

import (
	"fmt"
	"math"
	"math/rand/v2"
	"time"

	"gorm.io/gorm"
)

// demoHistoryDays is how far back the demo study history goes: two years.
const demoHistoryDays = 730

var (
	demoFirstNames = []string{"Ana", "Ben", "Chloé", "Dev", "Elif", "Farah", "Gus", "Hana", "Iker", "Jada", "Kofi", "Lena", "Malik", "Nora", "Omar", "Priya", "Quinn", "Rosa", "Sam", "Tomás", "Uma", "Vik", "Wren", "Xiu", "Yara", "Zane"}
	demoLastNames  = []string{"Lima", "Okafor", "Nguyen", "Schmidt", "Haddad", "Kowalski", "Reyes", "Tanaka", "Moreau", "Singh", "Brown", "Costa", "Ibrahim", "Larsen", "Patel", "Rossi"}
	demoTopics     = []string{"Chapter review", "Flashcards", "Practice questions", "Case study", "Coding drill", "Lecture notes", "Regulations reading"}
	demoTargets    = []string{"RHIT", "CCA", "RHIT", "CCA", "ODS"}
	demoPracticum  = map[string]int{"RHIT": 80, "CCA": 0, "ODS": 160}
)

type demoGenerator struct {
	tx       *gorm.DB
	opts     DemoOptions
	rng      *rand.Rand
	today    time.Time
	now      time.Time
	outlines map[string][]ExamDomain
	courses  []int64
}

// demoStudent is one generated learner's hidden traits.
type demoStudent struct {
	user       User
	cohort     Cohort
	joined     time.Time
	diligence  float64 // chance of studying on a given day
	stopsOn    time.Time
	ability    float64 // practice score at the start of the history
	growth     float64 // points gained per 100 days
	domainBias []float64
}

func (g *demoGenerator) run(res *DemoResult) error {
	g.now = g.today.Add(12 * time.Hour)
	var err error
	if g.outlines, err = loadCohortOutlines(g.tx.Statement.Context, g.tx); err != nil {
		return err
	}
	if err := g.tx.Table("courses").Order("position, id").Pluck("id", &g.courses).Error; err != nil {
		return err
	}
	if res.Instructors, err = g.createUsers("instructor", g.opts.Instructors, RoleInstructor); err != nil {
		return err
	}
	cohorts, err := g.createCohorts(res.Instructors)
	if err != nil {
		return err
	}
	for _, c := range cohorts {
		res.CohortIDs = append(res.CohortIDs, c.ID)
	}
	users, err := g.createUsers("student", g.opts.Students, RoleLearner)
	if err != nil {
		return err
	}
	res.Students = len(users)
	students := g.students(users, cohorts)
	if err := g.createMemberships(students); err != nil {
		return err
	}
	if err := g.createPathways(students); err != nil {
		return err
	}
	if res.StudySessions, err = g.createStudy(students); err != nil {
		return err
	}
	if res.PracticeExams, err = g.createPractice(students); err != nil {
		return err
	}
	return g.createSampleDecks(cohorts)
}

func (g *demoGenerator) createUsers(kind string, n int, role string) ([]User, error) {
	users := make([]User, n)
	for i := range users {
		first, last := demoFirstNames[g.rng.IntN(len(demoFirstNames))], demoLastNames[g.rng.IntN(len(demoLastNames))]
		users[i] = User{
			Email: fmt.Sprintf("%s%04d@%s", kind, i+1, DemoEmailDomain), Name: first + " " + last,
			PasswordHash: g.opts.PasswordHash, Role: role, CreatedAt: g.now, UpdatedAt: g.now,
		}
	}
	if n == 0 {
		return users, nil
	}
	return users, g.tx.CreateInBatches(users, demoBatch).Error
}

func (g *demoGenerator) createCohorts(instructors []User) ([]Cohort, error) {
	cohorts := make([]Cohort, g.opts.Cohorts)
	var co []CohortInstructor
	for i := range cohorts {
		target := demoTargets[i%len(demoTargets)]
		exam := AddDays(g.today, i*14-40)
		code, err := NewJoinCode()
		if err != nil {
			return nil, err
		}
		cohorts[i] = Cohort{
			OwnerID: instructors[i%len(instructors)].ID, Name: fmt.Sprintf("%s prep %c", target, 'A'+rune(i%26)),
			Program: "Health Information Technology AAS", Term: fmt.Sprintf("Cohort %d", i+1), TargetCode: target,
			TargetExamOn: &exam, JoinCode: &code, CreatedAt: g.now, UpdatedAt: g.now,
		}
	}
	if err := g.tx.CreateInBatches(cohorts, demoBatch).Error; err != nil {
		return nil, err
	}
	for i, c := range cohorts {
		if len(instructors) > 1 && i%2 == 0 {
			co = append(co, CohortInstructor{CohortID: c.ID, UserID: instructors[(i+1)%len(instructors)].ID, AddedAt: g.now})
		}
	}
	if len(co) == 0 {
		return cohorts, nil
	}
	return cohorts, g.tx.CreateInBatches(co, demoBatch).Error
}

func (g *demoGenerator) students(users []User, cohorts []Cohort) []demoStudent {
	out := make([]demoStudent, len(users))
	for i, u := range users {
		s := demoStudent{
			user: u, cohort: cohorts[i%len(cohorts)], joined: AddDays(g.today, -(20 + g.rng.IntN(680))),
			diligence: 0.1 + 0.6*g.rng.Float64(), ability: 30 + 30*g.rng.Float64(), growth: 0.5 + 3*g.rng.Float64(),
		}
		if g.rng.Float64() < 0.2 {
			s.stopsOn = AddDays(g.today, -(10 + g.rng.IntN(80))) // lapsed: no study since
		}
		s.domainBias = make([]float64, 8)
		for d := range s.domainBias {
			s.domainBias[d] = g.rng.NormFloat64() * 8
		}
		out[i] = s
	}
	return out
}

func (g *demoGenerator) createMemberships(students []demoStudent) error {
	rows := make([]CohortMember, len(students))
	for i, s := range students {
		joined := s.joined.Add(10 * time.Hour)
		rows[i] = CohortMember{CohortID: s.cohort.ID, UserID: s.user.ID, JoinedAt: joined, ConsentGivenAt: joined, ShareOutcomes: g.rng.Float64() < 0.6}
	}
	if len(rows) == 0 {
		return nil
	}
	return g.tx.CreateInBatches(rows, demoBatch).Error
}

// demoClamp keeps a score in range with one decimal.
func demoClamp(x, lo, hi float64) float64 {
	return math.Round(math.Max(lo, math.Min(hi, x))*10) / 10
}

func demoDate(t time.Time) *time.Time { return &t }
