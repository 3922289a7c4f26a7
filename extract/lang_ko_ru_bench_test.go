package extract_test

import (
	"fmt"
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/flowwatch/flowwatch"
	"github.com/flowwatch/flowwatch/clean"
)

// Korean and Russian benchmark articles, generated like internal/corpus's
// English ones: figure sentences, filler and page clutter from templates
// the flowwatch authors wrote, random figures. Nothing here is news.
var (
	koFigureSentences = []string{
		"국정원은 북한이 %[2]s에 노동자 %[1]s 명을 보냈다고 %[3]d일 밝혔다.",
		"%[4]s에 따르면 북한군 %[1]s여 명이 %[2]s에 배치된 것으로 추정된다.",
		"이 가운데 최소 %[1]s 명이 전사하고 수백 명이 부상한 것으로 파악됐다.",
		"북한은 올해 %[2]s에 최대 %[1]s 명의 공병을 추가로 파견할 계획이다.",
		"지난해 러시아에 입국한 북한 주민은 %[1]s 명으로 집계됐다고 %[4]s가 전했다.",
		"북한 노동자 월급은 월 %[5]d달러 수준이지만 대부분을 당국이 가져간다.",
		"수천 명의 북한 근로자가 %[2]s 건설 현장에서 일하고 있는 것으로 알려졌다.",
	}
	koFiller = []string{
		"양국은 지난해 포괄적 전략적 동반자 관계 조약을 맺은 뒤 철도와 항공 노선을 늘렸다.",
		"러시아 당국은 관련 질의에 답하지 않았다.",
		"전문가들은 이 같은 파견이 북한의 외화벌이 수단이 되고 있다고 분석했다.",
		"이 내용은 독자적으로 확인되지 않았다.",
	}
	koClutter = []string{"자동요약", "글자크기 설정", "많이 본 기사", "[저작권자(c) 무단전재 및 재배포 금지]"}
	koPlaces  = []string{"러시아", "쿠르스크", "블라디보스토크", "연해주", "모스크바"}
	koSources = []string{"국정원", "데일리NK", "연합뉴스", "NK뉴스", "합참"}

	ruFigureSentences = []string{
		"По данным НИС, КНДР направила в %[2]s около %[1]s военнослужащих.",
		"В %[2]s прибыли %[1]s северокорейских рабочих, сообщает %[4]s.",
		"По меньшей мере %[1]s солдат КНДР погибли, а еще сотни получили ранения.",
		"Пхеньян направит в %[2]s до %[1]s военных строителей, заявил Сергей Шойгу.",
		"В прошлом году в Россию въехали %[1]s граждан КНДР, следует из данных ФСБ.",
		"Зарплата северокорейских рабочих составляет около %[5]d долларов в месяц.",
		"Тысячи северокорейских рабочих трудятся на стройках в %[2]s.",
	}
	ruFiller = []string{
		"Стороны подписали договор о всеобъемлющем стратегическом партнерстве.",
		"В Министерстве обороны не ответили на запрос.",
		"Аналитики считают, что так Пхеньян получает валюту.",
		"Эти данные не удалось независимо проверить.",
	}
	ruClutter = []string{"Все материалы", "Читайте также", "Подписывайтесь на наш канал", "Реклама"}
	ruPlaces  = []string{"Россию", "Курскую область", "Приморье", "Москву", "Владивосток"}
	ruSources = []string{"ТАСС", "РИА Новости", "Коммерсант", "NK News", "Интерфакс"}
)

func genLangArticle(lang string, seed uint64, i int) (string, string) {
	r := rand.New(rand.NewPCG(seed, uint64(i)))
	figs, fill, clutter, places, sources := koFigureSentences, koFiller, koClutter, koPlaces, koSources
	if lang == "ru" {
		figs, fill, clutter, places, sources = ruFigureSentences, ruFiller, ruClutter, ruPlaces, ruSources
	}
	var b strings.Builder
	fmt.Fprintf(&b, "title: generated %s %d\nlang: %s\npublished: 2025-%02d-%02d\n---\n", lang, i, lang, 1+r.IntN(12), 1+r.IntN(28))
	b.WriteString(fmt.Sprintf(figs[r.IntN(len(figs))], "1000", places[0], 1, sources[0], 800))
	b.WriteString("\n\n")
	for p, n := 0, 4+r.IntN(6); p < n; p++ {
		if r.IntN(4) == 0 {
			b.WriteString(clutter[r.IntN(len(clutter))] + "\n\n")
		}
		for s, m := 0, 2+r.IntN(3); s < m; s++ {
			if s > 0 {
				b.WriteByte(' ')
			}
			if r.IntN(2) == 0 {
				fig := fmt.Sprint(100 * (1 + r.IntN(90)))
				if lang == "ko" && r.IntN(2) == 0 {
					fig = fmt.Sprintf("%d만%d천", 1+r.IntN(3), r.IntN(10))
				}
				if lang == "ru" && r.IntN(2) == 0 {
					fig = fmt.Sprintf("%d тысяч", 5+r.IntN(15))
				}
				fmt.Fprintf(&b, figs[r.IntN(len(figs))], fig, places[r.IntN(len(places))], 1+r.IntN(28), sources[r.IntN(len(sources))], 500+r.IntN(1500))
			} else {
				b.WriteString(fill[r.IntN(len(fill))])
			}
		}
		b.WriteString("\n\n")
	}
	return fmt.Sprintf("gen-%s-%d", lang, i), b.String()
}

// BenchmarkExtractKO and BenchmarkExtractRU measure extraction alone over
// 200 generated articles, as BenchmarkExtract does for English; MB/s is
// bytes of cleaned text.
func BenchmarkExtractKO(b *testing.B) { benchLang(b, "ko") }

func BenchmarkExtractRU(b *testing.B) { benchLang(b, "ru") }

func benchLang(b *testing.B, lang string) {
	var arts []*flowwatch.Article
	size := 0
	for i := 0; i < 200; i++ {
		name, text := genLangArticle(lang, 1, i)
		a, err := clean.Parse(name, []byte(text))
		if err != nil {
			b.Fatal(err)
		}
		arts = append(arts, a)
		size += len(a.Text)
	}
	x := extractor()
	x.Extract(arts[0]) // compile the language module before the timer
	b.SetBytes(int64(size))
	b.ResetTimer()
	claims := 0
	cpu0 := cpuTime()
	for i := 0; i < b.N; i++ {
		for _, a := range arts {
			claims += len(x.Extract(a))
		}
	}
	cpu := cpuTime() - cpu0
	b.ReportMetric(float64(claims)/float64(b.N)/float64(len(arts)), "claims/article")
	// As for BenchmarkExtract: MB per CPU second is the fair comparison on
	// a shared machine.
	if cpu > 0 {
		b.ReportMetric(float64(size)*float64(b.N)/cpu.Seconds()/1e6, "MB/cpu-s")
	}
}

// TestGeneratedLangArticles keeps the benchmark honest: the generated
// articles must read as their language and yield claims.
func TestGeneratedLangArticles(t *testing.T) {
	for _, lang := range []string{"ko", "ru"} {
		claims := 0
		for i := 0; i < 5; i++ {
			name, text := genLangArticle(lang, 1, i)
			a, err := clean.Parse(name, []byte(text))
			if err != nil {
				t.Fatal(err)
			}
			if a.Lang != lang {
				t.Errorf("%s: language %q, want %q", name, a.Lang, lang)
			}
			claims += len(extractor().Extract(a))
		}
		if claims < 10 {
			t.Errorf("%s: %d claims in 5 generated articles; the templates should give more", lang, claims)
		}
	}
}
