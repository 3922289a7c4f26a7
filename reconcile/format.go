package reconcile

import (
	"math"
	"strconv"
	"strings"

	"github.com/flowwatch/flowwatch"
)

// Num writes a figure with thousands separators: 13221 → "13,221".
func Num(v float64) string {
	if v != math.Trunc(v) || math.Abs(v) >= 1e15 {
		return strconv.FormatFloat(v, 'f', -1, 64)
	}
	s := strconv.FormatInt(int64(math.Abs(v)), 10)
	var b strings.Builder
	if v < 0 {
		b.WriteByte('-')
	}
	for i, r := range s {
		if i > 0 && (len(s)-i)%3 == 0 {
			b.WriteByte(',')
		}
		b.WriteRune(r)
	}
	return b.String()
}

// figureText states a figure the way its qualifier does.
func figureText(lo, hi *float64, q string) string {
	switch {
	case q == flowwatch.QualVague && lo != nil:
		return "vague (at least " + Num(*lo) + ")"
	case lo != nil && hi != nil && *lo == *hi:
		if q == flowwatch.QualApprox {
			return "about " + Num(*lo)
		}
		return Num(*lo)
	case lo != nil && hi != nil:
		return Num(*lo) + "–" + Num(*hi)
	case lo != nil:
		return "more than " + Num(*lo)
	case hi != nil:
		return "up to " + Num(*hi)
	}
	return "?"
}

// FigureText is how a report states a figure: "about 11,000", "more than 13,000".
func FigureText(lo, hi *float64, qualifier string) string { return figureText(lo, hi, qualifier) }

// RangeText states a fact's range of figures: "10,000–12,000", "13,000 or more".
func RangeText(f *flowwatch.Fact) string {
	switch {
	case f.Low != nil && f.High != nil && *f.Low == *f.High:
		return Num(*f.Low)
	case f.Low != nil && f.High != nil:
		return Num(*f.Low) + "–" + Num(*f.High)
	case f.Low != nil:
		return Num(*f.Low) + " or more"
	case f.High != nil:
		return "up to " + Num(*f.High)
	}
	return "?"
}

// Unit is a fact's unit in words for money and shares, "" for people.
func UnitText(f *flowwatch.Fact) string {
	switch f.Kind {
	case flowwatch.KindMoney:
		if f.Per != "" && f.Per != flowwatch.PerTotal {
			return f.Unit + " per " + f.Per
		}
		return f.Unit
	case flowwatch.KindShare:
		return "%"
	}
	return ""
}
