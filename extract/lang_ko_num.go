package extract

// Korean figures: Arabic digits mixed with the Sino-Korean magnitudes
// 십 백 천 만 억 ("1만1천", "7천887", "1만 3천 221", "천700", "만~만천"),
// the vague 수 ("수천 명" several thousand), the approximating suffix
// 여 ("4000여명"), a counter (명 for people, 달러 원 루블 유로 for money,
// % 퍼센트 for shares) and bounds around them (약, 최대, 이상, 넘어섰다).

import (
	"math"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/flowwatch/flowwatch"
)

var koMagnitude = map[rune]float64{'십': 10, '백': 100, '천': 1000, '만': 1e4, '억': 1e8, '조': 1e12}

// koNum is a numeral read from Korean text.
type koNum struct {
	val    float64
	end    int
	mag    float64 // largest magnitude written as a word, 0 when digits only
	vague  bool    // 수천, 수백, 몇만
	approx bool    // 여 after the numeral
}

// readKONum reads a numeral starting at byte i of s.
func readKONum(s string, i int) (koNum, bool) {
	var n koNum
	if i > 0 {
		p := mlPrevRune(s, i)
		if mlIsDigit(p) || p == '.' && i > 1 && mlIsDigit(rune(s[i-2])) {
			return n, false
		}
	}
	j := i
	r, sz := mlDecode(s, j)
	if r == '수' || r == '몇' {
		// 수천, 수 천, 수십만: a vague count of the magnitude that follows.
		k := j + sz
		for k < len(s) && s[k] == ' ' {
			k++
		}
		m, msz := utf8.DecodeRuneInString(s[k:])
		if _, ok := koMagnitude[m]; !ok || (i > 0 && mlIsHangul(mlPrevRune(s, i))) {
			return n, false
		}
		val := 1.0
		mag := 0.0
		for {
			mv, ok := koMagnitude[m]
			if !ok {
				break
			}
			val *= mv
			mag = math.Max(mag, mv)
			k += msz
			m, msz = utf8.DecodeRuneInString(s[k:])
		}
		n.val, n.end, n.mag, n.vague = val, k, mag, true
		return koSuffix(s, n), true
	}
	if !mlIsDigit(r) {
		if _, ok := koMagnitude[r]; !ok || r == '조' || r == '십' {
			return n, false
		}
		if i > 0 && mlIsHangul(mlPrevRune(s, i)) {
			return n, false
		}
	}
	// total: completed 만/억 sections; sect: below 만; pend: digits
	// waiting for a magnitude.
	var total, sect float64
	pend := -1.0
	lastMag := false
	parts := 0
	for j < len(s) {
		r, sz = mlDecode(s, j)
		if mlIsDigit(r) {
			if pend >= 0 {
				break
			}
			v, e := mlReadDigits(s, j)
			pend, j = v, e
			lastMag = false
			parts++
			continue
		}
		if m, ok := koMagnitude[r]; ok {
			if m >= 1e4 {
				x := sect
				if pend >= 0 {
					x += pend
				}
				if x == 0 {
					x = 1
				}
				total += x * m
				sect = 0
			} else {
				x := pend
				if x < 0 {
					x = 1
				}
				sect += x * m
			}
			n.mag = math.Max(n.mag, m)
			pend = -1
			j += sz
			lastMag = true
			parts++
			continue
		}
		// "15 000명", "12 천 명": machine translations and some outlets
		// group thousands with a space or put one before the magnitude.
		if r == ' ' && !lastMag && pend >= 0 {
			if e, ok := koSpaced(s, j, pend); ok {
				if e > 0 {
					pend, j = pend*1000+mustDigits(s[j+1:e]), e
				} else {
					j++
				}
				continue
			}
		}
		// "1만 3천 221": a space between parts after a magnitude word.
		if r == ' ' && lastMag && j+1 < len(s) {
			r2, _ := utf8.DecodeRuneInString(s[j+1:])
			if _, ok := koMagnitude[r2]; mlIsDigit(r2) || (ok && r2 != '조') {
				// Only when the next part is itself followed by a magnitude or a counter.
				if koContinues(s, j+1) {
					j++
					continue
				}
			}
		}
		break
	}
	if parts == 0 {
		return n, false
	}
	if pend >= 0 {
		sect += pend
	}
	n.val, n.end = total+sect, j
	return koSuffix(s, n), true
}

// koSpaced reads what follows the space at byte j after the digits pend:
// a group of three digits ending the numeral before its counter (the end
// of the group), or a magnitude word that goes on to a counter (end 0).
// Only a whole number below 1,000 and not a year can be the first group.
func koSpaced(s string, j int, pend float64) (int, bool) {
	if pend >= 1000 || pend != math.Trunc(pend) || j+1 >= len(s) {
		return 0, false
	}
	if r, _ := utf8.DecodeRuneInString(s[j+1:]); r == '천' || r == '만' || r == '억' {
		return 0, koContinues(s, j+1)
	}
	e := j + 4
	if e > len(s) || !mlAllDigits(s[j+1:e]) || e < len(s) && (mlIsDigit(rune(s[e])) || s[e] == ',' || s[e] == '.') {
		return 0, false
	}
	if !koContinues(s, j+1) {
		return 0, false
	}
	return e, true
}

func mustDigits(s string) float64 {
	v, _ := strconv.ParseFloat(s, 64)
	return v
}

// koContinues reports whether the numeral part at j is followed by more
// numeral or a counter, so "1만 3천" joins but "3만 2024년" does not.
func koContinues(s string, j int) bool {
	for j < len(s) {
		r, sz := utf8.DecodeRuneInString(s[j:])
		if mlIsDigit(r) || r == ',' {
			j += sz
			continue
		}
		if _, ok := koMagnitude[r]; ok {
			return true
		}
		rest := strings.TrimLeft(s[j:], " ")
		return strings.HasPrefix(rest, "명") || strings.HasPrefix(rest, "여")
	}
	return false
}

// The lead bytes of the runes past ASCII koNumStart takes.
const (
	koNumLeadEB = 0xEB // 몇 백 만
	koNumLeadEC = 0xEC // 수 천 억
)

// koNumStart reports whether readKONum may read a numeral starting with
// r: a digit, the vague 수 or 몇, or a magnitude other than 십 and 조.
func koNumStart(r rune) bool {
	switch r {
	case '수', '몇', '백', '천', '만', '억':
		return true
	}
	return mlIsDigit(r)
}

func koSuffix(s string, n koNum) koNum {
	if strings.HasPrefix(s[n.end:], "여") {
		n.approx = true
		n.end += len("여")
	}
	return n
}

// mlPrevRune is the rune before byte i of s, as
// utf8.DecodeLastRuneInString(s[:i]) reads it, with the two- and
// three-byte runes of Cyrillic and Hangul read inline: the scanners ask it at most runes.
func mlPrevRune(s string, i int) rune {
	r, _ := mlDecodeLast(s, i)
	return r
}

// mlDecodeLast is utf8.DecodeLastRuneInString(s[:i]), with the two- and
// three-byte runes read inline.
func mlDecodeLast(s string, i int) (rune, int) {
	if i >= 3 && i <= len(s) {
		c, c1, c2 := s[i-3], s[i-2], s[i-1]
		if mlThreeByte(c, c1, c2) {
			return rune3(c, c1, c2), 3
		}
	}
	if i >= 2 && i <= len(s) && mlTwoByte(s[i-2], s[i-1]) {
		return rune(s[i-2]&0x1F)<<6 | rune(s[i-1]&0x3F), 2
	}
	return utf8.DecodeLastRuneInString(s[:i])
}

// mlIsLetter is unicode.IsLetter, the Russian alphabet answered first.
func mlIsLetter(r rune) bool {
	if r >= 0x410 && r <= 0x44F || r == 0x401 || r == 0x451 {
		return true
	}
	return unicode.IsLetter(r)
}

// mlDecode is utf8.DecodeRuneInString(s[i:]), with the two- and
// three-byte runes of Cyrillic and Hangul read inline: the scanners decode every rune of every
// sentence, and the library's general decoder was a tenth of the time.
func mlDecode(s string, i int) (rune, int) {
	if i < len(s) && s[i] < utf8.RuneSelf {
		return rune(s[i]), 1
	}
	if i+1 < len(s) && mlTwoByte(s[i], s[i+1]) {
		return rune(s[i]&0x1F)<<6 | rune(s[i+1]&0x3F), 2
	}
	if i+2 < len(s) {
		c, c1, c2 := s[i], s[i+1], s[i+2]
		if mlThreeByte(c, c1, c2) {
			return rune3(c, c1, c2), 3
		}
	}
	return utf8.DecodeRuneInString(s[i:])
}

// rune3 is the rune of a three-byte encoding that mlThreeByte takes: the
// one decoding the scanners of Korean text (findKO, koTimes, mlDecode)
// do inline.
func rune3(c, c1, c2 byte) rune {
	return rune(c&0x0F)<<12 | rune(c1&0x3F)<<6 | rune(c2&0x3F)
}

// mlTwoByte reports whether c c1 encode a two-byte rune (Cyrillic).
func mlTwoByte(c, c1 byte) bool { return c >= 0xC2 && c <= 0xDF && c1&0xC0 == 0x80 }

// mlThreeByte reports whether c c1 c2 encode a three-byte rune whose
// lead byte needs no range check of its second byte beyond ED's (no
// surrogates); E0 (overlong forms) is left to the library.
func mlThreeByte(c, c1, c2 byte) bool {
	return c >= 0xE1 && c <= 0xEF && c1&0xC0 == 0x80 && c2&0xC0 == 0x80 && (c != 0xED || c1 < 0xA0)
}

func mlIsDigit(r rune) bool { return r >= '0' && r <= '9' }

// mlReadDigits reads 13221, 2,700 or 1.5 at i.
func mlReadDigits(s string, i int) (float64, int) {
	j := i
	for j < len(s) && s[j] >= '0' && s[j] <= '9' {
		j++
	}
	intEnd := j
	digits := s[i:j]
	// Thousands separators: exactly three digits after each comma.
	for j+4 <= len(s) && s[j] == ',' && mlAllDigits(s[j+1:j+4]) && (j+4 == len(s) || !mlIsDigit(rune(s[j+4]))) {
		digits += s[j+1 : j+4]
		j += 4
		intEnd = j
	}
	if j == intEnd && j+1 < len(s) && s[j] == '.' && mlIsDigit(rune(s[j+1])) {
		k := j + 1
		for k < len(s) && mlIsDigit(rune(s[k])) {
			k++
		}
		digits += s[j:k]
		j = k
	}
	v, _ := strconv.ParseFloat(digits, 64)
	return v, j
}

func mlAllDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return s != ""
}

// koNotCounter: 명 starting another word (명단 list, 명령 order).
const koNotCounter = "단령예칭확문목함절분소복성"

// koCounter reads the counter after a numeral: 명 for people, a currency
// (lexicon currencies: 달러, 원) or a percent sign (lexicon percent).
func koCounter(nl *mlNums, s string, i int) (kind, unit string, end int, ok bool) {
	j := i
	for j < len(s) && s[j] == ' ' {
		j++
	}
	if strings.HasPrefix(s[j:], "명") {
		e := j + len("명")
		r, _ := utf8.DecodeRuneInString(s[e:])
		if strings.ContainsRune(koNotCounter, r) {
			return "", "", 0, false
		}
		if r == '하' || r == '했' {
			// 천명하다 (to declare), 명했다 (ordered): a verb, not a
			// count of people.
			return "", "", 0, false
		}
		return flowwatch.KindPeople, "people", e, true
	}
	for _, c := range nl.currency {
		if !strings.HasPrefix(s[j:], c.word) {
			continue
		}
		e := j + len(c.word)
		r, _ := utf8.DecodeRuneInString(s[e:])
		if utf8.RuneCountInString(c.word) == 1 && mlIsHangul(r) && !strings.ContainsRune(koParticles+"씩대어", r) {
			return "", "", 0, false // 원 in 원인, 불 in 불법
		}
		return flowwatch.KindMoney, c.value, e, true
	}
	for _, c := range nl.percent {
		if strings.HasPrefix(s[j:], c.word) {
			return flowwatch.KindShare, "percent", j + len(c.word), true
		}
	}
	return "", "", 0, false
}

const koParticleChars = "을를이가은는에의으로과와도만씩"

// koQualAfter reads a bound after the counter (lexicon bounds_after:
// 이상, 넘어섰다, 정도), once particles are skipped.
func koQualAfter(nl *mlNums, s string, i int) string {
	j := i
	// particles and one space: 명을 넘어섰다, 명 이상, 달러 정도로
	for k := 0; k < 3 && j < len(s); k++ {
		if q := koBoundAt(nl, s, j); q != "" {
			return q // 명가량: 가 opens the bound, it is no particle
		}
		r, sz := utf8.DecodeRuneInString(s[j:])
		if r == ' ' || strings.ContainsRune(koParticleChars, r) && !strings.HasPrefix(s[j:], "이상") && !strings.HasPrefix(s[j:], "이하") {
			j += sz
			continue
		}
		break
	}
	return koBoundAt(nl, s, j)
}

// runeKey mixes the bytes of the rune that starts s (as many as its first
// byte says it has and s holds) into one byte: two strings that start
// with the same rune have the same key.
func runeKey(s string) byte {
	n := 1
	switch c := s[0]; {
	case c >= 0xF0:
		n = 4
	case c >= 0xE0:
		n = 3
	case c >= 0xC0:
		n = 2
	}
	k := byte(0)
	for _, c := range []byte(s[:min(n, len(s))]) {
		k = k*31 + c
	}
	return k
}

// koBoundAt is the bound after a figure (lexicon bounds_after) that
// starts at byte j, or "".
func koBoundAt(nl *mlNums, s string, j int) string {
	if j >= len(s) {
		return ""
	}
	for _, q := range nl.afterAt[runeKey(s[j:])] {
		if strings.HasPrefix(s[j:], q.word) {
			return q.value
		}
	}
	return ""
}

// koWordOpeners are what stands before the word koQualBefore reads.
var koWordOpeners = newRuneSet(" (“\"'‘,")

// koQualBefore reads a bound in the word before the figure (lexicon
// bounds: 약 4천 명, 최대 1만 명).
func koQualBefore(nl *mlNums, s string, i int) string {
	before := strings.TrimRight(s[:i], " ")
	// The word right before: "약", or "약" glued to the number (약2만).
	w := before
	if k := koWordOpeners.lastIndex(before); k >= 0 {
		// Past the whole opener: “ and ‘ are three bytes.
		_, sz := utf8.DecodeRuneInString(before[k:])
		w = before[k+sz:]
	}
	for _, q := range nl.before {
		if w == q.word {
			return q.value
		}
	}
	return ""
}

// koFigures finds the figures of a Korean sentence.
func koFigures(nl *mlNums, s *mlSent) []mlFig {
	t := s.text
	var figs []mlFig
	for i := 0; i < len(t); {
		if c := t[i]; c >= utf8.RuneSelf && c != koNumLeadEB && c != koNumLeadEC {
			// Inside a rune, or one whose lead byte no numeral's first
			// rune (수 몇 백 천 만 억) has: skipped without decoding.
			i++
			continue
		}
		if r, sz := mlDecode(t, i); !koNumStart(r) {
			// Neither readKONum nor mlDateTimeEnd starts here: most
			// runes are words, and both read the rune before.
			i += sz
			continue
		}
		// "2025.3.4", "15:53": a date or a time is skipped whole.
		if e := mlDateTimeEnd(t, i); e > 0 {
			i = e
			continue
		}
		n, ok := readKONum(t, i)
		if !ok {
			_, sz := mlDecode(t, i)
			i += sz
			continue
		}
		f := mlFig{start: i}
		low, high := n.val, n.val
		qual := ""
		end := n.end
		// A range: 만~만천, 5천~6천, 1~2만, 4천에서 5천.
		if k, ok2 := koRangeSep(t, end); ok2 && !koLevels(nl, t, end, k) {
			if m, ok3 := readKONum(t, k); ok3 {
				if n.mag == 0 && m.mag > 0 && n.val < m.val && n.val < 10 {
					// 1~2만: the first number takes the second's magnitude.
					low = n.val * koLeadMag(m.val)
				} else if n.mag == 0 && m.mag == 0 && n.val < 10 && n.val == math.Trunc(n.val) && n.val*koLeadMag(m.val) < m.val && m.val >= 100 {
					// 2~3000명, 7~8000달러: the scale is shared too.
					low = n.val * koLeadMag(m.val)
				}
				high = m.val
				qual = flowwatch.QualRange
				end = m.end
				n.approx = n.approx || m.approx
			}
		}
		kind, unit, cend, ok := koCounter(nl, t, end)
		if !ok {
			// "9240건의 비자": documents counted by 건 in a sentence about
			// entries or visas are entries of people.
			if e, isDoc := koDocuments(s, i, end); isDoc {
				kind, unit, cend, ok = flowwatch.KindPeople, "people", e, true
			} else if n.mag >= 1000 && koGroupAfter(s, end) {
				// "3만 병력", "1만 북한군": a group noun counted without 명.
				kind, unit, cend, ok = flowwatch.KindPeople, "people", end, true
			}
		}
		if !ok {
			i = n.end
			continue
		}
		if kind == flowwatch.KindMoney && n.val == 0 {
			i = cend
			continue
		}
		// "2달러50센트": cents after the dollars.
		if kind == flowwatch.KindMoney && qual == "" {
			if c, e := koCents(t, cend); e > 0 {
				low, high = low+c, high+c
				n.val += c
				cend = e
			}
		}
		// "1만1000명~1만2000명": a range with the counter on both ends.
		if qual == "" {
			if k, ok2 := koRangeSep(t, cend); ok2 && !koLevels(nl, t, cend, k) {
				// 최소 1만 명에서 최대 1만2천 명
				for _, w := range []string{"최대 ", "최고 ", "많게는 "} {
					k += len(w) * btoi(strings.HasPrefix(t[k:], w))
				}
				if m, ok3 := readKONum(t, k); ok3 && !m.vague && m.val > n.val {
					if kind2, _, cend2, ok4 := koCounter(nl, t, m.end); ok4 && kind2 == kind {
						high, qual, cend = m.val, flowwatch.QualRange, cend2
					}
				}
			}
		}
		f.end = cend
		f.kind, f.unit = kind, unit
		switch {
		case n.vague:
			f.low, f.qual = flowwatch.F(low), flowwatch.QualVague
		case qual == flowwatch.QualRange:
			f.low, f.high, f.qual = flowwatch.F(low), flowwatch.F(high), qual
		default:
			f.low, f.high, f.qual = flowwatch.F(low), flowwatch.F(high), flowwatch.QualExact
			if n.approx {
				f.qual = flowwatch.QualApprox
			}
			b, a := koQualBefore(nl, t, i), koQualAfter(nl, t, cend)
			q := b
			if a != "" && (q == "" || q == flowwatch.QualApprox) {
				q = a
			}
			switch q {
			case flowwatch.QualAtLeast:
				f.high, f.qual = nil, q
			case flowwatch.QualAtMost:
				f.low, f.qual = nil, q
			case flowwatch.QualApprox:
				f.qual = q
			}
		}
		if kind == flowwatch.KindMoney {
			f.per = koPer(nl, t, i)
		}
		figs = append(figs, f)
		if len(figs) > mlMaxFigures {
			break
		}
		i = cend
	}
	return figs
}

// koDocuments reads the counter 건 at byte i when the sentence names an
// entry (lexicon events "entered": 비자, 발급, 입국) and returns where it
// ends. Papers issued to another country's citizens ("중국에 발급한
// 24만여 건", "미국(7321건)") are not counted: a place other than North
// Korea or Russia right before the figure (from) names them.
func koDocuments(s *mlSent, from, i int) (int, bool) {
	t := s.text
	for _, h := range s.hits {
		if h.cat == catPlace && h.end <= from && from-h.end <= 24 && h.value != "North Korea" && h.value != "Russia" {
			return 0, false
		}
	}
	j := i
	for j < len(t) && t[j] == ' ' {
		j++
	}
	if !strings.HasPrefix(t[j:], "건") {
		return 0, false
	}
	e := j + len("건")
	if r, _ := utf8.DecodeRuneInString(t[e:]); mlIsHangul(r) && !strings.ContainsRune(koParticleChars+"에", r) {
		return 0, false // 건설, 건물
	}
	for _, h := range s.hits {
		if h.cat == catEvent && h.value == flowwatch.EventEntered {
			return e, true
		}
	}
	return 0, false
}

// koGroupAfter reports whether a group noun (lexicon groups) starts
// right after byte i, past one space.
func koGroupAfter(s *mlSent, i int) bool {
	j := i
	if j < len(s.text) && s.text[j] == ' ' {
		j++
	}
	for _, h := range s.hits {
		if h.start == j && h.cat == catGroup {
			return true
		}
	}
	return false
}

// koCents reads "50센트" right after a dollar amount and returns its value
// in dollars and where it ends, or 0 and -1.
func koCents(s string, i int) (float64, int) {
	v, e := mlReadDigits(s, i)
	if e == i || e-i > 2 || !strings.HasPrefix(s[e:], "센트") {
		return 0, -1
	}
	return v / 100, e + len("센트")
}

// koLeadMag is the power of ten of v's leading digit (20000 → 10000).
func koLeadMag(v float64) float64 {
	m := 1.0
	for v >= 10 {
		v /= 10
		m *= 10
	}
	return m
}

func koRangeSep(s string, i int) (int, bool) {
	j := i
	for j < len(s) && s[j] == ' ' {
		j++
	}
	for _, sep := range []string{"~", "∼", "〜", "-", "–", "에서 "} {
		if strings.HasPrefix(s[j:], sep) {
			k := j + len(sep)
			for k < len(s) && s[k] == ' ' {
				k++
			}
			return k, true
		}
	}
	return 0, false
}

// koLevels reports whether "에서" between two numerals (from byte i to
// k) joins two levels of a change, not the ends of a range: the second
// takes 로 and a verb of change follows (grammar level_verbs: "7천
// 달러에서 1만 달러로 올랐다", "3천명에서 5천명으로 늘었다"), so each is a
// figure of its own; "만 천에서 만 2천 명으로 봤다" stays a range.
func koLevels(nl *mlNums, t string, i, k int) bool {
	if !strings.Contains(t[i:k], "에서") {
		return false
	}
	m, ok := readKONum(t, k)
	if !ok {
		return false
	}
	e := m.end
	if _, _, ce, ok := koCounter(nl, t, e); ok {
		e = ce
	}
	rest := strings.TrimLeft(t[e:], " ")
	if r := strings.TrimPrefix(rest, "으"); strings.HasPrefix(r, "로") {
		rest = r[len("로"):]
	} else {
		return false
	}
	w, _, _ := mlNextField(rest, 0)
	for _, v := range koLevelVerbs {
		if strings.HasPrefix(w, v) {
			return true
		}
	}
	return false
}

// koPer reads how often an amount is paid from the words before it in its
// clause (lexicon per: 월 800달러, 월급은 800달러, 연간 5억 달러). A word
// written with a trailing space (월 ) must stand alone.
func koPer(nl *mlNums, s string, i int) string {
	from := 0
	if k := strings.LastIndexAny(s[:i], ",;"); k >= 0 {
		from = k
	}
	clause := s[from:i]
	best, at := flowwatch.PerTotal, -1
	for _, w := range nl.per {
		if k := strings.LastIndex(clause, w.word); k > at {
			if strings.HasSuffix(w.word, " ") && k > 0 && mlIsHangul(mlPrevRune(clause, k)) {
				continue
			}
			best, at = w.value, k
		}
	}
	if best == perHour {
		return "" // an hourly wage has no per in the contract
	}
	return best
}

// perHour is the lexicon's per key of hourly pay ("시간당", "в час"): the
// claim states no per for it.
const perHour = "hour"

func btoi(b bool) int {
	if b {
		return 1
	}
	return 0
}
