package handlers_test

import (
	"net/http"
	"net/url"
	"strings"
	"testing"

	"hitpath/app/apptest"
)

// TestEditPracticeExam changes an attempt and its scores on its page and through the
// API, keeps the stored readiness in step, and lets nobody else see or change it.
func TestEditPracticeExam(t *testing.T) {
	apptest.Each(t, func(t *testing.T, s *apptest.Server) {
		w := newCohortWorld(t, s)
		cohortSeedSam(t, s, w.student.ID)
		var id int64
		if err := s.DB.Raw("SELECT MIN(id) FROM practice_exams WHERE user_id = ?", w.student.ID).Scan(&id).Error; err != nil {
			t.Fatal(err)
		}
		edit := "/practice/" + itoa(id) + "/edit"
		sam := w.student.Browser
		if page := apptest.Must(t, sam.Get("/practice"), http.StatusOK).Text(); !strings.Contains(page, `href="`+edit+`"`) {
			t.Fatal("the practice page has no edit link")
		}
		if form := apptest.Must(t, sam.Get(edit), http.StatusOK).Text(); !strings.Contains(form, `name="domain_6" type="text" value="70"`) {
			t.Fatal("the edit form does not show the attempt's domain scores")
		}
		day := cohortRelDay(-11)
		bad := url.Values{"taken_on": {day}, "overall_percent": {"130"}}
		if page := apptest.Must(t, sam.Submit(edit, bad), http.StatusUnprocessableEntity).Text(); !strings.Contains(page, `id="overall_percent-error"`) {
			t.Fatal("130% was not refused beside the field")
		}
		good := url.Values{"taken_on": {day}, "source": {"Book"}, "overall_percent": {"90"}, "domain_1": {"90"}, "domain_2": {"90"}}
		apptest.Must(t, sam.Submit(edit, good), http.StatusSeeOther)
		var overall float64
		var scores int64
		s.DB.Raw("SELECT overall_percent FROM practice_exams WHERE id = ?", id).Scan(&overall)
		s.DB.Raw("SELECT COUNT(*) FROM practice_exam_scores WHERE practice_exam_id = ?", id).Scan(&scores)
		if overall != 90 || scores != 2 {
			t.Fatalf("got overall %v with %d scores, want 90 with 2", overall, scores)
		}
		var readiness struct {
			Percent *float64 `json:"percent"`
		}
		apptest.Must(t, s.API("GET", "/api/v1/readiness", w.student.Token, nil), http.StatusOK).JSON(t, &readiness)
		if readiness.Percent == nil || *readiness.Percent < 80 {
			t.Fatalf("got readiness %v after raising every score to 90, want it to follow", readiness.Percent)
		}

		api := "/api/v1/practice-exams/" + itoa(id)
		body := map[string]any{"taken_on": day, "overall_percent": 55, "domains": []map[string]any{{"position": 1, "percent": 55}}}
		apptest.Must(t, s.API("PUT", api, w.student.Token, body), http.StatusOK)
		apptest.Must(t, s.API("PUT", api, w.student.Token, map[string]any{"taken_on": day, "overall_percent": 101}), http.StatusUnprocessableEntity)
		apptest.Must(t, w.other.Browser.Get(edit), http.StatusNotFound)
		apptest.Must(t, w.other.Browser.Submit(edit, good), http.StatusNotFound)
		apptest.Must(t, s.API("PUT", api, w.other.Token, body), http.StatusNotFound)
		apptest.Must(t, s.API("PUT", api, "", body), http.StatusUnauthorized)
	}, cohortManyAuthAttempts())
}
