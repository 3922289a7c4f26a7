package extract

import "strings"

// koDatelineEnd is where a Korean wire dateline and byline that open s
// end ("[서울=연합뉴스] ", "(서울=뉴스1) 홍길동 기자 = "), or 0. The
// outlet there published the story; it is not the source of the figures
// that follow, which are unattributed unless the sentence names one.
func koDatelineEnd(s string) int {
	if s == "" || (s[0] != '[' && s[0] != '(') {
		return 0
	}
	closer := byte(']')
	if s[0] == '(' {
		closer = ')'
	}
	end := strings.IndexByte(s, closer)
	if end < 0 || end > 48 || !strings.Contains(s[:end], "=") {
		return 0
	}
	end++
	// A byline follows: a name and 기자 or 특파원, then "=".
	rest := s[end:]
	if eq := strings.IndexByte(rest, '='); eq > 0 && eq <= 64 {
		by := strings.TrimSpace(rest[:eq])
		if strings.HasSuffix(by, "기자") || strings.HasSuffix(by, "특파원") {
			end += eq + 1
		}
	}
	return end
}

// koWithoutDateline drops the hits inside the dateline opening s.
func koWithoutDateline(s string, hs []mlHit) []mlHit {
	d := koDatelineEnd(s)
	if d == 0 {
		return hs
	}
	out := hs[:0]
	for _, h := range hs {
		if h.start >= d {
			out = append(out, h)
		}
	}
	return out
}
