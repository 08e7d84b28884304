package handlers_test

import (
	"net/http"
	"sync/atomic"
	"testing"
	"time"

	"hitpath/app/apptest"
)

// TestJoinResponseShowsStoredJoinTime: the join answer's joined_at is the instant
// stored, not a second reading of the clock. The clock here moves a second on every
// reading, so two readings can never agree.
func TestJoinResponseShowsStoredJoinTime(t *testing.T) {
	var ticks atomic.Int64
	start := time.Now().UTC().Truncate(time.Second)
	clock := func() time.Time { return start.Add(time.Duration(ticks.Add(1)) * time.Second) }
	apptest.Each(t, func(t *testing.T, s *apptest.Server) {
		w := newCohortWorld(t, s)
		var joined struct {
			JoinedAt time.Time `json:"joined_at"`
		}
		apptest.Must(t, s.API("POST", "/api/v1/memberships", w.other.Token, map[string]any{"code": w.code, "consent": true}), http.StatusCreated).JSON(t, &joined)
		var list struct {
			Memberships []struct {
				JoinedAt time.Time `json:"joined_at"`
			} `json:"memberships"`
		}
		apptest.Must(t, s.API("GET", "/api/v1/memberships", w.other.Token, nil), http.StatusOK).JSON(t, &list)
		if len(list.Memberships) != 1 {
			t.Fatalf("got %d memberships, want 1", len(list.Memberships))
		}
		if got, stored := joined.JoinedAt, list.Memberships[0].JoinedAt; !got.Equal(stored) {
			t.Fatalf("the join answer says joined_at %s, the stored membership %s", got, stored)
		}
	}, apptest.WithClock(clock))
}
