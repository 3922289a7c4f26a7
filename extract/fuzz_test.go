package extract_test

import (
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/flowwatch/flowwatch"
	"github.com/flowwatch/flowwatch/extract"
)

// FuzzExtract checks that no input makes Extract panic and that every
// claim's quote sits at its offsets. The seeds run with the normal tests.
func FuzzExtract(f *testing.F) {
	seeds := []string{
		"",
		"5",
		"$",
		"between",
		"between $ and",
		"1,000–",
		"–2,000 workers",
		"several",
		"a few thousand",
		"tens of",
		"North Korea sent 1,000",
		"\"\"\"...!!!???",
		"St. Petersburg. No. 5. U.S. 4.5 to 5 thousand",
		"According to the NIS, 11,000 North Korean soldiers were sent to Kursk since October last year.",
		"He said 5,000 construction workers would rebuild it and 1,000 combat engineers would clear mines.",
		"Between $250 million and $600 million annually, about 90 percent of their wages.",
		"\xff\xfe North Korean 3,000 \x00 workers",
		"9999999999999999999999999999999999 North Korean troops",
		"1.2.3.4 North Korean workers 1,2,3 ,000",
		"On February 31, 2025, 300 North Korean soldiers were killed on Monday by Friday as of mid-",
		"Hundreds\n\n\n\"Hundreds\" of",
		"북한군 1만1천여 명이 러시아에 파병됐다.",
		"Около 12 тысяч северокорейских военных находятся в России.",
	}
	for _, s := range seeds {
		f.Add(s, "2025-02-09")
		f.Add(s, "")
	}
	extract.SetRecoverPanics(false)
	defer extract.SetRecoverPanics(true)
	f.Fuzz(func(t *testing.T, text, pub string) {
		a := &flowwatch.Article{Name: "fuzz", Text: text}
		if d, err := flowwatch.ParseDate(pub); err == nil {
			a.Published = d
		}
		for _, lang := range []string{"en", "ko", "ru", "xx"} {
			a.Lang = lang
			for _, c := range extractor().Extract(a) {
				if c.Start < 0 || c.End > len(text) || c.Start > c.End || text[c.Start:c.End] != c.Quote {
					t.Fatalf("quote %q not at [%d:%d] of %q", c.Quote, c.Start, c.End, text)
				}
				if utf8.ValidString(text) && !utf8.ValidString(c.Quote) {
					t.Fatalf("quote %q cuts a rune", c.Quote)
				}
			}
		}
	})
}

// Inputs built to make per-sentence or per-article steps quadratic: one
// endless sentence of figures, and thousands of speakers to resolve.
func TestHugeInputs(t *testing.T) {
	var run, speakers strings.Builder
	for run.Len() < 1<<18 {
		run.WriteString("1,000 North Korean workers, 2,000 troops and some 300 killed, ")
	}
	for speakers.Len() < 1<<18 {
		speakers.WriteString("Minister Kim Sung-ho said 500 North Korean workers arrived. Kim said 200 more left. ")
	}
	for _, text := range []string{run.String(), speakers.String()} {
		a := &flowwatch.Article{Name: "huge", Text: text, Lang: "en"}
		claims := extractor().Extract(a)
		if len(claims) == 0 {
			t.Errorf("no claims from %d bytes", len(text))
		}
		for _, c := range claims {
			if text[c.Start:c.End] != c.Quote {
				t.Fatalf("quote not at its offsets")
			}
		}
	}
}
