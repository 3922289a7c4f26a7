package http

import (
	"fmt"
	"net/http"
	"net/url"
	"slices"
	"sort"
	"strconv"
	"strings"

	"github.com/flowwatch/flowwatch"
	"github.com/flowwatch/flowwatch/domain"
)

// Enum values accepted by the filters, from the claims spec.
var (
	kinds  = []string{flowwatch.KindPeople, flowwatch.KindMoney, flowwatch.KindShare}
	groups = []string{flowwatch.GroupWorkers, flowwatch.GroupSoldiers, flowwatch.GroupEngineers, flowwatch.GroupITWorkers, flowwatch.GroupNationals}
	events = []string{flowwatch.EventRecruited, flowwatch.EventPlanned, flowwatch.EventSent, flowwatch.EventEntered,
		flowwatch.EventPresent, flowwatch.EventKilled, flowwatch.EventWounded, flowwatch.EventCaptured, flowwatch.EventWithdrawn}
)

// claimParamNames are the claim filters every claims-based endpoint takes;
// they are the flags of flowwatch claims and export, with _ for -.
var claimParamNames = []string{"kind", "group", "event", "place", "source", "outlet", "article", "article_id",
	"since", "until", "min", "max", "text", "all_versions"}

const (
	defaultLimit = 50
	maxLimit     = 1000
	maxOffset    = 1_000_000
	maxParamLen  = 500
)

// params reads a query string, collecting every problem so that one 400
// names them all.
type params struct {
	v    url.Values
	errs []string
}

// readParams rejects parameters the endpoint does not know (a typo would
// otherwise silently not filter) and repeated ones.
func readParams(r *http.Request, known ...string) *params {
	p := &params{v: r.URL.Query()}
	var unknown []string
	for k, vs := range p.v {
		if !slices.Contains(known, k) {
			unknown = append(unknown, k)
		} else if len(vs) > 1 {
			p.fail("parameter %q given %d times: give it once", k, len(vs))
		}
	}
	sort.Strings(unknown)
	// A query may name thousands of unknown parameters; the answer
	// names a few and lists the known ones once, so it stays short.
	if len(unknown) > 0 {
		what := "unknown parameter " + quoteNames(unknown)
		if len(unknown) > maxNamed {
			what = fmt.Sprintf("%d unknown parameters (%s, ...)", len(unknown), quoteNames(unknown[:maxNamed]))
		}
		if len(known) == 0 {
			p.fail("%s: this endpoint takes none", what)
		} else {
			p.fail("%s: known parameters are %s", what, strings.Join(known, ", "))
		}
	}
	if len(p.errs) > maxNamed+2 {
		p.errs = append(p.errs[:maxNamed], fmt.Sprintf("and %d more problems", len(p.errs)-maxNamed))
	}
	return p
}

// maxNamed is how many problems with parameters one answer names.
const maxNamed = 5

func quoteNames(names []string) string {
	q := make([]string, len(names))
	for i, n := range names {
		if len(n) > 40 {
			n = n[:40] + "…"
		}
		q[i] = strconv.Quote(n)
	}
	return strings.Join(q, ", ")
}

func knownParams(r *http.Request, known ...string) error { return readParams(r, known...).err() }

func (p *params) fail(format string, args ...any) {
	p.errs = append(p.errs, fmt.Sprintf(format, args...))
}

func (p *params) err() error {
	if len(p.errs) == 0 {
		return nil
	}
	return flowwatch.Errorf(flowwatch.EINVALID, "%s", strings.Join(p.errs, "; "))
}

func (p *params) str(name string) string {
	s := strings.TrimSpace(p.v.Get(name))
	if len(s) > maxParamLen {
		p.fail("parameter %q is %d bytes long: at most %d", name, len(s), maxParamLen)
		return ""
	}
	return s
}

func (p *params) enum(name string, allowed []string) string {
	s := p.str(name)
	if s != "" && !slices.Contains(allowed, s) {
		p.fail("%s %q is not one of %s", name, s, strings.Join(allowed, ", "))
		return ""
	}
	return s
}

func (p *params) date(name string) flowwatch.Date {
	s := p.str(name)
	if s == "" {
		return flowwatch.Date{}
	}
	d, err := flowwatch.ParseDate(s)
	if err != nil || len(s) != 10 {
		p.fail("%s %q is not a date: use YYYY-MM-DD", name, s)
		return flowwatch.Date{}
	}
	return d
}

func (p *params) float(name string) *float64 {
	s := p.str(name)
	if s == "" {
		return nil
	}
	f, err := strconv.ParseFloat(s, 64)
	if err != nil || f != f || f > 1e18 || f < -1e18 {
		p.fail("%s %q is not a number", name, s)
		return nil
	}
	return &f
}

func (p *params) int(name string, def, lo, hi int) int {
	s := p.str(name)
	if s == "" {
		return def
	}
	n, err := strconv.Atoi(s)
	if err != nil || n < lo || n > hi {
		p.fail("%s %q: want a whole number from %d to %d", name, s, lo, hi)
		return def
	}
	return n
}

func (p *params) bool(name string) bool {
	switch s := p.str(name); s {
	case "", "0", "false", "no":
		return false
	case "1", "true", "yes":
		return true
	default:
		p.fail("%s %q: want true or false", name, s)
		return false
	}
}

// claimFilter reads the claim filters (not limit and offset).
func (p *params) claimFilter() flowwatch.ClaimFilter {
	f := flowwatch.ClaimFilter{
		Kind:    p.enum("kind", kinds),
		Group:   p.enum("group", groups),
		Event:   p.enum("event", events),
		Place:   p.str("place"),
		Source:  p.str("source"),
		Outlet:  p.str("outlet"),
		Article: p.str("article"),
		Since:   p.date("since"),
		Until:   p.date("until"),
		Text:    p.str("text"),
	}
	f.ArticleID = int64(p.int("article_id", 0, 1, 1<<62))
	f.MinValue, f.MaxValue = p.float("min"), p.float("max")
	f.LatestVersionsOnly = !p.bool("all_versions")
	CanonicalNames(&f, domain.Default())
	if !f.Since.IsZero() && !f.Until.IsZero() && f.Until.Before(f.Since) {
		p.fail("until %s is before since %s", f.Until, f.Since)
	}
	if f.MinValue != nil && f.MaxValue != nil && *f.MaxValue < *f.MinValue {
		p.fail("max %v is below min %v", *f.MaxValue, *f.MinValue)
	}
	return f
}

// page reads limit and offset.
func (p *params) page() (limit, offset int) {
	return p.int("limit", defaultLimit, 1, maxLimit), p.int("offset", 0, 0, maxOffset)
}

// filterKey is a cache key for a filter: the canonical query string
// without the paging parameters, which do not change what matches.
func filterKey(prefix string, v url.Values) string {
	c := url.Values{}
	for k, vs := range v {
		if k != "limit" && k != "offset" && k != "after_id" && k != "count" {
			c[k] = vs
		}
	}
	return prefix + "?" + c.Encode()
}

// ClaimFilterFromQuery reads claim filters named as in the API (kind,
// group, event, place, source, outlet, article, article_id, since, until,
// min, max, text, all_versions, limit, offset), so that the CLI validates its
// flags exactly as the API does its parameters.
func ClaimFilterFromQuery(v url.Values) (flowwatch.ClaimFilter, error) {
	p := &params{v: v}
	for k := range v {
		if !slices.Contains(claimParamNames, k) && k != "limit" && k != "offset" {
			p.fail("unknown filter %q", k)
		}
	}
	f := p.claimFilter()
	if v.Get("limit") != "" {
		f.Limit = p.int("limit", 0, 1, 1<<30)
	}
	f.Offset = p.int("offset", 0, 0, 1<<30)
	return f, p.err()
}
