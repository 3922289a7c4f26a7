package clean

import (
	"bufio"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/flowwatch/flowwatch"
)

var update = flag.Bool("update", false, "rewrite testdata/*.golden from the current output")

// render is the golden form of an article: its metadata, then the text.
func golden(a *flowwatch.Article) string {
	var b strings.Builder
	fmt.Fprintf(&b, "title: %s\noutlet: %s\npublished: %s\nlang: %s\nurl: %s\nhash: %s\n---\n%s\n",
		a.Title, a.Outlet, a.Published, a.Lang, a.URL, a.Hash, a.Text)
	return b.String()
}

// TestGolden runs every page under testdata (pages written for these tests)
// through Parse and compares with its .golden file.
func TestGolden(t *testing.T) {
	pages, _ := filepath.Glob("testdata/*.txt")
	htmls, _ := filepath.Glob("testdata/*.html")
	pages = append(pages, htmls...)
	if len(pages) == 0 {
		t.Fatal("no test pages in testdata")
	}
	for _, p := range pages {
		t.Run(filepath.Base(p), func(t *testing.T) {
			raw, err := os.ReadFile(p)
			if err != nil {
				t.Fatal(err)
			}
			a, err := Parse(strings.TrimSuffix(filepath.Base(p), filepath.Ext(p)), raw)
			if err != nil {
				t.Fatalf("Parse: %v", err)
			}
			if a.Hash != Hash(a.Text) {
				t.Errorf("Hash %s is not the SHA-256 of Text", a.Hash)
			}
			got := golden(a)
			golden := strings.TrimSuffix(p, filepath.Ext(p)) + ".golden"
			if *update {
				if err := os.WriteFile(golden, []byte(got), 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			want, err := os.ReadFile(golden)
			if err != nil {
				t.Fatalf("%v (run go test ./clean -run TestGolden -update)", err)
			}
			if got != string(want) {
				t.Errorf("output differs from %s (rerun with -update after checking):\n--- got\n%s\n--- want\n%s", golden, got, want)
			}
		})
	}
}

// TestRules pins single rules on lines written for the purpose, so a
// change in one rule shows which behaviour moved.
func TestRules(t *testing.T) {
	body := "The council approved the plan after a long debate that lasted well into the evening on Tuesday.\n\n" +
		"Members said the decision would help about 2,000 residents who live near the river and its old bridge.\n\n"
	tests := []struct {
		name     string
		in       string
		keep     []string // lines that must survive
		gone     []string // text that must not survive
		wantDate string
	}{
		{name: "weather and place strip", in: "48 F\nRiverton\n\nCouncil approves river plan\n\n" + body,
			keep: []string{"Council approves river plan"}, gone: []string{"48 F", "Riverton"}},
		{name: "short headline with a figure", in: "Kursk: 300 killed\n\n" + body, keep: []string{"Kursk: 300 killed"}},
		{name: "dated line with a figure stays", in: body + "March 3, 2024 - 300 killed\n\n" + body, keep: []string{"300 killed"}},
		{name: "date strip gives date", in: "Friday, May 3, 2024\n\nCouncil approves river plan\n\n" + body,
			gone: []string{"Friday"}, wantDate: "2024-05-03"},
		{name: "day-first date glued to outlet", in: "River Gazette03-05-2024\nCouncil approves river plan\n\n" + body,
			gone: []string{"Gazette"}, wantDate: "2024-05-03"},
		{name: "date strip of cells with a source and a note", in: "Council approves river plan\n03.05.2024 09:15 | Source: River Wire | Machine translated\n\n" + body,
			gone: []string{"Machine translated"}, wantDate: "2024-05-03"},
		{name: "published label", in: "Council approves river plan\nPublished: 2024-05-03\n\n" + body, wantDate: "2024-05-03"},
		{name: "date alone in digits under the headline", in: "Council approves river plan\n\nBy Mary Major\n2024.05.03\n\n" + body,
			gone: []string{"2024.05.03"}, wantDate: "2024-05-03"},
		{name: "date strip with a zone offset", in: "Council approves river plan\nMay 3, 2024 at 9:15 AM GMT+2\n\n" + body,
			gone: []string{"GMT+2"}, wantDate: "2024-05-03"},
		{name: "abbreviated month", in: "Council approves river plan\nMay. 3, 2024\n\n" + body, wantDate: "2024-05-03"},
		{name: "date inside prose is not a publication date", in: "Council approves river plan\n\nOn May 3, 2024 the council met in the old hall to discuss the river plan with residents and engineers.\n\n" + body, wantDate: ""},
		{name: "repost hashtags and channel lines", in: "Council approves river plan\n#Riverton #Council\n\n" + body + "via @river_news\n\nThe work starts next year and should take eighteen months to complete, officials said.\n\nПодписаться\n\n@river_news\n",
			gone: []string{"#Riverton", "@river_news", "Подписаться"}, keep: []string{"eighteen months"}},
		{name: "a hashtag inside prose stays", in: body + "Residents posted under #SaveTheBridge for a week before about 400 of them came to the hall.\n",
			keep: []string{"#SaveTheBridge"}},
		{name: "advertisement", in: body + "- Advertisement -\n\nThe work starts next year and should take eighteen months to complete, officials said.\n",
			gone: []string{"Advertisement"}, keep: []string{"eighteen months"}},
		{name: "caption with credit", in: body + "Workers on the bridge deck (Mary Major/River Gazette)\n",
			gone: []string{"bridge deck"}},
		{name: "caption with agency in brackets", in: body + "Cranes at the northern dock [RFA]\n", gone: []string{"Cranes"}},
		{name: "wire credit is not a caption", in: body + "The council will publish the full plan on its website next week, a spokesman said. (Yonhap)\n",
			keep: []string{"(Yonhap)"}},
		{name: "related block ends the article", in: body + "Related Articles\n\nPark closes after 3,000 people fall ill at a fair\n\nSchool roof repaired after the storm damaged 40 classrooms.\n",
			gone: []string{"3,000", "40 classrooms"}},
		{name: "a reference list ends the article", in: body + "References\n\n1. \"Flood forces 2,000 people from river towns\". Valley Post. 3 May 2024.\n2. \"Council approves 40 new classrooms\". City Herald. 2025.\n",
			gone: []string{"2,000 people", "40 new classrooms"}},
		{name: "a reference list in Russian", in: body + "Примечания\n\n1. «Из долины уехали 9 000 человек». Вестник. 2024.\n",
			gone: []string{"9 000"}},
		{name: "similar readings list ends the article", in: body + "Similar Readings (4 items)\n\nOfficials say 9,000 people left the valley last month\n\nFloods close 12 schools in the north\n",
			gone: []string{"9,000", "12 schools"}},
		{name: "links inserted inside the article", in: body + "Read also:\n\nFloods close 12 schools in the north\n\nThe council will open a second bridge in 2026 and expects about 5,000 drivers a day to use it, officials said.\n",
			gone: []string{"12 schools"}, keep: []string{"5,000 drivers"}},
		{name: "inserted links at the end end the article", in: body + "Read also:\n\nFloods close 12 schools in the north\n\nMayor opens library\n",
			gone: []string{"12 schools", "library"}},
		{name: "read more link line", in: body + "Read more: Park closes after fair\n\nThe council will vote again in June on the second phase of the plan for the riverside.\n",
			gone: []string{"Park closes"}, keep: []string{"second phase"}},
		{name: "bracketed related-link line", in: body + "[관련기사] 시, 다리 예산 3천억 원 확정…\"내년 착공\"\n\nThe council will vote again in June on the second phase of the plan for the riverside.\n",
			gone: []string{"3천억"}, keep: []string{"second phase"}},
		{name: "table row of digits kept", in: body + "Year | Entries | Students\n\n2023 | 1 117 | 300\n\nThe council will vote again in June on the second phase of the plan for the riverside.\n",
			keep: []string{"2023 | 1 117 | 300"}},
		{name: "table closing the article kept", in: body + "Region | Arrivals | Change\n\nNorth | 2 310 | +4%\n\nSouth | 870 | growth of 1,5 times\n\nShare: Facebook · X\n",
			keep: []string{"North | 2 310 | +4%", "South | 870 | growth of 1,5 times"}},
		{name: "footer line with a separator goes", in: body + "Newsroom: +1 555 0100 | desk@example.org\n",
			gone: []string{"555 0100"}},
		{name: "comment form", in: body + "Leave a comment\n\nYour email address will not be published. Required fields are marked *\n",
			gone: []string{"email address"}},
		{name: "title printed twice kept once", in: "Council approves river plan\n\nCouncil approves river plan\n\n" + body,
			keep: []string{"Council approves river plan"}},
		{name: "subhead kept", in: body + "What happens next\n\nEngineers will survey the riverbank in the spring before any digging begins there.\n",
			keep: []string{"What happens next"}},
		{name: "keyword list", in: "Council approves river plan\n\nriver, council, bridge, budget\n\n" + body,
			gone: []string{"river, council"}},
		{name: "byline with email", in: body + "BY ALEX EXAMPLE [alex@example.org]\n", gone: []string{"ALEX"}},
		{name: "update figures are not a time stamp", in: body + "Updated figures may show 12,000 more people moved to the river district since May.\n",
			keep: []string{"12,000"}},
		{name: "time stamp without year", in: body + "Updated Nov. 19, 8:21 am ET\n", gone: []string{"Nov. 19"}},
		{name: "pictograph promotion", in: body + "📱 Torn between phones? Check out our buying guide\n", gone: []string{"buying guide"}},
		{name: "news opening with a pictograph", in: body + "⚡️ The river district took in about 1,200 new residents this spring, officials said 🔥 #river\n",
			keep: []string{"1,200 new residents"}},
		{name: "pictograph bullets set a channel's news", in: "🔸 The river district council met on Tuesday to vote on the bridge.\n\n🔸 Engineers told members that the old span can no longer carry lorries.\n\n🔸 The mayor said repairs would start in the spring and last a year.\n\n📱 Get our app\n",
			keep: []string{"Engineers told members", "The mayor said"}, gone: []string{"Get our app"}},
		{name: "copyright notice glued to a one-line page", in: "시의회는 화요일 강변 개발 계획을 승인했다. 의원들은 이 결정이 다리 근처에 사는 주민 약 2천 명에게 도움이 될 것이라고 말했다. 공사는 내년 봄에 시작돼 약 18개월 동안 이어질 예정이다. 김하늘 기자 sky@example.kr 저작권자 © 강변일보 무단전재 및 재배포 금지 관련기사 시, 다리 예산 3천억 원 확정 인기 기사 홍수로 학교 12곳 휴교\n",
			keep: []string{"18개월 동안 이어질 예정이다."}, gone: []string{"저작권자", "3천억", "12곳"}},
		{name: "date stamp glued to the first paragraph", in: " date 2024-05-03 The council approved the river plan after a long debate on Tuesday evening.\n\n" + body,
			keep: []string{"The council approved the river plan"}, gone: []string{"date 2024"}, wantDate: "2024-05-03"},
		{name: "most-read list heading in Korean", in: body + "■ 많이 본 뉴스\n\n1. 시의회, 다리 예산 2천억 원 승인\n",
			gone: []string{"2천억"}},
		{name: "line wrapped inside a sentence", in: body + "The council said the bridge will carry about 4,000\nvehicles a day once the repairs are finished.\n",
			keep: []string{"about 4,000 vehicles a day"}},
		{name: "headline over an address stays apart", in: "Council approves river plan\nwww.example.org\n\n" + body,
			gone: []string{"plan www"}},
		{name: "caption label under a line stays apart", in: body + "The mayor opened the bridge on Monday\nphoto: River Gazette archive\n\n" + body,
			gone: []string{"Monday photo"}},
		{name: "gallery counter", in: body + "Image 3 of 12\n", gone: []string{"Image 3"}},
		{name: "app promotion", in: body + "DOWNLOAD THE APP\n\nGet Started Now: Download the App\n", gone: []string{"App"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a, err := Parse("t", []byte(tt.in))
			if err != nil {
				t.Fatal(err)
			}
			for _, k := range tt.keep {
				if !strings.Contains(a.Text, k) {
					t.Errorf("lost %q; text:\n%s", k, a.Text)
				}
				if strings.Count(a.Text, k) > 1 && tt.name == "title printed twice kept once" {
					t.Errorf("%q kept %d times", k, strings.Count(a.Text, k))
				}
			}
			for _, g := range tt.gone {
				if strings.Contains(a.Text, g) {
					t.Errorf("kept %q; text:\n%s", g, a.Text)
				}
			}
			if tt.wantDate != "" || strings.Contains(tt.name, "not a publication date") {
				if a.Published.String() != tt.wantDate {
					t.Errorf("Published = %q, want %q", a.Published, tt.wantDate)
				}
			}
		})
	}
}

func TestHeader(t *testing.T) {
	in := "url: https://example.com/a?utm_source=x\ntitle: Ferry adds night crossings\noutlet: Coast Post\npublished: 2023-11-02\nlang: ru\nsample: true\n---\nThe ferry company will add two night crossings from December, it said on Thursday.\n"
	a, err := Parse("h", []byte(in))
	if err != nil {
		t.Fatal(err)
	}
	if a.URL != "https://example.com/a" || a.Title != "Ferry adds night crossings" || a.Outlet != "Coast Post" ||
		a.Published.String() != "2023-11-02" || a.Lang != "ru" {
		t.Errorf("header not applied: %+v", a)
	}
	if strings.Contains(a.Text, "sample") || strings.Contains(a.Text, "---") {
		t.Errorf("header left in text: %q", a.Text)
	}
	// A "Key: value" first line without a closing --- is text, not a header.
	b, err := Parse("n", []byte("Note: the ferry company will add two night crossings from December, it said on Thursday.\n"))
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(b.Text, "Note:") {
		t.Errorf("text taken for a header: %q", b.Text)
	}
}

func TestLang(t *testing.T) {
	for in, want := range map[string]string{
		"The ferry runs at night.":      "en",
		"페리는 밤에도 운행한다.":                 "ko",
		"Паром ходит ночью.":            "ru",
		"The ferry (페리) runs at night.": "en",
		"12345":                         "en",
	} {
		if got := DetectLang(in); got != want {
			t.Errorf("DetectLang(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestBadInput(t *testing.T) {
	tests := []struct {
		name, in, want string
	}{
		{"empty", "", "empty"},
		{"spaces", " \n\t\n", "empty"},
		{"binary", "\x00\x01\x02abc\x00", "binary"},
		{"gzip", "\x1f\x8b\x08\x00rest", "gzip"},
		{"pdf", "%PDF-1.7\n...", "PDF"},
		{"invalid utf8", "The ferry \xff\xfe runs at night and carries two hundred people.", "UTF-8"},
		{"only boilerplate", "Advertisement\n\nLeave a comment\n", "no article text"},
		{"header only", "title: A\n---\n", "no article text"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a, err := Parse("bad-"+tt.name, []byte(tt.in))
			if err == nil {
				t.Fatalf("no error; article %+v", a)
			}
			if !strings.Contains(err.Error(), tt.want) || !strings.Contains(err.Error(), "bad-"+tt.name) {
				t.Errorf("error %q should name the input and say %q", err, tt.want)
			}
			if strings.Contains(err.Error(), "\n") {
				t.Errorf("error is not one line: %q", err)
			}
			var fe *flowwatch.Error
			if !errors.As(err, &fe) {
				t.Errorf("error %T is not a *flowwatch.Error", err)
			}
		})
	}
	big := make([]byte, MaxInput+1)
	if _, err := Parse("big", big); flowwatch.ErrorCode(err) != flowwatch.ETOOLARGE {
		t.Errorf("oversized input: %v", err)
	}
}

// evalDir is ../shared/eval seen from the module root, absent outside the
// project's evaluation machine.
func evalDir(t testing.TB) string {
	dir, err := filepath.Abs("..")
	if err != nil {
		t.Fatal(err)
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			break
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			t.Skip("module root not found")
		}
		dir = parent
	}
	e := filepath.Join(filepath.Dir(dir), "shared", "eval")
	if _, err := os.Stat(e); err != nil {
		t.Skipf("evaluation data not present at %s", e)
	}
	return e
}

var spaceRun = regexp.MustCompile(`\s+`)

func normQuote(s string) string {
	s = strings.NewReplacer("’", "'", "‘", "'", "“", `"`, "”", `"`, "«", `"`, "»", `"`).Replace(s)
	return strings.TrimSpace(spaceRun.ReplaceAllString(s, " "))
}

// TestGoldQuotesSurvive checks that cleaning keeps every sentence the dev
// sets' gold claims quote (optional claims aside): a quote lost here is a
// claim the extractor can never find.
func TestGoldQuotesSurvive(t *testing.T) {
	e := evalDir(t)
	for _, set := range []string{"dev", "dev-ko", "dev-ru"} {
		f, err := os.Open(filepath.Join(e, set, "gold.jsonl"))
		if err != nil {
			t.Logf("skip %s: %v", set, err)
			continue
		}
		texts := map[string]string{}
		sc := bufio.NewScanner(f)
		sc.Buffer(make([]byte, 1<<20), 1<<20)
		for sc.Scan() {
			var g struct {
				Article  string `json:"article"`
				Quote    string `json:"quote"`
				Optional bool   `json:"optional"`
				None     bool   `json:"none"`
			}
			if err := json.Unmarshal(sc.Bytes(), &g); err != nil || g.None || g.Optional || g.Quote == "" {
				continue
			}
			text, ok := texts[g.Article]
			if !ok {
				raw, err := os.ReadFile(filepath.Join(e, set, "articles", g.Article+".txt"))
				if err != nil {
					t.Errorf("%s: %v", g.Article, err)
					continue
				}
				a, err := Parse(g.Article, raw)
				if err != nil {
					t.Errorf("%s: %v", g.Article, err)
					continue
				}
				text = normQuote(a.Text)
				texts[g.Article] = text
			}
			if !strings.Contains(text, normQuote(g.Quote)) {
				t.Errorf("%s/%s: gold quote lost in cleaning: %q", set, g.Article, g.Quote)
			}
		}
		f.Close()
	}
}

// TestSeedBoilerplateGone checks the dev seed pages lose the boilerplate
// kinds the spec lists. It names the kinds, not the pages' sentences.
func TestSeedBoilerplateGone(t *testing.T) {
	e := evalDir(t)
	paths, _ := filepath.Glob(filepath.Join(e, "dev", "articles", "seed-*.txt"))
	if len(paths) == 0 {
		t.Skip("no seed pages")
	}
	gone := regexp.MustCompile(`(?i)advertisement|related articles|latest articles|further reading|leave a comment|email address will not|download the app|subscribe|file photo|\[email|@\w+\.com|^\d+(\.\d)? F$`)
	for _, p := range paths {
		raw, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		a, err := Parse(filepath.Base(p), raw)
		if err != nil {
			t.Fatal(err)
		}
		for _, line := range strings.Split(a.Text, "\n") {
			if gone.MatchString(line) {
				t.Errorf("%s: boilerplate kept: %q", filepath.Base(p), line)
			}
		}
		seen := map[string]bool{}
		for _, line := range strings.Split(a.Text, "\n") {
			if line != "" && seen[line] {
				t.Errorf("%s: line kept twice: %q", filepath.Base(p), line)
			}
			seen[line] = true
		}
	}
}

func TestEntryPoints(t *testing.T) {
	page, err := os.ReadFile("testdata/page.html")
	if err != nil {
		t.Fatal(err)
	}
	a, err := ParseHTML("orchard", "https://valley.example.com/x?utm_source=feed", page)
	if err != nil {
		t.Fatal(err)
	}
	if a.URL != "https://valley.example.com/news/orchard-pickers" {
		t.Errorf("URL = %q, want the canonical link", a.URL)
	}
	if !strings.HasPrefix(a.Text, a.Title+"\n\n") {
		t.Errorf("HTML text should open with the headline: %q", a.Text[:min(80, len(a.Text))])
	}
	if body := BodyText(a); strings.Contains(body, a.Title) || !strings.HasPrefix(body, "The family orchard") {
		t.Errorf("BodyText kept the headline or lost the start: %q", body[:min(80, len(body))])
	}

	// Meta fills what the text does not say; a date strip in the text
	// does not override a date the caller knows.
	m := Meta{URL: "https://example.com/p", Title: "Known title", Outlet: "Known outlet",
		Published: flowwatch.Date{Year: 2020, Month: 1, Day: 2}, Lang: "ru"}
	txt := []byte("Monday, March 3, 2025\n\nThe committee approved the budget for the new library, which opens next spring.\n")
	b, err := ParseText("t", txt, m)
	if err != nil {
		t.Fatal(err)
	}
	if b.Title != m.Title || b.Outlet != m.Outlet || b.Published != m.Published || b.Lang != "ru" || b.URL != m.URL {
		t.Errorf("ParseText lost caller metadata: %+v", b)
	}
	// ParseText never reads a header: the lines stay text.
	c, err := ParseText("h", []byte("title: Looks like a header\n---\nThe committee approved the budget for the new library, which opens next spring.\n"), Meta{})
	if err != nil {
		t.Fatal(err)
	}
	if c.Title == "Looks like a header" {
		t.Error("ParseText read a header block")
	}
	// Invalid UTF-8 in HTML is decoded by the page's charset, not refused.
	if _, err := Parse("cp", mustRead(t, "testdata/cp1251.html")); err != nil {
		t.Errorf("windows-1251 page: %v", err)
	}
}

func mustRead(t *testing.T, p string) []byte {
	b, err := os.ReadFile(p)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func TestSniff(t *testing.T) {
	for in, want := range map[string]bool{
		"<!DOCTYPE html><html><body><p>x</p></body></html>":                                        true,
		"  \n<html lang=\"en\"><p>x</p>":                                                           true,
		"<head><title>x</title></head>":                                                            true,
		"<p>One paragraph of a feed item.</p><p>Another one.</p><div><a href=\"/\">Home</a></div>": true,
		"The minister said <…> the talks would go on.":                                             false,
		"Write to the desk <desk@example.org> with tips. The ferry runs at night.":                 false,
		"Plain text with a header\n---\nand body":                                                  false,
	} {
		if got := looksHTML([]byte(in)); got != want {
			t.Errorf("looksHTML(%q) = %v, want %v", in, got, want)
		}
	}
}
