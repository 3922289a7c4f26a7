// Package servetest runs the real `flowwatch serve` binary for tests and
// benchmarks that need the whole process (its memory, its flags, a browser
// talking to it), so that they share one way of starting it, finding the
// address it chose and stopping it.
package servetest

import (
	"bufio"
	"io"
	"os"
	"os/exec"
	"regexp"
	"strings"
	"testing"
	"time"
)

// addrRe matches the banner serve prints once it listens; tests pass
// --addr 127.0.0.1:0, so the port is only known from it.
var addrRe = regexp.MustCompile(`dashboard at (http://[^/]+)/`)

// Server is a running `flowwatch serve`.
type Server struct {
	// URL is the base URL it listens on, without a trailing slash.
	URL string
	// Log is its stderr up to and including the line naming URL.
	Log string
	// Cmd is the process, for tests that inspect it (its memory in /proc).
	Cmd *exec.Cmd
}

// Start runs bin with args (the first being "serve") and waits up to
// timeout for it to name its address; tb fails if it exits or stays
// silent before that. The server is interrupted and waited for when tb
// ends.
func Start(tb testing.TB, timeout time.Duration, bin string, args ...string) *Server {
	tb.Helper()
	cmd := exec.Command(bin, args...)
	stderr, err := cmd.StderrPipe()
	if err != nil {
		tb.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		tb.Fatal(err)
	}
	tb.Cleanup(func() {
		cmd.Process.Signal(os.Interrupt)
		cmd.Wait()
	})
	url, log := waitForAddr(tb, stderr, timeout)
	return &Server{URL: url, Log: log, Cmd: cmd}
}

// waitForAddr reads serve's stderr until it names the address it listens
// on, then keeps draining it so the server never blocks on a full pipe.
func waitForAddr(tb testing.TB, r io.Reader, timeout time.Duration) (string, string) {
	tb.Helper()
	sc := bufio.NewScanner(r)
	var lines []string
	found := make(chan string, 1)
	go func() {
		sent := false
		for sc.Scan() {
			if !sent {
				lines = append(lines, sc.Text())
				if m := addrRe.FindStringSubmatch(sc.Text()); m != nil {
					found <- m[1]
					sent = true
				}
			}
		}
		if !sent {
			close(found)
		}
	}()
	select {
	case u, ok := <-found:
		if !ok {
			tb.Fatalf("serve exited before listening:\n%s", strings.Join(lines, "\n"))
		}
		return u, strings.Join(lines, "\n")
	case <-time.After(timeout):
		tb.Fatalf("serve did not listen within %v", timeout)
	}
	return "", ""
}
