// Command flowwatch extracts, stores, reconciles and serves figures on
// North Korean workers and soldiers sent to Russia. Each subcommand lives
// in its own file and registers itself in init, so adding one touches no
// other file.
package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"os/signal"
	"sort"
	"syscall"

	"github.com/flowwatch/flowwatch"
)

// command is one subcommand.
type command struct {
	name    string
	summary string
	run     func(ctx context.Context, env *env, args []string) error
}

// env is what a subcommand may touch of the process, so tests can run
// commands in-process with buffers.
type env struct {
	stdin          io.Reader
	stdout, stderr io.Writer
	getenv         func(string) string
}

var commands = map[string]*command{}

func register(c *command) { commands[c.name] = c }

// errReported means the command already printed its error lines (one per
// bad input) and only the exit status is left to set.
var errReported = errors.New("errors reported")

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	e := &env{stdin: os.Stdin, stdout: os.Stdout, stderr: os.Stderr, getenv: os.Getenv}
	os.Exit(run(ctx, e, os.Args[1:]))
}

func run(ctx context.Context, e *env, args []string) int {
	e.stderr = redactWriter{e.stderr}
	if len(args) == 0 {
		usage(e.stderr)
		return 2
	}
	if args[0] == "-h" || args[0] == "--help" || args[0] == "help" {
		usage(e.stdout)
		return 0
	}
	if args[0] == "version" || args[0] == "--version" {
		fmt.Fprintln(e.stdout, "flowwatch", flowwatch.Version)
		return 0
	}
	c, ok := commands[args[0]]
	if !ok {
		fmt.Fprintf(e.stderr, "flowwatch: unknown command %q\nhint: run 'flowwatch help' for the list of commands\n", args[0])
		return 2
	}
	if err := c.run(ctx, e, args[1:]); err != nil {
		if errors.Is(err, errReported) {
			return 1
		}
		if errors.Is(err, errHelp) {
			return 0
		}
		var ue *usageError
		if errors.As(err, &ue) {
			fmt.Fprintf(e.stderr, "flowwatch %s: %s\nhint: run 'flowwatch %s -h' for its flags and arguments\n", c.name, ue.msg, c.name)
			return 2
		}
		fmt.Fprintf(e.stderr, "flowwatch %s: %s\n", c.name, escapeLines(userMessage(err)))
		return 1
	}
	return 0
}

// userMessage shows an application error's message, and otherwise the
// wrapped chain, which names the operation and input that failed.
func userMessage(err error) string {
	if code := flowwatch.ErrorCode(err); code != flowwatch.EINTERNAL {
		return flowwatch.ErrorMessage(err)
	}
	return err.Error()
}

func usage(w io.Writer) {
	fmt.Fprintln(w, "flowwatch: figures on North Korean workers and soldiers in Russia, from news reporting")
	fmt.Fprintln(w, "\nusage: flowwatch COMMAND [flags] [args]\n\ncommands:")
	names := make([]string, 0, len(commands))
	for n := range commands {
		names = append(names, n)
	}
	sort.Strings(names)
	for _, n := range names {
		fmt.Fprintf(w, "  %-12s %s\n", n, commands[n].summary)
	}
	fmt.Fprintln(w, "\nRun 'flowwatch COMMAND -h' for a command's flags.")
}
