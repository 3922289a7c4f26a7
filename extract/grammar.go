package extract

import "github.com/flowwatch/flowwatch/domain"

// The grammar's closed word lists live in domain/data/grammar.json with a
// note and examples each; they are read once here, into the sets and
// slices the rules look up, so that no call pays for their being data.
var grammarData = domain.DefaultGrammar()

var (
	levelWords        = grammarData.Set("en", "level_words")
	siteSuffix        = grammarData.Set("en", "site_suffix")
	bareBefore        = grammarData.Set("en", "bare_before")
	subjectAdverb     = grammarData.Set("en", "subject_adverb")
	reportVerb        = grammarData.Set("en", "report_verb")
	speakerVerb       = grammarData.Set("en", "speaker_verb")
	nameJoiner        = grammarData.Set("en", "name_joiner")
	strengthWord      = grammarData.Set("en", "strength_word")
	eventNounModifier = grammarData.Set("en", "event_noun_modifier")
	compositionCue    = grammarData.Set("en", "composition_cue")
	stateAdverb       = grammarData.Set("en", "state_adverb")
	selfPronoun       = grammarData.Set("en", "self_pronoun")
	rangeFrom         = grammarData.Set("en", "range_from")
	partPronoun       = grammarData.Set("en", "part_pronoun")
	scaleAfter        = grammarData.Set("en", "scale_after")
	memberNoun        = grammarData.Set("en", "member_noun")
	sharePronoun      = grammarData.Set("en", "share_pronoun")
	rewardWord        = grammarData.Set("en", "reward_word")
	reportNoun        = grammarData.Set("en", "report_noun")
	phraseOpener      = grammarData.Set("en", "phrase_opener")
	planObject        = grammarData.Set("en", "plan_object")
	waveOrdinal       = grammarData.Set("en", "wave_ordinal")
	purposeMarker     = grammarData.Set("en", "purpose_marker")
	tellerPerson      = grammarData.Set("en", "teller_person")
	tellerOutlet      = grammarData.Set("en", "teller_outlet")
	tellerBody        = grammarData.Set("en", "teller_body")
	publishVerb       = grammarData.Set("en", "publish_verb")
	publicationNoun   = grammarData.Set("en", "publication_noun")
	koReportNouns     = grammarData.Words("ko", "report_nouns")
	koLevelVerbs      = grammarData.Words("ko", "level_verbs")
	koBackEndings     = grammarData.Words("ko", "back_endings")
	koSourceNouns     = grammarData.Words("ko", "source_nouns")
	koConditionals    = grammarData.Words("ko", "conditional_endings")
	ruObjectPreps     = grammarData.Set("ru", "object_preps")
	ruReplenish       = grammarData.Words("ru", "replenish")
	ruLevelVerbs      = grammarData.Words("ru", "level_verbs")
	ruPhraseOpener    = grammarData.Set("ru", "phrase_opener")
	ruLossKilled      = grammarData.Words("ru", "loss_killed")
)
