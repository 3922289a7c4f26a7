package input

import (
	"bytes"
	"compress/gzip"
	"fmt"
	"strings"
)

// gzipMagic starts every gzip stream. Inputs are recognised by it rather
// than by their ending, so a page.html.gz piped on standard input is read
// as well as one named on the command line.
var gzipMagic = []byte{0x1f, 0x8b}

// gunzip returns data decompressed when it is a gzip stream, and data
// itself otherwise. The output is bounded by MaxBytes like any input, so
// a small file that inflates to gigabytes is refused, not read.
func gunzip(data []byte) ([]byte, error) {
	if !bytes.HasPrefix(data, gzipMagic) {
		return data, nil
	}
	zr, err := gzip.NewReader(bytes.NewReader(data))
	if err != nil {
		return nil, fmt.Errorf("gzip: %w", err)
	}
	defer zr.Close()
	out, err := readBounded(zr)
	if err != nil {
		return nil, fmt.Errorf("gzip: %w", err)
	}
	return out, nil
}

// gzipped reports whether name ends in .gz after an ending in exts
// ("page.html.gz"), which a directory walk reads like the plain file.
func gzipped(name string, exts map[string]bool) bool {
	lower := strings.ToLower(name)
	return strings.HasSuffix(lower, ".gz") && hasExt(strings.TrimSuffix(lower, ".gz"), exts)
}
