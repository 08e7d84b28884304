package handlers_test

import (
	"net/http"
	"net/url"
	"strings"
	"testing"

	"hitpath/app/apptest"
)

// TestEditStudySession changes a session on its page and through the API, keeps the
// rules of logging one, and lets nobody else see or change it.
func TestEditStudySession(t *testing.T) {
	apptest.Each(t, func(t *testing.T, s *apptest.Server) {
		w := newCohortWorld(t, s)
		cohortSeedSam(t, s, w.student.ID)
		var id int64
		if err := s.DB.Raw("SELECT MIN(id) FROM study_sessions WHERE user_id = ?", w.student.ID).Scan(&id).Error; err != nil {
			t.Fatal(err)
		}
		edit := "/study/" + itoa(id) + "/edit"
		sam := w.student.Browser
		if page := apptest.Must(t, sam.Get("/study"), http.StatusOK).Text(); !strings.Contains(page, `href="`+edit+`"`) {
			t.Fatal("the study log has no edit link")
		}
		form := apptest.Must(t, sam.Get(edit), http.StatusOK).Text()
		if !strings.Contains(form, `value="Release of information"`) {
			t.Fatal("the edit form does not show the session")
		}
		day := cohortRelDay(-3)
		bad := url.Values{"studied_on": {day}, "minutes": {"0"}, "domain_position": {"2"}, "topic": {"Coding"}}
		if page := apptest.Must(t, sam.Submit(edit, bad), http.StatusUnprocessableEntity).Text(); !strings.Contains(page, `id="minutes-error"`) {
			t.Fatal("zero minutes were not refused beside the field")
		}
		good := url.Values{"studied_on": {day}, "minutes": {"75"}, "domain_position": {"2"}, "topic": {"Coding"}, "notes": {"changed"}}
		apptest.Must(t, sam.Submit(edit, good), http.StatusSeeOther)
		var minutes int
		var topic string
		if err := s.DB.Raw("SELECT minutes, topic FROM study_sessions WHERE id = ?", id).Row().Scan(&minutes, &topic); err != nil || minutes != 75 || topic != "Coding" {
			t.Fatalf("got %d minutes of %q (%v), want 75 of Coding", minutes, topic, err)
		}

		api := "/api/v1/study-sessions/" + itoa(id)
		body := map[string]any{"studied_on": day, "minutes": 50, "domain_position": 3, "topic": "Data"}
		var out struct {
			Minutes int `json:"minutes"`
		}
		apptest.Must(t, s.API("PUT", api, w.student.Token, body), http.StatusOK).JSON(t, &out)
		if out.Minutes != 50 {
			t.Fatalf("got %d minutes from the API, want 50", out.Minutes)
		}
		apptest.Must(t, s.API("PUT", api, w.student.Token, map[string]any{"studied_on": day, "minutes": 5000, "domain_position": 3}), http.StatusUnprocessableEntity)

		apptest.Must(t, w.other.Browser.Get(edit), http.StatusNotFound)
		apptest.Must(t, w.other.Browser.Submit(edit, good), http.StatusNotFound)
		apptest.Must(t, s.API("PUT", api, w.other.Token, body), http.StatusNotFound)
		apptest.Must(t, s.API("PUT", api, w.owner.Token, body), http.StatusNotFound)
		apptest.Must(t, s.API("PUT", api, "", body), http.StatusUnauthorized)
		if got := w.anonymous.Browser.Get(edit); got.Status != http.StatusFound {
			t.Errorf("anonymous edit page: got %d, want a redirect to log in", got.Status)
		}
	}, cohortManyAuthAttempts())
}
