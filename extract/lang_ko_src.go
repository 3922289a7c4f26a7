package extract

import (
	"strings"
	"unicode/utf8"

	"github.com/flowwatch/flowwatch/domain"
)

// koFull is a source's longer Korean name that ends with a shorter name of
// another source: "미국 국방부" (Pentagon) ends with "국방부" (JCS).
type koFull struct {
	alias, source string
}

// koFullerNames maps each Korean alias that is the tail of another
// source's longer alias ("국방부", "정보당국") to those longer aliases.
// Korean reporting names a foreign body in full once and then by its
// bare noun ("미국 국방부가 확인했다 … 국방부 대변인은"), so the bare noun
// stands for the body the article named, not for the Korean one the
// gazetteer gives it alone.
func koFullerNames(d *domain.Domain) map[string][]koFull {
	owner := map[string]string{}
	var aliases []string
	for _, s := range d.Sources() {
		for _, a := range s.Aliases {
			if !koHasHangul(a) || strings.ContainsAny(a, "^$") {
				continue
			}
			if _, dup := owner[a]; !dup {
				owner[a] = s.Name
				aliases = append(aliases, a)
			}
		}
	}
	out := map[string][]koFull{}
	for _, short := range aliases {
		var fs []koFull
		other := false
		for _, long := range aliases {
			if strings.HasSuffix(long, " "+short) {
				// Its own longer names count too: "한국 국방부" after
				// "미국 국방부" makes the bare noun Korean again.
				fs = append(fs, koFull{long, owner[long]})
				other = other || owner[long] != owner[short]
			}
		}
		if other {
			out[short] = fs
		}
	}
	return out
}

func koHasHangul(s string) bool {
	for _, r := range s {
		if mlIsHangul(r) {
			return true
		}
	}
	return false
}

// koFullerSource is the source a bare Korean name at hit h of s stands for:
// the body whose longer name (ending with it) the article used last
// before the sentence, else the hit's own value.
func (lm *mlModule) koFullerSource(s *mlSent, h mlHit) string {
	if len(lm.fuller) == 0 || h.cat != catSource || s.doc == "" {
		return h.value
	}
	fs := lm.fuller[s.text[h.start:h.end]]
	if len(fs) == 0 {
		return h.value
	}
	// The longer name may stand right before in the same sentence too
	// ("미국 국방부 대변인 … 국방부는"), so the text read runs to the hit.
	before := s.doc[:s.start+h.start]
	best, at := h.value, -1
	for _, f := range fs {
		if i := strings.LastIndex(before, f.alias); i > at {
			best, at = f.source, i
		}
	}
	return best
}

// koNarration reports whether a Korean sentence is the article's own
// account of what North Korea did (its sent figures are then nobody's
// report): North Korea is its topic ("앞서 북한은
// 작년 10월 …을 파견했다", "작년 10월 북한은 … 보냈고"), ahead of its
// first figure, and the sentence names no teller, reporting verb,
// quotation or hearsay of its own. Such a recap of the deployment so far
// does not go on with the speaker of the sentence before. Counts of
// other things North Korea is the topic of (visas it was issued, in a
// series an outlet's data gives) still do.
func koNarration(s *mlSent) bool {
	if len(s.figs) == 0 || koQuotes(s.text) {
		return false
	}
	first := s.figs[0].start
	topic := false
	for _, h := range s.hits {
		switch h.cat {
		case catSource, catSaid, catBack, catAnaphor, catCite, catAccord:
			return false
		case catPlace:
			if h.value == "North Korea" && h.end <= first && !topic {
				r, _ := utf8.DecodeRuneInString(s.text[h.end:])
				topic = r == '은' || r == '는'
			}
		}
	}
	t := koTrimEnd(s.text)
	return topic && !strings.HasSuffix(t, "고 한다") && !strings.HasSuffix(t, "고 합니다")
}
