package extract

import "slices"

// Source candidates: besides the source the rules credit a figure to, the
// sources the article names around it, each described by where it is named
// relative to the figure. The fitted stage scores them (Model.chooseSource);
// the rules' choice stands unless another beats it by a margin.

// Relations of a source option to its figure (bits of SourceOption.Rels).
const (
	RelRule    = 1 << iota // the rules' choice
	RelNone                // no source at all
	RelSame                // named in the figure's own sentence
	RelPara                // named in an earlier sentence of its paragraph
	RelLater               // named in a later sentence of its paragraph
	RelPrev                // named in the paragraph before
	RelEarlier             // named further back
	RelLead                // named in the headline or the lead (the first two paragraphs)
	RelTop                 // the source the article names most
	RelOutlet              // the outlet that publishes the article
)

var relNames = [...]string{"rule", "none", "same", "para", "later", "prev", "earlier", "lead", "top", "outlet"}

// SourceOption is one source a figure may be credited to ("" for none).
type SourceOption struct {
	Name     string
	Rels     uint16
	Kind     string // the gazetteer's kind of the name; "" for a name it does not know
	Back     int    // sentences between the figure's and the nearest earlier naming; -1: none before
	ParaBack int    // paragraphs between them
	Count    int    // sentences of the article that name it
	Credited int    // sentences of the article that credit their figures to it
	Cued     bool   // the nearest naming reports (its sentence credits it)
	Between  bool   // another source is named between that naming and the figure
}

// Flags of a figure's sentence, shared by its options (SourceContext).
const (
	CtxSet      = 1 << iota // the sentence attributes by itself
	CtxQuote                // it holds quotation marks
	CtxNamed                // it names some source
	CtxUnnamed              // it credits nobody in particular ("officials said")
	CtxSaid                 // it has a verb of saying (lexicon "said"), whoever says
	CtxHeadline             // it is the article's first line (its headline)
	CtxDocument             // it points back to a document ("the report's findings"), lexicon "anaphora"
)

var ctxNames = [...]string{"set", "quote", "named", "unnamed", "said", "headline", "document"}

// figSources are the source options of the figure at byte offset fig.
type figSources struct {
	fig  int
	ctx  uint8
	opts []SourceOption
}

// maxSourceOptions bounds the options of one figure: the nearest names.
const maxSourceOptions = 8

// namedIn is one source a sentence names.
type namedIn struct {
	name, kind string
	cued       bool // the sentence credits its figures to it
}

// sourceNames lists, per sentence, the sources it names: the one it
// credits first, then its other mentions. Every name goes through
// speaksAs, as the claims' sources do.
func (x *Extractor) sourceNames(at *attributor, doc []sent) [][]namedIn {
	out := make([][]namedIn, len(doc))
	for i := range doc {
		s := &doc[i]
		var ns []namedIn
		add := func(name, kind string, cued bool) {
			if to, ok := x.speaksAs[name]; ok {
				name = to
			}
			if name == "" {
				return
			}
			for _, n := range ns {
				if n.name == name {
					return
				}
			}
			ns = append(ns, namedIn{name, kind, cued})
		}
		if s.attr.set && !s.attr.unnamed && s.attr.src != "" {
			add(s.attr.src, at.recallKind(s.attr.src), true)
		}
		for _, m := range s.attr.mentions {
			add(at.name(m), at.lx.sourceKind[m.idx], false)
		}
		out[i] = ns
	}
	return out
}

// sourceOptions are the options of a figure of doc[i], without the rules'
// choice (candidates adds it). top is the article's most named source,
// counts the sentences naming each, outlet the article's own.
func sourceOptions(lx *Lexicon, doc []sent, names [][]namedIn, i int, top string, counts map[string][2]int, outlet string) figSources {
	s := &doc[i]
	fs := figSources{ctx: sourceContext(lx, s, len(names[i]) > 0)}
	opts := make([]SourceOption, 0, 4)
	opt := func(name string) *SourceOption {
		for k := range opts {
			if opts[k].Name == name {
				return &opts[k]
			}
		}
		if len(opts) >= maxSourceOptions {
			return nil
		}
		n := counts[name]
		opts = append(opts, SourceOption{Name: name, Back: -1, Count: n[0], Credited: n[1]})
		return &opts[len(opts)-1]
	}
	opt("").Rels |= RelNone
	seen := 0 // names met walking back, for Between
	for j := i; j >= 0; j-- {
		for _, n := range names[j] {
			o := opt(n.name)
			if o == nil {
				continue
			}
			if o.Back < 0 {
				o.Back, o.ParaBack, o.Kind, o.Cued = i-j, s.para-doc[j].para, n.kind, n.cued
				o.Between = seen > 0 && j < i
				switch {
				case j == i:
					o.Rels |= RelSame
				case doc[j].para == s.para:
					o.Rels |= RelPara
				case doc[j].para == s.para-1:
					o.Rels |= RelPrev
				default:
					o.Rels |= RelEarlier
				}
			}
		}
		seen += len(names[j])
	}
	for j := i + 1; j < len(doc) && doc[j].para == s.para; j++ {
		for _, n := range names[j] {
			if o := opt(n.name); o != nil && o.Back < 0 && o.Rels&RelLater == 0 {
				o.Rels |= RelLater
				o.Kind, o.Cued = n.kind, n.cued
			}
		}
	}
	for j := 0; j < len(doc) && doc[j].para < 2; j++ {
		for _, n := range names[j] {
			if o := opt(n.name); o != nil {
				o.Rels |= RelLead
				if o.Kind == "" {
					o.Kind = n.kind
				}
			}
		}
	}
	if top != "" {
		if o := opt(top); o != nil {
			o.Rels |= RelTop
		}
	}
	if outlet != "" {
		if o := opt(outlet); o != nil {
			o.Rels |= RelOutlet
			if o.Kind == "" {
				o.Kind = "outlet"
			}
		}
	}
	fs.opts = opts
	return fs
}

// sourceContext is the Ctx* flags of sentence s; named says whether it
// names some source.
func sourceContext(lx *Lexicon, s *sent, named bool) uint8 {
	var ctx uint8
	if s.attr.set {
		ctx |= CtxSet
	}
	if s.attr.unnamed {
		ctx |= CtxUnnamed
	}
	if quoteMarks(s.toks) > 0 {
		ctx |= CtxQuote
	}
	if named {
		ctx |= CtxNamed
	}
	if s.para == 0 {
		ctx |= CtxHeadline
	}
	for k := range s.toks {
		if s.toks[k].may(lx.said) && lx.said.at(s.toks, k) != nil {
			ctx |= CtxSaid
		}
		if s.toks[k].may(lx.anaphora) {
			if p := lx.anaphora.at(s.toks, k); p != nil && p.val == "document" {
				ctx |= CtxDocument
			}
		}
	}
	return ctx
}

// articleSources counts the sentences naming each source and returns the
// most named one ("" when none is named twice, or two tie).
func articleSources(names [][]namedIn) (string, map[string][2]int) {
	counts := map[string][2]int{}
	for _, ns := range names {
		for _, n := range ns {
			c := counts[n.name]
			c[0]++
			if n.cued {
				c[1]++
			}
			counts[n.name] = c
		}
	}
	top, best, ties := "", 1, 0
	for name, c := range counts {
		n := c[0]
		switch {
		case n > best:
			top, best, ties = name, n, 1
		case n == best && n > 1:
			ties++
		}
	}
	if ties != 1 {
		return "", counts // named once, or a tie: no article-wide source
	}
	return top, counts
}

// withRule adds the rules' choice to a figure's options.
func withRule(fs figSources, rule string) ([]SourceOption, uint8) {
	opts := make([]SourceOption, len(fs.opts), len(fs.opts)+1)
	copy(opts, fs.opts)
	for k := range opts {
		if opts[k].Name == rule {
			opts[k].Rels |= RelRule
			return opts, fs.ctx
		}
	}
	return append(opts, SourceOption{Name: rule, Rels: RelRule, Back: -1}), fs.ctx
}

// allSourceOptions appends the source options of each sentence of
// figSents to out, in text order.
func (x *Extractor) allSourceOptions(at *attributor, doc []sent, figSents []int, outlet string, out []figSources) []figSources {
	names := x.sourceNames(at, doc)
	top, counts := articleSources(names)
	own := at.house
	if own == "" {
		own = at.outletName(outlet)
	}
	for _, i := range figSents {
		fs := sourceOptions(at.lx, doc, names, i, top, counts, own)
		fs.fig = doc[i].start
		out = append(out, fs)
	}
	return out
}

// attachSources gives c the options of its sentence, the rules' choice
// among them.
func attachSources(c *Candidate, srcs []figSources) {
	k, ok := slices.BinarySearchFunc(srcs, c.Start, func(f figSources, start int) int { return f.fig - start })
	if !ok {
		return
	}
	c.Sources, c.SourceCtx = withRule(srcs[k], c.Source)
}

// RelNamesOf names the relations of rels, for --explain and reports.
func RelNamesOf(rels uint16) []string {
	var out []string
	for k, n := range relNames {
		if rels&(1<<k) != 0 {
			out = append(out, n)
		}
	}
	return out
}

// CtxNamesOf names the flags of a figure's sentence.
func CtxNamesOf(ctx uint8) []string {
	var out []string
	for k, n := range ctxNames {
		if ctx&(1<<k) != 0 {
			out = append(out, n)
		}
	}
	return out
}
