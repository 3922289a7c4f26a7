package extract_test

import "testing"

// Transcripts of podcasts and interviews: a turn is its speaker's, named
// as the article writes the name in running text.
func TestSourceTranscriptTurns(t *testing.T) {
	checkSources(t, []sourceCase{
		{"surname label", "en", "[00:00:05] HOST: My guest is Daniel Okafor, who studies Korean security at a think tank.\n\n[00:00:40] OKAFOR: Pyongyang has sent something like fifteen thousand soldiers to Russia by now.", "Daniel Okafor"},
		{"full label", "en", "Transcript of episode 12.\n\nSUSAN PARK: We think about 4,000 North Korean workers went to Russia last year.\n\nHOST: Thank you, Susan Park.", "Susan Park"},
		// A sentence of the turn that names whom it relays keeps it.
		{"relayed", "en", "[00:00:05] HOST: With me is Daniel Okafor.\n\n[00:00:40] OKAFOR: Look, the NIS said about 2,500 North Korean soldiers were killed.", "NIS"},
		// A label no running text writes as a name is an office: nobody.
		{"office", "en", "Q (MBC): Can you give us a number for Kursk?\n\nSPOKESPERSON: Roughly 11,000 North Korean soldiers remain there.", "-"},
	})
}

// An aggregator credits each paragraph to the outlet it took it from
// ("AFP — …"): the outlet relays; a source the paragraph names, or one
// "the agency" points back to, tells.
func TestSourceCreditLines(t *testing.T) {
	checkSources(t, []sourceCase{
		{"credit and named", "en", "AFP — About 3,500 North Korean soldiers were wounded in March, according to Ukraine's military intelligence.", "GUR"},
		{"credit and anaphor", "en", "YONHAP — The NIS briefed parliament on Monday.\n\nREUTERS — According to the spy agency, some 4,000 North Korean builders are on their way to Kursk.", "NIS"},
		{"credit alone", "en", "REUTERS — Around 600 North Korean workers landed in Vladivostok this week.", "Reuters"},
		// Headlines drop the possessive.
		{"headline", "en", "Seoul spy agency says 1,800 North Korean soldiers have died in Kursk", "NIS"},
	})
}

// A closing reporting clause tells the whole sentence; a phrase of "by"
// inside it names whose plan or report the text mentions.
func TestSourceClosingClause(t *testing.T) {
	checkSources(t, []sourceCase{
		{"officials close", "en", "About 1,500 North Korean sappers reached Kursk in summer through the accord signed by Sergei Shoigu, and some 2,500 builders followed, Japanese officials say.", "Japanese officials"},
		{"body closes", "en", "Some 6,000 North Korean builders went to Russia under the plan announced by Sergei Shoigu, the NIS said on Friday.", "NIS"},
		// An outlet closing it only relays.
		{"outlet closes", "en", "Some 6,000 North Korean builders went to Russia under the plan announced by Sergei Shoigu, Yonhap reported.", "Sergei Shoigu"},
	})
}
