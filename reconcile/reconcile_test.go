package reconcile

import (
	"slices"
	"strings"
	"testing"

	"github.com/flowwatch/flowwatch"
	"github.com/flowwatch/flowwatch/domain"
)

// The story below is written for this test: a wire story, two syndicated
// copies (one with its troop figure changed in copying), and reports of
// other sources.
const wireText = `Seoul's intelligence agency told a closed parliamentary session on Monday that about 11,000 North Korean soldiers have been sent to Russia since the autumn. The agency added that roughly 300 of them have been killed and about 2,700 wounded in fighting along the Kursk front. Lawmakers who attended the briefing said the agency did not explain how it reached its count. Officials in Pyongyang and Moscow have not commented on the deployment, and neither government has published any numbers of its own. The agency said the troops had little experience of drone warfare and that their units were used in costly infantry assaults across open fields.`

var (
	daily = wireText + "\n\nThis report was distributed by Alpha Wire and republished by Beta Daily."
	times = "SEOUL (Alpha Wire) - " + strings.Replace(wireText, "about 11,000 North Korean", "about 1,100 North Korean", 1)
)

const ledgerText = `Ukraine's president said in his evening address that 11,000 North Korean troops have been sent to fight for Moscow. A lawmaker who sits on the intelligence committee said the agency now counts 11,000 as well. Ukrainian commanders described columns of North Korean units moving by rail toward the border areas over the past weeks.`

const postText = `American defence officials estimate that about 10,000 North Korean soldiers have been deployed to Russia, a lower count than the one given in Kyiv. A spokesman said about 8,000 of them are in the Kursk region. Some 12,000 are expected by spring, a planning document says.`

func date(s string) flowwatch.Date {
	d, err := flowwatch.ParseDate(s)
	if err != nil {
		panic(err)
	}
	return d
}

func article(name, outlet, pub, text string) flowwatch.Article {
	a := flowwatch.Article{Name: name, Outlet: outlet, URL: "https://example.org/" + name, Text: text}
	if pub != "" {
		a.Published = date(pub)
	}
	return a
}

// claim finds quote in text so offsets are real, as the extractor's are.
func claim(a flowwatch.Article, quote, group, event string, v float64, q string, place []string, source string) flowwatch.Claim {
	start := strings.Index(a.Text, quote)
	if start < 0 {
		panic("quote not in " + a.Name + ": " + quote)
	}
	return flowwatch.Claim{
		Article: a.Name, Kind: flowwatch.KindPeople, Group: group, Event: event, Low: flowwatch.F(v), High: flowwatch.F(v),
		Qualifier: q, Unit: "people", Place: place, Source: source, Quote: quote,
		Start: start, End: start + len(quote), Outlet: a.Outlet, URL: a.URL, Published: a.Published,
	}
}

var (
	russia = []string{"Russia"}
	kursk  = []string{"Kursk Oblast"}
)

var testParents = map[string]string{"Kursk Oblast": "Russia", "Donbas": "Ukraine", "Vladivostok": "Russia", "Moscow": "Russia", "Novosibirsk": "Russia", "Khabarovsk": "Russia"}

func testParent(p string) string { return testParents[p] }

func storyInput() ([]flowwatch.Article, []flowwatch.Claim) {
	wire := article("wire", "Alpha Wire", "2025-01-13", wireText)
	dly := article("daily", "Beta Daily", "2025-01-14", daily)
	tms := article("times", "Gamma Times", "", times) // undated: the copy takes its original's date
	ledger := article("ledger", "Delta Ledger", "2025-01-20", ledgerText)
	post := article("post", "Echo Post", "2025-01-22", postText)
	var claims []flowwatch.Claim
	for _, a := range []flowwatch.Article{wire, dly, tms} {
		troops := "about 11,000 North Korean soldiers have been sent to Russia since the autumn"
		v := 11000.0
		if a.Name == "times" {
			troops, v = strings.Replace(troops, "11,000", "1,100", 1), 1100
		}
		claims = append(claims,
			claim(a, troops, "soldiers", "sent", v, "approx", russia, "NIS"),
			claim(a, "roughly 300 of them have been killed and about 2,700 wounded", "soldiers", "killed", 300, "approx", kursk, "NIS"),
			claim(a, "roughly 300 of them have been killed and about 2,700 wounded", "soldiers", "wounded", 2700, "approx", kursk, "NIS"),
		)
	}
	claims = append(claims,
		claim(ledger, "11,000 North Korean troops have been sent to fight for Moscow", "soldiers", "sent", 11000, "exact", russia, "Volodymyr Zelensky"),
		claim(ledger, "the agency now counts 11,000 as well", "soldiers", "sent", 11000, "exact", nil, "Lee Seong-kweun"),
		claim(post, "about 10,000 North Korean soldiers have been deployed to Russia", "soldiers", "sent", 10000, "approx", russia, "Pentagon"),
		claim(post, "about 8,000 of them are in the Kursk region", "soldiers", "present", 8000, "approx", kursk, ""),
		claim(post, "Some 12,000 are expected by spring", "soldiers", "planned", 12000, "approx", nil, ""),
	)
	claims[len(claims)-3].Via = "Yonhap"
	for i := range claims {
		claims[i].Scope = map[string]string{"Russia": flowwatch.ScopeRussia, "Kursk Oblast": flowwatch.ScopeRegion}[strings.Join(claims[i].Place, "")]
	}
	return []flowwatch.Article{wire, dly, tms, ledger, post}, claims
}

func testOptions() Options {
	o := Default(testParent)
	o.Orgs = domain.DefaultOrganizations()
	return o
}

func factOf(t *testing.T, facts []flowwatch.Fact, group, measure, event string) *flowwatch.Fact {
	t.Helper()
	for i := range facts {
		if f := &facts[i]; f.Group == group && f.Measure == measure && (event == "" || f.Event == event) {
			return f
		}
	}
	t.Fatalf("no %s %s %s fact", group, measure, event)
	return nil
}

func TestStory(t *testing.T) {
	arts, claims := storyInput()
	r := Reconcile(arts, claims, testOptions())

	// One fact of troops sent in total in January: NIS (with the lawmaker
	// who relays it), Zelensky and the Pentagon. The two copies count once.
	sent := factOf(t, r.Facts, "soldiers", flowwatch.MeasureCumulative, "")
	if sent.Period != "2025-01" || sent.Scope != flowwatch.ScopeRussia {
		t.Errorf("sent: period %q scope %q", sent.Period, sent.Scope)
	}
	if want := []string{"NIS", "Pentagon", "Volodymyr Zelensky"}; !slices.Equal(sent.Sources, want) {
		t.Errorf("sent sources %v, want %v (the lawmaker relays the NIS)", sent.Sources, want)
	}
	if sent.Reports != 3 {
		t.Errorf("sent: %d reports, want 3 (wire and its copies, ledger, post)", sent.Reports)
	}
	if *sent.Value != 11000 {
		t.Errorf("sent headline %v, want 11000", *sent.Value)
	}
	for _, e := range sent.Evidence {
		if e.Source == "Lee Seong-kweun" && (e.Original != "NIS" || !slices.Contains(e.Chain, "Lee Seong-kweun")) {
			t.Errorf("relay evidence: original %q chain %v", e.Original, e.Chain)
		}
		if e.Article == "times" && !e.Altered {
			t.Errorf("the copy's 1,100 is not flagged altered")
		}
	}
	// Unattributed figures have no source, never their outlet's or article's name.
	for _, f := range r.Facts {
		for _, e := range f.Evidence {
			if e.Source == "" && e.Original != "" {
				t.Errorf("unattributed %q got original %q", e.Quote, e.Original)
			}
		}
		for _, s := range f.Sources {
			if s == "Echo Post" || s == "post" {
				t.Errorf("fact %s names outlet %q as a source", f.ID, s)
			}
		}
	}
	// Killed and killed-or-wounded are different facts.
	killed := factOf(t, r.Facts, "soldiers", flowwatch.MeasureCasualties, flowwatch.EventKilled)
	cas := factOf(t, r.Facts, "soldiers", flowwatch.MeasureCasualties, flowwatch.EventWounded)
	if killed.ID == cas.ID || *killed.Value != 300 || *cas.Value != 2700 {
		t.Errorf("killed %v and casualties %v", *killed.Value, *cas.Value)
	}

	reasons := map[string]string{}
	for _, c := range r.Conflicts {
		reasons[Num(*c.A.Low)+"/"+Num(*c.B.Low)] = c.Reason
	}
	for pair, want := range map[string]string{
		"1,100/11,000":  flowwatch.ReasonCopy,         // the altered copy
		"10,000/11,000": flowwatch.ReasonDisagreement, // Pentagon against NIS and Zelensky
		"8,000/11,000":  flowwatch.ReasonMeasure,      // people present in Kursk against a total sent
		"11,000/12,000": flowwatch.ReasonMeasure,      // a plan against a total sent
	} {
		if got := reasons[pair]; got != want {
			t.Errorf("conflict %s: reason %q, want %q (all: %v)", pair, got, want, reasons)
		}
	}
	if len(r.Groups) != 1 || len(r.Groups[0].Copies) != 2 || len(r.Groups[0].Altered) != 1 {
		t.Errorf("copy groups: %+v", r.Groups)
	}
}

// TestConflictReasons: figures of one month that look alike but count a
// plan, people present and a region; entries, a stock and a year's inflow.
func TestConflictReasons(t *testing.T) {
	a := article("a", "Outlet A", "2024-11-20", "x")
	mk := func(group, event, measure, scope, source string, v float64) flowwatch.Claim {
		return flowwatch.Claim{Article: "a", Kind: flowwatch.KindPeople, Group: group, Event: event, Measure: measure, Scope: scope,
			Low: flowwatch.F(v), High: flowwatch.F(v), Qualifier: flowwatch.QualApprox, Unit: "people", Source: source,
			Quote: Num(v), Published: a.Published}
	}
	claims := []flowwatch.Claim{
		mk("soldiers", "planned", flowwatch.MeasurePlan, flowwatch.ScopeRussia, "NIS", 10000),
		mk("soldiers", "present", flowwatch.MeasureStock, flowwatch.ScopeRussia, "Pentagon", 11000),
		mk("soldiers", "present", flowwatch.MeasureStock, flowwatch.ScopeRegion, "GUR", 12000),
		mk("nationals", "entered", flowwatch.MeasureDocuments, flowwatch.ScopeRussia, "Rosstat", 13221),
		mk("nationals", "present", flowwatch.MeasureStock, flowwatch.ScopeRussia, "NIS", 15000),
		mk("nationals", "entered", flowwatch.MeasureFlow, flowwatch.ScopeRussia, "FSB", 10000),
	}
	r := Reconcile([]flowwatch.Article{a}, claims, testOptions())
	got := map[string]string{}
	for _, c := range r.Conflicts {
		got[Num(*c.A.Low)+"/"+Num(*c.B.Low)] = c.Reason + ": " + strings.Join(c.Details, "; ")
	}
	for pair, want := range map[string]string{
		"10,000/11,000": "different measure: planned or projected versus present",
		"11,000/12,000": "different scope",
		"13,221/15,000": "different measure: entries, visas or permits versus present",
		"10,000/13,221": "different measure: sent or entered in a period versus entries, visas or permits",
	} {
		if !strings.HasPrefix(got[pair], want) {
			t.Errorf("%s: %q, want %q", pair, got[pair], want)
		}
	}
}

func TestSanctions(t *testing.T) {
	a := article("a", "Outlet", "2018-03-01", "Workers keep arriving.")
	c := flowwatch.Claim{Article: "a", Kind: "people", Group: "workers", Event: "sent", Low: flowwatch.F(500), High: flowwatch.F(500),
		Qualifier: "exact", Unit: "people", Place: russia, Quote: "Workers keep arriving.", Published: a.Published}
	r := Reconcile([]flowwatch.Article{a}, []flowwatch.Claim{c}, Default(testParent))
	for _, tag := range r.Sanctions {
		switch tag.Rule {
		case "UNSCR-2375-17":
			if len(tag.Claims) != 1 {
				t.Errorf("2375 para 17 does not apply in March 2018 (from 2017-09-11): %+v", tag)
			}
		case "UNSCR-2397-8":
			if len(tag.Claims) != 0 {
				t.Errorf("2397 para 8 applies before its deadline: %+v", tag)
			}
		}
	}
}

func TestSlackAndAllowed(t *testing.T) {
	for _, tt := range []struct{ v, want float64 }{{11000, 440}, {13221, 0.5}, {300, 12}, {0, 0}} {
		if got := slack(tt.v); got != tt.want {
			t.Errorf("slack(%v) = %v, want %v", tt.v, got, tt.want)
		}
	}
	_, lo, hi := allowed(&flowwatch.Claim{Low: flowwatch.F(1000), Qualifier: flowwatch.QualVague})
	if lo != 1000 || hi != 10000 {
		t.Errorf("vague thousands allow %v-%v", lo, hi)
	}
}
