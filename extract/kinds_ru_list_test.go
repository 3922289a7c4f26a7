package extract_test

import "testing"

// A Telegram list of figures sets a dash after each line's figure: the
// dash stands for "are", so the noun after it (its adjectives too) is
// what the figure counts, and the verb after the noun its event.
func TestKindRuFigureList(t *testing.T) {
	runKinds(t, []kindCase{
		{"ru", "▪️ 3 — северокорейских военных попали в плен под Суджей в марте.",
			[]string{"people soldiers captured 3..3 exact"}},
		{"ru", "🔹 Цифры недели\n▪️ 12 — саперов из КНДР погибли на минных полях Курской области.",
			[]string{"people engineers killed 12..12 exact"}},
		// A dash inside a sentence still opens a clause of its own.
		{"ru", "В Курской области остаются 9 тысяч военных КНДР — в основном пехота.",
			[]string{"people soldiers present 9000..9000 exact"}},
	})
}

// Pay of people from another country, named before the sum ("рабочие из
// Киргизии получают …"), is not North Koreans' pay.
func TestKindRuPaidAbroad(t *testing.T) {
	runKinds(t, []kindCase{
		{"ru", "Северокорейские строители в Казани получают около 60 тысяч рублей в месяц. Рабочие из Таджикистана на той же стройке зарабатывают 100 тысяч рублей в месяц.",
			[]string{"money workers  60000..60000 approx /month"}},
		{"ru", "Строители из КНДР зарабатывают 70 тысяч рублей в месяц.",
			[]string{"money workers  70000..70000 exact /month"}},
	})
}
