package handlers_test

import (
	"net/http"
	"net/url"
	"strings"
	"testing"

	"hitpath/app/apptest"
	"hitpath/models"
)

func ruleValues(from, to, ceus, hiim string) url.Values {
	return url.Values{"effective_from": {from}, "effective_to": {to}, "cycle_years": {"2"}, "due_offset_days": {"0"},
		"grace_days_until_revoked": {"180"}, "ceus_per_cycle": {ceus}, "hiim_share_percent": {hiim},
		"ahima_source_share_percent": {"40"}, "category_a_ceus": {"0"}, "in_person_ceus_two_cycles": {"0"}, "source": {"AHIMA"}}
}

func TestAdminEditsMaintenanceRules(t *testing.T) {
	eachCEU(t, func(t *testing.T, s *apptest.Server) {
		learner := ceuNewHolder(t, s, "ana@example.com")
		apptest.Must(t, learner.Get("/admin/rules"), http.StatusNotFound)
		var id int64
		s.DB.Raw("SELECT id FROM maintenance_rules WHERE credential_code = 'RHIT' AND effective_to IS NULL").Scan(&id)
		apptest.Must(t, learner.Submit("/admin/rules/"+itoa(id), ruleValues("2025-01-01", "", "25", "80")), http.StatusNotFound)

		admin := s.Browser()
		admin.SignUp("Admin", "admin@example.com", goodPassword)
		s.SetRole("admin@example.com", "admin")
		list := apptest.Must(t, admin.Get("/admin/rules"), 200).Text()
		if want := len(models.DefaultMaintenanceRules()); strings.Count(list, "<tr>") != want+1 { // header + the seeded versions
			t.Fatalf("got %d rows on the rules page, want %d versions", strings.Count(list, "<tr>")-1, want)
		}
		apptest.Must(t, admin.Get("/admin/rules/"+itoa(id)), 200)
		tests := []struct {
			name  string
			form  url.Values
			field string
		}{
			{"zero CEUs", ruleValues("2025-01-01", "", "0", "80"), "ceus_per_cycle"},
			{"percent over 100", ruleValues("2025-01-01", "", "20", "120"), "hiim_share_percent"},
			{"end before start", ruleValues("2025-01-01", "2024-01-01", "20", "80"), "effective_to"},
			{"not a number", ruleValues("2025-01-01", "", "twenty", "80"), "ceus_per_cycle"},
		}
		for _, tt := range tests {
			page := apptest.Must(t, admin.Submit("/admin/rules/"+itoa(id), tt.form), http.StatusUnprocessableEntity).Text()
			if !strings.Contains(page, `id="`+tt.field+`-error"`) {
				t.Errorf("%s: got %v, want an error beside %s", tt.name, apptest.FieldErrorsIn(page), tt.field)
			}
		}
		apptest.Must(t, admin.Submit("/admin/rules/"+itoa(id), ruleValues("2025-01-01", "", "25", "80")), http.StatusSeeOther)
		if page := learner.Get("/ceus").Text(); !strings.Contains(page, "0 of 25 CEUs") && ceuEarned.Year() >= 2025 {
			t.Fatal("the holder's requirement did not follow the edited rule")
		}
		page := apptest.Must(t, admin.Submit("/admin/rules/"+itoa(id)+"/supersede", url.Values{"new_from": {"2024-06-01"}}), http.StatusUnprocessableEntity).Text()
		if !strings.Contains(page, "must start after this one starts") {
			t.Fatal("got no refusal for a new version starting before the current one")
		}
		apptest.Must(t, admin.Submit("/admin/rules/"+itoa(id)+"/supersede", url.Values{"new_from": {"2030-01-01"}}), http.StatusSeeOther)
		var versions int64
		s.DB.Table("maintenance_rules").Where("credential_code = 'RHIT'").Count(&versions)
		var audits int64
		s.DB.Table("audit_log").Where("action LIKE 'maintenance_rule.%'").Count(&audits)
		if versions != 4 || audits != 2 {
			t.Fatalf("got %d RHIT versions and %d audit rows, want 4 and 2", versions, audits)
		}
	})
}
