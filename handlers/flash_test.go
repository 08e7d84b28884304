package handlers_test

import (
	"net/http"
	"net/url"
	"strings"
	"testing"

	"hitpath/app/apptest"
)

// TestFlashIsDeletedForTheWholeSite shows a flash on a page below /cohorts/: the
// response must delete the cookie with Path=/ (the path it was set with), or the
// browser keeps showing the message on later pages.
func TestFlashIsDeletedForTheWholeSite(t *testing.T) {
	apptest.Each(t, func(t *testing.T, s *apptest.Server) {
		w := newCohortWorld(t, s)
		cohort := "/cohorts/" + itoa(w.cohortID)
		apptest.Must(t, w.owner.Browser.Submit(cohort+"/join-code", url.Values{}), http.StatusSeeOther)
		page := apptest.Must(t, w.owner.Browser.Get(cohort), http.StatusOK)
		if !strings.Contains(page.Text(), `class="flash"`) {
			t.Fatal("got no flash after making a new join code")
		}
		var deletion string
		for _, c := range page.Header.Values("Set-Cookie") {
			if strings.HasPrefix(c, "hitpath_flash=") {
				deletion = c
			}
		}
		if !strings.Contains(deletion, "path=/;") || !strings.Contains(deletion, "expires=Tue, 10 Nov 2009") {
			t.Fatalf("got flash deletion %q, want path=/ and an expiry long past", deletion)
		}
		if again := apptest.Must(t, w.owner.Browser.Get("/cohorts"), http.StatusOK).Text(); strings.Contains(again, `class="flash"`) {
			t.Fatal("the flash came back on the next page")
		}
	}, cohortManyAuthAttempts())
}
