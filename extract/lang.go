package extract

import (
	"github.com/flowwatch/flowwatch"
	"github.com/flowwatch/flowwatch/domain"
)

// Language is what one language adds to the shared pipeline. Everything
// else — tokenising, lexicon look-ups, attaching a group, event, place,
// time and source to each figure, carrying attribution over a paragraph —
// is shared and driven by the language's lexicon in the domain data
// (lexicons[Code()] in domain/data/lexicon.<code>.json).
//
// A new language is one file (lang_ko.go, lang_ru.go) that implements
// Language and registers it in init with RegisterLanguage, plus its
// lexicon file. See doc.go.
type Language interface {
	// Code is the ISO 639-1 code of the language (en, ko, ru).
	Code() string
	// Sentences appends to dst the sentences of one paragraph, as token
	// index spans of toks, in order.
	Sentences(lx *Lexicon, toks []Token, dst []Span) []Span
	// Figures appends to dst the figures of one sentence (toks is the
	// sentence). A module may fill a Figure's Group, Head and Event itself
	// (for word orders where the noun precedes the number); the shared
	// code fills what it leaves empty. The caller reuses dst from
	// sentence to sentence: a new slice per sentence was much of what
	// extraction allocated.
	Figures(lx *Lexicon, toks []Token, dst []Figure) []Figure
	// Times appends to dst the time expressions of one sentence, resolved
	// against the publication date pub (zero when unknown: relative times
	// are then left out).
	Times(lx *Lexicon, toks []Token, pub flowwatch.Date, dst []TimeRef) []TimeRef
}

// Span is a half-open range [Start, End) of token indexes.
type Span struct{ Start, End int }

// Figure is one figure found in a sentence. Token indexes are relative
// to the sentence's tokens.
type Figure struct {
	Start, End int // the whole expression, bound words included
	Kind       string
	Low, High  *float64
	Qualifier  string
	Unit       string // people, ISO currency, percent
	Per        string // money: month, year, total
	Vague      bool   // vague quantity ("thousands"): its group follows "of"

	// Optional, for modules that attach nouns themselves.
	Group    string
	Head     int  // token index of the group's head noun, when Group is set
	NK       bool // the module established that the people are North Korean
	Event    string
	Casualty string // the head noun names an event ("casualties"): killed, wounded, captured
	Bare     bool   // no noun follows: the group comes from the context

	fromPrev    bool // a bare figure's group is the previous figure's
	measure     bool // the value of a measure noun ("put the number at")
	partitive   bool // a part of a whole named before ("Of those arrivals, 8,000")
	ofThem      bool // a part of the people before, named after it ("300 of them")
	ctxHead     int  // token index of the noun a bare figure takes its group from, or -1
	foreign     bool // its noun names another people ("5,000 Uzbek workers")
	adjCasualty bool // a casualty adjective stands before its noun ("two wounded soldiers")
	thing       bool // a noun of things follows it ("2,000 containers")
}

// TimeRef is a time expression of a sentence and the period it states.
type TimeRef struct {
	Start, End int // token indexes in the sentence
	Period     flowwatch.Period
}

var languages = map[string]Language{}

// RegisterLanguage makes a language module available; modules call it in
// init. Articles whose Lang has no module (or no lexicon) are read as
// English.
func RegisterLanguage(l Language) { languages[l.Code()] = l }

// ArticleFunc reads every figure of a whole article, as candidates: those
// its rules take, and those they drop with the reason. It is for language
// modules that bring their own engine instead of implementing Language.
// d is the Extractor's domain data (never nil), so --domain files reach
// the module too.
type ArticleFunc func(d *domain.Domain, a *flowwatch.Article) []Candidate

var articleFuncs = map[string]ArticleFunc{}

// RegisterArticleFunc makes Extract hand articles in lang to fn. A
// Language registered for the same code is then not used.
func RegisterArticleFunc(lang string, fn ArticleFunc) {
	articleFuncs[lang] = fn
	delete(articleAppenders, lang) // fn replaces the built-in engine
}

// articleAppenders are the built-in engines' ArticleFuncs in a form that
// appends to the caller's buffer: each article's candidates were copied
// into a new slice only for rules to copy them out of it again.
var articleAppenders = map[string]func(d *domain.Domain, a *flowwatch.Article, dst []Candidate) []Candidate{}
