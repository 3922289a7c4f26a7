package fit

import (
	"fmt"
	"regexp"
	"strings"
)

// How 2025–26 pages from outlets the train corpus never saw set the same
// reporting: encyclopedia and aggregator copy with citation marks, list and
// markdown setting, Telegram reposts, machine translations that keep their
// source language's number separators and dashes, and the other names each
// language gives North Korea. Each keeps every word of a gold quote in its
// sentence (a mark glued to a word changes the word, not the sentence).
var reshapes25 = []struct {
	name  string
	langs string
	f     func(body string) string
}{
	{"citation marks after sentences", "en ko ru", citeSentences},
	{"citation marks on figures", "en ko ru", citeFigures},
	{"superscript notes on words", "en ru", superscriptNotes},
	{"bulleted paragraphs", "en ko ru", leadParagraphs(func(int) string { return "• " })},
	{"dashed paragraphs", "en ko ru", leadParagraphs(func(int) string { return "- " })},
	{"numbered paragraphs", "en ko ru", leadParagraphs(func(i int) string { return fmt.Sprintf("%d) ", i+1) })},
	{"bold figures", "en ru", replacer(`\d[\d,.]*\d|\d`, "**$0**")},
	{"bold figures", "ko", replacer(`\d[\d,.만천백억]*`, "**$0**")},
	{"telegram repost", "en", telegram("#NorthKorea #Russia #Ukraine", "👁 12.3K", "Subscribe", "via @nk_watch")},
	{"telegram repost", "ru", telegram("#КНДР #Россия #СВО", "👁 12.3K", "Подписаться", "via @nk_watch")},
	{"telegram repost", "ko", telegram("#북한 #러시아 #파병", "👁 12.3K", "구독하기", "via @nk_watch")},
	{"no-break thousands", "en", replacer(`(\d),(\d{3})\b`, "$1\u00a0$2")},
	{"thin-space thousands", "en", replacer(`(\d),(\d{3})\b`, "$1\u2009$2")},
	{"European thousands", "en", replacer(`(\d),(\d{3})\b`, "$1.$2")},
	{"no-break thousands", "ru", replacer(`(\d)[ ,](\d{3})\b`, "$1\u00a0$2")},
	{"narrow no-break thousands", "ru", replacer(`(\d)[ ,](\d{3})\b`, "$1\u202f$2")},
	{"en dashes for hyphens in words", "en ko ru", replacer(`(\pL)-(\pL)`, "$1–$2")},
	{"minus signs for hyphens in words", "en ko ru", replacer(`(\pL)-(\pL)`, "$1−$2")},
	{"dashes for spaced hyphens", "en ko ru", replacer(` - `, " – ", ` -- `, " — ")},
	{"curly apostrophes and quotes", "en", replacer(`'`, "’", `"(\S)`, "“$1", `"`, "”")},
	{"N.Korea and DPRK's", "en", replacer(`North Korean\b`, "N.Korean", `North Korea's\b`, "DPRK's", `North Korea\b`, "N.Korea")},
	{"КНДР for Северная Корея", "ru", replacer(`Северн\p{L}+ Коре\p{L}+`, "КНДР")},
	{"Северная Корея for КНДР", "ru", genitiveKorea},
	{"북 for 북한", "ko", replacer(`북한( |,|이 |은 |의 |과 |에 )`, "북$1")},
	{"북한 for 북", "ko", replacer(`(^|[\s‘“'"(])북( |,)`, "${1}북한$2")},
}

// citeSentences glues a numbered citation mark to every other sentence
// that ends in a lowercase letter, a Hangul or CJK syllable or a digit.
func citeSentences(s string) string {
	re := regexp.MustCompile(`([\p{Ll}\p{Lo}\d][.!?])( |$)`)
	n := 0
	return re.ReplaceAllStringFunc(s, func(m string) string {
		n++
		if n%2 == 1 {
			return m
		}
		sub := re.FindStringSubmatch(m)
		return fmt.Sprintf("%s[%d]%s", sub[1], n/2, sub[2])
	})
}

// citeFigures glues a citation mark to every other figure that ends a
// clause or stands before a word (in Korean, after the counter 명).
func citeFigures(s string) string {
	re := regexp.MustCompile(`(\d[\d,]*\d|\d)( |,|;)|(\d\S*명)( |,)`)
	n := 0
	return re.ReplaceAllStringFunc(s, func(m string) string {
		n++
		if n%2 == 1 {
			return m
		}
		sub := re.FindStringSubmatch(m)
		if sub[1] != "" {
			return fmt.Sprintf("%s[%d]%s", sub[1], n/2, sub[2])
		}
		return fmt.Sprintf("%s[%d]%s", sub[3], n/2, sub[4])
	})
}

// superscriptNotes puts a superscript note number on every other word
// that closes a clause.
func superscriptNotes(s string) string {
	re := regexp.MustCompile(`(\p{Ll})([.,;])( |$)`)
	sup := []string{"¹", "²", "³", "⁴", "⁵", "⁶", "⁷", "⁸", "⁹"}
	n := 0
	return re.ReplaceAllStringFunc(s, func(m string) string {
		n++
		if n%2 == 1 {
			return m
		}
		sub := re.FindStringSubmatch(m)
		return sub[1] + sup[(n/2-1)%len(sup)] + sub[2] + sub[3]
	})
}

// leadParagraphs opens every paragraph with mark(i), i counting them.
func leadParagraphs(mark func(i int) string) func(string) string {
	return func(s string) string {
		lines := strings.Split(s, "\n")
		i := 0
		for k, l := range lines {
			if strings.TrimSpace(l) == "" {
				continue
			}
			lines[k] = mark(i) + l
			i++
		}
		return strings.Join(lines, "\n")
	}
}

// telegram sets the body as a channel repost: hashtags under the first
// paragraph, a view count, a subscribe line and a via line between later
// ones, and the channel's footer.
func telegram(tags, views, subscribe, via string) func(string) string {
	return func(s string) string {
		var out []string
		i := 0
		for _, l := range strings.Split(s, "\n") {
			if strings.TrimSpace(l) == "" {
				continue
			}
			out = append(out, l)
			switch i % 4 {
			case 0:
				out = append(out, tags)
			case 1:
				out = append(out, via)
			case 2:
				out = append(out, views)
			case 3:
				out = append(out, subscribe)
			}
			i++
		}
		out = append(out, views+"  ·  14:05", subscribe+" | @nk_watch")
		return strings.Join(out, "\n")
	}
}

// genitiveKorea writes "Северной Кореи" for КНДР where the word before
// governs the genitive ("граждан КНДР", "из КНДР"), the case КНДР mostly
// stands in; after other prepositions and conjunctions the case is not
// known, and КНДР stays.
func genitiveKorea(s string) string {
	re := regexp.MustCompile(`(\p{Ll}+) КНДР([^\p{L}]|$)`)
	other := map[string]bool{"в": true, "во": true, "с": true, "со": true, "и": true, "а": true, "о": true, "об": true,
		"на": true, "по": true, "к": true, "ко": true, "между": true, "чем": true, "или": true, "за": true, "что": true, "как": true}
	return re.ReplaceAllStringFunc(s, func(m string) string {
		sub := re.FindStringSubmatch(m)
		if other[sub[1]] {
			return m
		}
		return sub[1] + " Северной Кореи" + sub[2]
	})
}
