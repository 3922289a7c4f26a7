package http_test

import (
	"testing"

	"github.com/flowwatch/flowwatch"
)

// openPostgres returns nil when FLOWWATCH_TEST_POSTGRES is unset: the tests
// then run on SQLite only and say so.
func openPostgres(t *testing.T) func(t *testing.T) flowwatch.Store {
	t.Log("PostgreSQL: skipped (no postgres store in this build yet)")
	return nil
}
