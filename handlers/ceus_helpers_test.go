package handlers_test

import (
	"bytes"
	"mime/multipart"
	"net/http"
	"net/url"
	"regexp"
	"testing"
	"time"

	"hitpath/app/apptest"
)

// ceuToday is the fixed instant the CEU tests run at, years from the real date so that
// nothing can pass by agreeing with the real clock (HITPATH_TEST_NOW moves it). Dates in
// the tests are relative to it.
var ceuToday = apptest.FixedNow(time.Date(2033, 5, 18, 12, 0, 0, 0, time.UTC))

// ceuEarned is the pass date of the holders' RHIT: one year ago, so today is halfway
// through their first cycle.
var ceuEarned = ceuToday.AddDate(-1, 0, 0)

// ceuDaysAgo returns the date n days before ceuToday as YYYY-MM-DD.
func ceuDaysAgo(n int) string { return ceuToday.AddDate(0, 0, -n).Format(time.DateOnly) }

// ceuLongDate writes a date the way pages do.
func ceuLongDate(t time.Time) string { return t.Format("2 Jan 2006") }

func ceuClock() apptest.Option { return apptest.WithClock(func() time.Time { return ceuToday }) }

// eachCEU runs fn on both databases with the clock fixed on ceuToday.
func eachCEU(t *testing.T, fn func(t *testing.T, s *apptest.Server)) {
	apptest.Each(t, fn, ceuClock())
}

// ceuNewHolder signs up a learner in a browser and adds RHIT passed on ceuEarned.
func ceuNewHolder(t *testing.T, s *apptest.Server, email string) *apptest.Browser {
	t.Helper()
	b := s.Browser()
	b.SignUp("Holder "+email, email, goodPassword)
	apptest.Must(t, b.Submit("/credentials", url.Values{"current": {"yes"}, "credential_code": {"RHIT"}, "earned_on": {ceuEarned.Format(time.DateOnly)}}), http.StatusSeeOther)
	return b
}

// ceuLog logs an activity through the page and returns its id.
func ceuLog(t *testing.T, s *apptest.Server, b *apptest.Browser, date, title, ceus string) int64 {
	t.Helper()
	apptest.Must(t, b.Submit("/ceus", url.Values{"activity_date": {date}, "title": {title}, "provider": {"AHIMA"},
		"provider_kind": {"ahima"}, "ceus": {ceus}, "in_hiim_domain": {"true"}, "delivery": {"online"}}), http.StatusSeeOther)
	var id int64
	if err := s.DB.Raw("SELECT MAX(id) FROM ceu_entries").Scan(&id).Error; err != nil {
		t.Fatal(err)
	}
	return id
}

// ceuUpload posts a multipart form with a file field and the CSRF token.
func ceuUpload(t *testing.T, b *apptest.Browser, path, field, name string, content []byte) *apptest.Response {
	t.Helper()
	if b.CSRF() == "" {
		b.Get("/login")
	}
	var body bytes.Buffer
	w := multipart.NewWriter(&body)
	_ = w.WriteField("_csrf", b.CSRF())
	part, err := w.CreateFormFile(field, name)
	if err != nil {
		t.Fatal(err)
	}
	part.Write(content)
	w.Close()
	return b.Post(path, w.FormDataContentType(), &body)
}

func ceuCountRows(t *testing.T, s *apptest.Server, table string) int64 {
	t.Helper()
	var n int64
	if err := s.DB.Table(table).Count(&n).Error; err != nil {
		t.Fatal(err)
	}
	return n
}

// ceuPNG is a valid 1×1 PNG.
var ceuPNG = []byte{
	0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d, 0x49, 0x48, 0x44, 0x52,
	0x00, 0x00, 0x00, 0x01, 0x00, 0x00, 0x00, 0x01, 0x08, 0x06, 0x00, 0x00, 0x00, 0x1f, 0x15, 0xc4,
	0x89, 0x00, 0x00, 0x00, 0x0d, 0x49, 0x44, 0x41, 0x54, 0x78, 0x9c, 0x63, 0xf8, 0xcf, 0xc0, 0xf0,
	0x1f, 0x00, 0x05, 0x00, 0x01, 0xff, 0x89, 0x99, 0x3d, 0x1d, 0x00, 0x00, 0x00, 0x00, 0x49, 0x45,
	0x4e, 0x44, 0xae, 0x42, 0x60, 0x82,
}

var credentialLinkRe = regexp.MustCompile(`href="/credentials/(\d+)"`)
