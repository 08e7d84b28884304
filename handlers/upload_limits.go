package handlers

import (
	"bytes"
	"regexp"
	"time"

	"github.com/valyala/fasthttp"

	"hitpath/models"
)

// largeUploadPaths are the routes that take a file larger than the server's body
// limit: an Anki package (up to models.MaxAnkiPackageBytes) imported into a deck.
var largeUploadPaths = regexp.MustCompile(`^/(?:study|api/v1)/decks/[0-9]+/import$`)

// LargeUploadConfig raises the body limit, and the time allowed to read the body, for
// a multipart POST of known length to a large-upload route. fasthttp reads such a
// form as it arrives and writes each file part larger than 16 MB to a temporary file,
// so the package is never held whole in memory; a chunked body or any other request
// keeps the server's limit (the zero config).
func LargeUploadConfig(header *fasthttp.RequestHeader) fasthttp.RequestConfig {
	if !header.IsPost() || header.ContentLength() <= 0 ||
		!bytes.HasPrefix(header.ContentType(), []byte("multipart/form-data")) ||
		!largeUploadPaths.Match(header.RequestURI()[:pathEnd(header.RequestURI())]) {
		return fasthttp.RequestConfig{}
	}
	return fasthttp.RequestConfig{MaxRequestBodySize: models.MaxAnkiPackageBytes + 1<<20, ReadTimeout: 10 * time.Minute}
}

func pathEnd(uri []byte) int {
	if i := bytes.IndexByte(uri, '?'); i >= 0 {
		return i
	}
	return len(uri)
}
