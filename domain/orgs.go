package domain

import (
	_ "embed"
	"encoding/json"
	"fmt"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"
)

// Organization is an organization, agency or official that reporting names
// or cites, with the other names the press uses for it.
type Organization struct {
	Name    string   `json:"name"`
	Kind    string   `json:"kind"`
	Country string   `json:"country,omitempty"`
	Aliases []string `json:"aliases,omitempty"`
	// Relays pass on this organization's figures without being a source
	// of their own (lawmakers briefed by an agency, its officials): a
	// figure they state counts as the organization's.
	Relays      []string `json:"relays,omitempty"`
	Description string   `json:"description,omitempty"`
}

//go:embed data/organizations.json
var organizationsJSON []byte

var (
	orgsOnce sync.Once
	orgs     *Organizations
	orgsErr  error
)

// DefaultOrganizations is the embedded organizations file. It panics when
// the file does not parse, which a test catches before release.
func DefaultOrganizations() *Organizations {
	orgsOnce.Do(func() { orgs, orgsErr = ParseOrganizations(organizationsJSON) })
	if orgsErr != nil {
		panic(orgsErr)
	}
	return orgs
}

// Organizations finds organizations by any of their names.
type Organizations struct {
	List   []Organization
	byName map[string]int // lower-cased name or alias → index
	relay  map[string]int // lower-cased relay → index of the organization relayed
	names  []orgName      // every name, longest first, for scanning text
}

type orgName struct {
	text  string
	lower string
	org   int
	fold  bool // match case-insensitively: names of more than 4 letters
}

// ParseOrganizations reads an organizations file ({"entities": [...]}).
func ParseOrganizations(b []byte) (*Organizations, error) {
	var f struct {
		Entities []Organization `json:"entities"`
	}
	if err := json.Unmarshal(b, &f); err != nil {
		return nil, fmt.Errorf("parse organizations: %w", err)
	}
	o := &Organizations{List: f.Entities, byName: map[string]int{}, relay: map[string]int{}}
	for i, e := range f.Entities {
		if e.Name == "" {
			return nil, fmt.Errorf("parse organizations: entry %d has no name", i)
		}
		for _, n := range append([]string{e.Name}, e.Aliases...) {
			k := strings.ToLower(n)
			if j, dup := o.byName[k]; dup && j != i {
				return nil, fmt.Errorf("parse organizations: %q names both %q and %q", n, f.Entities[j].Name, e.Name)
			}
			o.byName[k] = i
			// Short names (MSS, RGB, KPA) are acronyms: only their capitals count.
			o.names = append(o.names, orgName{text: n, lower: strings.ToLower(n), org: i, fold: utf8.RuneCountInString(n) > 4})
		}
	}
	for i, e := range f.Entities {
		for _, r := range e.Relays {
			k := strings.ToLower(r)
			if j, dup := o.relay[k]; dup && j != i {
				return nil, fmt.Errorf("parse organizations: %q relays both %q and %q", r, f.Entities[j].Name, e.Name)
			}
			if j, ok := o.byName[k]; ok && j == i {
				return nil, fmt.Errorf("parse organizations: %q is both a name and a relay of %q", r, e.Name)
			}
			o.relay[k] = i
		}
	}
	// Longest first, so "Ministry of State Security" wins over a shorter alias inside it.
	sortByLenDesc(o.names)
	return o, nil
}

func sortByLenDesc(ns []orgName) {
	for i := 1; i < len(ns); i++ {
		for j := i; j > 0 && len(ns[j].text) > len(ns[j-1].text); j-- {
			ns[j], ns[j-1] = ns[j-1], ns[j]
		}
	}
}

// Lookup finds an organization by name or alias, ignoring case.
func (o *Organizations) Lookup(name string) (Organization, bool) {
	i, ok := o.byName[strings.ToLower(strings.TrimSpace(name))]
	if !ok {
		return Organization{}, false
	}
	return o.List[i], true
}

// Origin is who a figure stated by name comes from: the organization
// name relays (relayed true), else the organization it names, else ok
// false.
func (o *Organizations) Origin(name string) (org Organization, relayed, ok bool) {
	k := strings.ToLower(strings.TrimSpace(name))
	if i, ok := o.relay[k]; ok {
		return o.List[i], true, true
	}
	i, ok := o.byName[k]
	if !ok {
		return Organization{}, false, false
	}
	// An official named by an alias ("Defense Secretary Lloyd Austin")
	// relays as the official does.
	if j, ok := o.relay[strings.ToLower(o.List[i].Name)]; ok {
		return o.List[j], true, true
	}
	return o.List[i], false, true
}

// Find returns the canonical names of the organizations text names, in
// order of first mention, each once. Names match whole words only.
func (o *Organizations) Find(text string) []string {
	if text == "" {
		return nil
	}
	lower := strings.ToLower(text)
	var taken []bool // bytes already claimed by a longer name, made on the first hit
	type hit struct{ at, org int }
	var hits []hit
	for _, n := range o.names {
		hay, needle := text, n.text
		if n.fold {
			hay, needle = lower, n.lower
		}
		if len(hay) != len(text) { // lower-casing changed byte lengths: fall back to exact case
			hay, needle = text, n.text
		}
		for from := 0; ; {
			i := strings.Index(hay[from:], needle)
			if i < 0 {
				break
			}
			at, end := from+i, from+i+len(needle)
			from = end
			if !wordBoundary(text, at, end) || anyTaken(taken, at, end) {
				continue
			}
			if taken == nil {
				taken = make([]bool, len(text))
			}
			for k := at; k < end; k++ {
				taken[k] = true
			}
			hits = append(hits, hit{at, n.org})
		}
	}
	for i := 1; i < len(hits); i++ {
		for j := i; j > 0 && hits[j].at < hits[j-1].at; j-- {
			hits[j], hits[j-1] = hits[j-1], hits[j]
		}
	}
	var out []string
	seen := map[int]bool{}
	for _, h := range hits {
		if !seen[h.org] {
			seen[h.org] = true
			out = append(out, o.List[h.org].Name)
		}
	}
	return out
}

func anyTaken(t []bool, a, b int) bool {
	for k := a; k < b && k < len(t); k++ {
		if t[k] {
			return true
		}
	}
	return false
}

// wordBoundary: the match is not part of a longer word on either side.
func wordBoundary(s string, a, b int) bool {
	if a > 0 {
		r, _ := utf8.DecodeLastRuneInString(s[:a])
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			return false
		}
	}
	if b < len(s) {
		r, _ := utf8.DecodeRuneInString(s[b:])
		// Korean particles attach to the noun (국정원은), so a Hangul name may be followed by letters.
		last, _ := utf8.DecodeLastRuneInString(s[:b])
		if (unicode.IsLetter(r) || unicode.IsDigit(r)) && !unicode.Is(unicode.Hangul, last) {
			return false
		}
	}
	return true
}
