// Package extract finds figure-level claims in cleaned article text. It is
// pure: text in, claims out, no I/O.
package extract

import (
	"math"
	"slices"
	"strings"
	"sync"

	"github.com/flowwatch/flowwatch"
	"github.com/flowwatch/flowwatch/domain"
)

// Extractor is safe for concurrent use: after New it is read-only.
type Extractor struct {
	d     *domain.Domain
	lex   map[string]*Lexicon
	model *Model // the fitted last stage; nil: the rules' reading as is
	// speaksAs maps a capital that speaks to the source it stands for
	// (gazetteer speaks_as).
	speaksAs map[string]string
}

// New compiles the domain's lexicons; a nil d means domain.Default().
func New(d *domain.Domain) *Extractor {
	if d == nil {
		d = domain.Default()
	}
	x := &Extractor{d: d, lex: map[string]*Lexicon{}, model: DefaultModel(), speaksAs: map[string]string{}}
	for _, p := range d.Places() {
		if p.SpeaksAs != "" {
			x.speaksAs[p.Name] = p.SpeaksAs
		}
	}
	for _, l := range d.Langs() {
		if lx := compile(d, l); lx != nil {
			x.lex[l] = lx
		}
	}
	return x
}

// maxSentence is the most tokens a sentence may have.
const maxSentence = 300

// recoverPanics turns a bug into "no claims" rather than a crash; the
// fuzz test turns it off to see the bug.
var recoverPanics = true

// sent is one sentence of the article and what was read from it.
type sent struct {
	toks       []Token
	para       int
	start, end int  // byte offsets of the quote
	origin     bool // names North Korea or its people (see originOf)
	originDone bool
	breaks     []int // token indexes where a clause starts
	segs       []Span
	spans      *[]Span // the article's arena that segs is cut from
	segOrigin  []int8  // spanOrigin of each segment, +2 (0: not yet read)
	claimGroup string  // the group of its last people claim
	claimEvent string  // and its event
	group      string  // its last group noun's group, once computed
	groupDone  bool
	hits       []placeHit // places named, once computed
	hitsDone   bool
	attr       attribution
	table      bool // a line of a table (see isTable)
	tableDone  bool
	row        int  // 1 + the index of the header of the table it is a row of, or 0
	nameLabel  bool // it opens its paragraph with an interview's label written as a name (markNameLabels)
}

// Extract returns the claims of a, in text order. It never panics: a
// failure inside yields the claims found so far... or none.
func (x *Extractor) Extract(a *flowwatch.Article) (out []flowwatch.Claim) {
	if a == nil || a.Text == "" {
		return nil
	}
	if recoverPanics {
		defer func() {
			if r := recover(); r != nil {
				out = nil
			}
		}()
	}
	if !x.model.Applies(a.Lang) {
		out = x.Rules(a)
	} else {
		sb := scratchPool.Get().(*scratch)
		out = x.model.pick(a.Text, x.candidates(a, sb, x.model.sourceActive()), true) // sb's candidates are scratch
		sb.put()
	}
	Measures(x.d, out) // measure.go: what each figure counts, once claims are final
	return out
}

// SetModel replaces the fitted stage; nil turns it off, leaving the
// rules' reading (what `flowwatch train` fits on).
func (x *Extractor) SetModel(m *Model) { x.model = m }

// Model is the fitted stage in use, nil for none.
func (x *Extractor) Model() *Model { return x.model }

// Candidate is a figure the rule stages read, and why they would not take
// it ("" when they take it). The fitted stage weighs every candidate, and
// takes a dropped one only on strong evidence.
type Candidate struct {
	flowwatch.Claim
	Dropped string // one of the drop* reasons
	// Sources are the sources the claim may be credited to, the rules'
	// choice among them (see source_cands.go); nil where the language's
	// engine names none.
	Sources []SourceOption
	// SourceCtx holds the Ctx* flags of the figure's sentence.
	SourceCtx uint8
}

// Why the rules drop a figure they read.
const (
	dropNoGroup     = "no-group"     // no people noun or context for it
	dropOtherPeople = "other-people" // its people are not North Koreans
	dropNoOrigin    = "no-origin"    // nothing ties it to North Koreans
	dropDemand      = "demand"       // a labour need, not people
	dropGroupSize   = "group-size"   // the size of each group or unit
	dropNoOwner     = "no-owner"     // a wage or share with no people
	dropRate        = "rate"         // a rate of exchange, nobody's sum
	dropLegal       = "legal"        // the accused of a case, not people who moved
)

// Rules returns the claims the rule stages read, before the fitted stage.
func (x *Extractor) Rules(a *flowwatch.Article) []flowwatch.Claim {
	kept, _ := x.rules(a, nil, nil, nil)
	for i := range kept {
		x.speaker(&kept[i])
	}
	return kept
}

// speaker names a capital that speaks by the source it stands for.
func (x *Extractor) speaker(c *flowwatch.Claim) {
	if to, ok := x.speaksAs[c.Source]; ok {
		c.Source = to
	}
}

// Candidates returns every figure the rule stages read, those they drop
// included, in text order.
func (x *Extractor) Candidates(a *flowwatch.Article) []Candidate {
	sb := scratchPool.Get().(*scratch)
	defer sb.put()
	return slices.Clone(x.candidates(a, sb, true))
}

// candidates is Candidates in sb's slices, valid until sb is put back.
// Their source options are read only when withSources: extraction needs
// them only when the source head may overturn the rules.
func (x *Extractor) candidates(a *flowwatch.Article, sb *scratch, withSources bool) []Candidate {
	var srcs *[]figSources
	if withSources {
		srcs = &sb.srcs
	}
	kept, dropped := x.rules(a, sb.kept[:0], sb.dropped[:0], srcs)
	out := sb.cands[:0]
	for _, c := range kept {
		out = append(out, Candidate{Claim: c})
	}
	out = append(out, dropped...)
	for i := range out {
		x.speaker(&out[i].Claim)
		attachSources(&out[i], sb.srcs)
	}
	slices.SortStableFunc(out, func(a, b Candidate) int { return a.FigureStart - b.FigureStart })
	sb.kept, sb.dropped, sb.cands = kept, dropped, out
	return out
}

// scratch holds the claims of an article on their way to the fitted stage,
// reused across articles: a claim is large, and each article's were
// copied three times into new slices.
type scratch struct {
	kept    []flowwatch.Claim
	dropped []Candidate
	cands   []Candidate
	srcs    []figSources // source options by sentence, for the English engine
}

var scratchPool = sync.Pool{New: func() any { return &scratch{} }}

func (sb *scratch) put() {
	// Drop references to the article so a pooled buffer does not keep it alive.
	clear(sb.kept)
	clear(sb.dropped)
	clear(sb.cands)
	clear(sb.srcs)
	sb.srcs = sb.srcs[:0]
	scratchPool.Put(sb)
}

// rules appends the claims the rule stages read to out and those they
// drop to dropped, and, when srcs is not nil, the source options of the
// sentences with figures to *srcs.
func (x *Extractor) rules(a *flowwatch.Article, out []flowwatch.Claim, dropped []Candidate, srcs *[]figSources) ([]flowwatch.Claim, []Candidate) {
	if a == nil || a.Text == "" {
		return out, dropped
	}
	lang := strings.ToLower(a.Lang)
	if app, fn := articleAppenders[lang], articleFuncs[lang]; app != nil || fn != nil {
		var cs []Candidate
		if app != nil {
			buf := candPool.Get().(*[]Candidate)
			defer func() {
				clear(*buf) // hold no article in the pool
				candPool.Put(buf)
			}()
			cs = app(x.d, a, (*buf)[:0])
			*buf = cs
		} else {
			cs = fn(x.d, a)
		}
		for _, c := range cs {
			if c.Extractor == "" {
				c.Extractor = flowwatch.ExtractorVersion
			}
			if c.Dropped == "" {
				out = append(out, c.Claim)
			} else {
				dropped = append(dropped, c)
			}
		}
		if lang == "ko" {
			return x.koEnglishClaims(a, out, dropped) // a Korean page's English lines
		}
		return out, dropped
	}
	mod, ok := languages[lang]
	lx := x.lex[lang]
	if !ok || lx == nil {
		mod, lx = languages["en"], x.lex["en"]
	}
	if mod == nil || lx == nil {
		return out, dropped
	}
	buf := bufPool.Get().(*buffers)
	defer buf.put()
	doc := x.read(a.Text, mod, lx, buf)
	return x.claims(a, doc, mod, lx, out, dropped, srcs)
}

// candPool holds the buffers the built-in Korean and Russian engines
// append an article's candidates to (articleAppenders).
var candPool = sync.Pool{New: func() any { return new([]Candidate) }}

// buffers are the per-article scratch slices, reused across articles:
// tokens dominate what extraction allocates.
type buffers struct {
	toks  []Token
	doc   []sent
	spans []Span // every sentence's segments (see sent.segments)
	lines []Span // a line's sentences, as the language splits them
}

var bufPool = sync.Pool{New: func() any { return &buffers{} }}

func (b *buffers) put() {
	// Drop references to the article so a pooled buffer does not keep it
	// alive. An article writes only up to len (read appends), and each put
	// clears what its article wrote, so the rest is clear already: clearing
	// to cap cost as much as a stage for a short article after a long one.
	// (After a panic, a bug, tokens past len may keep the article until
	// the buffer is reused.)
	clear(b.toks)
	clear(b.doc)
	b.toks, b.doc, b.spans, b.lines = b.toks[:0], b.doc[:0], b.spans[:0], b.lines[:0]
	if cap(b.toks) > 1<<20 {
		return // an outsized article: let its buffer go
	}
	bufPool.Put(b)
}

// read splits the text into paragraphs (lines) and sentences, tokenising once.
func (x *Extractor) read(text string, mod Language, lx *Lexicon, buf *buffers) []sent {
	doc := buf.doc[:0]
	// The lines read so far: an article has a few dozen, which a scan on
	// the stack finds sooner than a map hashes them (see keySet).
	var lbuf [smallKeys]string
	seen := keySet[string]{keys: lbuf[:0]}
	para := 0
	spans := buf.lines[:0]
	// One token buffer for the whole text: sentences are windows on it.
	all := buf.toks[:0]
	if need := len(text)/5 + 16; cap(all) < need {
		all = make([]Token, 0, need)
	}
	for ls := 0; ls < len(text); {
		le := lineEnd(text, ls)
		line := strings.TrimSpace(text[ls:le])
		isNew := false
		if line != "" {
			seen, isNew = seen.add(line)
		}
		if isNew {
			// A line the page repeats verbatim (a title printed twice) is read once.
			first := len(all)
			all = tokenize(text, ls, le, all, &lx.words) // marks them too
			toks := all[first:len(all):len(all)]
			spans = mod.Sentences(lx, toks, spans[:0])
			for _, sp := range spans {
				if sp.Start < 0 || sp.End > len(toks) || sp.Start >= sp.End {
					continue
				}
				// No real sentence is this long; cutting a run-on one (a
				// table, a dump) keeps every per-sentence step linear.
				for sp.End-sp.Start > maxSentence {
					st := toks[sp.Start : sp.Start+maxSentence : sp.Start+maxSentence]
					doc = append(doc, sent{toks: st, para: para, start: st[0].Start, end: st[len(st)-1].End, spans: &buf.spans})
					sp.Start += maxSentence
				}
				st := toks[sp.Start:sp.End:sp.End]
				s := sent{toks: st, para: para, start: st[0].Start, end: st[len(st)-1].End, spans: &buf.spans}
				doc = append(doc, s)
			}
			para++
		}
		ls = le + 1
	}
	buf.toks, buf.doc, buf.lines = all, doc, spans
	return doc
}

func (x *Extractor) claims(a *flowwatch.Article, doc []sent, mod Language, lx *Lexicon, out []flowwatch.Claim, dropped []Candidate, srcs *[]figSources) ([]flowwatch.Claim, []Candidate) {
	markNameLabels(doc)
	at := newAttributor(lx, doc, a.Outlet)
	defer at.put()
	type key struct {
		kind, group, event string
		low, high          float64
		quote              string
	}
	var kbuf [smallKeys]key
	seen := keySet[key]{keys: kbuf[:0]}
	// The people figures read as planned so far, by group and value: a
	// later mention that names the plan only by a noun ("the deployment
	// includes 1,000 sappers") still states the plan.
	type planKey struct {
		group     string
		low, high float64
	}
	planned := map[planKey]bool{}
	nominal := map[int]bool{} // figures (by offset) only a movement noun describes
	var made []flowwatch.Claim
	// A sentence's figures and times are read before the next sentence's
	// overwrite them; claims copy what they keep.
	var figs []Figure
	var times []TimeRef
	var figSents []int // the sentences read for figures, for their source options
	for i := range doc {
		s := &doc[i]
		at.sentence(i)
		figs = mod.Figures(lx, s.toks, figs[:0])
		if len(figs) == 0 || asksWhether(s.toks) || checkedLine(s.toks) {
			continue
		}
		figSents = append(figSents, i)
		// What only sentences with figures need.
		s.origin = lx.originOf(s)
		s.breaks = lx.clauseStarts(s.toks)
		// The people of the sentences before, for figures that name none
		// ("several hundred casualties"), found only when one needs them.
		ctxDone, ctxG := false, ""
		ctx := func() string {
			if !ctxDone {
				ctxG, ctxDone = lx.contextGroup(doc, i), true
			}
			return ctxG
		}
		// Whether one of the three sentences before names North Korea,
		// found only when a figure needs it.
		prevDone, prevOrigin := false, false
		prevNK := func() bool {
			if !prevDone {
				prevDone = true
				// The lines of a table the figure's row is in do not
				// count among the three: its caption says whose people.
				// Nor do the turns of a transcript: an exchange goes on
				// with the people it began with.
				exchange := lx.inExchange(doc, i)
				for b, n := i-1, 0; !prevOrigin && b >= 0 && n < 3; b-- {
					prevOrigin = lx.originOf(&doc[b])
					if !doc[b].isTable() && !(exchange && lx.inExchange(doc, b)) {
						n++
					}
				}
			}
			return prevOrigin
		}
		times = mod.Times(lx, s.toks, a.Published, times[:0])
		lastPeople := -1
		made = made[:0]
		s.row = 0
		if s.isTable() {
			s.row = tableHeader(doc, i) + 1
		}
		var orgs []string // organizations the sentence names, found once
		orgsDone := false
		for fi := range figs {
			f := &figs[fi]
			if f.Start < 0 || f.End > len(s.toks) || f.Start >= f.End || yearOfTime(s.toks, f, times) || lx.denied(s.toks, f.Start) {
				continue
			}
			c := flowwatch.Claim{Kind: f.Kind, Low: f.Low, High: f.High, Qualifier: f.Qualifier, Unit: f.Unit, Per: f.Per}
			drop := "" // why the rules would not take the figure (see Candidate)
			// A figure in a row of a table counts what its column's
			// header names.
			hGroup, hEvent := "", ""
			fctx := ctx
			if s.row > 0 {
				hGroup, hEvent = lx.headerOf(doc, s.row-1, s.toks, f.Start)
				fctx = func() string {
					if hGroup != "" {
						return hGroup
					}
					return ctx()
				}
			}
			switch f.Kind {
			case flowwatch.KindPeople:
				if f.Group == "" {
					prev := ""
					if lastPeople >= 0 {
						prev = made[lastPeople].Group
					}
					// Whose people: the figure's own sentence decides (see
					// origin.go); earlier sentences lend their North
					// Koreans only to a figure that points back to them.
					switch {
					case !lx.attach(s, f, prev, fctx, true):
						if f.thing {
							// "2,000 containers", "a hundred settlements":
							// it counts things, no figure of people at all.
							continue
						}
						drop = dropNoGroup
						if f.foreign {
							// "9,985 Russian tourists": the noun names
							// its people, and they are not North Korean.
							drop = dropOtherPeople
						}
					case lx.figureOrigin(s, f) == -1:
						drop = dropOtherPeople
					case lx.figureOrigin(s, f) == 0 && lx.attackToll(s, f):
						drop = dropOtherPeople
					case lx.figureOrigin(s, f) == 0 && (!lx.anaphoric(s, f) && !lx.continues(doc, i, f) || !prevNK()):
						drop = dropNoOrigin
					}
				}
				if drop == "" && lx.demandFigure(s, f) {
					drop = dropDemand
				}
				if drop == "" && lx.groupSize(s, f) {
					drop = dropGroupSize
				}
				if drop == "" && lx.legalFigure(s, f) {
					// "indicted 14 North Korean nationals": the accused of
					// a case, not people who moved.
					drop = dropLegal
				}
				if f.Low != nil && *f.Low < 2 && f.High != nil && *f.High < 2 {
					continue
				}
				c.Group = f.Group
				if c.Group == flowwatch.GroupSoldiers && f.Head >= f.End && f.Head < len(s.toks) && storyPeople[s.toks[f.Head].Low] && lx.storyCue(doc, i, f.Start) == flowwatch.GroupWorkers {
					// "one of about 60 men flown out of Pyongyang" in a
					// story of labour: the men are its workers.
					c.Group = flowwatch.GroupWorkers
				}
				c.Event = f.Event
				if drop == dropDemand && c.Event == "" {
					c.Event = flowwatch.EventPlanned // a need for people is a hire to come
				}
				if f.adjCasualty {
					// "Two wounded soldiers were taken prisoner": a
					// casualty verb of the noun outranks its adjective.
					if ev := lx.casualtyIn(s, f); ev != "" {
						c.Event = ev
					}
				}
				if c.Event == "" && f.Bare && f.fromPrev && lastPeople >= 0 && lx.ownClauseEvent(s, f, figs) {
					// "sent 1,500, with around 600 believed to be working
					// in Moscow": the part's own clause says what they do.
					c.Event = lx.event(s, f)
				}
				if c.Event == "" && f.Bare && f.fromPrev && lastPeople >= 0 {
					// "from 1,117 in 2023", "the 11,000 it dispatched": the
					// figure goes on about the previous one, unless its own
					// clause says they were killed or wounded.
					c.Event = lx.casualtyIn(s, f)
					if c.Event == "" {
						c.Event = made[lastPeople].Event
					}
				}
				if c.Event == "" && f.Bare && f.ctxHead >= 0 && lx.ownClauseEvent(s, f, figs) {
					// "rose, with about 10,000 now working there": the
					// figure's own clause says what they do.
					c.Event = lx.event(s, f)
				}
				if c.Event == "" && f.Bare && f.ctxHead >= 0 {
					c.Event = lx.eventNear(s, f, f.ctxHead, f.ctxHead+1)
				}
				if c.Event == "" {
					c.Event = lx.event(s, f)
				}
				if f.partitive && (c.Event == "" && !lx.laborAfter(s.toks, f.End) || c.Event == flowwatch.EventSent || c.Event == flowwatch.EventEntered) {
					// The part came as the whole did: "Of those arrivals,
					// nearly 8,000 came on student visas" entered as the
					// 13,000 did; a part no verb moves ("Of those, 7,887
					// declared study") shares the whole's event too.
					if ev := wholeEventBefore(doc, i, c.Group); ev != "" {
						c.Event = ev
					}
				}
				if f.ofThem && c.Event == "" && !lx.laborAfter(s.toks, f.End) && wholeEventBefore(doc, i, c.Group) == flowwatch.EventEntered {
					// "a few hundred of them gave work as their purpose":
					// a breakdown of entries with no verb of its own counts
					// entries too. Only entries: "200 of them were
					// approaching" after a toll is no part of the dead.
					c.Event = flowwatch.EventEntered
				}
				if f.measure && !lx.sentenceEvent(s, f) {
					// "That takes the tally to 7,900", "The earlier
					// estimate was 1,200": a measure of the people counted
					// before measures what befell them.
					if ev := wholeEventBefore(doc, i, c.Group); ev != "" {
						c.Event = ev
					}
				}
				if c.Event == flowwatch.EventPlanned && f.measure && !lx.sentenceEvent(s, f) {
					// "the figure could be as high as 12,000": the modal
					// hedges an estimate, it plans nothing.
					c.Event = flowwatch.EventPresent
				}
				if c.Event == "" {
					c.Event = hEvent
				}
				if c.Event == "" {
					c.Event = flowwatch.EventPresent
				}
				if ev := lx.casualtyOf(s.toks, f.Start); ev != "" {
					// "the bodies of 20 North Korean soldiers"
					c.Event = ev
				}
				if c.Event == flowwatch.EventWounded && lx.capturedBefore(s.toks, f.Start) {
					// "captured two wounded soldiers": the wounded were
					// taken prisoner; the verb is the event.
					c.Event = flowwatch.EventCaptured
				}
				if fractionOf(s.toks, f.Start) || lx.partWhole(s.toks, f.Start) {
					// "two-thirds of the 11,000 soldiers sent to Kursk were
					// killed": the killed are the fraction, the figure is
					// the whole, which the words after its noun describe.
					c.Event = lx.wholeEvent(s.toks, f)
				}
				if c.Group == flowwatch.GroupNationals {
					c.Group = lx.whoNationals(s, f, c.Event)
				}
				if (c.Event == flowwatch.EventSent || c.Event == flowwatch.EventPresent || c.Event == flowwatch.EventRecruited) && inCondition(s.toks, f.Start) {
					// "Were Pyongyang to add 40,000 troops, …": a supposed
					// movement is a plan at most.
					c.Event = flowwatch.EventPlanned
				}
				if c.Event == flowwatch.EventSent && lx.nominalEvent(s, f) {
					nominal[s.toks[f.Start].Start] = true
				}
				if c.Event == flowwatch.EventSent && c.Group == flowwatch.GroupNationals && (entryStats(s.toks) || lx.namesEntry(s.toks) ||
					partitiveOpening(s.toks, f.Start) && wholeEventBefore(doc, i, c.Group) == flowwatch.EventEntered) {
					// "12,000 North Koreans arrived, Russian statistics
					// show": arrivals counted at the border are entries,
					// as are those of a sentence about entries ("of those
					// who entered last year, 7,000 came to study") or a
					// part of them ("Among them were 40 people who came
					// to study").
					c.Event = flowwatch.EventEntered
				}
			default:
				// A wage or a share belongs to the people of its sentence,
				// else to those of the sentences before.
				nk := false
				switch lx.figureOrigin(s, f) {
				case 1:
					nk = true
				case 0:
					nk = prevNK()
				}
				g, ok := lx.ownerGroup(s, f, ctx, nk)
				g, ok = lx.moneyOwner(doc, i, f, g, ok, nk)
				if !ok {
					drop = dropNoOwner
				}
				c.Group = g
			}
			if c.Kind == flowwatch.KindPeople && (c.Event == flowwatch.EventKilled || c.Event == flowwatch.EventWounded || c.Event == flowwatch.EventCaptured) &&
				(c.Group == flowwatch.GroupNationals || c.Group == flowwatch.GroupWorkers && !lx.namesGroup(s.toks, flowwatch.GroupWorkers)) {
				// North Koreans the war kills, wounds or captures are its
				// soldiers ("some 3,000 casualties, 500 of them dead"),
				// also when the workers named before lend their group to
				// a sentence that names none ("They put the dead at 2,000").
				c.Group = flowwatch.GroupSoldiers
			}
			c.Place = lx.figurePlaces(s, f, figs, doc, i)
			c.When = pickTime(s, f, times, figs)
			c.Source, c.Via = at.source(i, f)
			c.Article = a.Name
			c.Quote = a.Text[s.start:s.end]
			if !orgsDone {
				orgs, orgsDone = lx.orgsIn(s.toks), true
			}
			c.Orgs = orgs
			c.Start, c.End = s.start, s.end
			c.FigureStart, c.FigureEnd = s.toks[f.Start].Start, s.toks[f.End-1].End
			c.Lang = lx.Lang
			c.Outlet, c.URL, c.Published = a.Outlet, a.URL, a.Published
			c.Extractor = flowwatch.ExtractorVersion
			if drop != "" {
				// Read all the same, for the fitted stage to weigh; it
				// never lends its group or event to the figures after it.
				dropped = append(dropped, Candidate{Claim: c, Dropped: drop})
				continue
			}
			k := key{c.Kind, c.Group, c.Event, val(c.Low), val(c.High), c.Quote}
			var isNew bool
			if seen, isNew = seen.add(k); !isNew {
				continue
			}
			if c.Kind == flowwatch.KindPeople && c.Event == flowwatch.EventPlanned {
				planned[planKey{c.Group, val(c.Low), val(c.High)}] = true
			}
			made = append(made, c)
			if c.Kind == flowwatch.KindPeople {
				lastPeople = len(made) - 1
			}
		}
		if lastPeople >= 0 {
			s.claimGroup, s.claimEvent = made[lastPeople].Group, made[lastPeople].Event
		}
		out = append(out, made...)
	}
	for i := range out {
		c := &out[i]
		if nominal[c.FigureStart] && c.Event == flowwatch.EventSent && planned[planKey{c.Group, val(c.Low), val(c.High)}] {
			c.Event = flowwatch.EventPlanned
		}
	}
	if srcs != nil && len(figSents) > 0 {
		*srcs = x.allSourceOptions(at, doc, figSents, a.Outlet, (*srcs)[:0])
	}
	return out, dropped
}

func val(p *float64) float64 {
	if p == nil {
		return math.NaN()
	}
	return *p
}

var attributionNoun = map[string]bool{"officials": true, "official": true, "intelligence": true, "media": true, "president": true, "ministry": true, "government": true, "authorities": true, "military": true, "sources": true, "source": true, "spokesman": true, "spokesperson": true, "lawmaker": true, "lawmakers": true, "analysts": true, "experts": true, "outlets": true, "report": true, "reports": true, "estimates": true, "data": true, "statistics": true, "state": true, "defense": true, "defence": true, "foreign": true, "news": true, "army": true, "general": true, "commander": true, "commanders": true, "bloggers": true, "milbloggers": true, "war": true}

// orgsIn lists the organizations a sentence names, in order, each once.
func (lx *Lexicon) orgsIn(toks []Token) []string {
	var out []string
	for i := 0; i < len(toks); i++ {
		if !toks[i].may(lx.orgs) {
			continue
		}
		if p := lx.orgs.at(toks, i); p != nil {
			out = appendUniq(out, p.val)
			i += len(p.low) - 1
		}
	}
	return out
}

// originOf is hasOrigin of a sentence, computed once.
func (lx *Lexicon) originOf(s *sent) bool {
	if !s.originDone {
		s.origin, s.originDone = lx.hasOrigin(s.toks), true
	}
	return s.origin
}

// hasOrigin reports whether a sentence names North Korea or its people.
func (lx *Lexicon) hasOrigin(toks []Token) bool {
	for i := range toks {
		if toks[i].may(lx.origin) && lx.origin.at(toks, i) != nil {
			return true
		}
	}
	return false
}

// clauseStarts lists the token indexes where a new clause starts.
func (lx *Lexicon) clauseStarts(toks []Token) []int {
	var out []int
	for i := range toks {
		if !toks[i].may(lx.clauseBreaks) {
			continue
		}
		if p := lx.clauseBreaks.at(toks, i); p != nil {
			out = append(out, i)
		}
	}
	// "deployed 11,000 soldiers to Kursk and 600 of them were killed":
	// a part of the figure before opens a clause of its own, whose event
	// is its own, whatever word joins it.
	for i := 1; i+3 < len(toks); i++ {
		switch toks[i].Low {
		case "and", "where", "with", "while":
		default:
			continue
		}
		// "..., where about 4,000 were killed": a figure of its own after
		// "where" is a clause of its own too; after "and" only a part is
		// ("11,000 soldiers and 2,000 engineers were sent" share a verb).
		own := lx.partitiveAt(toks, i+1) || toks[i].Low == "where" && lx.numberOpens(toks, i+1)
		if own && !slices.Contains(out, i-1) && !slices.Contains(out, i) {
			out = append(out, i)
		}
	}
	slices.Sort(out)
	return out
}

// numberOpens reports whether a number opens toks[i:], after at most two
// words of bound ("about", "some", "more than").
func (lx *Lexicon) numberOpens(toks []Token, i int) bool {
	for k := i; k < len(toks) && k < i+3; k++ {
		t := &toks[k]
		if t.Kind == Number || lx.numWordValue(t) != 0 {
			return true
		}
		if t.Kind != Word {
			return false
		}
	}
	return false
}

// partitiveAt reports whether a part of a figure named before starts at
// toks[i]: "600 of them", "about 4,000 of those", "two of them".
func (lx *Lexicon) partitiveAt(toks []Token, i int) bool {
	num := false
	for k := i; k < len(toks) && k < i+5; k++ {
		t := &toks[k]
		if t.Kind == Punct {
			return false
		}
		if t.Kind == Number || lx.numWordValue(t) != 0 || lx.scaleValue(t) != 0 {
			num = true
			continue
		}
		if t.Low == "of" {
			return num && wholeAfterOf(toks, k+1) > 0
		}
		if num {
			return false
		}
	}
	return false
}

// wholeAfterOf is the length of the whole named before that a part's
// "of" points back to at toks[i]: "them", "those", or a possessive and
// a noun of its members ("of its members", "of their comrades"); 0 if
// none starts there.
func wholeAfterOf(toks []Token, i int) int {
	if i >= len(toks) {
		return 0
	}
	switch toks[i].Low {
	case "them", "those", "whom", "these":
		return 1
	case "its", "their", "his":
		if i+1 < len(toks) && memberNoun[toks[i+1].Low] {
			return 2
		}
	}
	return 0
}

// clause is the clause [start, end) around tokens [a, b).
func (s *sent) clause(a, b int) (int, int) {
	for _, sp := range s.segments() {
		if a >= sp.Start && a < sp.End {
			return sp.Start, sp.End
		}
	}
	return 0, len(s.toks)
}

// segments cuts the sentence into clauses at the clause breaks; a clause
// set off by commas (", which ... ,") ends at its closing comma, and what
// follows it is a clause of its own.
func (s *sent) segments() []Span {
	if s.segs != nil {
		return s.segs
	}
	// Clauses first, then each cut in two at most, in the article's arena
	// when it has one (the sentences with figures read their segments). A
	// full arena is replaced, not grown: the segs cut from it keep its
	// array.
	need := 3 * (len(s.breaks) + 1)
	var buf []Span
	if s.spans != nil {
		if a := *s.spans; cap(a)-len(a) < need {
			*s.spans = make([]Span, 0, max(2*cap(a), need, 256))
		}
		a := *s.spans
		buf = a[len(a) : len(a) : len(a)+need]
		*s.spans = a[:len(a)+need]
	} else {
		buf = make([]Span, 0, need)
	}
	start := 0
	for _, k := range s.breaks {
		if k > start {
			buf = append(buf, Span{start, k})
			start = k
		}
	}
	if len(s.toks) > start {
		buf = append(buf, Span{start, len(s.toks)})
	}
	out := buf[:len(buf):len(buf)]
	segs := buf[len(buf):len(buf)]
	for _, sp := range out {
		if sp.Start+1 < sp.End && s.toks[sp.Start].Low == "," && (s.toks[sp.Start+1].Low == "which" || s.toks[sp.Start+1].Low == "who") {
			cut := -1
			for k := sp.Start + 2; k < sp.End; k++ {
				if s.toks[k].Low == "," {
					cut = k
					break
				}
			}
			if cut > 0 {
				segs = append(segs, Span{sp.Start, cut}, Span{cut, sp.End})
				continue
			}
		}
		segs = append(segs, sp)
	}
	if len(segs) == 0 {
		segs = []Span{{0, len(s.toks)}}
	}
	s.segs = segs
	return segs
}

// contextGroup is the group of the nearest sentence before doc[i] that
// names one (its last group noun, else its last people claim's), when that
// sentence is in doc[i]'s paragraph or the one before.
func (lx *Lexicon) contextGroup(doc []sent, i int) string {
	if i == 0 {
		return ""
	}
	s := &doc[i]
	// The paragraph right before the figure's may lend its people too:
	// "... 15,000 North Korean troops deployed ...\n The agency's count has
	// climbed. In January it reported some 300 dead".
	before := -1
	exchange := lx.inExchange(doc, i) // a transcript's turns are one exchange
	for j := i - 1; j >= 0 && j >= i-12; j-- {
		d := &doc[j]
		// The lines of a table are one paragraph with the caption above.
		if d.para != s.para && before < 0 && !d.isTable() {
			before = d.para
		}
		if d.para != s.para && d.para != before && !d.isTable() && !(exchange && lx.inExchange(doc, j)) {
			return ""
		}
		if !d.groupDone {
			d.group, d.groupDone = lx.lastGroup(d.toks), true
		}
		g := d.group
		if g == "" || g == flowwatch.GroupSoldiers && d.claimGroup == flowwatch.GroupWorkers && lx.storyNoun(d.toks) {
			g = d.claimGroup // "60 men" of a labour story, read as its workers
		}
		if g != "" {
			return g
		}
	}
	return ""
}

// lastGroup is the group of the last group noun of a sentence about North
// Koreans, for figures in the next sentence that name none ("casualties").
func (lx *Lexicon) lastGroup(toks []Token) string {
	g := ""
	for i := 0; i < len(toks); i++ {
		if !toks[i].may(lx.groups) {
			continue
		}
		if v, l := lx.Group(toks, i); v != "" && !lx.foreignBefore(toks, i) {
			g = v
			i += l - 1
		}
	}
	return g
}

// foreignBefore reports whether the noun at toks[i] is modified by another
// people's adjective ("Russian conscripts", "Ukrainian forces").
func (lx *Lexicon) foreignBefore(toks []Token, i int) bool {
	for b := i - 1; b >= 0 && b >= i-3; b-- {
		if lx.origin.at(toks, b) != nil {
			return false
		}
		if p := lx.foreign.at(toks, b); p != nil && b+len(p.low) <= i {
			return true
		}
		if toks[b].Kind == Punct && toks[b].Low != "-" {
			return false
		}
	}
	return false
}

var determiners = map[string]bool{"the": true, "its": true, "their": true, "these": true, "those": true, "his": true, "them": true}

// ownClauseEvent reports whether a bare figure's clause, apart from the
// clause of the noun or the figure it takes its people from, names an
// event.
func (lx *Lexicon) ownClauseEvent(s *sent, f *Figure, figs []Figure) bool {
	if lx.movementSize(s.toks, f.Start) {
		return true // its own noun phrase: "a deployment of 12,000"
	}
	cs, ce := s.clause(f.Start, f.End)
	if f.ctxHead >= cs && f.ctxHead < ce {
		return false
	}
	for i := range figs {
		if o := &figs[i]; o != f && o.Start >= cs && o.Start < ce {
			return false
		}
	}
	for i := cs; i < ce; i++ {
		if (i < f.Start || i >= f.End) && lx.events.at(s.toks, i) != nil {
			return true
		}
	}
	return false
}

// movementSize reports whether the figure at toks[fs] is the size of a
// movement named by a noun: "a deployment of 15,000", "the dispatch of
// 6,000".
func (lx *Lexicon) movementSize(toks []Token, fs int) bool {
	return fs >= 2 && toks[fs-1].Low == "of" && toks[fs-2].in(wcEventNoun, lx.eventNouns)
}

// casualtyOf is the event of a casualty noun the figure at toks[i] is
// the complement of ("the bodies of 20 soldiers", "the deaths of 300"), or
// "".
func (lx *Lexicon) casualtyOf(toks []Token, i int) string {
	if i >= 2 && toks[i-1].Low == "of" {
		if p := lx.casualties.endingAt(toks, i-1, 3); p != nil {
			return p.val
		}
	}
	return ""
}

// fractionWords name a part of a whole ("half of the 2,000").
var fractionWords = map[string]bool{"half": true, "third": true, "thirds": true, "quarter": true, "quarters": true, "fifth": true, "fifths": true, "majority": true, "most": true, "percent": true, "%": true, "proportion": true, "share": true, "fraction": true, "part": true}

// fractionOf reports whether the figure at toks[i] is the whole of a
// fraction: "half of the", "a third of", "40% of the".
func fractionOf(toks []Token, i int) bool {
	b := i - 1
	if b >= 0 && toks[b].in(wcDeterminer, determiners) {
		b--
	}
	return b >= 1 && toks[b].Low == "of" && fractionWords[toks[b-1].Low]
}

// coordinatedHead finds the head noun of a figure coordinated after the
// one whose noun phrase would start at toks[first]: "77 and wounded 40
// North Korean soldiers", "300, and another 2,700 soldiers". It returns
// the head's index and group, or -1.
func (lx *Lexicon) coordinatedHead(toks []Token, first int) (int, string) {
	n := len(toks)
	if first >= n || (toks[first].Low != "and" && toks[first].Low != "," && toks[first].Low != "to") {
		return -1, "" // "to": "from the existing 4,000 to 12,000 soldiers"
	}
	m := first + 1
	if m < n && toks[m].Low == "and" {
		m++
	}
	if p := lx.events.at(toks, m); p != nil {
		m += len(p.low)
	}
	// Bound words ("as many as", "another", "some") before the number.
	for steps := 0; m < n && steps < 3 && toks[m].Kind == Word; steps++ {
		if _, isNum := lx.numWord(&toks[m]); isNum && toks[m].Low != "a" && toks[m].Low != "an" {
			break
		}
		m++
	}
	_, next, _, ok := lx.number(toks, m)
	if !ok {
		return -1, ""
	}
	for j := next; j < n && j < next+5; j++ {
		if g, _ := lx.Group(toks, j); g != "" {
			return j, g
		}
		if lx.isStop(&toks[j]) {
			break
		}
	}
	return -1, ""
}

// eventAdjacent reports whether an event cue touches a bare figure: the
// verb whose object it is ("injured 47 others", "killed 300"), or the
// verb it is the subject of ("3,800 killed or wounded", "2,700 have been
// wounded", "12,000 has arrived").
func (lx *Lexicon) eventAdjacent(toks []Token, start, first int) bool {
	for b := start - 1; b >= 0 && b >= start-4; b-- {
		if p := lx.events.at(toks, b); p != nil {
			if b+len(p.low) == start {
				return true
			}
			break
		}
	}
	k := first
	for steps := 0; k < len(toks) && steps < 2 && (toks[k].in(wcAuxiliary, auxiliary) || toks[k].Low == "been"); steps++ {
		k++
	}
	return k < len(toks) && lx.events.at(toks, k) != nil
}

// partWhole reports whether the figure at toks[i] is the whole a count
// before it is part of: "6,000 of the 11,000 troops sent", "4,000 out of
// the 12,000 deployed", "4,000 casualties from the 11,000 troops".
func (lx *Lexicon) partWhole(toks []Token, i int) bool {
	b := i - 1
	if b < 0 || toks[b].Low != "the" {
		return false
	}
	b--
	if b < 1 || (toks[b].Low != "of" && toks[b].Low != "from") {
		return false
	}
	prep := toks[b].Low
	b--
	if prep == "of" && b >= 1 && toks[b].Low == "out" {
		b--
	}
	if toks[b].Kind == Number {
		return true
	}
	if _, ok := lx.numWord(&toks[b]); ok && toks[b].Low != "a" && toks[b].Low != "an" {
		return true
	}
	return lx.casualties.at(toks, b) != nil || (b > 0 && lx.casualties.endingAt(toks, b+1, 3) != nil)
}

// originBefore reports whether a North Korean word stands before toks[i]
// in its sentence.
func (lx *Lexicon) originBefore(toks []Token, i int) bool {
	for b := 0; b < i; b++ {
		if lx.origin.at(toks, b) != nil {
			return true
		}
	}
	return false
}

// capturedBefore reports whether a capture verb stands right before the
// figure at toks[i]: "captured two wounded soldiers", "the capture of two
// injured soldiers".
func (lx *Lexicon) capturedBefore(toks []Token, i int) bool {
	for b := i - 1; b >= 0 && b >= i-3; b-- {
		if p := lx.events.at(toks, b); p != nil && p.val == flowwatch.EventCaptured && b+len(p.low) <= i {
			return true
		}
	}
	return false
}

// wholeEvent is the event of the whole a fraction is taken from, read
// from the words right after its noun ("soldiers sent to Kursk"); a
// whole no words describe is present.
func (lx *Lexicon) wholeEvent(toks []Token, f *Figure) string {
	if f.Head >= f.End {
		// After the whole head ("North Koreans"), and a relative pronoun
		// ("the 13,221 North Koreans who entered Russia").
		h := f.Head
		if _, l := lx.Group(toks, f.Head); l > 1 {
			h += l - 1
		}
		if h+1 < len(toks) && (toks[h+1].Low == "who" || toks[h+1].Low == "that") {
			h++
		}
		if ev := lx.describedBy(toks, h+1); ev != "" {
			return ev
		}
		return flowwatch.EventPresent
	}
	// A whole with no noun: "out of the 12,000 initially deployed".
	if ev := lx.describedBy(toks, f.End); ev != "" {
		return ev
	}
	return flowwatch.EventPresent
}

// describedBy is the movement or state a participle phrase starting at
// toks[i] gives a whole ("sent to Kursk", "initially deployed", "thought
// to have been deployed"), within six words and before any punctuation,
// or "".
func (lx *Lexicon) describedBy(toks []Token, i int) string {
	for k := i; k < len(toks) && k <= i+6; k++ {
		if toks[k].Kind == Punct {
			return ""
		}
		if p := lx.events.at(toks, k); p != nil {
			switch p.val {
			case flowwatch.EventKilled, flowwatch.EventWounded, flowwatch.EventCaptured:
				return ""
			}
			return p.val
		}
	}
	return ""
}

// participle reports whether a word is a lower-case -ing or -ed form:
// "1,500 holding visas", "2,000 assigned to shipyards".
// adverb reports whether t is an -ly adverb ("initially", "reportedly").
func adverb(t *Token) bool {
	return t.Kind == Word && len(t.Low) > 4 && strings.HasSuffix(t.Low, "ly")
}

func participle(t *Token) bool {
	return t.Kind == Word && len(t.Text) > 5 && (strings.HasSuffix(t.Text, "ing") || strings.HasSuffix(t.Text, "ed"))
}

// entryStats reports whether a sentence cites border or visa statistics.
func entryStats(toks []Token) bool {
	for i := range toks {
		switch toks[i].Low {
		case "statistics", "border", "visa", "visas":
			return true
		}
	}
	return false
}

// namesEntry reports whether a word of entry (lexicon events, entered)
// stands in the sentence.
func (lx *Lexicon) namesEntry(toks []Token) bool {
	for k := range toks {
		if p := lx.events.at(toks, k); p != nil && p.val == flowwatch.EventEntered {
			return true
		}
	}
	return false
}

// yearOfTime reports whether a figure is only the year of a longer time
// phrase ("the first half of 2024", "since 2023", "by the end of 2025"):
// a date, even when a people noun follows it ("… of 2024 citizens of
// the DPRK entered"), or after "in" or "during".
func yearOfTime(toks []Token, f *Figure, times []TimeRef) bool {
	if f.End-f.Start != 1 || !yearLike(&toks[f.Start]) {
		return false
	}
	if f.Start > 0 && (toks[f.Start-1].Low == "in" || toks[f.Start-1].Low == "during") {
		return true // "In 2024 citizens entered": a count is written 2,024
	}
	for _, t := range times {
		if t.Start < f.Start && f.Start < t.End {
			return true
		}
	}
	return false
}

// auxiliary verbs after a figure make it the subject of its clause.
var auxiliary = map[string]bool{"had": true, "have": true, "has": true, "were": true, "was": true, "are": true, "is": true}

// levelVerbs state the level a count reached, not what befell its people.
var levelVerbs = map[string]bool{"reach": true, "reached": true, "reaching": true}

// attach finds the group of a people figure from its head noun, or from
// the context when no noun follows it, and keeps it only for North Koreans.
func (lx *Lexicon) attach(s *sent, f *Figure, prevFig string, ctxGroup func() string, nk bool) bool {
	f.ctxHead = -1
	toks := s.toks
	n := len(toks)
	k := f.End
	for k < n && toks[k].Kind == Punct && (toks[k].Low == "\"" || toks[k].Low == "'") {
		k++
	}
	// "2,000 more arrived", "3,000 more troops", "injured 47 others":
	// "more" and "others" are transparent.
	if k < n && (toks[k].Low == "more" || toks[k].Low == "others") {
		k++
	}
	// "1,500: special forces in the first shipment": a list of figures
	// puts the figure first and says after a colon what it counts.
	if k < n && toks[k].Low == ":" && f.Start == 0 {
		k++
	}
	first := k
	if k < n && toks[k].Low == "of" {
		k++
		for k < n && toks[k].in(wcDeterminer, determiners) {
			k++
		}
	}
	head := -1
	casualty := ""
	if first < n && toks[first].Low == "times" && f.Low != nil && *f.Low >= 100 && lx.entriesBefore(toks, f.Start) {
		// "entered Russia 9,500 times": entries of the people its clause
		// names (North Koreans, workers), as "entries" are.
		head, f.Group = first, flowwatch.GroupNationals
		cs, _ := s.clause(f.Start, f.End)
		if g, at := lx.nearestGroupAt(toks, f.Start); g != "" && at >= cs {
			f.Group = g
		}
	}
	for steps := 0; head < 0 && k < n && steps < 6; steps++ {
		// "a contingent of", "groups of": the people come after "of".
		if toks[k].in(wcCollective, lx.collectives) && k+1 < n && toks[k+1].Low == "of" {
			k += 2
			for k < n && toks[k].in(wcDeterminer, determiners) {
				k++
			}
			continue
		}
		if g, h := memberOfUnit(toks, k); g != "" {
			head, f.Group = h, g // "nine members of the engineering regiment"
			break
		}
		if g, _ := lx.Group(toks, k); g != "" {
			head = k
			f.Group = g
			break
		}
		if k == first && toks[k].in(wcMilitaryBody, lx.militaryBodies) && (k+1 >= n || toks[k+1].Kind == Punct || lx.isStop(&toks[k+1])) {
			// "will send 6 thousand military to Kursk": translation's
			// noun for servicemen.
			head, f.Group = k, flowwatch.GroupSoldiers
			break
		}
		if p := lx.casualties.at(toks, k); p != nil {
			head = k
			casualty = p.val
			// "1,000 wounded North Korean soldiers": the casualty word is
			// an adjective of the group noun after it.
			for j := k + len(p.low); j < n && j <= k+len(p.low)+3 && !lx.isStop(&toks[j]); j++ {
				if g, _ := lx.Group(toks, j); g != "" {
					head, f.Group = j, g
					f.adjCasualty = true
					break
				}
			}
			break
		}
		if k >= first && toks[k].Kind == Word && strings.HasSuffix(toks[k].Low, "ing") && len(toks[k].Low) > 5 && lx.events.at(toks, k) == nil {
			break // "1,500 holding work visas": the noun is the verb's object
		}
		initial := toks[k].Low == "." && k > 0 && len(toks[k-1].Text) == 1 && isCap(&toks[k-1]) // "N. Korean"
		if lx.isStop(&toks[k]) && !(k == first && toks[k].Low == "of") && !initial {
			break
		}
		k++
	}
	counted, other := "", false
	if head < 0 {
		counted, other = lx.countedNoun(s, f)
	}
	if other {
		f.thing = true
		return false
	}
	if head < 0 {
		// "killed 77 and wounded 40 North Korean soldiers": a figure
		// coordinated with a later one shares its noun.
		if h, g := lx.coordinatedHead(toks, first); h >= 0 {
			head, f.Group = h, g
		}
	}
	if head >= 0 {
		// The noun phrase from the figure to its head; a people's name may
		// run into the head ("5,000 South Koreans", "13,221 North Koreans").
		origin, foreign := false, false
		for j := f.End; j <= head; j++ {
			if lx.origin.at(toks, j) != nil {
				origin = true
			} else if p := lx.foreign.at(toks, j); p != nil && (j < head || len(p.low) > 1) {
				foreign = true
			} else if j < head && f.Group == flowwatch.GroupNationals && lx.placeName(toks, j) {
				foreign = true // "thousands of Mariupol residents": that place's people
			}
		}
		if foreign && !origin {
			f.foreign = true
			return false
		}
		if casualty != "" {
			f.Casualty = casualty
			f.Event = casualty
			if f.Group == "" {
				// "laborers are working there, and forces have suffered
				// 4,700 casualties": the casualties' own clause names
				// whose they are, before the figure before does.
				cs, _ := s.clause(f.Start, f.End)
				if g, at := lx.nearestGroupAt(toks, f.Start); at >= cs {
					f.Group = g
				}
			}
			if f.Group == "" {
				f.Group = prevFig // "casualties at 4,700, including 600 dead"
			}
			if f.Group == "" {
				f.Group = lx.nearestGroup(toks, f.Start, -1)
			}
			if f.Group == "" {
				f.Group = ctxGroup()
			}
			if f.Group == "" && (origin || lx.originBefore(toks, f.Start)) {
				// "two North Korean prisoners of war", "North Korea
				// suffered 3,000 casualties": a war's dead, wounded and
				// prisoners are soldiers.
				f.Group = flowwatch.GroupSoldiers
			}
			if f.Group == "" {
				return false
			}
		}
		f.Head = head
		if origin {
			f.NK = true
			return true
		}
		return nk
	}
	// "troops numbering several thousand": the noun before counts them.
	if f.Start >= 2 && numberingWord[toks[f.Start-1].Low] {
		if g := lx.groupCovering(toks, f.Start-2); g != "" {
			f.Bare, f.Group, f.ctxHead = true, g, f.Start-2
			return nk
		}
	}
	// No noun: a bare figure ("some 2,700 have been wounded", "rose to 13,000").
	// A participle may follow: "including 1,500 holding work visas".
	// The part of a whole named before may take any verb: "Of those
	// arrivals, nearly 8,000 came on student visas" (but "Of those, 2,000
	// containers were shipped" counts containers).
	verb := partitiveOpening(toks, f.Start) && !(first+1 < n && toks[first+1].in(wcAuxiliary, auxiliary))
	if first+1 < n && adverb(&toks[first]) && (lx.events.at(toks, first+1) != nil || participle(&toks[first+1])) {
		verb = true // "out of the 12,000 initially deployed"
	}
	if !verb && first+1 < n && participle(&toks[first]) && lx.events.at(toks, first) == nil && toks[first+1].Kind == Word && !lx.isStop(&toks[first+1]) && !adverb(&toks[first+1]) && lx.events.at(toks, first+1) == nil {
		if g, _ := lx.Group(toks, first+1); g == "" {
			f.thing = true
			return false // "five training grounds": an -ing word before a noun of things (a part of a whole is the subject of its verb: "Of those, 7,887 declared study")
		}
	}
	if first < n && !lx.isStop(&toks[first]) && !(toks[first].Kind == Punct) && lx.events.at(toks, first) == nil && !participle(&toks[first]) && !verb {
		f.thing = true
		return false // it counts something else: "2,000 containers"
	}
	ofThem := f.End < n && toks[f.End].Low == "of" && wholeAfterOf(toks, f.End+1) > 0
	// "1,200 of them were killed" names its people, whatever precedes it.
	if !ofThem && s.row == 0 && !partitiveOpening(toks, f.Start) && f.Qualifier == flowwatch.QualExact && !f.Vague && (f.Start == 0 || !toks[f.Start-1].in(wcBareBefore, bareBefore)) && !lx.eventAdjacent(toks, f.Start, first) {
		return false
	}
	f.Bare = true
	g := prevFig
	if s.row > 0 {
		g = "" // the cell before is another column's
	}
	switch {
	case counted != "":
		g = counted // "the number of work permits issued to North Koreans reached 5,600"
	case g != "":
		f.fromPrev = true
	default:
		g, f.ctxHead = lx.nearestGroupAt(toks, f.Start)
	}
	// "Another 400 of them", "Of them, about 600": the people of the
	// sentence before.
	f.ofThem = ofThem
	if g == "" && ofThem {
		g = ctxGroup()
	}
	// "The Pentagon put the number at around 11,000", "the figure could
	// be as high as 12,000": a definite measure noun stands for the
	// people counted in the sentence before.
	if measureAnaphor(toks, f.Start) {
		f.measure = true
		if g == "" {
			g = ctxGroup()
		}
	}
	if partitiveOpening(toks, f.Start) {
		// "Of those arrivals, nearly 8,000 came on student visas": a part
		// of the whole the sentence before counted.
		f.partitive = true
		if g == "" {
			g = ctxGroup()
		}
	}
	// "By December, they numbered around 11,000": a pronoun subject of
	// the figure's clause stands for the people of the sentences before;
	// so does a figure that is itself the subject ("Some 7,800 were
	// enrolled", "the agency estimated that about 1,000 had died").
	if g == "" {
		cs, _ := s.clause(f.Start, f.End)
		for i := cs; i < f.Start && i < cs+6; i++ {
			if l := toks[i].Low; l == "they" || l == "these" || l == "those" {
				g = ctxGroup()
				break
			}
		}
		// "He predicted there would be 50,000": the figure of "there
		// is" is the people the sentences before count.
		if g == "" && existential(toks, cs, f.Start) {
			g = ctxGroup()
		}
		// A verb of its own after the figure makes it a subject too ("Only
		// several thousand remain"), and so does a figure after a verb of
		// estimate or report ("we estimate approximately 10,000 are
		// moving").
		if g == "" && f.End < n && (toks[f.End].in(wcAuxiliary, auxiliary) || lx.events.at(toks, f.End) != nil) {
			// "Another 1,000 were sent", "A further 3,000 followed": a
			// wave after the one the sentence before counted.
			b := f.Start - 1
			for b >= cs && (toks[b].Kind == Punct || toks[b].Low == "that" || toks[b].in(wcSubjectAdverb, subjectAdverb) ||
				scaleAfter[toks[b].Low] || (toks[b].Low == "a" || toks[b].Low == "an") && b+1 < f.Start && scaleAfter[toks[b+1].Low]) {
				b--
			}
			if b < cs || b >= 0 && toks[b].in(wcReportVerb, reportVerb) {
				g = ctxGroup()
			}
		}
	}
	// "North Korean casualties have reached 4,000": a casualty noun before
	// the figure names the event; the people are the context's, else
	// soldiers, the people a war's casualties are.
	if g == "" {
		for i := 0; i < f.Start; i++ {
			if p := lx.casualties.at(toks, i); p != nil && !lx.foreignBefore(toks, i) {
				if toks[i].in(wcChange, lx.change) {
					if g, _ := lx.Group(toks, i+1); g == "" {
						continue // "has fallen to 5,000": a level, not the fallen
					}
				}
				f.Casualty, f.Event = p.val, p.val
				g = ctxGroup()
				if g == "" || g == flowwatch.GroupNationals {
					// "put North Korea's war dead at 450": the
					// war's dead are its soldiers.
					g = flowwatch.GroupSoldiers
				}
				break
			}
		}
	}
	if g == "" && s.row > 0 {
		g = ctxGroup() // a row of a table: its column's header, else its caption's people
	}
	if g == "" {
		return false
	}
	f.Group = g
	return nk
}

// storyNoun reports whether the sentence's last group noun is a word of
// storyPeople ("men"), whose group its claims, not the word, say.
func (lx *Lexicon) storyNoun(toks []Token) bool {
	for k := len(toks) - 1; k >= 0; k-- {
		if g, _ := lx.Group(toks, k); g != "" {
			return storyPeople[toks[k].Low]
		}
	}
	return false
}

// storyCue is the group the text before toks[fs] of doc[i] last names
// (up to 40 sentences back): its last group noun other than a word of
// storyPeople, or workers for a word of work ("labour pipeline", "jobs");
// "" when none. Nationals name no one in particular and are passed over.
func (lx *Lexicon) storyCue(doc []sent, i, fs int) string {
	for j := i; j >= 0 && j > i-40; j-- {
		toks := doc[j].toks
		end := len(toks)
		if j == i {
			end = fs
		}
		for k := end - 1; k >= 0; k-- {
			if storyPeople[toks[k].Low] {
				continue
			}
			if lx.labor.at(toks, k) != nil {
				return flowwatch.GroupWorkers
			}
			if g, _ := lx.Group(toks, k); g != "" && g != flowwatch.GroupNationals {
				if g == flowwatch.GroupITWorkers {
					g = flowwatch.GroupWorkers
				}
				return g
			}
		}
	}
	return ""
}

// memberOfUnit reads "members of the X regiment" at toks[k]: the members
// of a named unit are its soldiers, or engineers when its name says so
// ("members of the engineering regiment"). It gives the group and the
// unit noun's index, or "" and -1.
func memberOfUnit(toks []Token, k int) (string, int) {
	if k+3 >= len(toks) || toks[k].Low != "members" || toks[k+1].Low != "of" {
		return "", -1
	}
	switch toks[k+2].Low {
	case "the", "its", "their", "his", "a":
	default:
		return "", -1
	}
	g := flowwatch.GroupSoldiers
	for j := k + 3; j < len(toks) && j <= k+7; j++ {
		t := &toks[j]
		if unitNoun[t.Low] {
			return g, j
		}
		if engineerModifier[t.Low] {
			g = flowwatch.GroupEngineers
		}
		if t.Kind == Punct && !(t.Low == "-" && t.Glued) {
			return "", -1
		}
	}
	return "", -1
}

// orderedWave reports whether toks[a:b] names a numbered wave of a
// deployment: an ordinal before a collective noun ("the first contingent",
// "a second wave", "first-wave troops").
func (lx *Lexicon) orderedWave(toks []Token, a, b int) bool {
	for k := a; k+1 < b; k++ {
		if !waveOrdinal[toks[k].Low] {
			continue
		}
		n := k + 1
		if toks[n].Low == "-" && n+1 < b {
			n++
		}
		if toks[n].in(wcCollective, lx.collectives) {
			return true
		}
	}
	return false
}

// existential reports whether the figure at toks[fs] is what "there is"
// says exists ("there would be 50,000", "there are now some 3,000").
func existential(toks []Token, cs, fs int) bool {
	for i := fs - 1; i >= cs && i >= fs-4; i-- {
		if toks[i].Low == "there" {
			for j := i + 1; j < fs; j++ {
				if toks[j].Low == "be" || toks[j].in(wcAuxiliary, auxiliary) {
					return true
				}
			}
			return false
		}
		if toks[i].Kind != Word {
			return false
		}
	}
	return false
}

// whoNationals says who North Koreans counted in general are when their
// clause says more: "5,000 people" after "a division of builders" are
// the builders, "the number of workers may reach 500 persons" counts
// workers, and North Koreans counted as working or hired are workers.
func (lx *Lexicon) whoNationals(s *sent, f *Figure, event string) string {
	toks := s.toks
	cs, ce := s.clause(f.Start, f.End)
	if f.Head >= f.End && f.Head < len(toks) && lx.genericPeople[toks[f.Head].Low] {
		// "11,000 people of the North Korean army": an army's people
		// are soldiers; machine translation's "10 thousand people of
		// military personnel" are the people its noun names.
		if h := f.Head + 1; h < len(toks) && toks[h].Low == "of" {
			for i := h + 1; i < len(toks) && i <= h+4 && toks[i].Kind == Word; i++ {
				if lx.militaryBody(toks, i) {
					return flowwatch.GroupSoldiers
				}
				if g, _ := lx.Group(toks, i); g != "" && g != flowwatch.GroupNationals && !lx.foreignBefore(toks, i) {
					return g
				}
			}
		}
		// "6,000 people consisting of 1,000 sappers and 5,000 builders": a
		// total is the people its parts name, the first part's standing
		// for all.
		for i := f.Head + 1; i < len(toks) && i <= f.Head+4; i++ {
			if !compositionCue[toks[i].Low] {
				continue
			}
			for j := i + 1; j < len(toks) && j <= i+8; j++ {
				if g, _ := lx.Group(toks, j); g != "" && g != flowwatch.GroupNationals {
					return g
				}
			}
			break
		}
		// The noun may stand in an apposition the dash sets off ("a
		// division of builders -- 5,000 people"), so the look-back
		// crosses clauses, not sentences.
		for i := f.Start - 1; i >= 0 && i >= f.Start-10; i-- {
			if toks[i].Low == ";" || toks[i].Low == "." {
				break
			}
			if g := lx.groupCovering(toks, i); g != "" {
				if g == flowwatch.GroupNationals || lx.foreignBefore(toks, i) || numberBetween(toks, max(i-3, 0), i) {
					break // other people, or another figure's noun
				}
				return g
			}
			// "The North Korean army sent 11,000 people", machine
			// translation's "the DPRK military in the amount of 12
			// thousand people": an army's people are soldiers.
			if lx.militaryBody(toks, i) {
				return flowwatch.GroupSoldiers
			}
		}
	}
	switch event {
	case flowwatch.EventKilled, flowwatch.EventWounded, flowwatch.EventCaptured:
		if f.Head >= f.End && f.Head < len(toks) && lx.genericPeople[toks[f.Head].Low] {
			// "around 4,000 people have died": North Koreans a war kills
			// are its soldiers (a named place's residents were ruled out).
			return flowwatch.GroupSoldiers
		}
	case flowwatch.EventEntered:
		// "3,000 entries were declared as \"work\"", "entered for
		// work": the declared purpose makes them workers, as work visas.
		for i := cs + 1; i < ce; i++ {
			// Another figure between has a purpose of its own: "2,900
			// declared study and 1,400 work".
			own := i < f.Start && !numberBetween(toks, i, f.Start) || i >= f.End && !numberBetween(toks, f.End, i)
			if own && lx.declaredPurpose(toks, i) {
				return flowwatch.GroupWorkers
			}
		}
	case flowwatch.EventPresent, flowwatch.EventRecruited, flowwatch.EventPlanned, flowwatch.EventSent:
		for i := cs; i < ce; i++ {
			if (i < f.Start || i >= f.End) && lx.labor.at(toks, i) != nil {
				return flowwatch.GroupWorkers
			}
		}
	}
	return flowwatch.GroupNationals
}

// inCondition reports whether the token at k stands in a clause of
// condition that opens the sentence ("If Pyongyang deploys another
// 10,000, …", "Even if Seoul is right about 40,000 more, …"), before its comma.
func inCondition(toks []Token, k int) bool {
	b := 0
	if len(toks) > 1 && conditional[toks[0].Low+" "+toks[1].Low] {
		b = 2
	} else if len(toks) > 0 && conditional[toks[0].Low] {
		b = 1
	}
	if b == 0 {
		return false
	}
	for j := b; j < k; j++ {
		if toks[j].Kind == Punct {
			return false
		}
	}
	return true
}

// denied reports whether a negated verb of movement or loss governs the
// figure starting at start ("has not sent 100,000 soldiers", "hasn't
// deployed another 5,000", "have never been sent 3,000"): the text denies
// the figure. The verb stands at most three words before the figure, the
// negator at most two before the verb.
func (lx *Lexicon) denied(toks []Token, start int) bool {
	for v := start - 1; v >= 0 && v >= start-4; v-- {
		if toks[v].Kind == Punct {
			return false
		}
		if lx.events.at(toks, v) == nil {
			continue
		}
		for b := v - 1; b >= 0 && b >= v-3; b-- {
			if toks[b].Kind == Punct {
				break
			}
			if negator[toks[b].Low] || strings.HasSuffix(toks[b].Low, "n't") || strings.HasSuffix(toks[b].Low, "n’t") {
				return toks[b+1].Low != "only" // "has not only sent 10,000 but …" affirms
			}
		}
		return false
	}
	return false
}

// checkedLine reports whether a sentence opens with a fact check's label
// of the claim it checks ("CLAIM: …"): it reports what others assert.
func checkedLine(toks []Token) bool {
	for k := 0; k < len(toks) && k < 3; k++ {
		if toks[k].Low == ":" {
			var b strings.Builder
			for j := 0; j < k; j++ {
				if j > 0 {
					b.WriteByte(' ')
				}
				b.WriteString(toks[j].Low)
			}
			return k > 0 && checkedLabel[b.String()]
		}
	}
	return false
}

// asksWhether reports whether an English sentence is a question that
// asks whether ("Did Pyongyang send 100,000 troops?", "is it tens or
// hundreds?"): it states none of its figures. A question opened
// by a wh-word takes them as given. A speaker's label is skipped.
func asksWhether(toks []Token) bool {
	e := len(toks) - 1
	for e > 0 && quoteMark(toks[e].Low) {
		e--
	}
	if e < 1 || toks[e].Low != "?" {
		return false
	}
	b := 0
	if speakerLabel(toks) {
		for b < e && toks[b].Low != ":" {
			b++
		}
		b++
	}
	for b < e && toks[b].Kind != Word {
		b++
	}
	return b < e && !whWord[toks[b].Low]
}

// namesGroup reports whether the sentence has a noun of group g.
func (lx *Lexicon) namesGroup(toks []Token, g string) bool {
	for k := range toks {
		if gk, _ := lx.Group(toks, k); gk == g {
			return true
		}
	}
	return false
}

// declaredPurpose reports whether toks[i] is a word of work that North
// Koreans entering declared as their purpose: "entered for work", "came
// to work", "put down work as the aim of the visit".
func (lx *Lexicon) declaredPurpose(toks []Token, i int) bool {
	p := lx.labor.at(toks, i)
	return p != nil && (purposeBefore(toks, i) || purposeAfter(toks, i+len(p.low)))
}

// purposeBefore reports whether a purpose marker stands right before
// toks[i], or before the quotation mark that opens it ("as \"work\"").
func purposeBefore(toks []Token, i int) bool {
	b := i - 1
	if b > 0 && quoteMark(toks[b].Low) {
		b--
	}
	return b >= 0 && purposeMarker[toks[b].Low]
}

// purposeAfter reports whether "as" and a noun of purpose follow at
// toks[e] (past a closing quotation mark): "work as the purpose",
// "\"work\" as their reason".
func purposeAfter(toks []Token, e int) bool {
	if e < len(toks) && quoteMark(toks[e].Low) {
		e++
	}
	return e < len(toks) && toks[e].Low == "as" && wordWithin(toks, e+1, 3, purposeNoun)
}

// groupCovering is the group of the longest group noun that covers
// toks[i] when read backwards from it: "construction troops" (workers),
// not "troops" alone.
func (lx *Lexicon) groupCovering(toks []Token, i int) string {
	for k := max(i-2, 0); k < i; k++ {
		if g, l := lx.Group(toks, k); g != "" && k+l > i {
			return g
		}
	}
	g, _ := lx.Group(toks, i)
	return g
}

// militaryBody reports whether toks[i] names an army as a whole that is
// not another country's: "the North Korean army", "the DPRK military in
// the amount of", but not the adjective of "military brigades" or
// "military builders", whose noun says who they are.
func (lx *Lexicon) militaryBody(toks []Token, i int) bool {
	if !toks[i].in(wcMilitaryBody, lx.militaryBodies) || lx.foreignBefore(toks, i) {
		return false
	}
	if n := i + 1; n < len(toks) && toks[n].Kind == Word {
		if g, _ := lx.Group(toks, n); g != "" || toks[n].in(wcCollective, lx.collectives) {
			return false
		}
	}
	return true
}

// sentenceEvent reports whether the figure's sentence names an event
// ("plans to send more workers; the total could reach 50,000" plans).
func (lx *Lexicon) sentenceEvent(s *sent, f *Figure) bool {
	for k := range s.toks {
		if (k < f.Start || k >= f.End) && s.toks[k].may(lx.events) && lx.events.at(s.toks, k) != nil {
			return true
		}
	}
	return false
}

// wholeEventBefore is the event of the last claim of group g in the three
// sentences before doc[i] (a whole a partitive figure is part of), or "".
func wholeEventBefore(doc []sent, i int, g string) string {
	for b := i - 1; b >= 0 && b >= i-3; b-- {
		if doc[b].claimGroup != "" {
			if doc[b].claimGroup == g {
				return doc[b].claimEvent
			}
			return ""
		}
	}
	return ""
}

// partitiveOpening reports whether a sentence opens with a part of a
// whole named before it, and the figure at toks[fs] is that part: "Of
// them, about 600", "Of those arrivals, nearly 8,000", "Among these
// workers, some 5,000", "Of that total, about 10,000".
func partitiveOpening(toks []Token, fs int) bool {
	if fs < 2 || fs > 10 || !(toks[0].Low == "of" || toks[0].Low == "among") {
		return false
	}
	switch toks[1].Low {
	case "them", "those", "these", "the", "whom", "that", "this":
	default:
		return false
	}
	words := 1
	for k := 2; k < fs; k++ {
		if toks[k].Low == "," {
			return fs-k <= 4 // "Of them, about 600"
		}
		if toks[k].Low == "-" && toks[k].Glued && k+1 < fs && toks[k+1].Glued {
			continue // "Of the second-quarter arrivals": one word
		}
		if toks[k].Kind != Word || words > 3 {
			return false
		}
		words++
	}
	return words <= 3 // "Of them about 600"
}

// laborAfter reports whether a word of working follows the figure
// ending at toks[e] within three words: "Of them, roughly 2,000 now work
// in Moscow" are there, whatever the whole did.
func (lx *Lexicon) laborAfter(toks []Token, e int) bool {
	for k := e; k < len(toks) && k <= e+3; k++ {
		if lx.labor.at(toks, k) != nil && !lx.declaredPurpose(toks, k) {
			return true
		}
	}
	return false
}

// measureNouns name a count: "the number", "the figure", "the tally".
var measureNouns = map[string]bool{"number": true, "figure": true, "total": true, "tally": true, "count": true, "estimate": true}

// measureAnaphor reports whether the figure at toks[fs] is the value of a
// definite measure noun a few words before it, with no punctuation
// between: "put the number at", "estimated the total at", "the tally
// stands at", "the figure could be as high as". "The number of vacancies
// is 200,000" names its own people (or things) and is no anaphor.
func measureAnaphor(toks []Token, fs int) bool {
	aside := false
	for k, words := fs-1, 0; k >= 1 && words < 10; k, words = k-1, words+1 {
		t := &toks[k]
		if t.Low == "," && !aside {
			// "The spring tally, as published by the bureau in June,
			// stood at 2,400": an aside between the noun and its verb.
			if a := asideStart(toks, k); a > 0 {
				k, aside = a, true
				continue
			}
		}
		if t.Kind == Punct && !(t.Low == "-" && t.Glued) {
			return false
		}
		if !measureNouns[t.Low] {
			continue
		}
		return definiteBefore(toks, k) && k+1 < len(toks) && toks[k+1].Low != "of"
	}
	return false
}

// definiteBefore reports whether the noun at toks[k] is definite: a
// determiner before it, past at most two words of its own or a
// hyphenated one ("the figure", "the half-year tally", "the 2024
// count", "the latest official count").
func definiteBefore(toks []Token, k int) bool {
	for b, words := k-1, 0; b >= 0 && words <= 2; b-- {
		switch l := toks[b].Low; {
		case l == "the" || l == "that" || l == "this" || l == "its" || l == "their" || l == "our":
			return true
		case l == "-" && toks[b].Glued:
		case toks[b].Kind == Word, yearToken(&toks[b]):
			words++ // "the 2024 figure": a year names which
		default:
			return false
		}
	}
	return false
}

// yearToken reports whether t is a number written as a year ("2024").
func yearToken(t *Token) bool {
	return t.Kind == Number && !t.Sep && !t.Dec && t.Num >= 1900 && t.Num < 2100
}

// asideStart is the index of the comma that opens an aside closed by the
// comma at toks[e] (", as published by the bureau in June,"), if the aside
// is short and holds no figure; else -1.
func asideStart(toks []Token, e int) int {
	for k := e - 1; k >= 1 && k >= e-10; k-- {
		switch {
		case toks[k].Low == ",":
			return k
		case toks[k].Kind == Number && !yearToken(&toks[k]), toks[k].Kind == Punct && toks[k].Low != "-":
			return -1
		}
	}
	return -1
}

// nearestGroup is the group of the group noun nearest before toks[before]
// (not modified by another people's adjective), or "".
func (lx *Lexicon) nearestGroup(toks []Token, before, _ int) string {
	g, _ := lx.nearestGroupAt(toks, before)
	return g
}

// nearestGroupAt is nearestGroup with the noun's token index (-1 if none).
func (lx *Lexicon) nearestGroupAt(toks []Token, before int) (string, int) {
	g, at := "", -1
	for i := 0; i < before && i < len(toks); i++ {
		if v, l := lx.Group(toks, i); v != "" {
			if !lx.foreignBefore(toks, i) {
				g, at = v, i
			}
			i += l - 1
		}
	}
	return g, at
}

// ownerGroup is the group a money amount or a share belongs to: the
// nearest group noun of the sentence, else of the previous one.
func (lx *Lexicon) ownerGroup(s *sent, f *Figure, ctx func() string, nk bool) (string, bool) {
	toks := s.toks
	if f.Kind == flowwatch.KindShare && f.End < len(toks) && toks[f.End].Low == "of" {
		// "70 percent of Russians", "90 percent of the workers' wages":
		// the share is of what follows "of".
		for k := f.End + 1; k < len(toks) && k <= f.End+4; k++ {
			if lx.origin.at(toks, k) != nil {
				break
			}
			if p := lx.foreign.at(toks, k); p != nil {
				if e := k + len(p.low); e >= len(toks) || !attributionNoun[toks[e].Low] {
					return "", false
				}
			}
			if toks[k].Kind == Punct || lx.isStop(&toks[k]) && !toks[k].in(wcDeterminer, determiners) {
				break
			}
		}
	}
	best, bestD := "", 1<<30
	for i := 0; i < len(toks); i++ {
		if i >= f.Start && i < f.End {
			continue
		}
		if v, l := lx.Group(toks, i); v != "" {
			if lx.foreignBefore(toks, i) {
				i += l - 1
				continue
			}
			d := f.Start - i
			if i > f.Start {
				d = i - f.End + 5 // worse than the same distance before: workers (70%)
			}
			if d < bestD {
				best, bestD = v, d
			}
			i += l - 1
		}
	}
	if best != "" {
		return best, nk
	}
	if ctxGroup := ctx(); f.Kind == flowwatch.KindMoney && ctxGroup != "" {
		return ctxGroup, nk
	}
	return "", false
}

var modalSkip = map[string]bool{"be": true, "been": true, "also": true, "soon": true, "then": true, "officially": true, "eventually": true, "further": true, "not": true, "more": true, "additionally": true, "quickly": true, "possibly": true, "likely": true}

// event reads what happened to a figure's people from the nearest cue of
// its clause (a casualty word wins), and whether it is only planned.
func (lx *Lexicon) event(s *sent, f *Figure) string {
	return lx.eventNear(s, f, f.Start, f.End)
}

// casualtyIn is the casualty event nearest the figure in its own clause,
// or "".
func (lx *Lexicon) casualtyIn(s *sent, f *Figure) string {
	switch ev := lx.eventNear(s, f, f.Start, f.End); ev {
	case flowwatch.EventKilled, flowwatch.EventWounded, flowwatch.EventCaptured:
		return ev
	}
	return ""
}

// eventNear is event with the cue search anchored on tokens [fs, fe): the
// figure itself, or the noun a bare figure takes its people from.
func (lx *Lexicon) eventNear(s *sent, fig *Figure, fs, fe int) string {
	toks := s.toks
	f := &Figure{Start: fs, End: fe}
	if fs == fig.Start {
		f = fig
	}
	cs, ce := s.clause(f.Start, f.End)
	type cue struct {
		pos, end int
		ev       string
	}
	hypothetical, hypoOwn := false, false
	// The cues of a clause fit a small array on the stack; each search
	// starts it afresh (what the search before found has been picked).
	var cbuf [8]cue
	find := func(a, b int) []cue {
		cues := cbuf[:0]
		for i := a; i < b; i++ {
			if i >= f.Start && i < f.End {
				continue
			}
			if p := lx.events.at(toks, i); p != nil {
				c := cue{i, i + len(p.low), p.val}
				i += len(p.low) - 1
				switch c.ev {
				case flowwatch.EventKilled, flowwatch.EventWounded, flowwatch.EventCaptured:
					if lx.replenished(toks, c.pos) {
						continue // "3,000 reinforcements to replace its losses"
					}
					if lx.hypotheticalAt(toks, c.pos) {
						// "all 12,000 soldiers could be lost": what may
						// befall a force does not count its dead.
						hypothetical = true
						// Its own predicate: a conditional's losses
						// before it ("if losses continue, all 12,000
						// could be lost") do not count them either.
						hypoOwn = hypoOwn || c.pos >= f.End && c.pos < ce
						continue
					}
				}
				cues = append(cues, c)
			}
		}
		return cues
	}
	// "Of the 4,000 who became casualties, around 1,000 were killed": a
	// figure that is the subject of its own verb takes that verb's event,
	// not one across a comma before it.
	subjEnd := f.End
	if f.Head >= f.End && f.Head < len(toks) {
		_, l := lx.Group(toks, f.Head)
		subjEnd = f.Head + max(l, 1)
	}
	subject := subjEnd < len(toks) && toks[subjEnd].in(wcAuxiliary, auxiliary)
	if !subject && subjEnd+1 < len(toks) && toks[subjEnd].Low == "," && toks[subjEnd+1].Low == "including" {
		// "three soldiers, including two officers and a medic, were
		// injured": the verb after the apposition is the figure's.
		for k := subjEnd + 2; k < len(toks) && k < subjEnd+20; k++ {
			if toks[k].Low == "," || toks[k].Low == "\"" {
				continue
			}
			if toks[k-1].Low == "," && toks[k].in(wcAuxiliary, auxiliary) {
				subject = true
				break
			}
		}
	}
	afterHead := -1
	if f.Head >= f.End && !numberBetween(toks, f.End, f.Head) {
		_, l := lx.Group(toks, f.Head)
		afterHead = f.Head + max(l, 1)
	}
	dist := func(c cue) int {
		if c.pos == afterHead && (c.ev == flowwatch.EventKilled || c.ev == flowwatch.EventWounded || c.ev == flowwatch.EventCaptured) {
			// A participle right after the figure's noun says what befell
			// those counted: "lost about 1,000 soldiers killed".
			return -1 << 21
		}
		if toks[c.pos].in(wcLevelVerb, levelVerbs) {
			// "The number of permits issued reached 5,600": a level
			// reached says how many, the other cue what happened; alone
			// it moves them ("is expected to reach 10,000").
			return 1 << 10
		}
		if c.end == f.Start {
			// The verb whose object the figure is: "killed 77 and
			// wounded 40", "injured another 47".
			return -1 << 20
		}
		if c.end+1 == f.Start && lx.movementSize(toks, f.Start) {
			// "300 died of a deployment of 12,000": the figure is the
			// movement's size, whatever befell a part of it.
			return -1 << 20
		}
		if f.Head > f.End && c.pos >= f.End && c.end <= f.Head {
			// An adjective of the figure's noun ("two wounded soldiers
			// were taken prisoner") yields to a verb of its own.
			return 500
		}
		if c.pos >= f.End {
			return c.pos - f.End
		}
		// English states what happened after the people counted more
		// often than before them: "and some 3,000 have been wounded".
		d := f.Start - c.end + 3
		if subject && commaBetween(toks, c.end, f.Start) {
			d += 20
		}
		return d
	}
	pick := func(cues []cue) (cue, bool) {
		best, bd := cue{}, 1<<30
		for _, c := range cues {
			if c.pos >= f.End && quantifiedPartBetween(toks, f.End, c.pos) {
				// "rose to 3,000, half of them arriving on tourist
				// visas": the part's verb, not the figure's.
				continue
			}
			if c.ev == flowwatch.EventKilled || c.ev == flowwatch.EventWounded || c.ev == flowwatch.EventCaptured {
				if c.pos >= f.End && lx.partBetween(toks, f.End, c.pos) {
					// "some 1,200 sappers came home; Kim said eleven of
					// them had died": what befell a later part is its own.
					continue
				}
				if d := dist(c) - 1000; d < bd {
					best, bd = c, d
				}
				continue
			}
			if d := dist(c); d < bd {
				best, bd = c, d
			}
		}
		// "12,000 soldiers deployed in Kursk could face heavy casualties":
		// a movement participle right after the figure's noun says what
		// those counted did; a casualty noun later, with no figure of its
		// own, says what befell the force, not how many; and a casualty
		// with a figure of its own between ("Of the 11,000 soldiers
		// deployed, about 4,000 were killed") counts that figure's people.
		for _, c := range cues {
			if c.pos == afterHead && c.ev != flowwatch.EventKilled && c.ev != flowwatch.EventWounded && c.ev != flowwatch.EventCaptured && best.pos > c.pos &&
				(lx.casualtyNoun(toks, best.pos) || numberBetween(toks, c.end, best.pos)) {
				return c, true
			}
		}
		return best, bd < 1<<30
	}
	c, ok := pick(find(cs, ce))
	if !ok {
		// A clause with no cue of its own ("…, plus about 3,000 military
		// builders") takes one from its sentence, but not across a
		// semicolon: "; the toll has passed 6,000 dead and wounded" says
		// what befell others.
		ss, se := semicolonSpan(toks, f.Start, f.End)
		c, ok = pick(find(ss, se))
	}
	if hypoOwn && (!ok || c.ev == flowwatch.EventKilled || c.ev == flowwatch.EventWounded || c.ev == flowwatch.EventCaptured) {
		return flowwatch.EventPresent
	}
	if !ok && hypothetical {
		return flowwatch.EventPresent
	}
	if !ok {
		if lx.orderedWave(toks, cs, ce) {
			// "The first contingent was roughly 11,000", "first-wave
			// combat troops: about 11,000": a wave in a series of them
			// was sent.
			return flowwatch.EventSent
		}
		if f.Start > 0 && toks[f.Start-1].in(wcPlanObject, planObject) || f.Start > 1 && toks[f.Start-1].Low == "of" && toks[f.Start-2].in(wcPlanObject, planObject) {
			// "promised 5,000 military builders", "wants about 12,000
			// workers", "the pledge of 5,000 builders": people promised
			// or wanted are a plan.
			return flowwatch.EventPlanned
		}
		for i := range toks {
			if lx.future.at(toks, i) != nil {
				return flowwatch.EventPlanned
			}
		}
		return ""
	}
	switch c.ev {
	case flowwatch.EventKilled, flowwatch.EventWounded, flowwatch.EventCaptured:
		return c.ev
	}
	b := c.pos - 1
	if c.ev == flowwatch.EventSent && b >= 0 && toks[b].in(wcStateAdverb, stateAdverb) && strings.HasSuffix(toks[c.pos].Low, "ed") {
		// "were still deployed in border areas": where they are, not a
		// movement ("are still arriving" goes on moving).
		return flowwatch.EventPresent
	}
	for steps := 0; b >= 0 && steps < 3 && toks[b].in(wcModalSkip, modalSkip); steps++ {
		b--
	}
	if b >= 1 && toks[b].Low == "to" && toks[b-1].in(wcAspectual, lx.aspectual) {
		// "continue to arrive", "began to deploy": the movement goes on or
		// has begun; only a cue before the verb plans it ("will continue
		// to send", "plans to start to recruit").
		b -= 2
		for steps := 0; b >= 0 && steps < 3 && (toks[b].in(wcModalSkip, modalSkip) || toks[b].Low == "to"); steps++ {
			if toks[b].Low == "to" && b > 0 && toks[b-1].in(wcPlanned, lx.planned) {
				return flowwatch.EventPlanned
			}
			b--
		}
		if b >= 0 && toks[b].in(wcPlanned, lx.planned) && toks[b].Low != "to" {
			return flowwatch.EventPlanned
		}
		return c.ev
	}
	if toks[c.pos].in(wcEventNoun, lx.eventNouns) {
		if c.end < len(toks) && toks[c.end].Low != "to" && toks[c.end].in(wcPlanned, lx.planned) {
			// "the dispatch will bring 4,000 builders": a movement
			// named by a noun that is the subject of a modal is still
			// to come.
			return flowwatch.EventPlanned
		}
		// "considering the additional dispatch of 6,000": a movement
		// named by a noun is planned by what stands before its article.
		for steps := 0; b >= 0 && steps < 2 && !toks[b].in(wcPlanned, lx.planned) && (toks[b].in(wcDeterminer, determiners) || toks[b].Low == "a" || toks[b].Low == "an" || toks[b].in(wcEventNounModifier, eventNounModifier)); steps++ {
			b--
		}
	}
	if b >= 1 && toks[b].Low == "for" && lx.planned[toks[b-1].Low+" for"] {
		return flowwatch.EventPlanned // "pushing for the dispatch"
	}
	if b >= 1 && toks[b].Low == "on" {
		// "agreed with Moscow on sending 12,000", "decided on deploying":
		// the plan word and "on" may hold the partner between them.
		for j := b - 1; j >= 0 && j >= b-4 && toks[j].Kind == Word; j-- {
			if toks[j].in(wcPlanned, lx.planned) && toks[j].Low != "to" {
				return flowwatch.EventPlanned
			}
		}
	}
	if b >= 0 && toks[b].in(wcPlanned, lx.planned) && !(toks[b].Low == "to" && (lx.reportedTo(toks, b) || c.ev == flowwatch.EventPresent)) {
		// "to remain", "to stay": a state after "to" ("asked Moscow to
		// allow 10,000 workers to remain") is no plan of a movement.
		return flowwatch.EventPlanned
	}
	return c.ev
}

// placeName reports whether a place of the gazetteer outside North
// Korea is named at toks[j].
func (lx *Lexicon) placeName(toks []Token, j int) bool {
	if !isCap(&toks[j]) {
		return false
	}
	p := lx.places.at(toks, j)
	if p == nil || p.val != "name" {
		return false
	}
	pl := lx.placeList[p.idx]
	return pl.Name != "North Korea" && pl.Country != "North Korea"
}

// nominalEvent reports whether every event cue of the figure's clause is
// a noun of movement ("the deployment includes 1,000 sappers", "involving
// the deployment of 5,000 workers"): the clause states no tense of its
// own.
func (lx *Lexicon) nominalEvent(s *sent, f *Figure) bool {
	cs, ce := s.clause(f.Start, f.End)
	seen := false
	for i := cs; i < ce; i++ {
		if i >= f.Start && i < f.End {
			continue
		}
		if p := lx.events.at(s.toks, i); p != nil {
			if !lx.eventNouns[s.toks[i].Low] || len(p.low) > 1 {
				return false
			}
			seen = true
		}
	}
	return seen
}

// countedNoun reads what the figure's clause says, before it, that the
// figure counts: "the number of work permits ... reached 5,600" counts
// workers' permits (group workers); "the number of North Korean defectors
// ... has reached 63" and "the number of dissidents had reached 33,834"
// count no people (other). Documents and crossings ("the number of
// visas") are counts the rules read.
func (lx *Lexicon) countedNoun(s *sent, f *Figure) (group string, other bool) {
	toks := s.toks
	cs, _ := s.clause(f.Start, f.End)
	for k := cs; k+2 < f.Start; k++ {
		if toks[k].Low != "number" || toks[k+1].Low != "of" {
			continue
		}
		j := k + 2
		sawOrigin := false
		for j < f.Start && (toks[j].in(wcDeterminer, determiners) || lx.origin.at(toks, j) != nil) {
			if p := lx.origin.at(toks, j); p != nil {
				j += len(p.low)
				sawOrigin = true
				continue
			}
			j++
		}
		if j >= f.Start || toks[j].Kind != Word {
			return "", false
		}
		if sawOrigin && lx.isStop(&toks[j]) {
			// "the number of North Koreans in Russia could reach 40,000":
			// the North Koreans themselves are counted.
			return "", false
		}
		if g, _ := lx.Group(toks, j); g != "" {
			return g, false
		}
		if lx.origin.at(toks, j) != nil || lx.events.at(toks, j) != nil || lx.casualties.at(toks, j) != nil {
			return "", false
		}
		// A word that a noun follows is its adjective ("the number of
		// new workers"): read on to the noun.
		for e := j + 1; e < f.Start && e <= j+3 && toks[e].Kind == Word && !lx.isStop(&toks[e]); e++ {
			if g, _ := lx.Group(toks, e); g != "" || lx.events.at(toks, e) != nil || lx.casualties.at(toks, e) != nil {
				return "", false
			}
		}
		return "", true
	}
	return "", false
}

// semicolonSpan is the part of toks between the semicolons around the
// figure at toks[fs:fe] (the sentence's ends where none stands).
func semicolonSpan(toks []Token, fs, fe int) (int, int) {
	ss, se := 0, len(toks)
	for k := fs - 1; k >= 0; k-- {
		if toks[k].Low == ";" {
			ss = k + 1
			break
		}
	}
	for k := fe; k < len(toks); k++ {
		if toks[k].Low == ";" {
			se = k
			break
		}
	}
	return ss, se
}

// commaBetween reports whether a comma stands in toks[a:b].
func commaBetween(toks []Token, a, b int) bool {
	for k := max(a, 0); k < b && k < len(toks); k++ {
		if toks[k].Low == "," {
			return true
		}
	}
	return false
}

// replenished reports whether the casualty cue at toks[i] is what the
// people counted make up for ("reinforcements to replace its losses"),
// not what befell them. An entry of two words ("make up" for, "made
// good" its losses) ends within the same three words.
func (lx *Lexicon) replenished(toks []Token, i int) bool {
	for b := i - 1; b >= 0 && b >= i-3; b-- {
		if lx.replenish[toks[b].Low] || b > 0 && lx.replenish[toks[b-1].Low+" "+toks[b].Low] {
			return true
		}
	}
	return false
}

// hypotheticalAt reports whether a modal stands before the casualty cue
// at toks[i], past "be" and adverbs: "could be lost", "may be completely
// wiped out".
func (lx *Lexicon) hypotheticalAt(toks []Token, i int) bool {
	if i >= 2 && (toks[i-1].Low == "or" || toks[i-1].Low == "and") && lx.events.at(toks, i-2) != nil {
		return lx.hypotheticalAt(toks, i-2) // "could be lost or injured"
	}
	b := i - 1
	for steps := 0; b >= 0 && steps < 3 && (toks[b].Low == "be" || adverb(&toks[b])); steps++ {
		b--
	}
	if b == i-1 || b < 0 {
		return false // no "be": "could lose" is a verb of its own
	}
	switch toks[b].Low {
	case "could", "may", "might", "would":
		return true
	}
	return false
}

// casualtyNoun reports whether a plural casualty noun starts at toks[i]
// ("casualties", "losses", "deaths"), not a participle ("killed").
func (lx *Lexicon) casualtyNoun(toks []Token, i int) bool {
	return i < len(toks) && lx.casualties.at(toks, i) != nil && !strings.HasSuffix(toks[i].Low, "ed")
}

// numberBetween reports whether a number stands in toks[a:b]: the noun
// after it is that number's ("5,000 of the 10,000 troops sent").
func numberBetween(toks []Token, a, b int) bool {
	for k := a; k < b && k < len(toks); k++ {
		if toks[k].Kind == Number {
			return true
		}
	}
	return false
}

// partBetween reports whether a part of a whole counted before stands in
// toks[a:b]: a number, in digits or in words, followed by "of" and a
// pronoun or possessive (grammar part_pronoun: "nine of them", "300 of
// those", "eleven of its members"), not a whole after its part ("6,000 of
// the 11,000").
func (lx *Lexicon) partBetween(toks []Token, a, b int) bool {
	for k := a; k < b && k+2 < len(toks); k++ {
		if toks[k].Kind != Number && toks[k].Kind != Word {
			continue
		}
		_, e, _, ok := lx.number(toks, k)
		if !ok || e+1 >= len(toks) || toks[e].Low != "of" {
			continue
		}
		if partPronoun[toks[e+1].Low] {
			return true
		}
	}
	return false
}

// quantifiedPartBetween reports whether ", many of them" (grammar
// part_quantifier, then "of" and a part_pronoun after a comma) stands in
// toks[a:b].
func quantifiedPartBetween(toks []Token, a, b int) bool {
	for k := a + 1; k+2 < b; k++ {
		if toks[k-1].Low == "," && partQuantifier[toks[k].Low] && toks[k+1].Low == "of" && partPronoun[toks[k+2].Low] {
			return true
		}
	}
	return false
}

// reportedTo reports whether the "to" at toks[b] follows a verb of
// belief or report ("believed to be working", "thought to have
// arrived"): a state reported, not a plan.
func (lx *Lexicon) reportedTo(toks []Token, b int) bool {
	if b == 0 {
		return false
	}
	p := toks[b-1].Low
	return p == "thought" || p == "known" || p == "understood" || p == "said" || p == "reported" || p == "believed" || p == "estimated"
}

// pickTime is the time expression of the figure's clause that follows it
// (else precedes it), else the nearest of the sentence.
func pickTime(s *sent, f *Figure, times []TimeRef, figs []Figure) *flowwatch.Period {
	if len(times) == 0 {
		return nil
	}
	cs, ce := s.clause(f.Start, f.End)
	best, bd := -1, 1<<30
	report := -1 // a time that dates the report: the figure's only when it has none of its own
	for i, t := range times {
		if t.Start < f.End && t.End > f.Start {
			continue
		}
		if t.End <= f.Start && datesReport(s.toks, t.Start, t.End, f.Start) {
			report = i
			continue
		}
		var d int
		inClause := t.Start >= cs && t.End <= ce
		if !inClause {
			// A time in a later clause is about that clause ("..., which
			// denounced the dispatch of 10,000 troops, condemned it on
			// Monday"); one in an earlier clause frames the sentence
			// unless it follows that clause's own figure.
			ts, _ := s.clause(t.Start, t.End)
			if ts >= ce {
				continue
			}
			taken := false
			for j := range figs {
				if figs[j].Start >= ts && figs[j].End <= t.Start {
					taken = true
				}
			}
			if taken {
				continue
			}
		}
		if t.Start >= f.End {
			// A time right after another figure is that figure's: "1,200
			// dollars, up from 800 dollars last year".
			between := false
			for j := range figs {
				if figs[j].Start >= f.End && figs[j].End <= t.Start {
					between = true
				}
			}
			if between {
				continue
			}
			d = t.Start - f.End
			if d > 12 {
				d += 20
			}
		} else {
			d = f.Start - t.End + 15
		}
		if !inClause {
			d += 100
		}
		if d < bd {
			best, bd = i, d
		}
	}
	if best < 0 {
		best = report
	}
	if best < 0 {
		return nil
	}
	p := times[best].Period
	return &p
}

// datesReport reports whether the time at toks[ts:te] stands in an aside
// of reporting closed by a comma before the figure at fs ("The spring
// tally, as published by the bureau in June, stood at 2,400"): it dates
// the report.
func datesReport(toks []Token, ts, te, fs int) bool {
	closed := false
	for k := te; k < fs; k++ {
		if toks[k].Low == "," {
			closed = true
			break
		}
	}
	if !closed {
		return false
	}
	for k := ts - 1; k >= 0 && k >= ts-8; k-- {
		if toks[k].Low == "," || toks[k].Kind == Number {
			return false
		}
		if reportAside[toks[k].Low] {
			return true
		}
	}
	return false
}

// lineEnd is the offset of the newline that ends the line starting at ls,
// or len(text) for the last line.
func lineEnd(text string, ls int) int {
	if k := strings.IndexByte(text[ls:], '\n'); k >= 0 {
		return ls + k
	}
	return len(text)
}
