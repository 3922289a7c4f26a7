package sqlite

import (
	"context"
	"path/filepath"
	"testing"

	"github.com/flowwatch/flowwatch"
	"github.com/flowwatch/flowwatch/internal/storetest"
)

// TestReadPools checks which pool each read goes through: reads that visit
// every row use the scan pool, whose connections map nothing; pages, counts
// and searches keep the mapped read pool. The other pool is closed, so a
// read sent to it fails.
func TestReadPools(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "pools.db")
	s, err := Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	var id int64
	for i := range 12 {
		a, cs := storetest.Generate(i)
		if _, err := s.SaveArticle(ctx, a, cs); err != nil {
			t.Fatal(err)
		}
		id = a.ID
	}
	s.Close()
	tests := []struct {
		name string
		scan bool
		read func(*Store) error
	}{
		{"every claim", true, func(s *Store) error {
			_, err := s.Claims(ctx, flowwatch.ClaimFilter{Limit: -1, LatestVersionsOnly: true})
			return err
		}},
		{"a page larger than the default", true, func(s *Store) error {
			_, err := s.Claims(ctx, flowwatch.ClaimFilter{Limit: 5000, AfterID: 3})
			return err
		}},
		{"every article", true, func(s *Store) error {
			return s.EachArticle(ctx, func(*flowwatch.Article) error { return nil })
		}},
		{"every article version listed", true, func(s *Store) error {
			_, err := s.Articles(ctx, flowwatch.ArticleFilter{AllVersions: true, Limit: -1})
			return err
		}},
		{"revision", true, func(s *Store) error { _, err := s.Revision(ctx); return err }},
		{"stats", true, func(s *Store) error { _, err := s.Stats(ctx); return err }},
		{"a page of claims", false, func(s *Store) error {
			_, err := s.Claims(ctx, flowwatch.ClaimFilter{Limit: 100, Group: "soldiers"})
			return err
		}},
		{"one article's claims, unlimited", false, func(s *Store) error {
			_, err := s.Claims(ctx, flowwatch.ClaimFilter{ArticleID: id, Limit: -1})
			return err
		}},
		{"a count", false, func(s *Store) error {
			_, err := s.CountClaims(ctx, flowwatch.ClaimFilter{Kind: "people"})
			return err
		}},
		{"a search", false, func(s *Store) error { _, err := s.Search(ctx, "soldiers", 20); return err }},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s, err := Open(ctx, path)
			if err != nil {
				t.Fatal(err)
			}
			defer s.Close()
			if tt.scan {
				s.r.Close()
			} else {
				s.scan.Close()
			}
			if err := tt.read(s); err != nil {
				t.Errorf("scan pool %v: %v", tt.scan, err)
			}
		})
	}
}
