package extract

// The Russian module: sentence ends, time expressions and the choice of
// group and event for a figure. Russian puts the counted noun right
// after the numeral in the genitive ("600 северокорейских солдат"),
// which the number reader already uses; the verb may come before
// ("направила в Россию около 5000") or after ("100 ... погибли").

import (
	"math/bits"
	"strconv"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/flowwatch/flowwatch"
	"github.com/flowwatch/flowwatch/domain"
)

func newRUModule(d *domain.Domain) *mlModule {
	m, places := mlNewMatcher(false, d, "ru")
	nl := mlNumsOf(d.Lexicon("ru"))
	return &mlModule{
		nums:    nl,
		outlets: mlOutlets(d),
		srcs:    mlSources(d),
		names:   ruNamesOf(d.Lexicon("ru")),
		code:    "ru",
		origin:  mlOriginOf(d.Lexicon("ru")),
		groupSizes: func() []string {
			if l := d.Lexicon("ru"); l != nil {
				return mlWordsOf(l.GroupSizes)
			}
			return nil
		}(),
		work: func() []string {
			if l := d.Lexicon("ru"); l != nil {
				return mlWordsOf(l.Work)
			}
			return nil
		}(),
		rates: func() []string {
			if l := d.Lexicon("ru"); l != nil {
				return mlWordsOf(l.Rates)
			}
			return nil
		}(),
		m:             m,
		places:        places,
		implied:       ruImplied,
		split:         ruSplit,
		figures:       func(s *mlSent) []mlFig { return ruFigures(nl, s) },
		times:         ruTimes,
		group:         ruGroup,
		event:         ruEvent,
		subjectOK:     ruSubjectOK,
		speaker:       ruSpeaker,
		quoteSpeaker:  ruQuoteSpeaker,
		pronounReport: ruPronounReport,
	}
}

// ruImplied: event words that name the group when the sentence names
// none (потери are military losses), by stem.
var ruImplied = map[string]string{"потер": "soldiers"}

// ruSubjectOK: a place stands for its government as a source right before
// a reporting verb ("Южная Корея заявила", "В Сеуле говорят") or right
// after "по данным", "по оценкам" ("По оценкам Сеула").
func ruSubjectOK(s *mlSent, h mlHit) bool {
	// A headline that opens with a name and a colon: "Сеул: КНДР ...".
	if strings.TrimSpace(s.text[:h.start]) == "" && strings.HasPrefix(strings.TrimSpace(s.text[h.end:]), ":") {
		return true
	}
	for i, x := range s.hits {
		if x.start != h.start {
			continue
		}
		if i > 0 && s.hits[i-1].cat == catSource && strings.TrimSpace(s.text[s.hits[i-1].end:h.start]) == "" {
			return false // "Госдепартамента США": the country of a body
		}
		if i+1 < len(s.hits) && s.hits[i+1].cat == catSaid && strings.TrimSpace(s.text[h.end:s.hits[i+1].start]) == "" {
			// "Хинштейн после встречи с военными в Судже заявил": the
			// place of the occasion, after the speaker, does not speak.
			for _, p := range s.hits[:i] {
				if p.cat == catSource && ruOccasion(s.text[p.end:h.end]) {
					return false
				}
			}
			return true
		}
		if i > 0 && s.hits[i-1].cat == catAccord && strings.TrimSpace(s.text[s.hits[i-1].end:h.start]) == "" {
			// "По оценкам Сеула," — the place is the whole name, not an
			// adjective of another ("по данным российской статистики").
			rest := strings.TrimLeft(s.text[h.end:], " ")
			return rest == "" || strings.ContainsAny(rest[:1], ",.;:")
		}
	}
	return false
}

// ruSpeaker is the source a sentence opens with: "По словам Ли, ...",
// "По данным ФСБ, ...", or the subject of its reporting verb ("Ли
// сообщил, что ...").
func ruSpeaker(s *mlSent) string {
	for i, h := range s.hits {
		if h.cat != catSource && h.cat != catPlace {
			continue
		}
		if h.cat == catPlace && !ruSubjectOK(s, h) {
			continue
		}
		if i > 0 && s.hits[i-1].cat == catAccord {
			// "По словам Кирилла Буданова": a first name or a title may
			// stand between.
			if gap := s.text[s.hits[i-1].end:h.start]; mlWordsBetween(gap) <= 3 && !strings.ContainsAny(gap, ",.;:«»\"()—–") {
				return h.value
			}
		}
		if i > 0 && s.hits[i-1].cat == catSaid {
			// "Как рассказал Вадим Скибицкий, ...": a reporting verb that
			// opens the sentence, and its subject.
			p := s.hits[i-1]
			open := mlLower(strings.TrimSpace(s.text[:p.start]))
			if gap := s.text[p.end:h.start]; (open == "" || open == "как") && mlWordsBetween(gap) <= 3 && !strings.ContainsAny(gap, ",.;:«»\"()—–") {
				return h.value
			}
		}
		if i+1 < len(s.hits) && s.hits[i+1].cat == catSaid {
			// "В Национальной разведке также заявили": one adverb may
			// stand between.
			if gap := s.text[h.end:s.hits[i+1].start]; mlWordsBetween(gap) <= 1 && !strings.ContainsAny(gap, ",.;:«»\"()—–") {
				return h.value
			}
		}
	}
	return ""
}

// ruPronounReport is the source hit of a sentence that opens with a
// pronoun pointing back and closes with ", сообщил X" ("Они примут
// участие в работах, сообщил секретарь Совбеза Сергей Шойгу"): X
// reports the sentence before too. -1 when there is none.
func ruPronounReport(lm *mlModule, s *mlSent) int {
	if len(s.toks) == 0 || !ruBackPronouns[s.toks[0].low] {
		return -1
	}
	for k, h := range s.hits {
		if h.cat != catSaid || !strings.HasSuffix(strings.TrimRight(s.text[:h.start], " "), ",") {
			continue
		}
		for n := k + 1; n < len(s.hits); n++ {
			x := s.hits[n]
			gap := s.text[h.end:x.start]
			if mlWordsBetween(gap) > 5 || strings.ContainsAny(gap, ".;:«»\"") {
				break
			}
			if x.cat == catSource {
				return n
			}
		}
	}
	return -1
}

// ruBackPronouns open a sentence that goes on about the one before.
var ruBackPronouns = map[string]bool{"они": true, "он": true, "она": true, "это": true, "эти": true, "их": true, "там": true}

// ruQuoteSpeaker is who closes the quotation that holds a figure: the
// figure's sentence, or one of the next three in its paragraph while a
// quotation stays open, ends in a closing quote or a comma, a dash and a
// reporting verb ("», — написал он", ", - сообщил президент Украины").
// The speaker is the source named right after the verb, or, for a
// pronoun, the latest person named before. "" when there is none.
func ruQuoteSpeaker(lm *mlModule, text string, sents []*mlSent, i, at int) string {
	s := sents[i]
	open := ruQuoteOpen(text, s.start+at)
	for j := i; j < len(sents) && j <= i+3; j++ {
		t := sents[j]
		if j > i && strings.Contains(text[sents[j-1].end:t.start], "\n") {
			break // a new paragraph
		}
		from := 0
		if j == i {
			from = at
		}
		if t.hits == nil {
			lm.readHits(t)
		}
		for k, h := range t.hits {
			if h.cat != catSaid || h.start < from {
				continue
			}
			before := strings.TrimRight(t.text[from:h.start], " ")
			dash := strings.HasSuffix(before, "—") || strings.HasSuffix(before, "–") || strings.HasSuffix(before, "-")
			if !dash {
				continue
			}
			before = strings.TrimRight(strings.TrimRight(before, "—–-"), " ")
			closed := strings.HasSuffix(before, ",") || strings.HasSuffix(before, "»") || strings.HasSuffix(before, "\"") || strings.HasSuffix(before, "”")
			if !closed || j > i && !open {
				continue
			}
			return ruSpeakerAfter(lm, sents, i, j, k)
		}
		if j > i && !open {
			break
		}
	}
	return ""
}

// ruQuoteOpen reports whether a quotation is open at byte at of text,
// counting from the start of its paragraph.
func ruQuoteOpen(text string, at int) bool {
	ps := strings.LastIndexByte(text[:at], '\n') + 1
	p := text[ps:at]
	return strings.Count(p, "«") > strings.Count(p, "»") || strings.Count(p, "\"")%2 == 1 || strings.Count(p, "“") > strings.Count(p, "”")
}

// ruSpeakerAfter is the source named within a few words after the
// reporting verb t.hits[k] of t = sents[j] ("написал президент Украины"),
// or for "он", "она" the latest person named in the sentences before
// sents[i].
func ruSpeakerAfter(lm *mlModule, sents []*mlSent, i, j, k int) string {
	t := sents[j]
	v := t.hits[k]
	for _, h := range t.hits[k+1:] {
		gap := t.text[v.end:h.start]
		if mlWordsBetween(gap) > 4 || strings.ContainsAny(gap, ".;:«»\"") {
			break
		}
		if h.cat == catSource {
			return h.value
		}
	}
	// "», — рассказал генеральный директор … Виктор Ерошенко": a person
	// the gazetteer does not know; "— сказал вице-премьер", "— отметил
	// Гусельников": a title or surname pointing back.
	if name := lm.names.after(t, v); name != "" {
		return name
	}
	titled := len(t.hits) > k+1 && t.hits[k+1].cat == catAnaphor && strings.TrimSpace(t.text[v.end:t.hits[k+1].start]) == ""
	if titled || ruSurnameAt(t, k) != "" {
		if src := mlRecall(lm, sents, j); src != "" {
			return src
		}
	}
	switch mlFirstWord(strings.TrimLeft(t.low[v.end:], " ")) {
	case "он", "она":
		for b := i; b >= 0 && b >= i-4; b-- {
			p := sents[b]
			if p.hits == nil {
				lm.readHits(p)
			}
			if who := ruLastOfficial(lm, p); who != "" {
				return who
			}
		}
	}
	return ""
}

// ruLastOfficial is the person a sentence names last: an official of the
// gazetteer or, named in full after him, one it does not know ("рассказал
// помощник директора Иван Петров. «…», — сказал он"), or "".
func ruLastOfficial(lm *mlModule, p *mlSent) string {
	person, personEnd := lm.names.last(p)
	for n := len(p.hits) - 1; n >= 0; n-- {
		if h := p.hits[n]; h.cat == catSource && lm.srcs[h.value].Kind == "official" {
			if personEnd > h.end {
				return person
			}
			return h.value
		}
	}
	return person
}

// ruAbbrevMaxLen is the byte length of the longest of ruAbbrev.
var ruAbbrevMaxLen = func() int {
	n := 0
	for w := range ruAbbrev {
		n = max(n, len(w))
	}
	return n
}()

// ruAbbrev are words written with a dot that do not end a sentence.
var ruAbbrev = map[string]bool{"г": true, "гг": true, "тыс": true, "млн": true, "млрд": true, "руб": true, "долл": true,
	"т": true, "е": true, "им": true, "ул": true, "обл": true, "р": true, "н": true, "см": true, "др": true, "пр": true,
	"т.е": true, "т.к": true, "т.д": true, "т.п": true, "в": true, "мин": true, "ген": true, "св": true, "проф": true, "акад": true, "ок": true}

// ruSplit splits Russian text into sentences: at line ends and after
// . ! ? … followed by a space and a capital, digit, quote or dash, but not
// after abbreviations (г., тыс.) or initials (А. Хинштейн).
// ruSplitStops are the first bytes of the runes ruSplit splits at:
// \n . ! ? and … (E2).
var ruSplitStops = mlByteSet("\n.!?…")

func ruSplit(text string) []mlSpan {
	var out []mlSpan
	emit := func(a, b int) { out = appendTrimmedSpan(out, text, a, b) }
	start := 0
	for i := 0; i < len(text); {
		if !ruSplitStops[text[i]] {
			// A byte of no rune that may end a sentence: decoding every
			// letter was most of the time of splitting. No byte inside a
			// rune is a stop, so the bytes are passed one by one, in a
			// loop that does nothing else.
			for i++; i < len(text) && !ruSplitStops[text[i]]; i++ {
			}
			continue
		}
		r, sz := rune(text[i]), 1
		if text[i] >= utf8.RuneSelf {
			r, sz = utf8.DecodeRuneInString(text[i:])
		}
		switch {
		case r == '\n':
			emit(start, i)
			start = i + 1
		case r == '.' || r == '!' || r == '?' || r == '…':
			next := i + sz
			// Closing quotes and brackets belong to the sentence: ».
			for next < len(text) {
				q, qs := utf8.DecodeRuneInString(text[next:])
				if !strings.ContainsRune("»\"”)’", q) {
					break
				}
				next += qs
			}
			if next < len(text) && text[next] != ' ' && text[next] != '\n' {
				break
			}
			k := next
			for k < len(text) && text[k] == ' ' {
				k++
			}
			if k < len(text) && text[k] != '\n' {
				nr, _ := utf8.DecodeRuneInString(text[k:])
				if !(unicode.IsUpper(nr) || unicode.IsDigit(nr) || strings.ContainsRune("«\"“—–-(", nr)) {
					break
				}
			}
			if r == '.' {
				w := mlLastWord(text[start:i])
				// mlLower keeps or grows a word's length: a word longer
				// than every abbreviation is none, unlowered.
				if len(w) <= ruAbbrevMaxLen && ruAbbrev[mlLower(w)] || (utf8.RuneCountInString(w) == 1 && unicode.IsUpper([]rune(w)[0])) {
					break
				}
			}
			emit(start, next)
			start = next
		}
		i += sz
	}
	emit(start, len(text))
	return out
}

func mlLastWord(s string) string {
	end := len(s)
	i := end
	for i > 0 {
		if i >= 2 && s[i-2]&0xFE == 0xD0 && s[i-1]&0xC0 == 0x80 {
			i -= 2 // U+0400 to U+047F, all letters: told without decoding
			continue
		}
		r, sz := mlDecodeLast(s, i)
		if !mlIsLetter(r) && r != '.' {
			break
		}
		i -= sz
	}
	return strings.Trim(s[i:end], ".")
}

// ruGroup: the noun right after the numeral is read by the number reader;
// otherwise the nearest group noun before the figure, else the first after.
func ruGroup(s *mlSent, f *mlFig) int {
	isG := func(h mlHit) bool {
		return (h.cat == catGroup && h.value != "" && h.value != "person") || h.cat == catForeign
	}
	best := -1
	for i, h := range s.hits {
		if h.end <= f.start && isG(h) {
			best = i
		}
	}
	if best >= 0 {
		return best
	}
	for i, h := range s.hits {
		if h.start >= f.end && isG(h) {
			return i
		}
	}
	return -1
}

// ruEventRank orders events when a clause names several: what happened
// to the people counted (killed) says more than how they got there
// (deployed).
var ruEventRank = map[string]int{
	flowwatch.EventKilled: 9, flowwatch.EventWounded: 8, flowwatch.EventCaptured: 7, flowwatch.EventWithdrawn: 6,
	flowwatch.EventPlanned: 5, flowwatch.EventEntered: 4, flowwatch.EventRecruited: 3, flowwatch.EventSent: 2, flowwatch.EventPresent: 1,
}

// ruClauseSeps separate clauses (ruClauseBounds).
var ruClauseSeps = []string{", а ", ", но ", "; ", " — ", " – ", ", при этом "}

// mlCut is a clause separator in a sentence: at and n its bytes, part
// one of ruPartClauses, also a ", а" that opens "также".
type mlCut struct {
	at, n      int
	part, also bool
}

// ruClauseCuts are every occurrence of a clause separator in t,
// overlapping ones included (" — — "), so that ruCutBounds reads any
// figure's clause without scanning t again. Each separator is found by
// its first byte that is no space (a comma, a semicolon, a dash's first
// byte), all of them in one IndexByte pass per such byte: a search of t
// for each of the eleven separators was a fiftieth of reading Russian and
// Korean, whose sentences hold few of those bytes. The cuts are in no
// particular order; ruCutBounds needs none.
func ruClauseCuts(t string) []mlCut {
	var cuts []mlCut
	for _, key := range ruSepKeys.bytes {
		for off := 0; off < len(t); {
			k := strings.IndexByte(t[off:], key)
			if k < 0 {
				break
			}
			i := off + k
			for _, sp := range ruSepKeys.at[key] {
				if at := i - sp.key; at >= 0 && strings.HasPrefix(t[at:], sp.sep) && !ruListDash(t, at, sp.sep) {
					cuts = append(cuts, mlCut{at: at, n: len(sp.sep), part: sp.part, also: ruAlsoAt(t, at, sp.sep)})
				}
			}
			off = i + 1
		}
	}
	return cuts
}

// ruListDash reports whether the separator sep at byte at of t is the
// dash of a line of a list of figures ("▪️ 9 — саперов погибли …",
// "▪️ 15 тыс.+ — рабочих …"): what follows it is the figure's own
// clause, not another.
func ruListDash(t string, at int, sep string) bool {
	if strings.TrimSpace(sep) != "—" && strings.TrimSpace(sep) != "–" {
		return false
	}
	lead := strings.TrimRight(t[:at], " +")
	lead = strings.TrimSuffix(strings.TrimSuffix(lead, "."), "тыс")
	lead = strings.TrimRight(lead, " ")
	k := strings.LastIndexFunc(lead, func(r rune) bool { return !(unicode.IsDigit(r) || r == ' ' || r == ',' || r == '~' || r == '≈') })
	if k == len(lead)-1 && k >= 0 || lead == "" {
		return false // no figure right before the dash
	}
	if k < 0 {
		return true
	}
	r, _ := utf8.DecodeRuneInString(lead[k:])
	return !unicode.IsLetter(r) && ruListLead(lead[:k])
}

// ruSep is a separator of ruClauseSeps (part false) or ruPartClauses,
// with the offset in it of its first byte that is no space.
type ruSep struct {
	sep  string
	key  int
	part bool
}

// ruSepKeys holds the separators by that byte, and the bytes.
var ruSepKeys = func() (k struct {
	bytes []byte
	at    [256][]ruSep
}) {
	add := func(sep string, part bool) {
		key := len(sep) - len(strings.TrimLeft(sep, " "))
		c := sep[key]
		if k.at[c] == nil {
			k.bytes = append(k.bytes, c)
		}
		k.at[c] = append(k.at[c], ruSep{sep, key, part})
	}
	for _, sep := range ruClauseSeps {
		add(sep, false)
	}
	for _, sep := range ruPartClauses {
		add(sep, true)
	}
	return k
}()

// ruCutBounds is the clause of the figure t[a:b], from t's cuts (n is
// len(t)): it ends at the first separator after the figure and starts
// after the last one before it. ", а также" joins two objects of one verb
// ("направить 1 тысячу саперов, а также 5 тысяч строителей"), not two
// clauses. A part of the figure before ("направила 11 тысяч военных, из
// них 4 тысячи погибли") is a clause of its own, whose event is its own;
// the clause keeps its opening words (из них points back).
func ruCutBounds(cuts []mlCut, a, b, n int) (int, int) {
	start, end := 0, n
	for _, c := range cuts {
		if c.at >= b && c.at < end && (c.part || !c.also) {
			end = c.at
		}
		if c.at+c.n > a {
			continue
		}
		if c.part {
			start = max(start, c.at+2)
			continue
		}
		// ruSepLastIndex reads t[:a]: "также" cut off by a is no "также".
		if !c.also || c.at+c.n+len("также") > a {
			start = max(start, c.at+c.n)
		}
	}
	return start, end
}

func ruAlsoAt(t string, k int, sep string) bool {
	return sep == ", а " && strings.HasPrefix(t[k+len(sep):], "также")
}

// ruPartClauses open a clause about a part of a figure named before, or
// what befell it there.
var ruPartClauses = []string{", из них ", ", из которых ", ", где ", ", причем ", ", причём "}

// ruEvent: the most telling event word from the figure to its clause
// end, else the nearest before it in the clause, else in the sentence.
// Planning words before the figure ("о планах отправить", "должны
// прибыть") make a movement planned.
// ruLevelOfNumber reports whether the figure is the level a number of
// people changed to or stood at ("число северокорейских рабочих в стране
// сократилось примерно до 11,5 тысячи человек"): those present then,
// whatever else the sentence moved (a report sent to the UN). A number
// of the dead or wounded keeps its casualty.
func ruLevelOfNumber(s *mlSent, f *mlFig, cs int) bool {
	pre := s.low[cs:f.start]
	if !mlHas(pre, "число") && !mlHas(pre, "количеств") {
		return false
	}
	tail := pre[max(0, len(pre)-levelBytes):]
	level := false
	for _, w := range ruLevelVerbs {
		level = level || strings.Contains(tail, w)
	}
	if !level {
		return false
	}
	named := false // the number names its people ("число рабочих"), not a quota's places
	for _, h := range s.hits {
		if h.start < cs || h.end > f.start {
			continue
		}
		if h.cat == catGroup && h.value != "" && h.value != "person" {
			named = true
		}
		if h.cat == catEvent {
			switch h.value {
			case flowwatch.EventKilled, flowwatch.EventWounded, flowwatch.EventCaptured:
				return false
			}
		}
	}
	return named
}

// levelBytes is how far before a figure its level verb may stand:
// "сократилось примерно до" (three Cyrillic words).
const levelBytes = 64

// replenishBytes is how far before a casualty word a word of making good
// may stand: "для восполнения потерь" (two Cyrillic words).
const replenishBytes = 40

// ruReplenishes reports whether text (lower-cased) names making good a loss
// (grammar.json ru/replenish): the casualties it names are not the
// figure's people.
func ruReplenishes(text string) bool {
	for _, w := range ruReplenish {
		if strings.Contains(text, w) {
			return true
		}
	}
	return false
}

// ruFromAbroad reports whether the noun phrase of a count says its people
// come from another country than North Korea ("4 200 трудовых мигрантов
// из Узбекистана"), naming North Korea nowhere in it: another people.
//
// A country in the genitive right after a noun of people ("выдано
// гражданам Китая", "рабочих Узбекистана") says the same anywhere in the
// figure's clause, no other figure between.
func ruFromAbroad(lm *mlModule, s *mlSent, f *mlFig) bool {
	_, ce := s.clauseBounds(f)
	end := min(f.end+ownOriginBytes, ce)
	for i, h := range s.hits {
		if h.start < f.end || h.start >= ce || h.cat != catPlace || lm.places[h.value].Kind != "country" {
			continue
		}
		k := mlTokenAt(s.toks, h.start)
		if k < 1 || s.toks[k-1].start < f.end {
			continue
		}
		from := h.start < end && s.toks[k-1].low == "из"
		if !from && !(i > 0 && ruPeopleOf(s, s.hits[i-1], s.toks[k-1]) && !mlFigureBetween(s, f.end, h.start)) {
			continue
		}
		return h.value != "North Korea" && !mlNamesNorthKorea(lm, s, f.end, min(max(end, h.end), ce))
	}
	return false
}

// ruPeopleOf reports whether hit g is a noun of people that is the token
// tok right before a country, whose genitive then says where they are
// from.
func ruPeopleOf(s *mlSent, g mlHit, tok mlTok) bool {
	return g.cat == catGroup && g.value != "" && g.value != "person" && g.start == tok.start && g.end == tok.end
}

// ruPaidAbroad reports whether a sum or share belongs to people from
// another country than North Korea, named before it in its clause ("для
// сравнения, рабочие из Узбекистана получают 110 тысяч рублей"), a clause
// that names North Korea nowhere before the figure.
func ruPaidAbroad(lm *mlModule, s *mlSent, f *mlFig) bool {
	cs, _ := s.clauseBounds(f)
	for i, h := range s.hits {
		if h.start < cs || h.end > f.start || h.cat != catPlace || lm.places[h.value].Kind != "country" || h.value == "North Korea" || i == 0 {
			continue
		}
		k := mlTokenAt(s.toks, h.start)
		if k < 1 || s.toks[k-1].low != "из" {
			continue
		}
		if g := s.hits[i-1]; g.cat == catGroup && g.value != "" && g.end <= s.toks[k-1].start && !mlNamesNorthKorea(lm, s, cs, f.start) {
			return true
		}
	}
	return false
}

// ruDashCasualty is the hit of the casualty word a dash right after a
// count gives it ("потери — 4 тысячи, из них около 600 — погибшие"), or
// -1: the dash stands for "are", as in ruDashCopula.
func ruDashCasualty(s *mlSent, f *mlFig) int {
	for i, h := range s.hits {
		if h.start < f.end {
			continue
		}
		if h.cat == catEvent && ruDashCopula(s.text[f.end:h.start]) {
			switch h.value {
			case flowwatch.EventKilled, flowwatch.EventWounded, flowwatch.EventCaptured:
				return i
			}
		}
		return -1
	}
	return -1
}

func ruEvent(s *mlSent, f *mlFig) (string, int) {
	cs, ce := s.clauseBounds(f)
	if ruLevelOfNumber(s, f, cs) {
		// "число рабочих к концу года достигнет 50 тысяч": a level still
		// to come is a plan.
		if ruModalIn(s, cs, f.start) {
			return flowwatch.EventPlanned, -1
		}
		return flowwatch.EventPresent, -1
	}
	if i := ruDashCasualty(s, f); i >= 0 {
		return s.hits[i].value, i
	}
	// An event noun right before the count names its event: "о гибели
	// 200 военных", "ранении еще 400".
	for i := len(s.hits) - 1; i >= 0; i-- {
		h := s.hits[i]
		if h.end > f.start {
			continue
		}
		if gap := s.text[h.end:f.start]; h.cat == catEvent && len(gap) <= 32 && (!strings.ContainsAny(gap, ",;:—–") || ruDashCopula(gap)) && mlFieldCount(gap) <= 3 && !ruJoins(gap) {
			switch h.value {
			case flowwatch.EventWounded:
				if ruLossOfDead(s, h) {
					return flowwatch.EventKilled, i
				}
				return h.value, i
			case flowwatch.EventKilled, flowwatch.EventCaptured:
				return h.value, i
			}
		}
		break
	}
	ev, at := ruVerbBefore(s, f, cs)
	// "из 15 тысяч военных 4 тысячи погибли": the total after из is not
	// what befell the part.
	// Its own words stand before the part's figure ("из 15 тысяч
	// направленных в Россию военных").
	// ", тысячи получили ранения", ", и 3800 из них погибли": a figure
	// after a comma opens a clause whose verb is its own.
	fromTotal := ruFromTotal(s.toks, mlTokenAt(s.toks, f.start))
	for _, g := range s.figs {
		if g.start >= f.end && g.start < ce {
			// "отправила 15 тысяч военных, потери составили 4700": the
			// next figure's clause opens at the last comma before it, so
			// its subject (потери) is its own.
			if k := strings.LastIndex(s.text[f.end:g.start], ","); k >= 0 {
				ce = f.end + k
			} else if fromTotal {
				ce = g.start
			}
			break
		}
	}
	// After the figure: what befell them (killed, withdrawn) outranks how
	// they got there; otherwise the nearest verb is the figure's
	// ("проходят подготовку ... с целью отправки" are present).
	capturedRank := ruEventRank[flowwatch.EventCaptured]
	made := -1 // the last casualty word read as a loss made good
	for i, h := range s.hits {
		if h.cat != catEvent {
			continue // only event words change ev; the ranks are looked up for them alone
		}
		if at >= 0 && ruEventRank[ev] < capturedRank && ruEventRank[h.value] < capturedRank {
			continue
		}
		if h.start >= f.end && h.end <= ce && (at < 0 || ruEventRank[h.value] > ruEventRank[ev]) && !(at >= 0 && mlFigureBetween(s, f.end, h.start)) {
			// "прибыли 12 тысяч военных, и на тот момент 3800 из них были
			// убиты": what befell a later figure is not this one's, once
			// this one has a verb of its own.
			if h.value == flowwatch.EventPlanned && ruSecondPredicate(s, f.end, h.start) {
				// "держит 2 тыс. рабочих и планирует набирать новые
				// бригады": the plan of a second predicate, not the figure's.
				continue
			}
			if ruReplenishes(s.low[max(f.end, h.start-replenishBytes):h.start]) || made >= 0 && ruCoordinated(s.low[s.hits[made].end:h.start]) {
				// "для восполнения потерь": losses they are sent to make
				// good, and so the casualty joined to one ("чтобы заменить
				// тех, кто был убит или ранен").
				made = i
				continue
			}
			ev, at = h.value, i
		}
	}
	if at < 0 {
		for i, h := range s.hits {
			if h.cat == catEvent && h.end <= f.start && h.start >= cs {
				ev, at = h.value, i
			}
		}
	}
	if at < 0 {
		for i, h := range s.hits {
			if h.cat == catEvent && h.end <= f.start {
				ev, at = h.value, i
			}
		}
		// "трудятся примерно 3 тыс., а через год их может быть до 8
		// тыс.": the verb of an earlier clause lends its event, but a
		// modal in the figure's own clause makes it a plan.
		if at >= 0 && ruModalIn(s, cs, f.start) {
			return flowwatch.EventPlanned, at
		}
	}
	if at < 0 {
		// "первая группа — около 900 строителей — прибыла в мае": the
		// verb right after the dash that closes the figure's apposition.
		ev, at = ruAppositionVerb(s, f)
	}
	if ev == flowwatch.EventWounded && at >= 0 && ruLossOfDead(s, s.hits[at]) {
		ev = flowwatch.EventKilled
	}
	if ev == flowwatch.EventPresent && at > 0 && ruFutureBefore(s, at) {
		// "специалистов, которые будут работать": work still to come.
		return flowwatch.EventPlanned, at
	}
	switch ev {
	case "", flowwatch.EventSent, flowwatch.EventEntered, flowwatch.EventRecruited:
		for k, h := range s.hits {
			// An intention verb may be an event word of its own
			// (планирует: planned) as well as a modal.
			if h.cat != catPlan && (h.cat != catEvent || h.value != flowwatch.EventPlanned) {
				continue
			}
			// "будут направлены", "планирует отправить": the modal right
			// before the event word, wherever the figure stands.
			// "могут быть вновь направлены": up to two words between.
			if at >= 0 && k+1 == at && h.end <= s.hits[at].start {
				if gap := s.text[h.end:s.hits[at].start]; mlWordsBetween(gap) <= 2 && !strings.ContainsAny(gap, ",;:.—–()«»\"") {
					return flowwatch.EventPlanned, at
				}
			}
			// "отправить решила", "направлять планирует": the modal right
			// after an infinitive, as translations from Korean set it.
			if at >= 0 && k == at+1 && ruInfinitive(s.low[s.hits[at].start:s.hits[at].end]) && strings.TrimSpace(s.text[s.hits[at].end:h.start]) == "" {
				return flowwatch.EventPlanned, at
			}
			// "…отправить решила, и первые 1 500 прибыли": a modal before
			// ", и" is the clause before's when ours has a verb after it.
			own := at >= 0 && s.hits[at].start >= f.end
			if h.end <= f.start && h.start >= cs && !(own && (mlFigureBetween(s, h.end, f.start) || ruAndClause(s.text[h.end:f.start]))) {
				// "планирует отправить 6 тысяч солдат, около 1 тысячи
				// саперов уже прибыли": a modal before another figure is
				// that figure's when ours has its own verb after it.
				return flowwatch.EventPlanned, at
			}
			// "держит 4 тыс. военных под Брянском и готовит им смену",
			// "стоят у границы и вскоре могут пойти в наступление":
			// a modal after и opens a second predicate of the subject, a
			// plan for something else; the figure's own clause stands.
			if ev == "" && h.start >= f.end && h.end <= ce && !ruSecondPredicate(s, f.end, h.start) {
				return flowwatch.EventPlanned, at
			}
		}
	}
	return ev, at
}

// ruAppositionVerb is the event word that follows the dash closing a
// figure set off by dashes ("вторая смена — около 450 рабочих —
// прибыла"), at most one word after it, and its hit; "" and -1 when the
// figure stands in no such apposition.
func ruAppositionVerb(s *mlSent, f *mlFig) (string, int) {
	pre := strings.TrimRight(s.text[:f.start], " ")
	if !strings.HasSuffix(pre, "—") && !strings.HasSuffix(pre, "–") {
		// a bound or two may stand between: "— около 450 рабочих"
		k := max(strings.LastIndex(pre, "—"), strings.LastIndex(pre, "–"))
		if k < 0 || mlWordsBetween(pre[k:]) > 2 || strings.ContainsAny(pre[k:], ",;:.") {
			return "", -1
		}
	}
	rest := s.text[f.end:]
	d := strings.Index(rest, " — ")
	if e := strings.Index(rest, " – "); e >= 0 && (d < 0 || e < d) {
		d = e
	}
	if d < 0 || mlWordsBetween(rest[:d]) > 4 || strings.ContainsAny(rest[:d], ",;:.()«»\"") {
		return "", -1
	}
	after := f.end + d + len(" — ")
	for i, h := range s.hits {
		if h.start < after {
			continue
		}
		if h.cat == catEvent && mlWordsBetween(s.text[after:h.start]) <= 1 && !strings.ContainsAny(s.text[after:h.start], ",;:.") {
			return h.value, i
		}
		break
	}
	return "", -1
}

// ruFutureBefore reports whether the event word hit at is a verb in the
// future with быть right before it ("будут работать", "будет
// находиться"): what the people will do there, a plan.
func ruFutureBefore(s *mlSent, at int) bool {
	p, h := s.hits[at-1], s.hits[at]
	if p.cat != catPlan || strings.TrimSpace(s.text[p.end:h.start]) != "" {
		return false
	}
	w := s.low[p.start:p.end]
	return w == "будут" || w == "будет"
}

// ruModalIn reports whether a word of planning (lexicon planned: может,
// должны, планируется) stands in s.text[a:b].
func ruModalIn(s *mlSent, a, b int) bool {
	for _, h := range s.hits {
		if h.start >= a && h.end <= b && (h.cat == catPlan || h.cat == catEvent && h.value == flowwatch.EventPlanned) {
			return true
		}
	}
	return false
}

// ruLossOfDead reports whether a loss word (потерял, потери) is said of
// the dead by an instrumental of the sentence (grammar loss_killed:
// погибшими, убитыми) without the wounded beside them.
func ruLossOfDead(s *mlSent, h mlHit) bool {
	if !strings.HasPrefix(s.low[h.start:h.end], "потер") || strings.Contains(s.low, "ранеными") {
		return false
	}
	for _, t := range s.toks {
		for _, w := range ruLossKilled {
			if strings.HasPrefix(t.low, w) {
				return true
			}
		}
	}
	return false
}

// ruFromTotal reports whether the figure at token ft is the total after
// из, with at most two bound words between ("из 15 тысяч", "из около 14
// тысяч", "из более чем 11 тысяч").
func ruFromTotal(toks []mlTok, ft int) bool {
	for b := ft - 1; b >= 0 && b >= ft-3; b-- {
		switch toks[b].low {
		case "из":
			return true
		case "около", "более", "чем", "примерно", "почти", "свыше", "порядка", "приблизительно":
			continue
		}
		return false
	}
	return false
}

// ruVerbGapStops part a verb from a figure after it: the figure is
// another clause's.
var ruVerbGapStops = newRuneSet(",;:—–()«»\"")

// ruVerbBefore is the event word right before the figure in its clause,
// with at most three words between ("в России находится около 10 000",
// "прибыли тысячи рабочих", "о переброске 1.500"): Russian puts the verb
// before its counted subject. It returns "", -1 when there is none.
func ruVerbBefore(s *mlSent, f *mlFig, cs int) (string, int) {
	for i := len(s.hits) - 1; i >= 0; i-- {
		h := s.hits[i]
		if h.end > f.start {
			continue
		}
		if h.cat != catEvent {
			if h.cat == catGroup || h.cat == catForeign {
				return "", -1
			}
			continue
		}
		gap := s.text[h.end:f.start]
		if h.start < cs || ruVerbGapStops.in(gap) || mlFieldCount(gap) > 3 || ruJoins(gap) {
			return "", -1
		}
		return h.value, i
	}
	return "", -1
}

// ruDayOfMonth is the day an ordinal with the ending of числа gives
// ("4-го"), or 0.
func ruDayOfMonth(t string) int {
	d, ok := strings.CutSuffix(t, "-го")
	if !ok || len(d) > 2 || !mlAllDigits(d) {
		return 0
	}
	if n := atoiSafe(d); n >= 1 && n <= 31 {
		return n
	}
	return 0
}

// ruInfinitive reports whether the word w ends as an infinitive
// (отправить, направлять, перебросить).
func ruInfinitive(w string) bool {
	return strings.HasSuffix(w, "ть") || strings.HasSuffix(w, "ти") || strings.HasSuffix(w, "ться")
}

// ruAndClause reports whether gap joins two clauses with ", и" or ", а".
func ruAndClause(gap string) bool {
	return strings.Contains(gap, ", и ") || strings.Contains(gap, ", а ")
}

// ruCoordinated reports whether gap, between two words, only joins them
// ("или", "и", a comma): the second says what the first does.
func ruCoordinated(gap string) bool {
	switch strings.Trim(gap, " ,") {
	case "", "и", "или", "либо":
		return true
	}
	return false
}

// ruJoins reports whether gap, between a verb and a figure, holds the
// conjunction of two clauses: in "около 300 убиты и около 2,7 тысячи
// ранены" the verb before и is the first conjunct's, and the second
// figure's is its own.
func ruJoins(gap string) bool {
	join := func(w string) bool { return w == "и" || w == "а" }
	w0 := -1 // start of the word being read
	for k, r := range gap {
		switch {
		case unicode.IsSpace(r):
			if w0 >= 0 && join(gap[w0:k]) {
				return true
			}
			w0 = -1
		case w0 < 0:
			w0 = k
		}
	}
	return w0 >= 0 && join(gap[w0:])
}

// ruSecondPredicate reports whether s.text[a:b], from a figure to a verb
// after it, ends in "и" or "а" with at most one word after it that names
// no people (an adverb: "скоро", "уже"): the verb opens a second predicate
// of the subject ("держит 4 тыс. военных и готовит ...", "стоят у границы и
// вскоре могут ..."). Two nouns joined by и ("рабочих и инженеров могут
// ...") leave a noun of people after и.
func ruSecondPredicate(s *mlSent, a, b int) bool {
	gap := s.text[a:b]
	ws := strings.Fields(gap)
	for k := len(ws) - 1; k >= 0 && k >= len(ws)-2; k-- {
		if w := ws[k]; w == "и" || w == "а" {
			if k == 0 {
				return false
			}
			after := a + strings.LastIndex(gap, " "+w+" ")
			return k == len(ws)-1 || !ruPeopleIn(s, after, b)
		}
	}
	return false
}

// ruPeopleIn reports whether a group or another people's word stands in
// s.text[a:b].
func ruPeopleIn(s *mlSent, a, b int) bool {
	for _, h := range s.hits {
		if h.start >= a && h.end <= b && (h.cat == catGroup || h.cat == catForeign) {
			return true
		}
	}
	return false
}

// ruYearEnding is the year of a token that writes it with a hyphenated
// ending of "год" ("2024-м", "2023-го"), or 0.
func ruYearEnding(t string) int {
	y, end, ok := strings.Cut(t, "-")
	if !ok || len(y) != 4 || !mlAllDigits(y) {
		return 0
	}
	switch end {
	case "м", "го", "й", "му":
		if n, _ := strconv.Atoi(y); n >= 1900 && n <= 2100 {
			return n
		}
	}
	return 0
}

// ruMonthStems are the months' stems; a token is a month when it is the
// stem plus at most two letters (сентября, январем), so "мартовский" and
// "масса" are not.
var ruMonthStems = []string{"январ", "феврал", "март", "апрел", "ма", "июн", "июл", "август", "сентябр", "октябр", "ноябр", "декабр"}

var ruQuarters = map[string]int{"первом": 1, "втором": 2, "третьем": 3, "четвертом": 4}

// ruMonth is the month a token names, or 0.
func ruMonth(w string) int {
	if w == "май" || w == "мая" || w == "мае" || w == "маю" || w == "маем" {
		return 5
	}
	if len(w) < 2 {
		return 0 // shorter than any stem
	}
	// Only the stems whose second byte is w's are tried, in order: every
	// token of a sentence with figures is asked, and few are months.
	for set := ruMonthBySecond[w[1]]; set != 0; set &= set - 1 {
		i := bits.TrailingZeros16(set)
		m := ruMonthStems[i]
		if m[0] == w[0] && strings.HasPrefix(w, m) && utf8.RuneCountInString(w)-utf8.RuneCountInString(m) <= 2 {
			return i + 1
		}
	}
	return 0
}

// ruMonthBySecond is, per byte, the stems (bit i: ruMonthStems[i]) whose
// second byte it is; "ма" is left out, ruMonth reads it first.
var ruMonthBySecond = func() (t [256]uint16) {
	for i, m := range ruMonthStems {
		if i != 4 {
			t[m[1]] |= 1 << i
		}
	}
	return t
}()

// ruNow are phrases meaning the publication date.
var ruNow = [][]string{{"сейчас"}, {"теперь"}, {"в", "настоящее", "время"}, {"на", "данный", "момент"}, {"на", "сегодняшний", "день"},
	{"к", "настоящему", "времени"}, {"на", "текущий", "момент"}, {"на", "сегодня"}, {"в", "данный", "момент"}, {"на", "сегодняшний", "момент"}}

// ruTimeFirst are the words that open a phrase of ruNow or a case of
// ruTimes other than digits, a month or a pair of months.
var ruTimeFirst = func() map[string]bool {
	m := map[string]bool{"вчера": true, "с": true, "со": true, "в": true, "во": true, "за": true, "прошлой": true, "прошлым": true}
	for w := range ruSeasons {
		m[w] = true
	}
	for _, ph := range ruNow {
		m[ph[0]] = true
	}
	return m
}()

// ruTimeFirstLens has bit n set when a word of ruTimeFirst is n bytes
// long: a token of another length is no such word, and needs no look-up.
var ruTimeFirstLens = func() (set uint64) {
	for w := range ruTimeFirst {
		set |= 1 << len(w) // the words are short: "сегодняшний" is 22 bytes
	}
	return set
}()

// ruTimeStart reports whether ruTimes may read a time from the token t:
// most tokens start none, and trying every phrase and case on each was
// the costliest step of reading Russian figures' times.
func ruTimeStart(t string) bool {
	return len(t) < 64 && ruTimeFirstLens&(1<<len(t)) != 0 && ruTimeFirst[t] || t != "" && t[0] >= '0' && t[0] <= '9' || strings.IndexByte(t, '-') >= 0 || ruMonth(t) > 0
}

// ruRelYear resolves "прошлого года", "этого года" against pub.
func ruRelYear(w string, pub flowwatch.Date) (int, bool) {
	if pub.IsZero() {
		return 0, false
	}
	switch w {
	case "прошлого", "прошлом", "минувшем", "прошедшем", "прошлый", "минувший":
		return pub.Year - 1, true
	case "позапрошлом":
		return pub.Year - 2, true
	}
	return pub.Year, true
}

// ruTimes finds the time expressions of a Russian sentence by scanning
// its tokens: "в 2024 году", "в прошлом году", "с сентября (прошлого
// года)", "в октябре", "с января по июнь", "5 марта 2025 года", "в
// третьем квартале", "сейчас". A regular expression did the same at a
// third of the speed.
func ruTimes(s *mlSent, pub flowwatch.Date) []mlTime {
	toks := s.toks
	if toks == nil {
		toks = mlTokenize(s.text)
	}
	w := func(i int) string {
		if i < 0 || i >= len(toks) {
			return ""
		}
		return toks[i].low
	}
	year := func(i int) int {
		t := w(i)
		if y := ruYearEnding(t); y > 0 {
			return y // "в январе — феврале 2025-го"
		}
		if len(t) != 4 || !mlAllDigits(t) {
			return 0
		}
		y, _ := strconv.Atoi(t)
		if y < 1900 || y > 2100 {
			return 0
		}
		return y
	}
	isYearWord := func(t string) bool { return strings.HasPrefix(t, "год") || t == "г" }
	var out []mlTime
	emit := func(i, j int, p *flowwatch.Period) {
		out = append(out, mlTime{start: toks[i].start, end: toks[j-1].end, period: p})
	}
	for i := 0; i < len(toks); i++ {
		t := w(i)
		if !ruTimeStart(t) {
			continue
		}
		// Phrases meaning now.
		matched := false
		for _, ph := range ruNow {
			k := 0
			for k < len(ph) && w(i+k) == ph[k] {
				k++
			}
			if k == len(ph) {
				if !pub.IsZero() {
					emit(i, i+k, &flowwatch.Period{From: pub, To: pub})
				} else {
					emit(i, i+k, nil)
				}
				i += k - 1
				matched = true
				break
			}
		}
		if matched {
			continue
		}
		switch {
		case w(i+1) == "числа" && ruDayOfMonth(t) > 0 && !pub.IsZero():
			// "4-го числа": that day of the month of publication, or of
			// the month before when it is still to come, as Korean
			// reporting dates its news ("4일").
			d := flowwatch.NewDate(pub.Year, pub.Month, ruDayOfMonth(t))
			if d.After(pub) {
				d = flowwatch.NewDate(pub.Year, pub.Month-1, ruDayOfMonth(t))
			}
			emit(i, i+2, &flowwatch.Period{From: d, To: d})
			i++
		case t == "вчера":
			var p *flowwatch.Period
			if !pub.IsZero() {
				d := pub.AddDays(-1)
				p = &flowwatch.Period{From: d, To: d}
			}
			emit(i, i+1, p)
		case (t == "в" || t == "во") && ruWeekdays[w(i+1)] > 0 && !pub.IsZero():
			// "сообщил в понедельник": the latest such day by publication.
			d := weekday(ruWeekdays[w(i+1)]%7, pub, false)
			emit(i, i+2, &flowwatch.Period{From: d, To: d})
			i++
		case ruSeasons[t] > 0 || (t == "прошлой" || t == "прошлым") && ruSeasons[w(i+1)] > 0:
			// "осенью 2024 года", "летом", "прошлой осенью".
			k, last := i, false
			if ruSeasons[t] == 0 {
				k, last = i+1, true
			}
			j := k + 1
			var p *flowwatch.Period
			switch {
			case year(j) > 0:
				p = ruSeason(ruSeasons[w(k)], year(j))
				j++
				if isYearWord(w(j)) {
					j++
				}
			case !pub.IsZero():
				p = ruLatestSeason(ruSeasons[w(k)], pub, last)
			}
			emit(i, j, p)
			i = j - 1
		case (t == "к" && w(i+1) == "концу" || t == "на" && w(i+1) == "конец") && year(i+2) > 0:
			// "к концу 2024 года": its last month, as the train reads "by
			// the end of 2018".
			j := i + 3
			if isYearWord(w(j)) {
				j++
			}
			emit(i, j, mlMonths(year(i+2), 12, year(i+2), 12))
			i = j - 1
		case t == "за" && ruFirstMonths(w(i+1), w(i+2), w(i+3)) > 0:
			// "за девять месяцев 2025 года", "за первые пять месяцев
			// прошлого года": that year from January, as statistics count.
			k := i + 1
			if w(k) == "первые" {
				k++
			}
			n := ruFirstMonths(w(i+1), w(i+2), w(i+3))
			y, j := ruYearAfter(w, year, isYearWord, k+2, pub)
			if j == k+2 {
				continue // no year named: the months before publication
			}
			var p *flowwatch.Period
			if y > 0 {
				p = mlMonths(y, 1, y, n)
			}
			emit(i, j, p)
			i = j - 1
		case (t == "в" || t == "с") && w(i+1) == "начале" && year(i+2) > 0:
			// "в начале 2025 года" is January to March, as "early 2025".
			j := i + 3
			if isYearWord(w(j)) {
				j++
			}
			emit(i, j, mlMonths(year(i+2), 1, year(i+2), 3))
			i = j - 1
		case t == "с" && w(i+1) == "начала" && (w(i+2) == "года" || ruRelWord(w(i+2)) && w(i+3) == "года"):
			// с начала (этого) года: from 1 January to publication
			j := i + 3
			if w(i+2) != "года" {
				j++
			}
			var p *flowwatch.Period
			if !pub.IsZero() {
				y := pub.Year
				if w(i+2) == "прошлого" {
					y--
				}
				p = &flowwatch.Period{From: flowwatch.NewDate(y, 1, 1), To: pub}
			}
			emit(i, j, p)
			i = j - 1
		case (t == "в" || t == "во" || t == "за") && ruHalves[w(i+1)] > 0 && strings.HasPrefix(w(i+2), "полугоди"):
			// "в первом полугодии 2025 года": January to June.
			y, j := ruYearAfter(w, year, isYearWord, i+3, pub)
			var p *flowwatch.Period
			if y > 0 {
				h := ruHalves[w(i+1)]
				p = mlMonths(y, 6*h-5, y, 6*h)
			}
			emit(i, j, p)
			i = j - 1
		case (t == "с" || t == "со") && ruSeasonsFrom[w(i+1)] > 0 && !pub.IsZero():
			// "с осени 2024 года": from the season's start to publication.
			y, j := ruYearAfter(w, year, isYearWord, i+2, pub)
			m := ruSeasonsFrom[w(i+1)]
			if j == i+2 {
				y = ruLatestSeason(m, pub, false).From.Year
			}
			var p *flowwatch.Period
			if sp := ruSeason(m, y); sp != nil && !sp.From.After(pub) {
				p = &flowwatch.Period{From: sp.From, To: pub}
			}
			emit(i, j, p)
			i = j - 1
		case (t == "в" || t == "во") && ruMonthParts[w(i+1)] != [2]int{} && ruMonth(w(i+2)) > 0:
			// "в конце декабря": its last third, as "late December".
			mo := ruMonth(w(i + 2))
			j := i + 3
			y := 0
			switch {
			case year(j) > 0:
				y = year(j)
				j++
				if isYearWord(w(j)) {
					j++
				}
			case !pub.IsZero():
				y = mlLatestYear(mo, pub)
			}
			var p *flowwatch.Period
			if m := mlMonths(y, mo, y, mo); y > 0 && m != nil {
				d := ruMonthParts[w(i+1)]
				p = &flowwatch.Period{From: flowwatch.NewDate(y, time.Month(mo), d[0]), To: m.To}
				if d[1] > 0 {
					p.To = flowwatch.NewDate(y, time.Month(mo), d[1])
				}
			}
			emit(i, j, p)
			i = j - 1
		case t == "в" && w(i+2) == "месяце" && ruRelWord(w(i+1)):
			// в прошлом месяце, в этом месяце
			var p *flowwatch.Period
			if !pub.IsZero() {
				k := 0
				if w(i+1) == "прошлом" || w(i+1) == "минувшем" || w(i+1) == "прошедшем" {
					k = -1
				}
				p = mlMonthOf(pub, k)
			}
			emit(i, i+3, p)
			i += 2
		case t == "в" && (w(i+2) == "году") && ruRelWord(w(i+1)):
			// в прошлом году
			var p *flowwatch.Period
			if y, ok := ruRelYear(w(i+1), pub); ok {
				p = mlYear(y)
			}
			emit(i, i+3, p)
			i += 2
		case t == "за" && (w(i+1) == "прошлый" || w(i+1) == "минувший") && w(i+2) == "год":
			var p *flowwatch.Period
			if y, ok := ruRelYear(w(i+1), pub); ok {
				p = mlYear(y)
			}
			emit(i, i+3, p)
			i += 2
		case (t == "в" || t == "во") && ruQuarters[w(i+1)] > 0 && w(i+2) == "квартале":
			q := ruQuarters[w(i+1)]
			var p *flowwatch.Period
			j := i + 3
			switch {
			case year(j) > 0 && isYearWord(w(j+1)):
				p = mlQuarter(year(j), q)
				j += 2
			case ruRelWord(w(j)) && w(j+1) == "года":
				if y, ok := ruRelYear(w(j), pub); ok {
					p = mlQuarter(y, q)
				}
				j += 2
			case !pub.IsZero():
				p = mlQuarter(pub.Year, q)
			}
			emit(i, j, p)
			i = j - 1
		case (t == "с" || t == "со") && ruMonth(w(i+1)) > 0:
			mo := ruMonth(w(i + 1))
			j := i + 2
			if w(j) == "по" && ruMonth(w(j+1)) > 0 {
				// с января по июнь
				mo2 := ruMonth(w(j + 1))
				j += 2
				var p *flowwatch.Period
				switch {
				case year(j) > 0:
					p = mlMonths(year(j), mo, year(j), mo2)
					j++
					if isYearWord(w(j)) {
						j++
					}
				case !pub.IsZero():
					p = mlMonths(pub.Year, mo, pub.Year, mo2)
				}
				emit(i, j, p)
				i = j - 1
				continue
			}
			y, ok := 0, false
			switch {
			case year(j) > 0:
				y, ok = year(j), true
				j++
				if isYearWord(w(j)) {
					j++
				}
			case ruRelWord(w(j)) && w(j+1) == "года":
				y, ok = ruRelYear(w(j), pub)
				j += 2
			case !pub.IsZero():
				y, ok = mlLatestYear(mo, pub), true
			}
			var p *flowwatch.Period
			if ok && !pub.IsZero() {
				if m := mlMonths(y, mo, y, mo); m != nil {
					p = &flowwatch.Period{From: m.From, To: pub}
				}
			}
			emit(i, j, p)
			i = j - 1
		case (t == "с" || t == "со") && year(i+1) > 0 && isYearWord(w(i+2)):
			var p *flowwatch.Period
			if !pub.IsZero() {
				p = &flowwatch.Period{From: flowwatch.NewDate(year(i+1), 1, 1), To: pub}
			}
			emit(i, i+3, p)
			i += 2
		case len(t) <= 2 && mlAllDigits(t) && ruMonth(w(i+1)) > 0 && year(i+2) > 0:
			// 5 марта 2025 года
			d := flowwatch.NewDate(year(i+2), time.Month(ruMonth(w(i+1))), atoiSafe(t))
			j := i + 3
			if isYearWord(w(j)) {
				j++
			}
			emit(i, j, &flowwatch.Period{From: d, To: d})
			i = j - 1
		case len(t) <= 2 && mlAllDigits(t) && ruMonth(w(i+1)) > 0:
			// на 1 января: the latest such day not after publication
			var p *flowwatch.Period
			if !pub.IsZero() {
				mo, d := ruMonth(w(i+1)), atoiSafe(t)
				y := pub.Year
				if day := flowwatch.NewDate(y, time.Month(mo), d); day.After(pub) {
					y--
				}
				if d >= 1 && d <= 31 {
					day := flowwatch.NewDate(y, time.Month(mo), d)
					p = &flowwatch.Period{From: day, To: day}
				}
			}
			emit(i, i+2, p)
			i++
		case strings.Contains(t, "-") && ruMonthPair(t) != [2]int{} || ruMonthDash(s.text, toks, i) || ruMonthAnd(w(i), w(i+1), w(i+2)):
			// в январе-феврале, за июль–сентябрь, в январе и феврале
			mm := ruMonthPair(t)
			j := i + 1
			switch {
			case ruMonthAnd(w(i), w(i+1), w(i+2)):
				mm, j = [2]int{ruMonth(t), ruMonth(w(i + 2))}, i+3
			case mm == [2]int{}:
				mm, j = [2]int{ruMonth(t), ruMonth(w(i + 1))}, i+2
			}
			var p *flowwatch.Period
			switch {
			case year(j) > 0:
				p = mlMonths(year(j), mm[0], year(j), mm[1])
				j++
				if isYearWord(w(j)) {
					j++
				}
			case !pub.IsZero():
				y := mlLatestYear(mm[1], pub)
				p = mlMonths(y, mm[0], y, mm[1])
			}
			start := i
			if w(i-1) == "в" || w(i-1) == "во" {
				start = i - 1
			}
			emit(start, j, p)
			i = j - 1
		case ruMonth(t) > 0 && (w(i-1) == "в" || w(i-1) == "во" || year(i+1) > 0):
			mo := ruMonth(t)
			j := i + 1
			var p *flowwatch.Period
			switch {
			case year(j) > 0:
				p = mlMonths(year(j), mo, year(j), mo)
				j++
				if isYearWord(w(j)) {
					j++
				}
			case ruRelWord(w(j)) && w(j+1) == "года":
				if y, ok := ruRelYear(w(j), pub); ok {
					p = mlMonths(y, mo, y, mo)
				}
				j += 2
			case !pub.IsZero():
				y := mlLatestYear(mo, pub)
				p = mlMonths(y, mo, y, mo)
			}
			start := i
			if w(i-1) == "в" || w(i-1) == "во" {
				start = i - 1
			}
			emit(start, j, p)
			i = j - 1
		case year(i) > 0 && isYearWord(w(i+1)):
			emit(i, i+2, mlYear(year(i)))
			i++
		case ruYearEnding(t) > 0:
			// "в 2024-м", "с 2023-го": the year with the ending of год.
			emit(i, i+1, mlYear(ruYearEnding(t)))
		}
	}
	return out
}

// ruWeekdays are the days of the week after "в", Monday 1 to Sunday 7.
var ruWeekdays = map[string]int{"понедельник": 1, "вторник": 2, "среду": 3, "четверг": 4, "пятницу": 5, "субботу": 6, "воскресенье": 7}

// ruSeasons are the seasons as adverbs, by the month each begins
// (meteorological seasons, as the train READMEs read "last fall").
var ruSeasons = map[string]int{"весной": 3, "летом": 6, "осенью": 9, "зимой": 12}

// ruSeasonsFrom are the seasons after "с" (since): "с осени 2024 года".
var ruSeasonsFrom = map[string]int{"весны": 3, "лета": 6, "осени": 9, "зимы": 12}

// ruHalves number the halves of a year: "в первом полугодии".
var ruHalves = map[string]int{"первом": 1, "первое": 1, "втором": 2, "второе": 2}

// ruMonthParts are the days a part of a month runs (0: to its end), as
// English reads "early", "mid" and "late" October.
var ruMonthParts = map[string][2]int{"начале": {1, 10}, "середине": {15, 15}, "конце": {21, 0}}

// ruYearAfter is the year token k gives ("2025 (года)", "прошлого
// года"), else the publication's, and the token after what it read; 0
// when neither is known.
func ruYearAfter(w func(int) string, year func(int) int, isYearWord func(string) bool, k int, pub flowwatch.Date) (int, int) {
	switch {
	case year(k) > 0:
		y, j := year(k), k+1
		if isYearWord(w(j)) {
			j++
		}
		return y, j
	case ruRelWord(w(k)) && w(k+1) == "года":
		if y, ok := ruRelYear(w(k), pub); ok {
			return y, k + 2
		}
		return 0, k + 2
	case !pub.IsZero():
		return pub.Year, k
	}
	return 0, k
}

// ruSeason is the season beginning in month m of a year: winter of 2025
// is December 2024 to February 2025.
func ruSeason(m, y int) *flowwatch.Period {
	if m == 12 {
		return mlMonths(y-1, 12, y, 2)
	}
	return mlMonths(y, m, y, m+2)
}

// ruLatestSeason is the latest season beginning in month m that has
// begun by pub, or, with ended, that has ended by it ("прошлой осенью").
func ruLatestSeason(m int, pub flowwatch.Date, ended bool) *flowwatch.Period {
	for y := pub.Year + 1; y >= pub.Year-2; y-- {
		p := ruSeason(m, y)
		if !p.From.After(pub) && (!ended || p.To.Before(pub)) {
			return p
		}
	}
	return nil
}

// ruMonthDash reports whether token i and the next are two months a
// dash joins ("июль–сентябрь", "июле — сентябре").
func ruMonthDash(t string, toks []mlTok, i int) bool {
	if i+1 >= len(toks) || ruMonth(toks[i].low) == 0 || ruMonth(toks[i+1].low) == 0 {
		return false
	}
	switch strings.TrimSpace(t[toks[i].end:toks[i+1].start]) {
	case "–", "—", "-":
		return true
	}
	return false
}

// ruMonthAnd reports whether a, b, c are a month, "и" and a later month
// ("в январе и феврале"): one period over both, as a dash joins them.
func ruMonthAnd(a, b, c string) bool {
	m := ruMonth(a)
	return b == "и" && m > 0 && ruMonth(c) > m
}

// ruFirstMonths is the number of months "за" opens when a, b, c are a
// count of months and the word for them ("девять месяцев", "первые пять
// месяцев"), two to eleven, or 0.
func ruFirstMonths(a, b, c string) int {
	if a == "первые" {
		a, b = b, c
	}
	if !strings.HasPrefix(b, "месяц") {
		return 0
	}
	n, ok := ruWords[a]
	if !ok {
		n = float64(atoiSafe(a))
	}
	if n < 2 || n > 11 || n != float64(int(n)) {
		return 0
	}
	return int(n)
}

// ruMonthPair reads a hyphenated pair of months (январе-феврале), or
// returns zeros.
func ruMonthPair(t string) [2]int {
	a, b, ok := strings.Cut(t, "-")
	if !ok {
		return [2]int{}
	}
	m1, m2 := ruMonth(a), ruMonth(b)
	if m1 == 0 || m2 == 0 {
		return [2]int{}
	}
	return [2]int{m1, m2}
}

func ruRelWord(w string) bool {
	switch w {
	case "прошлом", "минувшем", "прошедшем", "позапрошлом", "этом", "текущем", "нынешнем", "прошлого", "этого", "текущего", "прошлый", "минувший":
		return true
	}
	return false
}

func atoiSafe(s string) int { n, _ := strconv.Atoi(s); return n }
