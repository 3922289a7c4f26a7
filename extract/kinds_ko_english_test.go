package extract_test

import (
	"fmt"
	"strings"
	"testing"

	"github.com/flowwatch/flowwatch"
)

// A Korean page that quotes English lines (a foreign outlet's lead, a
// briefing's words after a transcript label) reads them with the English
// rules; a claim they leave without a source takes the Korean one's
// before it. The sentences are our own.
func TestKindKoreanPageEnglishLines(t *testing.T) {
	tests := []struct{ name, text, want string }{
		{"an English lead", "About 2,000 North Korean soldiers were killed near Kursk, officials told reporters.\n북한군 약 2천 명이 쿠르스크에서 숨졌다고 관리들이 말했다.",
			"killed 2000 approx; killed 2000 approx"},
		{"a briefing's words after a label", "미국 국방부는 북한군 최소 3천 명이 쿠르스크에 있다고 밝혔다.\n[대변인] “We assess that at least 3,000 DPRK soldiers are now in the Kursk region.”",
			"present 3000 at_least Pentagon; present 3000 at_least Pentagon"},
		{"too few Latin words", "북한군 5천 명이 러시아로 파병됐다.\nKursk Oblast 5,000 DPRK", "sent 5000 exact"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			a := &flowwatch.Article{Name: "t", Text: tc.text, Lang: "ko"}
			var got []string
			for _, c := range rules().Extract(a) {
				s := fmt.Sprintf("%s - %s", c.Event, c.Qualifier)
				if c.Low != nil {
					s = fmt.Sprintf("%s %v %s", c.Event, *c.Low, c.Qualifier)
				}
				if strings.Contains(tc.want, "Pentagon") {
					s += " " + c.Source
				}
				got = append(got, s)
			}
			if g := strings.Join(got, "; "); g != tc.want {
				t.Errorf("%s\n got  %s\n want %s", tc.text, g, tc.want)
			}
		})
	}
}
