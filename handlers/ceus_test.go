package handlers_test

import (
	"net/http"
	"net/url"
	"strings"
	"testing"

	"hitpath/app/apptest"
)

func ceuFormValues(date, minutes, ceus string) url.Values {
	return url.Values{"activity_date": {date}, "title": {"Webinar"}, "provider": {"AHIMA"}, "provider_kind": {"ahima"},
		"minutes": {minutes}, "ceus": {ceus}, "in_hiim_domain": {"true"}, "delivery": {"live"}}
}

func TestCEUEntryPages(t *testing.T) {
	eachCEU(t, func(t *testing.T, s *apptest.Server) {
		b := ceuNewHolder(t, s, "ana@example.com")
		apptest.Must(t, b.Get("/ceus/new"), 200)
		apptest.Must(t, b.Submit("/ceus", ceuFormValues(ceuDaysAgo(10), "165", "")), http.StatusSeeOther)
		page := apptest.Must(t, b.Get("/ceus"), 200).Text()
		for _, want := range []string{"Webinar", ">3</td>", "None: audit risk", "3 of 20 CEUs"} {
			if !strings.Contains(page, want) {
				t.Errorf("got no %q on /ceus after logging 165 minutes", want)
			}
		}
		var id int64
		s.DB.Raw("SELECT id FROM ceu_entries").Scan(&id)
		edit := apptest.Must(t, b.Get("/ceus/"+itoa(id)+"/edit"), 200).Text()
		if !strings.Contains(edit, `value="165"`) {
			t.Fatal("got the edit form without the minutes typed before")
		}
		form := ceuFormValues(ceuDaysAgo(10), "", "2.5")
		form.Set("title", "Coding Clinic")
		apptest.Must(t, b.Submit("/ceus/"+itoa(id), form), http.StatusSeeOther)
		if page := b.Get("/ceus").Text(); !strings.Contains(page, "Coding Clinic") || !strings.Contains(page, "2.5 of 20 CEUs") {
			t.Fatal("got the edit not shown on /ceus")
		}
		if confirm := apptest.Must(t, b.Get("/ceus/"+itoa(id)+"/delete"), 200).Text(); !strings.Contains(confirm, "Delete “Coding Clinic”?") {
			t.Fatal("got no delete confirmation")
		}
		apptest.Must(t, b.Submit("/ceus/"+itoa(id)+"/delete", nil), http.StatusSeeOther)
		if n := ceuCountRows(t, s, "ceu_entries"); n != 0 {
			t.Fatalf("got %d entries after delete, want 0", n)
		}
	})
}

func TestCEUEntryPageRefusals(t *testing.T) {
	eachCEU(t, func(t *testing.T, s *apptest.Server) {
		b := ceuNewHolder(t, s, "ana@example.com")
		tests := []struct {
			name  string
			form  url.Values
			field string
			want  string
		}{
			{"zero CEUs", ceuFormValues(ceuDaysAgo(1), "", "0"), "ceus", "more than 0"},
			{"negative CEUs", ceuFormValues(ceuDaysAgo(1), "", "-2"), "ceus", "more than 0"},
			{"more than 40 CEUs", ceuFormValues(ceuDaysAgo(1), "", "40.5"), "ceus", "at most 40"},
			{"CEUs not a number", ceuFormValues(ceuDaysAgo(1), "", "two"), "ceus", "two decimals"},
			{"neither minutes nor CEUs", ceuFormValues(ceuDaysAgo(1), "", ""), "ceus", "or the minutes"},
			{"under 45 minutes", ceuFormValues(ceuDaysAgo(1), "30", ""), "minutes", "45 minutes"},
			{"future date", ceuFormValues(ceuDaysAgo(-1), "", "1"), "activity_date", "can&#39;t be in the future"},
			{"before the credential was earned", ceuFormValues(ceuEarned.AddDate(0, 0, -1).Format("2006-01-02"), "", "1"), "activity_date", "before you earned"},
			{"missing title", func() url.Values { f := ceuFormValues(ceuDaysAgo(1), "", "1"); f.Del("title"); return f }(), "title", "title"},
			{"unknown provider kind", func() url.Values {
				f := ceuFormValues(ceuDaysAgo(1), "", "1")
				f.Set("provider_kind", "vendor")
				return f
			}(), "provider_kind", "provider kind"},
			{"unknown delivery", func() url.Values {
				f := ceuFormValues(ceuDaysAgo(1), "", "1")
				f.Set("delivery", "telepathy")
				return f
			}(), "delivery", "attended"},
			{"a tick box sent as text", func() url.Values {
				f := ceuFormValues(ceuDaysAgo(1), "", "1")
				f.Set("in_hiim_domain", "banana")
				return f
			}(), "in_hiim_domain", "Tick the box or leave it empty"},
		}
		for _, tt := range tests {
			t.Run(tt.name, func(t *testing.T) {
				page := apptest.Must(t, b.Submit("/ceus", tt.form), http.StatusUnprocessableEntity).Text()
				if !strings.Contains(page, `id="`+tt.field+`-error"`) || !strings.Contains(page, tt.want) {
					t.Fatalf("got errors %v, want %q beside %s", apptest.FieldErrorsIn(page), tt.want, tt.field)
				}
				if n := ceuCountRows(t, s, "ceu_entries"); n != 0 {
					t.Fatalf("got %d entries after a refusal, want 0", n)
				}
			})
		}
		none := s.Browser()
		none.SignUp("No Creds", "none@example.com", goodPassword)
		page := apptest.Must(t, none.Submit("/ceus", ceuFormValues(ceuDaysAgo(1), "", "1")), http.StatusUnprocessableEntity).Text()
		if !strings.Contains(page, "Add the credential") {
			t.Fatalf("got %v, want a message to add a credential first", apptest.FieldErrorsIn(page))
		}
	})
}

func TestCEUListFilters(t *testing.T) {
	eachCEU(t, func(t *testing.T, s *apptest.Server) {
		b := ceuNewHolder(t, s, "ana@example.com")
		ceuLog(t, s, b, ceuDaysAgo(5), "HIIM webinar", "2")
		other := ceuFormValues(ceuDaysAgo(6), "", "1")
		other.Set("title", "Leadership talk")
		other.Del("in_hiim_domain")
		other.Set("provider_kind", "other")
		apptest.Must(t, b.Submit("/ceus", other), http.StatusSeeOther)
		tests := []struct {
			query       string
			want, avoid string
		}{
			{"category=hiim", "HIIM webinar", "Leadership talk"},
			{"category=other", "Leadership talk", "HIIM webinar"},
			{"category=ahima_source", "HIIM webinar", "Leadership talk"},
			{"cycle=AHIMA-" + ceuEarned.Format("2006-01-02"), "Leadership talk", "No activities match"},
			{"cycle=AHIMA-" + ceuEarned.AddDate(2, 0, 0).Format("2006-01-02"), "No activities match", "HIIM webinar"},
		}
		for _, tt := range tests {
			page := apptest.Must(t, b.Get("/ceus?"+tt.query), 200).Text()
			table := page[strings.Index(page, `id="entries"`):]
			if !strings.Contains(table, tt.want) || strings.Contains(table, tt.avoid) {
				t.Errorf("/ceus?%s: want %q and not %q in the table", tt.query, tt.want, tt.avoid)
			}
		}
	})
}

func TestCEUWhatIfPage(t *testing.T) {
	eachCEU(t, func(t *testing.T, s *apptest.Server) {
		b := ceuNewHolder(t, s, "ana@example.com")
		ceuLog(t, s, b, ceuDaysAgo(5), "Webinar", "5")
		q := url.Values{"activity_date": {ceuDaysAgo(0)}, "ceus": {"6"}, "provider_kind": {"ahima"}, "delivery": {"live"}, "in_hiim_domain": {"true"}}
		page := apptest.Must(t, b.Get("/ceus/what-if?"+q.Encode()), 200).Text()
		for _, want := range []string{"5 of 20 CEUs", "11 of 20 CEUs", "Behind", "On track"} {
			if !strings.Contains(page, want) {
				t.Errorf("got no %q on the what-if page", want)
			}
		}
		if n := ceuCountRows(t, s, "ceu_entries"); n != 1 {
			t.Fatalf("what-if saved something: %d entries", n)
		}
		q.Set("ceus", "50")
		page = apptest.Must(t, b.Get("/ceus/what-if?"+q.Encode()), http.StatusUnprocessableEntity).Text()
		if !strings.Contains(page, "at most 40") {
			t.Fatal("got no refusal for 50 CEUs in what-if")
		}
	})
}

func TestCEUEntryPagesArePrivate(t *testing.T) {
	eachCEU(t, func(t *testing.T, s *apptest.Server) {
		ana := ceuNewHolder(t, s, "ana@example.com")
		id := itoa(ceuLog(t, s, ana, ceuDaysAgo(3), "Ana's webinar", "2"))
		bob := ceuNewHolder(t, s, "bob@example.com")
		for _, path := range []string{"/ceus/" + id + "/edit", "/ceus/" + id + "/delete", "/ceus/" + id + "/evidence"} {
			apptest.Must(t, bob.Get(path), http.StatusNotFound)
		}
		apptest.Must(t, bob.Submit("/ceus/"+id, ceuFormValues(ceuDaysAgo(1), "", "1")), http.StatusNotFound)
		apptest.Must(t, bob.Submit("/ceus/"+id+"/delete", nil), http.StatusNotFound)
		if page := bob.Get("/ceus").Text(); strings.Contains(page, "Ana&#39;s webinar") {
			t.Fatal("bob sees ana's entry in his list")
		}
		if csv := bob.Get("/ceus/export.csv").Text(); strings.Contains(csv, "Ana's webinar") {
			t.Fatal("bob's CSV export has ana's entry")
		}
		if n := ceuCountRows(t, s, "ceu_entries"); n != 1 {
			t.Fatalf("got %d entries, want ana's one untouched", n)
		}
	})
}
