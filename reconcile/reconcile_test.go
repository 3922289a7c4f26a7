package reconcile

import (
	"slices"
	"strings"
	"testing"

	"github.com/flowwatch/flowwatch"
	"github.com/flowwatch/flowwatch/domain"
)

// The story below is written for this test. A wire story (the original),
// two syndicated copies (one with its troop figure changed in copying),
// an independent report of the same figure from another source, and a
// conflicting report.
const wireText = `Seoul's intelligence agency told a closed parliamentary session on Monday that about 11,000 North Korean soldiers have been sent to Russia since the autumn. The agency added that roughly 300 of them have been killed and about 2,700 wounded in fighting along the Kursk front. Lawmakers who attended the briefing said the agency did not explain how it reached its count. Officials in Pyongyang and Moscow have not commented on the deployment, and neither government has published any numbers of its own. The agency said the troops had little experience of drone warfare and that their units were used in costly infantry assaults across open fields.`

var (
	daily = wireText + "\n\nThis report was distributed by Alpha Wire and republished by Beta Daily."
	times = "SEOUL (Alpha Wire) - " + strings.Replace(wireText, "about 11,000 North Korean", "about 12,000 North Korean", 1)
)

const ledgerText = `Ukraine's president said in his evening address that 11,000 North Korean troops are now fighting for Moscow. He urged allies to respond faster to the growing contingent and asked again for permission to strike military targets deep inside Russia. Ukrainian commanders described columns of North Korean units moving by rail toward the border areas over the past weeks.`

const postText = `American defence officials estimate that about 10,000 North Korean soldiers have been deployed to Russia, a lower count than the one given in Kyiv. A spokesman said about 8,000 of them are in the Kursk region. The officials also said that at least 3,000 North Korean soldiers had been killed or wounded, a higher toll than earlier estimates.`

func date(s string) flowwatch.Date {
	d, err := flowwatch.ParseDate(s)
	if err != nil {
		panic(err)
	}
	return d
}

func article(name, outlet, pub, text string) flowwatch.Article {
	return flowwatch.Article{Name: name, Outlet: outlet, URL: "https://example.org/" + name, Published: date(pub), Text: text}
}

// claim finds quote in text so offsets are real, as the extractor's are.
func claim(a flowwatch.Article, quote, kind, group, event string, low, high *float64, q string, place []string, source string) flowwatch.Claim {
	start := strings.Index(a.Text, quote)
	if start < 0 {
		panic("quote not in " + a.Name + ": " + quote)
	}
	return flowwatch.Claim{
		Article: a.Name, Kind: kind, Group: group, Event: event, Low: low, High: high,
		Qualifier: q, Unit: "people", Place: place, Source: source, Quote: quote,
		Start: start, End: start + len(quote), Outlet: a.Outlet, URL: a.URL, Published: a.Published,
	}
}

var (
	f      = flowwatch.F
	russia = []string{"Russia"}
	kursk  = []string{"Kursk Oblast"}
)

var testParents = map[string]string{"Kursk Oblast": "Russia", "Donbas": "Ukraine", "Vladivostok": "Russia", "Moscow": "Russia", "Novosibirsk": "Russia", "Khabarovsk": "Russia"}

func testParent(p string) string { return testParents[p] }

func storyInput() ([]flowwatch.Article, []flowwatch.Claim) {
	wire := article("wire", "Alpha Wire", "2025-01-13", wireText)
	dly := article("daily", "Beta Daily", "2025-01-14", daily)
	tms := article("times", "Gamma Times", "2025-01-14", times)
	ledger := article("ledger", "Delta Ledger", "2025-01-20", ledgerText)
	post := article("post", "Echo Post", "2025-01-22", postText)
	var claims []flowwatch.Claim
	for _, a := range []flowwatch.Article{wire, dly, tms} {
		troops := "about 11,000 North Korean soldiers have been sent to Russia since the autumn"
		v := 11000.0
		if a.Name == "times" {
			troops, v = strings.Replace(troops, "11,000", "12,000", 1), 12000
		}
		claims = append(claims,
			claim(a, troops, "people", "soldiers", "sent", f(v), f(v), "approx", russia, "NIS"),
			claim(a, "roughly 300 of them have been killed and about 2,700 wounded", "people", "soldiers", "killed", f(300), f(300), "approx", kursk, "NIS"),
			claim(a, "roughly 300 of them have been killed and about 2,700 wounded", "people", "soldiers", "wounded", f(2700), f(2700), "approx", kursk, "NIS"),
		)
	}
	claims = append(claims,
		claim(ledger, "11,000 North Korean troops are now fighting for Moscow", "people", "soldiers", "sent", f(11000), f(11000), "exact", russia, "Volodymyr Zelensky"),
		claim(post, "about 10,000 North Korean soldiers have been deployed to Russia", "people", "soldiers", "sent", f(10000), f(10000), "approx", russia, "Pentagon"),
		claim(post, "about 8,000 of them are in the Kursk region", "people", "soldiers", "present", f(8000), f(8000), "approx", kursk, "Pentagon"),
		claim(post, "at least 3,000 North Korean soldiers had been killed or wounded", "people", "soldiers", "killed", f(3000), nil, "at_least", russia, "Pentagon"),
	)
	// The post had the Pentagon's figure from a news agency: "Echo Post, citing Yonhap, citing the Pentagon".
	claims[len(claims)-3].Via = "Yonhap"
	return []flowwatch.Article{wire, dly, tms, ledger, post}, claims
}

func findFact(t *testing.T, facts []flowwatch.Fact, measure string, value float64) *flowwatch.Fact {
	t.Helper()
	for i := range facts {
		fc := &facts[i]
		if fc.Measure != measure {
			continue
		}
		for _, g := range fc.Figures {
			if g.Low != nil && *g.Low == value {
				return fc
			}
		}
	}
	t.Fatalf("no %s fact states %v", measure, value)
	return nil
}

func TestStory(t *testing.T) {
	arts, claims := storyInput()
	r := Reconcile(arts, claims, Options{Parent: testParent, Orgs: domain.DefaultOrganizations(), Sanctions: domain.DefaultSanctions()})

	t.Run("copies", func(t *testing.T) {
		if len(r.Groups) != 1 {
			t.Fatalf("got %d copy groups, want 1: %+v", len(r.Groups), r.Groups)
		}
		g := r.Groups[0]
		if g.Original != "wire" || strings.Join(g.Copies, ",") != "daily,times" {
			t.Errorf("group = original %s copies %v, want wire with daily,times", g.Original, g.Copies)
		}
		if len(g.Altered) != 1 || g.Altered[0].Copy.Article != "times" || *g.Altered[0].Copy.Low != 12000 || *g.Altered[0].Original.Low != 11000 {
			t.Errorf("altered = %+v, want times' 12,000 against wire's 11,000", g.Altered)
		}
	})

	sent := findFact(t, r.Facts, "sent", 11000)
	t.Run("fact", func(t *testing.T) {
		// wire+daily+times are one report; the ledger and the post are two more.
		if sent.Reports != 3 {
			t.Errorf("reports = %d, want 3", sent.Reports)
		}
		if got := strings.Join(sent.Sources, ","); got != "NIS,Pentagon,Volodymyr Zelensky" {
			t.Errorf("sources = %s", got)
		}
		if *sent.Value != 11000 {
			t.Errorf("headline = %v, want 11,000 (two independent sources)", *sent.Value)
		}
		if *sent.Low != 10000 || *sent.High != 12000 {
			t.Errorf("range = %v–%v, want 10,000–12,000", *sent.Low, *sent.High)
		}
		if sent.FirstReported != date("2025-01-13") || sent.LastReported != date("2025-01-22") || sent.First.Article != "wire" {
			t.Errorf("first %s by %s, last %s", sent.FirstReported, sent.First.Article, sent.LastReported)
		}
		for _, e := range sent.Evidence {
			if e.Article == "daily" && strings.Join(e.Chain, " < ") != "Beta Daily < Alpha Wire < NIS" {
				t.Errorf("daily's chain = %v", e.Chain)
			}
			if e.Article == "post" && (strings.Join(e.Chain, " < ") != "Echo Post < Yonhap < Pentagon" || e.Original != "Pentagon") {
				t.Errorf("post's chain = %v, original %s; want Echo Post < Yonhap < Pentagon", e.Chain, e.Original)
			}
		}
		if fg := sent.Figures[0]; *fg.Low != 11000 || fg.Reports != 2 || len(fg.Sources) != 2 {
			t.Errorf("top figure = %+v, want 11,000 from 2 reports and 2 sources", fg)
		}
	})

	t.Run("corroboration", func(t *testing.T) {
		// The copies repeat the wire's casualty figures: one report, one source.
		killed := findFact(t, r.Facts, "killed", 300)
		if killed.Reports != 1 || killed.Independent != 1 || len(killed.Evidence) != 3 {
			t.Errorf("killed: %d reports, %d sources, %d claims; want 1, 1, 3", killed.Reports, killed.Independent, len(killed.Evidence))
		}
	})

	t.Run("conflicts", func(t *testing.T) {
		type want struct{ a, b float64 }
		reasons := map[want]string{}
		for _, c := range r.Conflicts {
			reasons[want{*c.A.Low, *c.B.Low}] = c.Reason
		}
		for w, reason := range map[want]string{
			{10000, 11000}: flowwatch.ReasonDisagreement,
			{11000, 12000}: flowwatch.ReasonCopy,
			{8000, 11000}:  flowwatch.ReasonMeasure, // present in Kursk against sent to Russia
			{2700, 3000}:   flowwatch.ReasonMeasure, // wounded against killed or wounded
		} {
			if got, ok := reasons[w]; !ok {
				t.Errorf("no conflict %v vs %v; have %v", w.a, w.b, reasons)
			} else if got != reason {
				t.Errorf("conflict %v vs %v: reason %q, want %q", w.a, w.b, got, reason)
			}
		}
		// The copy's corrupted 12,000 against the post's 10,000 is the same error again.
		if _, ok := reasons[want{10000, 12000}]; ok {
			t.Errorf("10,000 vs 12,000 reported; a corrupted copy should conflict only with its original")
		}
		for _, c := range r.Conflicts {
			if *c.A.Low == 8000 && !strings.Contains(strings.Join(c.Details, "; "), "Kursk Oblast") {
				t.Errorf("8,000 vs 11,000 details miss the scope: %v", c.Details)
			}
			if *c.A.Low == 10000 && (strings.Join(c.A.Sources, ",") != "Pentagon" || strings.Join(c.B.Sources, ",") != "NIS,Volodymyr Zelensky") {
				t.Errorf("10,000 vs 11,000 sources: %v vs %v", c.A.Sources, c.B.Sources)
			}
		}
	})

	t.Run("entities", func(t *testing.T) {
		got := map[string]flowwatch.Entity{}
		for _, e := range r.Entities {
			got[e.Name] = e
		}
		if e := got["NIS"]; e.AsSource != 9 {
			t.Errorf("NIS as source of %d claims, want 9", e.AsSource)
		}
		if e := got["Pentagon"]; e.AsSource != 3 || e.Kind != "government" {
			t.Errorf("Pentagon = %+v", e)
		}
	})
}

func TestSlackAndAllowed(t *testing.T) {
	for _, tc := range []struct {
		low, high *float64
		q         string
		lo, hi    float64
	}{
		{f(13000), f(13000), "exact", 12500, 13500},
		{f(13221), f(13221), "exact", 13220.5, 13221.5},
		{f(10000), f(10000), "approx", 9600, 10400},
		{f(11000), f(11000), "approx", 10560, 11440},
		{f(1000), nil, "vague", 1000, 10000},
		{f(3000), nil, "vague", 3000, 10000},
		{nil, f(5000), "at_most", 0, 5200},
	} {
		_, lo, hi := allowed(&flowwatch.Claim{Low: tc.low, High: tc.high, Qualifier: tc.q})
		if lo != tc.lo || hi != tc.hi {
			t.Errorf("%s %v/%v: allowed %v–%v, want %v–%v", tc.q, tc.low, tc.high, lo, hi, tc.lo, tc.hi)
		}
	}
}

func TestNearDuplicates(t *testing.T) {
	// Measured thresholds: copies well above DefaultCopyThreshold, a
	// different story on the same event well below.
	for _, tc := range []struct {
		name   string
		a, b   string
		copies bool
	}{
		{"verbatim with trailer", wireText, daily, true},
		{"dateline and changed figure", wireText, times, true},
		{"same event, other story", wireText, ledgerText, false},
		{"same event, conflicting story", wireText, postText, false},
	} {
		s := Similarity(tc.a, tc.b)
		if (s >= DefaultCopyThreshold) != tc.copies {
			t.Errorf("%s: similarity %.2f, copies=%v", tc.name, s, tc.copies)
		}
	}
}

func TestSanctions(t *testing.T) {
	a := article("s", "Outlet", "2025-03-01", "About 4,000 North Korean workers are in Russia. In 2018, 30,000 North Korean workers were in Russia. Some 500 workers were sent to Vladivostok this year. 200 workers were sent to China.")
	claims := []flowwatch.Claim{
		claim(a, "About 4,000 North Korean workers are in Russia", "people", "workers", "present", f(4000), f(4000), "approx", russia, ""),
		claim(a, "In 2018, 30,000 North Korean workers were in Russia", "people", "workers", "present", f(30000), f(30000), "exact", russia, ""),
		claim(a, "Some 500 workers were sent to Vladivostok this year", "people", "workers", "sent", f(500), f(500), "approx", []string{"Vladivostok"}, ""),
		claim(a, "200 workers were sent to China", "people", "workers", "sent", f(200), f(200), "exact", []string{"China"}, ""),
	}
	claims[1].When = &flowwatch.Period{From: date("2018-01-01"), To: date("2018-12-31")}
	r := Reconcile([]flowwatch.Article{a}, claims, Options{Parent: testParent, Sanctions: domain.DefaultSanctions()})
	got := map[string][]int{}
	for _, tag := range r.Sanctions {
		got[tag.Rule] = tag.Claims
	}
	// Present workers after the deadline: repatriation; newly sent: also no new authorizations.
	if g := got["UNSCR-2397-8"]; len(g) != 2 || g[0] != 0 || g[1] != 2 {
		t.Errorf("2397 para 8 on claims %v, want [0 2]", g)
	}
	if g := got["UNSCR-2375-17"]; len(g) != 1 || g[0] != 2 {
		t.Errorf("2375 para 17 on claims %v, want [2]", g)
	}
	for _, fc := range r.Facts {
		if *fc.Value == 500 && strings.Join(fc.Sanctions, ",") != "UNSCR-2375-17,UNSCR-2397-8" {
			t.Errorf("fact of 500 sent to Vladivostok tagged %v", fc.Sanctions)
		}
	}
}

func TestIncrements(t *testing.T) {
	for _, tc := range []struct {
		quote string
		value float64
		want  string
	}{
		{"Pyongyang sent 3,000 more troops in January, in addition to the 11,000 it sent last year.", 3000, "sent (additional)"},
		{"Pyongyang sent 3,000 more troops in January, in addition to the 11,000 it sent last year.", 11000, "sent"},
		{"North Korea plans to deploy another 6,000 soldiers and engineers.", 6000, "planned (additional)"},
		{"An additional 1,000 troops were deployed.", 1000, "sent (additional)"},
		{"More than 10,000 troops were sent.", 10000, "sent"},
		{"북한은 1만1천여 명을 보냈고, 올해 초 3천여 명을 추가로 파견했다.", 11000, "sent"},
		{"북한은 1만1천여 명을 보냈고, 올해 초 3천여 명을 추가로 파견했다.", 3000, "sent (additional)"},
		{"КНДР отправила около 11 тысяч военных, а затем ещё около 3 тысяч.", 11000, "sent"},
		{"КНДР отправила около 11 тысяч военных, а затем ещё около 3 тысяч.", 3000, "sent (additional)"},
	} {
		event := "sent"
		if strings.Contains(tc.quote, "plans") {
			event = "planned"
		}
		c := flowwatch.Claim{Kind: "people", Group: "soldiers", Event: event, Low: f(tc.value), High: f(tc.value), Quote: tc.quote}
		if got, _ := measureOf(&c); got != tc.want {
			t.Errorf("%v in %q: measure %q, want %q", tc.value, tc.quote, got, tc.want)
		}
	}
}

// TestCasualtyMeasure: figures the extractor records as casualties (event
// wounded) are compared as casualties, whatever word says so; a killed
// figure stays deaths.
func TestCasualtyMeasure(t *testing.T) {
	for _, tc := range []struct {
		quote, event, want string
	}{
		{"Ukraine says North Korea has lost 4,000 troops in Kursk.", "wounded", "casualties"},
		{"North Korea is losing some 1,000 soldiers a week, Kyiv said.", "wounded", "casualties"},
		{"North Korean casualties have reached about 4,700.", "wounded", "casualties"},
		{"Some 2,700 North Korean soldiers were wounded.", "wounded", "wounded"},
		{"About 600 North Korean soldiers lost their lives in Kursk.", "killed", "killed"},
	} {
		c := flowwatch.Claim{Kind: "people", Group: "soldiers", Event: tc.event, Low: f(1000), High: f(1000), Quote: tc.quote}
		if got, class := measureOf(&c); got != tc.want || class != "losses" {
			t.Errorf("%q: measure %q (%s), want %q (losses)", tc.quote, got, class, tc.want)
		}
	}
}

// TestOrderIndependent: a store and a directory list the same claims in
// different orders; the facts must not change.
func TestOrderIndependent(t *testing.T) {
	arts, claims := storyInput()
	summary := func(r *Result) string {
		var b strings.Builder
		for _, f := range r.Facts {
			b.WriteString(f.ID + " " + RangeText(&f) + ":")
			for _, e := range f.Evidence {
				b.WriteString(" " + e.Article + "@" + strings.Repeat("|", e.Start%7))
			}
			b.WriteString("\n")
		}
		for _, c := range r.Conflicts {
			b.WriteString(c.ID + " " + c.Reason + "\n")
		}
		return b.String()
	}
	opt := Options{Parent: testParent}
	want := summary(Reconcile(arts, claims, opt))
	slices.Reverse(arts)
	slices.Reverse(claims)
	if got := summary(Reconcile(arts, claims, opt)); got != want {
		t.Errorf("reversed input gives other facts:\n%s\nwant:\n%s", got, want)
	}
}
