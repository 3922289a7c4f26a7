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

// Machine translations from Korean keep its order: the group, the count,
// then the infinitive and the modal ("отправить решила"), a plan; a
// modal before ", и" leaves the next clause's figure, with a verb of its
// own, to that verb. Special forces are soldiers.
func TestKindRuTranslatedOrder(t *testing.T) {
	runKinds(t, []kindCase{
		{"ru", "Разведка сообщила, что Северная Корея в Россию военных строителей около 4 000 человек направить планирует.",
			[]string{"people workers planned 4000..4000 approx"}},
		{"ru", "Ранее сообщалось, что КНДР в Россию специальные силы примерно восемь тысяч человек перебросить решила, и первые 900 человек поездом в Хабаровск прибыли.",
			[]string{"people soldiers planned 8000..8000 approx", "people soldiers sent 900..900 exact"}},
		// The figure without a verb of its own after it keeps the plan.
		{"ru", "Пхеньян решил перебросить еще около 3 000 солдат, и Москва это подтвердила.",
			[]string{"people soldiers planned 3000..3000 approx"}},
	})
}

// A country in the genitive right after a noun of people ("гражданам
// Вьетнама", "рабочих Узбекистана") makes them another people, as "из
// Узбекистана" does, however far the noun stands from the figure.
func TestKindRuCitizensOf(t *testing.T) {
	runKinds(t, []kindCase{
		{"ru", "Еще около 2 тыс. разрешений на работу в крае за полгода получили граждане Вьетнама.",
			nil},
		{"ru", "За полгода в крае выдали 1 400 разрешений на работу гражданам КНДР.",
			[]string{"people workers entered 1400..1400 exact"}},
	})
}

// A lone "один" agrees with the noun right after it and counts that: "с
// одной зарплаты рабочего" is one wage, not one worker; a people word or
// an adjective after it leaves it a count of people.
func TestKindRuOneOfAThing(t *testing.T) {
	runKinds(t, []kindCase{
		{"ru", "По словам дипломата, с одной зарплаты северокорейского строителя в России живет вся его семья.",
			nil},
		{"ru", "На одну стройку под Москвой КНДР направила около 300 рабочих.",
			[]string{"people workers sent 300..300 approx"}},
	})
}
