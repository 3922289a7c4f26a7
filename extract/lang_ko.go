package extract

// The Korean module: sentence ends, time expressions and the choice of
// group and event for a figure. Korean is verb-final: the verb that says
// what happened to the people counted usually follows the count
// ("1000여명만 남기고 돌려보냈다"), the group noun comes before it
// ("노동자는 4000여명") or right after it with 의 ("5000명의 건설 노동자").

import (
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/flowwatch/flowwatch"
	"github.com/flowwatch/flowwatch/domain"
)

func newKOModule(d *domain.Domain) *mlModule {
	m, places := mlNewMatcher(true, d, "ko")
	nl := mlNumsOf(d.Lexicon("ko"))
	return &mlModule{
		nums:    nl,
		outlets: mlOutlets(d),
		srcs:    mlSources(d),
		code:    "ko",
		origin:  mlOriginOf(d.Lexicon("ko")),
		work: func() []string {
			if l := d.Lexicon("ko"); l != nil {
				return mlWordsOf(l.Work)
			}
			return nil
		}(),
		rates: func() []string {
			if l := d.Lexicon("ko"); l != nil {
				return mlWordsOf(l.Rates)
			}
			return nil
		}(),
		m:         m,
		places:    places,
		implied:   koImplied,
		split:     koSplit,
		figures:   func(s *mlSent) []mlFig { return koFigures(nl, s) },
		times:     koTimes,
		group:     koGroup,
		event:     koEvent,
		subjectOK: koSubjectOK,
		speaker:   koTopicSpeaker,
		fuller:    koFullerNames(d),
	}
}

// koTopicSpeaker is the source a sentence is spoken by when it is the
// topic or subject of a reporting verb of the sentence ("국방연구원은 …
// 분석했다"), or "": the sentence after, with no source of its own, goes
// on with the same report ("… 투입됐다는 것이다").
func koTopicSpeaker(s *mlSent) string {
	for i, h := range s.hits {
		if h.cat != catSource {
			continue
		}
		r, _ := utf8.DecodeRuneInString(s.text[h.end:])
		if r != '은' && r != '는' && r != '이' && r != '가' {
			continue
		}
		for _, v := range s.hits[i+1:] {
			if v.cat == catSaid {
				return h.value
			}
		}
	}
	return ""
}

// koSplit splits Korean text into sentences: at line ends, and after
// . ? ! that close a Hangul word or a quotation (…했다. …까? …”.),
// never inside numbers (2025.9.9).
func koSplit(text string) []mlSpan {
	var out []mlSpan
	emit := func(a, b int) { out = appendTrimmedSpan(out, text, a, b) }
	start := 0
	for i := 0; i < len(text); {
		if !koSplitStops[text[i]] {
			// A byte of no rune that may end a sentence: only the runes
			// below do, and decoding every rune was half the time of
			// splitting. No byte inside a rune is a stop, so the bytes are
			// passed one by one, in a loop that does nothing else.
			for i++; i < len(text) && !koSplitStops[text[i]]; i++ {
			}
			continue
		}
		if text[i] == 0xEB && !strings.HasPrefix(text[i:], "니") {
			i++ // 니 is the only rune that may end a sentence of the many Hangul syllables whose first byte is EB
			continue
		}
		r, sz := rune(text[i]), 1
		if text[i] >= utf8.RuneSelf {
			r, sz = mlDecode(text, i)
		}
		switch {
		case r == '\n':
			emit(start, i)
			start = i + 1
		case r == '.' || r == '?' || r == '!' || r == '。':
			if i > start {
				p := mlPrevRune(text, i)
				next := i + sz
				if (mlIsHangul(p) || strings.ContainsRune("”’\"')]%", p)) && (next >= len(text) || text[next] == ' ' || text[next] == '\n' || text[next] == '\t') {
					emit(start, next)
					start = next
				} else if r == '.' && mlIsHangul(p) && next < len(text) {
					// Pages that drop the space after the full stop:
					// "처음이다.국정원은", "분석했습니다.바딤".
					if n, _ := utf8.DecodeRuneInString(text[next:]); mlIsHangul(n) {
						emit(start, next)
						start = next
					}
				}
			}
		case r == '니' && strings.HasPrefix(text[i+sz:], "다 ") && !koQuoted(text[start:i]):
			// Transcripts that drop every full stop: "…발했습니다 마리야
			// 자하로바 대변인은 …". The formal ending closes its sentence.
			next := i + sz + len("다")
			emit(start, next)
			start = next
		}
		i += sz
	}
	emit(start, len(text))
	return out
}

// koSplitStops are the first bytes of the runes koSplit splits at.
var koSplitStops = mlByteSet("\n.?!。니")

// mlByteSet marks the first bytes of the runes of s: a rune's encoding
// never starts inside another's, so a scanner may skip every other byte.
func mlByteSet(s string) *[256]bool {
	var set [256]bool
	for _, r := range s {
		set[string(r)[0]] = true
	}
	return &set
}

func mlIsSpace(c byte) bool { return c == ' ' || c == '\t' || c == '\n' || c == '\r' }

// koGroup picks the group of a figure: the noun after "명의", else the
// nearest group noun before the figure, else the first after it.
func koGroup(s *mlSent, f *mlFig) int {
	isG := func(h mlHit) bool { return (h.cat == catGroup && h.value != "") || h.cat == catForeign }
	t := s.text
	if strings.HasPrefix(t[f.end:], "의") {
		limit := f.end + 40
		for i, h := range s.hits {
			if h.start >= f.end && h.start < limit && isG(h) && !mlFigureBetween(s, f.end, h.start) {
				return i
			}
		}
	}
	best := -1
	for i, h := range s.hits {
		if h.end <= f.start && isG(h) && !koAgainst(s, h) && !koToppedAcross(s, h, f) {
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

// koToppedAcross reports whether a headline's break (…) lies between the
// group noun h and figure f, and the count before the break is the topic
// of its part (공병 800명은 … 지뢰 제거…후방엔 7천여명 배치): a count set
// up as a topic is set against what the other part counts, which is
// another set of people, not more of its group.
func koToppedAcross(s *mlSent, h mlHit, f *mlFig) bool {
	brk := strings.LastIndex(s.text[h.end:f.start], "…")
	if brk < 0 {
		return false
	}
	brk += h.end
	for _, g := range s.figs {
		if g.start >= h.end && g.end <= brk && koTopicAfter(s.text[g.end:]) {
			return true
		}
	}
	return false
}

// koTopicAfter reports whether a count is marked as a topic: 은 or 는
// right after it, before a space or the end (1천명은, 800명은).
func koTopicAfter(rest string) bool {
	for _, m := range []string{"은", "는"} {
		if r, ok := strings.CutPrefix(rest, m); ok && (r == "" || r[0] == ' ') {
			return true
		}
	}
	return false
}

// koAgainst reports whether another people's noun is the partner of a
// fight or meeting (우크라이나군과의 전투에서, 러시아군과 함께) or the
// agent or place of what befell them (우크라이나군에 붙잡힌), not whom a
// figure after it counts.
func koAgainst(s *mlSent, h mlHit) bool {
	if h.cat != catForeign {
		return false
	}
	rest := s.text[h.end:]
	// "우크라이나군에 붙잡힌 포로", "러시아군에 편입된": the army a
	// particle of place or agent names acts on them, it is not theirs.
	return strings.HasPrefix(rest, "과") || strings.HasPrefix(rest, "와") || strings.HasPrefix(rest, "에")
}

// mlFigureBetween reports whether another figure starts in [a, b).
func mlFigureBetween(s *mlSent, a, b int) bool {
	for _, f := range s.figs {
		if f.start >= a && f.start < b {
			return true
		}
	}
	return false
}

// koEvent: the first event word after the figure, else the nearest before
// it; a word of planning anywhere after the figure (파견하라고 지시,
// 보낼 예정) makes a movement planned.
func koEvent(s *mlSent, f *mlFig) (string, int) {
	if koConditional(s, f) {
		// "2만 명으로 늘어나면 …": the premise of a hypothesis.
		return flowwatch.EventPlanned, -1
	}
	// A noun of what befell them right before the count names the event
	// whatever verb follows: 북한군 포로 2명이 이송됐다, 사상자가 3천여 명.
	for i := len(s.hits) - 1; i >= 0; i-- {
		h := s.hits[i]
		if h.end > f.start {
			continue
		}
		if h.cat == catEvent && koNounBefore(s.text[h.end:f.start]) {
			switch h.value {
			case flowwatch.EventKilled, flowwatch.EventWounded, flowwatch.EventCaptured:
				return h.value, i
			}
		}
		break
	}
	// A past relative clause right before the count says what happened
	// to the people counted: 쿠르스크에 배치된 1만1천여 명, 파견된 약
	// 1만 명의 병력, 이동 중인 북한군 8000명.
	if ev, at := koModifierEvent(s, f); at >= 0 {
		return ev, at
	}
	ev, at := "", -1
	// "1만5천여 명 가운데 4천여 명이 사상했다": the total before 가운데 or
	// 중 is not what befell the part; its own verb stands before it.
	rest := strings.TrimLeft(strings.TrimPrefix(strings.TrimLeft(s.text[f.end:], " "), "의"), " ")
	among := strings.HasPrefix(rest, "가운데") || strings.HasPrefix(rest, "중 ") || strings.HasPrefix(rest, "중에") || strings.HasPrefix(rest, "중,")
	planAfter := false
	// "규모를 1만1천에서 1만2천 명으로 봤는데, 이 가운데 전사자는": what
	// follows a pointer to a part is the part's.
	part := len(s.text)
	// Each list is searched as a set: one search per first letter, not
	// per word, for every figure.
	if k := mlBackPointerSet.index(s.text[f.end:]); k >= 0 {
		part = f.end + k
	}
	// "…1만5천명을 넘는다"며 "상당수가 … 입국했다": a quotation closed by
	// 며 ends the figure's clause; the next quotation's verb is its own.
	if k := koQuoteJoinSet.index(s.text[f.end:]); k >= 0 && f.end+k < part {
		part = f.end + k
	}
	for i, h := range s.hits {
		if among || h.start >= part {
			break
		}
		if h.start >= f.end && h.cat == catPlan && koPlanVerb(s, h) {
			// "노동자 100여 명을 돈바스로 파견할 것": a verb of planning
			// is the figure's event word.
			planAfter = true
			break
		}
		if h.start >= f.end && h.cat == catEvent {
			if koPurpose(s, h) {
				// "건설 현장에서 일하기 위해 러시아로 향하고": what they
				// go for is not what happened.
				continue
			}
			if koOthersEvent(s, f, h) {
				// "북한군 8000명은 러시아의 일주일 사상자밖에": another
				// army's losses the figure is weighed against.
				continue
			}
			ev, at = h.value, i
			break
		}
	}
	if planAfter {
		return flowwatch.EventPlanned, -1
	}
	if ev == flowwatch.EventSent && at >= 0 && s.hits[at].start >= f.end && koStateAfter(s.text, s.hits[at]) {
		ev = flowwatch.EventPresent
	}
	if at < 0 {
		for i, h := range s.hits {
			if h.end <= f.start && h.cat == catEvent {
				ev, at = h.value, i
			}
		}
	}
	if ev == "" && among && koCasualtyWhole(s, f) {
		return flowwatch.EventSent, -1
	}
	switch ev {
	case "", flowwatch.EventSent, flowwatch.EventRecruited:
		for k, h := range s.hits {
			if h.cat == catPlan && h.start >= f.end && !koOtherEventBefore(s, f, at, k) {
				return flowwatch.EventPlanned, at
			}
		}
		// "파견 예정 인력: 5,000명", "파병 계획 병력": a plan noun right
		// after the movement noun plans it, before the figure or after.
		if at >= 0 && at+1 < len(s.hits) && s.hits[at+1].cat == catPlan &&
			strings.TrimSpace(s.text[s.hits[at].end:s.hits[at+1].start]) == "" {
			return flowwatch.EventPlanned, at
		}
	}
	return ev, at
}

// koCasualtyWhole reports whether a whole before 중 or 가운데 that no
// verb describes is a named group's contingent (북한군 1만1천명 중 4천명
// 사상, 북한 노동자 2천 명 가운데 30명 사망): the group noun stands right
// before the count and the part after it is killed, wounded or captured.
// Casualties are counted out of those sent, so the whole is the number
// sent, not a bare presence.
func koCasualtyWhole(s *mlSent, f *mlFig) bool {
	named := false
	for _, h := range s.hits {
		if h.end <= f.start && h.cat == catGroup && h.value != "" && strings.TrimSpace(s.text[h.end:f.start]) == "" {
			named = true
		}
		if named && h.start >= f.end && h.cat == catEvent {
			switch h.value {
			case flowwatch.EventKilled, flowwatch.EventWounded, flowwatch.EventCaptured:
				return true
			}
			return false
		}
	}
	return false
}

// koConditional reports whether one of the three words after a figure,
// before any comma, full stop or quotation mark, is a verb of condition
// (grammar conditional_endings) that moves or changes the count: an
// event or planning word (파병하면, 보내면), a level verb (늘어나면,
// 확대되면) or 되다 (1만 명이 되면). Conditionals of discourse ("1천 명과
// 비교하면", "자료를 보면") read a figure, they posit none.
func koConditional(s *mlSent, f *mlFig) bool {
	end := len(s.text)
	if k := koClauseStops.index(s.text[f.end:]); k >= 0 {
		end = f.end + k
	}
	for i, n := f.end, 0; n < 3; n++ {
		w, next, ok := mlNextField(s.text[:end], i)
		if !ok {
			return false
		}
		if koConditionalWord(w) && koChangeWord(s, w, next-len(w), next) {
			return true
		}
		i = next
	}
	return false
}

// koClauseStops end the words koConditional reads after a figure.
var koClauseStops = newRuneSet(",.·…\"“”'‘’")

func koConditionalWord(w string) bool {
	for _, e := range koConditionals {
		if strings.HasSuffix(w, e) {
			return true
		}
	}
	return false
}

// koChangeWord reports whether the word w at [a, b) moves or changes a
// count: it holds an event or planning hit, begins with a level verb, or
// is a form of 되다.
func koChangeWord(s *mlSent, w string, a, b int) bool {
	if strings.HasPrefix(w, "되") || strings.HasPrefix(w, "된") {
		return true
	}
	for _, v := range koLevelVerbs {
		if strings.HasPrefix(w, v) {
			return true
		}
	}
	for _, h := range s.hits {
		if (h.cat == catEvent || h.cat == catPlan) && h.start >= a && h.start < b {
			return true
		}
	}
	return false
}

// koConnective are the endings by which a passive movement verb joins
// what follows (배치돼, 파견되어서).
var koConnective = []string{"돼", "되어", "돼서", "되어서"}

// koStateAfter reports whether a movement verb in a connective form goes
// on, within four words and before any comma or full stop, to a standing
// state (배치돼 있다, 배치돼 경비를 서고 있다, 파견되어 작업 중이다): the
// clause says where they are, not that they were sent.
func koStateAfter(t string, h mlHit) bool {
	we := h.end
	for we < len(t) && t[we] != ' ' {
		we++
	}
	word := t[h.start:we]
	conn := false
	for _, e := range koConnective {
		conn = conn || strings.HasSuffix(word, e)
	}
	if !conn {
		return false
	}
	rest := t[we:]
	if k := strings.IndexAny(rest, ",.·…"); k >= 0 {
		rest = rest[:k]
	}
	for n := 0; n < 4; n++ {
		w, e, ok := mlNextField(rest, 0)
		if !ok {
			return false
		}
		if strings.HasPrefix(w, "있") || strings.HasPrefix(w, "중이") || strings.HasPrefix(w, "중인") {
			return true
		}
		rest = rest[e:]
	}
	return false
}

// koOtherEventBefore reports whether an event word other than the
// figure's (hit at) stands after the figure and before the planning word
// (hit k): the plan is that event's ("현지에 도착해 투입을 준비 중",
// "러시아로 향하고 … 투입될 수"), not the figure's.
func koOtherEventBefore(s *mlSent, f *mlFig, at, k int) bool {
	if at < 0 || s.hits[at].start < f.end {
		return false
	}
	for n := at + 1; n < k; n++ {
		if s.hits[n].cat == catEvent {
			return true
		}
	}
	return false
}

// koQuoteJoins close one quotation and join the next to it.
var koQuoteJoins = []string{"\"며", "”며", "\"면서", "”면서", "\"라며", "”라며"}

var koQuoteJoinSet = newWordSet(koQuoteJoins)

// koPurpose reports whether an event word is a purpose (일하기 위해,
// 일하러): the verb stem takes 기 위해, 기 위한 or 러.
func koPurpose(s *mlSent, h mlHit) bool {
	rest := s.text[h.end:]
	for _, p := range []string{"기 위해", "기 위한", "기위해", "러 "} {
		if strings.HasPrefix(rest, p) {
			return true
		}
	}
	return false
}

// koPlanVerb reports whether a planning hit is an event verb in a future
// form (파견할, 파병할, 보낼), not a planning noun (계획, 예정) that may
// follow another event verb.
func koPlanVerb(s *mlSent, h mlHit) bool {
	w := s.text[h.start:h.end]
	for k := range koImplied {
		if strings.HasPrefix(w, k) {
			return true
		}
	}
	return strings.HasPrefix(w, "보낼") || strings.HasPrefix(w, "파견할")
}

// koOthersEvent reports whether a casualty word after a figure belongs
// to another people: another army (러시아군 사상자) or a country's possessive
// (러시아의 사상자, 러 일주일 사상자) stands between the figure and it.
func koOthersEvent(s *mlSent, f *mlFig, e mlHit) bool {
	if e.value != flowwatch.EventKilled && e.value != flowwatch.EventWounded {
		return false // "러시아의 우크라이나 침공을 돕기 위해 파병된"
	}
	for _, h := range s.hits {
		if h.start < f.end || h.start >= e.start {
			continue
		}
		if h.cat == catForeign {
			return true
		}
		if h.cat == catPlace && h.value != "North Korea" {
			rest := s.text[h.end:e.start]
			if strings.HasPrefix(rest, "의 ") || strings.HasPrefix(rest, " 일주일") || strings.HasPrefix(rest, "의 일주일") {
				return true
			}
		}
	}
	return false
}

// koNounBefore reports whether the text between an event word and a
// figure makes the word a noun naming the figure's event: the rest of the
// word is empty, 자 (사망자) or a subject, topic or object particle, and at
// most a bound word (약, 최소) follows — 사망자가 300여 명, 부상 1000명,
// 포로 2명, 사상자를 4000여 명으로 집계; but not a verb's connective ending
// (숨졌고 2700명이 다쳤다).
func koNounBefore(gap string) bool {
	word, rest, _ := strings.Cut(gap, " ")
	word = strings.TrimPrefix(word, "자")
	switch word {
	case "", "가", "는", "은", "이", "도", "를", "을":
	default:
		return false
	}
	switch strings.TrimSpace(rest) {
	case "", "약", "최소", "최대", "총", "모두":
		return true
	}
	return false
}

// koPastAdnominal are the endings of a past or ongoing relative clause
// (배치된, 파견한, 보낸, 보내진, 파견됐던); the present 주둔하고 있는 states
// a standing, not what the sentence reports.
var koPastAdnominal = []string{"된", "한", "낸", "진", "던", "힌", "친"}

// koModifierStops part a relative clause from the figure it would modify.
var koModifierStops = newRuneSet(",.·\"'“”()")

// koModifierEvent is the event of a relative clause that modifies the
// figure: its event word ends in a past adnominal (or stands before 중인)
// and at most one word (the group noun, 약) stands between it and the
// figure. It returns "", -1 when there is none.
func koModifierEvent(s *mlSent, f *mlFig) (string, int) {
	for i := len(s.hits) - 1; i >= 0; i-- {
		h := s.hits[i]
		if h.end > f.start {
			continue
		}
		if h.cat != catEvent {
			if h.cat == catGroup || h.cat == catPlace {
				continue
			}
			return "", -1
		}
		t := s.text
		we := h.end
		for we < f.start && t[we] != ' ' {
			we++
		}
		word := t[h.start:we]
		rest := t[we:f.start]
		ongoing := strings.HasPrefix(rest, " 중인")
		if ongoing {
			rest = rest[len(" 중인"):]
		}
		if koModifierStops.in(rest) || mlFieldCount(rest) > 1 {
			return "", -1
		}
		past := false
		for _, e := range koPastAdnominal {
			past = past || strings.HasSuffix(word, e)
		}
		if !past && !ongoing {
			return "", -1
		}
		switch h.value {
		case flowwatch.EventSent, flowwatch.EventPresent, flowwatch.EventEntered, flowwatch.EventRecruited,
			// "포로로 잡힌 북한군 2명", "숨진 북한군 300명": what befell them.
			flowwatch.EventCaptured, flowwatch.EventKilled, flowwatch.EventWounded:
			return h.value, i
		}
		return "", -1
	}
	return "", -1
}

// koImplied: event words that name the group when the sentence names
// none (파병 is sending troops).
var koImplied = map[string]string{"파병": "soldiers", "전사": "soldiers", "사상자": "soldiers", "포로": "soldiers", "비자": "nationals", "발급": "nationals"}

// koSubjectOK: a country is a source only as the subject of a reporting
// verb (러시아는 … 보고했다), not as a destination (러시아에) or an owner
// (러시아의).
func koSubjectOK(s *mlSent, h mlHit) bool {
	rest := strings.TrimPrefix(strings.TrimPrefix(s.text[h.end:], " "), "측") // 러시아 측은
	r, _ := utf8.DecodeRuneInString(rest)
	if r != '은' && r != '는' && r != '이' && r != '가' {
		return false
	}
	for _, x := range s.hits {
		if x.cat == catSaid && x.start > h.end {
			return true
		}
	}
	return false
}

// koRelYears are the words for a year relative to publication.
var koRelYears = []string{"지난해", "재작년", "작년", "올해", "금년", "내년", "올 "}

// koPrevWords name the quarter before the last one named (직전 분기).
var koPrevWords = []string{"직전", "지난", "이전", "앞"}

// koTimeFirst are the first runes of the time words koTimes reads at the
// start of a Hangul word: it tries the word lists only at those, not at
// every word of the sentence.
var koTimeFirst = func() mlRuneSet {
	var ws []string
	ws = append(ws, koRelYears...)
	ws = append(ws, koPrevWords...)
	ws = append(ws, koNow...)
	for _, rel := range koRelDays {
		ws = append(ws, rel.word)
	}
	var out mlRuneSet
	for _, w := range ws {
		r, _ := utf8.DecodeRuneInString(w)
		out.add(r)
	}
	return out
}()

// mlRuneSet is a set of runes, as bits below 0x10000.
type mlRuneSet struct {
	bits  []uint64
	above []rune
}

func (rs *mlRuneSet) add(r rune) {
	if r >= 0x10000 || r < 0 {
		rs.above = append(rs.above, r)
		return
	}
	if rs.bits == nil {
		rs.bits = make([]uint64, 0x10000/64)
	}
	rs.bits[r/64] |= 1 << (r % 64)
}

func (rs *mlRuneSet) has(r rune) bool {
	if r >= 0x10000 || r < 0 {
		return slices.Contains(rs.above, r)
	}
	return rs.bits != nil && rs.bits[r/64]&(1<<(r%64)) != 0
}

// koParts are parts of a year after a year word: 2019년 말, 올해 상반기.
var koParts = []string{"상반기", "하반기", "연말", "연초", "말", "초", "봄", "여름", "가을"}

// koNow are words meaning the publication date.
var koNow = []string{"오늘", "현재", "지금"}

// koRelDays are months and days named relative to publication.
var koRelDays = []struct {
	word string
	span func(pub flowwatch.Date) *flowwatch.Period
}{
	{"지난달", func(pub flowwatch.Date) *flowwatch.Period { return mlMonthOf(pub, -1) }},
	{"전달", func(pub flowwatch.Date) *flowwatch.Period { return mlMonthOf(pub, -1) }},
	{"이달", func(pub flowwatch.Date) *flowwatch.Period { return mlMonthOf(pub, 0) }},
	{"이번 달", func(pub flowwatch.Date) *flowwatch.Period { return mlMonthOf(pub, 0) }},
	{"어제", func(pub flowwatch.Date) *flowwatch.Period {
		d := pub.AddDays(-1)
		return &flowwatch.Period{From: d, To: d}
	}},
}

// mlMonthOf is the month k months from pub's.
func mlMonthOf(pub flowwatch.Date, k int) *flowwatch.Period {
	from := flowwatch.NewDate(pub.Year, pub.Month+time.Month(k), 1)
	return &flowwatch.Period{From: from, To: flowwatch.NewDate(from.Year, from.Month+1, 0)}
}

func koSkipSpaces(t string, i int) int {
	for i < len(t) && (t[i] == ' ' || t[i] == '\t') {
		i++
	}
	return i
}

// koDigits reads up to max digits at i.
func koDigits(t string, i, max int) (int, int) {
	j := i
	for j < len(t) && j-i < max && t[j] >= '0' && t[j] <= '9' {
		j++
	}
	if j == i || (j < len(t) && t[j] >= '0' && t[j] <= '9') {
		return 0, i
	}
	n, _ := strconv.Atoi(t[i:j])
	return n, j
}

// koRangeDash reads a range sign (~ ∼ - –) between optional spaces.
func koRangeDash(t string, i int) (int, bool) {
	j := koSkipSpaces(t, i)
	for _, d := range []string{"~", "∼", "〜", "-", "–"} {
		if strings.HasPrefix(t[j:], d) {
			return koSkipSpaces(t, j+len(d)), true
		}
	}
	return i, false
}

// koAfterYear reads what may follow a year (stated or relative): months
// "10월", "1~2월", "12월 10일", a quarter "3분기", a part "말". It returns
// the period and the end offset; ok is false when only the year stands.
func koAfterYear(t string, i, y int) (*flowwatch.Period, int, bool) {
	j := koSkipSpaces(t, i)
	if m, k := koDigits(t, j, 2); k > j {
		if k2, ok := koRangeDash(t, k); ok {
			if m2, k3 := koDigits(t, k2, 2); k3 > k2 && strings.HasPrefix(t[k3:], "월") {
				return mlMonths(y, m, y, m2), k3 + len("월"), true
			}
		}
		if strings.HasPrefix(t[k:], "월") {
			e := k + len("월")
			if d, k2 := koDigits(t, koSkipSpaces(t, e), 2); k2 > e && strings.HasPrefix(t[k2:], "일") && d >= 1 && d <= 31 && m >= 1 && m <= 12 {
				day := flowwatch.NewDate(y, time.Month(m), d)
				return &flowwatch.Period{From: day, To: day}, k2 + len("일"), true
			}
			return mlMonths(y, m, y, m), e, true
		}
		if q := koSkipSpaces(t, k); strings.HasPrefix(t[q:], "분기") {
			return mlQuarter(y, m), q + len("분기"), true
		}
		return nil, i, false
	}
	for _, part := range koParts {
		if strings.HasPrefix(t[j:], part) {
			return mlPart(y, part), j + len(part), true
		}
	}
	return nil, i, false
}

// koTimes finds the time expressions of a Korean sentence, resolved
// against the publication date: "2024년", "2019년 말", "2024년 12월 10일",
// "올해 3분기", "지난해 10월 (이후)", "올해 1~2월", "지난 7~9월", "지난 6월",
// "직전 분기", "오늘(30일)", "현재". It scans the text once; a regular
// expression did the same at a fifth of the speed.
func koTimes(s *mlSent, pub flowwatch.Date) []mlTime {
	t := s.text
	var out []mlTime
	var lastQuarter *flowwatch.Period
	for i := 0; i < len(t); {
		if i = koTimeSkip(t, i); i == len(t) {
			break
		}
		// Decoded inline (rune3): a call per rune was a third of reading times.
		c, r, sz := t[i], rune(t[i]), 1
		switch {
		case c < utf8.RuneSelf:
		case i+2 < len(t) && mlThreeByte(c, t[i+1], t[i+2]):
			r, sz = rune3(c, t[i+1], t[i+2]), 3
		default:
			r, sz = utf8.DecodeRuneInString(t[i:])
		}
		start, end := i, -1
		var p *flowwatch.Period
		resolved := true // false: a time the text states but we cannot resolve
		switch {
		case mlIsDigit(r) && (i == 0 || !mlIsDigit(mlPrevRune(t, i))):
			n, k := koDigits(t, i, 4)
			if k == i {
				break
			}
			if k-i == 4 && strings.HasPrefix(t[k:], "년") {
				e := k + len("년")
				if nr, _ := utf8.DecodeRuneInString(t[e:]); nr == '대' || nr == '생' {
					break // 2020년대 is a decade, 2017년생 a birth year
				}
				if pp, e2, ok := koAfterYear(t, e, n); ok {
					p, end = pp, e2
				} else {
					p, end = mlYear(n), e
				}
				break
			}
			if k-i > 2 {
				break
			}
			// A month of unstated year: 6월, 7~9월, resolved to the latest
			// such month not after publication.
			if k2, ok := koRangeDash(t, k); ok {
				if m2, k3 := koDigits(t, k2, 2); k3 > k2 && strings.HasPrefix(t[k3:], "월") {
					end = k3 + len("월")
					if pub.IsZero() {
						resolved = false
					} else {
						y := mlLatestYear(m2, pub)
						p = mlMonths(y, n, y, m2)
					}
				}
				break
			}
			if strings.HasPrefix(t[k:], "월") {
				end = k + len("월")
				d, k2 := koDigits(t, koSkipSpaces(t, end), 2)
				hasDay := k2 > end && strings.HasPrefix(t[k2:], "일") && d >= 1 && d <= 31
				if hasDay {
					end = k2 + len("일")
				}
				switch {
				case pub.IsZero():
					resolved = false
				case hasDay:
					// 3월 5일: the latest such day not after publication.
					y := pub.Year
					if flowwatch.NewDate(y, time.Month(n), d).After(pub) {
						y--
					}
					day := flowwatch.NewDate(y, time.Month(n), d)
					p = &flowwatch.Period{From: day, To: day}
				default:
					y := mlLatestYear(n, pub)
					p = mlMonths(y, n, y, n)
				}
			}
		case r >= 0xAC00 && koTimeFirst.has(r):
			if i > 0 && mlIsHangul(mlPrevRune(t, i)) {
				break
			}
			for _, w := range koRelYears {
				if !strings.HasPrefix(t[i:], w) {
					continue
				}
				e := i + len(strings.TrimSpace(w))
				y, ok := koRelYearOf(strings.TrimSpace(w), pub)
				if !ok {
					// Relative, and no publication date: unresolved, but
					// it still is the figure's time.
					_, e2, ok2 := koAfterYear(t, e, 2000)
					if ok2 {
						e = e2
					}
					end, resolved = e, false
					break
				}
				if pp, e2, ok2 := koAfterYear(t, e, y); ok2 {
					p, end = pp, e2
				} else {
					p, end = mlYear(y), e
				}
				break
			}
			if end >= 0 {
				break
			}
			for _, w := range koPrevWords {
				if strings.HasPrefix(t[i:], w) {
					q := koSkipSpaces(t, i+len(w))
					if strings.HasPrefix(t[q:], "분기") {
						end = q + len("분기")
						if lastQuarter != nil {
							pq := mlPrevQuarter(*lastQuarter)
							p = &pq
						} else {
							resolved = false
						}
					}
					break
				}
			}
			if end >= 0 {
				break
			}
			// Months and days relative to publication.
			for _, rel := range koRelDays {
				if strings.HasPrefix(t[i:], rel.word) {
					end = i + len(rel.word)
					if pub.IsZero() {
						resolved = false
					} else {
						p = rel.span(pub)
					}
					break
				}
			}
			if end >= 0 {
				break
			}
			for _, w := range koNow {
				if strings.HasPrefix(t[i:], w) {
					end = i + len(w)
					if pub.IsZero() {
						resolved = false
					} else {
						p = &flowwatch.Period{From: pub, To: pub}
					}
					break
				}
			}
		}
		if end < 0 {
			i += sz
			continue
		}
		i = end
		if p == nil && resolved {
			continue // not a valid date after all (13월)
		}
		rest := strings.TrimLeft(t[end:], " ")
		if strings.HasPrefix(rest, "대비") || strings.HasPrefix(rest, "보다") || strings.HasPrefix(rest, "에 비해") {
			continue // the baseline of a comparison, not the figure's time
		}
		if p != nil && p.From.Day == 1 && p.To.Month-p.From.Month == 2 && (p.From.Month-1)%3 == 0 && p.From.Year == p.To.Year {
			lastQuarter = p
		}
		if p != nil && !pub.IsZero() {
			for _, w := range []string{"이후", "부터", "以來", "이래"} {
				if strings.HasPrefix(rest, w) {
					// "지난해 10월 이후": from then to publication.
					p = &flowwatch.Period{From: p.From, To: pub}
					end = len(t) - len(rest) + len(w)
					i = end
					break
				}
			}
		}
		out = append(out, mlTime{start: start, end: end, period: p})
	}
	return out
}

// koTimeSkip passes the runes from t[i] that start no time koTimes
// reads: ASCII other than digits, and Hangul syllables (any three-byte
// rune) not in koTimeFirst. Most of a sentence is these, and a loop of
// their own spares each the setting up of a time.
func koTimeSkip(t string, i int) int {
	for i < len(t) {
		c := t[i]
		if c < utf8.RuneSelf {
			if mlIsDigit(rune(c)) {
				return i
			}
			i++
			continue
		}
		if i+2 >= len(t) || !mlThreeByte(c, t[i+1], t[i+2]) {
			return i
		}
		if r := rune3(c, t[i+1], t[i+2]); r >= 0xAC00 && koTimeFirst.has(r) {
			return i
		}
		i += 3
	}
	return i
}

func koRelYearOf(w string, pub flowwatch.Date) (int, bool) {
	if pub.IsZero() {
		return 0, false
	}
	switch w {
	case "지난해", "작년":
		return pub.Year - 1, true
	case "재작년":
		return pub.Year - 2, true
	case "내년":
		return pub.Year + 1, true
	}
	return pub.Year, true
}

// mlLatestYear is the year of the latest month mo not after pub:
// "in June" in an article of September is this June, in one of March
// last June.
func mlLatestYear(mo int, pub flowwatch.Date) int {
	if time.Month(mo) > pub.Month {
		return pub.Year - 1
	}
	return pub.Year
}

func mlYear(y int) *flowwatch.Period {
	return &flowwatch.Period{From: flowwatch.NewDate(y, 1, 1), To: flowwatch.NewDate(y, 12, 31)}
}

func mlMonths(y1, m1, y2, m2 int) *flowwatch.Period {
	if m1 < 1 || m1 > 12 || m2 < 1 || m2 > 12 {
		return nil
	}
	return &flowwatch.Period{From: flowwatch.NewDate(y1, time.Month(m1), 1), To: flowwatch.NewDate(y2, time.Month(m2)+1, 0)}
}

func mlQuarter(y, q int) *flowwatch.Period {
	if q < 1 || q > 4 {
		return nil
	}
	return mlMonths(y, 3*q-2, y, 3*q)
}

func mlPrevQuarter(p flowwatch.Period) flowwatch.Period {
	from := flowwatch.NewDate(p.From.Year, p.From.Month-3, 1)
	return flowwatch.Period{From: from, To: flowwatch.NewDate(from.Year, from.Month+3, 0)}
}

// mlPart is a part of a year: 상반기 first half, 말 its end (December),
// 초 its start (its first quarter).
func mlPart(y int, part string) *flowwatch.Period {
	switch part {
	case "상반기":
		return mlMonths(y, 1, y, 6)
	case "하반기":
		return mlMonths(y, 7, y, 12)
	case "말", "연말":
		return mlMonths(y, 12, y, 12)
	case "봄":
		return mlMonths(y, 3, y, 5) // seasons are meteorological, as "last fall" is read
	case "여름":
		return mlMonths(y, 6, y, 8)
	case "가을":
		return mlMonths(y, 9, y, 11)
	case "초", "연초":
		return mlMonths(y, 1, y, 3) // "2025년 초" is January to March, as "early 2025"
	}
	return mlYear(y)
}

// koUnnamed are the endings of a report with no reporter: "(…것으로)
// 알려졌다" (it is known), "전해졌다" (it was passed on), "분석이
// 나온다" (an analysis comes out). A sentence with one and no speaker of
// its own takes no source, not even the sentence before's.
var koUnnamed = []string{"알려졌", "알려져", "전해졌", "전해져", "분석이 나", "관측이 나", "관측이다", "보도가 나", "보도까지 나", "전망이 나"}

var koUnnamedSet = newWordSet(koUnnamed)

// koHearsay is koSpeaker's answer for "…했다고 한다": a report passed on
// with no speaker, which goes on with the sentence before's source.
const koHearsay = -2

// koQuotative mark the end of a reported clause: what stands before one
// is what was said, not who said it.
var koQuotative = []string{"다고", "라고", "다는 ", "라는 ", "”고", "\"고", "’고", "'고", "며 ", "면서", "냐고", "자고"}

var koQuotativeSet = newWordSet(koQuotative)

// koSpeaker is the hit of the one who speaks a Korean sentence, or -1:
// the subject of the reporting verb that closes it. The verb ends the
// sentence and what was said comes first, so the speaker is either the
// subject right before the verb ("…파견했다고 쇼이구 서기가 17일
// 밝혔다") or the topic that opens the sentence ("젤렌스키 대통령은
// “러시아가 …”라고 밝혔다"); a country or leader inside the reported
// clause (러시아가, 김정은이) is an actor, not a source.
func koSpeaker(lm *mlModule, s *mlSent, f *mlFig) int {
	// "우크라이나 정부에 따르면 …": according to a source before the figure.
	for i, h := range s.hits {
		if h.start >= f.start {
			break
		}
		if (h.cat == catSource || h.cat == catPlace) && strings.HasPrefix(strings.TrimLeft(s.text[h.end:], " "), "에 따르면") && !koQuoted(s.text[:h.start]) {
			if j := koRelayed(lm, s, f, i); j >= 0 {
				return j
			}
			return i
		}
	}
	said := -1
	for i, h := range s.hits {
		if h.cat == catSaid && h.start >= f.end {
			said = i
		}
	}
	if said < 0 {
		t := strings.TrimRight(s.text, ".。 ")
		if strings.HasSuffix(t, "고 한다") || strings.HasSuffix(t, "고 합니다") {
			return koHearsay
		}
		return -1
	}
	v := s.hits[said].start
	// The subject right before the verb, with no reported clause between.
	for i := said - 1; i >= 0; i-- {
		h := s.hits[i]
		if h.cat != catSource && !mlIsSource(lm, s, h) {
			continue
		}
		if koQuotes(s.text[h.end:v]) {
			break
		}
		if koParticle(s.text[h.end:v], false) {
			return i
		}
		break
	}
	// Else the source nearest before the figure, outside quotation marks,
	// unless it is a country or a North Korean leader inside the reported
	// clause ("…은 러시아가 1만 2천 명을 유치할 계획이라고 밝혔다"): then
	// the topic that opens the sentence speaks.
	near, topic := -1, -1
	for i := 0; i < said; i++ {
		h := s.hits[i]
		if h.start >= f.start {
			break
		}
		if h.cat != catSource && !(h.cat == catPlace && h.value != "North Korea" && !koSourcePlace(s, h)) || koQuoted(s.text[:h.start]) {
			continue
		}
		if h.cat == catPlace && i > 0 && s.hits[i-1].cat == catSource && strings.TrimSpace(s.text[s.hits[i-1].end:h.start]) == "" {
			continue // the country in a speaker's title: "젤렌스키 우크라이나 대통령이"
		}
		rest := s.text[h.end:v]
		if koParticle(rest, true) && topic < 0 {
			topic = i
		}
		if koParticle(rest, false) {
			near = i
		}
	}
	if near < 0 {
		return -1
	}
	h := s.hits[near]
	if h.cat == catSource && lm.srcs[h.value].Country != "North Korea" || topic == near {
		return near
	}
	if topic < 0 {
		return koHearsay // a country or leader acting in the clause
	}
	return topic
}

// koRelayed is the source an outlet's report relays ("연합뉴스에 따르면
// 국정원은 … 밝혔다": the NIS speaks, the outlet only reports it), the
// next source of the gazetteer after the outlet at hit i and before the
// figure that opens its clause as topic or subject; else -1.
func koRelayed(lm *mlModule, s *mlSent, f *mlFig, i int) int {
	if !lm.outlets[s.hits[i].value] {
		return -1
	}
	for j := i + 1; j < len(s.hits) && s.hits[j].start < f.start; j++ {
		h := s.hits[j]
		if h.cat != catSource || lm.outlets[h.value] || koQuoted(s.text[:h.start]) {
			continue
		}
		if koParticle(s.text[h.end:f.start], false) {
			return j
		}
	}
	return -1
}

// koSourcePlace reports whether a place hit is where an unnamed source
// sits (러시아 현지 소식통은, 중국 내 대북 소식통은): one of the next three
// words begins with a noun of grammar source_nouns. The source is nobody
// the gazetteer names, so the place must not speak in its stead.
func koSourcePlace(s *mlSent, h mlHit) bool {
	rest := s.text[h.end:]
	for i, k := 0, 0; k < 3; k++ {
		w, next, ok := mlNextField(rest, i)
		if !ok {
			return false
		}
		for _, n := range koSourceNouns {
			if strings.HasPrefix(w, n) {
				return true
			}
		}
		i = next
	}
	return false
}

// koQuoted reports whether text leaves a quotation open.
func koQuoted(text string) bool {
	open := strings.Count(text, "“") + strings.Count(text, "‘") - strings.Count(text, "”") - strings.Count(text, "’")
	return open > 0 || strings.Count(text, "\"")%2 == 1
}

// koCloseQuotes close a quotation.
var koCloseQuotes = newRuneSet("”’\"")

// koQuotes reports whether text holds the end of a reported clause.
func koQuotes(text string) bool {
	t := strings.TrimRight(text, " ")
	if koCloseQuotes.in(t) || strings.HasSuffix(t, "다") || strings.HasSuffix(t, "라") {
		return true // the verb's own 고 follows: "…했다”고 말했다", "…보인다고 했다"
	}
	return koQuotativeSet.in(text)
}

// koParticle reports whether the name that text follows is a subject: one
// of the next four words (the name's own word, a title, a country:
// "젤렌스키 우크라이나 대통령은", "쇼이구(Sergei Shoigu)는") ends in a
// topic particle (은/는), or, unless topic is set, a subject particle
// (이/가), before any word that ends in an object or place particle.
func koParticle(text string, topic bool) bool {
	// The first four words decide, the first of them empty when text
	// opens with a space; splitting all of text was most of the time of
	// finding a speaker.
	k := 0
	if text == "" || text[0] == ' ' {
		if res, done := koParticleWord("", topic); done {
			return res
		}
		k = 1
	}
	for i := 0; k <= 3; k++ {
		w, next, ok := mlNextField(text, i)
		if !ok {
			return false
		}
		if res, done := koParticleWord(w, topic); done {
			return res
		}
		i = next
	}
	return false
}

// koParticleWord is what one word tells koParticle: done reports
// whether it decides, res the answer.
func koParticleWord(w string, topic bool) (res, done bool) {
	w = strings.TrimRight(w, ",")
	switch {
	case strings.HasSuffix(w, "은") || strings.HasSuffix(w, "는"):
		return true, true
	case strings.HasSuffix(w, "이") || strings.HasSuffix(w, "가"):
		if !topic {
			return true, true
		}
	}
	for _, p := range koCaseParticles {
		if strings.HasSuffix(w, p) {
			return false, true
		}
	}
	return false, false
}

// koCaseParticles end a word that is no subject or topic.
var koCaseParticles = []string{"에", "를", "을", "로", "에서", "에게"}

// mlNextField is the first of strings.Fields(s[i:]) and where it ends,
// ok false when there is none.
func mlNextField(s string, i int) (field string, end int, ok bool) {
	for i < len(s) {
		sp, n := spaceAt(s, i)
		if !sp {
			break
		}
		i += n
	}
	if i >= len(s) {
		return "", i, false
	}
	end = i
	for end < len(s) {
		sp, n := spaceAt(s, end)
		if sp {
			break
		}
		end += n
	}
	return s[i:end], end, true
}
