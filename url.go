package flowwatch

import (
	"net/url"
	"sort"
	"strings"
)

// trackingParams are query parameters that say how a reader reached a page,
// not which page it is. Two URLs differing only in these name one article.
var trackingParams = map[string]bool{
	"fbclid": true, "gclid": true, "dclid": true, "gclsrc": true, "msclkid": true,
	"yclid": true, "mc_cid": true, "mc_eid": true, "igshid": true, "_ga": true,
	"_gl": true, "ref_src": true, "ref_url": true, "cmpid": true, "ocid": true,
	"spm": true, "ito": true, "s_cid": true,
	"mkt_tok": true, "oly_enc_id": true, "oly_anon_id": true, "vero_id": true,
	"wickedid": true, "twclid": true, "ttclid": true, "li_fat_id": true,
}

// CanonicalURL is the form of a page URL used as an article's identity:
// scheme and host lower-cased, default port, fragment and tracking
// parameters (utm_*, fbclid, gclid, ...) dropped, remaining query sorted.
// A string that does not parse as an absolute URL is returned trimmed.
func CanonicalURL(raw string) string {
	raw = strings.TrimSpace(raw)
	u, err := url.Parse(raw)
	if err != nil || u.Scheme == "" || u.Host == "" {
		return raw
	}
	u.Scheme = strings.ToLower(u.Scheme)
	u.Host = strings.ToLower(u.Host)
	if (u.Scheme == "http" && strings.HasSuffix(u.Host, ":80")) ||
		(u.Scheme == "https" && strings.HasSuffix(u.Host, ":443")) {
		u.Host = u.Host[:strings.LastIndexByte(u.Host, ':')]
	}
	u.Fragment, u.RawFragment = "", ""
	u.User = nil
	if u.Path == "" {
		u.Path = "/"
	}
	q := u.Query()
	for k := range q {
		lk := strings.ToLower(k)
		if strings.HasPrefix(lk, "utm_") || trackingParams[lk] {
			delete(q, k)
		}
	}
	for _, v := range q {
		sort.Strings(v)
	}
	u.RawQuery = q.Encode() // Encode sorts by key
	u.ForceQuery = false
	return u.String()
}
