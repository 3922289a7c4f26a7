// Package samples holds the sample articles bundled with flowwatch, written
// by the flowwatch authors and stating real published figures, so that the
// demo (`flowwatch serve --samples`) works on a machine with no other data.
package samples

import "embed"

// FS holds every sample article file.
//
//go:embed *.txt
var FS embed.FS
