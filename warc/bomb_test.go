package warc

import (
	"bytes"
	"compress/gzip"
	"context"
	"fmt"
	"io"
	"os"
	"runtime"
	"strings"
	"testing"

	"github.com/flowwatch/flowwatch/warc/warctest"
)

// member gzips one record's bytes as a member of its own, streaming
// bodyLen bytes of fill after head so that a bomb costs the test little
// memory.
func member(t *testing.T, w io.Writer, head string, fill byte, bodyLen int64, tail string) {
	t.Helper()
	zw, _ := gzip.NewWriterLevel(w, gzip.BestSpeed)
	io.WriteString(zw, head)
	chunk := bytes.Repeat([]byte{fill}, 1<<20)
	for n := bodyLen; n > 0; n -= int64(len(chunk)) {
		zw.Write(chunk[:min(n, int64(len(chunk)))])
	}
	io.WriteString(zw, tail)
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
}

func goodPage(uri, text string) []byte {
	b := &warctest.Builder{Gzip: true}
	b.Response(uri, 200, "text/html", []byte("<html><body><p>"+text+"</p></body></html>"))
	return b.Bytes()
}

type readResult struct {
	pages  []Page
	errs   []string
	err    error
	allocd uint64
}

func readAll(t *testing.T, data []byte) readResult {
	t.Helper()
	var res readResult
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	res.err = Read(context.Background(), bytes.NewReader(data), func(p Page) error {
		if p.Err != nil {
			res.errs = append(res.errs, p.Err.Error())
		} else {
			res.pages = append(res.pages, p)
		}
		return nil
	})
	runtime.ReadMemStats(&after)
	res.allocd = after.TotalAlloc - before.TotalAlloc
	return res
}

// Archive bombs are refused from their declarations, without reading
// (or writing) what they declare: one error each, and the records after
// them are read.
func TestBombs(t *testing.T) {
	const bomb = 64 << 20 // inflated size of each bomb; its .gz is ~0.3 MB
	tests := []struct {
		name    string
		write   func(w io.Writer)
		wantErr string
	}{
		{"endless header line", func(w io.Writer) {
			member(t, w, "WARC/1.0\r\nWARC-Type: response\r\nWARC-Target-URI: http://bomb.example/", 'a', bomb, "\r\n\r\n")
		}, "header line over"},
		{"declared 2 GB", func(w io.Writer) {
			member(t, w, "WARC/1.0\r\nWARC-Type: response\r\nWARC-Target-URI: http://bomb.example/\r\nContent-Type: application/http; msgtype=response\r\nContent-Length: 2147483648\r\n\r\nHTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n", 0, bomb, "")
		}, "over the"},
		{"declared 2 GB, not a response", func(w io.Writer) {
			member(t, w, "WARC/1.0\r\nWARC-Type: resource\r\nWARC-Target-URI: http://bomb.example/\r\nContent-Type: text/html\r\nContent-Length: 2147483648\r\n\r\n", 0, bomb, "")
		}, ""},
		{"endless header", func(w io.Writer) {
			member(t, w, "WARC/1.0\r\nWARC-Type: response\r\n", 0, 0, strings.Repeat("X-Filler: "+strings.Repeat("z", 1000)+"\r\n", 1000))
		}, "header over"},
		{"many blank lines", func(w io.Writer) {
			member(t, w, "", '\n', bomb, "WARC/1.0\r\n")
		}, "no WARC/1.0"},
		{"gowarc panic", func(w io.Writer) { member(t, w, "WARC/\n0", 0, 0, "") }, "no WARC/1.0"},
		{"negative length", func(w io.Writer) {
			member(t, w, "WARC/1.1\r\nWARC-Type: response\r\nContent-Length: -5\r\n\r\n", 0, 0, "")
		}, "not a byte count"},
		{"no length", func(w io.Writer) { member(t, w, "WARC/1.1\r\nWARC-Type: response\r\n\r\nbody", 0, 0, "") }, "no Content-Length"},
		{"cut short", func(w io.Writer) {
			member(t, w, "WARC/1.0\r\nWARC-Type: response\r\nContent-Type: application/http\r\nContent-Length: 5000\r\n\r\nHTTP/1.1 200 OK\r\n", 0, 0, "")
		}, "cut short"},
		{"not gzip inside", func(w io.Writer) { w.Write([]byte{0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 0, 0xff, 'x', 'y', 'z'}) }, "gzip"},
	}
	tmp := t.TempDir()
	t.Setenv("TMPDIR", tmp)
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var buf bytes.Buffer
			buf.Write(goodPage("https://news.example.org/before", "before the bomb"))
			tt.write(&buf)
			buf.Write(goodPage("https://news.example.org/after", "after the bomb"))
			res := readAll(t, buf.Bytes())
			if res.err != nil {
				t.Fatalf("Read: %v", res.err)
			}
			if len(res.pages) != 2 || res.pages[0].URL != "https://news.example.org/before" || res.pages[1].URL != "https://news.example.org/after" {
				t.Fatalf("pages = %v, want the ones before and after the bomb", urls(res.pages))
			}
			switch {
			case tt.wantErr == "" && len(res.errs) != 0:
				t.Fatalf("errors = %q, want none", res.errs)
			case tt.wantErr != "" && (len(res.errs) != 1 || !strings.Contains(res.errs[0], tt.wantErr)):
				t.Fatalf("errors = %q, want one containing %q", res.errs, tt.wantErr)
			}
			for _, e := range res.errs {
				if strings.ContainsAny(e, "\r\n") || len(e) > 300 {
					t.Errorf("error is not one short line: %q", e)
				}
			}
			// The reader holds one buffered window and at most one
			// article, never the bomb.
			if res.allocd > 8<<20 {
				t.Errorf("allocated %d MB reading a %d MB bomb", res.allocd>>20, bomb>>20)
			}
		})
	}
	if left, _ := os.ReadDir(tmp); len(left) != 0 {
		t.Fatalf("temporary files left: %v", left)
	}
}

// A plain (not gzipped) archive recovers from a broken record by finding
// the next record's version line.
func TestReadPlainResync(t *testing.T) {
	good := func(uri string) string {
		b := &warctest.Builder{}
		b.Response(uri, 200, "text/html", []byte("<html><body><p>text of "+uri+"</p></body></html>"))
		return string(b.Bytes())
	}
	data := good("https://a.example/1") +
		"WARC/1.0\r\nWARC-Type: response\r\nthis line has no colon\r\nContent-Length: 10\r\n\r\n0123456789\r\n\r\n" +
		good("https://a.example/2") +
		"WARC/1.0\r\nWARC-Type: response\r\nContent-Type: application/http\r\nContent-Length: 100\r\n\r\nHTTP/1.1 200 OK\r\n"
	res := readAll(t, []byte(data))
	if res.err != nil || len(res.pages) != 2 || len(res.errs) != 2 {
		t.Fatalf("err = %v, pages = %v, errors = %q", res.err, urls(res.pages), res.errs)
	}
	if !strings.Contains(res.errs[0], "without a colon") || !strings.Contains(res.errs[1], "cut short") {
		t.Fatalf("errors = %q", res.errs)
	}
}

// One gzip member may hold every record; WARC/1.1, chunked and gzipped
// payloads are read.
func TestReadFormats(t *testing.T) {
	var zbody bytes.Buffer
	zw := gzip.NewWriter(&zbody)
	zw.Write([]byte("<html><body><p>gzipped payload</p></body></html>"))
	zw.Close()
	rec := func(uri, http string) string {
		return fmt.Sprintf("WARC/1.1\r\nWARC-Type: response\r\nWARC-Target-URI: %s\r\nContent-Type: application/http; msgtype=response\r\nContent-Length: %d\r\n\r\n%s\r\n\r\n", uri, len(http), http)
	}
	plain := rec("https://b.example/chunked", "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nTransfer-Encoding: chunked\r\n\r\n7\r\n<p>chun\r\n9\r\nked body<\r\n3\r\n/p>\r\n0\r\n\r\n") +
		rec("https://b.example/gz", "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Encoding: gzip\r\n\r\n"+zbody.String()) +
		rec("https://b.example/lf", "HTTP/1.0 200 OK\nContent-Type: text/plain\n\nbare line feeds")
	var one bytes.Buffer
	zw = gzip.NewWriter(&one)
	zw.Write([]byte(plain))
	zw.Close()
	for name, data := range map[string][]byte{"plain": []byte(plain), "one member": one.Bytes()} {
		res := readAll(t, data)
		if res.err != nil || len(res.pages) != 3 || len(res.errs) != 0 {
			t.Fatalf("%s: err = %v, pages = %v, errors = %q", name, res.err, urls(res.pages), res.errs)
		}
		for i, want := range []string{"<p>chunked body</p>", "gzipped payload", "bare line feeds"} {
			if !strings.Contains(string(res.pages[i].Body), want) {
				t.Errorf("%s: page %d body = %q, want %q", name, i, res.pages[i].Body, want)
			}
		}
	}
}

func urls(ps []Page) []string {
	var out []string
	for _, p := range ps {
		out = append(out, p.URL)
	}
	return out
}
