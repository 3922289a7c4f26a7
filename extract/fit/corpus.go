// Package fit fits the last stage of the extractor (extract.Model) on an
// annotated corpus, scores extractions the way ../shared/eval/score does,
// and cross-validates by article. It reads files; extract stays pure.
package fit

import (
	"bufio"
	"bytes"
	"encoding/json"
	"fmt"
	"hash/fnv"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"github.com/flowwatch/flowwatch"
	"github.com/flowwatch/flowwatch/clean"
)

// Folds is the number of cross-validation folds.
const Folds = 5

// Fold is an article's fold: fixed by a hash of its name, so that adding
// articles never moves the others.
func Fold(article string) int {
	h := fnv.New32a()
	h.Write([]byte(article))
	return int(h.Sum32() % Folds)
}

// Doc is one annotated article.
type Doc struct {
	Set     string // the folder it came from: en-mixed, ko, ...
	Article *flowwatch.Article
	Gold    []Gold
}

// Lang is the article's language as the folder names it (en, ko, ru).
func (d *Doc) Lang() string {
	switch {
	case strings.HasPrefix(d.Set, "ko"):
		return "ko"
	case strings.HasPrefix(d.Set, "ru"):
		return "ru"
	}
	return "en"
}

// Gold is one gold line of a gold.jsonl; fields may hold one value or a
// list of acceptable values, as in ../shared/spec/claims.md.
type Gold struct {
	Article  string          `json:"article"`
	None     bool            `json:"none"`
	Optional bool            `json:"optional"`
	Kind     string          `json:"kind"`
	Group    json.RawMessage `json:"group"`
	Event    json.RawMessage `json:"event"`
	Low      *float64        `json:"low"`
	High     *float64        `json:"high"`
	Qual     string          `json:"qualifier"`
	Place    json.RawMessage `json:"place"`
	When     json.RawMessage `json:"when"`
	Source   json.RawMessage `json:"source"`
	Quote    string          `json:"quote"`

	groups, events []string
}

// LoadDir reads every set under dir (dir/SET/articles/*.txt and
// dir/SET/gold.jsonl), sets in name order, articles in gold order.
func LoadDir(dir string) ([]Doc, error) {
	sets, err := filepath.Glob(filepath.Join(dir, "*", "gold.jsonl"))
	if err != nil {
		return nil, fmt.Errorf("load corpus: %w", err)
	}
	if len(sets) == 0 {
		return nil, fmt.Errorf("load corpus: no */gold.jsonl under %s", dir)
	}
	sort.Strings(sets)
	var docs []Doc
	for _, g := range sets {
		ds, err := LoadSet(filepath.Dir(g))
		if err != nil {
			return nil, err
		}
		docs = append(docs, ds...)
	}
	return docs, nil
}

// LoadSet reads one folder: its gold.jsonl and the articles it names.
func LoadSet(dir string) ([]Doc, error) {
	set := filepath.Base(dir)
	golds, err := readGold(filepath.Join(dir, "gold.jsonl"))
	if err != nil {
		return nil, err
	}
	var docs []Doc
	at := map[string]int{}
	for _, g := range golds {
		i, ok := at[g.Article]
		if !ok {
			a, err := readArticle(filepath.Join(dir, "articles"), g.Article)
			if err != nil {
				return nil, err
			}
			i = len(docs)
			at[g.Article] = i
			docs = append(docs, Doc{Set: set, Article: a})
		}
		if !g.None {
			docs[i].Gold = append(docs[i].Gold, g)
		}
	}
	return docs, nil
}

func readArticle(dir, name string) (*flowwatch.Article, error) {
	for _, ext := range []string{".txt", ".html", ".htm"} {
		b, err := os.ReadFile(filepath.Join(dir, name+ext))
		if err != nil {
			continue
		}
		a, err := clean.Parse(name, b)
		if err != nil {
			return nil, fmt.Errorf("load article %s: %w", name, err)
		}
		return a, nil
	}
	return nil, fmt.Errorf("load article %s: no such file in %s", name, dir)
}

func readGold(path string) ([]Gold, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("load gold: %w", err)
	}
	var out []Gold
	sc := bufio.NewScanner(bytes.NewReader(b))
	sc.Buffer(make([]byte, 1<<20), 1<<20)
	for n := 1; sc.Scan(); n++ {
		line := bytes.TrimSpace(sc.Bytes())
		if len(line) == 0 {
			continue
		}
		var g Gold
		if err := json.Unmarshal(line, &g); err != nil {
			return nil, fmt.Errorf("load gold %s:%d: %w", path, n, err)
		}
		g.groups, g.events = strList(g.Group), strList(g.Event)
		out = append(out, g)
	}
	return out, sc.Err()
}

// strList reads a JSON string, null or list of strings (null as "").
func strList(raw json.RawMessage) []string {
	if len(raw) == 0 {
		return nil
	}
	var one *string
	if json.Unmarshal(raw, &one) == nil {
		if one == nil {
			return []string{""}
		}
		return []string{*one}
	}
	var many []*string
	if json.Unmarshal(raw, &many) == nil {
		out := make([]string, len(many))
		for i, s := range many {
			if s != nil {
				out[i] = *s
			}
		}
		return out
	}
	return nil
}
