package extract

// The Korean and Russian modules share this engine: sentence by
// sentence, find figures (lang_ko_num.go, lang_ru_num.go), then give each
// figure its group, event, place, time and source from the lexicon hits
// around it. What differs between the languages is word order (Korean is
// verb-final, Russian puts the noun after the numeral), so the choice of
// group and event is a per-language function; the rest is here.

import (
	"slices"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/flowwatch/flowwatch"
	"github.com/flowwatch/flowwatch/domain"
)

// Korean and Russian bring their own engine (RegisterArticleFunc):
// Korean attaches particles to words and puts the verb last, Russian
// declines every noun, so the token pipeline's exact-word look-ups and
// head-noun-after-figure attachment do not fit them.
//
// They compile the Extractor's Domain, so a --domain file's Korean or
// Russian aliases reach them.
func init() {
	RegisterArticleFunc("ko", func(d *domain.Domain, a *flowwatch.Article) []Candidate {
		return mlExtract(mlModulesFor(d).ko, a)
	})
	RegisterArticleFunc("ru", func(d *domain.Domain, a *flowwatch.Article) []Candidate {
		return mlExtract(mlModulesFor(d).ru, a)
	})
	articleAppenders["ko"] = func(d *domain.Domain, a *flowwatch.Article, dst []Candidate) []Candidate {
		return mlAppend(mlModulesFor(d).ko, a, dst)
	}
	articleAppenders["ru"] = func(d *domain.Domain, a *flowwatch.Article, dst []Candidate) []Candidate {
		return mlAppend(mlModulesFor(d).ru, a, dst)
	}
}

type mlPair struct{ ko, ru *mlModule }

// mlCache holds the compiled modules of each Domain: compiling takes a
// millisecond, an article far less.
var mlCache sync.Map // *domain.Domain → *mlPair

// mlScratch is an article's working memory, reused across articles:
// the claims keep none of it (they copy what they quote), and making it
// afresh for every article was most of what reading one allocated.
type mlScratch struct {
	toks            []mlTok
	hits            []mlHit
	out             []Candidate
	vals            []mlSent
	sents           []*mlSent
	seen            map[string]struct{}
	cur, kept, prev []mlClaim
}

var mlScratchPool = sync.Pool{New: func() any { return &mlScratch{seen: map[string]struct{}{}} }}

// put returns sc to the pool holding nothing of the article, so that the
// pool keeps no article alive and the next one starts clean.
func (sc *mlScratch) put() {
	clear(sc.toks[:cap(sc.toks)])
	clear(sc.hits[:cap(sc.hits)])
	clear(sc.out[:cap(sc.out)])
	sc.hits, sc.out = sc.hits[:0], sc.out[:0]
	clear(sc.vals[:cap(sc.vals)])
	clear(sc.sents[:cap(sc.sents)])
	clear(sc.cur[:cap(sc.cur)])
	clear(sc.kept[:cap(sc.kept)])
	clear(sc.prev[:cap(sc.prev)])
	clear(sc.seen)
	sc.toks, sc.vals, sc.sents = sc.toks[:0], sc.vals[:0], sc.sents[:0]
	sc.cur, sc.kept, sc.prev = sc.cur[:0], sc.kept[:0], sc.prev[:0]
	mlScratchPool.Put(sc)
}

func mlModulesFor(d *domain.Domain) *mlPair {
	if d == nil {
		d = domain.Default()
	}
	if p, ok := mlCache.Load(d); ok {
		return p.(*mlPair)
	}
	p := &mlPair{ko: newKOModule(d), ru: newRUModule(d)}
	v, _ := mlCache.LoadOrStore(d, p)
	return v.(*mlPair)
}

// mlFig is one number in a sentence that counts people, money or a share.
// Offsets are bytes into the sentence.
type mlFig struct {
	start, end int
	low, high  *float64
	qual       string
	kind       string // people, money, share
	unit       string // people, USD, ..., percent
	per        string // money only
	group      string // set by the number reader when the words right after the number name it (Russian)
}

// mlSpan is a sentence: byte offsets into the article text.
type mlSpan struct{ start, end int }

// mlTime is a time expression in a sentence. period is nil when the
// expression cannot be resolved (a relative time with no publication
// date, "the previous quarter" with nothing to be previous to).
type mlTime struct {
	start, end int
	period     *flowwatch.Period
}

// mlSent is one sentence with everything found in it.
type mlSent struct {
	mlSpan
	text  string
	doc   string  // the article's whole text (koFullerSource reads before the sentence)
	toks  []mlTok // Russian only
	hits  []mlHit
	figs  []mlFig
	times []mlTime
	low   string   // text lower-cased (Russian; Korean has no case)
	nk    int8     // names North Korea: 0 not yet read, 1 yes, 2 no
	table *mlTable // the table the sentence is a row of, or nil
	// clause is the last figure span clauseBounds read and its clause:
	// the stages that weigh one figure ask for its clause one after another.
	clause   [4]int
	clauseOK bool
	// cuts are the sentence's clause separators, read once for all its
	// figures: reading them per figure was a tenth of the Russian time.
	cuts   []mlCut
	cutsOK bool
	// persons are the people the gazetteer does not know that the
	// sentence names (Russian, ruNames.persons), read once: a figure
	// without a source asks for them in up to eight sentences before.
	persons   []ruPerson
	personsOK bool
	// hitBuf holds the hits of the article's sentences (readHits), nil
	// for a sentence read alone.
	hitBuf *[]mlHit
	// unnamed caches mlUnnamedAttribution and work whether workAt is
	// read: 0 not yet read, 1 yes (work words found), 2 no. Both were
	// asked once per figure of the sentence.
	unnamed, work int8
	workAt        []mlSpan // lm.workSpans
}

// readHits sets s.hits once, in the article's hit buffer when s has
// one: a slice of its own for each sentence's hits was a tenth of what
// reading an article allocated.
func (lm *mlModule) readHits(s *mlSent) {
	if s.hits != nil {
		return
	}
	if s.hitBuf == nil {
		s.hits = lm.m.find(s.text, s.toks)
		return
	}
	b := *s.hitBuf
	from := len(b)
	b = lm.m.appendHits(b, s.text, s.toks)
	// Never nil (nil is not read yet): b has room, so a base to point at.
	s.hits = b[from:len(b):len(b)]
	*s.hitBuf = b
}

// clauseBounds is the clause of the figure f (ruCutBounds), remembered
// for the next call about the same figure.
func (s *mlSent) clauseBounds(f *mlFig) (int, int) {
	if s.clauseOK && s.clause[0] == f.start && s.clause[1] == f.end {
		return s.clause[2], s.clause[3]
	}
	if !s.cutsOK {
		s.cuts, s.cutsOK = ruClauseCuts(s.text), true
	}
	cs, ce := ruCutBounds(s.cuts, f.start, f.end, len(s.text))
	s.clause, s.clauseOK = [4]int{f.start, f.end, cs, ce}, true
	return cs, ce
}

// mlModule is what a language supplies to the shared engine.
type mlModule struct {
	code    string
	m       *mlMatcher
	places  map[string]domain.Place // the gazetteer entries the matcher knows, by name
	implied map[string]string
	split   func(text string) []mlSpan
	nums    *mlNums
	outlets map[string]bool // sources of kind outlet: they report others' figures
	// srcs are the kind and country of every source, by canonical name:
	// anaphora and speakers ask what a named source is.
	srcs map[string]flowwatch.Source
	// names spell people the gazetteer does not know (Russian; nil for
	// Korean, whose reporting names them with a title the anaphora read).
	names   *ruNames
	figures func(s *mlSent) []mlFig
	times   func(s *mlSent, pub flowwatch.Date) []mlTime
	// group and event pick the hit that names the figure's group and
	// event; -1 when the sentence names none.
	group func(s *mlSent, f *mlFig) int
	event func(s *mlSent, f *mlFig) (event string, at int)
	// subjectOK reports whether a subject-only source hit stands as the
	// grammatical subject.
	subjectOK func(s *mlSent, h mlHit) bool
	// speaker names who speaks a whole sentence ("По словам Ли, ..."),
	// or "" (nil: the language marks none).
	speaker func(s *mlSent) string
	// origin are the lexicon's origin words, lower-cased, matched as
	// substrings (see mlOtherPeople); originSet is them as a wordSet.
	origin     []string
	originOnce sync.Once
	originSet  *wordSet
	// groupSizes are the stems of unit nouns (групп, отряд) before "из"
	// or "по" and a size (группами из 5-6 человек); see mlGroupSize.
	groupSizes []string
	// rates are the lexicon's words of a rate of exchange, lower-cased
	// (see mlRate).
	rates []string
	// work are the lexicon's work phrases, lower-cased (see mlToWork).
	work []string
	// workPhrases and workStems are work split by workSplit.
	workOnce    sync.Once
	workPhrases []string
	workStems   stemSet
	// quoteSpeaker is who closes the quotation that holds the figure at
	// byte at of sents[i] ("», — написал он"), or "" (nil: the language
	// marks none).
	quoteSpeaker func(lm *mlModule, text string, sents []*mlSent, i, at int) string
	// pronounReport is the hit of the source a figure-less sentence that
	// opens with a pronoun and ends with a reporting verb names ("Они
	// примут участие в работах, сообщил Шойгу"), or -1 (nil: none).
	pronounReport func(lm *mlModule, s *mlSent) int
	// fuller are a source's longer names by the bare name they end with
	// (Korean; see koFullerSource).
	fuller map[string][]koFull
}

// originWords is lm.origin as a wordSet, made at the first call.
func (lm *mlModule) originWords() *wordSet {
	lm.originOnce.Do(func() { lm.originSet = newWordSet(lm.origin) })
	return lm.originSet
}

// mlWordsOf lower-cases a lexicon word list for substring matching.
func mlWordsOf(ws []string) []string {
	out := make([]string, 0, len(ws))
	for _, w := range ws {
		if w = mlLower(strings.TrimSuffix(w, "*")); w != "" {
			out = append(out, w)
		}
	}
	return out
}

func mlOriginOf(l *domain.Lexicon) []string {
	if l == nil {
		return nil
	}
	return mlWordsOf(l.Origin)
}

// mlForeignTopic reports whether a Korean sentence is about another
// country: one stands before its first figure as topic or subject
// (러시아는 올해 징집병 16만 명을 소집할 계획이다).
func mlForeignTopic(lm *mlModule, s *mlSent) bool {
	if !lm.m.korean || len(s.figs) == 0 {
		return false
	}
	for _, h := range s.hits {
		if h.start >= s.figs[0].start {
			break
		}
		if h.cat != catPlace || h.value == "North Korea" || lm.places[h.value].Kind != "country" {
			continue
		}
		rest := strings.TrimPrefix(s.text[h.end:], "측")
		if r, _ := utf8.DecodeRuneInString(rest); r == '은' || r == '는' || r == '이' || r == '가' {
			return true
		}
	}
	return false
}

// mlLastGroup is the group of the last group noun of a sentence (not
// another people's), or "".
func mlLastGroup(lm *mlModule, s *mlSent) string {
	if s.hits == nil {
		lm.readHits(s)
	}
	g := ""
	for _, h := range s.hits {
		switch {
		case h.cat == catGroup && h.value != "" && h.value != "person":
			g = h.value
		case h.cat == catForeign:
			g = ""
		}
	}
	return g
}

// mlNorthKoreaNear reports whether sentence i or one of the
// mlOriginReach before it names North Korea or its people (the lexicon's
// origin words, or the gazetteer's North Korea).
// mlOriginReach is how many sentences back North Korea, once named, still
// says whose people a figure counts. Five was tried (Korean stories name
// it once and go on with 노동자 and 인력): train output stayed the same but
// the refit kept one more wrong headline and held-out Korean fell 0.002.
const mlOriginReach = 3

func mlNorthKoreaNear(lm *mlModule, sents []*mlSent, i int) bool {
	if len(lm.origin) == 0 {
		return true // a lexicon without origin words cannot tell
	}
	for b := i; b >= 0 && b >= i-mlOriginReach; b-- {
		s := sents[b]
		if s.nk == 0 {
			s.nk = 2
			for _, h := range s.hits {
				if h.cat == catPlace && h.value == "North Korea" {
					s.nk = 1
					break
				}
			}
			if s.nk == 2 && lm.originWords().in(s.low) {
				s.nk = 1
			}
		}
		if s.nk == 1 {
			return true
		}
	}
	return false
}

// mlOtherPeople reports whether a figure's clause is about another
// people: it names one before the figure (ВСУ потеряли 50 тысяч
// военнослужащих, 한국군 병력은 약 50만 명) and names North Korea
// nowhere.
func mlOtherPeople(lm *mlModule, s *mlSent, f *mlFig) bool {
	foreign := -1
	for i, h := range s.hits {
		if h.cat == catForeign && h.end <= f.start && !koAgainst(s, h) {
			foreign = i
		}
	}
	if foreign < 0 {
		return false
	}
	cs, ce := s.clauseBounds(f)
	if s.hits[foreign].start < cs {
		return false
	}
	return !mlNamesNorthKorea(lm, s, cs, ce)
}

// mlNamesNorthKorea reports whether s.text[cs:ce] names North Korea or
// its people (an origin word, or the place).
func mlNamesNorthKorea(lm *mlModule, s *mlSent, cs, ce int) bool {
	if lm.originWords().in(s.low[cs:ce]) {
		return true
	}
	for _, h := range s.hits {
		if h.cat == catPlace && h.value == "North Korea" && h.start >= cs && h.end <= ce {
			return true
		}
	}
	return false
}

// mlForeignSubject reports whether a people figure's clause is about
// another country's own people: the country, or its institutions, is the
// clause's subject or topic before the figure (Россия ежегодно призывает
// ..., Москва набрала ..., 러시아는 ... 모집했다, 러시아 정부는 ...), or
// the clause counts the subject's own people (자국민, 자국군, своих
// граждан, собственных военных), and the clause names North Korea
// nowhere. A North Korea named a sentence or two before does not make
// them North Korean; English reads such subjects the same way
// (subjectOrigin). A country that only reports ("Украина заявила, что
// ...", "...했다고 밝혔다") is a speaker, not the subject.
func mlForeignSubject(lm *mlModule, s *mlSent, f *mlFig) bool {
	cs, ce := s.clauseBounds(f)
	if mlNamesNorthKorea(lm, s, cs, ce) {
		return false
	}
	low := s.low[cs:ce]
	// A figure that points back to the people named before is theirs,
	// whoever the subject: "Россия использует около 5 тысяч из них", "러시아는
	// 이 중 2천 명을 ...".
	if mlBackPointerSet.in(low) {
		return false
	}
	if lm.m.korean {
		if koOwnPeopleSet.in(low) {
			return true
		}
		if koReportedSubject(s, f) {
			return false // the topic is who reports the figure
		}
		if koEntryCount(lm, s, cs, ce) {
			// "러시아가 발급한 학생 비자는 8600건": the country that
			// lets people in counts them; they are not its own.
			return false
		}
		for _, h := range s.hits {
			if h.start < cs || h.start >= f.start || h.cat != catPlace || h.value == "North Korea" || lm.places[h.value].Kind != "country" && !koCapitals[h.value] {
				continue
			}
			rest := strings.TrimLeft(s.text[h.end:f.start], " ")
			for _, inst := range koInstitutions {
				if strings.HasPrefix(rest, inst) {
					rest = strings.TrimLeft(rest[len(inst):], " ")
					break
				}
			}
			if r, _ := utf8.DecodeRuneInString(rest); r == '은' || r == '는' || r == '이' || r == '가' {
				return true
			}
		}
		return false
	}
	for i, t := range s.toks {
		if t.start < cs || t.start >= ce {
			continue
		}
		if ruOwnPeople[t.low] {
			return true
		}
		if t.start >= f.start || !ruForeignSubjects[t.low] {
			continue
		}
		if i > 0 && s.toks[i-1].start >= cs && ruPrepositions[s.toks[i-1].low] {
			continue // "в Россию", "из Москвы"
		}
		said := false
		for _, h := range s.hits {
			if h.cat == catSaid && h.start >= t.end && h.start < f.start && h.start-t.end < 40 {
				said = true
			}
		}
		if !said {
			return true
		}
	}
	return false
}

// ruForeignSubjects are nominative names of countries, capitals and
// institutions that act for another country than North Korea.
var ruForeignSubjects = map[string]bool{
	"россия": true, "рф": true, "москва": true, "кремль": true, "минобороны": true,
	"украина": true, "киев": true, "всу": true,
	"китай": true, "пекин": true, "беларусь": true, "минск": true, "сша": true, "вашингтон": true,
	"власти": true, "правительство": true,
}

// ruOwnPeople count the subject's own people: своих граждан, собственных
// военных.
var ruOwnPeople = map[string]bool{"своих": true, "свои": true, "собственных": true, "собственные": true}

// ruPrepositions make the name after them no subject.
var ruPrepositions = map[string]bool{"в": true, "во": true, "из": true, "на": true, "для": true, "по": true, "с": true, "со": true, "к": true, "от": true, "у": true, "до": true, "о": true, "об": true, "при": true, "между": true, "через": true, "против": true}

// koEntryCount reports whether a Korean clause s.text[cs:ce] counts
// entries or visas (an entered event word) given to no other named
// country (중국에 발급한 24만 건 are China's).
func koEntryCount(lm *mlModule, s *mlSent, cs, ce int) bool {
	entry := false
	for _, h := range s.hits {
		if h.start < cs || h.end > ce {
			continue
		}
		if h.cat == catEvent && h.value == flowwatch.EventEntered {
			entry = true
		}
		if h.cat == catPlace && h.value != "North Korea" && lm.places[h.value].Kind == "country" {
			if r, _ := utf8.DecodeRuneInString(s.text[h.end:]); r == '에' {
				return false
			}
		}
	}
	return entry
}

// koReportedSubject reports whether a Korean figure is the subject of a
// clause that a later verb reports ("우크라이나는 4천 명이 사상했다고
// 밝혔다"): the sentence's topic is then its speaker. A figure that is
// the object ("러시아는 30만 명을 동원했다고 밝혔다") is what the topic
// did.
func koReportedSubject(s *mlSent, f *mlFig) bool {
	said := false
	for _, h := range s.hits {
		if h.cat == catSaid && h.start >= f.end {
			said = true
		}
	}
	if !said {
		return false
	}
	rest := strings.TrimLeft(s.text[f.end:], " ")
	rest = strings.TrimPrefix(rest, "여")
	rest = strings.TrimLeft(rest, " ")
	rest = strings.TrimPrefix(rest, "명")
	r, _ := utf8.DecodeRuneInString(rest)
	return r != '을' && r != '를' && r != '의'
}

// koCapitals stand for their country as a topic: 모스크바는, 키이우는.
var koCapitals = map[string]bool{"Moscow": true, "Kyiv": true, "Beijing": true, "Washington": true}

// mlBackPointers point a figure back to the people named before: из них,
// из которых, 이 중, 그중, 이 가운데.
var mlBackPointers = []string{"из них", "из которых", "из этого числа", "이 중", "이중", "그 중", "그중", "이 가운데", "그 가운데", "이들"}

var mlBackPointerSet = newWordSet(mlBackPointers)

// koOwnPeople count the subject's own people.
var koOwnPeople = []string{"자국"}

var koOwnPeopleSet = newWordSet(koOwnPeople)

// koInstitutions may stand between a country and its topic particle:
// 러시아 정부는, 러시아 당국은.
var koInstitutions = []string{"정부", "당국", "국방부", "측", "군 당국"}

// mlDemand reports whether a people figure counts people needed rather
// than people who moved: a word of need (дефицит, нехватка, 부족) is
// nearer the figure in its clause than any event word.
func mlDemand(lm *mlModule, s *mlSent, f *mlFig) bool {
	has := false
	for _, h := range s.hits {
		if h.cat == catDemand {
			has = true
			break
		}
	}
	if !has {
		return false
	}
	cs, ce := s.clauseBounds(f)
	dist := func(h mlHit) int {
		if h.end <= f.start {
			return f.start - h.end
		}
		return h.start - f.end
	}
	best, ev := -1, -1
	var need mlHit
	for _, h := range s.hits {
		if h.start < cs || h.end > ce || h.end > f.start && h.start < f.end {
			continue
		}
		if lm.m.korean && h.cat == catDemand && h.end <= f.start && strings.Contains(s.text[h.end:f.start], ",") {
			// "노동력 부족에 직면한 가운데, 최소 1만 명을 배치했다": the
			// need is another clause's, its comma between.
			continue
		}
		switch d := dist(h); h.cat {
		case catDemand:
			if best < 0 || d < best {
				best, need = d, h
			}
		case catEvent:
			if ev < 0 || d < ev {
				ev = d
			}
		}
	}
	if best < 0 || ev >= 0 && best >= ev {
		return false
	}
	// North Korea's own need (КНДР нужны 5 тысяч IT-специалистов за
	// рубежом, 북한은 IT 인력 5천 명이 필요하다) is its quota of people to
	// send, and stays a claim, as in English (demandFigure): North Korea
	// is the subject: in Russian the word right before the word of need
	// (КНДР нужны), in Korean a topic or subject before the figure
	// (북한은, 북한이). North Korea as the people's modifier (북한 노동자
	// 2만 명이 필요하다, нужны 5 тысяч северокорейских рабочих) is
	// another country's need for them, as in English.
	if lm.m.korean {
		return !lm.koOriginTopic(s, cs, f.start)
	}
	return need.start >= f.end || !lm.mlOriginIn(s, max(cs, need.start-36), need.start)
}

// koOriginTopic reports whether North Korea stands as topic or subject
// (북한은, 북한이, 북측은) in s.text[a:b].
func (lm *mlModule) koOriginTopic(s *mlSent, a, b int) bool {
	if b > len(s.low) {
		return false
	}
	for _, w := range lm.origin {
		for off := a; off < b; {
			i := mlIndex(s.low[off:b], w)
			if i < 0 {
				break
			}
			e := off + i + len(w)
			// 북한이탈주민 (defectors) is a noun, not 북한 as subject.
			if r, _ := utf8.DecodeRuneInString(s.low[e:]); (r == '은' || r == '는' || r == '이' || r == '가') && !strings.HasPrefix(s.low[e:], "이탈") {
				return true
			}
			off = e
		}
	}
	return false
}

// mlOriginIn reports whether s.text[a:b] names North Korea or its people.
func (lm *mlModule) mlOriginIn(s *mlSent, a, b int) bool {
	if a >= b {
		return false
	}
	for _, h := range s.hits {
		if h.cat == catPlace && h.value == "North Korea" && h.start >= a && h.end <= b {
			return true
		}
	}
	if b > len(s.low) {
		return false
	}
	return lm.originWords().in(s.low[a:b])
}

// mlMaxFigures bounds the figures read from one sentence.
const mlMaxFigures = 40

// mlClaim is a claim under construction, with what it needs to
// inherit from the sentence before.
type mlClaim struct {
	c         flowwatch.Claim
	hasGroup  bool // the sentence named the group (not inherited)
	ownNK     bool // a generic noun ("человек") whose own words name North Korea
	hasEvent  bool
	hasSource bool
	hasPlace  bool
	toWork    bool // the clause says they go or are there to work (mlToWork)
	docs      bool // the figure counts papers issued (mlDocuments), not people who moved
}

// mlExtract runs a language module over an article.
// mlExtract returns every figure read, in text order: those the rules
// take, and those they drop with the reason (see Candidate).
func mlExtract(lm *mlModule, a *flowwatch.Article) []Candidate {
	return slices.Clip(mlAppend(lm, a, nil))
}

// mlAppend is mlExtract appending to dst.
func mlAppend(lm *mlModule, a *flowwatch.Article, dst []Candidate) []Candidate {
	text := a.Text
	spans := lm.split(text)
	// One buffer each for the sentences, the lower-cased text and the
	// tokens of the whole article, the buffers reused: allocation was a
	// third of the time.
	sc := mlScratchPool.Get().(*mlScratch)
	defer sc.put()
	vals := sc.vals[:0]
	if cap(vals) < len(spans) {
		vals = make([]mlSent, 0, len(spans))
	}
	var low string
	var tokBuf []mlTok
	if !lm.m.korean {
		low = mlLower(text)
		tokBuf = sc.toks[:0]
		if need := len(text)/7 + 16; cap(tokBuf) < need {
			tokBuf = make([]mlTok, 0, need)
		}
	}
	seen := sc.seen
	if sc.hits == nil {
		sc.hits = make([]mlHit, 0, 256)
	}
	for _, sp := range spans {
		t := text[sp.start:sp.end]
		if _, dup := seen[t]; dup {
			// A line the page repeats verbatim (a title printed twice) is one mention.
			continue
		}
		seen[t] = struct{}{}
		s := mlSent{mlSpan: sp, text: t, low: t, hitBuf: &sc.hits, doc: text}
		if !lm.m.korean {
			s.low = low[sp.start:sp.end]
			from := len(tokBuf)
			tokBuf = mlAppendTokens(tokBuf, t, low[sp.start:sp.end])
			s.toks = tokBuf[from:len(tokBuf):len(tokBuf)]
		}
		vals = append(vals, s)
	}
	sents := sc.sents[:0]
	for i := range vals {
		sents = append(sents, &vals[i])
	}
	// put clears what the article used, the tokens appended past the
	// pooled buffer's capacity included.
	sc.vals, sc.sents = vals, sents
	if !lm.m.korean {
		sc.toks = tokBuf
	}
	out := sc.out[:0]
	// Claims under construction live in two buffers reused across
	// sentences: the current sentence's and the previous one's.
	cur, kept, prev := sc.cur[:0], sc.kept[:0], sc.prev[:0]
	defer func() { sc.cur, sc.kept, sc.prev = cur, kept, prev }()
	prevAt, otherAt := -10, -10
	prevSpeaker := ""
	for i, s := range sents {
		if !mlHasNumber(s.text, lm.m.korean) {
			continue
		}
		if s.hits == nil {
			lm.readHits(s)
		}
		s.table = mlTableAt(lm, sents, i)
		s.figs = lm.figures(s)
		if len(s.figs) == 0 {
			continue
		}
		if len(s.figs) > mlMaxFigures {
			// A "sentence" with this many figures is a table or a dump;
			// each claim quotes the whole of it, and attaching words to
			// each figure scans it again.
			s.figs = s.figs[:mlMaxFigures]
		}
		s.times = lm.times(s, a.Published)
		cur = cur[:0]
		others := 0
		for fi := range s.figs {
			f := &s.figs[fi]
			cs := s
			if s.table != nil {
				cs = s.table.cell(lm, s, f)
			}
			ic, why := mlBuildClaim(lm, a, cs, f)
			ic.c.Quote = s.text
			if why == "" && s.table != nil {
				if s.table.otherCountryRow(lm, sents, s) {
					why = dropOtherPeople
				} else {
					s.table.apply(lm, s, f, &ic)
				}
			}
			if why == "" && i-otherAt == 1 && mlSameOthers(lm, s) {
				why = dropOtherPeople
			}
			if why != "" {
				others += btoi(why == dropOtherPeople)
				out = append(out, Candidate{Claim: ic.c, Dropped: why})
				continue
			}
			cur = append(cur, ic)
		}
		if len(cur) == 0 {
			if others > 0 {
				otherAt = i
			}
			continue
		}
		if !mlNorthKoreaNear(lm, sents, i) && (s.table == nil || !s.table.namesOrigin(lm, sents)) {
			// Nothing here or in the sentences before names North
			// Korea: the people counted are someone else (이주노동자
			// 500만 명, 100 тысяч местных жителей).
			for k := range cur {
				out = append(out, Candidate{Claim: cur[k].c, Dropped: dropNoOrigin})
			}
			continue
		}
		// Attribution in the next sentence ("Об этом сообщил ...") covers
		// this one's unattributed figures.
		// A sentence between that names no source of its own goes on
		// with the same report: "2 тысячи погибли. По предварительным
		// данным, направлено 13 тысяч. Об этом сообщает Yonhap".
		for j := i + 1; j < len(sents) && j <= i+2; j++ {
			if src, via := mlBackAttribution(lm, sents[j]); src != "" {
				for k := range cur {
					if !cur[k].hasSource {
						cur[k].c.Source, cur[k].c.Via, cur[k].hasSource = src, via, true
					}
				}
				break
			}
			if mlOwnReport(sents[j]) {
				break
			}
		}
		if lm.m.korean && koNarration(s) {
			for k := range cur {
				// The article's own recap of a deployment (koNarration).
				if cur[k].c.Event == flowwatch.EventSent {
					cur[k].hasSource = true
				}
			}
		}
		// "По его словам, ...", "объяснил депутат", "박 의원은": a source
		// named in the sentences before speaks again.
		for k := range cur {
			// "Ранее сообщалось, что та же служба оценивала …": an
			// anaphor names whom the unnamed report is from.
			if !cur[k].hasSource || cur[k].c.Source == "" && mlPointsToSpeaker(s) {
				if src := mlRecall(lm, sents, i); src != "" {
					cur[k].c.Source, cur[k].c.Via, cur[k].hasSource = src, "", true
				} else if !lm.m.korean && mlPointsToOfficial(s) {
					// "По его словам" with no person named before: someone
					// the article does not name speaks, not the agency
					// the figure before was from.
					cur[k].hasSource = true
				}
			}
		}
		// "«… общаются со следователями СБУ», — написал президент":
		// who closes the quotation speaks its figures, whoever the
		// quotation names.
		if lm.quoteSpeaker != nil {
			for k := range cur {
				if sp := lm.quoteSpeaker(lm, text, sents, i, cur[k].c.FigureStart-s.start); sp != "" {
					cur[k].c.Source, cur[k].c.Via, cur[k].hasSource = sp, "", true
				}
			}
		}
		// "NHK добавляет, что речь идет о заводе в Татарстане. Туда
		// планируют отправить 25 тысяч рабочих": who speaks the sentence
		// before, which has no figure, goes on speaking.
		if lm.speaker != nil && i > 0 && (i-prevAt > 1 || len(prev) == 0) {
			p := sents[i-1]
			if p.hits == nil {
				lm.readHits(p)
			}
			if sp := lm.speaker(p); sp != "" && len(lm.figures(p)) == 0 {
				for k := range cur {
					if !cur[k].hasSource {
						cur[k].c.Source, cur[k].hasSource = sp, true
					}
				}
			}
		}
		// "Правозащитники и эксперты утверждают, что …": a sentence with a
		// teller of its own whom the gazetteer does not know does not go
		// on with the speaker before.
		if !lm.m.korean && mlOwnTeller(s) {
			for k := range cur {
				cur[k].hasSource = true
			}
		}
		kept = kept[:0]
		if lm.m.korean {
			koSumsOfPeople(cur)
		}
		ctx := ""
		for k := range cur {
			if !cur[k].hasGroup && i > 0 && (i-prevAt > 2 || len(prev) == 0) && !mlForeignTopic(lm, s) {
				ctx = mlLastGroup(lm, sents[i-1])
				break
			}
		}
		for k := range cur {
			if mlInherit(&cur[k], prev, prevSpeaker, i-prevAt <= 2, ctx) {
				if !cur[k].hasSource && cur[k].c.Source == "" && prevSpeaker != "" && i-prevAt == 1 && mlSideOf(prev, cur[k].c.Group) {
					// "По словам Мацегоры, Россия выдает 12 тысяч виз.
					// Всего трудилось 35 тысяч северокорейцев": the
					// speaker goes on about civilians (or troops), whoever
					// of them he counts next.
					cur[k].c.Source = prevSpeaker
				} else if !cur[k].hasSource && cur[k].c.Source == "" && i-prevAt == 1 && !lm.m.korean {
					// "По данным NIS, КНДР отправит еще 6 тысяч военных.
					// Кроме того, 1 тысяча саперов уже прибыла": the
					// report goes on about the same side, another unit.
					cur[k].c.Source, cur[k].c.Via = mlSideSource(prev, cur[k].c.Group)
				}
				kept = append(kept, cur[k])
			} else {
				out = append(out, Candidate{Claim: cur[k].c, Dropped: dropNoGroup})
			}
		}
		if len(kept) == 0 {
			continue
		}
		for _, ic := range kept {
			out = append(out, Candidate{Claim: ic.c})
		}
		// The old previous buffer becomes the next sentence's.
		prev, kept, prevAt = kept, prev[:0], i
		prevSpeaker = ""
		if lm.speaker != nil {
			prevSpeaker = lm.speaker(s)
		}
	}
	// The candidates leave in the caller's slice; the buffer they were
	// gathered in stays for the next article.
	sc.out = out
	return append(dst, out...)
}

// koSumsOfPeople gives a Korean sum with no group of its own the group of the
// people a figure of the same sentence counts ("파병 규모가 3만 명으로
// 늘어나면 북한이 해마다 1조 원을 더 벌 것"): what the sentence pays or
// earns is theirs, before any sentence further back lends one. Russian
// sums keep the sentences before's group: on the Russian train folds the
// same rule let a later bare count inherit wrongly.
func koSumsOfPeople(cur []mlClaim) {
	group := ""
	for _, ic := range cur {
		if ic.c.Kind == flowwatch.KindPeople && ic.hasGroup {
			if group != "" && group != ic.c.Group {
				return // two peoples: the sum's is not known
			}
			group = ic.c.Group
		}
	}
	if group == "" {
		return
	}
	for k := range cur {
		if cur[k].c.Kind == flowwatch.KindMoney && !cur[k].hasGroup {
			cur[k].c.Group, cur[k].hasGroup = group, true
		}
	}
}

// mlInherit fills what a figure's sentence leaves unsaid from the figure
// before it, when the two are one series: the sentence right after
// (or one sentence further) continuing the same group. It reports false
// when the figure names no group and has none to inherit: a count of
// unnamed people is not a claim about North Koreans.
func mlInherit(ic *mlClaim, prev []mlClaim, speaker string, near bool, ctx string) bool {
	var p *mlClaim
	if near && len(prev) > 0 {
		p = &prev[len(prev)-1]
		for k := len(prev) - 1; k >= 0; k-- {
			if prev[k].c.Kind == flowwatch.KindPeople {
				p = &prev[k]
				break
			}
		}
	}
	if !ic.hasGroup && (p == nil || p.c.Group == "") && ctx != "" {
		// "북한은 러시아에 노동자를 보내고 있다. 올해만 1만5천 명이
		// 입국했다": the people the sentence before named, when it has no
		// figure of its own.
		ic.c.Group, ic.hasGroup = ctx, true
	}
	if !ic.hasGroup {
		if p == nil || p.c.Group == "" {
			if !ic.ownNK {
				return false
			}
			ic.c.Group, ic.hasGroup = flowwatch.GroupNationals, true
			if ic.toWork {
				ic.c.Group = flowwatch.GroupWorkers
			}
			return true
		}
		ic.c.Group = p.c.Group
		if ic.c.Kind == flowwatch.KindPeople && !ic.hasEvent && !p.docs {
			ic.c.Event = p.c.Event
			ic.hasEvent = true
		}
	} else if p == nil || p.c.Group != ic.c.Group {
		p = nil
	}
	if p != nil {
		// The speaker of the sentence before ("По словам Ли, ...") goes on
		// speaking; failing one, its figure's source does.
		if !ic.hasSource {
			if speaker != "" {
				ic.c.Source = speaker
			} else if p.c.Source != "" {
				ic.c.Source, ic.c.Via = p.c.Source, p.c.Via
			}
		}
		if !ic.hasPlace && len(p.c.Place) > 0 {
			ic.c.Place = append([]string(nil), p.c.Place...)
		}
		if ic.c.Kind == flowwatch.KindPeople && !ic.hasEvent && p.c.Event != "" && !p.docs {
			// Papers issued lend no event: the people after them did not
			// enter by being counted in the same story.
			ic.c.Event, ic.hasEvent = p.c.Event, true
		}
	}
	if ic.c.Group == flowwatch.GroupNationals && ic.toWork {
		// "Они трудятся на стройках, чтобы заработать несколько тысяч
		// долларов": the nationals before, at work.
		ic.c.Group = flowwatch.GroupWorkers
	}
	if ic.c.Kind == flowwatch.KindPeople && ic.c.Event == "" {
		ic.c.Event = mlDefaultEvent(ic.c.Group)
	}
	if ic.c.Group == flowwatch.GroupNationals && ic.c.Event == flowwatch.EventSent {
		// Civilians moving into Russia are counted at the border.
		ic.c.Event = flowwatch.EventEntered
	}
	return true
}

// mlSameSide reports whether two groups are both civilians (workers,
// nationals, IT workers) or both military (soldiers, engineers): one
// story, which a speaker may go on telling.
func mlSameSide(a, b string) bool {
	mil := func(g string) bool { return g == flowwatch.GroupSoldiers || g == flowwatch.GroupEngineers }
	return a != "" && b != "" && mil(a) == mil(b)
}

// mlSideOf reports whether a claim of ps is on the side of group g.
func mlSideOf(ps []mlClaim, g string) bool {
	for _, p := range ps {
		if mlSameSide(p.c.Group, g) {
			return true
		}
	}
	return false
}

// mlSideSource is the source and via of the last claim of ps on the same
// side as group g (mlSameSide), or "".
func mlSideSource(ps []mlClaim, g string) (source, via string) {
	for k := len(ps) - 1; k >= 0; k-- {
		if mlSameSide(ps[k].c.Group, g) {
			return ps[k].c.Source, ps[k].c.Via
		}
	}
	return "", ""
}

// mlDefaultEvent is what a bare count of a group means: North Koreans
// counted in general are counted at the border; workers and troops
// counted without a verb are there.
func mlDefaultEvent(group string) string {
	if group == flowwatch.GroupNationals {
		return flowwatch.EventEntered
	}
	return flowwatch.EventPresent
}

// mlBuildClaim reads a figure's claim, and why the rules would not take
// it ("" when they take it).
// ownOriginBytes is how far after a figure its noun phrase may name its
// people's country: "специалистов из Северной Кореи" is 53 bytes.
const ownOriginBytes = 64

// mlSameOthers reports whether a sentence right after one that counted
// only another people (러시아인 방북객, 탈북민 입국) goes on about them: it
// names no North Korean of its own and no people of another kind, so
// "이 중 관광 목적 방문자는 …", "여성 198명, 남성 25명" count the same
// visitors or defectors.
func mlSameOthers(lm *mlModule, s *mlSent) bool {
	return !mlNamesNorthKorea(lm, s, 0, len(s.text))
}

// koBackAttribution is the source a Korean sentence without figures
// gives the sentence before it: it ends saying that was someone's work
// (grammar back_endings: "… 자료를 분석한 결과다", "… 국정원의 설명이다"),
// and its first source is whose.
func koBackAttribution(lm *mlModule, s *mlSent) (source, via string) {
	t := koTrimEnd(s.text)
	end := false
	for _, w := range koBackEndings {
		if strings.HasSuffix(t, w) {
			end = true
			break
		}
	}
	if !end || len(lm.figures(s)) > 0 {
		return "", ""
	}
	for i, h := range s.hits {
		if h.cat == catSource {
			return mlCited(lm, s, i)
		}
	}
	return "", ""
}

// koTrimEnd is strings.TrimRight(t, ".。 ") without decoding runes: every
// figure's next sentences are asked whether they attribute it.
func koTrimEnd(t string) string {
	for {
		switch {
		case strings.HasSuffix(t, ".") || strings.HasSuffix(t, " "):
			t = t[:len(t)-1]
		case strings.HasSuffix(t, "。"):
			t = t[:len(t)-len("。")]
		default:
			return t
		}
	}
}

// mlPointsToOfficial reports whether a sentence holds an anaphor of a
// person who speaks (по его словам, он заявил, депутат).
func mlPointsToOfficial(s *mlSent) bool {
	for _, h := range s.hits {
		if h.cat == catAnaphor && h.value == "official" {
			return true
		}
	}
	return false
}

// mlPointsToSpeaker reports whether a sentence holds an anaphor of a
// kind of speaker (та же служба, депутат, 의원은), not one of any report.
func mlPointsToSpeaker(s *mlSent) bool {
	for _, h := range s.hits {
		if h.cat == catAnaphor && h.value != "any" {
			return true
		}
	}
	return false
}

func mlBuildClaim(lm *mlModule, a *flowwatch.Article, s *mlSent, f *mlFig) (mlClaim, string) {
	var ic mlClaim
	c := &ic.c
	c.Article = a.Name
	c.Kind, c.Unit, c.Qualifier = f.kind, f.unit, f.qual
	c.Low, c.High = f.low, f.high
	c.Per = f.per
	c.Lang = lm.code
	c.Quote = s.text
	c.Start, c.End = s.start, s.end
	c.FigureStart, c.FigureEnd = s.start+f.start, s.start+f.end
	c.Outlet, c.URL, c.Published = a.Outlet, a.URL, a.Published

	if f.kind == flowwatch.KindMoney && mlRate(lm, s, f) {
		return mlFinish(lm, s, f, ic), dropRate
	}
	group := f.group
	if group == "foreign" {
		return mlFinish(lm, s, f, ic), dropOtherPeople
	}
	if group == "" || group == "person" {
		if gi := lm.group(s, f); gi >= 0 && (group == "" || s.hits[gi].end <= f.start) {
			// "1696 человек" takes the group named before it ("812
			// посетителей ... до 1696 человек"), never one named after.
			h := s.hits[gi]
			if h.cat == catForeign {
				return mlFinish(lm, s, f, ic), dropOtherPeople
			}
			if gi > 0 && s.hits[gi-1].cat == catForeign && strings.TrimSpace(s.text[s.hits[gi-1].end:h.start]) == "" {
				// "우크라이나군 병사 200여 명": another people's soldiers.
				return mlFinish(lm, s, f, ic), dropOtherPeople
			}
			group = h.value
		}
	}
	ev := ""
	if f.kind == flowwatch.KindPeople {
		ev, _ = lm.event(s, f)
		if (group == "" || group == "person") && ev != "" {
			// 파병 sends troops: the event word names the group.
		implied:
			for _, h := range s.hits {
				// A verb of planning may be the event word too: 파병할 듯.
				if h.cat != catEvent && h.cat != catPlan {
					continue
				}
				w := mlLower(s.text[h.start:h.end])
				for k, g := range lm.implied {
					if strings.HasPrefix(w, k) {
						group = g
						break implied
					}
				}
			}
		}
	}
	if f.kind == flowwatch.KindPeople {
		if g, ok := mlDocuments(lm, s, f); ok {
			ic.docs = true
			// "выписала 640 разрешений на работу": papers issued are an
			// entry statistic, unless the clause plans them (a quota).
			if ev != flowwatch.EventPlanned {
				ev = flowwatch.EventEntered
			}
			if g == flowwatch.GroupWorkers || group == "" || group == "person" {
				group = g
			}
		}
	}
	if group == "person" {
		// "1,5 тысячи специалистов из КНДР": a generic noun's people are
		// North Koreans by their own words when the sentences before
		// lend no group (mlInherit).
		ic.ownNK = mlNamesNorthKorea(lm, s, f.end, min(f.end+ownOriginBytes, len(s.text)))
		group = ""
	}
	ic.toWork = mlToWork(lm, s, f)
	if group == flowwatch.GroupNationals && ic.toWork {
		group = flowwatch.GroupWorkers
	}
	if group == flowwatch.GroupNationals && (ev == flowwatch.EventKilled || ev == flowwatch.EventWounded || ev == flowwatch.EventCaptured) {
		// North Koreans the war kills, wounds or captures are its soldiers.
		group = flowwatch.GroupSoldiers
	}
	if group == flowwatch.GroupNationals && ev == flowwatch.EventSent {
		// Civilians moving into Russia are counted at the border.
		ev = flowwatch.EventEntered
	}
	c.Group, ic.hasGroup = group, group != ""
	c.Event, ic.hasEvent = ev, ev != ""
	people := f.kind == flowwatch.KindPeople
	switch {
	case mlOtherPeople(lm, s, f) || people && (mlForeignSubject(lm, s, f) || !lm.m.korean && ruFromAbroad(lm, s, f)) ||
		!people && !lm.m.korean && ruPaidAbroad(lm, s, f):
		return mlFinish(lm, s, f, ic), dropOtherPeople
	case people && mlDemand(lm, s, f):
		if c.Event == "" {
			c.Event = flowwatch.EventPlanned // a need for people is a hire to come
		}
		return mlFinish(lm, s, f, ic), dropDemand
	case people && mlGroupSize(lm, s, f):
		return mlFinish(lm, s, f, ic), dropGroupSize
	}
	return mlFinish(lm, s, f, ic), ""
}

// mlRate reports whether a sum is a rate of exchange: a word naming one
// stands before it in its clause ("환율은 1달러에 80루블", "курс доллара —
// около 80 рублей"). Both sums of the rate price a currency; neither is
// paid to anyone.
func mlRate(lm *mlModule, s *mlSent, f *mlFig) bool {
	if len(lm.rates) == 0 {
		return false
	}
	cs, _ := s.clauseBounds(f)
	clause := s.low[cs:f.start]
	for _, w := range lm.rates {
		if strings.Contains(clause, w) {
			return true
		}
	}
	return false
}

// mlDocuments reports whether a figure counts papers issued to people
// (lexicon documents: "640 разрешений на работу", "полторы тысячи
// виз"): a document noun among the few words right after it before any
// noun of people; and the group the papers are for. Korean reads no
// tokens and says no.
func mlDocuments(lm *mlModule, s *mlSent, f *mlFig) (string, bool) {
	return mlDocumentsAt(lm.nums, s, f.end)
}

// mlDocumentsAt is mlDocuments for the figure that ends at byte end.
func mlDocumentsAt(nl *mlNums, s *mlSent, end int) (string, bool) {
	if s.toks == nil || len(nl.docs) == 0 {
		return "", false
	}
	j := 0
	for j < len(s.toks) && s.toks[j].start < end {
		j++
	}
	for k := j; k < len(s.toks) && k < j+docWords; k++ {
		prev := end
		if k > j {
			prev = s.toks[k-1].end
		}
		if gap := strings.TrimSpace(s.text[prev:s.toks[k].start]); gap != "" && !(gap == "." && k > 0 && s.toks[k-1].low == "тыс") {
			return "", false
		}
		for _, d := range nl.docs {
			n := len(d.words)
			if k+n > len(s.toks) {
				continue
			}
			ok := true
			for w := 0; w < n && ok; w++ {
				ok = d.tokenIs(w, s.toks[k+w].low)
			}
			if ok {
				return d.value, true
			}
		}
		for _, h := range s.hits {
			if h.start == s.toks[k].start && (h.cat == catGroup && h.value != "" || h.cat == catForeign) {
				return "", false // "500 человек по рабочим визам": people, not papers
			}
		}
	}
	return "", false
}

// docWords is how many words after a figure its document noun may
// stand: "2 тысячи с небольшим новых патентов".
const docWords = 4

// mlToWork reports whether a figure's clause says its people go or are
// there to work ("на работу отправились тысячи северокорейцев",
// "трудилось 35 тысяч северокорейцев"): a lexicon work phrase, a word
// starting with a one-word entry or holding a phrase.
func mlToWork(lm *mlModule, s *mlSent, f *mlFig) bool {
	spans := lm.workSpans(s)
	if len(spans) == 0 {
		return false
	}
	cs, ce := s.clauseBounds(f)
	for _, sp := range spans {
		if sp.start >= cs && sp.end <= ce {
			return true
		}
	}
	return false
}

// workSpans are where the sentence's work words stand, read once: every
// figure of the sentence asks about its own clause, and scanning the
// clause for each word again per figure was a thirtieth of reading
// Russian. Korean finds each word as a substring of the text; Russian
// finds a phrase in the text and a one-word entry as the stem of a
// token. A word is in a clause when one of its spans is.
func (lm *mlModule) workSpans(s *mlSent) []mlSpan {
	if s.work != 0 {
		return s.workAt
	}
	s.work = 2
	phrases, stems := lm.work, (*stemSet)(nil)
	if s.toks != nil {
		phrases, stems = lm.workSplit()
	}
	for _, w := range phrases {
		// Every occurrence, overlapping ones too: a clause may hold a
		// later one and not the first.
		for off := 0; off < len(s.low); {
			k := mlIndex(s.low[off:], w)
			if k < 0 {
				break
			}
			s.workAt = append(s.workAt, mlSpan{off + k, off + k + len(w)})
			off += k + 1
		}
	}
	for _, t := range s.toks {
		if stems.prefixOf(t.low) {
			s.workAt = append(s.workAt, mlSpan{t.start, t.end})
		}
	}
	if len(s.workAt) > 0 {
		s.work = 1
	}
	return s.workAt
}

// workSplit is lm.work in the phrases of several words and the single
// words (stems).
func (lm *mlModule) workSplit() (phrases []string, stems *stemSet) {
	lm.workOnce.Do(func() {
		var ws []string
		for _, w := range lm.work {
			if strings.Contains(w, " ") {
				lm.workPhrases = append(lm.workPhrases, w)
			} else {
				ws = append(ws, w)
			}
		}
		lm.workStems = newStemSet(ws)
	})
	return lm.workPhrases, &lm.workStems
}

// mlFinish reads the places, time and source of a figure's claim.
func mlFinish(lm *mlModule, s *mlSent, f *mlFig, ic mlClaim) mlClaim {
	c := &ic.c

	for _, h := range s.hits {
		if h.cat == catPlace && !lm.places[h.value].Ignore && !mlContains(c.Place, h.value) {
			c.Place = append(c.Place, h.value)
		}
	}
	ic.hasPlace = len(c.Place) > 0
	c.When = mlFigureTime(s, f)
	c.Source, c.Via = mlFigureSource(lm, s, f)
	ic.hasSource = c.Source != "" || mlUnnamedAttribution(s)
	return ic
}

func mlContainsAny(s string, words []string) bool {
	for _, w := range words {
		if mlHas(s, w) {
			return true
		}
	}
	return false
}

// mlUnnamedAttribution reports whether a sentence is attributed to
// someone it does not name ("По словам источника, ...", "Ранее
// сообщалось, что ..."): another report than the sentence before's,
// whose source it must not take. Every figure of the sentence asks; it
// is read once.
func mlUnnamedAttribution(s *mlSent) bool {
	if s.unnamed == 0 {
		s.unnamed = 2
		if mlReadUnnamed(s) {
			s.unnamed = 1
		}
	}
	return s.unnamed == 1
}

// mlReadUnnamed is mlUnnamedAttribution read from the sentence.
func mlReadUnnamed(s *mlSent) bool {
	if s.toks == nil {
		// Korean: a report with no reporter (…것으로 알려졌다, …전해졌다).
		return koUnnamedSet.in(s.text)
	}
	for i, h := range s.hits {
		if h.cat != catAccord {
			continue
		}
		if i+1 < len(s.hits) && s.hits[i+1].cat == catAnaphor {
			// "Согласно информации агентства": a source named before.
			continue
		}
		if i+1 >= len(s.hits) || s.hits[i+1].cat != catSource && s.hits[i+1].cat != catPlace || strings.TrimSpace(s.text[h.end:s.hits[i+1].start]) != "" {
			return true
		}
	}
	return mlImpersonalSaidSet.in(s.low)
}

// mlImpersonalSaid open an earlier, unnamed report ("Ранее сообщалось";
// "Напомним, …": the outlet recalls it in its own voice).
// Not "как утверждается", "сообщается": those go on with the report of
// the sentence before.
var mlImpersonalSaid = []string{"ранее сообщалось", "ранее сообщал", "сообщалось ранее", "напомним"}

var mlImpersonalSaidSet = newWordSet(mlImpersonalSaid)

func mlContains(xs []string, x string) bool {
	for _, y := range xs {
		if y == x {
			return true
		}
	}
	return false
}

// mlFigureTime is the time expression nearest before the figure in its
// sentence, else the first one after it. A nearest expression that does
// not resolve leaves the time unknown rather than borrowing another.
func mlFigureTime(s *mlSent, f *mlFig) *flowwatch.Period {
	best := -1
	for i, t := range s.times {
		if t.end <= f.start {
			best = i
		}
	}
	if best >= 0 && mlTimeOfOther(s, f, s.times[best]) {
		// "9 000 осенью 2024 года и еще 2 000 в феврале
		// этого года": the time before is another figure's; the one
		// right after this figure, in its clause, is its own.
		for i, t := range s.times {
			if t.start >= f.end {
				if gap := s.text[f.end:t.start]; !strings.ContainsAny(gap, ",;:.()—") && mlWordsBetween(gap) <= 2 {
					best = i
				}
				break
			}
		}
	}
	if best < 0 {
		for i, t := range s.times {
			if t.start >= f.end {
				// "북한군 9천명 중 2천명 사상…1∼2월 1천명 증원": a
				// headline's next clause dates its own figures.
				if !strings.Contains(s.text[f.end:t.start], "…") {
					best = i
				}
				break
			}
		}
	}
	if best < 0 || s.times[best].period == nil {
		return nil
	}
	p := *s.times[best].period
	return &p
}

// mlTimeOfOther reports whether time t, before figure f, belongs to
// another figure: one stands between them, or t follows one with at
// most a word between and no punctuation ("9 000 осенью").
func mlTimeOfOther(s *mlSent, f *mlFig, t mlTime) bool {
	for _, g := range s.figs {
		if g.start >= t.end && g.end <= f.start {
			return true
		}
		if g.end <= t.start {
			if gap := s.text[g.end:t.start]; !strings.ContainsAny(gap, ",;:.()—") && mlWordsBetween(gap) <= 1 {
				return true
			}
		}
	}
	return false
}

// mlFigureSource is who the sentence attributes the figure to: the source
// named nearest before the figure, else the first named after it.
func mlFigureSource(lm *mlModule, s *mlSent, f *mlFig) (source, via string) {
	if lm.m.korean {
		switch i := koSpeaker(lm, s, f); {
		case i >= 0:
			return mlCited(lm, s, i)
		case i == koHearsay:
			return "", ""
		}
	}
	best := -1
	for i, h := range s.hits {
		if h.end <= f.start && mlIsSource(lm, s, h) {
			best = i
		}
	}
	if best < 0 {
		for i, h := range s.hits {
			if h.start >= f.end && mlIsSource(lm, s, h) {
				best = i
				break
			}
		}
	}
	if best < 0 {
		return lm.names.speaker(s), ""
	}
	if ruToldOutlet(lm, s, best) {
		// "Виталий Петров рассказал «Известиям», что …": the one who
		// tells is the source, the outlet he told relays him.
		if sp := lm.names.speaker(s); sp != "" {
			return sp, s.hits[best].value
		}
	}
	return mlCited(lm, s, best)
}

// ruToldOutlet reports whether source hit i is an outlet in the dative
// right after a reporting verb ("рассказал «Ведомостям»", "сообщил
// Интерфаксу"): whom the speaker told, not who speaks. Indeclinable
// names (ТАСС) say nothing of their case and are left as they are.
func ruToldOutlet(lm *mlModule, s *mlSent, i int) bool {
	if s.toks == nil || i == 0 || !lm.outlets[s.hits[i].value] {
		return false
	}
	h, p := s.hits[i], s.hits[i-1]
	if p.cat != catSaid || strings.Trim(s.text[p.end:h.start], " «\"“") != "" {
		return false
	}
	w := strings.Trim(s.low[h.start:h.end], " «»\"“”")
	for _, end := range ruDativeEnds {
		if strings.HasSuffix(w, end) {
			return true
		}
	}
	return false
}

// ruDativeEnds end an outlet's name in the dative: «Ведомостям»,
// «Известиям», Интерфаксу, «Коммерсанту».
var ruDativeEnds = []string{"ам", "ям", "у", "ю"}

func mlIsSource(lm *mlModule, s *mlSent, h mlHit) bool {
	switch h.cat {
	case catSource:
		if mlResolution(s, h) {
			return false
		}
		// Russian: a person named in a sentence is often its actor
		// ("которых Ким Чен Ын отправил"); a person is its source only
		// with a cue (по словам, заявил, "Шойгу:").
		if s.toks == nil {
			return !koPossessor(s, h)
		}
		if lm.srcs[h.value].Kind == "official" || ruObjectOf(s, h) {
			return ruCued(s, h)
		}
		return true
	case catPlace:
		// The origin country is the actor of these sentences, not who
		// reports them (북한이 파견한 노동자).
		return h.value != "North Korea" && lm.subjectOK(s, h) && !(lm.m.korean && koSourcePlace(s, h))
	}
	return false
}

// koPossessor reports whether a Korean source hit is a possessor ("김정은의
// 결단", "러시아 국방부의 지원"), not a speaker: 의 follows and the noun
// after it is no report of its ("국정원의 분석", "국방부의 발표").
func koPossessor(s *mlSent, h mlHit) bool {
	rest := s.text[h.end:]
	if !strings.HasPrefix(rest, "의 ") {
		return false
	}
	rest = strings.TrimPrefix(rest, "의 ")
	for _, w := range koReportNouns {
		if strings.HasPrefix(rest, w) {
			return false
		}
	}
	return true
}

// ruObjectOf reports whether a Russian source hit is the object of a
// preposition, alone or after its noun ("со следователями СБУ", "для
// допроса СБУ", "о докладе ООН"), or the genitive of a rule or a seat it
// holds (grammar held_heads: "запрет Совбеза ООН"): a body the sentence
// mentions, which speaks only with a cue.
func ruObjectOf(s *mlSent, h mlHit) bool {
	k := mlTokenAt(s.toks, h.start)
	if k > 0 && ruHeldHeads[s.toks[k-1].low] && strings.TrimSpace(s.text[s.toks[k-1].end:s.toks[k].start]) == "" {
		return true
	}
	for b := k - 1; b >= 0 && b >= k-2; b-- {
		if strings.ContainsAny(s.text[s.toks[b].end:s.toks[b+1].start], ",.;:«»\"()") {
			return false
		}
		if ruObjectPreps[s.toks[b].low] {
			return true
		}
	}
	return false
}

// mlCited turns an outlet that cites its source into that source, with
// the outlet as via: "агентство «Ёнхап» со ссылкой на данные НИС",
// "연합뉴스는 국정원을 인용해". Anything else is its own source.
func mlCited(lm *mlModule, s *mlSent, i int) (source, via string) {
	h := s.hits[i]
	if lm.m.korean && h.cat == catSource && !lm.outlets[h.value] && i+1 < len(s.hits) && s.hits[i+1].cat == catCite && s.hits[i+1].start-h.end <= 8 {
		// 연합뉴스는 국정원을 인용해: the cited source is nearest the
		// figure; the outlet that cites it is the via.
		for _, o := range s.hits {
			if o.cat == catSource && lm.outlets[o.value] {
				return h.value, o.value
			}
		}
	}
	if h.cat != catSource || !lm.outlets[h.value] {
		return lm.koFullerSource(s, h), ""
	}
	if lm.m.korean {
		// Y를 인용해: the cited source stands right before the citing word.
		for k := 1; k < len(s.hits); k++ {
			c := s.hits[k]
			if c.cat != catCite {
				continue
			}
			y := s.hits[k-1]
			if y.cat == catSource && y.value != h.value && c.start-y.end <= 8 {
				return y.value, h.value
			}
		}
		return h.value, ""
	}
	// со ссылкой на (данные) Y: the cited source follows within a few words.
	for k := i + 1; k+1 < len(s.hits) && k <= i+2; k++ {
		if s.hits[k].cat != catCite {
			continue
		}
		y := s.hits[k+1]
		if y.cat == catSource && y.start-s.hits[k].end <= 24 {
			return y.value, h.value
		}
	}
	return h.value, ""
}

// mlBackAttribution is the source a figure-less sentence that opens with an
// attribution formula ("Об этом сообщил X", "Такие данные приводит X")
// gives to the sentence before it.
func mlBackAttribution(lm *mlModule, s *mlSent) (source, via string) {
	if s.hits == nil {
		lm.readHits(s)
	}
	if lm.m.korean {
		return koBackAttribution(lm, s)
	}
	opened := false
	for i, h := range s.hits {
		if h.cat == catBack && h.start < 24 {
			opened = true
			continue
		}
		if !opened {
			continue
		}
		// The formula cues the person it names: "Об этом в пятницу
		// написал в соцсетях президент Украины Владимир Зеленский".
		if mlIsSource(lm, s, h) || h.cat == catSource && !mlResolution(s, h) {
			// "Как передает Vesti.az, об этом заявил депутат Ли": the
			// outlet relays; who the second formula names is the source.
			if lm.outlets[h.value] {
				if y := mlLaterBackSource(lm, s, i); y >= 0 {
					h, i = s.hits[y], y
				}
			}
			if len(lm.figures(s)) > 0 {
				return "", ""
			}
			return mlCited(lm, s, mlHeadOf(lm, s, i))
		}
	}
	if lm.pronounReport != nil {
		if i := lm.pronounReport(lm, s); i >= 0 && len(lm.figures(s)) == 0 {
			return mlCited(lm, s, mlHeadOf(lm, s, i))
		}
	}
	// "Такие данные привел на заседании … Олег Гусельников": a person the
	// gazetteer does not know, named in full after the formula.
	if opened && len(lm.figures(s)) == 0 {
		if name, _ := lm.names.last(s); name != "" {
			return name, ""
		}
	}
	return "", ""
}

// mlOwnReport reports whether a sentence names a source or a reporting
// verb of its own: it is another report, not one an attribution after it
// may cover with the sentence before it.
func mlOwnReport(s *mlSent) bool {
	for _, h := range s.hits {
		switch h.cat {
		case catSource, catSaid, catBack, catAnaphor:
			return true
		}
	}
	return false
}

// mlOwnTeller reports whether a Russian sentence opens with its own
// teller and reporting verb ("Эксперты утверждают, что", "Правозащитники
// считают"): a plural verb of saying before the first comma, no anaphor
// in it.
func mlOwnTeller(s *mlSent) bool {
	head := strings.IndexByte(s.text, ',')
	if head < 0 {
		return false
	}
	for _, h := range s.hits {
		if h.start >= head {
			break
		}
		switch h.cat {
		case catAnaphor, catBack, catAccord:
			return false
		case catSaid:
			// Not "Как утверждается, …" (no teller) nor "7887 человек
			// заявили" (the people counted tell of themselves).
			// A plural verb: a body of people the text does not name
			// (a singular teller is a person the names or anaphora read).
			subj, verb := s.low[:h.start], s.low[h.start:h.end]
			plural := strings.HasSuffix(verb, "ют") || strings.HasSuffix(verb, "ят") || strings.HasSuffix(verb, "ли") || strings.HasSuffix(verb, "ут") || strings.HasSuffix(verb, "ат")
			return plural && strings.TrimSpace(subj) != "" && !strings.HasPrefix(subj, "как") && !strings.ContainsAny(subj, "0123456789")
		}
	}
	return false
}

// mlLaterBackSource is the source named after a second attribution
// formula (об этом) that follows hit i, or -1.
func mlLaterBackSource(lm *mlModule, s *mlSent, i int) int {
	again := false
	for k := i + 1; k < len(s.hits); k++ {
		h := s.hits[k]
		if h.cat == catBack {
			again = true
			continue
		}
		if again && mlIsSource(lm, s, h) {
			return k
		}
	}
	return -1
}

var koMagnitudeWords = []string{"천", "만", "백", "십", "억"}

// mlHasNumber is a cheap filter: most sentences hold no figure.
func mlHasNumber(s string, korean bool) bool {
	if !korean {
		return true // Russian number words are many; the reader is cheap on tokens
	}
	for i := 0; i < len(s); i++ {
		if s[i] >= '0' && s[i] <= '9' {
			return true
		}
	}
	// A rune's encoding never starts inside another's, so looking for the
	// bytes is ContainsAny without decoding every rune.
	for _, m := range koMagnitudeWords {
		if mlHas(s, m) {
			return true
		}
	}
	return false
}

// mlSources are the sources by canonical name.
func mlSources(d *domain.Domain) map[string]flowwatch.Source {
	out := map[string]flowwatch.Source{}
	for _, s := range d.Sources() {
		out[s.Name] = s
	}
	return out
}

// mlOutlets are the sources of kind outlet: news organisations that
// report others' figures.
func mlOutlets(d *domain.Domain) map[string]bool {
	out := map[string]bool{}
	for _, s := range d.Sources() {
		if s.Kind == "outlet" {
			out[s.Name] = true
		}
	}
	return out
}

// appendTrimmedSpan appends text[a:b] without its surrounding spaces,
// when anything is left: the sentence splitters' one way to emit.
func appendTrimmedSpan(out []mlSpan, text string, a, b int) []mlSpan {
	for a < b && mlIsSpace(text[a]) {
		a++
	}
	for b > a && mlIsSpace(text[b-1]) {
		b--
	}
	if a < b {
		out = append(out, mlSpan{a, b})
	}
	return out
}

// mlGroupSize reports whether a people figure is the size of each unit
// its people move or fight in, not a number of people, as English
// groupSize: Russian distributive по (отрядами по 50 человек, группами
// по 5-6 человек), Korean distributive 씩 (5~6명씩) or a unit after the
// count (10명 단위로, 5명이 한 조를 이뤄, 3명 1조로).
func mlGroupSize(lm *mlModule, s *mlSent, f *mlFig) bool {
	if !lm.m.korean {
		before := strings.TrimRight(s.low[:f.start], " \u00a0")
		if strings.HasSuffix(before, "по") {
			before = strings.TrimSuffix(before, "по")
			r, _ := utf8.DecodeLastRuneInString(before)
			return before == "" || !unicode.IsLetter(r)
		}
		// "группами из 5-6 человек": a unit noun, then из and its size;
		// "из 15 тысяч военных" alone is the whole of a part.
		if !strings.HasSuffix(before, " из") {
			return false
		}
		before = strings.TrimRight(strings.TrimSuffix(before, " из"), " ")
		word := before[strings.LastIndexAny(before, " ,;:")+1:]
		// Plural instrumental only, as English "in groups of": "отряд из
		// 3 тысяч военных" is one unit, a count.
		if !strings.HasSuffix(word, "ами") && !strings.HasSuffix(word, "ями") {
			return false
		}
		for _, st := range lm.groupSizes {
			if strings.HasPrefix(word, st) {
				return true
			}
		}
		return false
	}
	rest := strings.TrimLeft(s.text[f.end:], " ")
	rest = strings.TrimPrefix(rest, "여")
	rest = strings.TrimLeft(rest, " ")
	rest = strings.TrimPrefix(rest, "명")
	if strings.HasPrefix(rest, "씩") {
		return true
	}
	rest = strings.TrimPrefix(rest, "이")
	rest = strings.TrimPrefix(rest, "가")
	rest = strings.TrimLeft(rest, " ")
	for _, p := range koUnitAfter {
		if strings.HasPrefix(rest, p) {
			return true
		}
	}
	return false
}

// koUnitAfter follow a count that is the size of each unit: 10명 단위로,
// 5명이 한 조를, 3명 1조로, 4명 1개 조.
var koUnitAfter = []string{"단위", "한 조", "1조", "1개 조", "1개조", "한 팀", "1팀", "조를", "조로", "팀을 이뤄", "팀으로", "으로 구성된 조", "으로 구성된 소조", "으로 구성된 팀", "으로 구성된 분대", "으로 이뤄진 조", "으로 이뤄진 팀", "으로 이뤄진 분대"}

// ruCued reports whether a Russian source hit is marked as the one who
// speaks: after по словам/по данным or со ссылкой на (a title may stand
// between: "по словам законодателя Ли"), near a reporting verb before or
// after it (at most four words between, none a clause break: "Шойгу
// ранее сообщал", "сообщил секретарь Совбеза РФ Шойгу"), after a dash
// that closes a headline ("..., — Буданов"), or opening one ("Шойгу:").
func ruCued(s *mlSent, h mlHit) bool {
	at := -1
	for i, x := range s.hits {
		if x.start == h.start {
			at = i
			break
		}
	}
	if at < 0 {
		return false
	}
	for i := at - 1; i >= 0; i-- {
		p := s.hits[i]
		gap := s.text[p.end:h.start]
		if p.cat == catSaid && ruTitleGap(gap) {
			return true
		}
		if mlWordsBetween(gap) > 4 || strings.ContainsAny(gap, ",.;:«»\"()") {
			break
		}
		switch p.cat {
		case catAccord, catCite:
			// "по оценкам украинского президента Владимира Зеленского":
			// a title of up to three words.
			if mlWordsBetween(gap) <= 3 {
				return true
			}
		case catSaid:
			return true
		}
	}
	for i := at + 1; i < len(s.hits); i++ {
		n := s.hits[i]
		gap := s.text[h.end:n.start]
		if ruOccasion(gap) {
			if n.cat == catSaid {
				return true // "Шойгу по итогам переговоров в Пхеньяне сообщил"
			}
			continue // a place or a body named in the occasion
		}
		if mlWordsBetween(gap) > 3 || strings.ContainsAny(gap, ".;:«»\"") || strings.Count(gap, ",") == 1 {
			break
		}
		if n.cat == catSaid {
			return true
		}
	}
	before := strings.TrimRight(s.text[:h.start], " ")
	if strings.HasSuffix(before, "—") || strings.HasSuffix(before, "–") || strings.HasSuffix(before, " -") {
		return true
	}
	return strings.HasPrefix(strings.TrimSpace(s.text[h.end:]), ":")
}

// ruOccasion reports whether gap, between a speaker and the reporting
// verb after it, is the occasion of the statement: a phrase opened by a
// preposition (grammar ru/phrase_opener: "по итогам переговоров в
// Пхеньяне", "в интервью телеканалу"), at most six words, no clause
// break.
func ruOccasion(gap string) bool {
	w := mlFirstWord(strings.TrimLeft(gap, " "))
	return ruPhraseOpener[mlLower(w)] && mlWordsBetween(gap) <= 6 && !strings.ContainsAny(gap, ",.;:«»\"()—–")
}

// ruTitleStops end a clause or open a quotation: no title holds one.
var ruTitleStops = newRuneSet(".;:«»\"()")

// ruTitleGap reports whether gap, between a reporting verb and the person
// after it, holds only whom he told, his title and when: at most seven
// words ("сообщил журналистам секретарь Совета безопасности РФ Сергей
// Шойгу"), a date set off by commas not counted ("заявил во вторник, 17
// июня, секретарь …"), and as many as six more when the gap opens with
// the occasion (grammar ru/phrase_opener: "сообщил после переговоров с
// северокорейской стороной секретарь Совбеза …", "заявил на форуме
// "Восток" глава …").
func ruTitleGap(gap string) bool {
	gap = ruQuotedNames(gap)
	if ruTitleStops.in(gap) {
		return false
	}
	most := 7
	if ruPhraseOpener[mlLower(mlFirstWord(strings.TrimLeft(gap, " ")))] {
		most += 6
	}
	parts := strings.Split(gap, ",")
	if len(parts) == 2 {
		return false // one comma closes a clause, not an aside
	}
	words := 0
	for k, part := range parts {
		if k > 0 && k < len(parts)-1 {
			if !strings.ContainsAny(part, "0123456789") {
				return false
			}
			continue // the date aside
		}
		words += mlWordsBetween(part)
	}
	return words <= most
}

// ruQuotedNames writes each name in guillemets in s as one word, so that
// a title may hold one ("генеральный директор ООО «Строительная компания
// "Восход"»"), and so each name in straight quotes of at most three words
// (форум "Восточный вектор"); an unbalanced guillemet or quote is left
// for the caller to see.
func ruQuotedNames(s string) string {
	s = ruStraightQuoted(s)
	for {
		a := strings.Index(s, "«")
		if a < 0 {
			return s
		}
		depth, end := 0, -1
		for k, r := range s[a:] {
			switch r {
			case '«':
				depth++
			case '»':
				depth--
			}
			if depth == 0 {
				end = a + k + len("»")
				break
			}
		}
		if end < 0 {
			return s
		}
		s = s[:a] + "N" + s[end:]
	}
}

// ruStraightQuoted writes each name in straight double quotes in s as
// one word: a pair of quotes around one to three words, the opening one
// after a space or at the start, none inside (outside guillemets, which
// ruQuotedNames reads).
func ruStraightQuoted(s string) string {
	for from := 0; ; {
		a := strings.IndexByte(s[from:], '"')
		if a < 0 {
			return s
		}
		a += from
		b := strings.IndexByte(s[a+1:], '"')
		if b < 0 {
			return s
		}
		b += a + 1
		name := s[a+1 : b]
		if (a > 0 && s[a-1] != ' ') || strings.TrimSpace(name) != name || name == "" || mlWordsBetween(name) > 3 {
			from = a + 1
			continue
		}
		s = s[:a] + "N" + s[b+1:]
		from = a + 1
	}
}

// mlWordsBetween counts the words of a gap between two hits.
func mlWordsBetween(gap string) int { return mlFieldCount(gap) }

// mlFieldCount is len(strings.Fields(s)) without making the fields.
func mlFieldCount(s string) int {
	n, in := 0, false
	for _, r := range s {
		switch {
		case unicode.IsSpace(r):
			in = false
		case !in:
			in, n = true, n+1
		}
	}
	return n
}

// mlRecall is the source a sentence points back to, or "": an anaphor
// (по его словам, депутат, сообщает агентство; 박 의원은) or a bare
// surname before or after a reporting verb (сказал Ли) names a source of
// the sentences before (at most eight back): the latest of the anaphor's
// kind, or the latest whose name starts with the surname.
func mlRecall(lm *mlModule, sents []*mlSent, i int) string {
	s := sents[i]
	kind, prefix := "", ""
	for k, h := range s.hits {
		if h.cat == catAnaphor {
			kind = h.value
			if lm.m.korean && kind == "official" {
				// Korean titles point back only after a surname: "박 의원은".
				sur := strings.TrimRight(s.text[:h.start], " ")
				r, sz := utf8.DecodeLastRuneInString(sur)
				if !mlIsHangul(r) || len(sur) > sz && sur[len(sur)-sz-1] != ' ' && sur[len(sur)-sz-1] != '"' {
					kind = ""
					continue
				}
				prefix = string(r)
			}
			break
		}
		if h.cat == catSaid && !lm.m.korean {
			prefix = ruSurnameAt(s, k)
			if prefix != "" {
				kind = "official"
				break
			}
		}
	}
	if kind == "" && lm.m.korean {
		// "존스는 … 말했다": a bare surname as topic is the source the
		// article named in full before ("세스 존스").
		if w := koTopicWord(s); w != "" {
			kind, prefix = "official", ""
			return mlRecallSuffix(lm, sents, i, w)
		}
	}
	if kind == "" {
		return ""
	}
	for j := i - 1; j >= 0 && j >= i-8; j-- {
		p := sents[j]
		if p.hits == nil {
			lm.readHits(p)
		}
		// A person named in full whom the gazetteer does not know, named
		// after every source it does, is whom "по его словам" means.
		person, personEnd := "", -1
		switch {
		case prefix != "" && !lm.m.korean:
			person, personEnd = lm.names.bySurname(p, prefix)
		case kind == "official" || kind == "any":
			person, personEnd = lm.names.last(p)
		}
		for k := len(p.hits) - 1; k >= 0; k-- {
			h := p.hits[k]
			if h.cat != catSource {
				continue
			}
			src := lm.srcs[h.value]
			if prefix != "" {
				if strings.HasPrefix(p.text[h.start:h.end], prefix) && personEnd <= h.end {
					return h.value
				}
				continue
			}
			if mlKindFits(kind, src.Kind) {
				if personEnd > h.end {
					return person
				}
				return h.value
			}
		}
		if person != "" {
			return person
		}
	}
	return ""
}

// mlKindFits reports whether a source of kind k fits an anaphor of kind
// want: "official" a person, "outlet" a news organisation, "agency" an
// agency or a government body, "any" anyone.
func mlKindFits(want, k string) bool {
	switch want {
	case "any":
		return true
	case "document":
		return k != "official"
	case "agency":
		return k == "agency" || k == "government" || k == "international"
	}
	return want == k
}

// ruSurnameAt is the capitalised word right after the reporting verb
// s.hits[k] ("..., сказал Ли.") or right before it ("Ли сообщил, что"),
// when no source of the gazetteer stands there: a surname the article
// gave in full before.
func ruSurnameAt(s *mlSent, k int) string {
	h := s.hits[k]
	after := strings.TrimLeft(s.text[h.end:], " ")
	if w := mlFirstWord(after); w != "" && mlCapital(w) && (len(after) == len(w) || strings.ContainsAny(after[len(w):len(w)+1], ".,;!? ")) && (k+1 >= len(s.hits) || s.hits[k+1].start > h.end+1+len(w)) {
		return w
	}
	before := strings.TrimRight(s.text[:h.start], " ")
	if i := strings.LastIndexAny(before, " ,.:;—–-«»\""); i >= 0 || before != "" {
		w := before[i+1:]
		if w != "" && mlCapital(w) && (k == 0 || s.hits[k-1].end <= i+1) && strings.TrimSpace(before[:i+1]) == "" {
			return w
		}
	}
	return ""
}

func mlFirstWord(t string) string {
	for i, r := range t {
		if !unicode.IsLetter(r) && r != '-' {
			return t[:i]
		}
	}
	return t
}

func mlCapital(w string) bool {
	r, _ := utf8.DecodeRuneInString(w)
	return unicode.IsUpper(r)
}

// mlRecallSuffix is the source of the sentences before sents[i] (at
// most eight back) whose name as written ends with w, or "".
func mlRecallSuffix(lm *mlModule, sents []*mlSent, i int, w string) string {
	for j := i - 1; j >= 0 && j >= i-8; j-- {
		p := sents[j]
		if p.hits == nil {
			lm.readHits(p)
		}
		for k := len(p.hits) - 1; k >= 0; k-- {
			h := p.hits[k]
			if h.cat == catSource && h.end-h.start > len(w) && strings.HasSuffix(p.text[h.start:h.end], " "+w) {
				return h.value
			}
		}
	}
	return ""
}

// koTopicWord is the word before the topic particle that opens a Korean
// sentence closed by a reporting verb ("존스는 … 했습니다" → 존스), when
// no source of the gazetteer is there, or "".
func koTopicWord(s *mlSent) string {
	said := false
	for _, h := range s.hits {
		said = said || h.cat == catSaid
	}
	if !said {
		return ""
	}
	w := strings.Fields(s.text)
	if len(w) == 0 {
		return ""
	}
	first := w[0]
	for _, p := range []string{"은", "는"} {
		if strings.HasSuffix(first, p) {
			name := strings.TrimSuffix(first, p)
			if utf8.RuneCountInString(name) >= 2 && len(s.hits) > 0 && s.hits[0].start >= len(first) {
				return name
			}
		}
	}
	return ""
}

// mlResolution reports whether a source hit names the body of a
// resolution or a sanctions regime, not a speaker: "유엔 안보리 결의",
// "안보리 제재 위반", "резолюция Совета безопасности ООН".
func mlResolution(s *mlSent, h mlHit) bool {
	after := strings.TrimLeft(s.text[h.end:], " ")
	for _, w := range []string{"결의", "제재", "대북제재"} {
		if strings.HasPrefix(after, w) {
			return true
		}
	}
	before := mlLastField(s.low[:h.start])
	return strings.HasPrefix(before, "резолюци") || strings.HasPrefix(before, "санкци")
}

// mlLastField is the last of strings.Fields(s), or "", read from the end
// of s: splitting all of s was most of the time of telling a source's
// resolution from its report.
func mlLastField(s string) string {
	end := len(s)
	for end > 0 {
		r, n := mlDecodeLast(s, end)
		if !unicode.IsSpace(r) {
			break
		}
		end -= n
	}
	start := end
	for start > 0 {
		r, n := mlDecodeLast(s, start)
		if unicode.IsSpace(r) {
			break
		}
		start -= n
	}
	return s[start:end]
}

// mlHeadOf is the person a body names in a title ("представитель Белого
// дома Джон Кирби", "глава ГУР Кирилл Буданов"): the official right after
// the body hit i, else i.
func mlHeadOf(lm *mlModule, s *mlSent, i int) int {
	if i+1 < len(s.hits) {
		n := s.hits[i+1]
		gap := s.text[s.hits[i].end:n.start]
		if n.cat == catSource && lm.srcs[n.value].Kind == "official" && mlWordsBetween(gap) <= 1 && !strings.ContainsAny(gap, ",.;:()") {
			return i + 1
		}
	}
	return i
}
