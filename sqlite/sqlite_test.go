package sqlite_test

import (
	"context"
	"path/filepath"
	"testing"

	"github.com/flowwatch/flowwatch"
	"github.com/flowwatch/flowwatch/internal/storetest"
	"github.com/flowwatch/flowwatch/sqlite"
)

func open(t *testing.T) flowwatch.Store {
	t.Helper()
	s, err := sqlite.Open(context.Background(), filepath.Join(t.TempDir(), "flowwatch.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	return s
}

func TestStore(t *testing.T) { storetest.Run(t, open) }
