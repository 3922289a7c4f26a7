package extract_test

import "testing"

// Russian events and groups: a plan reaching every object of its verb,
// modals a few words from their verb, a modal that belongs to another
// figure, and North Koreans who go or are there to work.
func TestKindRussianLabels(t *testing.T) {
	runKinds(t, []kindCase{
		// ", а также" adds an object to the same verb, not a new clause.
		{"ru", "Пхеньян решил направить в Россию 800 саперов, а также три тысячи военных строителей из КНДР.",
			[]string{"people engineers planned 800..800 exact", "people workers planned 3000..3000 exact"}},
		{"ru", "Принято решение отправить 2 тысячи северокорейских военных, а также 400 инженеров.",
			[]string{"people soldiers planned 2000..2000 exact", "people engineers planned 400..400 exact"}},
		// A modal two words before its verb.
		{"ru", "По данным разведки, около 2 тысяч северокорейских военных могут быть вновь направлены в Россию.",
			[]string{"people soldiers planned 2000..2000 approx"}},
		{"ru", "Еще 3 тысячи солдат КНДР могут быть затем переброшены в Курскую область.",
			[]string{"people soldiers planned 3000..3000 exact"}},
		// A modal before another figure is not this one's when this one
		// has its verb after it.
		{"ru", "КНДР планирует дополнительно отправить 4 тыс. солдат, около 700 северокорейских саперов уже прибыли в Россию.",
			[]string{"people soldiers planned 4000..4000 exact", "people engineers sent 700..700 approx"}},
		// North Koreans who go or are there to work are workers.
		{"ru", "На заработки в Россию отправились тысячи северокорейцев.",
			[]string{"people workers sent 1000.. vague"}},
		{"ru", "В Приморье трудилось около 8 тыс. граждан КНДР.",
			[]string{"people workers present 8000..8000 approx"}},
		{"ru", "Тысячи граждан КНДР ежегодно приезжают работать на стройках России.",
			[]string{"people workers sent 1000.. vague"}},
		// Without a work word they stay nationals, counted at the border.
		{"ru", "В прошлом году в Россию въехали 9 тысяч граждан КНДР.",
			[]string{"people nationals entered 9000..9000 exact"}},
	})
}
