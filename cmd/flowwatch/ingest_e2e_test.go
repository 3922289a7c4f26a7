package main

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/flowwatch/flowwatch"
	"github.com/flowwatch/flowwatch/domain"
	"github.com/flowwatch/flowwatch/extract"
	"github.com/flowwatch/flowwatch/internal/corpus"
	"github.com/flowwatch/flowwatch/sqlite"
)

// writeCorpus writes generated articles from..to-1 into dir, a thousand
// per subdirectory as a collection on disk would be.
func writeCorpus(t testing.TB, dir string, from, to int) {
	t.Helper()
	for i := from; i < to; i++ {
		a := corpus.Generate(7, i)
		sub := filepath.Join(dir, fmt.Sprintf("%03d", i/1000))
		if err := os.MkdirAll(sub, 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(sub, a.Name+".txt"), []byte(a.Text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

type dbCounts struct {
	Articles, Versions, Claims int
	// ClaimsByURL is each stored version's claim count, by article URL.
	ClaimsByURL map[string]int
}

// inspect opens a database the binary wrote and checks, article by
// article, that the stored claims are exactly what extraction of the
// stored text gives: an article saved without (some of) its claims shows
// up as a mismatch.
func inspect(t *testing.T, path string, verify bool) dbCounts {
	t.Helper()
	st, err := sqlite.Open(context.Background(), path)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	return inspectStore(t, st, verify)
}

// inspectStore counts what st holds; with verify it also re-extracts
// every stored article and compares.
func inspectStore(t *testing.T, st flowwatch.Store, verify bool) dbCounts {
	t.Helper()
	ctx := context.Background()
	s, err := st.Stats(ctx)
	if err != nil {
		t.Fatal(err)
	}
	c := dbCounts{Articles: s.Articles, Versions: s.ArticleVersions, Claims: s.Claims, ClaimsByURL: map[string]int{}}
	x := extract.New(domain.Default())
	err = st.EachArticle(ctx, func(a *flowwatch.Article) error {
		n, err := st.CountClaims(ctx, flowwatch.ClaimFilter{ArticleID: a.ID, Limit: -1})
		if err != nil {
			return err
		}
		if verify {
			if want := len(x.Extract(a)); n != want {
				t.Errorf("article %d (%s) has %d claims stored, extraction gives %d", a.ID, a.Name, n, want)
			}
		}
		if _, dup := c.ClaimsByURL[a.URL]; dup {
			t.Errorf("article URL %s stored twice", a.URL)
		}
		c.ClaimsByURL[a.URL] = n
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return c
}

// TestIngestSurvivesKill9 is issue 3's crash test: kill -9 half-way
// through 5,000 articles, run the same command again, and the database
// equals that of an uninterrupted run, with no article missing claims.
func TestIngestSurvivesKill9(t *testing.T) {
	if testing.Short() {
		t.Skip("integration test: ingests 5,000 articles three times")
	}
	const n = 5000
	tmp := t.TempDir()
	corpusDir := filepath.Join(tmp, "corpus")
	writeCorpus(t, corpusDir, 0, n)
	bin := testBinary(t)

	ref := filepath.Join(tmp, "ref.db")
	start := time.Now()
	if _, stderr, code := runBinary(t, tmp, nil, "ingest", "--db", ref, corpusDir); code != 0 {
		t.Fatalf("reference run exited %d: %s", code, stderr)
	}
	full := time.Since(start)
	want := inspect(t, ref, false)
	if want.Articles != n || want.Versions != n {
		t.Fatalf("reference run stored %d articles, %d versions; want %d", want.Articles, want.Versions, n)
	}

	// Kill at about half the reference time; if that lands before the
	// first commit or after the last, try again nearer the middle.
	crash := filepath.Join(tmp, "crash.db")
	var partial int
	for attempt, frac := 0, 0.5; attempt < 4; attempt++ {
		os.Remove(crash)
		os.Remove(crash + "-wal")
		os.Remove(crash + "-shm")
		cmd := exec.Command(bin, "ingest", "--db", crash, corpusDir)
		cmd.Dir = tmp
		var stderr bytes.Buffer
		cmd.Stderr = &stderr
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		time.Sleep(time.Duration(float64(full) * frac))
		cmd.Process.Signal(syscall.SIGKILL)
		cmd.Wait()
		partial = inspect(t, crash, false).Articles
		t.Logf("attempt %d: killed after %.0f%% of %v: %d of %d articles stored", attempt+1, frac*100, full, partial, n)
		if partial > 0 && partial < n {
			break
		}
		if partial == 0 {
			frac += 0.15
		} else {
			frac -= 0.2
		}
	}
	if partial == 0 || partial == n {
		t.Fatalf("could not kill the run half-way (stored %d of %d)", partial, n)
	}

	out, stderr, code := runBinary(t, tmp, nil, "ingest", "--db", crash, "--json", corpusDir)
	if code != 0 {
		t.Fatalf("resumed run exited %d: %s", code, stderr)
	}
	var res struct{ New, Unchanged, Updated, Failed int }
	if err := json.Unmarshal([]byte(out), &res); err != nil {
		t.Fatalf("summary %q: %v", out, err)
	}
	if res.Unchanged != partial || res.New != n-partial || res.Updated != 0 || res.Failed != 0 {
		t.Errorf("resumed run %+v; want %d unchanged and %d new", res, partial, n-partial)
	}
	got := inspect(t, crash, true)
	if got.Articles != want.Articles || got.Versions != want.Versions || got.Claims != want.Claims {
		t.Fatalf("after kill -9 and rerun: %d articles, %d versions, %d claims; uninterrupted: %d, %d, %d",
			got.Articles, got.Versions, got.Claims, want.Articles, want.Versions, want.Claims)
	}
	for u, wn := range want.ClaimsByURL {
		if got.ClaimsByURL[u] != wn {
			t.Errorf("%s: %d claims, uninterrupted run stored %d", u, got.ClaimsByURL[u], wn)
		}
	}
}

func TestIngestSummaryAndBadInputs(t *testing.T) {
	tmp := t.TempDir()
	dir := filepath.Join(tmp, "in")
	writeCorpus(t, dir, 0, 20)
	os.WriteFile(filepath.Join(dir, "empty.txt"), nil, 0o644)
	os.WriteFile(filepath.Join(dir, "records.jsonl"), []byte(
		`{"url":"https://example.org/r1","published":"2025-03-01","text":"North Korea sent some 1,500 workers to Moscow last month, officials said."}`+"\n"+
			`{"url":"https://example.org/r2","text":`+"\n"), 0o644)
	db := filepath.Join(tmp, "t.db")
	_, stderr, code := runBinary(t, tmp, nil, "ingest", "--db", db, dir, filepath.Join(tmp, "nope.txt"))
	if code != 1 {
		t.Fatalf("exit %d, want 1 (some inputs failed): %s", code, stderr)
	}
	lines := strings.Split(strings.TrimSpace(stderr), "\n")
	summary := lines[len(lines)-1]
	if !strings.Contains(summary, "21 new, 0 unchanged, 0 updated, 3 failed") {
		t.Errorf("summary %q", summary)
	}
	for _, want := range []string{"empty.txt:", "records.jsonl:2", "nope.txt: no such file"} {
		if !strings.Contains(stderr, want) {
			t.Errorf("stderr lacks a line for %q:\n%s", want, stderr)
		}
	}
	if strings.Contains(stderr, "\x1b[") {
		t.Error("progress bar drawn although stderr is not a terminal")
	}
	_, stderr, code = runBinary(t, tmp, nil, "ingest", "--db", db, filepath.Join(dir, "000"))
	if code != 0 || !strings.Contains(stderr, "0 new, 20 unchanged") {
		t.Errorf("re-ingest: exit %d, %s", code, stderr)
	}
}
