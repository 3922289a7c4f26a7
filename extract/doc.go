// Package extract finds figure-level claims in cleaned article text. It is
// pure: text in, claims out, no I/O; an Extractor is safe for concurrent
// use and never panics, whatever the input.
//
// # Pipeline
//
// For each paragraph (a line of the cleaned text):
//
//  1. Tokenize once (token.go): words, numbers with their values, single
//     punctuation runes, all with byte offsets into Article.Text.
//  2. Language.Sentences splits the paragraph into sentences; a line
//     without final punctuation (a headline) is its own sentence.
//  3. Language.Figures finds numbers, number words, ranges, bounds, vague
//     quantities, money and percentages, and drops non-claims (years,
//     dates, ordinals, ratios, names with numbers).
//  4. Shared attachment (extract.go): the group from the head noun after
//     the figure (or the context for a bare figure), kept only for North
//     Korean people; the event from the nearest cue of the figure's clause
//     with its modality; places from the gazetteer; the time from
//     Language.Times; the source from attribution cues, carried over the
//     rest of the paragraph.
//
// # Adding a language
//
// Korean and Russian are data plus one small file each:
//
//   - domain/data/lexicon.ko.json: the same sections as lexicon.en.json
//     (groups, events, number words and scales such as 만 and 천, vague
//     words such as 수천, bounds such as 이상 and 최대, attribution verbs,
//     months, relative times);
//   - domain/data/places.ko.json and sources.ko.json: Korean aliases of
//     existing entries ({"name": "Russia", "aliases": ["러시아"]}) — the
//     canonical names stay English;
//   - extract/lang_ko.go: a type implementing Language (Code, Sentences,
//     Figures, Times) registered with RegisterLanguage in init. Figures
//     may attach the group itself (Figure.Group, Head, NK) where the noun
//     precedes the number ("북한군 1만1천여 명"); the shared code then
//     only adds the event, place, time and source.
//
// A module that brings a whole engine of its own instead registers an
// ArticleFunc for its language code with RegisterArticleFunc; Extract then
// hands it the Extractor's Domain and the article (the Korean and Russian
// modules do this, so a --domain file reaches them too).
//
// Helpers that modules can reuse: Tokenize, the compiled Lexicon's
// Group look-up, and resolveMonth, resolveDay and weekday in when.go.
//
// # Domain data
//
// Every word list lives in domain/data (lexicon.en.json, places.json,
// sources.json) and can be extended with --domain FILE: a new city, outlet
// or group noun is a data change. What stays in code is grammar: how a
// number, a range or a date is written, which clause a word belongs to.
//
// # Speed
//
// Text is tokenised once per article into a pooled buffer. Each token
// carries a bit mask of the lexicon matchers that have a phrase starting
// with it, so the many "is there a source/place/cue here?" questions cost
// a bit test instead of a map look-up. Sentences are capped at
// maxSentence tokens, so every per-sentence step stays linear on any
// input. BenchmarkExtract reports MB/s and MB per CPU second.
package extract
