package handlers_test

import (
	"net/http"
	"strings"
	"testing"

	"hitpath/app/apptest"
)

// TestWhatIfBadInputRedisplaysTheForm: a what-if with a bad date, no amount, huge
// minutes or an unreadable flag shows the form again with the message beside the field
// and what was typed kept, never a generic error page.
func TestWhatIfBadInputRedisplaysTheForm(t *testing.T) {
	eachCEU(t, func(t *testing.T, s *apptest.Server) {
		b := ceuNewHolder(t, s, "wendy@example.com")
		tests := []struct {
			name, query, field, kept string
		}{
			{"not a date", "activity_date=31/31/2031&minutes=60&provider_kind=ahima&delivery=online", "activity_date", `value="60"`},
			{"no amount", "activity_date=" + ceuDaysAgo(3) + "&provider_kind=ahima&delivery=live", "ceus", `value="live" selected`},
			{"huge minutes", "activity_date=" + ceuDaysAgo(3) + "&minutes=99999999999999999999&provider_kind=ahima&delivery=online", "minutes", `value="99999999999999999999"`},
			{"a flag that is not yes or no, unknown kind", "activity_date=" + ceuDaysAgo(3) + "&minutes=60&in_hiim_domain=maybe&provider_kind=nope&delivery=online", "provider_kind", `checked`},
		}
		for _, tt := range tests {
			t.Run(tt.name, func(t *testing.T) {
				page := apptest.Must(t, b.Get("/ceus/what-if?"+tt.query), http.StatusUnprocessableEntity).Text()
				if !strings.Contains(page, `id="`+tt.field+`-error"`) || !strings.Contains(page, `href="#`+tt.field+`"`) || !strings.Contains(page, tt.kept) {
					t.Errorf("got no message beside %s, or lost %s: %s", tt.field, tt.kept, page[strings.Index(page, "<main"):])
				}
			})
		}
		page := apptest.Must(t, b.Get("/ceus/what-if?activity_date="+ceuDaysAgo(3)+"&minutes=60&provider_kind=ahima&delivery=online&in_hiim_domain=true"), http.StatusOK).Text()
		if !strings.Contains(page, "With this activity") || strings.Contains(page, "field-error") {
			t.Errorf("got no comparison for a good what-if")
		}
	})
}
