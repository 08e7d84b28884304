package models

import (
	"context"
	"fmt"
	"strings"
	"time"

	"gorm.io/gorm"
)

// Instructor request statuses.
const (
	RequestPending  = "pending"
	RequestApproved = "approved"
	RequestDeclined = "declined"
)

// InstructorRequest is a learner's "I teach" request.
type InstructorRequest struct {
	ID        int64      `gorm:"column:id;primaryKey"`
	UserID    int64      `gorm:"column:user_id"`
	School    string     `gorm:"column:school"`
	Program   string     `gorm:"column:program"`
	Status    string     `gorm:"column:status"`
	CreatedAt time.Time  `gorm:"column:created_at"`
	DecidedAt *time.Time `gorm:"column:decided_at"`
	DecidedBy *int64     `gorm:"column:decided_by"`
	// Requester fields, filled by PendingInstructorRequests for the queue.
	Name  string `gorm:"->;column:name"`
	Email string `gorm:"->;column:email"`
}

// TableName maps InstructorRequest to instructor_requests.
func (InstructorRequest) TableName() string { return "instructor_requests" }

// CheckInstructorRequest validates the school and program of a request.
func CheckInstructorRequest(school, program string) (string, string, map[string]string) {
	school, program = strings.TrimSpace(school), strings.TrimSpace(program)
	problems := map[string]string{}
	for field, value := range map[string]string{"school": school, "program": program} {
		switch {
		case value == "":
			problems[field] = "Enter the " + field + " where you teach."
		case len([]rune(value)) > 200:
			problems[field] = "Use at most 200 characters for the " + field + "."
		}
	}
	if len(problems) > 0 {
		return school, program, problems
	}
	return school, program, nil
}

// TeachingRequest is what a person who teaches tells us when asking for the
// instructor role: where they teach, already checked by CheckInstructorRequest.
type TeachingRequest struct {
	School, Program string
}

// RequestInstructorRole files a request for u; a second one while the first waits is
// ErrRequestOpen.
func RequestInstructorRole(ctx context.Context, db *gorm.DB, u User, school, program string, now time.Time) (InstructorRequest, error) {
	var r InstructorRequest
	err := db.WithContext(ctx).Transaction(func(tx *gorm.DB) error {
		var err error
		r, err = fileInstructorRequest(tx, u.ID, TeachingRequest{School: school, Program: program}, now)
		return err
	})
	return r, err
}

// fileInstructorRequest saves a pending request of userID and audits it, inside the
// caller's transaction (sign-up files one together with the account).
func fileInstructorRequest(tx *gorm.DB, userID int64, teach TeachingRequest, now time.Time) (InstructorRequest, error) {
	r := InstructorRequest{UserID: userID, School: teach.School, Program: teach.Program, Status: RequestPending, CreatedAt: now}
	if err := tx.Omit("name", "email").Create(&r).Error; err != nil {
		if isUniqueViolation(err) {
			return r, ErrRequestOpen
		}
		return r, fmt.Errorf("save instructor request of user %d: %w", userID, err)
	}
	return r, WriteAudit(tx, AuditActor{UserID: userID}, "instructor.requested", fmt.Sprintf("user:%d", userID), "")
}

// LatestInstructorRequest returns u's most recent request, or ErrNotFound.
func LatestInstructorRequest(ctx context.Context, db *gorm.DB, userID int64) (InstructorRequest, error) {
	var r InstructorRequest
	err := db.WithContext(ctx).Where("user_id = ?", userID).Order("id DESC").Take(&r).Error
	return r, notFound(err, fmt.Sprintf("load instructor request of user %d", userID))
}

// PendingInstructorRequests lists the queue, oldest first, with who asked.
func PendingInstructorRequests(ctx context.Context, db *gorm.DB) ([]InstructorRequest, error) {
	var out []InstructorRequest
	err := db.WithContext(ctx).Table("instructor_requests r").Select("r.*, u.name, u.email").
		Joins("JOIN users u ON u.id = r.user_id").Where("r.status = ?", RequestPending).Order("r.created_at, r.id").Scan(&out).Error
	if err != nil {
		return nil, fmt.Errorf("list instructor requests: %w", err)
	}
	return out, nil
}

// DecideInstructorRequest approves (making the requester an instructor) or declines
// a pending request and emails the requester, in one transaction. ErrRequestDecided
// (with the request) when it was decided already; ErrNotFound when there is none.
func DecideInstructorRequest(ctx context.Context, db *gorm.DB, actor AuditActor, id int64, approve bool, baseURL string, now time.Time) (InstructorRequest, error) {
	var r InstructorRequest
	err := db.WithContext(ctx).Transaction(func(tx *gorm.DB) error {
		if err := tx.Omit("name", "email").Where("id = ?", id).Take(&r).Error; err != nil {
			return notFound(err, fmt.Sprintf("load instructor request %d", id))
		}
		if r.Status != RequestPending {
			return ErrRequestDecided
		}
		r.Status, r.DecidedAt, r.DecidedBy = RequestDeclined, &now, &actor.UserID
		if approve {
			r.Status = RequestApproved
			if err := tx.Model(&User{}).Where("id = ? AND role = ?", r.UserID, RoleLearner).Update("role", RoleInstructor).Error; err != nil {
				return fmt.Errorf("make user %d an instructor: %w", r.UserID, err)
			}
		}
		if err := tx.Model(&r).Select("status", "decided_at", "decided_by").Updates(&r).Error; err != nil {
			return fmt.Errorf("decide instructor request %d: %w", id, err)
		}
		user, err := UserByID(ctx, tx, r.UserID)
		if err != nil {
			return err
		}
		subject, body := instructorDecisionEmail(user, r, baseURL)
		if _, err := EnqueueEmail(tx, user.Email, subject, body, "", now); err != nil {
			return err
		}
		return WriteAudit(tx, actor, "instructor.request_"+r.Status, fmt.Sprintf("user:%d", r.UserID), "")
	})
	return r, err
}

func instructorDecisionEmail(u User, r InstructorRequest, baseURL string) (subject, body string) {
	if r.Status == RequestApproved {
		return "You are now an instructor on hitpath", fmt.Sprintf("Hello %s,\n\nYour request to teach on hitpath (%s, %s) "+
			"is approved. Create a cohort and share its join code with your students at %s/cohorts\n", u.Name, r.School, r.Program,
			strings.TrimRight(baseURL, "/"))
	}
	return "Your hitpath instructor request", fmt.Sprintf("Hello %s,\n\nYour request to teach on hitpath (%s, %s) was "+
		"declined. If you think this is a mistake, reply to your school's hitpath administrator. You can keep using "+
		"hitpath as a learner.\n", u.Name, r.School, r.Program)
}
