package http

import (
	"context"
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
// multipart/form-data parts. The whole request is read and checked
// against the limits (body size, file count) before anything is stored,
// so a request refused with 413 stored nothing. Each file's error is
// reported beside the others' results: a bad file does not stop the batch.
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
	files, err := readUpload(r, name)
	if err != nil {
		s.error(w, r, err, 0)
		return
	}
	results, errs := s.ingestFiles(r, files)
	status := http.StatusOK
	if len(results) == 0 {
		status = http.StatusUnprocessableEntity
	}
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.Header().Set("Cache-Control", "no-store")
	w.WriteHeader(status)
	writeJSON(w, map[string]any{"items": results, "errors": errs})
}

type upload struct {
	name string
	raw  []byte
}

// readUpload reads every file of the request; the body is bounded by
// MaxBytesReader, so holding them all is too.
func readUpload(r *http.Request, name string) ([]upload, error) {
	mt, _, _ := mime.ParseMediaType(r.Header.Get("Content-Type"))
	if mt != "multipart/form-data" {
		if name == "" {
			return nil, flowwatch.Errorf(flowwatch.EINVALID, "name is missing: POST the file as the body with ?name=FILE-NAME, or upload files as multipart/form-data")
		}
		raw, err := io.ReadAll(r.Body)
		if err != nil {
			return nil, wrapBodyErr(err)
		}
		return []upload{{articleName(name), raw}}, nil
	}
	mr, err := r.MultipartReader()
	if err != nil {
		return nil, flowwatch.Errorf(flowwatch.EINVALID, "multipart body: %v", err)
	}
	var files []upload
	for {
		part, err := mr.NextPart()
		if err == io.EOF {
			break
		} else if err != nil {
			return nil, wrapBodyErr(err)
		}
		fn := part.FileName()
		if fn == "" {
			continue // a plain form field
		}
		if len(files) == maxIngestFiles {
			return nil, flowwatch.Errorf(flowwatch.ETOOLARGE, "more than %d files in one request: nothing was stored; split the upload", maxIngestFiles)
		}
		raw, err := io.ReadAll(part)
		if err != nil {
			return nil, wrapBodyErr(err)
		}
		files = append(files, upload{articleName(fn), raw})
	}
	if len(files) == 0 {
		return nil, flowwatch.Errorf(flowwatch.EINVALID, "no file in the request")
	}
	return files, nil
}

// ingestFiles stores each file. Once anything is stored, the caches and
// the claim index hear of it before the answer goes out, whatever
// happens to the rest of the batch.
func (s *Server) ingestFiles(r *http.Request, files []upload) ([]IngestResult, []ingestError) {
	results, errs := []IngestResult{}, []ingestError{}
	defer func() {
		if len(results) > 0 {
			s.cache.clear()
			s.resp.clear()
			s.index.written(context.WithoutCancel(r.Context()))
		}
	}()
	for _, f := range files {
		res, err := s.opts.Ingest(r.Context(), f.name, f.raw)
		if err != nil {
			errs = append(errs, ingestError{Name: f.name, Code: flowwatch.ErrorCode(err), Message: userText(err)})
			continue
		}
		results = append(results, res)
	}
	return results, errs
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
