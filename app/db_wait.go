package app

import (
	"context"
	"fmt"
	"log/slog"
	"time"

	"gorm.io/gorm"
)

// WaitForDB opens the configured database, retrying with a growing pause while it is
// not up yet (a container started before its database), for at most cfg.DBWait.
// Each failed try is logged; the last error is returned when the wait runs out.
func WaitForDB(ctx context.Context, cfg Config, log *slog.Logger) (*gorm.DB, error) {
	deadline := time.Now().Add(cfg.DBWait)
	pause := 500 * time.Millisecond
	for attempt := 1; ; attempt++ {
		db, err := OpenDB(cfg)
		if err == nil {
			if attempt > 1 {
				log.Info("database is up", "attempts", attempt)
			}
			return db, nil
		}
		left := time.Until(deadline)
		if left <= 0 {
			return nil, fmt.Errorf("database not reachable after %d attempts over %s: %w", attempt, cfg.DBWait, err)
		}
		pause = min(pause, left)
		log.Warn("database not reachable yet; retrying", "attempt", attempt, "retry_in", pause.String(), "err", err)
		select {
		case <-ctx.Done():
			return nil, fmt.Errorf("open database: %w", ctx.Err())
		case <-time.After(pause):
		}
		pause = min(2*pause, 5*time.Second)
	}
}
