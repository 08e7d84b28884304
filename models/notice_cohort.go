package models

import (
	"context"
	"fmt"
	"strings"
	"time"

	"gorm.io/gorm"
)

// The notices of cohort changes. Each is written inside the transaction of the change
// itself, so a rolled-back join or removal leaves no notice behind.

// cohortPerson is someone a cohort change concerns: an instructor or a member.
type cohortPerson struct {
	ID   int64  `gorm:"column:id"`
	Name string `gorm:"column:name"`
}

func cohortInstructorPeople(tx *gorm.DB, c Cohort) ([]cohortPerson, error) {
	var out []cohortPerson
	err := tx.Table("users").Select("id, name").
		Where("id = ? OR id IN (SELECT user_id FROM cohort_instructors WHERE cohort_id = ?)", c.OwnerID, c.ID).
		Order("name, id").Scan(&out).Error
	if err != nil {
		return nil, fmt.Errorf("list instructors of cohort %d: %w", c.ID, err)
	}
	return out, nil
}

func cohortMemberPeople(tx *gorm.DB, cohortID int64) ([]cohortPerson, error) {
	var out []cohortPerson
	err := tx.Table("users").Select("id, name").Where("id IN ("+cohortActiveMembers+")", cohortID).Order("id").Scan(&out).Error
	if err != nil {
		return nil, fmt.Errorf("list members of cohort %d: %w", cohortID, err)
	}
	return out, nil
}

func cohortPath(id int64) string { return fmt.Sprintf("/cohorts/%d", id) }

// addNotices writes one notice per person in people, built by build.
func addNotices(tx *gorm.DB, people []cohortPerson, now time.Time, build func(p cohortPerson) NewNotice) error {
	for _, p := range people {
		if _, err := AddNotice(tx, build(p), now); err != nil {
			return err
		}
	}
	return nil
}

// noticeMembershipChange tells the learner, and the cohort's instructors, that the
// learner joined or left cohort c.
func noticeMembershipChange(ctx context.Context, tx *gorm.DB, c Cohort, learnerID int64, joined bool, now time.Time) error {
	learner, err := UserByID(ctx, tx, learnerID)
	if err != nil {
		return err
	}
	instructors, err := cohortInstructorPeople(tx, c)
	if err != nil {
		return err
	}
	names := make([]string, len(instructors))
	for i, p := range instructors {
		names[i] = p.Name
	}
	own := NewNotice{UserID: learnerID, Kind: NoticeCohortLeft, Link: "/join", Title: "You left " + c.Name,
		Body: fmt.Sprintf("Its instructors (%s) no longer see your study data. You can join again with a join code.", strings.Join(names, ", "))}
	verb := "left"
	if joined {
		own = NewNotice{UserID: learnerID, Kind: NoticeCohortJoined, Link: "/join", Title: "You joined " + c.Name,
			Body: fmt.Sprintf("Its instructors (%s) can now see what you agreed to share. You can leave the cohort at any time on the Join a cohort page.", strings.Join(names, ", "))}
		verb = "joined"
	}
	if _, err := AddNotice(tx, own, now); err != nil {
		return err
	}
	return addNotices(tx, instructors, now, func(p cohortPerson) NewNotice {
		body := fmt.Sprintf("%s joined %s and shares their study data with its instructors.", learner.Name, c.Name)
		if !joined {
			body = fmt.Sprintf("%s left %s: their study data is no longer visible to its instructors.", learner.Name, c.Name)
		}
		return NewNotice{UserID: p.ID, Kind: own.Kind, Title: fmt.Sprintf("%s %s %s", learner.Name, verb, c.Name),
			Body: body, Link: cohortPath(c.ID), AboutUserID: learnerID}
	})
}

// noticeInstructorAdded tells the new instructor they can see cohort c. The members'
// notices are written beside their emails in queueNewInstructorEmails.
func noticeInstructorAdded(tx *gorm.DB, c Cohort, instructor User, now time.Time) error {
	_, err := AddNotice(tx, NewNotice{UserID: instructor.ID, Kind: NoticeInstructorAdded, Link: cohortPath(c.ID),
		Title: "You are now an instructor of " + c.Name,
		Body:  fmt.Sprintf("You can now see the progress its members agreed to share in %s.", c.Name)}, now)
	return err
}

// noticeInstructorRemoved tells the removed instructor, and every member, that the
// instructor no longer sees cohort c.
func noticeInstructorRemoved(ctx context.Context, tx *gorm.DB, c Cohort, instructorID int64, now time.Time) error {
	instructor, err := UserByID(ctx, tx, instructorID)
	if err != nil {
		return err
	}
	_, err = AddNotice(tx, NewNotice{UserID: instructorID, Kind: NoticeInstructorRemoved, Title: "You are no longer an instructor of " + c.Name,
		Body: fmt.Sprintf("You were removed from the instructors of %s and no longer see its students.", c.Name)}, now)
	if err != nil {
		return err
	}
	members, err := cohortMemberPeople(tx, c.ID)
	if err != nil {
		return err
	}
	return addNotices(tx, members, now, func(p cohortPerson) NewNotice {
		return NewNotice{UserID: p.ID, Kind: NoticeInstructorRemoved, Link: "/join",
			Title: fmt.Sprintf("%s no longer sees your progress in %s", instructor.Name, c.Name),
			Body:  fmt.Sprintf("%s was removed from the instructors of %s and can no longer see what you share with it.", instructor.Name, c.Name)}
	})
}

// noticeCohortArchived tells the members and the other instructors of cohort c that
// it was archived.
func noticeCohortArchived(tx *gorm.DB, actor AuditActor, c Cohort, now time.Time) error {
	members, err := cohortMemberPeople(tx, c.ID)
	if err != nil {
		return err
	}
	err = addNotices(tx, members, now, func(p cohortPerson) NewNotice {
		return NewNotice{UserID: p.ID, Kind: NoticeCohortArchived, Link: "/join", Title: c.Name + " was archived",
			Body: fmt.Sprintf("Its instructors archived %s: nobody can join it and it sends no more messages. "+
				"You are still a member and can leave it at any time on the Join a cohort page.", c.Name)}
	})
	if err != nil {
		return err
	}
	instructors, err := cohortInstructorPeople(tx, c)
	if err != nil {
		return err
	}
	var others []cohortPerson
	for _, p := range instructors {
		if p.ID != actor.UserID {
			others = append(others, p)
		}
	}
	return addNotices(tx, others, now, func(p cohortPerson) NewNotice {
		return NewNotice{UserID: p.ID, Kind: NoticeCohortArchived, Link: cohortPath(c.ID), Title: c.Name + " was archived",
			Body: fmt.Sprintf("%s was archived: no joining, no messages, and it is left out of the weekly digest.", c.Name)}
	})
}
