package extract_test

import "testing"

// Russian shapes of 2025-26 reporting: "по крайней мере" is a floor; the
// trades of a building site count workers; casualties a figure is sent to
// replace, joined by "или", are not what befell it.
func TestKindRuShapes2026(t *testing.T) {
	runKinds(t, []kindCase{
		{"ru", "Представитель Пентагона заявил, что по крайней мере 800 северокорейских военных погибли.",
			[]string{"people soldiers killed 800.. at_least"}},
		{"ru", "На стройке в Казани работают около 250 сварщиков и бетонщиков из КНДР.",
			[]string{"people workers present 250..250 approx"}},
		{"ru", "На объектах подрядчика трудятся 120 плиточников и отделочников из Северной Кореи.",
			[]string{"people workers present 120..120 exact"}},
		{"ru", "Пхеньян отправил еще около 1 800 солдат, чтобы заменить тех, кто был убит или ранен под Курском.",
			[]string{"people soldiers sent 1800..1800 approx"}},
		// A casualty of its own after the figure still counts.
		{"ru", "Около 1 800 северокорейских солдат были убиты или ранены под Курском.",
			[]string{"people soldiers killed 1800..1800 approx"}},
	})
}
