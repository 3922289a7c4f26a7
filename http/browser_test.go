package http_test

import (
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"testing"
	"time"

	"github.com/flowwatch/flowwatch"
	"github.com/flowwatch/flowwatch/internal/pgtest"
	"github.com/flowwatch/flowwatch/internal/servetest"
	"github.com/flowwatch/flowwatch/postgres"
	"github.com/flowwatch/flowwatch/sqlite"
)

// TestBrowser runs e2e/browser/test.mjs in headless Chromium against the
// real binary serving the bundled samples. FLOWWATCH_SCREENSHOTS=1 also
// rewrites docs/screenshots/*.png.
func TestBrowser(t *testing.T) {
	if testing.Short() {
		t.Skip("browser tests: skipped in -short mode")
	}
	// CI sets FLOWWATCH_REQUIRE_BROWSER so that a failed install fails the
	// run instead of hiding behind a skip.
	skip := t.Skip
	if os.Getenv("FLOWWATCH_REQUIRE_BROWSER") != "" {
		skip = t.Fatal
	}
	if _, err := os.Stat("/usr/bin/chromium"); err != nil {
		skip("browser tests: skipped, /usr/bin/chromium is missing (apt-get install chromium; .ci/run does it)")
	}
	if _, err := exec.LookPath("node"); err != nil {
		skip("browser tests: skipped, node is missing")
	}
	root, err := filepath.Abs("..")
	if err != nil {
		t.Fatal(err)
	}
	e2e := filepath.Join(root, "e2e", "browser")
	if _, err := os.Stat(filepath.Join(e2e, "node_modules", "playwright-core")); err != nil {
		skip("browser tests: skipped, e2e/browser/node_modules is missing (run npm ci in e2e/browser; .ci/run does it)")
	}

	dir := t.TempDir()
	bin := filepath.Join(dir, "flowwatch")
	build := exec.Command("go", "build", "-o", bin, "./cmd/flowwatch")
	build.Dir = root
	if out, err := build.CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}

	t.Run("sqlite", func(t *testing.T) {
		db := filepath.Join(dir, "flowwatch.db")
		st, err := sqlite.Open(context.Background(), db)
		if err != nil {
			t.Fatal(err)
		}
		browse(t, bin, root, db, st, os.Getenv("FLOWWATCH_SCREENSHOTS") != "")
	})
	// The dashboard reads only the API, which answers through the same code
	// on both stores; this run shows that end to end.
	t.Run("postgres", func(t *testing.T) {
		if pgtest.URL() == "" {
			t.Skip("FLOWWATCH_TEST_POSTGRES is unset: the browser run on PostgreSQL is skipped")
		}
		db := pgtest.SchemaURL(t, "browser_test_")
		st, err := postgres.Open(context.Background(), db)
		if err != nil {
			t.Fatal(err)
		}
		browse(t, bin, root, db, st, false)
	})
}

// browse seeds st (then closes it), serves db with the samples, writes the
// brief, and runs e2e/browser/test.mjs against them.
func browse(t *testing.T, bin, root, db string, st flowwatch.Store, screenshots bool) {
	// The hostile article goes in before the server starts, straight into
	// the database, with a claim whose fields carry payloads too.
	ids := seed(t, st, "evil", "bidi")
	pdfID := seedPDF(t, st)
	st.Close()

	ctx, cancel := context.WithTimeout(context.Background(), 4*time.Minute)
	defer cancel()
	srv := servetest.Start(t, 90*time.Second, bin, "serve", "--samples", "--db", db, "--addr", "127.0.0.1:0", "--rate", "0")
	url := srv.URL
	t.Log(srv.Log)

	// The analyst's brief of the same database, for the phone-width check.
	brief := filepath.Join(t.TempDir(), "brief.html")
	report, err := exec.CommandContext(ctx, bin, "report", "--format", "html", "--db", db).Output()
	if err != nil {
		t.Fatalf("report: %v", err)
	}
	if err := os.WriteFile(brief, report, 0o644); err != nil {
		t.Fatal(err)
	}
	// What `flowwatch facts` says of the same database, for the dashboard
	// to agree with.
	factsFile := filepath.Join(t.TempDir(), "facts.jsonl")
	facts, err := exec.CommandContext(ctx, bin, "facts", "--format", "jsonl", "--db", db).Output()
	if err != nil {
		t.Fatalf("facts: %v", err)
	}
	if err := os.WriteFile(factsFile, facts, 0o644); err != nil {
		t.Fatal(err)
	}

	node := exec.CommandContext(ctx, "node", "test.mjs")
	node.Dir = filepath.Join(root, "e2e", "browser")
	node.Env = append(os.Environ(), "FLOWWATCH_BRIEF="+brief, "FLOWWATCH_FACTS="+factsFile, "FLOWWATCH_URL="+url, fmt.Sprintf("FLOWWATCH_EVIL_ID=%d", ids["evil"]), fmt.Sprintf("FLOWWATCH_BIDI_ID=%d", ids["bidi"]), fmt.Sprintf("FLOWWATCH_PDF_ID=%d", pdfID))
	if screenshots {
		node.Env = append(node.Env, "SCREENSHOT_DIR="+filepath.Join(root, "docs", "screenshots"))
	}
	out, err := node.CombinedOutput()
	t.Logf("node test.mjs:\n%s", out)
	if err != nil {
		t.Fatalf("browser tests failed: %v", err)
	}
	if !regexp.MustCompile(`(?m)^\d+ passed, 0 failed$`).Match(out) {
		t.Fatalf("browser tests did not report their result")
	}
}
