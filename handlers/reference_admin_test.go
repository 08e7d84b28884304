package handlers_test

import (
	"context"
	"strings"
	"testing"

	"hitpath/app/apptest"
	"hitpath/models"
)

func auditCount(t *testing.T, s *apptest.Server, action string) int64 {
	t.Helper()
	var n int64
	if err := s.DB.Model(&models.AuditEntry{}).Where("action = ?", action).Count(&n).Error; err != nil {
		t.Fatal(err)
	}
	return n
}

func factByLabel(t *testing.T, s *apptest.Server, topic, label string) models.ReferenceFact {
	t.Helper()
	facts, err := models.ListReferenceFacts(context.Background(), s.DB, topic)
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range facts {
		if f.Label == label {
			return f
		}
	}
	t.Fatalf("no fact %s / %s", topic, label)
	return models.ReferenceFact{}
}

func TestAdminEditsAFactWithValidationAndAudit(t *testing.T) {
	apptest.Each(t, func(t *testing.T, s *apptest.Server) {
		admin := adminBrowser(t, s)
		fact := factByLabel(t, s, models.TopicWageMedians, "Median annual wage, US, May 2019")
		path := "/admin/reference/facts/" + itoa(fact.ID)
		if html := apptest.Must(t, admin.Get("/admin"), 200).Text(); !strings.Contains(html, `href="/admin/reference"`) {
			t.Error("got no link to the reference editor on /admin")
		}
		if html := apptest.Must(t, admin.Get(path), 200).Text(); !strings.Contains(html, `value="42630"`) {
			t.Error("got the edit form without the current number")
		}
		tests := []struct {
			name   string
			form   []string
			errors []string
		}{
			{"period and source required", []string{"value", "$50,000", "number", "50000", "period", " ", "source", ""}, []string{"period-error", "source-error"}},
			{"number must be a number", []string{"value", "$50,000", "number", "fifty", "period", "May 2024", "source", "BLS"}, []string{"number-error"}},
			{"three decimals refused", []string{"value", "1.234", "number", "1.234", "period", "2024", "source", "BLS"}, []string{"number-error"}},
			{"value required", []string{"value", "", "number", "1", "period", "2024", "source", "BLS"}, []string{"value-error"}},
		}
		for _, tt := range tests {
			t.Run(tt.name, func(t *testing.T) {
				html := apptest.Must(t, admin.Submit(path, formOf(tt.form...)), 422).Text()
				for _, id := range tt.errors {
					if !strings.Contains(html, `id="`+id+`"`) {
						t.Errorf("got no %s beside the field: %v", id, apptest.FieldErrorsIn(html))
					}
				}
				if !strings.Contains(html, `value="`+tt.form[1]+`"`) && tt.form[1] != "" {
					t.Error("got the typed value lost on the re-rendered form")
				}
			})
		}
		if n := auditCount(t, s, "reference.fact.update"); n != 0 {
			t.Fatalf("got %d audit rows after refused edits, want 0", n)
		}
		if got := factByLabel(t, s, models.TopicWageMedians, fact.Label); got.Value != fact.Value || got.EditedAt != nil {
			t.Fatalf("got %+v after refused edits, want the fact unchanged", got)
		}

		apptest.Must(t, admin.Submit(path, formOf("value", "$44,000", "number", "44,000", "unit", "USD per year", "geography", "US",
			"period", "May 2019 (corrected)", "source", "BLS OOH, corrected")), 303)
		saved := factByLabel(t, s, models.TopicWageMedians, fact.Label)
		if saved.Number != 4400000 || saved.Period != "May 2019 (corrected)" || saved.EditedAt == nil {
			t.Fatalf("got %+v, want the edit saved and marked edited", saved)
		}
		if n := auditCount(t, s, "reference.fact.update"); n != 1 {
			t.Fatalf("got %d audit rows, want 1", n)
		}
		html := apptest.Must(t, s.Browser().Get("/careers/wages"), 200).Text()
		if !strings.Contains(html, "$44,000") || !strings.Contains(html, "BLS OOH, corrected") {
			t.Error("got the wages page without the edited figure and its source")
		}
	})
}

func TestAdminEditsAPageAndScriptsAreRemoved(t *testing.T) {
	apptest.Each(t, func(t *testing.T, s *apptest.Server) {
		admin := adminBrowser(t, s)
		html := apptest.Must(t, admin.Submit("/admin/reference/pages/outlook", formOf("title", "Outlook", "summary", "s", "body", "{{chart nope}}")), 422).Text()
		if !strings.Contains(html, `id="body-error"`) || !strings.Contains(html, "unknown chart") {
			t.Fatalf("got no error for an unknown chart: %v", apptest.FieldErrorsIn(html))
		}
		apptest.Must(t, admin.Submit("/admin/reference/pages/outlook", formOf("title", "", "summary", "s", "body", "b")), 422)
		if n := auditCount(t, s, "reference.page.update"); n != 0 {
			t.Fatalf("got %d audit rows after refused edits, want 0", n)
		}

		body := "Safe words.\n\n<script>alert('x')</script>\n\n[click](javascript:alert(1))\n\n<img src=x onerror=alert(2)>\n\n{{chart employment-outlook}}\n"
		apptest.Must(t, admin.Submit("/admin/reference/pages/outlook", formOf("title", "Outlook <i>now</i>", "summary", "Edited.", "body", body)), 303)
		if n := auditCount(t, s, "reference.page.update"); n != 1 {
			t.Fatalf("got %d audit rows, want 1", n)
		}
		page := apptest.Must(t, s.Browser().Get("/careers/outlook"), 200).Text()
		for _, bad := range []string{"<script>alert", "javascript:", "onerror", "<i>now</i>"} {
			if strings.Contains(page, bad) {
				t.Errorf("got %q on the page, want it removed or escaped", bad)
			}
		}
		if !strings.Contains(page, "Safe words.") || !strings.Contains(page, `id="chart-employment-outlook"`) {
			t.Error("got the edited text or its chart missing")
		}
		list := apptest.Must(t, admin.Get("/admin/reference"), 200).Text()
		if !strings.Contains(list, `class="edited"`) {
			t.Error("got no edited mark on the admin list")
		}
	})
}

func TestReferenceAdminIsHiddenFromOthers(t *testing.T) {
	apptest.Each(t, func(t *testing.T, s *apptest.Server) {
		learner := s.Browser()
		learner.SignUp("Lee", "lee@example.com", goodPassword)
		for _, path := range []string{"/admin/reference", "/admin/reference/pages/wages", "/admin/reference/facts/1"} {
			apptest.Must(t, learner.Get(path), 404)
			if got := s.Browser().Get(path); got.Status != 302 || !strings.HasPrefix(got.Header.Get("Location"), "/login") {
				t.Errorf("anonymous %s: got %d %s, want a redirect to /login", path, got.Status, got.Header.Get("Location"))
			}
		}
		apptest.Must(t, learner.Submit("/admin/reference/pages/wages", formOf("title", "x", "summary", "x", "body", "x")), 404)
		if page, _ := models.ReferencePageBySlug(context.Background(), s.DB, "wages"); page.Title != "Wages" {
			t.Fatalf("got title %q after a learner's post, want Wages", page.Title)
		}
	})
}

func TestReferenceAPI(t *testing.T) {
	apptest.Each(t, func(t *testing.T, s *apptest.Server) {
		var list struct {
			Pages []struct{ Slug string } `json:"pages"`
		}
		apptest.Must(t, s.API("GET", "/api/v1/reference/pages", "", nil), 200).JSON(t, &list)
		if len(list.Pages) != 10 || list.Pages[0].Slug != "overview-and-duties" {
			t.Fatalf("got %+v, want 10 pages in menu order", list.Pages)
		}
		var one struct {
			Page  struct{ Body string }    `json:"page"`
			Facts []struct{ Topic string } `json:"facts"`
		}
		apptest.Must(t, s.API("GET", "/api/v1/reference/pages/work-settings", "", nil), 200).JSON(t, &one)
		if !strings.Contains(one.Page.Body, "{{chart work-settings}}") || len(one.Facts) != 20 {
			t.Fatalf("got %d facts and body %.60q, want the 10 facts of each of its two charts", len(one.Facts), one.Page.Body)
		}
		apptest.Must(t, s.API("GET", "/api/v1/reference/pages/nope", "", nil), 404)
		var facts struct {
			Facts []struct{ Topic, Period, Source string } `json:"facts"`
		}
		apptest.Must(t, s.API("GET", "/api/v1/reference/facts?topic=wage-medians", "", nil), 200).JSON(t, &facts)
		if len(facts.Facts) != 6 || facts.Facts[0].Period != "May 2025" || facts.Facts[0].Source == "" {
			t.Fatalf("got %+v, want the six medians, newest first, with period and source", facts.Facts)
		}
		var found struct {
			Pages []struct {
				Slug    string `json:"slug"`
				Snippet string `json:"snippet_html"`
			} `json:"pages"`
		}
		apptest.Must(t, s.API("GET", "/api/v1/reference/search?q=registrar", "", nil), 200).JSON(t, &found)
		if len(found.Pages) == 0 || !strings.Contains(found.Pages[0].Snippet, "<mark>registrar</mark>") {
			t.Fatalf("got %+v, want pages with the word marked", found.Pages)
		}
	})
}

func TestReferenceAPIEditsAreForAdmins(t *testing.T) {
	apptest.Each(t, func(t *testing.T, s *apptest.Server) {
		fact := factByLabel(t, s, models.TopicTuition, "Median in-state public tuition")
		factPath := "/api/v1/reference/facts/" + itoa(fact.ID)
		edit := map[string]string{"value": "$3,500", "number": "3500", "period": "2018", "source": "NCES"}
		page := map[string]string{"title": "Wages", "summary": "Pay.", "body": "Text."}
		if before := apptest.Must(t, s.API("GET", "/api/v1/reference/facts?topic=tuition", "", nil), 200).Text(); !strings.Contains(before, "$3,172") {
			t.Fatalf("got %s, want the seeded tuition", before)
		}
		apptest.Must(t, s.API("PUT", factPath, "", edit), 401)
		apptest.Must(t, s.API("PUT", "/api/v1/reference/pages/wages", "", page), 401)
		learner := s.RegisterAPI("Lee", "lee@example.com", goodPassword)
		apptest.Must(t, s.API("PUT", factPath, learner, edit), 403)
		apptest.Must(t, s.API("PUT", "/api/v1/reference/pages/wages", learner, page), 403)

		token := s.RegisterAPI("Ada", "ada@example.com", goodPassword)
		s.SetRole("ada@example.com", "admin")
		resp := apptest.Must(t, s.API("PUT", factPath, token, map[string]string{"value": "$3,500", "number": "3.5.0", "period": "", "source": "NCES"}), 422)
		var problem struct{ Fields map[string]string }
		resp.JSON(t, &problem)
		if problem.Fields["number"] == "" || problem.Fields["period"] == "" {
			t.Fatalf("got fields %v, want number and period", problem.Fields)
		}
		apptest.Must(t, s.API("PUT", factPath, token, "{"), 400)
		apptest.Must(t, s.API("PUT", "/api/v1/reference/facts/999999", token, edit), 404)
		var saved struct {
			NumberHundredths int64 `json:"number_hundredths"`
			Edited           bool
		}
		apptest.Must(t, s.API("PUT", factPath, token, edit), 200).JSON(t, &saved)
		if saved.NumberHundredths != 350000 || !saved.Edited {
			t.Fatalf("got %+v, want 350000 hundredths, edited", saved)
		}
		if after := apptest.Must(t, s.API("GET", "/api/v1/reference/facts?topic=tuition", "", nil), 200).Text(); !strings.Contains(after, "$3,500") {
			t.Fatalf("got %s after the edit, want the new value, not a cached answer", after)
		}
		apptest.Must(t, s.API("PUT", "/api/v1/reference/pages/wages", token, page), 200)
		apptest.Must(t, s.API("PUT", "/api/v1/reference/pages/nope", token, page), 404)
		if n := auditCount(t, s, "reference.fact.update") + auditCount(t, s, "reference.page.update"); n != 2 {
			t.Fatalf("got %d audit rows, want 2", n)
		}
	})
}
