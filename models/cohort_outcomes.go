package models

import (
	"context"
	"slices"
	"strings"
	"time"

	"gorm.io/gorm"
)

// CohortOutcomes is the program-reporting summary of a cohort: the exam pass rate of
// its current members and, for those who agreed to keep sharing outcomes, whether
// the credentials they hold are current.
type CohortOutcomes struct {
	WithResult int // members with a recorded exam result
	Passed     int
	PassRate   int // whole percent of WithResult; 0 when nobody has a result
	Holders    []OutcomeHolder
}

// OutcomeHolder is one credential held by a member who shares outcomes.
type OutcomeHolder struct {
	UserID    int64
	Name      string
	Code      string
	EarnedOn  time.Time
	CEUStatus CycleStatus // of the cycle containing today
	CycleEnd  time.Time
}

type cohortHeldRow struct {
	UserID        int64     `gorm:"column:user_id"`
	Code          string    `gorm:"column:credential_code"`
	EarnedOn      cohortDay `gorm:"column:earned_on"`
	OverrideStart cohortDay `gorm:"column:cycle_start_override"`
	OverrideEnd   cohortDay `gorm:"column:cycle_end_override"`
}

type cohortCEURow struct {
	ID           int64     `gorm:"column:id"`
	UserID       int64     `gorm:"column:user_id"`
	ActivityOn   cohortDay `gorm:"column:activity_date"`
	CEUs         int       `gorm:"column:ceus"`
	InHIIMDomain bool      `gorm:"column:in_hiim_domain"`
	ProviderKind string    `gorm:"column:provider_kind"`
	CategoryA    bool      `gorm:"column:category_a"`
	Delivery     string    `gorm:"column:delivery"`
}

// cohortSharingMembers is the subquery of a cohort's current members who share outcomes.
const cohortSharingMembers = "SELECT user_id FROM cohort_members WHERE cohort_id = ? AND left_at IS NULL AND share_outcomes = ?"

// cohortCEUColumns are the ceu_entries columns the outcomes read.
var cohortCEUColumns = []string{"user_id", "activity_date", "ceus", "in_hiim_domain", "provider_kind", "category_a", "delivery"}

// cohortOutcomeFacts is what the outcomes section reads: the sharing members' held
// credentials and CEU entries, and the dated maintenance rules.
type cohortOutcomeFacts struct {
	held       []cohortHeldRow
	activities map[int64][]CEUActivity
	rules      []MaintenanceRule
}

// loadCohortOutcomeFacts runs the outcomes' three queries concurrently.
func loadCohortOutcomeFacts(ctx context.Context, db *gorm.DB, cohortID int64) (cohortOutcomeFacts, error) {
	var f cohortOutcomeFacts
	err := cohortRunQueries(db,
		func() error {
			err := db.WithContext(ctx).Table("held_credentials").
				Select("user_id, credential_code, earned_on, cycle_start_override, cycle_end_override").
				Where("user_id IN ("+cohortSharingMembers+")", cohortID, true).Order("user_id, earned_on").Scan(&f.held).Error
			return wrapCohortQuery(err, "held credentials", cohortID)
		},
		func() (err error) { f.activities, err = loadCohortCEUs(ctx, db, cohortID); return err },
		func() (err error) { f.rules, err = LoadMaintenanceRules(ctx, db); return err },
	)
	return f, err
}

// outcomes computes the pass rate of the members in rows and the CEU status of every
// credential a sharing member holds.
func (f cohortOutcomeFacts) outcomes(rows []CohortRow, today time.Time) CohortOutcomes {
	var out CohortOutcomes
	names := map[int64]string{}
	for _, r := range rows {
		names[r.UserID] = r.Name
		switch r.ExamStatus {
		case CohortExamPassed:
			out.Passed++
			out.WithResult++
		case CohortExamFailed:
			out.WithResult++
		}
	}
	if out.WithResult > 0 {
		out.PassRate = out.Passed * 100 / out.WithResult
	}
	out.Holders = cohortOutcomeHolders(f.held, f.activities, f.rules, names, today)
	return out
}

// loadCohortCEUs reads the CEU entries of the members who share outcomes.
func loadCohortCEUs(ctx context.Context, db *gorm.DB, cohortID int64) (map[int64][]CEUActivity, error) {
	var entries []cohortCEURow
	err := db.WithContext(ctx).Table("ceu_entries").Select("id, "+strings.Join(cohortCEUColumns, ", ")).
		Where("user_id IN ("+cohortSharingMembers+")", cohortID, true).Scan(&entries).Error
	if err != nil {
		return nil, wrapCohortQuery(err, "ceu entries", cohortID)
	}
	out := map[int64][]CEUActivity{}
	for _, e := range entries {
		out[e.UserID] = append(out[e.UserID], CEUActivity{
			ID: e.ID, Date: e.ActivityOn.Time, CEUs: e.CEUs, InHIIMDomain: e.InHIIMDomain,
			ProviderKind: ProviderKind(e.ProviderKind), CategoryA: e.CategoryA, Delivery: Delivery(e.Delivery),
		})
	}
	return out, nil
}

// cohortOutcomeHolders applies the CEU progress rule per member and reports, for each held
// credential, the status of the cycle containing today.
func cohortOutcomeHolders(held []cohortHeldRow, activities map[int64][]CEUActivity, rules []MaintenanceRule, names map[int64]string, today time.Time) []OutcomeHolder {
	byUser := map[int64][]cohortHeldRow{}
	var order []int64
	for _, h := range held {
		if _, seen := byUser[h.UserID]; !seen {
			order = append(order, h.UserID)
		}
		byUser[h.UserID] = append(byUser[h.UserID], h)
	}
	var out []OutcomeHolder
	for _, userID := range order {
		facts := make([]HeldCredentialFacts, 0, len(byUser[userID]))
		for _, h := range byUser[userID] {
			facts = append(facts, HeldCredentialFacts{Code: h.Code, EarnedOn: h.EarnedOn.Time, OverrideStart: h.OverrideStart.Time, OverrideEnd: h.OverrideEnd.Time})
		}
		progress := Progress(ProgressInput{Held: facts, Activities: activities[userID], Rules: rules, Today: today})
		for _, h := range byUser[userID] {
			holder := OutcomeHolder{UserID: userID, Name: names[userID], Code: h.Code, EarnedOn: h.EarnedOn.Time}
			holder.CEUStatus, holder.CycleEnd = cohortCycleStatus(progress, h.Code, today)
			out = append(out, holder)
		}
	}
	return out
}

func cohortCycleStatus(p LearnerProgress, code string, today time.Time) (CycleStatus, time.Time) {
	for _, c := range p.Cycles {
		if slices.Contains(c.Credentials, code) && c.Cycle.Contains(today) {
			return c.Status, c.Cycle.End
		}
	}
	return StatusUpcoming, time.Time{}
}
