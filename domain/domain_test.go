package domain_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/flowwatch/flowwatch"
	"github.com/flowwatch/flowwatch/domain"
)

func TestDefaultLookups(t *testing.T) {
	d := domain.Default()
	places := []struct{ name, want string }{
		{"St. Petersburg", "Saint Petersburg"},
		{"Kursk region", "Kursk Oblast"},
		{"kursk", "Kursk Oblast"},
		{"Russian", "Russia"},
		{"Donbass", "Donbas"},
		{"Novosibirsk region", "Novosibirsk Oblast"},
		{"Primorye", "Primorsky Krai"},
	}
	for _, tc := range places {
		p, ok := d.Place(tc.name)
		if !ok || p.Name != tc.want {
			t.Errorf("Place(%q) = %q, %v; want %q", tc.name, p.Name, ok, tc.want)
		}
	}
	if _, ok := d.Place("Atlantis"); ok {
		t.Error("Place(Atlantis) found a place")
	}
	sources := []struct{ alias, want, kind string }{
		{"National Intelligence Service", "NIS", "agency"},
		{"South Korea's spy agency", "NIS", "agency"},
		{"Tass", "TASS", "outlet"},
		{"Shoigu", "Sergei Shoigu", "official"},
		{"Institute for the Study of War", "ISW", "think_tank"},
		{"Radio Free Asia", "RFA", "outlet"},
		{"Federal State Statistics Service", "Rosstat", "government"},
		{"U.N. Security Council", "UN Security Council", "government"},
	}
	for _, tc := range sources {
		s, ok := d.SourceByAlias(tc.alias)
		if !ok || s.Name != tc.want || s.Kind != tc.kind {
			t.Errorf("SourceByAlias(%q) = %q/%q, %v; want %q/%q", tc.alias, s.Name, s.Kind, ok, tc.want, tc.kind)
		}
	}
	if len(d.SourcesOfKind("outlet")) < 10 {
		t.Errorf("only %d outlets", len(d.SourcesOfKind("outlet")))
	}
	if d.Lexicon("en") == nil || len(d.Lexicon("en").Groups["soldiers"]) == 0 {
		t.Error("no English lexicon")
	}
}

func writeFile(t *testing.T, body string) string {
	t.Helper()
	p := filepath.Join(t.TempDir(), "domain.json")
	if err := os.WriteFile(p, []byte(body), 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

func TestLoadExtendsAndOverrides(t *testing.T) {
	p := writeFile(t, `{
  "places": [
    {"name": "Magnitogorsk", "kind": "city", "country": "Russia"},
    {"name": "Vladivostok", "aliases": ["Vladik"]}
  ],
  "sources": [
    {"name": "Sample Wire", "kind": "outlet", "aliases": ["SW"]},
    {"name": "NIS", "aliases": ["Seoul's spooks"]}
  ],
  "lexicons": {"en": {"groups": {"workers": ["stonecutters"]}}}
}`)
	d, err := domain.Load(p)
	if err != nil {
		t.Fatal(err)
	}
	if pl, ok := d.Place("Magnitogorsk"); !ok || pl.Country != "Russia" {
		t.Errorf("new city: %+v %v", pl, ok)
	}
	if pl, ok := d.Place("Vladik"); !ok || pl.Name != "Vladivostok" || pl.Kind != "city" {
		t.Errorf("alias added to a known city: %+v %v", pl, ok)
	}
	if s, ok := d.SourceByAlias("Seoul's spooks"); !ok || s.Name != "NIS" || s.Kind != "agency" {
		t.Errorf("alias added to a known source: %+v %v", s, ok)
	}
	if s, ok := d.SourceByAlias("SW"); !ok || s.Name != "Sample Wire" {
		t.Errorf("new source: %+v %v", s, ok)
	}
	if _, ok := d.SourceByAlias("Tass"); !ok {
		t.Error("the defaults are gone")
	}
	ws := d.Lexicon("en").Groups["workers"]
	if ws[len(ws)-1] != "stonecutters" || len(ws) < 5 {
		t.Errorf("lexicon not extended: %v", ws)
	}
	// The default stays as it was.
	if _, ok := domain.Default().Place("Magnitogorsk"); ok {
		t.Error("Load changed the default domain")
	}
}

func TestLoadErrors(t *testing.T) {
	tests := []struct{ name, body, want string }{
		{"not JSON", "places: Vladivostok", "domain file"},
		{"unknown section", `{"cities": []}`, "cities"},
		{"place without name", `{"places": [{"kind": "city"}]}`, "no name"},
	}
	for _, tc := range tests {
		_, err := domain.Load(writeFile(t, tc.body))
		if err == nil || !strings.Contains(err.Error(), tc.want) || flowwatch.ErrorCode(err) != flowwatch.EINVALID {
			t.Errorf("%s: err = %v, want an invalid error mentioning %q", tc.name, err, tc.want)
		}
	}
	if _, err := domain.Load(filepath.Join(t.TempDir(), "missing.json")); err == nil || !strings.Contains(err.Error(), "missing.json") {
		t.Errorf("missing file: %v", err)
	}
}
