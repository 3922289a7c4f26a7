package flowwatch

import "encoding/json"

// Claim kinds, groups, events, qualifiers and money periods: the enums of
// ../shared/spec/claims.md. They are part of the public contract: never rename.
const (
	KindPeople = "people"
	KindMoney  = "money"
	KindShare  = "share"

	GroupWorkers   = "workers"
	GroupSoldiers  = "soldiers"
	GroupEngineers = "engineers"
	GroupITWorkers = "it_workers"
	GroupNationals = "nationals"

	EventRecruited = "recruited"
	EventPlanned   = "planned"
	EventSent      = "sent"
	EventEntered   = "entered"
	EventPresent   = "present"
	EventKilled    = "killed"
	EventWounded   = "wounded"
	EventCaptured  = "captured"
	EventWithdrawn = "withdrawn"

	QualExact   = "exact"
	QualApprox  = "approx"
	QualAtLeast = "at_least"
	QualAtMost  = "at_most"
	QualRange   = "range"
	QualVague   = "vague"

	PerMonth = "month"
	PerYear  = "year"
	PerTotal = "total"
)

// Measures: what quantity a people figure counts (docs/claims.md). They are
// beyond the spec's enums; reconciliation groups and estimates by them.
const (
	MeasureStock      = "stock"      // present at a time
	MeasureFlow       = "flow"       // sent or entered during a period
	MeasureCumulative = "cumulative" // total sent to date
	MeasurePlan       = "plan"       // planned, expected, projected
	MeasureDocuments  = "documents"  // visas, permits, entries, crossings
	MeasureCasualties = "casualties" // killed, wounded, captured to date
)

// Scopes: the area a people figure counts in.
const (
	ScopeRussia = "russia" // Russia as a whole (and occupied Ukraine)
	ScopeRegion = "region" // one region or city (Kursk, Primorsky Krai, ...)
	ScopeBorder = "border" // near the border, not yet in combat
	ScopeFront  = "front"  // the front line, in combat
	ScopeAbroad = "abroad" // outside Russia (China, the Middle East, worldwide)
)

// Claim is one mention of a figure in one sentence, with its evidence.
// Empty strings and nil pointers print as JSON null, as the spec asks.
type Claim struct {
	ID        int64    // store-assigned; 0 before storing
	ArticleID int64    // the article version the claim was read from; 0 before storing
	Article   string   // the article's Name
	Kind      string   //
	Group     string   //
	Event     string   // people only
	Low       *float64 // nil: open end
	High      *float64 //
	Qualifier string   //
	Unit      string   // people, USD, RUB, KRW, EUR, percent
	Per       string   // money only
	Place     []string // gazetteer canonical names
	When      *Period  //
	Source    string   // canonical name of who the text attributes the figure to
	Quote     string   // the sentence, as cleaned
	Start     int      // byte offsets of Quote in Article.Text
	End       int      //

	// Beyond the spec's fields.
	Via       string   // the outlet that reports Source's figure ("Yonhap, citing the NIS"), when named
	Orgs      []string // organizations named in the sentence (7th General Bureau, ...)
	Lang      string   //
	Outlet    string   // the article's outlet
	URL       string   // the article's URL
	Published Date     // the article's publication date
	Extractor string   // extractor version that produced the claim

	// Structured reading of a people figure for reconciliation, so that
	// nothing downstream re-parses the quote.
	Measure   string // Measure* constant; empty for money and shares
	Increment bool   // "another 3,000", "3,000 more": adds to an earlier figure
	Scope     string // Scope* constant; empty when the sentence gives none

	// Page is the 1-based page of a PDF report the figure was read on; 0
	// for any other input.
	Page int

	// FigureStart and FigureEnd are the byte offsets of the figure itself
	// in Article.Text, inside Start..End: what a reader highlights, and
	// where the fitted stage of extract reads the figure's context.
	FigureStart, FigureEnd int
}

// F returns a pointer to v, for Low and High.
func F(v float64) *float64 { return &v }

type claimJSON struct {
	ID        int64    `json:"id,omitempty"`
	ArticleID int64    `json:"article_id,omitempty"`
	Article   string   `json:"article"`
	Kind      string   `json:"kind"`
	Group     *string  `json:"group"`
	Event     *string  `json:"event"`
	Low       *float64 `json:"low"`
	High      *float64 `json:"high"`
	Qualifier string   `json:"qualifier"`
	Unit      string   `json:"unit"`
	Per       *string  `json:"per"`
	Place     []string `json:"place"`
	When      *Period  `json:"when"`
	Source    *string  `json:"source"`
	Quote     string   `json:"quote"`
	Start     int      `json:"start"`
	End       int      `json:"end"`
	Via       string   `json:"via,omitempty"`
	Orgs      []string `json:"orgs,omitempty"`
	Lang      string   `json:"lang,omitempty"`
	Outlet    string   `json:"outlet,omitempty"`
	URL       string   `json:"url,omitempty"`
	Published *Date    `json:"published,omitempty"`
	Extractor string   `json:"extractor,omitempty"`
	Measure   string   `json:"measure,omitempty"`
	Increment bool     `json:"increment,omitempty"`
	Scope     string   `json:"scope,omitempty"`
	Page      int      `json:"page,omitempty"`
	FigStart  int      `json:"figure_start,omitempty"`
	FigEnd    int      `json:"figure_end,omitempty"`
}

func nullable(s string) *string {
	if s == "" {
		return nil
	}
	return &s
}

func deref(s *string) string {
	if s == nil {
		return ""
	}
	return *s
}

func (c Claim) MarshalJSON() ([]byte, error) {
	place := c.Place
	if place == nil {
		place = []string{}
	}
	var pub *Date
	if !c.Published.IsZero() {
		pub = &c.Published
	}
	return json.Marshal(claimJSON{
		ID: c.ID, ArticleID: c.ArticleID, Article: c.Article, Kind: c.Kind,
		Group: nullable(c.Group), Event: nullable(c.Event), Low: c.Low, High: c.High,
		Qualifier: c.Qualifier, Unit: c.Unit, Per: nullable(c.Per), Place: place,
		When: c.When, Source: nullable(c.Source), Quote: c.Quote, Start: c.Start, End: c.End,
		Via: c.Via, Orgs: c.Orgs, Lang: c.Lang, Outlet: c.Outlet, URL: c.URL,
		Published: pub, Extractor: c.Extractor,
		Measure: c.Measure, Increment: c.Increment, Scope: c.Scope, Page: c.Page,
		FigStart: c.FigureStart, FigEnd: c.FigureEnd,
	})
}

func (c *Claim) UnmarshalJSON(b []byte) error {
	var w claimJSON
	if err := json.Unmarshal(b, &w); err != nil {
		return err
	}
	*c = Claim{
		ID: w.ID, ArticleID: w.ArticleID, Article: w.Article, Kind: w.Kind,
		Group: deref(w.Group), Event: deref(w.Event), Low: w.Low, High: w.High,
		Qualifier: w.Qualifier, Unit: w.Unit, Per: deref(w.Per), Place: w.Place,
		When: w.When, Source: deref(w.Source), Quote: w.Quote, Start: w.Start, End: w.End,
		Via: w.Via, Orgs: w.Orgs, Lang: w.Lang, Outlet: w.Outlet, URL: w.URL,
		Extractor: w.Extractor,
		Measure:   w.Measure, Increment: w.Increment, Scope: w.Scope, Page: w.Page,
	}
	if w.Published != nil {
		c.Published = *w.Published
	}
	return nil
}
