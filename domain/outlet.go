package domain

import "strings"

// OutletName is the canonical name of the outlet name names, from the
// sources data: "Korea Herald", "the korea herald" and "The Korea Herald
// (Yonhap)" are all "The Korea Herald". A page's own site name varies by
// page and by edition, and an outlet counted under two names looks like
// two outlets. A name the data does not know as an outlet is returned as
// it is, trimmed.
func (d *Domain) OutletName(name string) string {
	name = strings.Join(strings.Fields(name), " ")
	if s, ok := d.SourceByAlias(name); ok && s.Kind == "outlet" {
		return s.Name
	}
	// "Dong-A Ilbo (동아일보)", "The Korea Herald (Yonhap)": a trailing
	// note in parentheses names an edition or a relay, not another outlet.
	if i := strings.LastIndex(name, " ("); i > 0 && strings.HasSuffix(name, ")") {
		if s, ok := d.SourceByAlias(name[:i]); ok && s.Kind == "outlet" {
			return s.Name
		}
	}
	return name
}
