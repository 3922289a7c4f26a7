package extract

import (
	"testing"

	"github.com/flowwatch/flowwatch"
)

// The first cell of a row names its year or a quarter of it.
func TestMLCellTime(t *testing.T) {
	for _, tc := range []struct{ cell, from, to string }{
		{" 2019 ", "2019-01-01", "2019-12-31"},
		{"2025 1분기", "2025-01-01", "2025-03-31"},
		{"III квартал 2024", "2024-07-01", "2024-09-30"},
		{"Q4 2023", "2023-10-01", "2023-12-31"},
		{"Период", "", ""},
	} {
		p := mlCellTime(tc.cell)
		from, to := "", ""
		if p != nil {
			from, to = p.From.String(), p.To.String()
		}
		if from != tc.from || to != tc.to {
			t.Errorf("%q: got %s..%s, want %s..%s", tc.cell, from, to, tc.from, tc.to)
		}
	}
}

// "Early 2025" is its first quarter in Korean and Russian too, and two
// months a dash joins are the months between.
func TestMLTimesEarlyAndMonthDash(t *testing.T) {
	pub := flowwatch.NewDate(2025, 6, 1)
	for _, tc := range []struct{ lang, text, from, to string }{
		{"ko", "북한은 2024년 초 노동자 3천 명을 보냈다.", "2024-01-01", "2024-03-31"},
		{"ko", "북한은 올해 초 노동자 3천 명을 보냈다.", "2025-01-01", "2025-03-31"},
		{"ko", "북한은 지난해 가을 군인 9천 명을 보냈다.", "2024-09-01", "2024-11-30"},
		{"ko", "북한은 2024년 여름 노동자 2천 명을 보냈다.", "2024-06-01", "2024-08-31"},
		{"ru", "В начале 2024 года КНДР направила 2 тысячи военных.", "2024-01-01", "2024-03-31"},
		{"ru", "За апрель–июнь 2024 года въехали 900 граждан КНДР.", "2024-04-01", "2024-06-30"},
		{"ru", "В апреле — июне 2024 года въехали 900 граждан КНДР.", "2024-04-01", "2024-06-30"},
		// Seasons (meteorological, as "last fall" is read) and weekdays.
		{"ru", "Осенью 2024 года КНДР отправила 9 тысяч военных.", "2024-09-01", "2024-11-30"},
		{"ru", "Зимой разведка оценивала потери КНДР в 3 тысячи человек.", "2024-12-01", "2025-02-28"},
		{"ru", "Прошлой весной в Приморье работали 900 граждан КНДР.", "2025-03-01", "2025-05-31"},
		{"ru", "Осенью в Курскую область прибыли 900 саперов КНДР.", "2024-09-01", "2024-11-30"},
		{"ru", "Об этом во вторник сообщил представитель разведки.", "2025-05-27", "2025-05-27"},
	} {
		s := &mlSent{text: tc.text, low: mlLower(tc.text)}
		var ts []mlTime
		if tc.lang == "ko" {
			ts = koTimes(s, pub)
		} else {
			s.toks = mlTokenize(tc.text)
			ts = ruTimes(s, pub)
		}
		ok := false
		for _, x := range ts {
			if x.period != nil && x.period.From.String() == tc.from && x.period.To.String() == tc.to {
				ok = true
			}
		}
		if !ok {
			t.Errorf("%s: no period %s..%s in %+v", tc.text, tc.from, tc.to, ts)
		}
	}
}
