package reconcile

import (
	"bytes"
	"regexp"
	"strings"
	"testing"

	"github.com/flowwatch/flowwatch"
	"github.com/flowwatch/flowwatch/domain"
)

// TestBriefEscapes: article text reaches the brief only as text. The
// outlet, URL and quote below try markup, a script and javascript: links.
func TestBriefEscapes(t *testing.T) {
	text := `About 4,000 North Korean workers <script>alert(1)</script> are in Russia ![x](javascript:alert(2)) **bold** | cell.`
	a := flowwatch.Article{Name: "evil", Outlet: `Evil <img src=x onerror=alert(3)>`, URL: "javascript:alert(4)", Published: date("2025-02-01"), Text: text}
	c := claim(a, text, "workers", "present", 4000, "approx", russia, "")
	r := Reconcile([]flowwatch.Article{a}, []flowwatch.Claim{c}, Options{Parent: testParent, Sanctions: domain.DefaultSanctions()})
	b := NewBrief(r, date("2025-01-01"), domain.DefaultSanctions())

	var md, html bytes.Buffer
	if err := b.WriteMarkdown(&md); err != nil {
		t.Fatal(err)
	}
	if err := b.WriteHTML(&html); err != nil {
		t.Fatal(err)
	}
	for name, out := range map[string]string{"md": md.String(), "html": html.String()} {
		if !strings.Contains(out, "4,000") || !strings.Contains(out, "alert(1)") {
			t.Errorf("%s: the quote is missing from the brief", name)
		}
		for _, bad := range []string{"<script>", "<img", `href="javascript`, "javascript:alert(4)"} {
			if strings.Contains(out, bad) {
				t.Errorf("%s: brief contains %q", name, bad)
			}
		}
	}
	if regexp.MustCompile(`(^|[^\\])\]\(javascript|(^|[^\\])!\[`).MatchString(md.String()) {
		t.Errorf("md: article text makes a link or an image:\n%s", md.String())
	}
	if regexp.MustCompile(`(^|[^\\])\*\*bold`).MatchString(md.String()) {
		t.Errorf("md: article text sets bold")
	}
}
