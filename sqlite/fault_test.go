package sqlite

import (
	"context"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"testing"

	"github.com/flowwatch/flowwatch"
	"github.com/flowwatch/flowwatch/internal/storetest"
)

// TestDiskFull caps the file's size, which makes SQLite fail the way a
// full disk does (SQLITE_FULL): the error must say so and leave nothing
// of the article behind.
func TestDiskFull(t *testing.T) {
	ctx := context.Background()
	s, err := Open(ctx, filepath.Join(t.TempDir(), "full.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	small := &flowwatch.Article{Name: "small", Text: "Fits."}
	if _, err := s.SaveArticle(ctx, small, nil); err != nil {
		t.Fatal(err)
	}
	var pages int
	if err := s.w.QueryRowContext(ctx, "PRAGMA page_count").Scan(&pages); err != nil {
		t.Fatal(err)
	}
	// The writer pool holds one connection, so the cap stays in force.
	if _, err := s.w.ExecContext(ctx, "PRAGMA max_page_count = "+strconv.Itoa(pages+2)); err != nil {
		t.Fatal(err)
	}
	text := strings.Repeat("A long article that will not fit. ", 20000)
	claims := []flowwatch.Claim{{Kind: "people", Quote: "A long", Start: 0, End: 6}}
	_, err = s.SaveArticle(ctx, &flowwatch.Article{Name: "big", Text: text}, claims)
	if code := flowwatch.ErrorCode(err); code != flowwatch.EUNAVAILABLE || !strings.Contains(err.Error(), "full") {
		t.Fatalf("save on a full disk = %v (code %q), want unavailable naming the full disk", err, code)
	}
	st, err := s.Stats(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if st.ArticleVersions != 1 || st.Claims != 0 {
		t.Fatalf("after the failed save: %d versions %d claims, want 1 0", st.ArticleVersions, st.Claims)
	}
}

// TestTwoProcesses opens several stores on one new file at once, as two
// commands started together would: migrations run once, and overlapping
// saves through the separate connection pools duplicate nothing.
func TestTwoProcesses(t *testing.T) {
	path := filepath.Join(t.TempDir(), "shared.db")
	stores := make([]flowwatch.Store, 3)
	errs := make([]error, len(stores))
	var wg sync.WaitGroup
	for i := range stores {
		wg.Add(1)
		go func() {
			defer wg.Done()
			s, err := Open(context.Background(), path)
			if err == nil {
				stores[i] = s
			}
			errs[i] = err
		}()
	}
	wg.Wait()
	for i, err := range errs {
		if err != nil {
			t.Fatalf("open %d: %v", i, err)
		}
		t.Cleanup(func() { stores[i].Close() })
	}
	storetest.Concurrent(t, stores...)
}

func TestOpenErrors(t *testing.T) {
	dir := t.TempDir()
	for _, path := range []string{"", ":memory:", "a.db?mode=ro", filepath.Join(dir, "missing-dir", "x.db")} {
		s, err := Open(context.Background(), path)
		if err == nil {
			s.Close()
			t.Errorf("Open(%q) succeeded", path)
			continue
		}
		if code := flowwatch.ErrorCode(err); code == flowwatch.EINTERNAL && !strings.Contains(err.Error(), path) {
			t.Errorf("Open(%q) = %v: neither an application error nor naming the file", path, err)
		}
	}
}
