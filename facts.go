package flowwatch

// The types of reconciliation (package reconcile): what is known across
// articles, how firmly, who first said it and where sources disagree.
// Facts are computed on demand from stored claims, never persisted, so
// these types carry everything a report or API needs to show evidence.

// Conflict reasons, most specific first. A conflict gets the first reason
// the data supports; Details lists every one that applies.
const (
	ReasonCopy         = "altered copy"      // a syndicated copy states a different figure than its original
	ReasonMeasure      = "different measure" // inflow versus stock, casualties versus killed
	ReasonScope        = "different scope"   // Kursk Oblast versus all of Russia
	ReasonDate         = "different date"    // the figures refer to, or were reported at, different times
	ReasonDisagreement = "disagreement"      // nothing in the data explains the difference
)

// CopyGroup is a set of near-duplicate articles: one original and its
// syndicated copies. A copy is not an independent confirmation.
type CopyGroup struct {
	ID         string       `json:"id"`
	Original   string       `json:"original"`          // article name: the earliest published member
	Copies     []string     `json:"copies"`            // the other members, earliest first
	Similarity float64      `json:"similarity"`        // lowest estimated Jaccard similarity of a copy to the original
	Altered    []AlteredFig `json:"altered,omitempty"` // figures changed in copying
}

// AlteredFig is a figure a copy states differently from its original:
// the same sentence with another number.
type AlteredFig struct {
	Copy     ClaimRef `json:"copy"`
	Original ClaimRef `json:"original"`
}

// ClaimRef points at a claim and carries enough of it to show evidence
// without another lookup.
type ClaimRef struct {
	Index     int      `json:"index"`        // position in the claims given to reconcile
	ID        int64    `json:"id,omitempty"` // store id, when stored
	Article   string   `json:"article"`
	Outlet    string   `json:"outlet,omitempty"`
	URL       string   `json:"url,omitempty"`
	Published Date     `json:"published"`
	Low       *float64 `json:"low"`
	High      *float64 `json:"high"`
	Qualifier string   `json:"qualifier"`
	Quote     string   `json:"quote"`
	Start     int      `json:"start"`
	End       int      `json:"end"`
}

// Evidence is one claim as a fact sees it: the claim, the chain of who
// reported whom, and whether it merely repeats another article.
type Evidence struct {
	ClaimRef
	Kind      string   `json:"kind"`
	Group     string   `json:"group"`
	Event     string   `json:"event,omitempty"`
	Place     []string `json:"place"`
	When      *Period  `json:"when"`
	Source    string   `json:"source,omitempty"`    // as the text attributes it
	Original  string   `json:"original"`            // the original source behind Source (an agency its relays speak for); "" when unattributed
	Chain     []string `json:"chain"`               // reporting outlet, ..., original source ("Korea Herald", "NIS")
	Report    string   `json:"report"`              // independent report key: the copy group's original article, else the article
	CopyOf    string   `json:"copy_of,omitempty"`   // the original article when this article is a syndicated copy
	Altered   bool     `json:"altered,omitempty"`   // the copy states another figure than its original's same sentence
	Sanctions []string `json:"sanctions,omitempty"` // sanction rule ids that apply
}

// Figure is one distinct value stated within a fact, with who states it.
type Figure struct {
	Low       *float64 `json:"low"`
	High      *float64 `json:"high"`
	Qualifier string   `json:"qualifier"`
	Sources   []string `json:"sources"` // original sources, sorted
	Reports   int      `json:"reports"` // independent reports stating it
	Claims    []int    `json:"claims"`  // indexes into the fact's Evidence
}

// Fact is a set of claims that state the same quantity: same kind, group,
// measure, scope and period (the month the figures speak of). Figures that
// differ within a fact disagree; figures of different facts count
// different things.
type Fact struct {
	ID      string `json:"id"`
	Kind    string `json:"kind"`
	Group   string `json:"group"`
	Event   string `json:"event,omitempty"`
	Measure string `json:"measure"`         // Measure* constant for people; "" for money and shares
	Scope   string `json:"scope,omitempty"` // Scope* constant; "" for casualties, which count wherever they fell
	// Increment: its figures add to an earlier total ("3,000 more").
	Increment bool     `json:"increment,omitempty"`
	Period    string   `json:"period"` // YYYY-MM the figures speak of; "" when undated
	Unit      string   `json:"unit"`
	Per       string   `json:"per,omitempty"`
	Place     []string `json:"place"` // every place its claims name, most named first
	When      *Period  `json:"when"`  // the span its claims' periods cover, nil when none states one

	Value *float64 `json:"value"` // the figure stated by the most independent sources
	Low   *float64 `json:"low"`   // smallest stated figure
	High  *float64 `json:"high"`  // largest stated figure; nil when the top is open ("more than")

	Reports       int       `json:"reports"`     // independent reports: articles, counting syndicated copies once
	Independent   int       `json:"independent"` // distinct original sources
	Sources       []string  `json:"sources"`     // the original sources, sorted
	FirstReported Date      `json:"first_reported"`
	LastReported  Date      `json:"last_reported"`
	First         *Evidence `json:"first"` // who first said it

	Figures   []Figure   `json:"figures"`
	Evidence  []Evidence `json:"evidence"`
	Conflicts []string   `json:"conflicts,omitempty"` // ids of conflicts involving this fact
	Sanctions []string   `json:"sanctions,omitempty"`
}

// ConflictSide is one figure of a conflict and who states it.
type ConflictSide struct {
	Fact      string     `json:"fact"`
	Measure   string     `json:"measure"`
	Event     string     `json:"event,omitempty"`
	Scope     string     `json:"scope,omitempty"`
	Period    string     `json:"period"`
	Low       *float64   `json:"low"`
	High      *float64   `json:"high"`
	Qualifier string     `json:"qualifier"`
	Place     []string   `json:"place"`
	When      *Period    `json:"when"`
	Sources   []string   `json:"sources"`
	Claims    []ClaimRef `json:"claims"` // the first few, earliest first
	Total     int        `json:"total"`  // claims stating this figure
}

// Conflict is two figures for the same quantity that disagree beyond
// rounding, with the likeliest reason the data shows.
type Conflict struct {
	ID      string       `json:"id"`
	Reason  string       `json:"reason"`
	Details []string     `json:"details"` // every reason that applies, in words
	A       ConflictSide `json:"a"`
	B       ConflictSide `json:"b"`
}

// Estimate bases: how a month's band was set.
const (
	BasisReported = "reported" // figures speak of this month
	BasisCarried  = "carried"  // no figure this month: the last band, widened with age
	BasisDerived  = "derived"  // computed from other series or from waves added to a total
)

// EstimatePoint is one month of an estimate series.
type EstimatePoint struct {
	Month      string   `json:"month"` // YYYY-MM
	Low        *float64 `json:"low"`
	High       *float64 `json:"high"` // nil: no upper figure stated
	Best       *float64 `json:"best"` // the best-supported figure
	Basis      string   `json:"basis"`
	Carried    bool     `json:"carried"`              // Basis is carried
	Since      string   `json:"since"`                // month of the figures in force
	Facts      []string `json:"facts"`                // the facts that set the band
	Sources    []string `json:"sources"`              // their original sources
	Outweighed []string `json:"outweighed,omitempty"` // facts of the month shown but not trusted: far from a better-sourced level
	Why        string   `json:"why"`                  // which figures won and why, in words
}

// Estimate is a monthly series with a low/high band, built from facts by
// the method in docs/estimates.md.
type Estimate struct {
	Series     string          `json:"series"` // workers_present, troops_present, troops_sent_total, casualties_total, killed_total, *_planned
	Title      string          `json:"title"`
	Cumulative bool            `json:"cumulative"`
	Projection bool            `json:"projection,omitempty"` // plans and projections, never a count present
	Points     []EstimatePoint `json:"points"`
}

// Entity is an organization, agency or official, with the claims that
// name it or cite it as their source.
type Entity struct {
	Name     string     `json:"name"`
	Kind     string     `json:"kind"`
	Country  string     `json:"country,omitempty"`
	Aliases  []string   `json:"aliases,omitempty"`
	AsSource int        `json:"as_source"` // claims attributed to it
	Named    int        `json:"named"`     // claims whose sentence names it
	Claims   []ClaimRef `json:"claims"`
}

// SanctionTag says that a sanctions rule bears on a claim or fact.
type SanctionTag struct {
	Rule   string `json:"rule"`   // rule id
	Title  string `json:"title"`  // "UNSCR 2397 para 8"
	Claims []int  `json:"claims"` // indexes into the claims given to reconcile
}
