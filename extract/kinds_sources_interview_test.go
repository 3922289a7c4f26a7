package extract_test

import "testing"

// An interview whose labels are names ("Park:"), recurring with the
// interviewer's, is an exchange of turns too; "we" in a turn is whoever
// has it, not the body named last.
func TestSourceInterviewTurns(t *testing.T) {
	checkSources(t, []sourceCase{
		{"name labels", "en", "Mr. Park, a former builder, spoke to us in Seoul.\n\nRadio Free Asia: Where did you work?\n\nPark: On a site in Khabarovsk. We were 120 North Korean builders there.\n\nRadio Free Asia: And your pay?\n\nPark: The company got $600 a month for each North Korean worker.", "Park"},
		{"we in a witness's turn", "en", "CHAIR: The committee will come to order.\n\nLINDQVIST: Thank you. I am Erik Lindqvist. The NIS has briefed us before. We assess that about 7,500 North Korean soldiers were wounded in Kursk.", "Erik Lindqvist"},
		// One label that recurs is no interview.
		{"a lone recurring label", "en", "Update: Kim met Shoigu in Pyongyang.\n\nUpdate: Some 900 North Korean workers arrived in Nakhodka, Park said.", "Park"},
	})
}
