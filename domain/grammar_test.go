package domain_test

import (
	"strings"
	"testing"

	"github.com/flowwatch/flowwatch/domain"
)

func TestGrammarParses(t *testing.T) {
	g := domain.DefaultGrammar()
	if len(g.Lists) == 0 || len(g.Examples) == 0 {
		t.Fatalf("embedded grammar: %d lists, %d examples", len(g.Lists), len(g.Examples))
	}
	if s := g.Set("en", "level_words"); !s["existing"] || s["from"] {
		t.Errorf("en/level_words as a set: %v", s)
	}
}

func TestGrammarErrors(t *testing.T) {
	tests := []struct{ name, body, want string }{
		{"no note", `{"lists": [{"lang": "en", "name": "a", "words": ["x"]}]}`, "needs a lang, a name, a note and words"},
		{"list twice", `{"lists": [{"lang": "en", "name": "a", "note": "n", "words": ["x"]}, {"lang": "en", "name": "a", "note": "n", "words": ["y"]}]}`, "twice"},
		{"word twice", `{"lists": [{"lang": "ko", "name": "a", "note": "n", "words": ["말", "말"]}]}`, "word \"말\""},
		{"example of no list", `{"lists": [{"lang": "en", "name": "a", "note": "n", "words": ["x"]}], "examples": [{"lang": "ru", "list": "a", "text": "t"}]}`, "example 0"},
		{"unknown field", `{"words": []}`, "unknown field"},
	}
	for _, tc := range tests {
		if _, err := domain.ParseGrammar([]byte(tc.body)); err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%s: err = %v, want one mentioning %q", tc.name, err, tc.want)
		}
	}
}
