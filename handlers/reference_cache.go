package handlers

import (
	"context"
	"hash/fnv"
	"net/http"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/gofiber/fiber/v2"
	"gorm.io/gorm"

	"hitpath/models"
)

// referenceCache keeps rendered reference pages for the current content revision.
// Rendering Markdown and charts costs far more than the one primary-key read that
// tells whether the content changed, so a request reads the revision and reuses what
// was rendered for it. When the revision moves (a seed or an admin edit, in this
// process or another) every entry is dropped.
//
// The revision itself is remembered for revisionTTL, so under load most requests
// touch no database at all. An edit made through this process forgets it at once;
// one made through another process shows here within revisionTTL. The zero value is
// ready to use.
type referenceCache struct {
	mu       sync.RWMutex
	revision int64
	entries  map[string]*referenceRendering

	revMu     sync.RWMutex
	current   models.ReferenceRevision
	checkedAt time.Time // zero: read the revision on the next request
}

// revisionTTL is how long a process trusts the content revision it last read.
const revisionTTL = time.Second

// currentRevision returns the content revision, from memory when it was read less
// than revisionTTL ago.
func (rc *referenceCache) currentRevision(ctx context.Context, db *gorm.DB) (models.ReferenceRevision, error) {
	rc.revMu.RLock()
	current, checkedAt := rc.current, rc.checkedAt
	rc.revMu.RUnlock()
	if !checkedAt.IsZero() && time.Since(checkedAt) < revisionTTL {
		return current, nil
	}
	current, err := models.CurrentReferenceRevision(ctx, db)
	if err != nil {
		return models.ReferenceRevision{}, err
	}
	rc.revMu.Lock()
	rc.current, rc.checkedAt = current, time.Now()
	rc.revMu.Unlock()
	return current, nil
}

// forgetRevision makes the next request read the revision again (after an edit).
func (rc *referenceCache) forgetRevision() {
	rc.revMu.Lock()
	rc.checkedAt = time.Time{}
	rc.revMu.Unlock()
}

// referenceRendering is one rendered page: the page body for logged-in viewers, whose
// navigation differs, and the whole document an anonymous visitor gets.
type referenceRendering struct {
	data      fiber.Map // template data of the page, without the viewer
	anonymous []byte    // full HTML for anonymous visitors; nil until first rendered
	etag      string
}

// get returns the rendering stored under key for revision.
func (rc *referenceCache) get(key string, revision int64) (*referenceRendering, bool) {
	rc.mu.RLock()
	defer rc.mu.RUnlock()
	if rc.revision != revision {
		return nil, false
	}
	r, ok := rc.entries[key]
	return r, ok
}

// put stores a rendering for revision, dropping everything of older revisions. A
// rendering of an older revision than the cache's (a slow request racing an edit) is
// not stored.
func (rc *referenceCache) put(key string, revision int64, r *referenceRendering) {
	rc.mu.Lock()
	defer rc.mu.Unlock()
	if revision < rc.revision {
		return
	}
	if revision > rc.revision || rc.entries == nil {
		rc.revision, rc.entries = revision, map[string]*referenceRendering{}
	}
	rc.entries[key] = r
}

// weakETag makes an ETag from the bytes it describes. Weak, because the compression
// middleware may send the same content in another encoding.
func weakETag(parts ...[]byte) string {
	h := fnv.New64a()
	for _, p := range parts {
		h.Write(p)
		h.Write([]byte{0})
	}
	return `W/"` + strconv.FormatUint(h.Sum64(), 36) + `"`
}

// notModified sets ETag and Last-Modified on the response and reports whether the
// request's conditions say the client's copy is current. If-None-Match wins over
// If-Modified-Since (RFC 9110 13.2.2); dates count only when trustDate is set, as a
// logged-in page can change (the viewer's name) without the content changing.
func notModified(c *fiber.Ctx, etag string, modified time.Time, trustDate bool) bool {
	c.Set(fiber.HeaderETag, etag)
	if !modified.IsZero() {
		c.Set(fiber.HeaderLastModified, modified.UTC().Format(http.TimeFormat))
	}
	if match := c.Get(fiber.HeaderIfNoneMatch); match != "" {
		return etagListMatches(match, etag)
	}
	if since := c.Get(fiber.HeaderIfModifiedSince); trustDate && since != "" && !modified.IsZero() {
		t, err := http.ParseTime(since)
		return err == nil && !modified.Truncate(time.Second).After(t)
	}
	return false
}

// etagListMatches compares an If-None-Match list with etag, weakly.
func etagListMatches(list, etag string) bool {
	want := strings.TrimPrefix(etag, "W/")
	for _, candidate := range strings.Split(list, ",") {
		candidate = strings.TrimSpace(candidate)
		if candidate == "*" || strings.TrimPrefix(candidate, "W/") == want {
			return true
		}
	}
	return false
}

// referenceSkipsCSRF tells the CSRF middleware which requests it can leave alone:
// anonymous reads of the landing page and the public career reference. They carry no form needing a token
// (the search form is a GET), and a token made for each of them would be kept in
// memory for hours and must not travel with a publicly cacheable page.
func (h *Handlers) referenceSkipsCSRF(c *fiber.Ctx) bool {
	path := c.Path()
	return (c.Method() == fiber.MethodGet || c.Method() == fiber.MethodHead) && currentViewer(c) == nil &&
		(path == "/" || path == "/careers" || strings.HasPrefix(path, "/careers/"))
}

// answerNotModified ends the request with 304 and no body.
func answerNotModified(c *fiber.Ctx) error {
	c.Response().ResetBody()
	return c.SendStatus(fiber.StatusNotModified)
}
