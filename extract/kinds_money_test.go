package extract_test

import "testing"

// Whose a wage, a sum or a share is when its sentence names no people,
// or only "workers" in an article about IT workers.
func TestKindMoneyOwner(t *testing.T) {
	runKinds(t, []kindCase{
		// A share of wages with no people named is the workers'.
		{"en", "The North Korean crews sleep in containers near the site. They receive a small part of their wages, while as much as 65 percent goes to the state.",
			[]string{"share workers  ..65 at_most"}},
		// "They" and "workers" after IT workers are those IT workers.
		{"en", "North Korea hires out its IT workers to firms abroad. They keep little, with 75% of their pay sent to Pyongyang.",
			[]string{"share it_workers  75..75 exact"}},
		{"en", "Pyongyang sends programmers abroad under false names.\n\nRemote work schemes earn $200m-$450m a year for North Korea.",
			[]string{"money it_workers  200000000..450000000 range /year"}},
		{"en", "North Korean IT workers earn about $4,500 a month. Of that, workers must hand about $1,500 to the state.",
			[]string{"money it_workers  4500..4500 approx /month", "money it_workers  1500..1500 approx /null"}},
		// Words of IT work name the workers' trade.
		{"en", "The video shows North Korean workers with skills in tech who take jobs on their laptops, and 70% of their income goes to the state.",
			[]string{"share it_workers  70..70 exact"}},
		// A sum of wages with North Korea named is the workers'.
		{"en", "Wages paid in Russia could be bringing $120‑$280 million to North Korea every year.",
			[]string{"money workers  120000000..280000000 range /year"}},
		// A growth rate, a share of land or trade and a country's GDP are
		// nobody's claim.
		{"en", "The number of North Korean workers in Russia grew by 45% last year.", nil},
		{"en", "The North Korean troops helped Russia retake more than 70 per cent of the territory held by Kyiv.", nil},
		{"en", "Pyongyang earned $300 million from its soldiers in Russia, about 2% of North Korea's GDP of 30 trillion won.",
			[]string{"money soldiers  300000000..300000000 exact /null"}},
		// A price is no one's pay.
		{"en", "North Korean workers built the new beach resort. A week-long tour package now costs about $1,300 per person, the operator said.", nil},
		// Wages stated several sentences after the North Koreans are named.
		{"en", "A court charged a group of North Korean nationals on Monday. The scheme ran for six years. Prosecutors seized laptops in four states. Banks froze the accounts.\n\nThe IT workers, some of whom earned up to $250,000 a year, used stolen identities.",
			[]string{"money it_workers  ..250000 at_most /year"}},
		// Other workers stay workers.
		{"en", "North Korean construction workers in Vladivostok earn about $600 a month.",
			[]string{"money workers  600..600 approx /month"}},
		{"en", "North Korea sends programmers abroad. Its soldiers in Kursk are paid about $2,000 a month.",
			[]string{"money soldiers  2000..2000 approx /month"}},
	})
}

// A rate of exchange prices one currency in another: neither of its sums
// is anyone's pay, while a wage before the rate in another clause stays.
func TestKindMoneyExchangeRate(t *testing.T) {
	runKinds(t, []kindCase{
		{"ko", "하바롭스크의 북한 건설 노동자들은 월 6만 루블가량을 받는다. 요즘 환율은 1달러에 90루블 안팎이다.",
			[]string{"money workers  60000..60000 approx /month"}},
		{"ko", "북한 벌목공의 월급은 300달러 수준인데, 원화 환율이 1400원을 넘으면서 송금액이 줄었다.",
			[]string{"money workers  300..300 approx /month"}},
		{"ru", "Рабочие из КНДР на стройках Хабаровска получают около 70 тысяч рублей в месяц. Курс доллара при этом держится около 95 рублей.",
			[]string{"money workers  70000..70000 approx /month"}},
	})
}
