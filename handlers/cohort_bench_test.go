package handlers_test

import (
	"context"
	"net"
	"net/http"
	"os"
	"testing"

	"github.com/valyala/fasthttp"
	"golang.org/x/crypto/bcrypt"

	"hitpath/app/apptest"
	"hitpath/app/testdb"
	"hitpath/models"
)

// BenchmarkCohortDashboard500 renders the dashboard page of a 500-student cohort made
// by the demo generator (two years of study and practice history), through the whole
// server: routing, middleware, authentication, queries, rules and the template. It
// calls the server's request handler directly, so it measures server time without an
// HTTP client parsing the 300 KB page. It runs on PostgreSQL when TEST_DATABASE_URL
// is set, else on SQLite.
func BenchmarkCohortDashboard500(b *testing.B) {
	dialect := "sqlite"
	if os.Getenv("TEST_DATABASE_URL") != "" {
		dialect = "postgres"
	}
	db := testdb.Open(b, dialect)
	hash, _ := bcrypt.GenerateFromPassword([]byte(goodPassword), bcrypt.MinCost)
	res, err := models.SeedDemoSchool(context.Background(), db, models.DemoOptions{Students: 500, Cohorts: 1, Seed: 1, PasswordHash: string(hash)})
	if err != nil {
		b.Fatal(err)
	}
	s := apptest.New(b, db)
	browser := s.Browser()
	apptest.Must(b, browser.LogIn(res.Instructors[0].Email, goodPassword), http.StatusSeeOther)
	for _, path := range []string{"/cohorts/" + itoa(res.CohortIDs[0]), "/api/v1/cohorts/" + itoa(res.CohortIDs[0]) + "/dashboard"} {
		b.Run(dialect+path, func(b *testing.B) {
			token := browser.Cookie("hitpath_session")
			serve := s.App.Server.Handler()
			request := func() int {
				var ctx fasthttp.RequestCtx
				var req fasthttp.Request
				req.SetRequestURI(path)
				req.Header.SetCookie("hitpath_session", token)
				req.Header.Set("Authorization", "Bearer "+token)
				ctx.Init(&req, &net.TCPAddr{IP: net.IPv4(192, 0, 2, 1)}, nil)
				serve(&ctx)
				return ctx.Response.StatusCode()
			}
			if status := request(); status != http.StatusOK {
				b.Fatalf("got status %d", status)
			}
			for b.Loop() {
				if status := request(); status != http.StatusOK {
					b.Fatalf("got status %d", status)
				}
			}
		})
	}
}
