package extract

import (
	"strings"
	"testing"

	"github.com/flowwatch/flowwatch"
)

// Russian times of 2025-26 reporting: a year with the ending of год after
// a pair of months, a pair joined by "и", the months of a year counted
// from January ("за девять месяцев"), and the end of a year.
func TestRUTimesShapes2026(t *testing.T) {
	pub := flowwatch.NewDate(2025, 12, 3)
	for _, tc := range []struct{ text, from, to string }{
		{"В марте — апреле 2025-го в Приморье приехали еще 700 рабочих из КНДР.", "2025-03-01", "2025-04-30"},
		{"Пхеньян перебросил около 1 200 солдат в мае и июне, сообщили в Сеуле.", "2025-05-01", "2025-06-30"},
		{"За семь месяцев 2025 года на учет встали 5,2 тыс. граждан КНДР.", "2025-01-01", "2025-07-31"},
		{"За первые четыре месяца прошлого года въехали 3 000 граждан КНДР.", "2024-01-01", "2024-04-30"},
		{"К концу 2023 года в стране оставалось около 8 тыс. рабочих из КНДР.", "2023-12-01", "2023-12-31"},
		{"Разведка 2-го числа оценила потери КНДР в 3 000 человек.", "2025-12-02", "2025-12-02"},
		{"Министерство 20-го числа сообщило о 900 рабочих.", "2025-11-20", "2025-11-20"},
		{"На конец 2024 года в Хабаровском крае числились 1 900 граждан КНДР.", "2024-12-01", "2024-12-31"},
		// теперь is now, as сейчас: the publication date.
		{"Теперь в Приморье ждут еще 800 рабочих из КНДР.", "2025-12-03", "2025-12-03"},
		{"Мы теперь полагаем, что 4 тыс. военных КНДР добрались до Брянска.", "2025-12-03", "2025-12-03"},
	} {
		checkRUPeriod(t, pub, tc.text, tc.from, tc.to)
	}
	// Months joined by "и" in the wrong order are two times, and months
	// counted after "за" with no year named are no period of a year.
	for _, tc := range []struct{ text, want string }{
		{"В июне и мае прибыли.", "2025-06-01..2025-06-30"},
		{"За девять месяцев прибыли 300 рабочих.", ""},
	} {
		var got []string
		for _, x := range ruTimes(&mlSent{text: tc.text}, pub) {
			got = append(got, fmtPeriod(x.period))
		}
		if strings.Join(got, "|") != tc.want {
			t.Errorf("%s: got %q, want %q", tc.text, got, tc.want)
		}
	}
}
