package main

import (
	"context"
	"errors"
	"fmt"
	"time"

	"hitpath/app"
	"hitpath/models"
)

// runDigest handles `hitpath digest`: it queues this week's at-risk digest for every
// instructor with an active cohort. Running it again in the same ISO week queues nothing.
func runDigest(ctx context.Context, cfg app.Config, args []string) error {
	if len(args) != 0 {
		return errors.New("usage: hitpath digest")
	}
	db, err := app.OpenDB(cfg)
	if err != nil {
		return err
	}
	if err := app.Migrate(ctx, db); err != nil {
		return err
	}
	zone, _ := models.ParseTimeZone(cfg.DefaultTimeZone)
	res, err := models.EnqueueWeeklyDigests(ctx, db, cfg.BaseURL, time.Now().UTC(), zone)
	if err != nil {
		return err
	}
	fmt.Printf("Weekly digest: %d instructors with active cohorts, %d emails queued.\n", res.Instructors, res.Queued)
	return nil
}
