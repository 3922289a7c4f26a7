package main

import (
	"bytes"
	"context"
	"path/filepath"
	"strings"
	"testing"

	"github.com/flowwatch/flowwatch"
)

func TestDBFlag(t *testing.T) {
	tests := []struct {
		env, args []string
		want      string
	}{
		{nil, nil, "./flowwatch.db"},
		{[]string{"FLOWWATCH_DB", "/data/fw.db"}, nil, "/data/fw.db"},
		{[]string{"FLOWWATCH_DB", "/data/fw.db"}, []string{"--db", "postgres://h/db"}, "postgres://h/db"},
	}
	for _, tt := range tests {
		e := &env{stderr: &bytes.Buffer{}, getenv: func(k string) string {
			if len(tt.env) == 2 && k == tt.env[0] {
				return tt.env[1]
			}
			return ""
		}}
		fs := newFlags(e, "x", "", "")
		db := dbFlag(fs, e)
		if err := fs.Parse(tt.args); err != nil {
			t.Fatal(err)
		}
		if *db != tt.want {
			t.Errorf("env %v args %v: --db = %q, want %q", tt.env, tt.args, *db, tt.want)
		}
	}
}

func TestOpenStore(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "x.db")
	s, err := openStore(ctx, path)
	if err != nil {
		t.Fatalf("openStore(%s): %v", path, err)
	}
	if _, err := s.Stats(ctx); err != nil {
		t.Errorf("openStore(%s): %v", path, err)
	}
	s.Close()
	// A postgres URL goes to PostgreSQL, never to a file of that name.
	for _, dsn := range []string{"postgresql://127.0.0.1:1/none?connect_timeout=2", "POSTGRES://127.0.0.1:1/none?connect_timeout=2"} {
		_, err := openStore(ctx, dsn)
		if flowwatch.ErrorCode(err) != flowwatch.EUNAVAILABLE || !strings.Contains(err.Error(), "PostgreSQL") {
			t.Errorf("openStore(%s) = %v, want PostgreSQL unavailable", dsn, err)
		}
	}
}
