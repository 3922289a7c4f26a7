package main

import (
	"context"

	"github.com/flowwatch/flowwatch"
	"github.com/flowwatch/flowwatch/clean"
	"github.com/flowwatch/flowwatch/domain"
	"github.com/flowwatch/flowwatch/extract"
	fwhttp "github.com/flowwatch/flowwatch/http"
)

// pipelineIngest cleans one file, extracts its claims with the default
// domain data and saves both in one transaction: what POST /api/ingest
// and serve --samples do with each file.
func pipelineIngest(store flowwatch.Store) fwhttp.IngestFunc {
	x := extract.New(domain.Default())
	return func(ctx context.Context, name string, raw []byte) (fwhttp.IngestResult, error) {
		a, err := clean.Parse(name, raw)
		if err != nil {
			return fwhttp.IngestResult{Name: name}, err
		}
		claims := x.Extract(a)
		res, err := store.SaveArticle(ctx, a, claims)
		if err != nil {
			return fwhttp.IngestResult{Name: name}, err
		}
		return fwhttp.IngestResult{Name: name, Article: a.ID, Result: res.String(), Claims: len(claims)}, nil
	}
}
