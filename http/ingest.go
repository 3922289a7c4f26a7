package http

import (
	"errors"
	"fmt"
	"io"
	"mime"
	"net/http"
	"path"
	"strings"

	"github.com/flowwatch/flowwatch"
)

type ingestError struct {
	Name    string `json:"name"`
	Code    string `json:"code"`
	Message string `json:"message"`
}

// maxIngestFiles bounds one multipart upload.
const maxIngestFiles = 200

// handleIngest takes one file as the raw body (?name=NAME), or several as
// multipart/form-data parts. Each file's error is reported beside the
// others' results: a bad file does not stop the batch.
func (s *Server) handleIngest(w http.ResponseWriter, r *http.Request) {
	p := readParams(r, "name")
	name := p.str("name")
	if err := p.err(); err != nil {
		s.error(w, r, err, 0)
		return
	}
	if s.opts.Ingest == nil {
		s.error(w, r, flowwatch.Errorf(eNotImplemented, "this server was started without ingest"), 0)
		return
	}
	r.Body = http.MaxBytesReader(w, r.Body, s.opts.MaxBodyBytes)
	var results []IngestResult
	var errs []ingestError
	one := func(name string, raw []byte) {
		res, err := s.opts.Ingest(r.Context(), name, raw)
		if err != nil {
			errs = append(errs, ingestError{Name: name, Code: flowwatch.ErrorCode(err), Message: userText(err)})
			return
		}
		results = append(results, res)
	}
	mt, _, _ := mime.ParseMediaType(r.Header.Get("Content-Type"))
	if mt == "multipart/form-data" {
		mr, err := r.MultipartReader()
		if err != nil {
			s.error(w, r, flowwatch.Errorf(flowwatch.EINVALID, "multipart body: %v", err), 0)
			return
		}
		for n := 0; ; n++ {
			part, err := mr.NextPart()
			if err == io.EOF {
				break
			} else if err != nil {
				s.error(w, r, wrapBodyErr(err), 0)
				return
			}
			if n >= maxIngestFiles {
				s.error(w, r, flowwatch.Errorf(flowwatch.ETOOLARGE, "more than %d files in one request: split the upload", maxIngestFiles), 0)
				return
			}
			fn := part.FileName()
			if fn == "" {
				continue // a plain form field
			}
			raw, err := io.ReadAll(part)
			if err != nil {
				s.error(w, r, wrapBodyErr(err), 0)
				return
			}
			one(articleName(fn), raw)
		}
	} else {
		if name == "" {
			s.error(w, r, flowwatch.Errorf(flowwatch.EINVALID, "name is missing: POST the file as the body with ?name=FILE-NAME, or upload files as multipart/form-data"), 0)
			return
		}
		raw, err := io.ReadAll(r.Body)
		if err != nil {
			s.error(w, r, wrapBodyErr(err), 0)
			return
		}
		one(articleName(name), raw)
	}
	if len(results) == 0 && len(errs) == 0 {
		s.error(w, r, flowwatch.Errorf(flowwatch.EINVALID, "no file in the request"), 0)
		return
	}
	if len(results) > 0 {
		s.index.written(r.Context())
		s.cache.clear()
		s.resp.clear()
	}
	if results == nil {
		results = []IngestResult{}
	}
	if errs == nil {
		errs = []ingestError{}
	}
	status := http.StatusOK
	if len(results) == 0 {
		status = http.StatusUnprocessableEntity
	}
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.Header().Set("Cache-Control", "no-store")
	w.WriteHeader(status)
	writeJSON(w, map[string]any{"items": results, "errors": errs})
}

func wrapBodyErr(err error) error {
	var mbe *http.MaxBytesError
	if errors.As(err, &mbe) {
		return err
	}
	return flowwatch.Errorf(flowwatch.EINVALID, "reading the request body: %v", err)
}

// articleName is the file's base name without extension, as the CLI names
// articles, so the same file ingested either way is one article.
func articleName(fn string) string {
	fn = path.Base(strings.ReplaceAll(fn, `\`, "/"))
	if ext := path.Ext(fn); ext != "" && ext != fn {
		fn = strings.TrimSuffix(fn, ext)
	}
	return fn
}

func userText(err error) string {
	if flowwatch.ErrorCode(err) != flowwatch.EINTERNAL {
		return flowwatch.ErrorMessage(err)
	}
	return fmt.Sprint(err)
}
