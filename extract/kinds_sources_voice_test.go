package extract_test

import (
	"strings"
	"testing"

	"github.com/flowwatch/flowwatch"
)

// An analysis that gives figures of its own in the first person plural
// ("we estimate", "by our count", "our year-end estimate") is its
// outlet's: those figures, and the ones it states with no other source,
// are the publisher's, named as the gazetteer names it or as the page
// does without a note in parentheses. In a quotation or a block quote
// "we" is a speaker's.
func TestSourceOwnVoice(t *testing.T) {
	tests := []struct {
		name, outlet, text string
		want               []string
	}{
		{"we estimate", "Baltic Conflict Watch", "The tracker below gathers the figures by month.\n\nMarch 2025: We estimate 2,000 to 2,500 North Korean soldiers were still in Kursk.",
			[]string{"Baltic Conflict Watch"}},
		{"by our count, and a figure with no source", "Korea Risk Monitor (analysis)", "By our count, about 1,200 North Korean builders reached Kursk in the autumn.\n\nSome 300 North Korean sappers left in December.",
			[]string{"Korea Risk Monitor", "Korea Risk Monitor"}},
		{"a figure the analysis attributes", "Korea Risk Monitor", "Our year-end estimate is 9,000 North Korean soldiers in Russia. The NIS said 400 North Korean soldiers were killed in the spring.",
			[]string{"Korea Risk Monitor", "NIS"}},
		{"an outlet the gazetteer knows", "Institute for the Study of War", "We assess that about 3,000 North Korean soldiers were wounded in January.",
			[]string{"ISW"}},
		{"a quotation", "Korea Risk Monitor", "\"We estimate that 3,000 North Korean workers arrived,\" Sergei Shoigu said.",
			[]string{"Sergei Shoigu"}},
		{"a block quote", "Korea Risk Monitor", "Sabrina Singh answered:\n\nWe estimate roughly 10,000 North Korean soldiers are training in eastern Russia.",
			[]string{"Pentagon"}},
		{"no outlet", "", "The NIS briefed lawmakers in May.\n\nWe estimate 2,000 North Korean soldiers were wounded.",
			[]string{"-"}},
	}
	for _, tc := range tests {
		a := &flowwatch.Article{Name: "t", Text: tc.text, Lang: "en", Outlet: tc.outlet}
		var got []string
		for _, c := range rules().Extract(a) {
			s := c.Source
			if s == "" {
				s = "-"
			}
			got = append(got, s)
		}
		if strings.Join(got, ", ") != strings.Join(tc.want, ", ") {
			t.Errorf("%s: %q\n got  %q\n want %q", tc.name, tc.text, got, tc.want)
		}
	}
}
