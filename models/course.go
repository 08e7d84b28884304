package models

import (
	"context"
	"errors"
	"fmt"
	"time"

	"gorm.io/gorm"
	"gorm.io/gorm/clause"
)

// ErrDuplicateCourse means the catalogue already has a course of that name.
var ErrDuplicateCourse = errors.New("course already in the catalogue")

// Course is one course of the core HIT coursework catalogue (table courses).
type Course struct {
	ID          int64  `gorm:"column:id;primaryKey"`
	Name        string `gorm:"column:name"`
	Description string `gorm:"column:description"`
	Position    int    `gorm:"column:position"`
}

// TableName maps Course to courses.
func (Course) TableName() string { return "courses" }

// LearnerCourse is where a learner is with one catalogue course (table learner_courses).
type LearnerCourse struct {
	ID          int64      `gorm:"column:id;primaryKey"`
	UserID      int64      `gorm:"column:user_id"`
	CourseID    int64      `gorm:"column:course_id"`
	Status      string     `gorm:"column:status"`
	DueOn       *time.Time `gorm:"column:due_on"`
	CompletedOn *time.Time `gorm:"column:completed_on"`
	Grade       string     `gorm:"column:grade"`
	UpdatedAt   time.Time  `gorm:"column:updated_at"`
}

// TableName maps LearnerCourse to learner_courses.
func (LearnerCourse) TableName() string { return "learner_courses" }

// CourseworkItem is one catalogue course with the learner's progress; Progress is nil
// for a course they have not touched.
type CourseworkItem struct {
	Course   Course
	Progress *LearnerCourse
}

// Coursework is the catalogue with one learner's progress and the share completed.
type Coursework struct {
	Items           []CourseworkItem
	Completed       int
	PercentComplete int // 0–100, rounded down so 100 means every course is done
}

// CourseStatuses lists the statuses a course can have, in the order pages offer them.
var CourseStatuses = []CourseStatus{CoursePlanned, CourseInProgress, CourseCompleted}

// Courses returns the catalogue in display order.
func Courses(ctx context.Context, db *gorm.DB) ([]Course, error) {
	var courses []Course
	if err := db.WithContext(ctx).Order("position, id").Find(&courses).Error; err != nil {
		return nil, fmt.Errorf("load course catalogue: %w", err)
	}
	return courses, nil
}

// CreateCourse adds a course at the end of the catalogue (admins).
func CreateCourse(ctx context.Context, db *gorm.DB, actor AuditActor, c *Course) error {
	return db.WithContext(ctx).Transaction(func(tx *gorm.DB) error {
		var last struct{ Max int }
		if err := tx.Model(&Course{}).Select("COALESCE(MAX(position), 0) AS max").Scan(&last).Error; err != nil {
			return fmt.Errorf("find last course position: %w", err)
		}
		c.Position = last.Max + 1
		err := tx.Create(c).Error
		if isUniqueViolation(err) {
			return ErrDuplicateCourse
		}
		if err != nil {
			return fmt.Errorf("create course %q: %w", c.Name, err)
		}
		return WriteAudit(tx, actor, "course.created", fmt.Sprintf("course:%d", c.ID), c.Name)
	})
}

// LearnerCoursework returns the catalogue with the learner's progress on each course.
func LearnerCoursework(ctx context.Context, db *gorm.DB, userID int64) (Coursework, error) {
	courses, err := Courses(ctx, db)
	if err != nil {
		return Coursework{}, err
	}
	var rows []LearnerCourse
	if err := db.WithContext(ctx).Where("user_id = ?", userID).Find(&rows).Error; err != nil {
		return Coursework{}, fmt.Errorf("load coursework of user %d: %w", userID, err)
	}
	byCourse := make(map[int64]*LearnerCourse, len(rows))
	for i := range rows {
		byCourse[rows[i].CourseID] = &rows[i]
	}
	var out Coursework
	for _, c := range courses {
		item := CourseworkItem{Course: c, Progress: byCourse[c.ID]}
		if item.Progress != nil && item.Progress.Status == string(CourseCompleted) {
			out.Completed++
		}
		out.Items = append(out.Items, item)
	}
	out.PercentComplete = CourseworkOf(out.Completed, len(courses)).Percent
	return out, nil
}

// CountCourses returns how many courses the catalogue holds.
func CountCourses(ctx context.Context, db *gorm.DB) (int, error) {
	var n int64
	if err := db.WithContext(ctx).Model(&Course{}).Count(&n).Error; err != nil {
		return 0, fmt.Errorf("count course catalogue: %w", err)
	}
	return int(n), nil
}

// ValidateLearnerCourse checks the dates of a course's progress against its status and
// today; it returns a message per field, or nil.
func ValidateLearnerCourse(lc LearnerCourse, today time.Time) map[string]string {
	fields := map[string]string{}
	switch CourseStatus(lc.Status) {
	case CoursePlanned, CourseInProgress:
		if lc.CompletedOn != nil {
			fields["completed_on"] = "Only a completed course has a completion date."
		}
	case CourseCompleted:
		if lc.CompletedOn != nil && lc.CompletedOn.After(today) {
			fields["completed_on"] = "The completion date can't be in the future."
		}
	default:
		fields["status"] = "Choose planned, in progress or completed."
	}
	if len(fields) == 0 {
		return nil
	}
	return fields
}

// SaveLearnerCourse records the learner's progress on a catalogue course (insert or
// update) and returns the course; an unknown course is ErrNotFound.
func SaveLearnerCourse(ctx context.Context, db *gorm.DB, lc *LearnerCourse, now time.Time) (Course, error) {
	var course Course
	err := db.WithContext(ctx).Transaction(func(tx *gorm.DB) error {
		if err := tx.Take(&course, lc.CourseID).Error; err != nil {
			return notFound(err, fmt.Sprintf("load course %d", lc.CourseID))
		}
		lc.UpdatedAt = now
		err := tx.Clauses(clause.OnConflict{
			Columns:   []clause.Column{{Name: "user_id"}, {Name: "course_id"}},
			DoUpdates: clause.AssignmentColumns([]string{"status", "due_on", "completed_on", "grade", "updated_at"}),
		}).Create(lc).Error
		if err != nil {
			return fmt.Errorf("save course %d of user %d: %w", lc.CourseID, lc.UserID, err)
		}
		return nil
	})
	return course, err
}

// SaveLearnerCourses records several rows of coursework progress together: all of them
// or, when one fails (an unknown course is ErrNotFound), none.
func SaveLearnerCourses(ctx context.Context, db *gorm.DB, rows []LearnerCourse, now time.Time) error {
	return db.WithContext(ctx).Transaction(func(tx *gorm.DB) error {
		for i := range rows {
			if _, err := SaveLearnerCourse(ctx, tx, &rows[i], now); err != nil {
				return err
			}
		}
		return nil
	})
}
