package models

import (
	"context"
	"fmt"
	"time"

	"gorm.io/gorm"
	"gorm.io/gorm/clause"
)

// Limits on what a pathway may hold; beyond them a number is a typo.
const (
	PathwayMaxPracticumHours  = 5000
	PathwayMaxRegistryHours   = 100000
	PathwayMaxAnatomyCredits  = 60
	PathwayMaxWeeklyGoalHours = 84
)

// Pathway is a learner's way to a target credential (table pathways), one per learner.
// Nil dates are "not entered".
type Pathway struct {
	ID                     int64      `gorm:"column:id;primaryKey"`
	UserID                 int64      `gorm:"column:user_id"`
	TargetCode             string     `gorm:"column:target_code"`
	Education              string     `gorm:"column:education"`
	ProgramName            string     `gorm:"column:program_name"`
	Institution            string     `gorm:"column:institution"`
	Accreditation          string     `gorm:"column:accreditation"`
	ODSProgram             string     `gorm:"column:ods_program"`
	AnatomyCredits         int        `gorm:"column:anatomy_credits"`
	RegistryHours          int        `gorm:"column:registry_hours"`
	ProgramStart           *time.Time `gorm:"column:program_start"`
	LastTermStart          *time.Time `gorm:"column:last_term_start"`
	ExpectedGraduation     *time.Time `gorm:"column:expected_graduation"`
	CourseworkDone         bool       `gorm:"column:coursework_done"`
	PracticumHoursDone     int        `gorm:"column:practicum_hours_done"`
	PracticumHoursRequired int        `gorm:"column:practicum_hours_required"`
	TranscriptsSent        bool       `gorm:"column:transcripts_sent"`
	AuthorizationToTest    bool       `gorm:"column:authorization_to_test"`
	ExamScheduledOn        *time.Time `gorm:"column:exam_scheduled_on"`
	ExamResult             string     `gorm:"column:exam_result"`
	PassedOn               *time.Time `gorm:"column:passed_on"`
	WeeklyGoalMinutes      int        `gorm:"column:weekly_goal_minutes"`
	CreatedAt              time.Time  `gorm:"column:created_at"`
	UpdatedAt              time.Time  `gorm:"column:updated_at"`
}

// TableName maps Pathway to the pathways table.
func (Pathway) TableName() string { return "pathways" }

// Facts turns the stored pathway into the input of the eligibility rule.
func (p Pathway) Facts() PathwayFacts {
	return PathwayFacts{
		Target:                   TargetCredential(p.TargetCode),
		Education:                Education(p.Education),
		ProgramName:              p.ProgramName,
		Institution:              p.Institution,
		Accreditation:            Accreditation(p.Accreditation),
		ODSProgram:               ODSProgramType(p.ODSProgram),
		AnatomyPhysiologyCredits: p.AnatomyCredits,
		RegistryExperienceHours:  p.RegistryHours,
		ProgramStart:             dateOrZero(p.ProgramStart),
		LastTermStart:            dateOrZero(p.LastTermStart),
		ExpectedGraduation:       dateOrZero(p.ExpectedGraduation),
		CourseworkDone:           p.CourseworkDone,
		PracticumHoursDone:       p.PracticumHoursDone,
		PracticumHoursRequired:   p.PracticumHoursRequired,
		TranscriptsSent:          p.TranscriptsSent,
		AuthorizationToTest:      p.AuthorizationToTest,
		ExamScheduledOn:          dateOrZero(p.ExamScheduledOn),
		ExamResult:               ExamResult(p.ExamResult),
		PassedOn:                 dateOrZero(p.PassedOn),
	}
}

// Passed reports whether the learner recorded a pass with its date.
func (p Pathway) Passed() bool {
	return p.ExamResult == string(ExamResultPassed) && p.PassedOn != nil
}

// FirstCycle returns the first CEU cycle a pass on passedOn starts: two years from the
// pass date, ending the day before its second anniversary (credentials.md).
func FirstCycle(passedOn time.Time) (start, end time.Time) {
	start = DateOnly(passedOn)
	return start, AddDays(AddYears(start, 2), -1)
}

// PathwayTargets are the credentials a student can aim for, in the order pages offer them.
var PathwayTargets = []TargetCredential{TargetRHIT, TargetCCA, TargetODS}

// ValidTarget reports whether code names a credential the pathway rules cover.
func ValidTarget(code string) bool {
	for _, t := range PathwayTargets {
		if string(t) == code {
			return true
		}
	}
	return false
}

// ValidatePathway checks the dates of a pathway against each other and today, beyond
// what a form's field tags can say. previous is the stored pathway (nil for a new one):
// an exam date already saved may lie in the past, since the learner is about to record
// its result; a newly scheduled one may not. It returns a message per field, or nil.
func ValidatePathway(p Pathway, previous *Pathway, today time.Time) map[string]string {
	fields := map[string]string{}
	if !ValidTarget(p.TargetCode) {
		fields["target"] = "Choose RHIT, CCA or ODS."
	}
	if p.ExamScheduledOn != nil && p.ExamResult == string(ExamResultNone) && p.ExamScheduledOn.Before(today) &&
		(previous == nil || previous.ExamScheduledOn == nil || !previous.ExamScheduledOn.Equal(*p.ExamScheduledOn)) {
		fields["exam_scheduled_on"] = "The exam date can't be in the past when you schedule it."
	}
	if p.ProgramStart != nil && p.ExpectedGraduation != nil && p.ExpectedGraduation.Before(*p.ProgramStart) {
		fields["expected_graduation"] = "Graduation can't be before the program starts."
	}
	if p.ProgramStart != nil && p.LastTermStart != nil && p.LastTermStart.Before(*p.ProgramStart) {
		fields["last_term_start"] = "The last term can't start before the program does."
	}
	for name, msg := range validatePathwayNumbers(p) {
		fields[name] = msg
	}
	for name, msg := range validatePass(p, today) {
		fields[name] = msg
	}
	if len(fields) == 0 {
		return nil
	}
	return fields
}

func validatePathwayNumbers(p Pathway) map[string]string {
	fields := map[string]string{}
	check := func(name string, value, most int, unit string) {
		if value < 0 || value > most {
			fields[name] = fmt.Sprintf("Enter from 0 to %d %s.", most, unit)
		}
	}
	check("anatomy_credits", p.AnatomyCredits, PathwayMaxAnatomyCredits, "credit hours")
	check("registry_hours", p.RegistryHours, PathwayMaxRegistryHours, "hours")
	check("practicum_hours_done", p.PracticumHoursDone, PathwayMaxPracticumHours, "hours")
	check("practicum_hours_required", p.PracticumHoursRequired, PathwayMaxPracticumHours, "hours")
	if msg := ValidateWeeklyGoal(p.WeeklyGoalMinutes); msg != "" {
		fields["weekly_goal_minutes"] = msg
	}
	return fields
}

// ValidateWeeklyGoal returns what is wrong with a weekly study goal, or "".
func ValidateWeeklyGoal(minutes int) string {
	if most := PathwayMaxWeeklyGoalHours * 60; minutes < 0 || minutes > most {
		return fmt.Sprintf("Enter from 0 to %d minutes.", most)
	}
	return ""
}

func validatePass(p Pathway, today time.Time) map[string]string {
	fields := map[string]string{}
	switch {
	case p.ExamResult == string(ExamResultPassed) && p.PassedOn == nil:
		fields["passed_on"] = "Enter the date you passed: your first CEU cycle starts on it."
	case p.PassedOn == nil:
	case p.ExamResult != string(ExamResultPassed):
		fields["passed_on"] = "A pass date needs the result “passed”; clear the date or change the result."
	case p.PassedOn.After(today):
		fields["passed_on"] = "The pass date can't be in the future."
	case p.ProgramStart != nil && p.PassedOn.Before(*p.ProgramStart):
		fields["passed_on"] = "The pass date can't be before your program started."
	}
	return fields
}

// PathwayForUser loads the learner's pathway, or ErrNotFound when they have none.
func PathwayForUser(ctx context.Context, db *gorm.DB, userID int64) (Pathway, error) {
	var p Pathway
	err := db.WithContext(ctx).Where("user_id = ?", userID).Take(&p).Error
	return p, notFound(err, fmt.Sprintf("load pathway of user %d", userID))
}

// SavePathway creates or replaces the learner's pathway. When it records a pass, the
// held credential is created in the same transaction (see grantPassedCredential).
// It reports whether a held credential was created now.
func SavePathway(ctx context.Context, db *gorm.DB, p *Pathway, now time.Time) (bool, error) {
	granted := false
	err := db.WithContext(ctx).Transaction(func(tx *gorm.DB) error {
		var existing Pathway
		err := tx.Where("user_id = ?", p.UserID).Take(&existing).Error
		switch err = notFound(err, "load pathway"); err {
		case nil:
			p.ID, p.CreatedAt = existing.ID, existing.CreatedAt
		case ErrNotFound:
			p.ID, p.CreatedAt = 0, now
		default:
			return err
		}
		p.UpdatedAt = now
		if err := savePathwayRow(tx, p); err != nil {
			return fmt.Errorf("save pathway of user %d: %w", p.UserID, err)
		}
		if !p.Passed() {
			return nil
		}
		granted, err = grantPassedCredential(tx, p.UserID, p.TargetCode, *p.PassedOn, now)
		return err
	})
	return granted, err
}

// savePathwayRow updates the pathway, or inserts it as an upsert on user_id: two tabs
// saving a first pathway at once both find none, and on PostgreSQL the second insert
// would otherwise break the unique key (SQLite's immediate transactions serialise them).
func savePathwayRow(tx *gorm.DB, p *Pathway) error {
	if p.ID != 0 {
		return tx.Save(p).Error
	}
	return tx.Clauses(clause.OnConflict{Columns: []clause.Column{{Name: "user_id"}}, UpdateAll: true}).Create(p).Error
}

// RecordPass marks the learner's exam passed on passedOn and creates the held
// credential, in one transaction. The caller validates passedOn with ValidatePathway.
func RecordPass(ctx context.Context, db *gorm.DB, userID int64, passedOn, now time.Time) (Pathway, bool, error) {
	p, err := PathwayForUser(ctx, db, userID)
	if err != nil {
		return p, false, err
	}
	day := DateOnly(passedOn)
	p.ExamResult, p.PassedOn = string(ExamResultPassed), &day
	granted, err := SavePathway(ctx, db, &p, now)
	return p, granted, err
}

// grantPassedCredential inserts the held credential a pass earns, unless the learner
// already holds it (UNIQUE(user_id, credential_code)): saving the pathway again, or a
// credential entered by hand on the credentials page, leaves the existing row alone.
func grantPassedCredential(tx *gorm.DB, userID int64, code string, passedOn, now time.Time) (bool, error) {
	// A pass makes the credential current from the pass date, so its first cycle is
	// tracked rather than taken for one the holder let lapse.
	row := HeldCredential{UserID: userID, CredentialCode: code, EarnedOn: DateOnly(passedOn), CurrentAsOf: datePtr(DateOnly(passedOn)), CreatedAt: now, UpdatedAt: now}
	res := tx.Clauses(clause.OnConflict{
		Columns:   []clause.Column{{Name: "user_id"}, {Name: "credential_code"}},
		DoNothing: true,
	}).Create(&row)
	if res.Error != nil {
		return false, fmt.Errorf("create held credential %s for user %d: %w", code, userID, res.Error)
	}
	return res.RowsAffected == 1, nil
}

// HeldCredentialEarnedOn returns when the learner earned code, or ErrNotFound; the
// student pages use it to confirm a pass reached the credential list.
func HeldCredentialEarnedOn(ctx context.Context, db *gorm.DB, userID int64, code string) (time.Time, error) {
	var row HeldCredential
	err := db.WithContext(ctx).Where("user_id = ? AND credential_code = ?", userID, code).Take(&row).Error
	return DateOnly(row.EarnedOn), notFound(err, fmt.Sprintf("load held credential %s of user %d", code, userID))
}

// SetWeeklyGoal changes the learner's weekly study goal; ErrNotFound without a pathway.
func SetWeeklyGoal(ctx context.Context, db *gorm.DB, userID int64, minutes int, now time.Time) error {
	res := db.WithContext(ctx).Model(&Pathway{}).Where("user_id = ?", userID).
		Updates(map[string]any{"weekly_goal_minutes": minutes, "updated_at": now})
	if res.Error != nil {
		return fmt.Errorf("set weekly goal of user %d: %w", userID, res.Error)
	}
	if res.RowsAffected == 0 {
		return ErrNotFound
	}
	return nil
}
