package models

import (
	"context"
	"fmt"
	"time"

	"gorm.io/gorm"
	"gorm.io/gorm/clause"
)

// Kinds of notice: what happened to put it in someone's list.
const (
	NoticeNudge             = "nudge"
	NoticeCohortJoined      = "cohort_joined"
	NoticeCohortLeft        = "cohort_left"
	NoticeInstructorAdded   = "instructor_added"
	NoticeInstructorRemoved = "instructor_removed"
	NoticeCohortArchived    = "cohort_archived"
	NoticeCEUReminder       = "ceu_reminder"
)

// NoticesPerPage is how many notices the notices page and API list at a time.
const NoticesPerPage = 25

// Notice is one message in a user's in-app list: an instructor's message, a change to
// a cohort they belong to or teach, or a CEU reminder. It is written in the same
// transaction as the email saying the same thing, when there is one, so it is there
// whether or not the email can be sent.
type Notice struct {
	ID          int64      `gorm:"column:id;primaryKey"`
	UserID      int64      `gorm:"column:user_id"`
	Kind        string     `gorm:"column:kind"`
	Title       string     `gorm:"column:title"`
	Body        string     `gorm:"column:body"`
	Link        string     `gorm:"column:link"`
	AboutUserID *int64     `gorm:"column:about_user_id"`
	DedupeKey   *string    `gorm:"column:dedupe_key"`
	CreatedAt   time.Time  `gorm:"column:created_at"`
	ReadAt      *time.Time `gorm:"column:read_at"`
}

// TableName maps Notice to notices.
func (Notice) TableName() string { return "notices" }

// Unread reports whether the user has not marked the notice read.
func (n Notice) Unread() bool { return n.ReadAt == nil }

// NewNotice is a notice to write. Link is a path on the site ("/ceus"), or empty.
type NewNotice struct {
	UserID      int64
	Kind        string
	Title, Body string
	Link        string
	// AboutUserID names the person the notice is about, when it is someone else.
	AboutUserID int64
	// DedupeKey, when set, makes writing idempotent for this user.
	DedupeKey string
}

// AddNotice writes n inside tx and reports whether it was added (false when the
// user already has a notice with its dedupe key).
func AddNotice(tx *gorm.DB, n NewNotice, now time.Time) (bool, error) {
	row := Notice{UserID: n.UserID, Kind: n.Kind, Title: n.Title, Body: n.Body, Link: n.Link, CreatedAt: now}
	if n.AboutUserID != 0 {
		row.AboutUserID = &n.AboutUserID
	}
	if n.DedupeKey != "" {
		row.DedupeKey = &n.DedupeKey
	}
	res := tx.Clauses(clause.OnConflict{DoNothing: true}).Create(&row)
	if res.Error != nil {
		return false, fmt.Errorf("add %s notice for user %d: %w", n.Kind, n.UserID, res.Error)
	}
	return res.RowsAffected == 1, nil
}

// NoticePage is one page of a user's notices, newest first.
type NoticePage struct {
	Notices []Notice
	Total   int64
	Unread  int64
	Page    int
	PerPage int
}

// Pages is how many pages the user's notices fill (at least one).
func (p NoticePage) Pages() int { return max(1, int((p.Total+int64(p.PerPage)-1)/int64(p.PerPage))) }

// ListNotices loads page (from 1) of the user's notices, newest first, with how many
// there are and how many are unread.
func ListNotices(ctx context.Context, db *gorm.DB, userID int64, page int) (NoticePage, error) {
	out := NoticePage{Page: max(page, 1), PerPage: NoticesPerPage, Notices: []Notice{}}
	q := db.WithContext(ctx).Model(&Notice{}).Where("user_id = ?", userID)
	if err := q.Count(&out.Total).Error; err != nil {
		return out, fmt.Errorf("count notices of user %d: %w", userID, err)
	}
	var err error
	if out.Unread, err = UnreadNoticeCount(ctx, db, userID); err != nil {
		return out, err
	}
	err = db.WithContext(ctx).Where("user_id = ?", userID).Order("id DESC").
		Offset((out.Page - 1) * out.PerPage).Limit(out.PerPage).Find(&out.Notices).Error
	if err != nil {
		return out, fmt.Errorf("list notices of user %d: %w", userID, err)
	}
	return out, nil
}

// UnreadNoticeCount is how many of the user's notices they have not read.
func UnreadNoticeCount(ctx context.Context, db *gorm.DB, userID int64) (int64, error) {
	var n int64
	if err := db.WithContext(ctx).Model(&Notice{}).Where("user_id = ? AND read_at IS NULL", userID).Count(&n).Error; err != nil {
		return 0, fmt.Errorf("count unread notices of user %d: %w", userID, err)
	}
	return n, nil
}

// RecentUnreadNotices lists up to limit of the user's unread notices, newest first,
// for the dashboard.
func RecentUnreadNotices(ctx context.Context, db *gorm.DB, userID int64, limit int) ([]Notice, error) {
	var out []Notice
	err := db.WithContext(ctx).Where("user_id = ? AND read_at IS NULL", userID).Order("id DESC").Limit(limit).Find(&out).Error
	if err != nil {
		return nil, fmt.Errorf("list unread notices of user %d: %w", userID, err)
	}
	return out, nil
}

// MarkNoticeRead marks one of the user's notices read at now and returns it. Marking
// a read notice again keeps its first read time. Another user's notice, or one that
// does not exist, is ErrNotFound.
func MarkNoticeRead(ctx context.Context, db *gorm.DB, userID, noticeID int64, now time.Time) (Notice, error) {
	var n Notice
	err := db.WithContext(ctx).Transaction(func(tx *gorm.DB) error {
		res := tx.Model(&Notice{}).Where("id = ? AND user_id = ? AND read_at IS NULL", noticeID, userID).Update("read_at", now)
		if res.Error != nil {
			return res.Error
		}
		return tx.Where("id = ? AND user_id = ?", noticeID, userID).Take(&n).Error
	})
	return n, notFound(err, fmt.Sprintf("mark notice %d of user %d read", noticeID, userID))
}

// MarkAllNoticesRead marks every unread notice of the user read at now and returns
// how many it marked.
func MarkAllNoticesRead(ctx context.Context, db *gorm.DB, userID int64, now time.Time) (int64, error) {
	res := db.WithContext(ctx).Model(&Notice{}).Where("user_id = ? AND read_at IS NULL", userID).Update("read_at", now)
	if res.Error != nil {
		return 0, fmt.Errorf("mark notices of user %d read: %w", userID, res.Error)
	}
	return res.RowsAffected, nil
}
