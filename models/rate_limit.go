package models

import (
	"context"
	"fmt"
	"sync"
	"sync/atomic"
	"time"

	"gorm.io/gorm"
)

// RateLimitStore counts events per key in windows that open at a key's first event
// and last a given duration. Every method takes the injected clock's now.
type RateLimitStore interface {
	// Hit counts one event for key and returns the events counted in the current
	// window, this one included, and when the window closes.
	Hit(ctx context.Context, key string, window time.Duration, now time.Time) (int, time.Time, error)
	// Reset forgets key's count.
	Reset(ctx context.Context, key string) error
}

// DBRateLimits keeps counters in the rate_limits table so that several processes
// over one PostgreSQL database share them and a restart forgets nothing. Each hit is
// one atomic upsert.
type DBRateLimits struct {
	DB   *gorm.DB
	hits atomic.Int64
}

// pruneEvery is how many hits pass between deletions of closed windows.
const pruneEvery = 500

const rateLimitUpsert = `INSERT INTO rate_limits (bucket, hits, expires_ms) VALUES (?, 1, ?)
ON CONFLICT (bucket) DO UPDATE SET
  hits = CASE WHEN rate_limits.expires_ms > ? THEN rate_limits.hits + 1 ELSE 1 END,
  expires_ms = CASE WHEN rate_limits.expires_ms > ? THEN rate_limits.expires_ms ELSE excluded.expires_ms END
RETURNING hits, expires_ms`

// Hit counts one event for key; see RateLimitStore.
func (s *DBRateLimits) Hit(ctx context.Context, key string, window time.Duration, now time.Time) (int, time.Time, error) {
	nowMS := now.UnixMilli()
	var hits int
	var expiresMS int64
	row := s.DB.WithContext(ctx).Raw(rateLimitUpsert, key, nowMS+window.Milliseconds(), nowMS, nowMS).Row()
	if err := row.Scan(&hits, &expiresMS); err != nil {
		return 0, time.Time{}, fmt.Errorf("count rate limit %s: %w", key, err)
	}
	if s.hits.Add(1)%pruneEvery == 0 {
		if err := s.DB.WithContext(ctx).Exec("DELETE FROM rate_limits WHERE expires_ms <= ?", nowMS).Error; err != nil {
			return 0, time.Time{}, fmt.Errorf("prune rate limits: %w", err)
		}
	}
	return hits, time.UnixMilli(expiresMS).UTC(), nil
}

// Reset forgets key; see RateLimitStore.
func (s *DBRateLimits) Reset(ctx context.Context, key string) error {
	if err := s.DB.WithContext(ctx).Exec("DELETE FROM rate_limits WHERE bucket = ?", key).Error; err != nil {
		return fmt.Errorf("reset rate limit %s: %w", key, err)
	}
	return nil
}

// MemoryRateLimits keeps counters in this process: enough for one process over
// SQLite. Closed windows are dropped as the map grows, so memory stays bounded by
// the keys active within a window.
type MemoryRateLimits struct {
	mu      sync.Mutex
	buckets map[string]memoryBucket
	pruneAt int
}

type memoryBucket struct {
	hits    int
	expires time.Time
}

// NewMemoryRateLimits returns an empty in-process store.
func NewMemoryRateLimits() *MemoryRateLimits {
	return &MemoryRateLimits{buckets: map[string]memoryBucket{}, pruneAt: 1024}
}

// Hit counts one event for key; see RateLimitStore.
func (s *MemoryRateLimits) Hit(_ context.Context, key string, window time.Duration, now time.Time) (int, time.Time, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	b := s.buckets[key]
	if !b.expires.After(now) {
		b = memoryBucket{expires: now.Add(window)}
	}
	b.hits++
	s.buckets[key] = b
	if len(s.buckets) >= s.pruneAt {
		s.prune(now)
	}
	return b.hits, b.expires, nil
}

// prune drops closed windows and doubles the threshold when most are still open.
func (s *MemoryRateLimits) prune(now time.Time) {
	for k, b := range s.buckets {
		if !b.expires.After(now) {
			delete(s.buckets, k)
		}
	}
	s.pruneAt = max(1024, 2*len(s.buckets))
}

// Reset forgets key; see RateLimitStore.
func (s *MemoryRateLimits) Reset(_ context.Context, key string) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	delete(s.buckets, key)
	return nil
}
