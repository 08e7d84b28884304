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

// multipartAPIPaths are the API routes that take a multipart/form-data body; every
// other API route takes JSON.
var multipartAPIPaths = regexp.MustCompile(`^/api/v1/decks/[0-9]+/import$`)

// ReceiveHeaders looks at a request's headers before the server reads its body: it
// sets the body limit (LargeUploadConfig) and keeps the server from reading a
// multipart body sent to an API route that takes JSON (skipMultipartReading).
func ReceiveHeaders(header *fasthttp.RequestHeader) fasthttp.RequestConfig {
	skipMultipartReading(header)
	return LargeUploadConfig(header)
}

// skipMultipartReading drops the boundary from a multipart Content-Type sent to an
// API route that takes JSON, so the server reads the body as plain bytes and the
// route answers 415. Otherwise fasthttp parses the form while reading the request,
// and a malformed one fails before routing, where its path is lost and only a
// generic 400 can be answered.
func skipMultipartReading(header *fasthttp.RequestHeader) {
	uri := header.RequestURI()
	path := uri[:pathEnd(uri)]
	if bytes.HasPrefix(header.ContentType(), []byte("multipart/form-data")) &&
		bytes.HasPrefix(path, []byte("/api/")) && !multipartAPIPaths.Match(path) {
		header.SetContentType("multipart/form-data")
	}
}

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
