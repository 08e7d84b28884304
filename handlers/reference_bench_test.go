package handlers_test

import (
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"hitpath/app/apptest"
	"hitpath/app/testdb"
	"hitpath/models"
)

// BenchmarkCareerPage measures GET /careers/wages through the whole middleware stack
// (in-memory connection, SQLite): served from the render cache, and rendered afresh
// after an admin edit (made outside the timer) moved the content revision.
func BenchmarkCareerPage(b *testing.B) {
	s := apptest.New(b, testdb.Open(b, "sqlite"))
	get := func() {
		resp := s.Do(httptest.NewRequest(http.MethodGet, "/careers/wages", nil))
		if resp.Status != 200 {
			b.Fatalf("got %d", resp.Status)
		}
	}
	b.Run("cached", func(b *testing.B) {
		for b.Loop() {
			get()
		}
	})
	token := s.RegisterAPI("Ada", "ada@example.com", goodPassword)
	s.SetRole("ada@example.com", models.RoleAdmin)
	edit := `{"value":"$35,900","number":"35900","unit":"USD per year","geography":"US","period":"May 2014","source":"career guide page"}`
	b.Run("rendered", func(b *testing.B) {
		for b.Loop() {
			b.StopTimer()
			req := httptest.NewRequest(http.MethodPut, "/api/v1/reference/facts/1", strings.NewReader(edit))
			req.Header.Set("Content-Type", "application/json")
			req.Header.Set("Authorization", "Bearer "+token)
			if resp := s.Do(req); resp.Status != 200 {
				b.Fatalf("edit: got %d %s", resp.Status, resp.Body)
			}
			b.StartTimer()
			get()
		}
	})
}
