package pdf

import (
	"bytes"
	"errors"
	"regexp"
	"strconv"
)

// The object layer follows startxref and each section's /Prev without
// remembering where it has been: a file whose /Prev points back at an
// earlier section would loop forever. checkXrefChain walks the chain
// first, the same way, and refuses one that loops or never ends.

const (
	maxXrefSections = 64      // incremental updates; real files have a handful
	xrefWindow      = 8 << 20 // how far past a section its trailer is looked for
)

var (
	startxrefRE = regexp.MustCompile(`startxref\s+(\d+)`)
	prevRE      = regexp.MustCompile(`/Prev\s+(\d+)`)
	errXrefLoop = errors.New("corrupt PDF: its cross-reference sections point back at each other (a loop)")
)

func checkXrefChain(data []byte) error {
	tail := data[max(0, len(data)-1024):]
	ms := startxrefRE.FindAllSubmatch(tail, -1)
	if len(ms) == 0 {
		return nil // the object layer names what is missing
	}
	off, err := strconv.ParseInt(string(ms[len(ms)-1][1]), 10, 64)
	if err != nil {
		return nil
	}
	seen := map[int64]bool{}
	for n := 0; off > 0 && off < int64(len(data)); n++ {
		if seen[off] || n >= maxXrefSections {
			return errXrefLoop
		}
		seen[off] = true
		prev, ok := sectionPrev(data, off)
		if !ok {
			return nil
		}
		off = prev
	}
	return nil
}

// sectionPrev finds the /Prev of the section at off: in the trailer after
// an xref table, or in the dictionary of an xref stream.
func sectionPrev(data []byte, off int64) (int64, bool) {
	win := data[off:min(int64(len(data)), off+xrefWindow)]
	var dict []byte
	if bytes.HasPrefix(bytes.TrimLeft(win, " \r\n\t"), []byte("xref")) {
		t := bytes.Index(win, []byte("trailer"))
		if t < 0 {
			return 0, false
		}
		dict = win[t:]
		if e := bytes.Index(dict, []byte("startxref")); e >= 0 {
			dict = dict[:e]
		}
	} else {
		e := bytes.Index(win, []byte("stream"))
		if e < 0 {
			return 0, false
		}
		dict = win[:e]
	}
	m := prevRE.FindSubmatch(dict)
	if m == nil {
		return 0, false
	}
	prev, err := strconv.ParseInt(string(m[1]), 10, 64)
	return prev, err == nil
}
