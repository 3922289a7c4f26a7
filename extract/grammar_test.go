package extract

import (
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/flowwatch/flowwatch"
	"github.com/flowwatch/flowwatch/domain"
)

// grammarVars are the variables the grammar file's lists load into, by
// lang/name, so a test can read an example without its list.
var grammarVars = map[string]any{
	"en/level_words":         &levelWords,
	"en/site_suffix":         &siteSuffix,
	"en/bare_before":         &bareBefore,
	"en/subject_adverb":      &subjectAdverb,
	"en/report_verb":         &reportVerb,
	"en/speaker_verb":        &speakerVerb,
	"en/name_joiner":         &nameJoiner,
	"en/strength_word":       &strengthWord,
	"en/event_noun_modifier": &eventNounModifier,
	"en/state_adverb":        &stateAdverb,
	"en/self_pronoun":        &selfPronoun,
	"en/range_from":          &rangeFrom,
	"en/part_pronoun":        &partPronoun,
	"en/part_quantifier":     &partQuantifier,
	"en/scale_after":         &scaleAfter,
	"en/member_noun":         &memberNoun,
	"en/share_pronoun":       &sharePronoun,
	"en/reward_word":         &rewardWord,
	"en/report_noun":         &reportNoun,
	"en/phrase_opener":       &phraseOpener,
	"en/plan_object":         &planObject,
	"en/wave_ordinal":        &waveOrdinal,
	"en/purpose_marker":      &purposeMarker,
	"en/purpose_noun":        &purposeNoun,
	"en/report_aside":        &reportAside,
	"en/unit_noun":           &unitNoun,
	"en/story_people":        &storyPeople,
	"en/numbering_word":      &numberingWord,
	"en/engineer_modifier":   &engineerModifier,
	"en/own_estimate":        &ownEstimate,
	"en/wh_word":             &whWord,
	"en/negator":             &negator,
	"en/conditional":         &conditional,
	"en/checked_label":       &checkedLabel,
	"en/teller_person":       &tellerPerson,
	"en/teller_outlet":       &tellerOutlet,
	"en/teller_body":         &tellerBody,
	"en/publish_verb":        &publishVerb,
	"en/publication_noun":    &publicationNoun,
	"en/composition_cue":     &compositionCue,
	"ko/report_nouns":        &koReportNouns,
	"ko/level_verbs":         &koLevelVerbs,
	"ko/back_endings":        &koBackEndings,
	"ko/source_nouns":        &koSourceNouns,
	"ko/conditional_endings": &koConditionals,
	"ru/object_preps":        &ruObjectPreps,
	"ru/held_heads":          &ruHeldHeads,
	"ru/level_verbs":         &ruLevelVerbs,
	"ru/replenish":           &ruReplenish,
	"ru/phrase_opener":       &ruPhraseOpener,
	"ru/loss_killed":         &ruLossKilled,
	"ru/part_opener":         &ruPartOpener,
	"ru/negator":             &ruNegator,
}

// withoutList empties the list lang/name until the returned func
// restores it. The tests that call it do not run in parallel: the lists
// are package state.
func withoutList(t *testing.T, lang, name string) func() {
	t.Helper()
	switch v := grammarVars[lang+"/"+name].(type) {
	case *map[string]bool:
		old := *v
		*v = map[string]bool{}
		return func() { *v = old }
	case *[]string:
		old := *v
		*v = nil
		return func() { *v = old }
	default:
		t.Fatalf("grammar list %s/%s has no variable in grammarVars", lang, name)
		return nil
	}
}

// grammarClaim is a claim as the grammar file's examples write it.
func grammarClaim(c flowwatch.Claim) string {
	num := func(p *float64) string {
		if p == nil {
			return ""
		}
		return strconv.FormatFloat(*p, 'f', -1, 64)
	}
	src := c.Source
	if src == "" {
		src = "-"
	}
	return c.Kind + " " + c.Group + " " + c.Event + " " + num(c.Low) + ".." + num(c.High) + " " + c.Qualifier + " " + src
}

func readGrammarExample(x *Extractor, ex domain.GrammarExample) []string {
	// An example about times writes each claim's "when=FROM..TO" too.
	withWhen := slices.ContainsFunc(ex.Claims, func(c string) bool { return strings.Contains(c, " when=") })
	var got []string
	for _, c := range x.Extract(&flowwatch.Article{Name: "t", Text: ex.Text, Lang: ex.Lang}) {
		s := grammarClaim(c)
		if withWhen {
			w := "-"
			if c.When != nil {
				w = c.When.From.String() + ".." + c.When.To.String()
			}
			s += " when=" + w
		}
		got = append(got, s)
	}
	slices.Sort(got)
	return got
}

// TestGrammarExamples reads every example of the grammar file with its
// list, where it must give the claims the example states, and without
// it, where it must give others: each example shows its list at work.
func TestGrammarExamples(t *testing.T) {
	x := New(domain.Default())
	x.SetModel(nil) // the rules alone, as the other tables of constructions read them
	for _, ex := range domain.DefaultGrammar().Examples {
		want := slices.Sorted(slices.Values(ex.Claims))
		got := readGrammarExample(x, ex)
		if !slices.Equal(got, want) {
			t.Errorf("%s/%s %q:\n got  %q\n want %q", ex.Lang, ex.List, ex.Text, got, want)
		}
		restore := withoutList(t, ex.Lang, ex.List)
		without := readGrammarExample(x, ex)
		restore()
		if slices.Equal(without, got) {
			t.Errorf("%s/%s %q: reads %q without the list too; the example does not show what the list does", ex.Lang, ex.List, ex.Text, got)
		}
	}
}

// TestGrammarListsUsed: every list of the grammar file has a variable the
// rules read and at least one example, and every such variable a list.
func TestGrammarListsUsed(t *testing.T) {
	g := domain.DefaultGrammar()
	inFile := map[string]bool{}
	for _, l := range g.Lists {
		k := l.Lang + "/" + l.Name
		inFile[k] = true
		if grammarVars[k] == nil {
			t.Errorf("grammar list %s is loaded by no variable in grammarVars", k)
		}
		if !slices.ContainsFunc(g.Examples, func(e domain.GrammarExample) bool { return e.Lang == l.Lang && e.List == l.Name }) {
			t.Errorf("grammar list %s has no example", k)
		}
	}
	for k := range grammarVars {
		if !inFile[k] {
			t.Errorf("grammarVars names %s, which data/grammar.json lacks", k)
		}
	}
}
