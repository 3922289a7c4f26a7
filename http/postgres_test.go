package http_test

import (
	"testing"

	"github.com/flowwatch/flowwatch"
	"github.com/flowwatch/flowwatch/internal/pgtest"
)

// openPostgres returns an opener of fresh PostgreSQL stores, each in its
// own schema (dropped when its test ends) so parallel runs never share
// rows, or nil when FLOWWATCH_TEST_POSTGRES is unset.
func openPostgres(t *testing.T) func(t *testing.T) flowwatch.Store {
	if pgtest.URL() == "" {
		t.Log("FLOWWATCH_TEST_POSTGRES is unset: API tests run on SQLite only, PostgreSQL skipped")
		return nil
	}
	return func(t *testing.T) flowwatch.Store { return pgtest.Store(t, "http_test_") }
}
