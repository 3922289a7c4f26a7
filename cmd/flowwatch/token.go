package main

import (
	"context"
	"fmt"
	"strconv"
	"strings"
	"text/tabwriter"
	"time"

	"github.com/flowwatch/flowwatch"
	fwhttp "github.com/flowwatch/flowwatch/http"
)

func init() {
	register(&command{
		name:    "token",
		summary: "create, list and delete API tokens for writing over HTTP",
		run:     runToken,
	})
}

func runToken(ctx context.Context, e *env, args []string) error {
	fs := newFlags(e, "token", "create NAME | list | delete ID",
		"Tokens let a client write through the API (POST /api/ingest, /api/tokens)\n"+
			"with 'Authorization: Bearer TOKEN'. Only a hash is stored: the token is\n"+
			"printed once, at creation.")
	db := dbFlag(fs, e)
	rest, err := parseFlags(fs, args)
	if err != nil {
		return err
	}
	if len(rest) == 0 {
		return usageErr(fs, "say create NAME, list or delete ID")
	}
	store, err := openStore(ctx, *db)
	if err != nil {
		return err
	}
	defer store.Close()
	switch rest[0] {
	case "create":
		if len(rest) != 2 || strings.TrimSpace(rest[1]) == "" {
			return flowwatch.Errorf(flowwatch.EINVALID, "usage: flowwatch token create NAME (a name saying who or what uses the token)")
		}
		tok, hash, err := fwhttp.NewToken()
		if err != nil {
			return fmt.Errorf("token create: %w", err)
		}
		t, err := store.CreateToken(ctx, rest[1], hash)
		if err != nil {
			return err
		}
		fmt.Fprintf(e.stderr, "created token %d %q; it is shown once, store it now:\n", t.ID, t.Name)
		fmt.Fprintln(e.stdout, tok)
		return nil
	case "list":
		ts, err := store.Tokens(ctx)
		if err != nil {
			return err
		}
		tw := tabwriter.NewWriter(e.stdout, 0, 0, 2, ' ', 0)
		fmt.Fprintln(tw, "ID\tNAME\tCREATED\tLAST USED")
		for _, t := range ts {
			last := "never"
			if !t.LastUsed.IsZero() {
				last = t.LastUsed.UTC().Format(time.RFC3339)
			}
			fmt.Fprintf(tw, "%d\t%s\t%s\t%s\n", t.ID, t.Name, t.Created.UTC().Format(time.RFC3339), last)
		}
		return tw.Flush()
	case "delete":
		if len(rest) != 2 {
			return flowwatch.Errorf(flowwatch.EINVALID, "usage: flowwatch token delete ID (see 'flowwatch token list')")
		}
		id, err := strconv.ParseInt(rest[1], 10, 64)
		if err != nil || id <= 0 {
			return flowwatch.Errorf(flowwatch.EINVALID, "token id %q: want the number 'flowwatch token list' shows", rest[1])
		}
		if err := store.DeleteToken(ctx, id); err != nil {
			return err
		}
		fmt.Fprintf(e.stderr, "deleted token %d\n", id)
		return nil
	}
	return flowwatch.Errorf(flowwatch.EINVALID, "unknown token action %q: use create NAME, list or delete ID", rest[0])
}
