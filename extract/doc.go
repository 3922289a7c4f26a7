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
// # Whose people a figure counts
//
// Only figures about North Koreans are claims (origin.go). The North
// Korean word must belong to the figure: its noun phrase ("13,221 North
// Koreans", "workers from North Korea"), a word before it in its clause
// ("Russia paid North Korea ... for 5,000 workers"), else its clause's
// subject, else its clause, else the nearest other clause that names any
// people. Another people's word decides the other way ("Russia has
// mobilised 300,000 reservists, while North Korea ..."; "Ukraine says it
// has lost 43,000 soldiers"); a country's officials or agency ("Ukraine's
// military intelligence said") are a source, not a people. What follows
// an attribution ("..., the ministry claimed, without mentioning the
// North Korean troops") is commentary, read last.
//
// A sentence that does not say lends itself the North Koreans of the
// three sentences before only when the figure points back to them: a
// bare figure ("rose to 13,000", "600 of them"), a casualty count, a
// definite or additive figure ("the 11,000", "another 3,000 troops",
// "5,000 of the workers"), the value of a definite measure noun ("put the
// number at 11,000", "the figure could be as high as 12,000"), the part
// of a partitive opening ("Of those arrivals, nearly 8,000 came ...",
// which also takes the whole's event with a verb of coming), a pronoun
// or definite noun in its clause
// ("they", "these troops", "that first contingent"), a place or story
// anaphor ("killed there", "the decision to send 2,000 workers"), or an
// anaphoric speaker ("He said 5,000 construction workers would ..."). One
// more case is allowed on purpose: a figure whose clause states an event
// and whose group is the one the sentence right before (same paragraph,
// naming North Korea) ended on continues that sentence ("Ukraine says
// North Korean troops have suffered heavy losses. Some 4,000 soldiers
// were killed or wounded ..."); wire copy does this all the time. A
// generic count with no event ("short of several million workers"), or
// further away, does not inherit. Another people counts as named only
// as a people ("Russians"), as an adjective of a group or casualty noun
// ("Russian conscripts", "Ukrainian losses"), predicatively ("most of them
// Ukrainian") or as a subject ("Russia has mobilised ..."), not as an
// adjective of a thing ("enrolled at Russian universities"). A subject of
// people from another country or region ("Labour migrants from
// Uzbekistan number ...") is another people too.
//
// The Korean and Russian engine (lang_ko_ru.go) applies the same ideas
// more coarsely: a sentence whose figures are claims, or one of the three
// before it, must name North Korea (lexicon "origin" words, or the
// gazetteer's North Korea); a clause that names another people before
// its figure (ВСУ, российская армия, 한국군, 중앙아시아) and no North
// Korean word is about that people. So is a clause whose subject or topic
// is another country or its institutions (Россия призывает, Москва
// набрала, российские власти; 러시아는, 러시아 정부는, 모스크바는), or that
// counts the subject's own people (своих граждан, собственных военных;
// 자국민, 자국군), unless its figure points back (из них, 이 중) or, in
// Korean, the topic only reports a figure that is the subject of what it
// reports (우크라이나는 4천 명이 사상했다고 밝혔다).
//
// A figure of need is no claim: a demand word (lexicon section "demand":
// shortage, need, vacancies; 부족, 수요; дефицит, нехватка) shortly
// before it with no movement verb between, or right after its noun
// ("workers are needed"). North Korea's own need ("North Korea needs
// 5,000 IT workers abroad") is its quota, and stays a claim; Russian and
// Korean read it the same way (КНДР нужны ..., 북한은 ... 필요하다 stay
// claims; Россия нуждается в 5 тысячах северокорейских рабочих, 북한
// 노동자 2만 명이 필요하다 are needs).
//
// A group size is no claim either: the figure after a plural unit noun
// that people move or fight in (lexicon "group_sizes": "in groups of five
// or six", "split into teams of three"), Russian distributive по
// (отрядами по 50 человек) and Korean 씩 or a unit after the count
// (5~6명씩, 10명 단위로, 3명 1조로). As the object of a movement ("send
// groups of 1,000 workers") the figure is people sent.
//
// # Events of clauses
//
// A figure's event comes from its own clause. A part of the figure
// before opens a clause of its own whatever joins it ("and 600 of them
// were killed", ", where about 4,000 of them", ", where some 1,000 were
// killed"; Russian ", из них", ", из которых", ", где"), so the total
// keeps its own verb. Aspectual verbs (lexicon "aspectual": "continue to
// arrive", "began to deploy") do not make their "to" a plan; only an
// intention cue before them does ("will continue to send").
//
// # Casualties
//
// The spec's events have no "casualties": killed + wounded counted
// together. Such a figure is recorded as event wounded, in every
// language: English "casualties", "losses", "lost", "killed or wounded",
// Korean 사상자 and 사상했다, Russian потери and потеряли. Wounded, not
// killed, because the wounded are most of any casualty count (NIS: 4,700
// casualties of which about 600 dead), so reading the figure as deaths
// would overstate them several times over; the dev gold accepts either
// value for such figures. The quote keeps the word, and the
// reconciliation stage (reconcile.measureOf) reads it to compare the
// figure as casualties, not as wounded alone. Figures that say killed
// ("died", "사망", "погибли") or wounded alone keep their own event.
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
// The grammar's closed word lists (report verbs, prepositions, top-level
// domains) are data too, in domain/data/grammar.json, each with a note
// and example sentences that TestGrammarExamples reads with and without
// the list; grammar.go loads them once into the sets the rules look up.
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

//go:generate go run ../cmd/flowwatch train --corpus ../../shared/eval/train --out model.json
