package app_test

import (
	"context"
	"fmt"
	"net/http"
	"net/url"
	"strings"
	"sync"
	"testing"
	"time"

	"golang.org/x/crypto/bcrypt"
	"gorm.io/gorm"

	"hitpath/app"
	"hitpath/app/apptest"
	"hitpath/app/testdb"
	"hitpath/models"
)

// startTogether builds n hitpath apps on one fresh database at the same moment, as
// several processes starting together would: each opens its own pool, migrates and
// seeds.
func startTogether(t *testing.T, cfg app.Config, n int) []*app.App {
	t.Helper()
	cfg.JWTSecret, cfg.BaseURL, cfg.PasswordCost = "test-secret-test-secret-test-secret-123", "http://localhost:3000", bcrypt.MinCost
	apps, errs := make([]*app.App, n), make([]error, n)
	var wg sync.WaitGroup
	for i := range n {
		wg.Add(1)
		go func() {
			defer wg.Done()
			apps[i], errs[i] = app.New(cfg, app.Options{})
		}()
	}
	wg.Wait()
	for i, err := range errs {
		if err != nil {
			t.Fatalf("process %d of %d failed to start: %v", i+1, n, err)
		}
		t.Cleanup(func() { apps[i].Close() })
	}
	return apps
}

// Two processes starting together on a fresh PostgreSQL database: migrations run
// once under goose's advisory lock and the reference seed runs once, three times out
// of three. (SQLite is one process by design: it has no shared server to lock.)
func TestProcessesStartTogetherOnFreshPostgres(t *testing.T) {
	for round := 1; round <= 3; round++ {
		apps := startTogether(t, testdb.FreshConfig(t, "postgres"), 3)
		seed, err := app.LoadReferenceSeed()
		if err != nil {
			t.Fatal(err)
		}
		var pages, facts int64
		apps[0].DB.Table("reference_pages").Count(&pages)
		apps[0].DB.Table("reference_facts").Count(&facts)
		if int(pages) != len(seed.Pages) || int(facts) != len(seed.Facts) {
			t.Fatalf("round %d: got %d pages and %d facts, want %d and %d", round, pages, facts, len(seed.Pages), len(seed.Facts))
		}
		statuses, err := app.MigrationStatus(context.Background(), apps[1].DB)
		if err != nil {
			t.Fatal(err)
		}
		for _, s := range statuses {
			if s.State != "applied" {
				t.Fatalf("round %d: migration %s is %s, want applied", round, s.Source.Path, s.State)
			}
		}
	}
}

// TestTwoInstancesShareOnePostgres runs two hitpath instances in one process, each
// with its own connection pool, over one PostgreSQL database, and sends one user's
// requests to either, as a load balancer would: tokens, logout, CSRF forms and rate
// limits hold across them, and a queued email is delivered once.
func TestTwoInstancesShareOnePostgres(t *testing.T) {
	cfg := testdb.FreshConfig(t, "postgres")
	apps := startTogether(t, cfg, 2)
	a, b := apptest.New(t, apps[0].DB), apptest.New(t, apps[1].DB)

	t.Run("API token from one instance works on the other, logout on either ends it", func(t *testing.T) {
		token := a.RegisterAPI("Ana", "ana@example.com", "correct horse battery staple")
		apptest.Must(t, b.API("GET", "/api/v1/me", token, nil), http.StatusOK)
		apptest.Must(t, b.API("POST", "/api/v1/auth/logout", token, nil), http.StatusNoContent)
		apptest.Must(t, a.API("GET", "/api/v1/me", token, nil), http.StatusUnauthorized)
	})

	t.Run("page session and CSRF forms work across instances", func(t *testing.T) {
		onA := a.Browser()
		onA.SignUp("Bo", "bo@example.com", "correct horse battery staple")
		onB := onA.On(b)
		apptest.Must(t, onB.Get("/dashboard"), http.StatusOK)
		// The form's token was issued by instance A; instance B accepts it.
		form := url.Values{"credential_code": {"RHIT"}, "earned_on": {"2024-03-01"}}
		apptest.Must(t, onB.Submit("/credentials", form), http.StatusSeeOther)
		if !strings.Contains(apptest.Must(t, onA.Get("/credentials"), http.StatusOK).Text(), "RHIT") {
			t.Fatal("instance A does not show the credential saved through instance B")
		}
		// A form without the token is refused on either instance.
		bare := onB.Post("/credentials", "application/x-www-form-urlencoded", strings.NewReader(form.Encode()))
		if bare.Status != http.StatusForbidden {
			t.Fatalf("got %d for a form without its CSRF token, want 403", bare.Status)
		}
		apptest.Must(t, onB.Submit("/logout", url.Values{}), http.StatusSeeOther)
		if got := onA.On(a).Get("/dashboard"); got.Status == http.StatusOK {
			t.Fatal("instance A still serves the dashboard after logging out on instance B")
		}
	})

	t.Run("failed logins are counted across instances", func(t *testing.T) {
		a.RegisterAPI("Cy", "cy@example.com", "correct horse battery staple")
		wrong := map[string]string{"email": "cy@example.com", "password": "not the password at all"}
		instances := []*apptest.Server{a, b}
		for i := range 5 { // the limit is 5 failed logins a minute per account
			apptest.Must(t, instances[i%2].API("POST", "/api/v1/auth/login", "", wrong), http.StatusUnauthorized)
		}
		for _, instance := range instances {
			refused := instance.API("POST", "/api/v1/auth/login", "", wrong)
			if refused.Status != http.StatusTooManyRequests || refused.Header.Get("Retry-After") == "" {
				t.Fatalf("got %d after 5 failures spread over two instances, want 429 with Retry-After", refused.Status)
			}
		}
	})

	t.Run("queued email is delivered once by two background senders", func(t *testing.T) {
		deliverOnceAcrossInstances(t, apps)
	})
}

func deliverOnceAcrossInstances(t *testing.T, apps []*app.App) {
	const emails = 20
	now := time.Now().UTC()
	// Sign-ups in the earlier subtests queued address confirmations; start empty.
	if err := apps[0].DB.Exec("DELETE FROM outbox").Error; err != nil {
		t.Fatal(err)
	}
	for i := range emails {
		if _, err := models.EnqueueEmail(apps[i%2].DB, fmt.Sprintf("s%d@example.com", i), "Reminder", "Body", "", now); err != nil {
			t.Fatal(err)
		}
	}
	inbox := &smtpInbox{delay: 5 * time.Millisecond}
	url := startSMTP(t, inbox)
	ctx, stop := context.WithCancel(context.Background())
	defer stop()
	for _, instance := range apps {
		instance.StartBackgroundWith(ctx, newTestMailer(t, instance.DB, url, &now))
	}
	deadline := time.Now().Add(20 * time.Second)
	for len(inbox.received()) < emails && time.Now().Before(deadline) {
		time.Sleep(20 * time.Millisecond)
	}
	time.Sleep(200 * time.Millisecond) // room for a duplicate to show up
	stop()
	for _, instance := range apps {
		if !instance.WaitBackground(10 * time.Second) {
			t.Fatal("background jobs did not stop")
		}
	}
	assertEachOnce(t, inbox.received(), emails)
	var pending int64
	apps[0].DB.Model(&models.OutboxEmail{}).Where("sent_at IS NULL").Count(&pending)
	if pending != 0 {
		t.Fatalf("got %d emails not recorded as sent, want 0", pending)
	}
}

func assertEachOnce(t *testing.T, messages []string, want int) {
	t.Helper()
	seen := map[string]int{}
	for _, msg := range messages {
		to := msg[strings.Index(msg, "\r\nTo: ")+6:]
		seen[to[:strings.Index(to, "\r\n")]]++
	}
	for to, n := range seen {
		if n != 1 {
			t.Errorf("got %d emails to %s, want 1", n, to)
		}
	}
	if len(seen) != want || len(messages) != want {
		t.Fatalf("got %d messages to %d addresses, want %d", len(messages), len(seen), want)
	}
}

// Seeding from several processes at the same moment adds each row once and fails none.
func TestReferenceSeedRunsConcurrently(t *testing.T) {
	for _, dialect := range testdb.Dialects() {
		t.Run(dialect, func(t *testing.T) {
			cfg := testdb.FreshConfig(t, dialect)
			pools := make([]*gorm.DB, 4)
			for i := range pools {
				db, err := app.OpenDB(cfg)
				if err != nil {
					t.Fatal(err)
				}
				t.Cleanup(func() { sqlDB, _ := db.DB(); sqlDB.Close() })
				pools[i] = db
			}
			if err := app.Migrate(context.Background(), pools[0]); err != nil {
				t.Fatal(err)
			}
			inserted := make([]int, len(pools))
			var wg sync.WaitGroup
			for i, db := range pools {
				wg.Add(1)
				go func() {
					defer wg.Done()
					report, err := app.SeedReferenceContent(context.Background(), db, time.Now())
					if err != nil {
						t.Errorf("seeder %d: %v", i, err)
					}
					inserted[i] = report.Inserted
				}()
			}
			wg.Wait()
			seed, _ := app.LoadReferenceSeed()
			total := 0
			for _, n := range inserted {
				total += n
			}
			if want := len(seed.Pages) + len(seed.Facts) + len(seed.Occupations); total != want {
				t.Fatalf("got %d rows inserted by %v, want %d in all", total, inserted, want)
			}
		})
	}
}
