package handlers_test

import (
	"net/http"
	"net/url"
	"strings"
	"testing"
	"time"

	"hitpath/app/apptest"
	"hitpath/models"
)

// noticeListOut is the answer of GET /api/v1/notices.
type noticeListOut struct {
	Notices []noticeOut `json:"notices"`
	Total   int64       `json:"total"`
	Unread  int64       `json:"unread"`
	Page    int         `json:"page"`
	PerPage int         `json:"per_page"`
}

type noticeOut struct {
	ID     int64   `json:"id"`
	Kind   string  `json:"kind"`
	Title  string  `json:"title"`
	Body   string  `json:"body"`
	Link   string  `json:"link"`
	ReadAt *string `json:"read_at"`
}

func noticesOf(t *testing.T, s *apptest.Server, token string) noticeListOut {
	t.Helper()
	var out noticeListOut
	apptest.Must(t, s.API("GET", "/api/v1/notices", token, nil), http.StatusOK).JSON(t, &out)
	return out
}

// noticeTitled returns the notice with title in list, failing the test when none has it.
func noticeTitled(t *testing.T, list noticeListOut, kind, title string) noticeOut {
	t.Helper()
	for _, n := range list.Notices {
		if n.Kind == kind && n.Title == title {
			return n
		}
	}
	t.Fatalf("no %s notice %q among %+v", kind, title, list.Notices)
	return noticeOut{}
}

func hasNoticeTitled(list noticeListOut, title string) bool {
	for _, n := range list.Notices {
		if n.Title == title {
			return true
		}
	}
	return false
}

// Cohort changes and nudges land in the lists of the people they concern, and only theirs.
func TestNoticesFollowCohortChanges(t *testing.T) {
	apptest.Each(t, func(t *testing.T, s *apptest.Server) {
		w := newCohortWorld(t, s)
		student := noticesOf(t, s, w.student.Token)
		if student.Total != 1 || student.Unread != 1 {
			t.Fatalf("got %d notices (%d unread) for the student, want the one about joining", student.Total, student.Unread)
		}
		joined := noticeTitled(t, student, "cohort_joined", "You joined HIT 210")
		if !strings.Contains(joined.Body, "Cory Co") || !strings.Contains(joined.Body, "Olga Owner") || joined.Link != "/join" {
			t.Fatalf("got %+v, want the instructors named and a link to leave", joined)
		}
		noticeTitled(t, noticesOf(t, s, w.owner.Token), "cohort_joined", "Sam Student joined HIT 210")
		co := noticesOf(t, s, w.co.Token)
		noticeTitled(t, co, "cohort_joined", "Sam Student joined HIT 210")
		noticeTitled(t, co, "instructor_added", "You are now an instructor of HIT 210")
		if other := noticesOf(t, s, w.otherInstructor.Token); other.Total != 0 {
			t.Fatalf("got %+v for an instructor of another cohort, want nothing", other.Notices)
		}

		// A nudge is a notice and an email, written together.
		nudges := "/api/v1/cohorts/" + itoa(w.cohortID) + "/nudges"
		apptest.Must(t, s.API("POST", nudges, w.owner.Token, map[string]any{"user_ids": []int64{w.student.ID}, "message": "Book your exam\nthis week"}), http.StatusOK)
		nudge := noticeTitled(t, noticesOf(t, s, w.student.Token), "nudge", "A message from Olga Owner (HIT 210)")
		if nudge.Body != "Book your exam\nthis week" {
			t.Fatalf("got body %q, want the message as written", nudge.Body)
		}
		var emails int64
		s.DB.Model(&models.OutboxEmail{}).Where("to_address = ? AND subject LIKE ?", w.student.Email, "A message from%").Count(&emails)
		if emails != 1 {
			t.Fatalf("got %d nudge emails, want 1 beside the notice", emails)
		}
		// Without a confirmed address the message still arrives, as a notice only.
		s.DB.Exec("UPDATE users SET email_verified_at = NULL WHERE id = ?", w.student.ID)
		var sent struct {
			Queued int `json:"queued"`
		}
		apptest.Must(t, s.API("POST", nudges, w.owner.Token, map[string]any{"user_ids": []int64{w.student.ID}, "message": "Unconfirmed"}), http.StatusOK).JSON(t, &sent)
		s.DB.Model(&models.OutboxEmail{}).Where("to_address = ? AND subject LIKE ?", w.student.Email, "A message from%").Count(&emails)
		if sent.Queued != 1 || emails != 1 {
			t.Fatalf("got %d sent and %d emails, want the notice and no second email", sent.Queued, emails)
		}
		if list := noticesOf(t, s, w.student.Token); list.Total != 3 {
			t.Fatalf("got %d notices, want joined and two messages", list.Total)
		}

		// Removing a co-instructor tells them and the members; archiving tells the rest.
		apptest.Must(t, s.API("DELETE", "/api/v1/cohorts/"+itoa(w.cohortID)+"/instructors/"+itoa(w.co.ID), w.owner.Token, nil), http.StatusNoContent)
		noticeTitled(t, noticesOf(t, s, w.co.Token), "instructor_removed", "You are no longer an instructor of HIT 210")
		noticeTitled(t, noticesOf(t, s, w.student.Token), "instructor_removed", "Cory Co no longer sees your progress in HIT 210")
		apptest.Must(t, s.API("PATCH", "/api/v1/cohorts/"+itoa(w.cohortID), w.owner.Token, map[string]any{"archived": true}), http.StatusOK)
		noticeTitled(t, noticesOf(t, s, w.student.Token), "cohort_archived", "HIT 210 was archived")
		if hasNoticeTitled(noticesOf(t, s, w.owner.Token), "HIT 210 was archived") {
			t.Fatal("the instructor who archived the cohort was told about it")
		}
		// Leaving tells the instructors who still teach it, not the removed one.
		apptest.Must(t, s.API("DELETE", "/api/v1/memberships/"+itoa(w.cohortID), w.student.Token, nil), http.StatusNoContent)
		left := noticeTitled(t, noticesOf(t, s, w.owner.Token), "cohort_left", "Sam Student left HIT 210")
		if left.Link != "/cohorts/"+itoa(w.cohortID) {
			t.Fatalf("got link %q, want the cohort page", left.Link)
		}
		if hasNoticeTitled(noticesOf(t, s, w.co.Token), "Sam Student left HIT 210") {
			t.Fatal("a removed co-instructor was told about a member leaving")
		}
	})
}

// A notice is read and marked only by its owner; the page, the badge and the dashboard
// follow what is unread.
func TestNoticesReadOnlyByTheirOwner(t *testing.T) {
	apptest.Each(t, func(t *testing.T, s *apptest.Server) {
		w := newCohortWorld(t, s)
		ownerNotice := noticesOf(t, s, w.owner.Token).Notices[0]
		studentNotice := noticesOf(t, s, w.student.Token).Notices[0]

		// Another user's notice is not found, by the API or the page, and stays unread.
		apptest.Must(t, s.API("POST", "/api/v1/notices/"+itoa(ownerNotice.ID)+"/read", w.student.Token, nil), http.StatusNotFound)
		apptest.Must(t, w.other.Browser.Submit("/notices/"+itoa(ownerNotice.ID)+"/read", url.Values{}), http.StatusNotFound)
		apptest.Must(t, s.API("POST", "/api/v1/notices/999999/read", w.student.Token, nil), http.StatusNotFound)
		apptest.Must(t, s.API("POST", "/api/v1/notices/abc/read", w.student.Token, nil), http.StatusNotFound)
		if list := noticesOf(t, s, w.owner.Token); list.Unread != 1 {
			t.Fatalf("got %d unread for the owner, want 1 after others tried to mark it", list.Unread)
		}
		if page := apptest.Must(t, w.other.Browser.Get("/notices"), http.StatusOK).Text(); strings.Contains(page, "Sam Student joined") {
			t.Fatal("another learner's notices page shows the owner's notice")
		}
		// Nobody signed in: 401 from the API, the login page for the browser.
		apptest.Must(t, s.API("GET", "/api/v1/notices", "", nil), http.StatusUnauthorized)
		apptest.Must(t, s.API("POST", "/api/v1/notices/read-all", "", nil), http.StatusUnauthorized)
		apptest.Must(t, s.API("POST", "/api/v1/notices/"+itoa(ownerNotice.ID)+"/read", "", nil), http.StatusUnauthorized)
		if resp := s.Browser().Get("/notices"); resp.Status != http.StatusFound || !strings.HasPrefix(resp.Header.Get("Location"), "/login") {
			t.Fatalf("got %d to %q for an anonymous visitor, want the login page", resp.Status, resp.Header.Get("Location"))
		}

		// The badge and the dashboard show the unread notice; marking it read clears both.
		page := apptest.Must(t, w.student.Browser.Get("/dashboard"), http.StatusOK).Text()
		if !strings.Contains(page, `<span class="badge">1<span class="visually-hidden"> unread notice</span>`) || !strings.Contains(page, "You joined HIT 210") {
			t.Fatal("the dashboard has no badge or no unread notice")
		}
		list := apptest.Must(t, w.student.Browser.Get("/notices"), http.StatusOK).Text()
		if !strings.Contains(list, "You joined HIT 210") || !strings.Contains(list, `action="/notices/`+itoa(studentNotice.ID)+`/read"`) {
			t.Fatal("the notices page misses the notice or its mark-read button")
		}
		apptest.Must(t, w.student.Browser.Submit("/notices/"+itoa(studentNotice.ID)+"/read", url.Values{"page": {"1"}}), http.StatusSeeOther)
		page = apptest.Must(t, w.student.Browser.Get("/dashboard"), http.StatusOK).Text()
		if strings.Contains(page, `class="badge"`) || strings.Contains(page, "Unread notices") {
			t.Fatal("the badge or the dashboard section stays after the notice was read")
		}
		if list := noticesOf(t, s, w.student.Token); list.Unread != 0 || list.Notices[0].ReadAt == nil {
			t.Fatalf("got %+v, want the notice read", list)
		}

		// Marking read through the API answers the notice; mark all clears the rest.
		var marked noticeOut
		apptest.Must(t, s.API("POST", "/api/v1/notices/"+itoa(ownerNotice.ID)+"/read", w.owner.Token, nil), http.StatusOK).JSON(t, &marked)
		if marked.ID != ownerNotice.ID || marked.ReadAt == nil {
			t.Fatalf("got %+v, want the owner's notice read", marked)
		}
		var all struct {
			Marked int `json:"marked"`
		}
		apptest.Must(t, s.API("POST", "/api/v1/notices/read-all", w.co.Token, nil), http.StatusOK).JSON(t, &all)
		if all.Marked != 2 || noticesOf(t, s, w.co.Token).Unread != 0 {
			t.Fatalf("got %d marked, want the co-instructor's 2", all.Marked)
		}
		if student := noticesOf(t, s, w.student.Token); student.Total != 1 {
			t.Fatal("marking all read touched someone else's notices")
		}
		resp := apptest.Must(t, w.owner.Browser.Submit("/notices/read-all", url.Values{}), http.StatusSeeOther)
		if page := w.owner.Browser.Get(resp.Header.Get("Location")).Text(); !strings.Contains(page, "You had no unread notices.") {
			t.Fatal("mark all read on a read list does not say so")
		}
	})
}

// The list comes 25 to a page, newest first, on the page and in the API.
func TestNoticesPaginate(t *testing.T) {
	apptest.Each(t, func(t *testing.T, s *apptest.Server) {
		ana := cohortNewActor(t, s, "Ana Holder", "ana@example.com", "learner")
		for i := 1; i <= 30; i++ {
			n := models.NewNotice{UserID: ana.ID, Kind: models.NoticeCEUReminder, Title: "Reminder " + itoa(int64(i)), Body: "Log CEUs"}
			if _, err := models.AddNotice(s.DB, n, time.Now().UTC()); err != nil {
				t.Fatal(err)
			}
		}
		first := noticesOf(t, s, ana.Token)
		if first.Total != 30 || len(first.Notices) != 25 || first.Notices[0].Title != "Reminder 30" || first.PerPage != 25 {
			t.Fatalf("got %d of %d starting with %q, want 25 of 30 newest first", len(first.Notices), first.Total, first.Notices[0].Title)
		}
		var second noticeListOut
		apptest.Must(t, s.API("GET", "/api/v1/notices?page=2", ana.Token, nil), http.StatusOK).JSON(t, &second)
		if second.Page != 2 || len(second.Notices) != 5 || second.Notices[4].Title != "Reminder 1" {
			t.Fatalf("got page %d with %d notices, want the oldest 5", second.Page, len(second.Notices))
		}
		page := apptest.Must(t, ana.Browser.Get("/notices?page=2"), http.StatusOK).Text()
		if !strings.Contains(page, "Page 2 of 2") || !strings.Contains(page, "Reminder 1<") || strings.Contains(page, "Reminder 30<") {
			t.Fatal("the second page of notices does not hold the oldest ones")
		}
		resp := apptest.Must(t, ana.Browser.Submit("/notices/"+itoa(second.Notices[0].ID)+"/read", url.Values{"page": {"2"}}), http.StatusSeeOther)
		if resp.Header.Get("Location") != "/notices?page=2" {
			t.Fatalf("got redirect to %q, want back to page 2", resp.Header.Get("Location"))
		}
	})
}

// Notices are in the personal export, and an account's deletion takes its notices and
// the notices naming it in other people's lists.
func TestNoticesExportedAndDeletedWithTheAccount(t *testing.T) {
	apptest.Each(t, func(t *testing.T, s *apptest.Server) {
		w := newCohortWorld(t, s)
		files := readZip(t, apptest.Must(t, w.student.Browser.Get("/account/export.zip"), http.StatusOK).Body)
		notices := string(files["notices.json"])
		if !strings.Contains(notices, "You joined HIT 210") || strings.Contains(notices, "Sam Student joined") {
			t.Fatalf("got notices.json %s, want the student's own notice only", notices)
		}
		apptest.Must(t, w.student.Browser.Submit("/account/delete", url.Values{"password": {goodPassword}}), http.StatusSeeOther)
		var left int64
		s.DB.Model(&models.Notice{}).Where("user_id = ? OR about_user_id = ?", w.student.ID, w.student.ID).Count(&left)
		if left != 0 {
			t.Fatalf("got %d notices of or about the deleted account, want 0", left)
		}
		if noticesOf(t, s, w.co.Token).Total != 1 {
			t.Fatal("the co-instructor's own notice went with the student's account")
		}
	}, cohortManyAuthAttempts())
}
