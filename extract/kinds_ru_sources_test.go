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
		{"tv-channel", "ru", "Телеканал TV Chosun подсчитал, что в Россию прибыли еще 3 тысячи северокорейских военных строителей.", "TV Chosun"},
		{"tv-channel-short", "ru", "Как сообщил телеканал Chosun, в Россию прибыли еще 3 тысячи северокорейских военных строителей.", "TV Chosun"},
	})
}
