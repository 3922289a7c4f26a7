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

// The object layer also follows an object stream's /Extends until it
// finds the object it wants; streams that extend each other in a circle
// would keep it looking forever. Object stream dictionaries are never
// compressed, so their /Extends can be read from the file as it is.

var (
	extendsRE = regexp.MustCompile(`/Extends\s+(\d+)\s+\d+\s+R`)
	objRE     = regexp.MustCompile(`(\d+)\s+\d+\s+obj\b`)
)

const maxExtends = 4096 // /Extends entries checked; past that the file is refused

func checkExtends(data []byte) error {
	next := map[int64]int64{}
	for _, m := range extendsRE.FindAllSubmatchIndex(data, maxExtends+1) {
		if len(next) >= maxExtends {
			return errors.New("corrupt PDF: too many object streams extend others")
		}
		// The object this dictionary belongs to: the last "N 0 obj"
		// before it, within a dictionary's reach.
		from := max(0, m[0]-4096)
		objs := objRE.FindAllSubmatch(data[from:m[0]], -1)
		if len(objs) == 0 {
			continue
		}
		src, err1 := strconv.ParseInt(string(objs[len(objs)-1][1]), 10, 64)
		dst, err2 := strconv.ParseInt(string(data[m[2]:m[3]]), 10, 64)
		if err1 == nil && err2 == nil {
			next[src] = dst
		}
	}
	for start := range next {
		seen := map[int64]bool{}
		for n, ok := start, true; ok; n, ok = next[n] {
			if seen[n] {
				return errors.New("corrupt PDF: its object streams extend each other in a loop")
			}
			seen[n] = true
		}
	}
	return nil
}
