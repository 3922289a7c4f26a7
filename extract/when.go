package extract

import (
	"time"

	"github.com/flowwatch/flowwatch"
)

func yearPeriod(y int) flowwatch.Period {
	return flowwatch.Period{From: flowwatch.Date{Year: y, Month: 1, Day: 1}, To: flowwatch.Date{Year: y, Month: 12, Day: 31}}
}

func monthPeriod(y int, m time.Month) flowwatch.Period {
	from := flowwatch.Date{Year: y, Month: m, Day: 1}
	return flowwatch.Period{From: from, To: flowwatch.NewDate(y, m+1, 0)}
}

func dayPeriod(d flowwatch.Date) flowwatch.Period { return flowwatch.Period{From: d, To: d} }

// resolveMonth is the year of a month named without one: the latest such
// month on or before the publication date.
func resolveMonth(m time.Month, pub flowwatch.Date) int {
	if m > pub.Month {
		return pub.Year - 1
	}
	return pub.Year
}

// resolveDay is the latest date on or before pub with that month and day.
func resolveDay(m time.Month, d int, pub flowwatch.Date) flowwatch.Date {
	y := pub.Year
	if m > pub.Month || (m == pub.Month && d > pub.Day) {
		y--
	}
	return flowwatch.NewDate(y, m, d)
}

// weekday resolves "on Tuesday" to the latest such day on or before pub, or
// with next to the first such day on or after it ("by Monday").
func weekday(wd int, pub flowwatch.Date, next bool) flowwatch.Date {
	cur := int(pub.Time().Weekday())
	if next {
		return pub.AddDays((wd - cur + 7) % 7)
	}
	return pub.AddDays(-((cur - wd + 7) % 7))
}

// Times appends the English time expressions of a sentence to out.
func (english) Times(lx *Lexicon, toks []Token, pub flowwatch.Date, out []TimeRef) []TimeRef {
	known := !pub.IsZero()
	n := len(toks)
	dateBits := lx.times.bit | lx.monthw.bit | lx.weekw.bit
	for i := 0; i < n; i++ {
		t := &toks[i]
		if t.Kind != Number && t.mask&maskDone != 0 && t.mask&dateBits == 0 {
			continue
		}
		// Modifiers that shape the expression after them.
		mod := ""
		s := i
		if p := lx.times.at(toks, i); p != nil {
			switch p.val {
			case "early", "mid", "late", "since", "as_of", "last", "next", "first_half", "second_half", "q1", "q2", "q3", "q4":
				mod = p.val
				s = i + len(p.low)
				if s < n && toks[s].Low == "-" {
					s++
				}
				if s < n && toks[s].Low == "the" {
					s++
				}
			default:
				if !known {
					i += len(p.low) - 1
					continue
				}
				var per flowwatch.Period
				switch p.val {
				case "now", "today":
					per = dayPeriod(pub)
				case "yesterday":
					per = dayPeriod(pub.AddDays(-1))
				case "this_year":
					per = yearPeriod(pub.Year)
				case "last_year":
					per = yearPeriod(pub.Year - 1)
				case "this_month":
					per = flowwatch.Period{From: flowwatch.Date{Year: pub.Year, Month: pub.Month, Day: 1}, To: pub}
				case "last_month":
					per = monthPeriod(pub.Year, pub.Month-1)
					if pub.Month == 1 {
						per = monthPeriod(pub.Year-1, 12)
					}
				case "past_year":
					per = flowwatch.Period{From: flowwatch.NewDate(pub.Year-1, pub.Month, pub.Day), To: pub}
				case "last_week":
					per = flowwatch.Period{From: pub.AddDays(-7), To: pub}
				case "past_month":
					per = flowwatch.Period{From: flowwatch.NewDate(pub.Year, pub.Month-1, pub.Day), To: pub}
				default:
					continue
				}
				out = append(out, TimeRef{Start: i, End: i + len(p.low), Period: per})
				i += len(p.low) - 1
				continue
			}
		}
		if mod == "since" && known {
			// "since last year", "since this month": from its start to now.
			if p := lx.times.at(toks, s); p != nil {
				var from flowwatch.Date
				switch p.val {
				case "last_year":
					from = flowwatch.Date{Year: pub.Year - 1, Month: 1, Day: 1}
				case "this_year":
					from = flowwatch.Date{Year: pub.Year, Month: 1, Day: 1}
				case "last_month":
					from = flowwatch.NewDate(pub.Year, pub.Month-1, 1)
				case "this_month":
					from = flowwatch.Date{Year: pub.Year, Month: pub.Month, Day: 1}
				}
				if !from.IsZero() {
					out = append(out, TimeRef{Start: i, End: s + len(p.low), Period: flowwatch.Period{From: from, To: pub}})
					i = s + len(p.low) - 1
					continue
				}
			}
		}
		if mod == "since" && s+1 < n && toks[s].Low == "last" && lx.month(&toks[s+1]) > 0 {
			s++ // "since last October": from the October before to now
		}
		if mod == "" {
			if per, end, ok := lx.monthSpan(toks, s, pub); ok {
				out = append(out, TimeRef{Start: i, End: end, Period: per})
				i = end - 1
				continue
			}
		}
		per, end, ok := lx.dateAt(toks, s, pub, mod == "next" || mod == "as_of")
		if !ok && known && (mod == "early" || mod == "mid" || mod == "late") {
			// "early this year", "late last year": the part of that year.
			if p := lx.times.at(toks, s); p != nil && (p.val == "this_year" || p.val == "last_year") {
				y := pub.Year
				if p.val == "last_year" {
					y--
				}
				per, end, ok = yearPeriod(y), s+len(p.low), true
			}
		}
		if !ok && known && len(mod) == 2 && mod[0] == 'q' {
			// "the third quarter", "third-quarter arrivals" with no year:
			// the latest such quarter that began on or before the
			// publication date, as a month named alone is.
			q := time.Month(mod[1]-'0') * 3
			y := pub.Year
			if q-2 > pub.Month {
				y--
			}
			per, end, ok = flowwatch.Period{From: flowwatch.Date{Year: y, Month: q - 2, Day: 1}, To: monthPeriod(y, q).To}, s, true
			mod = ""
		}
		if !ok {
			if mod != "" {
				continue
			}
			_ = t
			continue
		}
		switch mod {
		case "early":
			if per.From.Day == 1 && per.From.Month == per.To.Month && per.From.Year == per.To.Year {
				per.To = flowwatch.Date{Year: per.From.Year, Month: per.From.Month, Day: 10}
			} else if per.From.Month == 1 && per.To.Month == 12 {
				per.To = flowwatch.Date{Year: per.From.Year, Month: 4, Day: 30}
			}
		case "mid":
			if per.From.Day == 1 && per.From.Month == per.To.Month {
				d := flowwatch.Date{Year: per.From.Year, Month: per.From.Month, Day: 15}
				per = dayPeriod(d)
			} else if per.From.Month == 1 && per.To.Month == 12 {
				per = flowwatch.Period{From: flowwatch.Date{Year: per.From.Year, Month: 5, Day: 1}, To: flowwatch.Date{Year: per.From.Year, Month: 8, Day: 31}}
			}
		case "late":
			if per.From.Day == 1 && per.From.Month == per.To.Month {
				per.From.Day = 21
			} else if per.From.Month == 1 && per.To.Month == 12 {
				per.From = flowwatch.Date{Year: per.From.Year, Month: 9, Day: 1}
			}
		case "q1", "q2", "q3", "q4":
			// "Q3 2024", "the third quarter of 2024".
			if per.From.Month == 1 && per.To.Month == 12 && per.From.Year == per.To.Year {
				q := time.Month(mod[1]-'0') * 3
				per = flowwatch.Period{From: flowwatch.Date{Year: per.From.Year, Month: q - 2, Day: 1}, To: monthPeriod(per.From.Year, q).To}
			}
		case "first_half", "second_half":
			if per.From.Month == 1 && per.To.Month == 12 && per.From.Year == per.To.Year {
				if mod == "first_half" {
					per.To = flowwatch.Date{Year: per.From.Year, Month: 6, Day: 30}
				} else {
					per.From = flowwatch.Date{Year: per.From.Year, Month: 7, Day: 1}
				}
			}
		case "last":
			// "last October" in October is a year ago.
			if known && per.From.Month == per.To.Month && per.From.Day == 1 && per.From.Year == pub.Year && per.From.Month == pub.Month {
				per = monthPeriod(pub.Year-1, pub.Month)
			}
		case "since":
			// "since 2019, when ..." names the year itself.
			if end < n && toks[end].Low == "," && end+1 < n && toks[end+1].Low == "when" {
				break
			}
			if !known {
				continue
			}
			per.To = pub
		}
		out = append(out, TimeRef{Start: i, End: end, Period: per})
		i = end - 1
	}
	return out
}

// monthSpan reads two months joined at toks[i] ("January and March
// 2025", "between January and March", "from July to September") as one
// period, from the first's start to the second's end.
func (lx *Lexicon) monthSpan(toks []Token, i int, pub flowwatch.Date) (flowwatch.Period, int, bool) {
	n := len(toks)
	if i+2 >= n || toks[i].Low == "may" && toks[i].Text != "May" || toks[i+2].Low == "may" && toks[i+2].Text != "May" {
		return flowwatch.Period{}, i, false
	}
	m1 := lx.month(&toks[i])
	if m1 == 0 || !isCap(&toks[i]) || lx.month(&toks[i+2]) == 0 || !isCap(&toks[i+2]) {
		return flowwatch.Period{}, i, false
	}
	switch toks[i+1].Low {
	case "and", "to", "through", "-", "–", "—":
	default:
		return flowwatch.Period{}, i, false
	}
	if i+3 < n && toks[i+3].Kind == Number && !toks[i+3].Sep && toks[i+3].Num <= 31 {
		return flowwatch.Period{}, i, false // "January and March 3": a day
	}
	per, end, ok := lx.dateAt(toks, i+2, pub, false)
	if !ok || per.From.Day != 1 || per.From.Month != per.To.Month {
		return flowwatch.Period{}, i, false
	}
	y := per.From.Year
	if time.Month(m1) > per.From.Month {
		y-- // "November to February"
	}
	return flowwatch.Period{From: flowwatch.Date{Year: y, Month: time.Month(m1), Day: 1}, To: per.To}, end, true
}

// dateAt reads a date at toks[i]: "February 4", "4 June 2024", "January
// 2024", "October last year", "2024", "Tuesday".
func (lx *Lexicon) dateAt(toks []Token, i int, pub flowwatch.Date, next bool) (flowwatch.Period, int, bool) {
	n := len(toks)
	if i >= n {
		return flowwatch.Period{}, i, false
	}
	known := !pub.IsZero()
	t := &toks[i]
	var yearAt func(k int) (int, int, bool)
	yearAt = func(k int) (int, int, bool) {
		if k+1 < n && toks[k].Low == "of" && i+1 == k {
			// "October of last year", translation's "October of the
			// last year", "March of 2024".
			j := k + 1
			if j+1 < n && toks[j].Low == "the" && toks[j+1].Low == "last" {
				j++
			}
			return yearAt(j)
		}
		if k < n && yearLike(&toks[k]) {
			return int(toks[k].Num), k + 1, true
		}
		if k+1 < n && toks[k].Low == "," && yearLike(&toks[k+1]) {
			return int(toks[k+1].Num), k + 2, true
		}
		if known && k+1 < n && (toks[k].Low == "last" || toks[k].Low == "this" || toks[k].Low == "next") && toks[k+1].Low == "year" {
			switch toks[k].Low {
			case "last":
				return pub.Year - 1, k + 2, true
			case "next":
				return pub.Year + 1, k + 2, true
			}
			return pub.Year, k + 2, true
		}
		return 0, k, false
	}
	if m := lx.month(t); m > 0 && isCap(t) && !(t.Low == "may" && t.Text != "May") {
		k := i + 1
		if k < n && toks[k].Low == "." {
			k++
		}
		// Month day [, year]
		if k < n && toks[k].Kind == Number && !toks[k].Sep && toks[k].Num >= 1 && toks[k].Num <= 31 && !toks[k].Dec {
			d := int(toks[k].Num)
			if y, e, ok := yearAt(k + 1); ok {
				return dayPeriod(flowwatch.NewDate(y, time.Month(m), d)), e, true
			}
			if !known {
				return flowwatch.Period{}, k + 1, false
			}
			return dayPeriod(resolveDay(time.Month(m), d, pub)), k + 1, true
		}
		if y, e, ok := yearAt(k); ok {
			return monthPeriod(y, time.Month(m)), e, true
		}
		if !known {
			return flowwatch.Period{}, k, false
		}
		return monthPeriod(resolveMonth(time.Month(m), pub), time.Month(m)), k, true
	}
	if t.Kind == Number && !t.Sep && !t.Dec && t.Num >= 1 && t.Num <= 31 && i+1 < n {
		if m := lx.month(&toks[i+1]); m > 0 && isCap(&toks[i+1]) {
			d := int(t.Num)
			if y, e, ok := yearAt(i + 2); ok {
				return dayPeriod(flowwatch.NewDate(y, time.Month(m), d)), e, true
			}
			if !known {
				return flowwatch.Period{}, i + 2, false
			}
			return dayPeriod(resolveDay(time.Month(m), d, pub)), i + 2, true
		}
	}
	if yearLike(t) && !t.Glued {
		if i+1 < n && toks[i+1].Glued && toks[i+1].Kind == Word {
			return flowwatch.Period{}, i, false // 1990s
		}
		return yearPeriod(int(t.Num)), i + 1, true
	}
	if wd, ok := lx.weekday(t); ok && isCap(t) && known {
		return dayPeriod(weekday(wd, pub, next)), i + 1, true
	}
	return flowwatch.Period{}, i, false
}
