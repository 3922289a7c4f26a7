package main

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/mmcdole/gofeed"

	"github.com/flowwatch/flowwatch"
	"github.com/flowwatch/flowwatch/domain"
	fwhttp "github.com/flowwatch/flowwatch/http"
	"github.com/flowwatch/flowwatch/internal/pgtest"
	"github.com/flowwatch/flowwatch/notify"
	"github.com/flowwatch/flowwatch/sqlite"
)

// Sentences written for these tests; the figures are made up.
const (
	changeBefore = "Seoul, March 3 (Wire) -- About 11,000 North Korean soldiers are in Russia's Kursk region, South Korea's National Intelligence Service said on Monday."
	changeAfter  = "Kyiv, April 9 (Wire) -- Some 4,700 North Korean soldiers have been killed or wounded in the Kursk region, Ukraine's military intelligence agency GUR said on Wednesday."
)

func article(title, published, text string) []byte {
	return []byte(fmt.Sprintf("title: %s\npublished: %s\noutlet: Test Wire\n---\n%s\n", title, published, text))
}

// TestChangesFeed: an ingest made after a time shows in /feed.atom, read
// with a real feed parser, and in `flowwatch changes --since`, on SQLite
// and on PostgreSQL.
func TestChangesFeed(t *testing.T) {
	db := filepath.Join(t.TempDir(), "c.db")
	st, err := sqlite.Open(context.Background(), db)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	mark := changesFeed(t, st)
	out, errOut, code := runInProcess(t, "changes", "--db", db, "--since", mark.Format(time.RFC3339), "--format", "jsonl")
	if code != 0 {
		t.Fatalf("changes: exit %d: %s", code, errOut)
	}
	if !strings.Contains(out, "4,700") || strings.Contains(out, `"title":"New fact: 11,000`) {
		t.Errorf("changes --since %s:\n%s", mark.Format(time.RFC3339), out)
	}
	_, errOut, code = runInProcess(t, "changes", "--db", db)
	if code != 2 || !strings.Contains(errOut, "--since DATE is required") {
		t.Errorf("changes without --since: exit %d, %q", code, errOut)
	}
	if pgtest.URL() == "" {
		t.Log("FLOWWATCH_TEST_POSTGRES is unset: changes on PostgreSQL skipped")
		return
	}
	changesFeed(t, pgtest.Store(t, "changes_test_"))
}

// changesFeed ingests one article, marks the time, ingests another, and
// checks that /feed.atom since the mark lists what the second brought and
// not the first. It returns the mark.
func changesFeed(t *testing.T, st flowwatch.Store) time.Time {
	ctx := context.Background()
	ingest := pipelineIngest(st)
	if _, err := ingest(ctx, "before", article("Troops in Kursk", "2025-03-03", changeBefore)); err != nil {
		t.Fatal(err)
	}
	time.Sleep(1100 * time.Millisecond) // first_seen has one-second steps in some stores
	mark := time.Now().UTC().Truncate(time.Second)
	time.Sleep(1100 * time.Millisecond)
	if _, err := ingest(ctx, "after", article("Casualties", "2025-04-09", changeAfter)); err != nil {
		t.Fatal(err)
	}

	srv := httptest.NewServer(fwhttp.NewServer(st, fwhttp.Options{Reconciler: newStoreReconciler(domain.Default()), RatePerSec: -1}).Handler())
	defer srv.Close()
	feed, err := gofeed.NewParser().ParseURL(srv.URL + "/feed.atom?since=" + mark.Format(time.RFC3339))
	if err != nil {
		t.Fatalf("gofeed: %v", err)
	}
	if feed.FeedType != "atom" || len(feed.Items) == 0 {
		t.Fatalf("feed %q: %d items", feed.FeedType, len(feed.Items))
	}
	var titles []string
	found := false
	for _, it := range feed.Items {
		titles = append(titles, it.Title)
		if strings.Contains(it.Title, "4,700") && it.GUID != "" && it.UpdatedParsed != nil && !it.UpdatedParsed.Before(mark) {
			found = true
		}
		if strings.Contains(it.Title, "11,000") && strings.HasPrefix(it.Title, "New fact") {
			t.Errorf("the fact of the earlier ingest is listed as new: %q", it.Title)
		}
	}
	if !found {
		t.Errorf("no entry for the 4,700 the second ingest brought; entries: %q", titles)
	}
	return mark
}

// TestWatchNotify runs `watch --once --notify` against a local feed and a
// local webhook listener, which must receive the poll's changes as JSON,
// on SQLite and on PostgreSQL.
func TestWatchNotify(t *testing.T) {
	t.Run("sqlite", func(t *testing.T) { watchNotify(t, filepath.Join(t.TempDir(), "w.db")) })
	t.Run("postgres", func(t *testing.T) {
		if pgtest.URL() == "" {
			t.Skip("FLOWWATCH_TEST_POSTGRES is unset: watch --notify on PostgreSQL skipped")
		}
		watchNotify(t, pgtest.SchemaURL(t, "notify_test_"))
	})
}

func watchNotify(t *testing.T, db string) {
	feedSrv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		fmt.Fprintf(w, `<?xml version="1.0"?><rss version="2.0"><channel><title>Test Wire</title>`+
			`<item><title>Casualties</title><link>http://%s/a/1</link><guid>a1</guid><pubDate>Wed, 09 Apr 2025 08:00:00 GMT</pubDate>`+
			`<description><![CDATA[<p>%s</p><p>The agency said the figure covered the months since the deployment began, and that it expected more losses as fighting went on. Officials in Moscow and Pyongyang did not comment on the report, which the authors of this test wrote for it.</p>]]></description></item>`+
			`</channel></rss>`, r.Host, changeAfter)
	}))
	defer feedSrv.Close()
	var (
		mu  sync.Mutex
		got []notify.Message
	)
	hook := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		var m notify.Message
		if err := json.NewDecoder(r.Body).Decode(&m); err != nil {
			http.Error(w, err.Error(), http.StatusBadRequest)
			return
		}
		mu.Lock()
		got = append(got, m)
		mu.Unlock()
	}))
	defer hook.Close()

	tmp := t.TempDir()
	feeds := filepath.Join(tmp, "feeds.txt")
	if err := os.WriteFile(feeds, []byte(feedSrv.URL+"/feed.xml\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	_, errOut, code := runInProcess(t, "watch", "--once", "--allow-private", "--db", db, "--feeds", feeds, "--notify", hook.URL+"/hook")
	if code != 0 {
		t.Fatalf("watch: exit %d: %s", code, errOut)
	}
	mu.Lock()
	defer mu.Unlock()
	found := false
	for _, m := range got {
		if m.Change.ID == "" || m.Text == "" {
			t.Errorf("message without id or text: %+v", m)
		}
		if strings.Contains(m.Change.Title, "4,700") {
			found = true
		}
	}
	if !found {
		t.Errorf("the webhook did not receive the 4,700 change; got %d messages: %+v; log:\n%s", len(got), got, errOut)
	}
	_, errOut, code = runInProcess(t, "watch", "--once", "--feeds", feeds, "--notify", "ftp://example.org/")
	if code != 1 || !strings.Contains(errOut, "http or https URL") {
		t.Errorf("bad --notify: exit %d, %q", code, errOut)
	}
}
