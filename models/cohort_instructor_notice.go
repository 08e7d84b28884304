package models

import (
	"context"
	"errors"
	"fmt"
	"time"

	"gorm.io/gorm"
)

// InstructorNoticeDays is how long a member's dashboard names an instructor added to
// their cohort after they consented.
const InstructorNoticeDays = 30

// InstructorNotice tells a member that someone they did not consent to can now see
// their data: an instructor added to their cohort after they joined.
type InstructorNotice struct {
	CohortID        int64     `gorm:"column:cohort_id" json:"cohort_id"`
	CohortName      string    `gorm:"column:cohort_name" json:"cohort_name"`
	InstructorName  string    `gorm:"column:instructor_name" json:"instructor_name"`
	InstructorEmail string    `gorm:"column:instructor_email" json:"instructor_email"`
	AddedAt         time.Time `gorm:"column:added_at" json:"added_at"`
}

// InstructorNoticesFor lists, for the learner's live memberships, the instructors
// added after the learner consented, within the last InstructorNoticeDays.
func InstructorNoticesFor(ctx context.Context, db *gorm.DB, userID int64, now time.Time) ([]InstructorNotice, error) {
	var out []InstructorNotice
	err := db.WithContext(ctx).Table("cohort_members m").
		Select("m.cohort_id, c.name AS cohort_name, u.name AS instructor_name, u.email AS instructor_email, i.added_at").
		Joins("JOIN cohorts c ON c.id = m.cohort_id").
		Joins("JOIN cohort_instructors i ON i.cohort_id = m.cohort_id").
		Joins("JOIN users u ON u.id = i.user_id").
		Where("m.user_id = ? AND m.left_at IS NULL AND i.added_at > m.consent_given_at AND i.added_at > ?",
			userID, now.AddDate(0, 0, -InstructorNoticeDays)).
		Order("i.added_at DESC, m.cohort_id").Scan(&out).Error
	if err != nil {
		return nil, fmt.Errorf("list new instructors for user %d: %w", userID, err)
	}
	return out, nil
}

// queueNewInstructorEmails tells every live member of cohort c, inside tx, by email
// and in their notices, that instructor can now see their progress, and how to leave.
func queueNewInstructorEmails(tx *gorm.DB, c Cohort, instructor User, baseURL string, now time.Time) error {
	var members []User
	err := tx.Table("users u").Select("u.id, u.email, u.name").
		Joins("JOIN cohort_members m ON m.user_id = u.id").
		Where("m.cohort_id = ? AND m.left_at IS NULL", c.ID).Scan(&members).Error
	if err != nil {
		return fmt.Errorf("list members of cohort %d: %w", c.ID, err)
	}
	subject := "A new instructor can see your progress in " + c.Name
	for _, m := range members {
		body := fmt.Sprintf("Hello %s,\n\n%s (%s) was added as an instructor of the cohort %s. "+
			"Like its other instructors, they can now see what you agreed to share when you joined.\n\n"+
			"If you do not want that, leave the cohort in one click at %s/join — their access, and the other "+
			"instructors', ends at once.\n", m.Name, instructor.Name, instructor.Email, c.Name, baseURL)
		key := fmt.Sprintf("cohort-instructor:%d:%d:%d", c.ID, instructor.ID, m.ID)
		if _, err := EnqueueEmail(tx, m.Email, subject, body, key, now); err != nil {
			return err
		}
		notice := NewNotice{UserID: m.ID, Kind: NoticeInstructorAdded, Title: subject, Link: "/join", DedupeKey: key,
			Body: fmt.Sprintf("%s (%s) was added as an instructor of %s. Like its other instructors, they can now see "+
				"what you agreed to share when you joined. If you do not want that, leave the cohort on the Join a cohort page.",
				instructor.Name, instructor.Email, c.Name)}
		if _, err := AddNotice(tx, notice, now); err != nil {
			return err
		}
	}
	return nil
}

// QueueInstructorInviteNotice tells the owner of email, when it is an account that
// cannot be an instructor, that someone tried to add them to cohort c: the form no
// longer says whether the address has an account, so its owner hears it instead.
// Addresses without an account get nothing; one notice per address, cohort and day.
func QueueInstructorInviteNotice(ctx context.Context, db *gorm.DB, c Cohort, inviter User, email string, now time.Time) error {
	u, err := UserByEmail(ctx, db, email)
	if errors.Is(err, ErrNotFound) || (err == nil && (u.Role == RoleInstructor || u.Role == RoleAdmin)) {
		return nil
	}
	if err != nil {
		return err
	}
	body := fmt.Sprintf("Hello %s,\n\n%s (%s) tried to add you as an instructor of the cohort %s, but your hitpath "+
		"account is not an instructor account. If you teach this cohort, ask your hitpath administrator to make "+
		"your account an instructor, then ask %s to add you again. Otherwise you can ignore this email.\n",
		u.Name, inviter.Name, inviter.Email, c.Name, inviter.Name)
	key := fmt.Sprintf("cohort-invite:%d:%d:%s", c.ID, u.ID, now.UTC().Format(time.DateOnly))
	if _, err := EnqueueEmail(db.WithContext(ctx), u.Email, "Someone tried to add you to a hitpath cohort", body, key, now); err != nil {
		return fmt.Errorf("queue instructor invite notice: %w", err)
	}
	return nil
}
