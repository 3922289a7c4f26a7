package input

import "context"

// List walks paths as Walk does, without reading any file, and returns
// the inputs Walk would give, with no Data. A progress bar uses it to
// show a total and an estimated time left.
func List(ctx context.Context, paths []string, opt Options) ([]Item, error) {
	exts := opt.Exts
	if exts == nil {
		exts = ArticleExts
	}
	var items []Item
	fn := func(it Item) error {
		items = append(items, it)
		return nil
	}
	for _, p := range paths {
		w := walker{ctx: ctx, exts: exts, deferred: opt.Defer, fn: fn, seen: map[fileID]bool{}, statOnly: true}
		if err := w.path(p, true); err != nil {
			return nil, err
		}
	}
	return items, nil
}
