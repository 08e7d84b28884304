package handlers_test

import (
	"net/http"
	"net/url"
	"regexp"
	"strings"
	"testing"

	"hitpath/app/apptest"
)

// TestPagesUseTheRightWords checks messages and labels that used to read wrong: a
// cohort is not "your name", an empty message is not "too long", one is singular,
// a join code example has the shape of real codes, and statuses are words.
func TestPagesUseTheRightWords(t *testing.T) {
	apptest.Each(t, func(t *testing.T, s *apptest.Server) {
		w := newCohortWorld(t, s)
		cohortSeedSam(t, s, w.student.ID)
		cohort := "/cohorts/" + itoa(w.cohortID)
		page := func(b *apptest.Browser, path string, form url.Values, status int) string {
			t.Helper()
			if form == nil {
				return apptest.Must(t, b.Get(path), status).Text()
			}
			return apptest.Must(t, b.Submit(path, form), status).Text()
		}

		created := page(w.owner.Browser, "/cohorts", url.Values{"name": {""}, "target_code": {"RHIT"}}, http.StatusUnprocessableEntity)
		if !strings.Contains(created, "Enter a name for the cohort.") || strings.Contains(created, "Enter your name") {
			t.Errorf("empty cohort name: want \"Enter a name for the cohort.\" in the page")
		}
		nudged := page(w.owner.Browser, cohort+"/nudges", url.Values{"user_id": {itoa(w.student.ID)}, "message": {""}}, http.StatusUnprocessableEntity)
		if !strings.Contains(nudged, "Write the message to send.") || strings.Contains(nudged, "at most 4,000") {
			t.Errorf("empty nudge: want \"Write the message to send.\" in the page")
		}
		drill := page(w.owner.Browser, cohort+"/students/"+itoa(w.student.ID), nil, http.StatusOK)
		if !strings.Contains(drill, "<td>In progress</td>") || strings.Contains(drill, "in_progress<") {
			t.Errorf("drill-down: want the status \"In progress\", not the stored value")
		}
		join := page(w.student.Browser, "/join", nil, http.StatusOK)
		example := regexp.MustCompile(`like ([A-Z0-9-]+)`).FindStringSubmatch(join)
		if example == nil || !regexp.MustCompile(`^[ABCDEFGHJKMNPQRSTUVWXYZ23456789]{10}$`).MatchString(example[1]) {
			t.Errorf("join hint example %v does not look like a real code such as %s", example, w.code)
		}

		sam := w.student.Browser
		apptest.Must(t, sam.Submit("/credentials", url.Values{"current": {"yes"}, "credential_code": {"RHIT"}, "earned_on": {cohortRelDay(-300)}}), http.StatusSeeOther)
		ceuLog(t, s, sam, cohortRelDay(-2), "Short webinar", "1")
		if list := page(sam, "/ceus", nil, http.StatusOK); !strings.Contains(list, "Saved “Short webinar”: 1 CEU.") || !strings.Contains(list, "1 activity.") {
			t.Errorf("one CEU and one activity: want the singular in the flash and the caption")
		}
	}, cohortManyAuthAttempts())
}
