package models

import (
	"context"
	"errors"
	"fmt"
	"time"

	"gorm.io/gorm"
	"gorm.io/gorm/clause"
)

// CalendarFeed is a learner's feed setting (an alert on each reminder) and when
// the feed last lost an event or changed setting.
type CalendarFeed struct {
	UserID    int64     `gorm:"column:user_id;primaryKey"`
	Alarms    bool      `gorm:"column:alarms"`
	ChangedAt time.Time `gorm:"column:changed_at"`
}

// TableName maps CalendarFeed to calendar_feeds.
func (CalendarFeed) TableName() string { return "calendar_feeds" }

// CalendarFeedEvent remembers one event's content so its DTSTAMP moves only when
// the event changes.
type CalendarFeedEvent struct {
	UserID      int64     `gorm:"column:user_id;primaryKey"`
	UID         string    `gorm:"column:uid;primaryKey"`
	ContentHash string    `gorm:"column:content_hash"`
	ChangedAt   time.Time `gorm:"column:changed_at"`
}

// TableName maps CalendarFeedEvent to calendar_feed_events.
func (CalendarFeedEvent) TableName() string { return "calendar_feed_events" }

// LoadCalendarFeed returns the learner's feed setting; a learner who never chose
// one gets alerts off.
func LoadCalendarFeed(ctx context.Context, db *gorm.DB, userID int64) (CalendarFeed, error) {
	var feed CalendarFeed
	err := db.WithContext(ctx).Where("user_id = ?", userID).Take(&feed).Error
	if errors.Is(err, gorm.ErrRecordNotFound) {
		return CalendarFeed{UserID: userID}, nil
	}
	if err != nil {
		return feed, fmt.Errorf("load calendar feed of user %d: %w", userID, err)
	}
	return feed, nil
}

// SetCalendarAlarms turns the reminder alerts on or off; the feed counts as changed.
func SetCalendarAlarms(ctx context.Context, db *gorm.DB, userID int64, alarms bool, now time.Time) error {
	feed := CalendarFeed{UserID: userID, Alarms: alarms, ChangedAt: now}
	err := db.WithContext(ctx).Clauses(clause.OnConflict{
		Columns: []clause.Column{{Name: "user_id"}}, DoUpdates: clause.AssignmentColumns([]string{"alarms", "changed_at"}),
	}).Create(&feed).Error
	if err != nil {
		return fmt.Errorf("save calendar alarms of user %d: %w", userID, err)
	}
	return nil
}

// StampCalendarEvents records the feed's events (uid → content hash) and returns
// when each last changed, and when the feed as a whole last changed (an event
// changed, appeared or went away, or the setting changed). Unchanged events keep
// their time; nothing is written when nothing changed.
// A calendar app polls the feed often and it rarely changes, so the common case is
// answered from a read, without taking the database's writer.
func StampCalendarEvents(ctx context.Context, db *gorm.DB, userID int64, hashes map[string]string, now time.Time) (map[string]time.Time, time.Time, error) {
	if stamps, modified, unchanged, err := calendarEventsUnchanged(db.WithContext(ctx), userID, hashes); err != nil || unchanged {
		if err != nil {
			return nil, time.Time{}, fmt.Errorf("stamp calendar events of user %d: %w", userID, err)
		}
		return stamps, modified, nil
	}
	stamps := make(map[string]time.Time, len(hashes))
	var modified time.Time
	err := db.WithContext(ctx).Transaction(func(tx *gorm.DB) error {
		var known []CalendarFeedEvent
		if err := tx.Where("user_id = ?", userID).Find(&known).Error; err != nil {
			return err
		}
		changed, gone := diffCalendarEvents(known, hashes)
		if err := saveCalendarEvents(tx, userID, changed, hashes, now); err != nil {
			return err
		}
		if len(gone) > 0 {
			if err := tx.Where("user_id = ? AND uid IN ?", userID, gone).Delete(&CalendarFeedEvent{}).Error; err != nil {
				return err
			}
			if err := touchCalendarFeed(tx, userID, now); err != nil {
				return err
			}
		}
		for _, e := range known {
			stamps[e.UID] = e.ChangedAt
		}
		for _, uid := range changed {
			stamps[uid] = now
		}
		var err error
		modified, err = latestCalendarChange(tx, userID, stamps)
		return err
	})
	if err != nil {
		return nil, time.Time{}, fmt.Errorf("stamp calendar events of user %d: %w", userID, err)
	}
	return stamps, modified, nil
}

// calendarEventsUnchanged reads the stored events and, when hashes match them
// exactly, returns their stamps and the feed's last change.
func calendarEventsUnchanged(db *gorm.DB, userID int64, hashes map[string]string) (map[string]time.Time, time.Time, bool, error) {
	var known []CalendarFeedEvent
	if err := db.Where("user_id = ?", userID).Find(&known).Error; err != nil {
		return nil, time.Time{}, false, err
	}
	if changed, gone := diffCalendarEvents(known, hashes); len(changed) > 0 || len(gone) > 0 {
		return nil, time.Time{}, false, nil
	}
	stamps := make(map[string]time.Time, len(known))
	for _, e := range known {
		stamps[e.UID] = e.ChangedAt
	}
	modified, err := latestCalendarChange(db, userID, stamps)
	return stamps, modified, err == nil, err
}

// diffCalendarEvents lists the events that are new or changed and the uids no
// longer in the feed.
func diffCalendarEvents(known []CalendarFeedEvent, hashes map[string]string) (changed, gone []string) {
	seen := map[string]bool{}
	for _, e := range known {
		seen[e.UID] = true
		hash, ok := hashes[e.UID]
		if !ok {
			gone = append(gone, e.UID)
		} else if hash != e.ContentHash {
			changed = append(changed, e.UID)
		}
	}
	for uid := range hashes {
		if !seen[uid] {
			changed = append(changed, uid)
		}
	}
	return changed, gone
}

func saveCalendarEvents(tx *gorm.DB, userID int64, uids []string, hashes map[string]string, now time.Time) error {
	if len(uids) == 0 {
		return nil
	}
	rows := make([]CalendarFeedEvent, len(uids))
	for i, uid := range uids {
		rows[i] = CalendarFeedEvent{UserID: userID, UID: uid, ContentHash: hashes[uid], ChangedAt: now}
	}
	return tx.Clauses(clause.OnConflict{
		Columns:   []clause.Column{{Name: "user_id"}, {Name: "uid"}},
		DoUpdates: clause.AssignmentColumns([]string{"content_hash", "changed_at"}),
	}).Create(&rows).Error
}

// touchCalendarFeed marks the feed changed (an event went away), keeping its setting.
func touchCalendarFeed(tx *gorm.DB, userID int64, now time.Time) error {
	feed := CalendarFeed{UserID: userID, ChangedAt: now}
	return tx.Clauses(clause.OnConflict{
		Columns: []clause.Column{{Name: "user_id"}}, DoUpdates: clause.AssignmentColumns([]string{"changed_at"}),
	}).Create(&feed).Error
}

// latestCalendarChange is the newest of the event stamps and the feed's own change.
func latestCalendarChange(tx *gorm.DB, userID int64, stamps map[string]time.Time) (time.Time, error) {
	var feed CalendarFeed
	if err := tx.Where("user_id = ?", userID).Limit(1).Find(&feed).Error; err != nil {
		return time.Time{}, err
	}
	latest := feed.ChangedAt
	for _, t := range stamps {
		if t.After(latest) {
			latest = t
		}
	}
	return latest.UTC(), nil
}
