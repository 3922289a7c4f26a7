package sqlite_test

import (
	"context"
	"database/sql"
	"path/filepath"
	"strings"
	"testing"

	"github.com/flowwatch/flowwatch"
	"github.com/flowwatch/flowwatch/sqlite"
)

func TestOpenReader(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	saved := filepath.Join(dir, "saved.db")
	s, err := sqlite.Open(ctx, saved)
	if err != nil {
		t.Fatal(err)
	}
	a := &flowwatch.Article{Name: "a", URL: "https://a.example/1", Text: "Some 12,000 soldiers were sent to Kursk.", Outlet: "Alpha"}
	c := flowwatch.Claim{Kind: flowwatch.KindPeople, Group: flowwatch.GroupSoldiers, Low: flowwatch.F(12000), High: flowwatch.F(12000),
		Quote: "Some 12,000 soldiers were sent to Kursk.", End: len(a.Text), Place: []string{"Kursk Oblast"}}
	if _, err := s.SaveArticle(ctx, a, []flowwatch.Claim{c}); err != nil {
		t.Fatal(err)
	}
	s.Close()

	// unmigrated is a SQLite file without flowwatch's schema: the reader
	// must set it up, as Open does.
	unmigrated := filepath.Join(dir, "unmigrated.db")
	db, err := sql.Open("sqlite", unmigrated)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := db.Exec(`CREATE TABLE unrelated (x)`); err != nil {
		t.Fatal(err)
	}
	db.Close()
	newer := filepath.Join(dir, "newer.db")
	copyDB(t, saved, newer, `INSERT INTO schema_migrations (version, name, applied_at) VALUES (9999, 'x', 'now')`)

	tests := []struct {
		name, path string
		claims     int
		err        string
	}{
		{"current", saved, 1, ""},
		{"missing file is created", filepath.Join(dir, "new.db"), 0, ""},
		{"migrations are applied", unmigrated, 0, ""},
		{"newer schema", newer, 0, "newer than this flowwatch knows"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r, err := sqlite.OpenReader(ctx, tt.path)
			if tt.err != "" {
				if err == nil || !strings.Contains(err.Error(), tt.err) {
					t.Fatalf("OpenReader = %v, want error %q", err, tt.err)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			defer r.Close()
			cs, err := r.Claims(ctx, flowwatch.ClaimFilter{Place: "Kursk Oblast", Group: flowwatch.GroupSoldiers})
			if err != nil || len(cs) != tt.claims {
				t.Fatalf("Claims = %d claims, %v; want %d", len(cs), err, tt.claims)
			}
			if _, err := r.Stats(ctx); err != nil {
				t.Fatal(err)
			}
		})
	}
	// After the reader, the migrations are recorded.
	db, err = sql.Open("sqlite", unmigrated)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	var n int
	if err := db.QueryRow(`SELECT COUNT(*) FROM schema_migrations`).Scan(&n); err != nil || n == 0 {
		t.Fatalf("schema_migrations: %d rows, %v", n, err)
	}
}

// copyDB copies the database at from to to (VACUUM INTO) and runs change on the copy.
func copyDB(t *testing.T, from, to, change string) {
	t.Helper()
	db, err := sql.Open("sqlite", from)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	if _, err := db.Exec(`VACUUM INTO ?`, to); err != nil {
		t.Fatal(err)
	}
	cp, err := sql.Open("sqlite", to)
	if err != nil {
		t.Fatal(err)
	}
	defer cp.Close()
	if _, err := cp.Exec(change); err != nil {
		t.Fatal(err)
	}
}
