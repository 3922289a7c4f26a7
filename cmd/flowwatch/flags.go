package main

import (
	"flag"
	"fmt"

	"strings"
)

// newFlags makes a FlagSet whose usage goes to e.stderr and whose errors
// come back as errUsage (already printed), so main exits 2 without a second line.
func newFlags(e *env, name, argsHelp, summary string) *flag.FlagSet {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(e.stderr)
	fs.Usage = func() {
		fmt.Fprintf(e.stderr, "usage: flowwatch %s [flags] %s\n\n%s\n\nflags:\n", name, argsHelp, summary)
		fs.SetOutput(e.stderr)
		fs.PrintDefaults()
	}
	return fs
}

// parseFlags lets flags stand after positional arguments too
// ("flowwatch extract a.txt --format table"), which Go's flag package
// alone does not. "--" ends flag parsing.
func parseFlags(fs *flag.FlagSet, args []string) ([]string, error) {
	var pos []string
	for {
		if err := fs.Parse(args); err != nil {
			if err == flag.ErrHelp {
				return nil, errUsage
			}
			return nil, errUsage
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
