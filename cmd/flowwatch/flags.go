package main

import (
	"bytes"
	"errors"
	"flag"
	"fmt"
	"io"
	"strings"
)

// errHelp means the user asked for a command's help, which was printed on
// standard output: main exits 0.
var errHelp = errors.New("help requested")

// usageError is a mistake in how a command was called. main prints it as
// one line and a hint to the command's help, and exits 2: the whole usage
// text would bury the line that says what was wrong.
type usageError struct {
	command string
	msg     string
}

func (e *usageError) Error() string { return e.msg }

// usageErr reports a usage mistake of fs's command.
func usageErr(fs *flag.FlagSet, format string, args ...any) error {
	return &usageError{command: fs.Name(), msg: fmt.Sprintf(format, args...)}
}

// newFlags makes a FlagSet whose -h prints the usage on e.stdout and whose
// parse errors come back from parseFlags as a usageError, unprinted.
func newFlags(e *env, name, argsHelp, summary string) *flag.FlagSet {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	// The flag package writes a parse error to Output before calling Usage;
	// a buffer keeps it, so parseFlags can turn it into one line.
	fs.SetOutput(&bytes.Buffer{})
	fs.Usage = func() {
		if b, ok := fs.Output().(*bytes.Buffer); ok && b.Len() > 0 {
			return // a parse error, reported by parseFlags
		}
		printUsage(e.stdout, fs, argsHelp, summary)
	}
	return fs
}

func printUsage(w io.Writer, fs *flag.FlagSet, argsHelp, summary string) {
	fmt.Fprintf(w, "usage: flowwatch %s [flags] %s\n\n%s\n\nflags:\n", fs.Name(), argsHelp, summary)
	out := fs.Output()
	fs.SetOutput(w)
	fs.PrintDefaults()
	fs.SetOutput(out)
}

// parseFlags lets flags stand after positional arguments too
// ("flowwatch extract a.txt --format table"), which Go's flag package
// alone does not. "--" ends flag parsing.
func parseFlags(fs *flag.FlagSet, args []string) ([]string, error) {
	var pos []string
	for {
		if err := fs.Parse(args); err != nil {
			if errors.Is(err, flag.ErrHelp) {
				return nil, errHelp
			}
			return nil, usageErr(fs, "%s", firstLine(fs.Output(), err))
		}
		rest := fs.Args()
		i := 0
		for i < len(rest) && !(strings.HasPrefix(rest[i], "-") && rest[i] != "-") {
			i++
		}
		pos = append(pos, rest[:i]...)
		if i == len(rest) {
			return pos, nil
		}
		if rest[i] == "--" {
			return append(pos, rest[i+1:]...), nil
		}
		args = rest[i:]
	}
}

// firstLine is the flag package's own message for a parse error ("flag
// provided but not defined: -x"), or err's text when it printed none.
func firstLine(out io.Writer, err error) string {
	if b, ok := out.(*bytes.Buffer); ok && b.Len() > 0 {
		line, _, _ := strings.Cut(b.String(), "\n")
		b.Reset()
		return line
	}
	return err.Error()
}
