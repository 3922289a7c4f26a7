package clean

import (
	_ "embed"
	"regexp"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/flowwatch/flowwatch"
)

// The text cleaner reads a page line by line. Each non-empty line is one
// paragraph candidate and is kept or dropped by the first rule that
// applies (classify). Rules, in order:
//
//  1. furniture: markdown images, bare URLs, lines without letters, view
//     counts, gallery counters ("Image 3 of 12"), "Follow us on ..."
//     social prompts, a repost's hashtag and channel lines ("#КНДР
//     #Россия", "via @channel");
//  2. phrase rules from rules.txt: exact page widgets ("- Advertisement -"),
//     promotions, credits and comment forms, and section openers ("Related
//     Articles", "Further Reading:") after which nothing is article text;
//  3. weather strips ("53.3 F") and relative times ("2 hours ago");
//  4. date strips: a date plus at most two other words and no other
//     figure; the first one near the top gives the publication date; time
//     stamps ("Updated Nov. 19, 8:21 am") go too;
//  5. bylines and contact lines (an e-mail address, "By NAME", a dated
//     byline, a name in capitals alone);
//  6. lines opening with a pictograph (promotion bullets);
//  7. photo captions: "File Photo: ...", or a line ending in a photo
//     credit "(Name/Agency)", "[... PHOTO]", "[RFA]";
//  8. keyword lists ("russia, north korea, putin");
//  9. before the headline, short fragments ("News", "Los Angeles", "logo"),
//     unless they carry a figure.
//
// When the title is known (header, metadata) and printed near the top,
// the lines above it go. Then, after the last paragraph of prose, trailing
// fragments (link labels, phone lines, "Read in Korean") go; and a line
// the page printed more than once (a title printed twice) is kept once, at
// its first place. Text rendered from HTML skips a few of these (see
// cleanMode), as measured on the HTML test set.

//go:embed rules.txt
var rulesFile string

type phraseRules struct {
	start   []string
	only    map[string]bool
	drop    []string
	dropSet *phraseSet
	end     []string
	insert  map[string]bool // end phrases that head inserted links
	credit  []string
	notice  []string
}

var rules = sync.OnceValue(func() phraseRules { return loadRules(rulesFile) })

func loadRules(src string) phraseRules {
	r := phraseRules{only: map[string]bool{}, insert: map[string]bool{}}
	for _, line := range strings.Split(src, "\n") {
		line = strings.TrimSpace(line)
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		kind, phrase, ok := strings.Cut(line, "\t")
		if !ok {
			kind, phrase, _ = strings.Cut(line, " ")
		}
		phrase = strings.ToLower(strings.TrimSpace(phrase))
		if phrase == "" {
			continue
		}
		switch kind {
		case "only":
			r.only[phrase] = true
		case "drop":
			r.drop = append(r.drop, phrase)
		case "start":
			r.start = append(r.start, phrase)
		case "end":
			r.end = append(r.end, phrase)
		case "insert":
			r.end = append(r.end, phrase)
			r.insert[phrase] = true
		case "credit":
			r.credit = append(r.credit, phrase)
		case "notice":
			r.notice = append(r.notice, phrase)
		}
	}
	r.dropSet = newPhraseSet(r.drop)
	return r
}

// traceDrop, when set (by diagnostics in tests), sees every dropped line
// and the rule that dropped it.
var traceDrop func(line, rule string)

type cleaned struct {
	text      string
	title     string
	outlet    string
	published flowwatch.Date
}

// verdict is what a rule decides for one line.
type verdict int

const (
	keep verdict = iota
	drop
	stop // a section after the article opens here
	// insert is a heading of links a page puts inside its article: a
	// stop, unless prose follows the links (see afterInsert).
	insert
)

// topLines is how many non-empty lines from the top may hold the date
// strip that gives the publication date; a date further down belongs to
// something else (a related story, a comment).
const topLines = 25

// longLine: a line this long is prose; the furniture rules are skipped,
// which also keeps a multi-megabyte single line cheap.
const longLine = 2000

// cleanText cleans scraped text. title, when known from metadata, anchors
// the article's start: if the page prints it as a line near the top,
// everything above that line is page furniture (site name, menus, date
// strips; a date strip there still gives the publication date).
func cleanText(s, title string) cleaned {
	return cleanMode(unwrap(s), textOpts{title: title})
}

// unwrap joins the lines of a sentence that plain text broke at a fixed
// width (e-mail newsletters, text copied from PDFs and wire printouts).
// Each line is otherwise a paragraph, and a sentence cut in two loses its
// source or its event. Two signs tell a wrap from a paragraph break:
//   - the whole text is set at one width (wrapWidth): then a line that
//     fills that width goes on in the next line, whatever the next line
//     starts with, in every language;
//   - anywhere, a line that stops without closing punctuation and is
//     followed by one that starts with a lowercase letter continues it.
//     Korean has no case, so without the first sign its lines stay apart.
func unwrap(s string) string {
	if !strings.Contains(s, "\n") {
		return s
	}
	full := fullLine(wrapWidth(s))
	var b strings.Builder
	b.Grow(len(s))
	for len(s) > 0 {
		line, rest, found := strings.Cut(s, "\n")
		b.WriteString(line)
		if found {
			if full(line, rest) || continues(line, rest) {
				b.WriteByte(' ')
			} else {
				b.WriteByte('\n')
			}
		}
		s = rest
	}
	return b.String()
}

// Wrapped text: the lines that wrapping filled are at least minWrapped;
// none is longer than maxWrapWidth runes (wider text is a page's own
// paragraphs); nearly all lines of prose are within wrapSlack of the
// widest, as a wrap breaks at the last space that fits.
const (
	minWrapped   = 4
	maxWrapWidth = 110
	wrapSlack    = 4 // a quarter of the width
)

// wrapWidth is the width in runes at which s was wrapped, or 0 when its
// lines are paragraphs of their own. The last line of a paragraph and
// lines of fewer than 20 runes (headings, bylines) say nothing either way.
func wrapWidth(s string) int {
	var (
		lens  []int // of the lines that another line follows
		lines []string
		nexts []rune // the first letter of the line after each
		width int
	)
	for rest := s; rest != ""; {
		var line string
		line, rest, _ = strings.Cut(rest, "\n")
		line = strings.TrimSpace(line)
		n := utf8.RuneCountInString(line)
		if n > maxWrapWidth {
			return 0
		}
		width = max(width, n)
		next, _, _ := strings.Cut(rest, "\n")
		if n >= 20 && strings.TrimSpace(next) != "" {
			first, _ := utf8.DecodeRuneInString(strings.TrimSpace(next))
			lens, lines, nexts = append(lens, n), append(lines, line), append(nexts, first)
		}
	}
	filled, open, cased, lower := 0, 0, 0, 0
	for i, n := range lens {
		if n < width-width/wrapSlack {
			continue
		}
		filled++
		if !endsSentence(lines[i]) && !strings.HasSuffix(lines[i], ":") {
			open++
		}
		if unicode.IsUpper(nexts[i]) || unicode.IsLower(nexts[i]) {
			cased++
			if unicode.IsLower(nexts[i]) {
				lower++
			}
		}
	}
	// Most lines that another follows fill the width (in a list of
	// headlines or a menu the lengths spread), and most stop inside a
	// sentence (news that puts one sentence in each paragraph is as even,
	// but its lines close). Where letters have case, a wrap lands before
	// a lowercase word as often as not; headlines each open with a
	// capital.
	if filled < minWrapped || filled*10 < len(lens)*7 || open*10 < filled*6 ||
		(cased*2 >= filled && lower*10 < cased*3) {
		return 0
	}
	return width
}

// fullLine reports, for text wrapped at width, whether a line filled it
// and so goes on in next; a blank next line ends the paragraph.
func fullLine(width int) func(line, next string) bool {
	return func(line, next string) bool {
		if width == 0 || next == "" || next[0] == '\n' || strings.TrimSpace(line) == "" {
			return false
		}
		n := utf8.RuneCountInString(strings.TrimSpace(line))
		first, _, _ := strings.Cut(next, "\n")
		return n >= width-width/wrapSlack && strings.TrimSpace(first) != ""
	}
}

// continues reports whether next, the text after a line break, carries on
// the sentence of line.
func continues(line, next string) bool {
	line = strings.TrimRight(line, " \t\r")
	last, _ := utf8.DecodeLastRuneInString(line)
	if line == "" || !(unicode.IsLetter(last) || unicode.IsDigit(last) || last == ',') {
		return false
	}
	first, _ := utf8.DecodeRuneInString(next)
	if !unicode.IsLower(first) {
		return false
	}
	// Not an address ("www.example.org") or a label ("фото: ГУР") under
	// a headline, and more than a fragment.
	next, _, _ = strings.Cut(next, "\n")
	word, _, _ := strings.Cut(next, " ")
	return !strings.ContainsAny(word, ".:/@") && wordCount(next) >= 3
}

// textOpts are what cleanMode knows besides the text.
type textOpts struct {
	title    string // the article's title from metadata, if any
	pageURL  string // the page's own address; a line that is only this URL goes
	fromHTML bool
}

// cleanMode is cleanText; fromHTML marks text rendered from readability's
// content, where the page structure already removed most furniture and a
// few text rules cost more body text than they remove (measured on the
// HTML test set): bare URLs and capitalised names stay, and trailing
// fragments are not trimmed.
func cleanMode(s string, o textOpts) cleaned {
	title, fromHTML := o.title, o.fromHTML
	ownURL := urlKey(o.pageURL)
	var (
		c        cleaned
		kept     []string
		prose    int  // prose paragraphs kept so far
		begun    bool // a line of four or more words was kept: the headline or body
		nonEmpty int
		anchor   = titleLine(s, title)
		bulleted = pictographBullets(s)
	)
	for len(s) > 0 {
		var line string
		line, s, _ = strings.Cut(s, "\n")
		line = leaderRow(normalizeLine(line))
		if line == "" {
			continue
		}
		if rest, d, ok := leadingStamp(line); ok && nonEmpty < topLines {
			// "date 2025-06-17 North Korea will send ...": a scraper's
			// date stamp glued to the first paragraph is the page's date,
			// not a time the sentence gives its figures.
			if c.published.IsZero() {
				c.published = d
			}
			line = rest
		}
		if len(line) > minGluedArticle {
			if body, ok := beforeNotice(line); ok {
				// A page scraped as one line: its copyright notice and
				// the link lists after it are glued to the article.
				line, s = body, ""
				if traceDrop != nil {
					traceDrop(line, "notice")
				}
			}
		}
		nonEmpty++
		v, why := classify(line, &c, nonEmpty <= topLines, fromHTML)
		if why == "pictograph" && bulleted && wordCount(line) >= minBulletWords {
			v, why = keep, ""
		}
		if nonEmpty < anchor {
			v, why = drop, "above title"
		}
		if v == keep && fromHTML && ownURL != "" && bareURL.MatchString(line) && urlKey(line) == ownURL {
			v, why = drop, "own url"
		}
		// "Headline Updated 10:01 pm, Tuesday, November 19, 2019": the
		// headline with its date strip, which the HTML path prints once.
		if v == keep && fromHTML && title != "" && len(line) > len(title) &&
			strings.EqualFold(line[:len(title)], title) {
			if _, _, ok := dateStrip(line[len(title):]); ok {
				v, why = drop, "title+date"
			}
		}
		if v == insert {
			if rest, skipped, ok := afterInsert(s); ok && prose >= 2 && !fromHTML {
				if traceDrop != nil {
					traceDrop(line, "insert")
					for _, l := range skipped {
						traceDrop(l, "inserted link")
					}
				}
				s = rest
				continue
			}
			v = stop
		}
		if v == stop {
			if prose >= 2 && !fromHTML {
				if traceDrop != nil {
					traceDrop(line, "end")
					for _, l := range strings.Split(s, "\n") {
						traceDrop(l, "after end")
					}
				}
				break
			}
			v = drop
		}
		if v == keep && !begun {
			// A short headline with a figure ("Kursk: 300 killed") stays.
			short := wordCount(line) < 4 && utf8.RuneCountInString(line) < 25
			if short && !(hasDigit(line) && wordCount(line) >= 2) {
				if domainLike.MatchString(line) && c.outlet == "" {
					c.outlet = line
				}
				v, why = drop, "head"
			} else {
				begun = true
			}
		}
		if v == drop {
			if traceDrop != nil {
				traceDrop(line, why)
			}
			continue
		}
		kept = append(kept, line)
		if isProse(line) {
			prose++
		}
	}
	if !fromHTML {
		kept = trimTail(kept)
	}
	kept = dedupe(kept, fromHTML)
	if len(kept) > 0 && looksHeadline(kept[0]) {
		c.title = kept[0]
	}
	c.text = strings.Join(kept, "\n\n")
	return c
}

// urlKey is a URL without scheme, "www." and trailing slash, for
// comparing a printed address with the page's own.
func urlKey(u string) string {
	u = strings.TrimSpace(strings.ToLower(u))
	if i := strings.Index(u, "://"); i >= 0 {
		u = u[i+3:]
	}
	u = strings.TrimPrefix(u, "www.")
	return strings.TrimRight(u, "/")
}

// titleLine is the 1-based number of the first non-empty line among the
// top lines that equals title (case and spacing aside), or 0.
func titleLine(s, title string) int {
	title = normalizeLine(title)
	if title == "" {
		return 0
	}
	n := 0
	for len(s) > 0 && n < topLines {
		var line string
		line, s, _ = strings.Cut(s, "\n")
		if len(line) > 4*len(title)+64 {
			n++
			continue
		}
		line = normalizeLine(line)
		if line == "" {
			continue
		}
		n++
		if strings.EqualFold(line, title) {
			return n
		}
	}
	return 0
}

var (
	markdownImage = lazyRE(`^!\[.*\]\([^)\s]*\)$`)
	bareURL       = lazyRE(`^(?:https?://|www\.)\S+$`)
	domainLike    = lazyRE(`^(?i)(?:www\.)?[a-z0-9-]+(?:\.[a-z0-9-]+)*\.[a-z]{2,}$`)
	weather       = lazyRE(`^-?\d{1,3}(?:[.,]\d)?\s*°?\s*[FC]$|^-?\d{1,3}(?:[.,]\d)?\s*°\s*[FC]?$`)
	relTime       = lazyRE(`(?i)^(?:time|updated|posted)?\s*\d{1,3}\s*(?:seconds?|secs?|minutes?|mins?|hours?|hrs?|h|days?|weeks?|months?)\s+ago$`)
	email         = lazyRE(`[\w.+-]+@[\w-]+(?:\.[\w-]+)+|\[email(?:\s|&#160;|\x{a0})protected\]`)
	byline        = lazyRE(`(?i)^(?:by|written by|words by|author|reporter|автор|текст)\b\s*:?\s+\S`)
	// A leading "[Place=Agency/Agency]" credit opens a photo caption in
	// Korean pages; a news lead's dateline names one agency, no slash.
	captionCredit = lazyRE(`^\[[^\[\]]{1,40}=[^\[\]]*/[^\[\]]*\]`)
	capsName      = lazyRE(`^\p{Lu}[\p{Lu}'.-]*(?:\s+\p{Lu}[\p{Lu}'.-]*){1,3}$`)
	// "Image 3 of 12", "1 of 6": a gallery counter.
	galleryCount = lazyRE(`(?i)^(?:image|photo|picture|slide)?\s*\d+\s+(?:of|/)\s+/?\s*\d+$`)
	// "Updated Nov 19, 9:41 AM", "Posted on March 30 by Admin": a time
	// stamp line even without a year.
	monthWord = lazyRE(`\b` + monthRe + `\s*\d`)
	stampLine = lazyRE(`(?i)^(?:last\s+)?(?:updated|posted|published|modified)\b`)
	// "Follow us on Instagram, Facebook and X": a social-media prompt.
	socialFollow = lazyRE(`(?i)^follow\b.*\b(?:twitter|facebook|instagram|youtube|telegram|whatsapp|linkedin|tiktok|threads|bluesky)\b`)
	// "#КНДР #Россия", "via @channel", "@channel": a repost's hashtags
	// and channel credit, set between the paragraphs it copies.
	repostTag    = lazyRE(`^(?:#[\pL\pN_]+[\s,]*)+$|^(?i:via\s+|source:\s*|источник:\s*|출처:\s*)?@[\pL\pN_.]+$`)
	viewCount    = lazyRE(`(?i)^[\d,.\s]+(?:views?|reads?|просмотр\pL*|조회)$|^(?:조회수?|views?)\s*:?\s*[\d,.]+$`)
	captionStart = lazyRE(`(?i)^(?:file photo|photo|image|pictured|caption|фото|사진)\s*[:=]`)
	trailCredit  = lazyRE(`[(\[]([^()\[\]]{2,80})[)\]]\.?$`)
	slashCredit  = lazyRE(`\pL[\pL\s.'-]*/\s*\pL`)
)

func classify(line string, c *cleaned, top, fromHTML bool) (verdict, string) {
	if len(line) > longLine {
		return keep, ""
	}
	words := wordCount(line)
	// Cheap tests guard each pattern so that prose lines, the bulk of any
	// page, meet few regular expressions.
	digit := hasDigit(line)
	if digit && !hasLetter(line) {
		// "2025.10.14" alone under a byline: the page's date, not furniture.
		if d, _, ok := dateStrip(line); ok {
			if top && c.published.IsZero() {
				c.published = d
			}
			return drop, "date"
		}
	}
	if (strings.HasPrefix(line, "![") && markdownImage.MatchString(line)) ||
		(!fromHTML && words == 1 && (strings.HasPrefix(line, "http") || strings.HasPrefix(line, "www.")) && bareURL.MatchString(line)) ||
		!hasLetter(line) && !(digit && strings.Contains(line, " | ")) || (digit && words <= 3 && viewCount.MatchString(line)) ||
		(digit && words <= 5 && galleryCount.MatchString(line)) ||
		(words <= 12 && strings.ContainsAny(line, "#@") && repostTag.MatchString(line)) ||
		(words <= 25 && hasPrefixFold(line, "follow") && socialFollow.MatchString(line)) {
		return drop, "furniture"
	}
	lower := strings.ToLower(line)
	if v, ok := phraseVerdict(lower); ok {
		return v, "phrase"
	}
	if (digit && len(line) <= 12 && weather.MatchString(line)) || (words <= 6 && strings.HasSuffix(lower, "ago") && relTime.MatchString(line)) {
		return drop, "weather"
	}
	if d, glued, ok := dateStrip(line); ok {
		if top && c.published.IsZero() {
			c.published = d
			if glued != "" && c.outlet == "" {
				c.outlet = glued
			}
		}
		return drop, "date"
	}
	// A time stamp without a year: the stamp word must be followed by a
	// time of day, a month or "ago", so that "Updated figures show 12,000
	// troops" stays.
	if words <= 16 && hasDigit(line) && stampLine.MatchString(line) &&
		(timeOfDay.MatchString(line) || monthWord.MatchString(lower) || strings.Contains(lower, " ago")) {
		return drop, "date"
	}
	// "By A. Writer on Monday, November 18th, 2019 at 11:08 a.m."
	if words <= 20 && hasYear(line) && bylineStart(line) && byline.MatchString(line) {
		if _, ok := dateInLine(line); ok {
			return drop, "byline"
		}
	}
	// A line opening with a pictograph is a promotion bullet
	// ("📱 Torn between phones? Check out our guide"), unless it is a
	// sentence with a figure: Telegram channels and their reposts open
	// news with a flag or a lightning bolt.
	if words <= 30 && pictographLed(line) && !(digit && words >= 8) {
		return drop, "pictograph"
	}
	if words <= 15 && strings.ContainsAny(line, "@[") && email.MatchString(line) {
		return drop, "email"
	}
	if words <= 7 && bylineStart(line) && byline.MatchString(line) && !strings.HasSuffix(line, ".") {
		return drop, "byline"
	}
	// A name in capitals alone on a line is a byline ("SEO JI-EUN").
	if !fromHTML && words <= 4 && !hasLower(line) && capsName.MatchString(line) {
		return drop, "capsname"
	}
	if isCaption(line, words) {
		return drop, "caption"
	}
	if isKeywordList(line) {
		return drop, "keywords"
	}
	return keep, ""
}

// pictographLed reports whether line opens with a pictograph.
func pictographLed(line string) bool {
	r, _ := utf8.DecodeRuneInString(line)
	return unicode.Is(unicode.So, r)
}

// minBulletWords: in text whose paragraphs open with pictographs, a line
// this long is news set as a bullet, not a promotion.
const minBulletWords = 6

// pictographBullets reports whether s sets its paragraphs as pictograph
// bullets, as Telegram channels and their reposts do ("🔸 Seoul said
// ..."): then a pictograph opens news, not only promotions. It takes
// two such lines of minBulletWords or more, and two in five of all
// lines that long.
func pictographBullets(s string) bool {
	led, long := 0, 0
	for len(s) > 0 {
		var line string
		line, s, _ = strings.Cut(s, "\n")
		line = strings.TrimSpace(line)
		if wordCount(line) < minBulletWords {
			continue
		}
		long++
		if pictographLed(line) {
			led++
		}
	}
	return led >= 2 && led*5 >= long*2
}

// stampLead is an ISO date, labelled or not and with a time or not, at
// the start of a line of prose.
var stampLead = regexp.MustCompile(`^(?i:date|published|posted|updated)?:?\s*(\d{4})-(\d{2})-(\d{2})(?:[ T]\d{1,2}:\d{2}(?::\d{2})?)?\s+`)

// leadingStamp splits a date stamp from the prose a line goes on with
// (four words or more).
func leadingStamp(line string) (string, flowwatch.Date, bool) {
	if len(line) < 12 || !(line[0] >= '0' && line[0] <= '9' || line[0] == 'd' || line[0] == 'D' || line[0] == 'p' || line[0] == 'P' || line[0] == 'u' || line[0] == 'U') {
		return line, flowwatch.Date{}, false
	}
	m := stampLead.FindStringSubmatchIndex(line)
	if m == nil {
		return line, flowwatch.Date{}, false
	}
	rest := line[m[1]:]
	d, err := flowwatch.ParseDate(line[m[2]:m[7]])
	if err != nil || wordCount(rest) < 4 {
		return line, flowwatch.Date{}, false
	}
	return rest, d, true
}

// minGluedArticle: a line this long that holds a copyright notice is an
// article with the page's end glued to it, not the notice alone.
const minGluedArticle = 200

// noticeOpeners open a copyright notice before its rules.txt phrase
// ("저작권자 © 한국일보 무단전재 및 재배포 금지", "Copyright 2025 ... All
// rights reserved").
var noticeOpeners = []string{"저작권자", "copyright", "Copyright", "COPYRIGHT", "ⓒ", "©", "<", "["}

// beforeNotice is line up to the copyright notice inside it, when one
// (a rules.txt notice phrase) follows at least minGluedArticle bytes of
// text.
func beforeNotice(line string) (string, bool) {
	at := -1
	for _, p := range rules().notice {
		if i := indexFold(line, p); i >= 0 && (at < 0 || i < at) {
			at = i
		}
	}
	if at < minGluedArticle {
		return line, false
	}
	start := at
	from := max(0, at-80)
	for _, o := range noticeOpeners {
		if j := strings.LastIndex(line[from:at], o); j >= 0 && from+j < start {
			start = from + j
		}
	}
	return strings.TrimSpace(line[:start]), true
}

// phraseVerdict applies rules.txt.
func phraseVerdict(lower string) (verdict, bool) {
	isSep := func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) }
	core := strings.TrimFunc(lower, isSep)
	if rules().only[core] {
		return drop, true
	}
	words := wordCount(core)
	for _, phrase := range rules().end {
		needColon := strings.HasSuffix(phrase, ":")
		p := strings.TrimSuffix(phrase, ":")
		stop := stop
		if rules().insert[phrase] {
			stop = insert
		}
		if !strings.HasPrefix(core, p) {
			continue
		}
		rest := core[len(p):]
		if rest != "" && isLetterStart(rest) {
			continue // "related" must not match "relatedly"
		}
		tail := strings.TrimRightFunc(lower, unicode.IsSpace)
		switch {
		case rest == "" && needColon && !strings.HasSuffix(tail, ":"):
			return drop, true // a "Read More" button, not a list heading
		case rest == "":
			return stop, true
		case strings.Contains(rest, ":"), strings.HasPrefix(rest, "]"):
			return drop, true // "Related: Some headline", "[관련기사] 제목" are one link line
		case !needColon && words <= 6:
			return stop, true // "Latest articles in News"
		}
	}
	if words <= 60 {
		for _, p := range rules().start {
			if strings.HasPrefix(core, p) {
				return drop, true
			}
		}
	}
	if words <= 30 && len(lower) <= 600 {
		if rules().dropSet.containsAny(lower) {
			return drop, true
		}
	}
	return keep, false
}

func isLetterStart(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return unicode.IsLetter(r) || unicode.IsDigit(r)
}

// isCaption: a "Photo:" style prefix, or a trailing credit in brackets that
// names a photo source or is an "Name/Agency" pair. A wire credit alone
// ("(Yonhap)") ends many body paragraphs and is not a caption sign.
func isCaption(line string, words int) bool {
	if words > 70 {
		return false
	}
	if strings.ContainsAny(line[:min(len(line), 24)], ":=") && captionStart.MatchString(line) {
		return true
	}
	if strings.HasPrefix(line, "[") && captionCredit.MatchString(line) {
		return true
	}
	end := strings.TrimSuffix(line, ".")
	if !strings.HasSuffix(end, ")") && !strings.HasSuffix(end, "]") {
		return false
	}
	// Match on the line itself: lower-casing may change byte lengths.
	m := trailCredit.FindStringSubmatchIndex(line)
	if m == nil {
		return false
	}
	orig := line[m[2]:m[3]]
	credit := strings.ToLower(orig)
	// "A dock in Vladivostok [RFA]": an agency in capitals closing a line
	// that is not a sentence.
	if len(orig) <= 20 && orig == strings.ToUpper(orig) && hasLetter(orig) && words <= 30 &&
		!endsSentence(strings.TrimSpace(line[:m[0]])) && line[m[0]] == '[' {
		return true
	}
	if slashCredit.MatchString(credit) {
		return true
	}
	for _, p := range rules().credit {
		if strings.Contains(credit, p) {
			return true
		}
	}
	return false
}

// isKeywordList: three or more comma-separated items of at most three
// words each, no capital letters and no sentence end, e.g. a page's tags.
func isKeywordList(line string) bool {
	if strings.Count(line, ",") < 2 || endsSentence(line) {
		return false
	}
	for _, r := range line {
		if unicode.IsUpper(r) {
			return false
		}
	}
	for _, item := range strings.Split(line, ",") {
		n := wordCount(item)
		if n == 0 || n > 3 {
			return false
		}
	}
	return true
}

// afterInsert looks past the link lines that follow an insert heading in
// s: at most three lines that are not prose. If a prose paragraph comes
// next, the article goes on there, and rest starts at it.
func afterInsert(s string) (rest string, skipped []string, ok bool) {
	for len(s) > 0 && len(skipped) <= 3 {
		line, after, _ := strings.Cut(s, "\n")
		l := normalizeLine(line)
		switch {
		case l == "":
		case isProse(l):
			return s, skipped, true
		default:
			skipped = append(skipped, l)
		}
		s = after
	}
	return "", nil, false
}

// isProse: a paragraph of running text rather than a label or headline.
func isProse(line string) bool {
	w := wordCount(line)
	if w >= 25 {
		return true
	}
	if !endsSentence(line) && !strings.HasSuffix(line, "다") {
		return false
	}
	return w >= 8 || utf8.RuneCountInString(line) >= 40
}

// tableRow reports whether lines[i] is a row of a table that closes the
// article: figures in cells under a line with as many cells ("Страна |
// Прибыло | Рост", then "КНДР | 2 740 | +8%"). A statistics page
// ends with its summary table; a lone footer line with a separator
// ("Newsroom: +1 … | desk@…") has no such line over it.
func tableRow(lines []string, i int) bool {
	cells := func(l string) int {
		if !strings.Contains(l, " | ") {
			return 0
		}
		return strings.Count(strings.Trim(l, "| "), " | ") + 1
	}
	n := cells(lines[i])
	return n >= 2 && hasDigit(lines[i]) && i > 0 && cells(lines[i-1]) == n
}

// fragment: a short line that is not a sentence (a link label, a heading,
// a phone number, a "※ notice" whose first character is a symbol).
func fragment(line string) bool {
	if wordCount(line) >= 12 {
		return false
	}
	r, _ := utf8.DecodeRuneInString(line)
	return !endsSentence(line) || !(unicode.IsLetter(r) || unicode.IsDigit(r) || strings.ContainsRune(`"'“‘«(`, r))
}

// trimTail drops fragments after the last prose paragraph: what follows
// the article's last sentence is navigation, credits and link labels. A
// text with no prose at all is left alone, so a headline-only page keeps
// its headline.
func trimTail(lines []string) []string {
	last := -1
	for i := len(lines) - 1; i >= 0; i-- {
		if isProse(lines[i]) {
			last = i
			break
		}
	}
	if last < 0 {
		return lines
	}
	end := len(lines)
	for end > last+1 && fragment(lines[end-1]) && !tableRow(lines, end-1) {
		end--
		if traceDrop != nil {
			traceDrop(lines[end], "tail")
		}
	}
	return lines[:end]
}

// dedupe keeps the first of lines the page repeats verbatim: a long line
// (a paragraph, a caption, a headline of eight words or more) wherever
// the repeat is, a short one when it comes within three lines (a title
// printed twice). Short lines repeated far apart are list items and
// table rows that belong where they are.
//
// In text from HTML only the near repeats go: readability's content does
// not print a title twice, and the far repeats it holds (recipe steps,
// table rows) are body text.
func dedupe(lines []string, nearOnly bool) []string {
	const near = 3
	seen := make(map[string]int, len(lines))
	out := lines[:0]
	for _, l := range lines {
		if at, ok := seen[l]; ok && ((!nearOnly && wordCount(l) >= 8) || len(out)-at <= near) {
			if traceDrop != nil {
				traceDrop(l, "dup")
			}
			continue
		}
		seen[l] = len(out)
		out = append(out, l)
	}
	return out
}

func looksHeadline(line string) bool {
	w := wordCount(line)
	return w >= 3 && w <= 30 && !strings.HasSuffix(line, ".")
}

// normalizeLine trims, folds whitespace variants (no-break, tabs, zero
// widths) into single spaces and strips a leading list bullet.
func normalizeLine(line string) string {
	simple := true
	for i := 0; i < len(line); i++ {
		b := line[i]
		if b >= 0x80 || b == '\t' || (b == ' ' && i+1 < len(line) && line[i+1] == ' ') {
			simple = false
			break
		}
	}
	if !simple {
		var sb strings.Builder
		sb.Grow(len(line))
		space := false
		for _, r := range line {
			switch r {
			case '\u200b', '\u200c', '\u200d', '\u2060', '\ufeff', '\u00ad':
				continue
			}
			if unicode.IsSpace(r) || r == '\u00a0' {
				space = true
				continue
			}
			if unicode.IsControl(r) {
				continue
			}
			if space && sb.Len() > 0 {
				sb.WriteByte(' ')
			}
			space = false
			sb.WriteRune(r)
		}
		line = sb.String()
	}
	line = untypeset(strings.TrimSpace(line))
	for _, b := range []string{"• ", "· ", "▪ ", "◦ ", "● ", "■ ", "▶ ", "► ", "* ", "- ", "– "} {
		if strings.HasPrefix(line, b) && len(line) > len(b) {
			line = strings.TrimSpace(line[len(b):])
			break
		}
	}
	return stripListNumber(line)
}

// stripListNumber strips the number of a numbered list's item ("1) ",
// "(2) "), as aggregators and reposts number each paragraph: it is no
// figure, and a headline printed again under another number is still the
// same line. A number followed by another digit ("1) 500 soldiers") is
// left alone, and so is "1. ": the train corpus's link lists set so are
// figures the fitted stage learnt to drop, and without them it weighs
// Korean and Russian words otherwise.
func stripListNumber(line string) string {
	i := 0
	if i < len(line) && line[i] == '(' {
		i++
	}
	j := i
	for j < len(line) && j-i < 3 && line[j] >= '0' && line[j] <= '9' {
		j++
	}
	if j == i || j-i > 2 || j+2 >= len(line) {
		return line
	}
	if line[j] != ')' || line[j+1] != ' ' {
		return line
	}
	rest := strings.TrimLeft(line[j+2:], " ")
	if rest == "" || rest[0] >= '0' && rest[0] <= '9' {
		return line
	}
	return rest
}

// Typesetting that is no part of the words: citation marks glued to what
// they cite ("12,000[3]", "troops.[12][14]", as encyclopedias and the
// aggregators copying them set them), markdown emphasis ("**12,000**
// troops", "__Kursk__") and dashes set for a hyphen inside a word ("Kim
// Jong–un", "IT–специалистов", "러시아−북한": typographers' and
// translators' swaps). Each would split a word or a figure from the
// words that give it its meaning.
var (
	citationMarks = regexp.MustCompile(`(\S)(?:\[\d{1,3}\])+`)
	emphasis      = regexp.MustCompile(`(\*\*|__)([^\s*_](?:[^*]*?[^\s*_])?)(?:\*\*|__)`)
	italics       = regexp.MustCompile(`(^|[\s(])\*([^\s*](?:[^*]*?[^\s*])?)\*`)
	wordDash      = regexp.MustCompile(`(\pL)[‐‑–−](\pL)`)
)

// untypeset removes the typesetting of a line that is no part of its words.
func untypeset(line string) string {
	if strings.IndexByte(line, '[') >= 0 {
		line = citationMarks.ReplaceAllString(line, "$1")
	}
	if strings.IndexByte(line, '*') >= 0 || strings.Contains(line, "__") {
		line = emphasis.ReplaceAllString(line, "$2")
		line = italics.ReplaceAllString(line, "$1$2")
	}
	if strings.Contains(line, "‐") || strings.Contains(line, "‑") || strings.Contains(line, "–") || strings.Contains(line, "−") {
		line = wordDash.ReplaceAllString(line, "$1-$2")
	}
	return line
}

func wordCount(s string) int {
	n, in := 0, false
	for i := 0; i < len(s); i++ {
		c := s[i]
		var space bool
		if c < utf8.RuneSelf {
			space = c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f'
		} else {
			r, size := utf8.DecodeRuneInString(s[i:])
			i += size - 1
			space = unicode.IsSpace(r)
		}
		if space {
			in = false
		} else if !in {
			in = true
			n++
		}
	}
	return n
}

// bylineStart is a cheap guard for the byline pattern.
func bylineStart(line string) bool {
	for _, p := range []string{"by", "written", "words", "author", "reporter", "автор", "текст"} {
		if hasPrefixFold(line, p) {
			return true
		}
	}
	return false
}

func hasLower(s string) bool {
	for _, r := range s {
		if unicode.IsLower(r) {
			return true
		}
	}
	return false
}

// indexFold is the index in s of the lower-case phrase sub, ignoring the
// case of s, without a lower-cased copy of s (cleaning reads every long
// line this way); a phrase that opens with a letter without case (Korean)
// is matched as it is.
func indexFold(s, sub string) int {
	if sub == "" || sub[0] >= utf8.RuneSelf {
		return strings.Index(s, sub)
	}
	lc, uc := sub[0], sub[0]
	if 'a' <= lc && lc <= 'z' {
		uc = lc - 'a' + 'A'
	}
	for i := 0; i+len(sub) <= len(s); i++ {
		if (s[i] == lc || s[i] == uc) && strings.EqualFold(s[i:i+len(sub)], sub) {
			return i
		}
	}
	return -1
}

func hasPrefixFold(s, prefix string) bool {
	return len(s) >= len(prefix) && strings.EqualFold(s[:len(prefix)], prefix)
}

func hasDigit(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= '0' && s[i] <= '9' {
			return true
		}
	}
	return false
}

func hasLetter(s string) bool {
	for _, r := range s {
		if unicode.IsLetter(r) {
			return true
		}
	}
	return false
}

func hasLetterOrDigit(s string) bool {
	for _, r := range s {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			return true
		}
	}
	return false
}

// endsSentence reports whether line ends like a sentence: a full stop,
// question or exclamation mark, ellipsis, or a closing quote or bracket.
func endsSentence(line string) bool {
	r, _ := utf8.DecodeLastRuneInString(line)
	return strings.ContainsRune(`.!?…。"”»'’)`, r)
}
