package handlers_test

import (
	"context"
	"net/http"
	"net/http/httptest"
	"os"
	"testing"

	"golang.org/x/crypto/bcrypt"

	"hitpath/app/apptest"
	"hitpath/app/testdb"
	"hitpath/models"
)

// BenchmarkCohortDashboard500 renders the dashboard page of a 500-student cohort made
// by the demo generator (two years of study and practice history), through the whole
// server: routing, authentication, queries, rules and the template. It runs on
// PostgreSQL when TEST_DATABASE_URL is set, else on SQLite.
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
			req := func() *http.Request {
				r := httptest.NewRequest("GET", path, nil)
				r.AddCookie(&http.Cookie{Name: "hitpath_session", Value: browser.Cookie("hitpath_session")})
				r.Header.Set("Authorization", "Bearer "+browser.Cookie("hitpath_session"))
				return r
			}
			apptest.Must(b, s.Do(req()), http.StatusOK)
			for b.Loop() {
				if resp := s.Do(req()); resp.Status != http.StatusOK {
					b.Fatalf("got status %d", resp.Status)
				}
			}
		})
	}
}
