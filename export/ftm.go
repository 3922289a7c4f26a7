package export

import (
	"crypto/sha1"
	"encoding/hex"
	"encoding/json"
	"io"
	"strconv"
	"strings"

	"github.com/flowwatch/flowwatch"
	"github.com/flowwatch/flowwatch/domain"
)

// Entity is one FollowTheMoney entity as Aleph's and OpenSanctions' tools
// read it (ftm import / followthemoney-store): an id, a schema name and
// multi-valued string properties.
type Entity struct {
	ID         string              `json:"id"`
	Schema     string              `json:"schema"`
	Properties map[string][]string `json:"properties"`
}

type ftmWriter struct {
	enc      *json.Encoder
	articles ArticleFunc
	seen     map[string]bool // ids already written: articles and organisations repeat across claims
}

// NewFtM writes, per claim, an Event (the figure, with sourceUrl and
// publisher), the Article it was read from, an entity for each
// organisation named in its sentence and for the source it is attributed
// to (see partySchema), and Documentation links from the Article to each
// of them. Entities shared by claims are written once.
func NewFtM(w io.Writer, articles ArticleFunc) Writer {
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	return &ftmWriter{enc: enc, articles: articles, seen: map[string]bool{}}
}

func ftmID(parts ...string) string {
	h := sha1.Sum([]byte(strings.Join(parts, "\x00")))
	return "fw-" + hex.EncodeToString(h[:12])
}

func props(kv ...string) map[string][]string {
	m := map[string][]string{}
	for i := 0; i+1 < len(kv); i += 2 {
		if kv[i+1] != "" {
			m[kv[i]] = append(m[kv[i]], kv[i+1])
		}
	}
	return m
}

func (x *ftmWriter) emit(e Entity) error {
	if x.seen[e.ID] {
		return nil
	}
	x.seen[e.ID] = true
	return x.enc.Encode(e)
}

func (x *ftmWriter) Write(c flowwatch.Claim) error {
	var a *flowwatch.Article
	if x.articles != nil {
		a = x.articles(c)
	}
	if a == nil {
		a = &flowwatch.Article{Name: c.Article, URL: c.URL, Outlet: c.Outlet, Published: c.Published, Lang: c.Lang}
	}
	articleID := ftmID("article", a.URL, a.Name)
	title := a.Title
	if title == "" {
		title = a.Name
	}
	ap := props("title", title, "fileName", a.Name, "publishedAt", a.Published.String(),
		"sourceUrl", safeURL(a.URL), "publisher", a.Outlet, "language", a.Lang, "bodyText", a.Text)
	if err := x.emit(Entity{ID: articleID, Schema: "Article", Properties: ap}); err != nil {
		return err
	}

	eventKey := strconv.FormatInt(c.ID, 10)
	if c.ID == 0 {
		eventKey = c.Article + "/" + strconv.Itoa(c.Start) + "/" + describe(c)
	}
	eventID := ftmID("claim", eventKey)
	name := describe(c)
	if len(c.Place) > 0 {
		name += " in " + strings.Join(c.Place, ", ")
	}
	ep := props("name", name, "summary", c.Quote, "date", c.Published.String(),
		"sourceUrl", safeURL(c.URL), "publisher", c.Outlet, "recordId", eventKey)
	if c.When != nil {
		ep["startDate"] = []string{c.When.From.String()}
		ep["endDate"] = []string{c.When.To.String()}
	}
	for _, p := range c.Place {
		ep["location"] = append(ep["location"], p)
	}

	// Linked entities first, so a streaming importer has them before the
	// Event that names them.
	type party struct{ name, role string }
	var parties []party
	for _, o := range sortedUnique(c.Orgs) {
		parties = append(parties, party{o, "named in the sentence"})
	}
	if c.Source != "" {
		parties = append(parties, party{c.Source, "source of the figure"})
	}
	for _, p := range parties {
		schema, country := partySchema(p.name)
		id := ftmID("party", p.name)
		if err := x.emit(Entity{ID: id, Schema: schema, Properties: props("name", p.name, "country", country)}); err != nil {
			return err
		}
		ep["involved"] = append(ep["involved"], id)
		link := Entity{ID: ftmID("doc", articleID, id), Schema: "Documentation",
			Properties: props("document", articleID, "entity", id, "role", p.role)}
		if err := x.emit(link); err != nil {
			return err
		}
	}
	if err := x.emit(Entity{ID: eventID, Schema: "Event", Properties: ep}); err != nil {
		return err
	}
	return x.emit(Entity{ID: ftmID("doc", articleID, eventID), Schema: "Documentation",
		Properties: props("document", articleID, "entity", eventID, "role", "reports the figure", "summary", c.Quote)})
}

func (x *ftmWriter) Close() error { return nil }

// partySchema types a named party from the embedded organizations file:
// officials are Persons, agencies, governments and outlets Organizations;
// a name the file does not know is a LegalEntity, FtM's common parent of
// both, since the text alone does not say which it is.
func partySchema(name string) (schema, country string) {
	o, ok := domain.DefaultOrganizations().Lookup(name)
	if !ok {
		return "LegalEntity", ""
	}
	country = strings.ToLower(o.Country)
	if o.Kind == "official" {
		return "Person", country
	}
	return "Organization", country
}

// safeURL keeps only http(s) URLs: an article's URL comes from the page and
// a javascript: or data: URL must not reach a tool that renders links.
func safeURL(u string) string {
	l := strings.ToLower(strings.TrimSpace(u))
	if strings.HasPrefix(l, "http://") || strings.HasPrefix(l, "https://") {
		return u
	}
	return ""
}
