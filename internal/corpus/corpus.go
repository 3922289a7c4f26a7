// Package corpus generates synthetic news articles for benchmarks: varied
// figures, places, sources and page clutter, from sentence templates the
// flowwatch authors wrote. The figures are random; nothing here is news.
package corpus

import (
	"fmt"
	"math/rand/v2"
	"strings"
	"time"
)

var (
	places  = []string{"Russia", "the Kursk region", "Vladivostok", "Moscow", "Novosibirsk", "St. Petersburg", "Khabarovsk", "the Donbas", "Primorsky Krai", "occupied Donetsk"}
	sources = []string{"the National Intelligence Service", "the NIS", "the Institute for the Study of War", "Daily NK", "TASS", "Yonhap", "the Pentagon", "Radio Free Asia", "Ukraine's military intelligence", "a South Korean lawmaker"}
	outlets = []string{"Sample Wire", "Sample Daily", "Sample Times", "Sample Herald", "Sample Post"}
	months  = []string{"January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"}

	figureSentences = []string{
		"North Korea has sent about %[1]s workers to %[2]s, according to %[3]s.",
		"%[3]s said on Tuesday that %[1]s North Korean soldiers were deployed to %[2]s in %[4]s.",
		"More than %[1]s North Korean troops have been killed or wounded, %[3]s told reporters.",
		"According to %[3]s, up to %[1]s North Korean construction workers will be sent to %[2]s this year.",
		"Pyongyang plans to dispatch %[1]s military engineers to %[2]s, %[3]s reported.",
		"Each worker is paid about $%[5]d a month, %[3]s said, most of it taken by the state.",
		"Some %[1]s North Koreans entered Russia in %[6]d, %[3]s said, citing border statistics.",
		"Thousands of North Korean labourers are believed to be working in %[2]s.",
	}
	fillerSentences = []string{
		"The two countries signed a mutual defence treaty and have expanded rail and air links since.",
		"Officials in Moscow did not respond to a request for comment.",
		"Analysts say the arrangement gives Pyongyang a steady source of hard currency.",
		"The report could not be independently verified.",
		"Satellite images show new construction near the border crossing.",
		"The UN Security Council banned member states from employing North Korean labour in 2017.",
	}
	clutter = []string{
		"- Advertisement -",
		"Subscribe to our newsletter for daily updates.",
		"Download our app on the App Store and Google Play.",
		"Leave a comment",
		"Photo: a construction site (Sample Photo Agency)",
	}
)

// Article is one generated page in flowwatch's header format.
type Article struct {
	Name string
	Text string
}

// Generate returns the i-th article of the corpus seeded by seed; the same
// (seed, i) always gives the same article, so runs are comparable.
func Generate(seed uint64, i int) Article {
	r := rand.New(rand.NewPCG(seed, uint64(i)))
	pub := time.Date(2024, 1, 1, 0, 0, 0, 0, time.UTC).AddDate(0, 0, r.IntN(700))
	var b strings.Builder
	fmt.Fprintf(&b, "url: https://example.org/flowwatch-bench/%d-%d\n", seed, i)
	fmt.Fprintf(&b, "title: Generated article %d\n", i)
	fmt.Fprintf(&b, "outlet: %s\n", outlets[r.IntN(len(outlets))])
	fmt.Fprintf(&b, "published: %s\n---\n", pub.Format("2006-01-02"))
	fmt.Fprintf(&b, "North Korean deployment to %s continues, report says\n\n", places[r.IntN(len(places))])
	paragraphs := 4 + r.IntN(6)
	for p := 0; p < paragraphs; p++ {
		if r.IntN(4) == 0 {
			b.WriteString(clutter[r.IntN(len(clutter))])
			b.WriteString("\n\n")
		}
		sentences := 2 + r.IntN(3)
		for s := 0; s < sentences; s++ {
			if s > 0 {
				b.WriteByte(' ')
			}
			if r.IntN(2) == 0 {
				t := figureSentences[r.IntN(len(figureSentences))]
				fig := fmt.Sprintf("%d,%03d", 1+r.IntN(20), r.IntN(1000))
				if strings.Contains(t, "%[1]s") && r.IntN(3) == 0 {
					fig = fmt.Sprint(100 * (1 + r.IntN(9)))
				}
				s := fmt.Sprintf(t, fig, places[r.IntN(len(places))], sources[r.IntN(len(sources))],
					months[r.IntN(12)], 500+50*r.IntN(10), 2023+r.IntN(3))
				b.WriteString(upperFirst(s))
			} else {
				b.WriteString(fillerSentences[r.IntN(len(fillerSentences))])
			}
		}
		b.WriteString("\n\n")
	}
	// Pages end with links to other stories, whose figures are not claims.
	b.WriteString("Related Articles\n\n")
	for k := 0; k < 3; k++ {
		fmt.Fprintf(&b, "Sample story about %d tourists visiting %s\n\n", 10*(1+r.IntN(90)), places[r.IntN(len(places))])
	}
	return Article{Name: fmt.Sprintf("gen-%06d", i), Text: b.String()}
}

func upperFirst(s string) string {
	if s == "" || s[0] < 'a' || s[0] > 'z' {
		return s
	}
	return string(s[0]-'a'+'A') + s[1:]
}
