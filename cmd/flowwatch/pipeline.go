package main

import (
	"context"

	"github.com/flowwatch/flowwatch"
	"github.com/flowwatch/flowwatch/domain"
	"github.com/flowwatch/flowwatch/extract"
	fwhttp "github.com/flowwatch/flowwatch/http"
	"github.com/flowwatch/flowwatch/ingest"
)

// pipelineIngest ingests one uploaded file through the same pipeline as
// `flowwatch ingest` (clean, extract, save in one transaction): what POST
// /api/ingest and serve --samples do with each file.
func pipelineIngest(store flowwatch.Store) fwhttp.IngestFunc {
	p := &ingest.Pipeline{Store: store, Extractor: extract.New(domain.Default()), Workers: 1}
	return func(ctx context.Context, name string, raw []byte) (fwhttp.IngestResult, error) {
		return ingestOne(ctx, p, name, raw)
	}
}

func ingestOne(ctx context.Context, p *ingest.Pipeline, name string, raw []byte) (fwhttp.IngestResult, error) {
	var it ingest.ItemResult
	_, err := p.Run(ctx, func(ctx context.Context, emit func(ingest.Doc) error) error {
		return emit(ingest.Doc{Origin: name, Name: name, Raw: raw})
	}, func(r ingest.ItemResult) { it = r })
	if err == nil {
		err = it.Err
	}
	if err != nil {
		return fwhttp.IngestResult{Name: name}, err
	}
	res := fwhttp.IngestResult{Name: name, Result: it.Result.String(), Claims: it.Claims}
	if it.Article != nil {
		res.Article = it.Article.ID
	}
	return res, nil
}
