package domain

import (
	"bytes"
	_ "embed"
	"encoding/json"
	"fmt"
	"sync"
)

// GrammarList is a closed word list the extractor's grammar consults
// (function words, report verbs, top-level domains): words no --domain
// file should need to extend, but which are data all the same, so that
// each is named, explained and shown at work by an example.
type GrammarList struct {
	Lang  string   `json:"lang"`
	Name  string   `json:"name"`
	Note  string   `json:"note"`
	Words []string `json:"words"`
}

// GrammarExample is a sentence of flowwatch's own that shows a list at
// work: with the list the extractor reads Claims from it (shortClaim form
// with the source, see extract/grammar_test.go), and without the list it
// reads something else.
type GrammarExample struct {
	Lang   string   `json:"lang"`
	List   string   `json:"list"`
	Text   string   `json:"text"`
	Claims []string `json:"claims"`
}

// GrammarData is the grammar file: the lists and their examples.
type GrammarData struct {
	Comment  string           `json:"_comment,omitempty"`
	Lists    []GrammarList    `json:"lists"`
	Examples []GrammarExample `json:"examples"`
}

//go:embed data/grammar.json
var grammarJSON []byte

var (
	grammarOnce sync.Once
	grammar     *GrammarData
	grammarErr  error
)

// DefaultGrammar is the embedded grammar file. It panics when the file
// does not parse, which a test catches before release.
func DefaultGrammar() *GrammarData {
	grammarOnce.Do(func() { grammar, grammarErr = ParseGrammar(grammarJSON) })
	if grammarErr != nil {
		panic(grammarErr)
	}
	return grammar
}

// ParseGrammar reads a grammar file. Every list needs a language, a name
// unique within it, a note and words, none twice; every example a list
// that exists.
func ParseGrammar(b []byte) (*GrammarData, error) {
	var g GrammarData
	dec := json.NewDecoder(bytes.NewReader(b))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&g); err != nil {
		return nil, fmt.Errorf("parse grammar: %w", err)
	}
	seen := map[[2]string]bool{}
	for i, l := range g.Lists {
		if l.Lang == "" || l.Name == "" || l.Note == "" || len(l.Words) == 0 {
			return nil, fmt.Errorf("parse grammar: list %d needs a lang, a name, a note and words", i)
		}
		k := [2]string{l.Lang, l.Name}
		if seen[k] {
			return nil, fmt.Errorf("parse grammar: list %s/%s twice", l.Lang, l.Name)
		}
		seen[k] = true
		words := map[string]bool{}
		for _, w := range l.Words {
			if w == "" || words[w] {
				return nil, fmt.Errorf("parse grammar: list %s/%s: word %q empty or twice", l.Lang, l.Name, w)
			}
			words[w] = true
		}
	}
	for i, e := range g.Examples {
		if !seen[[2]string{e.Lang, e.List}] || e.Text == "" {
			return nil, fmt.Errorf("parse grammar: example %d needs a known lang and list and a text", i)
		}
	}
	return &g, nil
}

// Words is the list lang/name. It panics on a name the file lacks: the
// extractor asks for its lists at init, so a missing one fails every test.
func (g *GrammarData) Words(lang, name string) []string {
	for _, l := range g.Lists {
		if l.Lang == lang && l.Name == name {
			return l.Words
		}
	}
	panic(fmt.Sprintf("domain: grammar list %s/%s is missing from data/grammar.json", lang, name))
}

// Set is the list lang/name as a set, for look-ups by a token's lower-case
// form.
func (g *GrammarData) Set(lang, name string) map[string]bool {
	words := g.Words(lang, name)
	m := make(map[string]bool, len(words))
	for _, w := range words {
		m[w] = true
	}
	return m
}
