package clean

import "testing"

// Typesetting that is no part of the words goes; the words and figures
// stay as written. Sentences are our own.
func TestUntypeset(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		// Citation marks glued to a figure, a word or a period.
		{"An estimated 11,000[4] North Korean soldiers were sent to Kursk.[5][6]",
			"An estimated 11,000 North Korean soldiers were sent to Kursk."},
		{"По оценкам разведки, в Россию прибыли около 12 тысяч[7] военных КНДР.[8]",
			"По оценкам разведки, в Россию прибыли около 12 тысяч военных КНДР."},
		{"국정원은 북한군 1만1천여 명[2]이 러시아에 파병됐다고 밝혔다.[3]",
			"국정원은 북한군 1만1천여 명이 러시아에 파병됐다고 밝혔다."},
		// A bracket that stands apart, or holds words, is text.
		{"[Seoul] Officials said [in a briefing] that 300 were killed.",
			"[Seoul] Officials said [in a briefing] that 300 were killed."},
		// Markdown emphasis, bold and italic, around figures and words.
		{"Pyongyang has sent **about 2,000** builders and __1,500__ loggers to *Primorye*.",
			"Pyongyang has sent about 2,000 builders and 1,500 loggers to Primorye."},
		{"Около **6 тысяч** саперов и строителей", "Около 6 тысяч саперов и строителей"},
		// A lone star marks a required field or a product: it stays.
		{"Name is required *", "Name is required *"},
		{"a 2*3 grid of 6 panels", "a 2*3 grid of 6 panels"},
		// A dash set for a hyphen inside a word is the hyphen.
		{"The Russia–North Korea pact covers IT‑workers.", "The Russia-North Korea pact covers IT-workers."},
		{"В КНДР направили IT−специалистов, из–за санкций", "В КНДР направили IT-специалистов, из-за санкций"},
		{"러시아–북한 관계", "러시아-북한 관계"},
		// A dash between spaces or figures is punctuation or a range.
		{"12,000–15,000 troops – officials say", "12,000–15,000 troops – officials say"},
	} {
		if got := normalizeLine(tc.in); got != tc.want {
			t.Errorf("%q\n got  %q\n want %q", tc.in, got, tc.want)
		}
	}
}

// A numbered list's item number is no figure of the item.
func TestStripListNumber(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"1) Officials said 2,000 workers arrived in May.", "Officials said 2,000 workers arrived in May."},
		{"(12) 북한 노동자 3천 명이 러시아에 도착했다.", "북한 노동자 3천 명이 러시아에 도착했다."},
		{"3) В Россию прибыли 5 тысяч строителей.", "В Россию прибыли 5 тысяч строителей."},
		{"2) 500 soldiers were killed.", "2) 500 soldiers were killed."},
		{"100) is not a list number", "100) is not a list number"},
		{"2025. 3. 4 data", "2025. 3. 4 data"},
		{"(3. not a list", "(3. not a list"},
	} {
		if got := normalizeLine(tc.in); got != tc.want {
			t.Errorf("%q\n got  %q\n want %q", tc.in, got, tc.want)
		}
	}
}
