package export_test

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/flowwatch/flowwatch"
	"github.com/flowwatch/flowwatch/export"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/")

// fixture is written by the flowwatch authors: sentences of their own that
// state the kinds of figures reporting carries, plus hostile text.
func fixture() ([]flowwatch.Claim, map[string]*flowwatch.Article) {
	pub := flowwatch.NewDate(2025, 2, 13)
	a := &flowwatch.Article{ID: 7, Name: "sample-one", URL: "https://news.example.org/nk-troops", Title: "Troops at the front",
		Outlet: "Example News", Published: pub, Lang: "en", Text: "Officials said 12,000 soldiers were sent to Kursk."}
	evil := &flowwatch.Article{ID: 8, Name: "evil", URL: "javascript:alert(1)", Outlet: "=cmd|' /C calc'!A0", Published: pub}
	claims := []flowwatch.Claim{
		{ID: 1, ArticleID: 7, Article: "sample-one", Kind: "people", Group: "soldiers", Event: "sent", Low: flowwatch.F(12000), High: flowwatch.F(12000),
			Qualifier: "exact", Unit: "people", Place: []string{"Kursk Oblast"}, When: &flowwatch.Period{From: flowwatch.NewDate(2024, 10, 1), To: flowwatch.NewDate(2024, 10, 31)},
			Source: "NIS", Via: "Yonhap", Orgs: []string{"Korean People's Army"}, Quote: "Officials said 12,000 soldiers were sent to Kursk.", Start: 0, End: 50,
			Outlet: "Example News", URL: a.URL, Published: pub},
		{ID: 2, ArticleID: 7, Article: "sample-one", Kind: "money", Group: "workers", Low: flowwatch.F(800), High: flowwatch.F(800), Qualifier: "exact",
			Unit: "USD", Per: "month", Source: "Sergei Shoigu", Quote: "Each worker earns $800 a month, a manager said.", Start: 51, End: 98, Outlet: "Example News", URL: a.URL, Published: pub},
		{ID: 3, ArticleID: 8, Article: "evil", Kind: "people", Group: "workers", Event: "present", Low: flowwatch.F(100), Qualifier: "vague", Unit: "people",
			Source: "A Blogger", Quote: "=HYPERLINK(\"http://x\") hundreds of workers <script>alert(1)</script>", Outlet: evil.Outlet, URL: evil.URL, Published: pub},
	}
	return claims, map[string]*flowwatch.Article{"sample-one": a, "evil": evil}
}

func TestGolden(t *testing.T) {
	for _, format := range export.Formats {
		t.Run(format, func(t *testing.T) {
			claims, arts := fixture()
			var buf bytes.Buffer
			w, err := export.New(format, &buf, func(c flowwatch.Claim) *flowwatch.Article { return arts[c.Article] })
			if err != nil {
				t.Fatal(err)
			}
			for _, c := range claims {
				if err := w.Write(c); err != nil {
					t.Fatal(err)
				}
			}
			if err := w.Close(); err != nil {
				t.Fatal(err)
			}
			golden := filepath.Join("testdata", format+".golden")
			if *update {
				if err := os.WriteFile(golden, buf.Bytes(), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			want, err := os.ReadFile(golden)
			if err != nil {
				t.Fatalf("%v (run go test ./export -update to create it)", err)
			}
			if !bytes.Equal(buf.Bytes(), want) {
				t.Errorf("%s output differs from %s:\n%s", format, golden, buf.String())
			}
		})
	}
}

func TestUnknownFormat(t *testing.T) {
	_, err := export.New("xlsx", &bytes.Buffer{}, nil)
	if flowwatch.ErrorCode(err) != flowwatch.EINVALID || !strings.Contains(flowwatch.ErrorMessage(err), "csv, jsonl, ftm, acled") {
		t.Fatalf("got %v, want an invalid error listing the formats", err)
	}
}

// Spreadsheets run cells that begin with = + - @ as formulas; article text
// must never reach them as one.
func TestCSVDefusesFormulas(t *testing.T) {
	for _, format := range []string{export.CSV, export.ACLED} {
		claims, _ := fixture()
		var buf bytes.Buffer
		w, _ := export.New(format, &buf, nil)
		for _, c := range claims {
			w.Write(c)
		}
		w.Close()
		rows, err := csv.NewReader(&buf).ReadAll()
		if err != nil {
			t.Fatalf("%s: not valid CSV: %v", format, err)
		}
		for _, row := range rows[1:] {
			for _, cell := range row {
				if cell != "" && strings.ContainsRune("=+@", rune(cell[0])) {
					t.Errorf("%s: cell %q would run as a formula", format, cell)
				}
			}
		}
	}
}

func TestACLEDPeopleOnly(t *testing.T) {
	claims, _ := fixture()
	var buf bytes.Buffer
	w, _ := export.New(export.ACLED, &buf, nil)
	for _, c := range claims {
		w.Write(c)
	}
	w.Close()
	rows, _ := csv.NewReader(&buf).ReadAll()
	if len(rows) != 3 {
		t.Fatalf("got %d rows, want header + 2 people claims (money is not an ACLED event)", len(rows))
	}
	if got := strings.Join(rows[0], ","); got != "event_date,actor,location,source,notes,count" {
		t.Errorf("header %q", got)
	}
	if rows[1][0] != "2024-10-01" || rows[1][5] != "12000" || rows[1][3] != "Example News; Yonhap; NIS" {
		t.Errorf("first row %q: want the period start as date, the floor as count, outlet; via; source", rows[1])
	}
}

func TestFtMEntities(t *testing.T) {
	claims, arts := fixture()
	var buf bytes.Buffer
	w, _ := export.New(export.FtM, &buf, func(c flowwatch.Claim) *flowwatch.Article { return arts[c.Article] })
	for _, c := range claims {
		w.Write(c)
	}
	w.Close()
	ids := map[string]export.Entity{}
	schemas := map[string]int{}
	dec := json.NewDecoder(&buf)
	for dec.More() {
		var e export.Entity
		if err := dec.Decode(&e); err != nil {
			t.Fatal(err)
		}
		if _, dup := ids[e.ID]; dup {
			t.Errorf("entity %s written twice", e.ID)
		}
		ids[e.ID] = e
		schemas[e.Schema]++
	}
	// KPA and NIS are organisations in the domain data, Shoigu an official;
	// the blogger is unknown, so only a LegalEntity.
	if schemas["Article"] != 2 || schemas["Event"] != 3 || schemas["Organization"] != 2 || schemas["Person"] != 1 || schemas["LegalEntity"] != 1 {
		t.Errorf("schemas %v: want 2 articles, 3 events, 2 organizations, 1 person, 1 legal entity", schemas)
	}
	for _, e := range ids {
		switch e.Schema {
		case "Documentation":
			for _, p := range []string{"document", "entity"} {
				if _, ok := ids[e.Properties[p][0]]; !ok {
					t.Errorf("documentation %s points to missing %s", e.ID, p)
				}
			}
		case "Event":
			if len(e.Properties["name"]) == 0 || len(e.Properties["publisher"]) == 0 {
				t.Errorf("event %s lacks name or publisher: %v", e.ID, e.Properties)
			}
		case "Article":
			for _, u := range e.Properties["sourceUrl"] {
				if !strings.HasPrefix(u, "https://") {
					t.Errorf("article sourceUrl %q: only http(s) URLs may be exported", u)
				}
			}
		}
	}
}
