package reconcile

import (
	"bufio"
	_ "embed"
	"fmt"
	"html/template"
	"io"
	"strings"
)

// mdEscape makes article text inert in Markdown: every character that
// Markdown or the HTML it may be rendered to gives a meaning is escaped,
// so a quote can neither inject a link, an image nor a tag.
func mdEscape(s string) string {
	var b strings.Builder
	for _, r := range s {
		switch r {
		case '<':
			b.WriteString("&lt;")
		case '>':
			b.WriteString("&gt;")
		case '&':
			b.WriteString("&amp;")
		// Quotes never start a line, so line-start syntax (#, -, 1.) is inert.
		case '\\', '`', '*', '_', '[', ']', '|', '!', '~':
			b.WriteByte('\\')
			b.WriteRune(r)
		case '\n', '\r', '\t':
			b.WriteByte(' ')
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}

// mdText escapes less aggressively for flowwatch's own words and figures,
// which contain no markup but many dots and dashes.
func mdText(s string) string {
	r := strings.NewReplacer("<", "&lt;", ">", "&gt;", "&", "&amp;", "\\", "\\\\", "`", "\\`", "*", "\\*", "_", "\\_",
		"[", "\\[", "]", "\\]", "|", "\\|", "\n", " ")
	return r.Replace(s)
}

// mdURL keeps a link only when it cannot break out of the Markdown link syntax.
func mdURL(u string) string {
	if u == "" || strings.ContainsAny(u, " ()<>\"'`\n\\") {
		return ""
	}
	return u
}

func refsMD(refs []int) string {
	var parts []string
	for _, r := range refs {
		parts = append(parts, fmt.Sprintf("[%d](#e%d)", r, r))
	}
	return strings.Join(parts, " ")
}

// WriteMarkdown writes the brief as Markdown.
func (b *Brief) WriteMarkdown(w io.Writer) error {
	bw := bufio.NewWriter(w)
	p := func(format string, args ...any) { fmt.Fprintf(bw, format, args...) }
	p("# flowwatch brief: North Korean workers and troops in Russia\n\n")
	p("%d articles, %d claims", b.Articles, b.Claims)
	if b.From != "" {
		p(", published %s to %s", b.From, b.To)
	}
	p(". Figures are grouped into facts; a syndicated copy is not counted as an independent report, and sources are counted by who originally stated the figure. Numbers in brackets point to the evidence at the end.\n\n")

	p("## Headline figures\n\n")
	if len(b.Headlines) == 0 {
		p("No figures.\n\n")
	} else {
		p("| What | Figure | Range | Where | Independent sources | Reports | First reported | Last | Evidence |\n|---|---|---|---|---|---|---|---|---|\n")
		for _, h := range b.Headlines {
			fig := h.Figure
			if h.Unit != "" {
				fig += " " + h.Unit
			}
			if h.Conflicts > 0 {
				fig += fmt.Sprintf(" (%d conflict(s))", h.Conflicts)
			}
			p("| %s | %s | %s | %s | %d: %s | %d | %s | %s | %s |\n", mdText(h.What), mdText(fig), mdText(h.Range), mdText(h.Place),
				h.Independent, mdText(h.Sources), h.Reports, mdText(h.First), mdText(h.Last), refsMD(h.Refs))
		}
		p("\n")
	}
	if b.Since != "" {
		p("## New since %s\n\n", b.Since)
		if len(b.New)+len(b.Updated) == 0 {
			p("Nothing new.\n\n")
		}
		for _, h := range b.New {
			p("- **New:** %s %s (%s; %s) %s\n", mdText(h.What), mdText(h.Figure), mdText(h.Sources), mdText(h.First), refsMD(h.Refs))
		}
		for _, h := range b.Updated {
			p("- **Reported again:** %s %s, last on %s (%d independent source(s)) %s\n", mdText(h.What), mdText(h.Figure), mdText(h.Last), h.Independent, refsMD(h.Refs))
		}
		p("\n")
	}
	p("## Open conflicts\n\n")
	if len(b.Conflicts) == 0 {
		p("None.\n\n")
	}
	for _, c := range b.Conflicts {
		p("- **%s:** %s (%s) %s versus %s (%s) %s. *%s*: %s.\n", mdText(c.What), mdText(c.A.Figure), mdText(orDefault(c.A.Sources, "unattributed")), refsMD(c.A.Refs),
			mdText(c.B.Figure), mdText(orDefault(c.B.Sources, "unattributed")), refsMD(c.B.Refs), mdText(c.Reason), mdText(c.Details))
	}
	if len(b.Conflicts) > 0 {
		p("\n")
	}
	p("## Estimates\n\nMonthly low/high bands built from the facts above by the method in docs/estimates.md; a carried month repeats the last figures in force, wider with age; a derived month is computed from waves or from another series.\n\n")
	for _, e := range b.Estimates {
		p("### %s\n\n", mdText(e.Title))
		if len(e.Rows) == 0 {
			p("No figures.\n\n")
			continue
		}
		p("| Month | Low | High | Best | Basis | Sources | Why |\n|---|---|---|---|---|---|---|\n")
		for _, r := range e.Rows {
			p("| %s | %s | %s | %s | %s | %s | %s |\n", r.Month, r.Low, r.High, r.Best, r.Basis, mdText(orDefault(r.Sources, "unattributed")), mdText(r.Why))
		}
		p("\n")
	}
	if len(b.Copies) > 0 {
		p("## Syndicated copies\n\n")
		for _, c := range b.Copies {
			p("- %s, copied by %s\n", mdText(c.Original), mdText(c.Copies))
			for _, a := range c.Altered {
				p("  - figure changed in copying: %s\n", mdText(a))
			}
		}
		p("\n")
	}
	if len(b.Sanctions) > 0 {
		p("## Sanctions\n\n")
		for _, s := range b.Sanctions {
			p("- **%s** (%d claims): %s\n", mdText(s.Title), s.Claims, mdText(s.Summary))
			for _, f := range s.Facts {
				p("  - %s\n", mdText(f))
			}
		}
		p("\n")
	}
	if len(b.Entities) > 0 {
		p("## Who is cited\n\n| Name | Kind | Source of | Named in |\n|---|---|---|---|\n")
		for _, e := range b.Entities {
			p("| %s | %s | %d | %d |\n", mdText(e.Name), mdText(e.Kind), e.AsSource, e.Named)
		}
		p("\n")
	}
	p("## Evidence\n\n")
	for _, e := range b.Evidence {
		p("- <a id=\"e%d\"></a>\\[%d\\] ", e.N, e.N)
		if u := mdURL(e.URL); u != "" {
			p("[%s](%s)", mdEscape(e.Outlet), u)
		} else {
			p("%s", mdEscape(e.Outlet))
		}
		p(", %s (%s)", mdText(e.Date), mdEscape(e.Article))
		if e.Chain != "" {
			p(", from %s", mdEscape(e.Chain))
		}
		p(": %s. “%s”\n", mdText(e.Figure), mdEscape(e.Quote))
	}
	return bw.Flush()
}

//go:embed brief.html.tmpl
var briefHTML string

var briefTmpl = template.Must(template.New("brief").Parse(briefHTML))

// WriteHTML writes the brief as one self-contained HTML page. html/template
// escapes every piece of article text and refuses unsafe link schemes.
func (b *Brief) WriteHTML(w io.Writer) error {
	return briefTmpl.Execute(w, b)
}
