package ingest

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"strings"
	"time"

	"github.com/flowwatch/flowwatch"
	"github.com/flowwatch/flowwatch/feed"
	"github.com/flowwatch/flowwatch/fetch"
	"github.com/flowwatch/flowwatch/input"
	"github.com/flowwatch/flowwatch/warc"
)

// FeedExts are the endings of feed files picked up in directories.
var FeedExts = map[string]bool{".rss": true, ".atom": true}

func walkOptions() input.Options {
	exts := map[string]bool{}
	for e := range input.ArticleExts {
		exts[e] = true
	}
	for e := range FeedExts {
		exts[e] = true
	}
	deferred := map[string]bool{".jsonl": true, ".ndjson": true}
	for e := range warc.Exts {
		deferred[e] = true
	}
	return input.Options{Exts: exts, Defer: deferred}
}

// Ingest ingests every input: a file, a directory (read as extract reads
// it, plus the JSON Lines, WARC and feed files in it), "-" for standard
// input, or an http/https URL of a page or a feed.
func (p *Pipeline) Ingest(ctx context.Context, inputs []string, stdin io.Reader) (Result, error) {
	return p.Run(ctx, p.Inputs(inputs, stdin), nil)
}

// Inputs is the Producer for command-line inputs.
func (p *Pipeline) Inputs(inputs []string, stdin io.Reader) Producer {
	return func(ctx context.Context, emit func(Doc) error) error {
		for _, in := range inputs {
			if err := ctx.Err(); err != nil {
				return err
			}
			var err error
			switch {
			case fetch.IsURL(in):
				err = p.fetchInput(ctx, in, emit)
			case in == "-":
				err = stdinDocs(ctx, stdin, emit)
			case strings.Contains(in, "://"):
				err = emit(Doc{Origin: in, Err: errors.New("only http and https URLs are fetched")})
			default:
				err = input.Walk(ctx, []string{in}, nil, walkOptions(), func(item input.Item) error {
					return fileDocs(ctx, item, emit)
				})
			}
			if err != nil {
				return err
			}
		}
		return nil
	}
}

// fetchInput fetches a URL named as an input: a feed expands into its
// items, anything else is a page.
func (p *Pipeline) fetchInput(ctx context.Context, u string, emit func(Doc) error) error {
	if p.Fetcher == nil {
		return emit(Doc{Origin: u, Err: errors.New("fetching is turned off")})
	}
	resp, err := p.Fetcher.Get(ctx, u, fetch.Validators{})
	if err != nil {
		if ctx.Err() != nil {
			return ctx.Err()
		}
		return emit(Doc{Origin: u, Err: fmt.Errorf("fetch: %w", err)})
	}
	if feed.Sniff(resp.Body, resp.ContentType) {
		f, err := feed.Parse(resp.Body)
		if err != nil {
			return emit(Doc{Origin: u, Err: err})
		}
		return p.FeedDocs(u, f, emit)
	}
	return emit(Doc{Origin: u, URL: resp.URL, Raw: resp.Body})
}

// FeedDocs emits the items of a parsed feed. Items whose content is the
// whole article are read from the feed; the others are fetched from
// their link (by the workers, in parallel) when a Fetcher is set.
func (p *Pipeline) FeedDocs(origin string, f *feed.Feed, emit func(Doc) error) error {
	for i, it := range f.Items {
		d := Doc{
			Origin:        fmt.Sprintf("%s item %d", origin, i+1),
			Key:           it.Key,
			Title:         it.Title,
			DefaultOutlet: f.Title,
		}
		if it.Link != "" {
			if !fetch.IsURL(it.Link) {
				if err := emit(Doc{Origin: d.Origin, Key: it.Key, Err: fmt.Errorf("item link %q is not an http or https URL", trim(it.Link))}); err != nil {
					return err
				}
				continue
			}
			d.Origin = it.Link
			d.URL = it.Link
		}
		if !it.Published.IsZero() {
			d.Published = flowwatch.DateOf(it.Published.UTC())
		}
		content := itemHTML(it)
		if it.PDF != "" && p.Fetcher != nil && fetch.IsURL(it.PDF) {
			// The item announces a report: the report is the article
			// (and its URL the one claims link to, page by page).
			d.Origin, d.URL, d.Fetch, d.Fallback = it.PDF, it.PDF, it.PDF, content
			if err := emit(d); err != nil {
				return err
			}
			continue
		}
		switch {
		case content != nil && (it.Full || p.Fetcher == nil || d.URL == ""):
			d.Raw = content
		case d.URL != "" && p.Fetcher != nil:
			d.Fetch, d.Fallback = d.URL, content
		case d.URL != "":
			d.Err = errors.New("item carries no text (its page is fetched only when the feed itself is read from a URL)")
		default:
			d.Err = errors.New("item has neither text nor a link")
		}
		if err := emit(d); err != nil {
			return err
		}
	}
	return nil
}

// itemHTML wraps an item's content as a page, so that the cleaner reads
// markup as markup even when the feed carried only a fragment.
func itemHTML(it feed.Item) []byte {
	if strings.TrimSpace(it.Content) == "" {
		return nil
	}
	if input.LooksHTML([]byte(it.Content)) {
		return []byte(it.Content)
	}
	var b bytes.Buffer
	b.WriteString("<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>")
	b.WriteString(htmlEscape(it.Title))
	b.WriteString("</title></head><body><article>")
	if it.Title != "" {
		b.WriteString("<h1>" + htmlEscape(it.Title) + "</h1>")
	}
	b.WriteString(it.Content)
	b.WriteString("</article></body></html>")
	return b.Bytes()
}

func htmlEscape(s string) string {
	return strings.NewReplacer("&", "&amp;", "<", "&lt;", ">", "&gt;", `"`, "&quot;").Replace(s)
}

// fileDocs turns one walked file into docs.
func fileDocs(ctx context.Context, item input.Item, emit func(Doc) error) error {
	if item.Err != nil {
		return emit(Doc{Origin: item.Path, Name: item.Name, Err: item.Err})
	}
	if item.Deferred {
		f, err := os.Open(item.Path)
		if err != nil {
			return emit(Doc{Origin: item.Path, Err: err})
		}
		defer f.Close()
		if warc.IsWARC(item.Path) {
			err = warcDocs(ctx, item.Path, f, emit)
		} else {
			err = RecordDocs(ctx, item.Path, f, emit)
		}
		if err != nil && ctx.Err() == nil && !isStop(err) {
			return emit(Doc{Origin: item.Path, Err: err})
		}
		return err
	}
	if feed.Sniff(item.Data, "") && !input.LooksHTML(item.Data) {
		f, err := feed.Parse(item.Data)
		if err != nil {
			return emit(Doc{Origin: item.Path, Err: err})
		}
		// A feed file's items keep what the feed carries: reading a
		// local file never triggers fetches.
		return (&Pipeline{}).FeedDocs(item.Path, f, emit)
	}
	return emit(Doc{Origin: item.Path, Name: item.Name, Raw: item.Data})
}

// stopErr wraps emit's error so that a source can tell "the run is
// stopping" from "this file is broken".
type stopErr struct{ error }

func (e stopErr) Unwrap() error { return e.error }

func isStop(err error) bool {
	var s stopErr
	return errors.As(err, &s)
}

func stopping(emit func(Doc) error) func(Doc) error {
	return func(d Doc) error {
		if err := emit(d); err != nil {
			return stopErr{err}
		}
		return nil
	}
}

func warcDocs(ctx context.Context, path string, r io.Reader, emit func(Doc) error) error {
	emit = stopping(emit)
	return warc.Read(ctx, r, func(pg warc.Page) error {
		origin := fmt.Sprintf("%s@%d", path, pg.Offset)
		if pg.URL != "" {
			origin += " " + trim(pg.URL)
		}
		if pg.Err != nil {
			return emit(Doc{Origin: origin, Err: pg.Err})
		}
		d := Doc{Origin: origin, Raw: pg.Body}
		if fetch.IsURL(pg.URL) {
			d.URL = pg.URL
		}
		return emit(d)
	})
}

// stdinDocs reads standard input: JSON Lines records when it starts with
// "{", else one article.
func stdinDocs(ctx context.Context, r io.Reader, emit func(Doc) error) error {
	br := bufio.NewReaderSize(r, 64<<10)
	for {
		b, err := br.Peek(1)
		if err != nil {
			return emit(Doc{Origin: "-", Err: errors.New("empty input")})
		}
		if b[0] == ' ' || b[0] == '\t' || b[0] == '\r' || b[0] == '\n' {
			br.ReadByte()
			continue
		}
		if b[0] == '{' {
			err := RecordDocs(ctx, "stdin", br, emit)
			if err != nil && ctx.Err() == nil && !isStop(err) {
				return emit(Doc{Origin: "stdin", Err: err})
			}
			return err
		}
		break
	}
	data, err := io.ReadAll(io.LimitReader(br, input.MaxBytes+1))
	if err != nil {
		return emit(Doc{Origin: "-", Err: err})
	}
	if len(data) > input.MaxBytes {
		return emit(Doc{Origin: "-", Err: errors.New("too large (over 20 MB)")})
	}
	return emit(Doc{Origin: "-", Name: "stdin", Raw: data})
}

// Record is one line of a JSON Lines input. Either Text or HTML carries
// the page; the other fields override what the page says.
type Record struct {
	Name      string `json:"name,omitempty"`
	URL       string `json:"url,omitempty"`
	Title     string `json:"title,omitempty"`
	Outlet    string `json:"outlet,omitempty"`
	Published string `json:"published,omitempty"` // YYYY-MM-DD or RFC 3339
	Text      string `json:"text,omitempty"`
	HTML      string `json:"html,omitempty"`
}

// Doc checks r and turns it into a Doc; origin names it in messages.
func (r Record) Doc(origin string) Doc {
	d := Doc{Origin: origin, Name: strings.TrimSpace(r.Name), Title: strings.TrimSpace(r.Title), Outlet: strings.TrimSpace(r.Outlet), Override: true}
	if u := strings.TrimSpace(r.URL); u != "" {
		if _, err := fetch.CheckURL(u); err != nil {
			d.Err = fmt.Errorf("url %q: %v", trim(u), err)
			return d
		}
		d.URL = u
		d.Origin = origin + " " + trim(u)
	}
	if p := strings.TrimSpace(r.Published); p != "" && p != "unknown" {
		t, err := parsePublished(p)
		if err != nil {
			d.Err = fmt.Errorf("published %q: want YYYY-MM-DD or an RFC 3339 time", trim(p))
			return d
		}
		d.Published = t
	}
	switch {
	case strings.TrimSpace(r.HTML) != "":
		if input.LooksHTML([]byte(r.HTML)) {
			d.Raw = []byte(r.HTML)
		} else {
			d.Raw = itemHTML(feed.Item{Title: r.Title, Content: r.HTML})
		}
	case strings.TrimSpace(r.Text) != "":
		d.Raw = []byte(r.Text)
	default:
		d.Err = errors.New(`record has neither "text" nor "html"`)
	}
	return d
}

func parsePublished(s string) (flowwatch.Date, error) {
	if t, err := time.Parse(time.RFC3339, s); err == nil {
		return flowwatch.DateOf(t), nil
	}
	if len(s) != 10 {
		return flowwatch.Date{}, errors.New("bad date")
	}
	return flowwatch.ParseDate(s)
}

// RecordDocs reads JSON Lines records from r, one Doc per non-blank line;
// a malformed line fails alone. Lines are bounded by input.MaxBytes, the
// file is not: it is streamed.
func RecordDocs(ctx context.Context, name string, r io.Reader, emit func(Doc) error) error {
	emit = stopping(emit)
	br := bufio.NewReaderSize(r, 256<<10)
	for line := 1; ; line++ {
		if line%256 == 0 {
			if err := ctx.Err(); err != nil {
				return err
			}
		}
		data, tooLong, err := readLine(br, input.MaxBytes)
		if err != nil && err != io.EOF {
			return fmt.Errorf("read: %w", err)
		}
		origin := fmt.Sprintf("%s:%d", name, line)
		if tooLong {
			if e := emit(Doc{Origin: origin, Err: errors.New("record too large (over 20 MB)")}); e != nil {
				return e
			}
		} else if len(bytes.TrimSpace(data)) > 0 {
			var rec Record
			dec := json.NewDecoder(bytes.NewReader(data))
			var d Doc
			if e := dec.Decode(&rec); e != nil {
				d = Doc{Origin: origin, Err: fmt.Errorf("not a JSON record: %s", jsonMsg(e))}
			} else if dec.More() {
				d = Doc{Origin: origin, Err: errors.New("not a JSON record: more than one value on the line")}
			} else {
				d = rec.Doc(origin)
			}
			if e := emit(d); e != nil {
				return e
			}
		}
		if err == io.EOF {
			return nil
		}
	}
}

func jsonMsg(err error) string {
	var se *json.SyntaxError
	var te *json.UnmarshalTypeError
	switch {
	case errors.As(err, &se):
		return fmt.Sprintf("%s (at byte %d)", se.Error(), se.Offset)
	case errors.As(err, &te):
		return fmt.Sprintf("field %q must be a %s", te.Field, te.Type)
	}
	return err.Error()
}

// readLine returns the next line without its newline, reading at most
// max bytes of it; a longer line is consumed and reported as tooLong.
func readLine(br *bufio.Reader, max int) (line []byte, tooLong bool, err error) {
	var buf []byte
	for {
		chunk, e := br.ReadSlice('\n')
		if !tooLong {
			if len(buf)+len(chunk) > max+1 {
				tooLong, buf = true, nil
			} else {
				buf = append(buf, chunk...)
			}
		}
		switch e {
		case nil:
			return bytes.TrimRight(buf, "\r\n"), tooLong, nil
		case bufio.ErrBufferFull:
			continue
		default:
			return bytes.TrimRight(buf, "\r\n"), tooLong, e
		}
	}
}

func trim(s string) string {
	if len(s) > 120 {
		return s[:120] + "..."
	}
	return s
}

// Count says how many documents inputs hold when that is known without
// reading them: files and directories of pages and texts, listed by a
// walk that opens nothing. A URL, standard input, a feed, a JSON Lines
// file or a WARC archive holds a number of documents known only once
// read, and then known is false.
func Count(ctx context.Context, inputs []string) (n int, known bool) {
	for _, in := range inputs {
		if in == "-" || strings.Contains(in, "://") {
			return 0, false
		}
	}
	items, err := input.List(ctx, inputs, walkOptions())
	if err != nil {
		return 0, false
	}
	for _, it := range items {
		if it.Deferred || hasFeedExt(it.Path) {
			return 0, false
		}
	}
	return len(items), true
}

func hasFeedExt(path string) bool {
	lower := strings.ToLower(path)
	for ext := range FeedExts {
		if strings.HasSuffix(lower, ext) {
			return true
		}
	}
	return false
}
