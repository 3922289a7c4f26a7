package http

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"net/http"
	"strconv"
	"strings"

	"github.com/flowwatch/flowwatch"
)

// errorBody is every error the API returns: a stable code for programs and
// a message that says what went wrong and what to do.
type errorBody struct {
	Error struct {
		Code    string `json:"code"`
		Message string `json:"message"`
	} `json:"error"`
}

// statusOf maps application error codes to HTTP statuses, in one place.
var statusOf = map[string]int{
	flowwatch.ECONFLICT:     http.StatusConflict,
	flowwatch.EINVALID:      http.StatusBadRequest,
	flowwatch.ENOTFOUND:     http.StatusNotFound,
	flowwatch.EUNAUTHORIZED: http.StatusUnauthorized,
	flowwatch.ETOOLARGE:     http.StatusRequestEntityTooLarge,
	flowwatch.EUNAVAILABLE:  http.StatusServiceUnavailable,
	flowwatch.EINTERNAL:     http.StatusInternalServerError,
}

// errNotImplemented is a feature this build does not have yet.
const eNotImplemented = "not_implemented"

// error writes err as JSON. status 0 derives it from the error's code.
// Internal errors are logged and shown only as "internal error".
func (s *Server) error(w http.ResponseWriter, r *http.Request, err error, status int) {
	code := flowwatch.ErrorCode(err)
	var mbe *http.MaxBytesError
	if errors.As(err, &mbe) {
		code = flowwatch.ETOOLARGE
		err = flowwatch.Errorf(code, "request body larger than %d bytes: send smaller files, one request each", mbe.Limit)
	}
	if status == 0 {
		if code == eNotImplemented {
			status = http.StatusNotImplemented
		} else if status = statusOf[code]; status == 0 {
			status = http.StatusInternalServerError
		}
	}
	if code == flowwatch.EINTERNAL {
		s.log.Error("internal error", "method", r.Method, "path", r.URL.Path, "err", err)
	}
	var body errorBody
	body.Error.Code = code
	body.Error.Message = flowwatch.ErrorMessage(err)
	h := w.Header()
	h.Del("ETag")
	h.Del("Content-Disposition")
	h.Set("Content-Type", "application/json; charset=utf-8")
	h.Set("Cache-Control", "no-store")
	if status == http.StatusUnauthorized {
		h.Set("WWW-Authenticate", `Bearer realm="flowwatch"`)
	}
	w.WriteHeader(status)
	json.NewEncoder(w).Encode(body)
}

// json writes v with a strong ETag over its bytes, answering 304 when the
// client already has them. Hashing the body is cheap next to the query that
// built it, and it is exact: any change in the data changes the tag.
func (s *Server) json(w http.ResponseWriter, r *http.Request, v any) {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	if err := enc.Encode(v); err != nil {
		s.error(w, r, err, 0)
		return
	}
	s.jsonBytes(w, r, buf.Bytes())
}

// jsonBytes writes body, already JSON, as json does.
func (s *Server) jsonBytes(w http.ResponseWriter, r *http.Request, body []byte) {
	sum := sha256.Sum256(body)
	s.jsonBytesTagged(w, r, body, `"`+hex.EncodeToString(sum[:12])+`"`)
}

// jsonBytesTagged writes body with etag, a strong tag (a hash of all that
// makes the body).
func (s *Server) jsonBytesTagged(w http.ResponseWriter, r *http.Request, body []byte, etag string) {
	body = stripBidi(body)
	h := w.Header()
	h.Set("ETag", etag)
	h.Set("Cache-Control", "no-cache")
	h.Set("Content-Type", "application/json; charset=utf-8")
	if etagMatch(r.Header.Get("If-None-Match"), etag) {
		w.WriteHeader(http.StatusNotModified)
		return
	}
	// With a length, net/http writes the body as it is rather than in
	// chunks through its small buffer.
	h.Set("Content-Length", strconv.Itoa(len(body)))
	w.Write(body)
}

func etagMatch(header, etag string) bool {
	for _, t := range strings.Split(header, ",") {
		t = strings.TrimSpace(t)
		if t == "*" || strings.TrimPrefix(t, "W/") == etag {
			return true
		}
	}
	return false
}

func writeJSON(w http.ResponseWriter, v any) {
	json.NewEncoder(w).Encode(v)
}
