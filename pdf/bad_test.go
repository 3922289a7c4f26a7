package pdf_test

import (
	"bytes"
	"context"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/flowwatch/flowwatch/internal/pdftest"
	"github.com/flowwatch/flowwatch/pdf"
)

const helv = "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"

// onePage is a catalog, a page tree and a page drawing content.
func onePage(content string, compress bool) []byte {
	return pdftest.Objects(
		"<< /Type /Catalog /Pages 2 0 R >>",
		"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
		"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>",
		helv,
		pdftest.Stream([]byte(content), compress),
	)
}

// badInputs are PDFs that must fail with one line, quickly, never a
// panic or a hang; they also seed the fuzz corpus.
func badInputs() map[string]struct {
	data []byte
	lim  pdf.Limits
	want string
} {
	report := pdftest.Report().PDF
	zeros := bytes.Repeat([]byte{0}, 4<<20)
	type bad = struct {
		data []byte
		lim  pdf.Limits
		want string
	}
	return map[string]bad{
		"encrypted":   {pdftest.Encrypted().PDF, pdf.Limits{}, "encrypted PDF"},
		"scanned":     {pdftest.Scanned().PDF, pdf.Limits{}, "no text layer"},
		"truncated":   {report[:len(report)/2], pdf.Limits{}, "PDF"},
		"header only": {[]byte("%PDF-1.7\n"), pdf.Limits{}, "PDF"},
		"garbage":     {[]byte("%PDF-1.4\n" + strings.Repeat("garbage ", 100) + "\nstartxref\n9\n%%EOF\n"), pdf.Limits{}, "PDF"},
		"zero pages": {pdftest.Objects(
			"<< /Type /Catalog /Pages 2 0 R >>",
			"<< /Type /Pages /Kids [] /Count 0 >>",
		), pdf.Limits{}, "no pages"},
		"page tree loop": {pdftest.Objects(
			"<< /Type /Catalog /Pages 2 0 R >>",
			"<< /Type /Pages /Kids [2 0 R] /Count 1 >>",
		), pdf.Limits{}, "page tree"},
		"deep nesting": {pdftest.Objects(
			"<< /Type /Catalog /Pages 2 0 R >>",
			"<< /Type /Pages /Kids [3 0 R] /Count 1 /X "+strings.Repeat("[", 200000)+" >>",
		), pdf.Limits{}, "PDF"},
		"deep content arrays": {onePage(strings.Repeat("[", 500000)+"BT /F1 10 Tf 50 700 Td (Text) Tj ET", false), pdf.Limits{}, "no text layer"},
		"xref loop":           {[]byte("%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\nendobj\nxref\n0 2\n0000000000 65535 f \n0000000009 00000 n \ntrailer\n<< /Size 2 /Root 1 0 R /Prev 45 >>\nstartxref\n45\n%%EOF\n"), pdf.Limits{Timeout: 20 * time.Second}, "loop"},
		"object streams extend in a loop": {pdftest.Objects(
			"<< /Type /Catalog /Pages 2 0 R >>",
			"<< /Type /Pages /Kids [] /Count 0 >>",
			"<< /Type /ObjStm /N 0 /First 1 /Extends 4 0 R /Length 1 >>\nstream\n \nendstream",
			"<< /Type /ObjStm /N 0 /First 1 /Extends 3 0 R /Length 1 >>\nstream\n \nendstream",
		), pdf.Limits{}, "loop"},
		"stream bomb":    {onePage(string(zeros), true), pdf.Limits{MaxDecoded: 1 << 20}, "compression bomb"},
		"too many pages": {report, pdf.Limits{MaxPages: 2}, "limit is 2"},
		"too large":      {report, pdf.Limits{MaxBytes: 1000}, "too large"},
		"timeout":        {pdftest.LongReport(50).PDF, pdf.Limits{Timeout: time.Nanosecond}, "longer than"},
	}
}

func TestBadInputs(t *testing.T) {
	for name, tc := range badInputs() {
		t.Run(name, func(t *testing.T) {
			_, err := pdf.Read(context.Background(), tc.data, tc.lim)
			if err == nil {
				t.Fatal("read without error")
			}
			msg := err.Error()
			if strings.Contains(msg, "\n") || !strings.Contains(msg, tc.want) {
				t.Errorf("error %q: want one line mentioning %q", msg, tc.want)
			}
		})
	}
}

// A stream that decodes within the limits is read, corrupt or not: a
// page whose content is cut short keeps what decoded.
func TestTruncatedStreamKeepsText(t *testing.T) {
	d, err := pdf.Read(context.Background(), onePage("BT /F1 10 Tf 50 700 Td (About 2,000 workers arrived.) Tj ET BT /F1 10 Tf 50 680 Td (cut", false), pdf.Limits{})
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(d.Text, "About 2,000 workers arrived.") {
		t.Errorf("text %q", d.Text)
	}
}

func FuzzRead(f *testing.F) {
	for _, fx := range fileFixtures() {
		f.Add(fx.PDF)
	}
	for _, tc := range badInputs() {
		if len(tc.data) < 1<<20 {
			f.Add(tc.data)
		}
	}
	if data, err := os.ReadFile("testdata/chromium/report.pdf"); err == nil {
		f.Add(data)
	}
	lim := pdf.Limits{MaxDecoded: 8 << 20, Timeout: 5 * time.Second}
	f.Fuzz(func(t *testing.T, data []byte) {
		d, err := pdf.Read(context.Background(), data, lim)
		if err != nil {
			if strings.Contains(err.Error(), "\n") {
				t.Errorf("error is not one line: %q", err)
			}
			return
		}
		if d.Pages < 1 || strings.Count(d.Text, "\f") != d.Pages {
			t.Errorf("%d pages, %d form feeds", d.Pages, strings.Count(d.Text, "\f"))
		}
	})
}
