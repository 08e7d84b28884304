package handlers_test

import (
	"archive/zip"
	"bytes"
	"crypto/rand"
	"io"
	"net"
	"net/http"
	"testing"
	"time"

	"hitpath/app/apptest"
	"hitpath/handlers"
)

// randomPDF is n bytes that start like a PDF and do not compress, like a scan.
func randomPDF(t *testing.T, n int) []byte {
	t.Helper()
	content := make([]byte, n)
	copy(content, "%PDF-1.4\n")
	if _, err := rand.Read(content[9:]); err != nil {
		t.Fatal(err)
	}
	return content
}

// serveOnLoopback serves s on a real local port, for tests that need a client that
// reads slowly, and returns its base URL.
func serveOnLoopback(t *testing.T, s *apptest.Server) string {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	go s.App.Server.Listener(ln)
	t.Cleanup(func() { s.App.Server.ShutdownWithTimeout(5 * time.Second) })
	return "http://" + ln.Addr().String()
}

func TestHeavyExportsAreBoundedAndStreamed(t *testing.T) {
	oneAtATime := apptest.Option(func(d *handlers.Deps) { d.HeavyExports = 1 })
	apptest.Each(t, func(t *testing.T, s *apptest.Server) {
		b := ceuNewHolder(t, s, "ana@example.com")
		id := itoa(ceuLog(t, s, b, ceuDaysAgo(2), "Webinar", "1"))
		const files, size = 4, 5 << 20
		for range files {
			apptest.Must(t, ceuUpload(t, b, "/ceus/"+id+"/evidence", "file", "scan.pdf", randomPDF(t, size)), http.StatusSeeOther)
		}
		base := serveOnLoopback(t, s)
		get := func() *http.Response {
			req, _ := http.NewRequest(http.MethodGet, base+"/ceus/audit-pack.zip", nil)
			req.AddCookie(&http.Cookie{Name: "hitpath_session", Value: b.Cookie("hitpath_session")})
			resp, err := http.DefaultClient.Do(req)
			if err != nil {
				t.Fatal(err)
			}
			return resp
		}
		// A client that has read only the first bytes keeps its export's slot: the
		// 20 MB pack cannot have been built ahead of it, since it is streamed.
		first := get()
		defer first.Body.Close()
		if first.StatusCode != http.StatusOK || first.ContentLength != -1 {
			t.Fatalf("got status %d, length %d, want 200 streamed without a length", first.StatusCode, first.ContentLength)
		}
		head := make([]byte, 1024)
		if _, err := io.ReadFull(first.Body, head); err != nil {
			t.Fatal(err)
		}
		second := get()
		second.Body.Close()
		if second.StatusCode != http.StatusTooManyRequests || second.Header.Get("Retry-After") != "15" {
			t.Fatalf("got status %d, Retry-After %q while another pack is built, want 429 and 15", second.StatusCode, second.Header.Get("Retry-After"))
		}
		rest, err := io.ReadAll(first.Body)
		if err != nil {
			t.Fatal(err)
		}
		pack := append(head, rest...)
		if zr, err := zip.NewReader(bytes.NewReader(pack), int64(len(pack))); err != nil || len(zr.File) != files+1 {
			t.Fatalf("got a ZIP that does not read back (%v)", err)
		}
		// Once the first pack is done, the next one is built.
		deadline := time.Now().Add(5 * time.Second)
		for {
			third := get()
			third.Body.Close()
			if third.StatusCode == http.StatusOK {
				break
			}
			if time.Now().After(deadline) {
				t.Fatalf("got %d after the first pack finished, want the slot free again", third.StatusCode)
			}
			time.Sleep(20 * time.Millisecond)
		}
	}, ceuClock(), oneAtATime)
}
