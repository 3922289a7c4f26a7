package fit

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"testing"

	"github.com/flowwatch/flowwatch"
	"github.com/flowwatch/flowwatch/extract"
)

// trainDir is ../shared/eval/train beside the module root, or "".
func trainDir(t *testing.T) string {
	t.Helper()
	dir, err := filepath.Abs("../../../shared/eval/train")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(dir); err != nil {
		return ""
	}
	return dir
}

func loadTrain(t *testing.T) []Doc {
	t.Helper()
	dir := trainDir(t)
	if dir == "" {
		t.Skip("no ../shared/eval/train next to the module root: the train corpus is not on this machine")
	}
	docs, err := LoadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	return docs
}

// TestCrossValidated holds the floors of issue 10's measure: 5-fold
// cross-validation by article, fitted on four folds, scored on the fifth.
// The floors hold what ships: the fitted stage where it beat the rules,
// else the rules alone (Result.Shipped).
func TestCrossValidated(t *testing.T) {
	docs := loadTrain(t)
	x := extract.New(nil)
	res := CrossValidate(docs, x, Options{})
	// Just under what was measured when they were last raised, so that a
	// change that loses ground shows; raise them as the scores rise.
	floors := map[string]float64{"en": 0.91, "ko": 0.89, "ru": 0.89}
	sourceFloors := map[string]float64{"en": 0.86, "ko": 0.88, "ru": 0.86}
	for lang, min := range floors {
		r, f := res.Rules[lang], res.Shipped[lang]
		t.Logf("%s rules  %s", lang, r)
		t.Logf("%s fitted %s", lang, res.Fitted[lang])
		t.Logf("%s ships  %s (model in %v)", lang, f, res.Langs)
		t.Logf("%s seen   %s", lang, res.Seen[lang])
		t.Logf("%s misses %s", lang, FormatMisses(res.Misses[lang]))
		if f.TP+f.FN == 0 {
			t.Errorf("%s: no gold claims in the corpus", lang)
			continue
		}
		if f.F1() < min {
			t.Errorf("%s: cross-validated F1 %.3f is below %.2f", lang, f.F1(), min)
		}
		if acc := f.Accuracy("source"); acc < sourceFloors[lang] {
			t.Errorf("%s: cross-validated source accuracy %.3f is below %.2f", lang, acc, sourceFloors[lang])
		}
		if f.F1() < r.F1() {
			t.Errorf("%s: what ships scores F1 %.3f, below the rules' %.3f", lang, f.F1(), r.F1())
		}
	}
}

// TestTrainDeterministic: the same examples give the same model, byte for
// byte, so that a refit is reviewable as a diff.
func TestTrainDeterministic(t *testing.T) {
	ex := []Example{
		{Feats: []string{"bias", "ev=sent", "L:plans"}, Keep: []int{1}, Event: []int{1}, Group: []int{1}},
		{Feats: []string{"bias", "ev=sent", "L:sent"}, Keep: []int{1}, Event: []int{2}, Group: []int{1}},
		{Feats: []string{"bias", "ev=present", "R:tourists"}, Keep: []int{0}},
		{Feats: []string{"bias", "ev=sent", "L:plans"}, Keep: []int{1}, Event: []int{1, 2}, Group: []int{0}},
		{Feats: []string{"bias", "ev=present", "R:tourists"}, Keep: []int{0}},
	}
	opt := Options{MinCount: 1, L2: 1}
	a, _ := json.Marshal(Train(ex, opt))
	b, _ := json.Marshal(Train(ex, opt))
	if string(a) != string(b) {
		t.Fatal("two fits of the same examples differ")
	}
	m := Train(ex, opt)
	if p := m.Heads[extract.HeadKeep].Probs([]string{"bias", "ev=present", "R:tourists"}); p[1] >= 0.5 {
		t.Errorf("keep probability of a figure like the dropped ones is %.2f", p[1])
	}
	if p := m.Heads[extract.HeadEvent].Probs([]string{"bias", "ev=sent", "L:plans"}); p[1] <= p[2] {
		t.Errorf("'plans' before a figure does not favour planned: %v", p)
	}
}

// TestScoreDoc checks the port of ../shared/eval/score on cases of our own.
func TestScoreDoc(t *testing.T) {
	gold := []Gold{
		{Kind: "people", Low: f(600), High: f(600), Quote: "some 600 soldiers were killed, the agency said",
			Source: json.RawMessage(`["NIS", "Yonhap"]`), When: json.RawMessage(`null`)},
		{Kind: "people", Low: f(1000), High: nil, Quote: "thousands of workers", Optional: true},
	}
	gold[0].groups, gold[0].events = []string{"soldiers"}, []string{"killed", "wounded"}
	gold[1].groups, gold[1].events = []string{"workers"}, []string{"sent"}
	pred := []flowwatch.Claim{
		{Kind: "people", Group: "soldiers", Event: "wounded", Low: f(600), High: f(600), Source: "NIS",
			Quote: "Some 600 soldiers were killed, the agency said."},
		{Kind: "people", Group: "workers", Event: "sent", Low: f(1000), Quote: "thousands of workers went"},
		{Kind: "people", Group: "workers", Event: "present", Low: f(25), High: f(25), Quote: "25 workers"},
	}
	s := ScoreDoc(gold, pred)
	if s.TP != 1 || s.FP != 1 || s.FN != 0 {
		t.Fatalf("tp fp fn = %d %d %d, want 1 1 0", s.TP, s.FP, s.FN)
	}
	if s.Accuracy("source") != 1 || s.Accuracy("when") != 1 {
		t.Errorf("source %.2f when %.2f, want 1 and 1", s.Accuracy("source"), s.Accuracy("when"))
	}
}

func f(v float64) *float64 { return &v }

func TestFold(t *testing.T) {
	seen := map[int]bool{}
	for _, n := range []string{"tr-en2-001", "tr-ent-002", "tr-ko-003", "tr-ru-004", "tr-ru2-005", "a", "b", "c"} {
		k := Fold(n)
		if k < 0 || k >= Folds || Fold(n) != k {
			t.Fatalf("Fold(%q) = %d", n, k)
		}
		seen[k] = true
	}
	if len(seen) < 3 {
		t.Errorf("eight names fall in only %d folds", len(seen))
	}
}

// TestEmbeddedModelCurrent: the model embedded in the binary is the one
// `go generate ./extract` fits on today's rules and corpus, byte for byte.
// A rule change that alters the candidates leaves a stale model until it is
// refitted; this says so instead of letting the weights drift from the
// rules they were fitted on.
func TestEmbeddedModelCurrent(t *testing.T) {
	docs := loadTrain(t)
	m := Fit(docs, extract.New(nil), Options{})
	got, err := json.MarshalIndent(m, "", " ")
	if err != nil {
		t.Fatal(err)
	}
	want, err := os.ReadFile(filepath.Join("..", "model.json"))
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(append(got, '\n'), want) {
		t.Errorf("extract/model.json is not the fit of today's rules on the train corpus: run go generate ./extract")
	}
}
