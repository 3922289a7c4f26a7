package flowwatch_test

import (
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode"
)

// ownWindow is how many words in a row the repository may share with an
// evaluation article: short runs are the common wording of news about the
// same events ("have been killed or wounded"); a run this long is a
// copied sentence.
const ownWindow = 12

// sharedFurniture is page furniture every site prints, which the cleaner
// must recognise and its tests must therefore spell out.
var sharedFurniture = []string{
	"leave a comment your email address will not be published required fields are marked",
}

// TestOwnText: the project holds only text its authors wrote. No file of
// the repository shares ownWindow words in a row with an article of the
// evaluation data beside it (../shared/eval), which its tests read but
// must never copy.
func TestOwnText(t *testing.T) {
	eval := filepath.Join("..", "shared", "eval")
	if _, err := os.Stat(eval); err != nil {
		t.Skipf("no %s next to the module root: nothing to compare with", eval)
	}
	seen := map[string]string{}
	filepath.WalkDir(eval, func(path string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() && filepath.Base(filepath.Dir(path)) == "articles" {
			eachWindow(readText(path), func(k string) bool { seen[k] = path; return true })
		}
		return nil
	})
	allowed := map[string]bool{}
	for _, f := range sharedFurniture {
		eachWindow(f, func(k string) bool { allowed[k] = true; return true })
	}
	filepath.WalkDir(".", func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return nil
		}
		if d.IsDir() {
			if n := d.Name(); n == ".git" || n == "node_modules" {
				return filepath.SkipDir
			}
			return nil
		}
		switch filepath.Ext(path) {
		case ".go", ".json", ".txt", ".md", ".html", ".js":
		default:
			return nil
		}
		eachWindow(readText(path), func(k string) bool {
			if src, ok := seen[k]; ok && !allowed[k] {
				t.Errorf("%s shares %d words in a row with %s: %q", path, ownWindow, src, k)
				return false
			}
			return true
		})
		return nil
	})
}

func readText(path string) string {
	b, _ := os.ReadFile(path)
	return string(b)
}

// eachWindow calls f with every run of ownWindow words of s, lower-cased
// and without punctuation, until f returns false.
func eachWindow(s string, f func(string) bool) {
	w := strings.FieldsFunc(strings.ToLower(s), func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) })
	for i := 0; i+ownWindow <= len(w); i++ {
		if !f(strings.Join(w[i:i+ownWindow], " ")) {
			return
		}
	}
}
