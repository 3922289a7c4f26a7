package reconcile

import (
	"fmt"
	"math"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/flowwatch/flowwatch"
)

// state is one reconciliation run: the inputs and what each stage has
// learnt about every claim.
type state struct {
	opt       Options
	articles  []flowwatch.Article
	byName    map[string]int // article name → index
	claims    []flowwatch.Claim
	items     []item
	copyOf    map[string]string  // copy article → original article
	altered   map[int]bool       // claims of copies whose figure differs from the original's
	compat    map[string]bool    // placesCompatible, memoized by the two place lists
	together  map[[2]float64]int // pairs of figures stated in one sentence → a claim of that sentence
	placeIDs  map[string]int     // interned place lists
	placeList [][]string         // place list by id
	compatID  map[[2]int]bool    // placesCompatible by interned ids
	order     []int              // claim indexes in canonical order
	rank      []int              // claim index → position in order
}

// item is what reconciliation derives from one claim.
type item struct {
	idx       int
	outlet    string
	url       string
	published flowwatch.Date
	measure   string  // event, or "casualties"
	class     string  // measures that may conflict: deployment, losses, ...
	vague     bool    //
	rep       float64 // the value used to cluster: Low, else High
	lo, hi    float64 // the values the claim allows once rounding is granted
	asOf      flowwatch.Date
	places    int // interned Place list
	sanctions []string
}

func newState(articles []flowwatch.Article, claims []flowwatch.Claim, opt Options) *state {
	s := &state{opt: opt, articles: articles, claims: claims, byName: map[string]int{}, copyOf: map[string]string{}, altered: map[int]bool{}, compat: map[string]bool{}}
	for i, a := range articles {
		if j, ok := s.byName[a.Name]; !ok || articles[j].Version < a.Version {
			s.byName[a.Name] = i
		}
	}
	s.items = make([]item, len(claims))
	for i := range claims {
		c := &claims[i]
		it := item{idx: i, outlet: c.Outlet, url: c.URL, published: c.Published}
		if j, ok := s.byName[c.Article]; ok {
			a := &articles[j]
			if it.outlet == "" {
				it.outlet = a.Outlet
			}
			if it.url == "" {
				it.url = a.URL
			}
			if it.published.IsZero() {
				it.published = a.Published
			}
		}
		it.measure, it.class = measureOf(c)
		it.vague = c.Qualifier == flowwatch.QualVague
		it.rep, it.lo, it.hi = allowed(c)
		it.asOf = refDate(c.When, it.published)
		it.places = s.internPlaces(c.Place)
		s.items[i] = it
	}
	s.canonicalOrder()
	s.together = costatedPairs(claims, s.order)
	return s
}

// canonicalOrder sorts claims by what they say, not by where they came
// from, so that a store and a directory of files holding the same
// articles give the same facts, ids and evidence order.
func (s *state) canonicalOrder() {
	s.order = make([]int, len(s.claims))
	for i := range s.order {
		s.order[i] = i
	}
	val := func(p *float64) float64 {
		if p == nil {
			return math.Inf(-1)
		}
		return *p
	}
	slices.SortStableFunc(s.order, func(x, y int) int {
		a, b := &s.claims[x], &s.claims[y]
		if c := s.items[x].published.Time().Compare(s.items[y].published.Time()); c != 0 {
			return c
		}
		if c := strings.Compare(a.Article, b.Article); c != 0 {
			return c
		}
		if c := a.Start - b.Start; c != 0 {
			return c
		}
		if c := a.End - b.End; c != 0 {
			return c
		}
		for _, c := range []int{strings.Compare(a.Kind, b.Kind), strings.Compare(a.Group, b.Group), strings.Compare(a.Event, b.Event)} {
			if c != 0 {
				return c
			}
		}
		if c := cmpFloat(val(a.Low), val(b.Low)); c != 0 {
			return c
		}
		return cmpFloat(val(a.High), val(b.High))
	})
	s.rank = make([]int, len(s.claims))
	for r, i := range s.order {
		s.rank[i] = r
	}
}

func cmpFloat(a, b float64) int {
	switch {
	case a < b:
		return -1
	case a > b:
		return 1
	}
	return 0
}

// costatedPairs finds figures that one sentence states together ("6,000
// personnel, including 5,000 builders"): such figures are parts of one
// account, and a gap between them is not a disagreement.
func costatedPairs(claims []flowwatch.Claim, order []int) map[[2]float64]int {
	out := map[[2]float64]int{}
	type key struct {
		article string
		start   int
	}
	bySentence := map[key][]int{}
	var sentences []key // first-seen in canonical order, so the sentence quoted is always the same
	for _, i := range order {
		if claims[i].Low == nil && claims[i].High == nil {
			continue
		}
		k := key{claims[i].Article, claims[i].Start}
		if _, ok := bySentence[k]; !ok {
			sentences = append(sentences, k)
		}
		bySentence[k] = append(bySentence[k], i)
	}
	for _, k := range sentences {
		is := bySentence[k]
		for x := 0; x < len(is) && x < 8; x++ {
			for y := x + 1; y < len(is) && y < 8; y++ {
				a, b := claimValue(&claims[is[x]]), claimValue(&claims[is[y]])
				if a > b {
					a, b = b, a
				}
				if _, ok := out[[2]float64{a, b}]; !ok && a != b {
					out[[2]float64{a, b}] = is[x]
				}
			}
		}
	}
	return out
}

func claimValue(c *flowwatch.Claim) float64 {
	if c.Low != nil {
		return *c.Low
	}
	return *c.High
}

// costated returns a sentence that states both figures, if any does.
func (s *state) costated(a, b float64) (string, bool) {
	if a > b {
		a, b = b, a
	}
	i, ok := s.together[[2]float64{a, b}]
	if !ok {
		return "", false
	}
	return s.claims[i].Quote, true
}

// refDate is the day a figure speaks of: the end of the period its
// sentence states, else its publication date. A figure cannot speak of a
// day after it was published ("this year" ends in December, the article
// in March), so the end is capped at publication.
func refDate(when *flowwatch.Period, published flowwatch.Date) flowwatch.Date {
	if when == nil || when.To.IsZero() {
		return published
	}
	if !published.IsZero() && when.To.After(published) {
		return published
	}
	return when.To
}

// incrementWords mark a figure that adds to an earlier one ("3,000 more
// troops", "another 6,000"): an increment, not a total.
var incrementWords = regexp.MustCompile(`(?i)\badditional\b|\banother\b|\bextra\b|reinforcement|\bmore (?:troops|soldiers|workers|labou?rers|personnel|servicemen|engineers|deminers|sappers)\b|추가|дополнительн|ещё|еще`)

// incrementNear is how close (in characters) an increment word must stand to
// the figure's digits to qualify it: "another 6,000", "3,000 more troops".
const incrementNear = 12

// isIncrement: an increment word qualifies this claim's own figure. When
// the figure is written in digits, the word must stand next to it, so that
// "3,000 more troops, in addition to the 11,000" marks 3,000 only; a figure
// in words falls back to the whole sentence.
func isIncrement(c *flowwatch.Claim) bool {
	words := incrementWords.FindAllStringIndex(c.Quote, -1)
	if len(words) == 0 {
		return false
	}
	v := claimValue(c)
	var at []int
	forms := []string{Num(v), strconv.FormatFloat(v, 'f', -1, 64), strings.ReplaceAll(Num(v), ",", " ")}
	if v >= 1000 && math.Mod(v, 1000) == 0 {
		// Korean and Russian write thousands with words: 1만1천, 3천, 11 тысяч.
		k := int(v / 1000)
		forms = append(forms, fmt.Sprintf("%d тыс", k))
		if k >= 10 {
			ko := fmt.Sprintf("%d만", k/10)
			if k%10 != 0 {
				ko += fmt.Sprintf("%d천", k%10)
			}
			forms = append(forms, ko)
		} else {
			forms = append(forms, fmt.Sprintf("%d천", k))
		}
	}
	for _, form := range forms {
		for from := 0; ; {
			i := strings.Index(c.Quote[from:], form)
			if i < 0 {
				break
			}
			at = append(at, from+i, from+i+len(form))
			from += i + len(form)
		}
	}
	if len(at) == 0 {
		return true
	}
	for _, w := range words {
		for k := 0; k < len(at); k += 2 {
			if (w[1] <= at[k] && utf8.RuneCountInString(c.Quote[w[1]:at[k]]) <= incrementNear) ||
				(w[0] >= at[k+1] && utf8.RuneCountInString(c.Quote[at[k+1]:w[0]]) <= incrementNear) {
				return true
			}
		}
	}
	return false
}

var casualtyWords = regexp.MustCompile(`(?i)casualt|killed (?:or|and) wounded|dead (?:or|and) wounded|killed (?:or|and) injured|losses|\blost\b|\blosing\b|사상|потер`)

// livesLost is "lost" that says killed: a killed figure in "600 soldiers
// lost their lives" is deaths, not casualties.
var livesLost = regexp.MustCompile(`(?i)\blos(?:t|ing) (?:their|his|her) li(?:ves|fe)\b`)

// measureOf names what a claim counts, and the class of measures that may
// be compared. Killed and wounded counted together are casualties, which
// a figure for the killed alone must not be mistaken for.
func measureOf(c *flowwatch.Claim) (measure, class string) {
	if c.Kind != flowwatch.KindPeople {
		return c.Kind, c.Kind
	}
	switch c.Event {
	case flowwatch.EventSent, flowwatch.EventPresent:
		if isIncrement(c) {
			return c.Event + " (additional)", "deployment"
		}
		return c.Event, "deployment"
	case flowwatch.EventPlanned:
		if isIncrement(c) {
			return c.Event + " (additional)", c.Event
		}
	case flowwatch.EventKilled, flowwatch.EventWounded, flowwatch.EventCaptured:
		if c.Event != flowwatch.EventCaptured && casualtyWords.MatchString(c.Quote) && !(c.Event == flowwatch.EventKilled && livesLost.MatchString(c.Quote)) {
			return "casualties", "losses"
		}
		return c.Event, "losses"
	}
	return c.Event, c.Event
}

// allowed is the interval of true values a claim is consistent with.
// A round figure stands for anything that rounds to it, but never more
// than 4% either way: "about 10,000" and "about 11,000" must disagree,
// while "13,000" and 13,221 agree. Vague words ("thousands") allow their
// floor up to the next order of magnitude.
func allowed(c *flowwatch.Claim) (rep, lo, hi float64) {
	var l, h float64 = math.NaN(), math.NaN()
	if c.Low != nil {
		l = *c.Low
	}
	if c.High != nil {
		h = *c.High
	}
	switch {
	case c.Qualifier == flowwatch.QualVague && !math.IsNaN(l):
		base := math.Pow(10, math.Floor(math.Log10(math.Max(l, 1))))
		return l, l, base * 10
	case !math.IsNaN(l) && !math.IsNaN(h):
		return l, l - slack(l), h + slack(h)
	case !math.IsNaN(l):
		return l, l - slack(l), math.Inf(1)
	case !math.IsNaN(h):
		return h, 0, h + slack(h)
	}
	return 0, 0, math.Inf(1)
}

// slack is how far a stated figure may be from the truth by rounding
// alone: half a unit of its last non-zero digit, at most 4% of it.
func slack(v float64) float64 {
	if v <= 0 {
		return 0
	}
	unit := 1.0
	for x := math.Round(v); x >= 10 && math.Mod(x, 10) == 0; x /= 10 {
		unit *= 10
	}
	if v != math.Round(v) {
		unit = 0.01
	}
	return math.Min(unit/2, 0.04*v)
}

// within reports whether place a lies in region b (or is b).
func (s *state) within(a, b string) bool {
	for i := 0; a != "" && i < 16; i++ {
		if a == b {
			return true
		}
		if s.opt.Parent == nil {
			return false
		}
		a = s.opt.Parent(a)
	}
	return false
}

// internPlaces gives each distinct place list a small id, so clustering
// compares and memoizes ints instead of joining strings.
func (s *state) internPlaces(p []string) int {
	if s.placeIDs == nil {
		s.placeIDs, s.compatID = map[string]int{}, map[[2]int]bool{}
	}
	k := placeKey(p)
	if id, ok := s.placeIDs[k]; ok {
		return id
	}
	id := len(s.placeList)
	s.placeIDs[k] = id
	s.placeList = append(s.placeList, p)
	return id
}

func (s *state) placeIDsCompatible(a, b int) bool {
	if a == b {
		return true
	}
	k := [2]int{a, b}
	if v, ok := s.compatID[k]; ok {
		return v
	}
	v := s.placesCompatible(s.placeList[a], s.placeList[b])
	s.compatID[k] = v
	return v
}

// placesCompatible: either names no place, or one names a place that
// contains or lies in a place the other names.
func (s *state) placesCompatible(p, q []string) bool {
	if len(p) == 0 || len(q) == 0 {
		return true
	}
	if s.compat == nil {
		s.compat = map[string]bool{}
	}
	k := placeKey(p) + "\x01" + placeKey(q)
	if v, ok := s.compat[k]; ok {
		return v
	}
	v := s.placesCompatibleNoMemo(p, q)
	s.compat[k] = v
	return v
}

func (s *state) placesCompatibleNoMemo(p, q []string) bool {
	for _, a := range p {
		for _, b := range q {
			if s.within(a, b) || s.within(b, a) {
				return true
			}
		}
	}
	return false
}

// pointTolerance: two figures each stated for a single day ("on Monday",
// "as of mid-January") within this many days speak of the same moment.
const pointTolerance = 14

func whenCompatible(a, b *flowwatch.Period) bool {
	if a == nil || b == nil || a.From.IsZero() || b.From.IsZero() {
		return true
	}
	if a.From == a.To && b.From == b.To {
		d := a.From.Time().Sub(b.From.Time()).Hours() / 24
		return d <= pointTolerance && d >= -pointTolerance
	}
	return a.Overlaps(*b)
}

func placeKey(p []string) string { return strings.Join(p, "|") }

func whenKey(w *flowwatch.Period) string {
	if w == nil {
		return ""
	}
	return w.From.String() + "/" + w.To.String()
}

// ref builds the evidence pointer for claim i.
func (s *state) ref(i int) flowwatch.ClaimRef {
	c, it := &s.claims[i], &s.items[i]
	return flowwatch.ClaimRef{
		Index: i, ID: c.ID, Article: c.Article, Outlet: it.outlet, URL: it.url,
		Published: it.published, Low: c.Low, High: c.High, Qualifier: c.Qualifier,
		Quote: c.Quote, Start: c.Start, End: c.End,
	}
}

// report is the key that counts independent reports: a syndicated copy
// reports nothing its original did not.
func (s *state) report(i int) string {
	a := s.claims[i].Article
	if o, ok := s.copyOf[a]; ok {
		return o
	}
	return a
}

// original is who a figure comes from: the source the text cites, else the
// outlet that first published it (the original of a copy), else the article.
func (s *state) original(i int) string {
	c := &s.claims[i]
	if c.Source != "" {
		return c.Source
	}
	if o, ok := s.copyOf[c.Article]; ok {
		if j, ok := s.byName[o]; ok && s.articles[j].Outlet != "" {
			return s.articles[j].Outlet
		}
		return o
	}
	if s.items[i].outlet != "" {
		return s.items[i].outlet
	}
	return c.Article
}

// chain lists who passed the figure on, reporting outlet first, original
// source last: "Sample Daily" ← "Sample Wire" ← "NIS".
func (s *state) chain(i int) []string {
	c, it := &s.claims[i], &s.items[i]
	var out []string
	add := func(n string) {
		if n != "" && (len(out) == 0 || out[len(out)-1] != n) {
			out = append(out, n)
		}
	}
	add(orDefault(it.outlet, c.Article))
	if o, ok := s.copyOf[c.Article]; ok {
		if j, ok := s.byName[o]; ok {
			add(orDefault(s.articles[j].Outlet, o))
		}
	}
	add(c.Via)
	add(c.Source)
	return out
}

func orDefault(s, d string) string {
	if s == "" {
		return d
	}
	return s
}

// PlaceParent adapts a gazetteer lookup (the country a place lies in) to
// Options.Parent.
func PlaceParent(country func(place string) (string, bool)) func(string) string {
	return func(p string) string {
		if c, ok := country(p); ok && c != p {
			return c
		}
		return ""
	}
}
