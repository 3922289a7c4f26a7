package extract_test

import "testing"

// Russian attribution frames that recur across outlets: a plural anaphor
// of a body's data ("по их данным"), a quotation closed by "— сказал он"
// after a person the gazetteer does not know, a newspaper group's TV
// channel named as such.
func TestKindRussianSourcesFrames(t *testing.T) {
	checkSources(t, []sourceCase{
		// "их" points back to the body that reported in the sentence before.
		{"their-data", "ru", "Южнокорейская разведка сообщила, что КНДР готовит новую отправку войск. По их данным, около двух тысяч северокорейских саперов уже прибыли в Россию.", "NIS"},
		{"their-estimates", "ru", "В пятницу выступили представители национальной разведки Южной Кореи. По их оценкам, в Курской области погибли около 300 военных КНДР.", "NIS"},
		// "— сказал он" closes a quotation whose speaker the sentence
		// before named in full, a person the gazetteer does not know.
		{"said-he-unknown", "ru", "На встрече выступил советник губернатора Андрей Мельников.\n\"Сейчас в крае работают около 4 тысяч рабочих из КНДР. Весной их станет больше\", - сказал он.", "Andrei Melnikov"},
		// A newspaper group's television channel is its own outlet.
		{"tv-channel", "ru", "Телеканал TV Chosun сообщил, что в Россию прибыли еще 3 тысячи северокорейских военных строителей.", "TV Chosun"},
		{"tv-channel-short", "ru", "Как сообщил телеканал Chosun, в Россию прибыли еще 3 тысячи северокорейских военных строителей.", "TV Chosun"},
	})
}

// A country's authorities and its official data are sources of their
// own ("власти США", "как утверждают украинские власти", "российские
// официальные данные"), and so is the State Department in full.
func TestKindRussianSourcesAuthorities(t *testing.T) {
	checkSources(t, []sourceCase{
		{"us-authorities", "ru", "Власти США заявили, что в Россию прибыли еще 5 тысяч северокорейских военных.", "US government"},
		{"us-authorities-adj", "ru", "Американские власти утверждают, что около 3 тысяч военных КНДР находятся у границы.", "US government"},
		{"ua-authorities", "ru", "Как утверждают украинские власти, у Курска стоят еще 7 тысяч военных КНДР.", "Ukrainian authorities"},
		{"ru-official-data", "ru", "Согласно официальным российским данным, за первое полугодие въезд получили 2 100 граждан КНДР.", "Russian official data"},
		{"state-department", "ru", "Государственный департамент США сообщил, что в Россию переброшены 4 тысячи военных КНДР.", "US State Department"},
	})
}

// A figure-less sentence that says whose statement the one before was
// ("С таким заявлением выступил ..."), and an anaphor of the data the
// sentence before cited ("В соответствии с ними, ...").
func TestKindRussianSourcesStatementBack(t *testing.T) {
	checkSources(t, []sourceCase{
		{"such-statement", "ru", "В Курской области находятся 6 тысяч северокорейских военных. С таким заявлением выступил представитель Госдепартамента США.", "US State Department"},
		{"such-statement-2", "ru", "КНДР отправила в Россию еще 2 тысячи военных. Такое заявление сделала южнокорейская разведка.", "NIS"},
		{"per-them", "ru", "Издание сослалось на данные Росстата о въезде иностранцев. В соответствии с ними, за лето в Россию въехали 2 500 граждан КНДР.", "Rosstat"},
	})
}

// A report goes on in the next sentence about another unit of the same
// side ("Кроме того, ... саперов"): the figure keeps the report's source;
// civilians after troops do not.
func TestKindRussianSourcesSameSide(t *testing.T) {
	checkSources(t, []sourceCase{
		{"engineers-after-troops", "ru", "Разведка Южной Кореи в своем докладе для парламента указала, что КНДР готовит отправку еще 4 тысяч военных. При этом около 800 северокорейских саперов уже прибыли в Курскую область.", "NIS"},
	})
	got := sourcesOf("ru", "Южнокорейская разведка сообщила, что КНДР готовит отправку еще 4 тысяч военных. При этом около 800 северокорейских рабочих уже прибыли в Приморье.")
	if len(got) != 2 || got[1] != "-" {
		t.Errorf("workers after troops: sources %v, want the second unattributed", got)
	}
}
