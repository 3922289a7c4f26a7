package reconcile

import (
	"context"
	"fmt"
	"hash/fnv"

	"github.com/flowwatch/flowwatch"
)

// Corpus is what reconciliation reads: the latest version of each
// article and the claims of latest versions. Articles read from a store
// keep their copy-detection signature instead of their text, so a corpus
// of a hundred thousand claims holds no article text.
type Corpus struct {
	Articles []flowwatch.Article
	Claims   []flowwatch.Claim
	sigs     map[string]*textSig // article name → signature of its text
}

// textSig is what copy detection needs of a text.
type textSig struct {
	sig  [numHashes]uint64
	n    int    // distinct shingles
	hash uint64 // of the whole text: identical copies
}

func sigOf(text string) *textSig {
	t := &textSig{}
	t.sig, t.n = signature(text)
	h := fnv.New64a()
	h.Write([]byte(text))
	t.hash = h.Sum64()
	return t
}

// Load reads a store's corpus: every article's latest version (its text
// reduced to a signature) and the claims of latest versions. CLI commands
// and the API reconcile what Load returns, so they agree.
func Load(ctx context.Context, st flowwatch.Store) (*Corpus, error) {
	c := &Corpus{sigs: map[string]*textSig{}}
	latest := map[string]int{}
	err := st.EachArticle(ctx, func(a *flowwatch.Article) error {
		i, ok := latest[a.Name]
		if ok && c.Articles[i].Version >= a.Version {
			return nil
		}
		sig := sigOf(a.Text)
		b := *a
		b.Text = ""
		if ok {
			c.Articles[i] = b
		} else {
			latest[a.Name] = len(c.Articles)
			c.Articles = append(c.Articles, b)
		}
		c.sigs[a.Name] = sig
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("reconcile: read articles: %w", err)
	}
	c.Claims, err = st.Claims(ctx, flowwatch.ClaimFilter{Limit: -1, LatestVersionsOnly: true})
	if err != nil {
		return nil, fmt.Errorf("reconcile: read claims: %w", err)
	}
	return c, nil
}

// NewCorpus is a corpus of articles with their text (files extracted in
// memory) and their claims.
func NewCorpus(articles []flowwatch.Article, claims []flowwatch.Claim) *Corpus {
	return &Corpus{Articles: articles, Claims: claims}
}

// Reconcile runs every stage over the corpus.
func (c *Corpus) Reconcile(opt Options) *Result {
	return reconcile(newStateSigs(c.Articles, c.Claims, opt, c.sigs), opt)
}
