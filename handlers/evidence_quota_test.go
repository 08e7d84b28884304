package handlers_test

import (
	"net/http"
	"strings"
	"testing"

	"hitpath/app/apptest"
	"hitpath/handlers"
)

// quotaPDF is a PDF of n bytes.
func quotaPDF(n int) []byte {
	pdf := []byte("%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n")
	return append(pdf, make([]byte, n-len(pdf))...)
}

func TestEvidenceQuota(t *testing.T) {
	quota := apptest.Option(func(d *handlers.Deps) { d.EvidenceQuota = 5000 })
	apptest.Each(t, func(t *testing.T, s *apptest.Server) {
		b := ceuNewHolder(t, s, "ana@example.com")
		id := itoa(ceuLog(t, s, b, ceuDaysAgo(2), "Webinar", "1"))
		apptest.Must(t, ceuUpload(t, b, "/ceus/"+id+"/evidence", "file", "one.pdf", quotaPDF(3000)), http.StatusSeeOther)
		page := apptest.Must(t, b.Get("/ceus/"+id+"/evidence"), http.StatusOK).Text()
		if !strings.Contains(page, "3 KB of 5 KB used (60%)") {
			t.Fatal("got no storage use on the evidence page, want 3 KB of 5 KB used (60%)")
		}
		page = apptest.Must(t, ceuUpload(t, b, "/ceus/"+id+"/evidence", "file", "two.pdf", quotaPDF(2500)), http.StatusUnprocessableEntity).Text()
		if errs := apptest.FieldErrorsIn(page); len(errs) != 1 || !strings.Contains(errs[0], "does not fit") {
			t.Fatalf("got field errors %v, want the quota explained beside the file field", errs)
		}
		if n := ceuCountRows(t, s, "evidence_files"); n != 1 {
			t.Fatalf("got %d evidence rows after a refused upload, want 1", n)
		}

		token := s.LoginAPI("ana@example.com", goodPassword)
		refused := s.API("POST", "/api/v1/ceus/"+id+"/evidence", token, map[string]string{"filename": "two.pdf", "content_base64": ceuB64(quotaPDF(2500))})
		var problem struct {
			Error  string            `json:"error"`
			Fields map[string]string `json:"fields"`
		}
		apptest.Must(t, refused, http.StatusRequestEntityTooLarge).JSON(t, &problem)
		if !strings.Contains(problem.Fields["content_base64"], "5 KB evidence storage") {
			t.Fatalf("got %+v, want the quota named on content_base64", problem)
		}
		apptest.Must(t, s.API("POST", "/api/v1/ceus/"+id+"/evidence", token, map[string]string{"filename": "small.pdf", "content_base64": ceuB64(quotaPDF(2000))}), http.StatusCreated)
		var list struct {
			Storage struct {
				Used  int64 `json:"used_bytes"`
				Quota int64 `json:"quota_bytes"`
			} `json:"storage"`
		}
		apptest.Must(t, s.API("GET", "/api/v1/ceus/"+id+"/evidence", token, nil), http.StatusOK).JSON(t, &list)
		if list.Storage.Used != 5000 || list.Storage.Quota != 5000 {
			t.Fatalf("got storage %+v, want 5000 of 5000 bytes", list.Storage)
		}
	}, ceuClock(), quota)
}
