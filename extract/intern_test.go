package extract

import (
	"go/ast"
	"go/parser"
	"go/token"
	"os"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/flowwatch/flowwatch/domain"
)

// Capitalised words outside the intern table keep Low == Text (see
// tokenize), so every lower-case word the code compares Low with must be
// in the table. This test reads the code's string literals to make sure.
func TestInternCoversCodeWords(t *testing.T) {
	lx := compile(domain.Default(), "en")
	word := regexp.MustCompile(`^[a-z][a-z.'-]*$`)
	files := []string{"extract.go", "lang_en.go", "when.go", "source.go", "place.go"}
	fset := token.NewFileSet()
	for _, name := range files {
		src, err := os.ReadFile(name)
		if err != nil {
			t.Fatal(err)
		}
		f, err := parser.ParseFile(fset, name, src, 0)
		if err != nil {
			t.Fatal(err)
		}
		ast.Inspect(f, func(n ast.Node) bool {
			if _, imp := n.(*ast.ImportSpec); imp {
				return false
			}
			lit, ok := n.(*ast.BasicLit)
			if !ok || lit.Kind != token.STRING {
				return true
			}
			s, err := strconv.Unquote(lit.Value)
			if err != nil || !word.MatchString(s) || strings.Contains(s, " ") {
				return true
			}
			if _, ok := lx.intern[s]; !ok {
				t.Errorf("%s: %q is compared with tokens but is not interned: add it to codeWords", fset.Position(lit.Pos()), s)
			}
			return true
		})
	}
}

func TestTokenizeInternAgrees(t *testing.T) {
	lx := compile(domain.Default(), "en")
	text := "Between The NIS, Vladivostok and Wi Sung-lac TOLD Reuters: Über 5 Thousand"
	plain := Tokenize(text, 0, len(text), nil)
	interned := tokenize(text, 0, len(text), nil, lx.intern)
	for i := range plain {
		p, q := plain[i], interned[i]
		if q.Low != p.Low && q.Low != q.Text {
			t.Errorf("token %q: Low %q, want %q or the text", p.Text, q.Low, p.Low)
		}
		if _, known := lx.intern[p.Low]; known && q.Low != p.Low {
			t.Errorf("token %q: known word got Low %q", p.Text, q.Low)
		}
	}
}

// Every word of every lexicon phrase must be interned, or a capitalised
// occurrence ("General Bureau") would not match.
func TestInternCoversLexicon(t *testing.T) {
	lx := compile(domain.Default(), "en")
	for _, m := range lx.all {
		for _, ps := range m.first {
			for _, p := range ps {
				for _, w := range p.low {
					if _, ok := lx.intern[w]; !ok {
						t.Errorf("%q (of %q) is not interned", w, p.low)
					}
				}
			}
		}
	}
}
