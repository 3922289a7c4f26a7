package domain

import (
	"reflect"
	"testing"
)

func TestOrganizationsFind(t *testing.T) {
	o := DefaultOrganizations()
	for _, tc := range []struct {
		text string
		want []string
	}{
		{"Workers dispatched by the 7th General Bureau and the Namgang Construction Company", []string{"7th General Bureau", "Namgang Company"}},
		{"The Ministry of State Security watches the crews, the NIS said.", []string{"Ministry of State Security", "NIS"}},
		// Acronyms match their capitals only, whole words only.
		{"the mss and rgb are lower-case here; KPAX is another word", nil},
		{"Officers of the KPA and the RGB", []string{"Korean People's Army", "Reconnaissance General Bureau"}},
		// Longer names win over the aliases inside them.
		{"South Korea's National Intelligence Service briefed lawmakers", []string{"NIS"}},
		{"국정원은 밝혔다", []string{"NIS"}},
		{"", nil},
	} {
		if got := o.Find(tc.text); !reflect.DeepEqual(got, tc.want) {
			t.Errorf("Find(%q) = %v, want %v", tc.text, got, tc.want)
		}
	}
}

func TestOrganizationsLookup(t *testing.T) {
	o := DefaultOrganizations()
	for alias, want := range map[string]string{
		"Seventh General Bureau": "7th General Bureau", "state security department": "Ministry of State Security",
		"Institute for the Study of War": "ISW", "Shoigu": "Sergei Shoigu", "Tass": "TASS",
	} {
		if got, ok := o.Lookup(alias); !ok || got.Name != want {
			t.Errorf("Lookup(%q) = %q, %v; want %q", alias, got.Name, ok, want)
		}
	}
	if _, ok := o.Lookup("Nobody"); ok {
		t.Errorf("Lookup found an unknown name")
	}
}

func TestParseOrganizationsRejects(t *testing.T) {
	for name, in := range map[string]string{
		"not json":     `{`,
		"no name":      `{"entities":[{"kind":"agency"}]}`,
		"shared alias": `{"entities":[{"name":"A","aliases":["X"]},{"name":"B","aliases":["x"]}]}`,
	} {
		if _, err := ParseOrganizations([]byte(in)); err == nil {
			t.Errorf("%s: parsed without error", name)
		}
	}
}

func TestOrigin(t *testing.T) {
	o := DefaultOrganizations()
	for _, tt := range []struct {
		name, want string
		relayed    bool
	}{
		{"Lee Seong-kweun", "NIS", true},
		{"South Korea's intelligence agency", "NIS", false},
		{"국정원", "NIS", false},
		{"Defense Intelligence of Ukraine", "GUR", false},
		{"정보총국", "GUR", false},
		{"Kyrylo Budanov", "GUR", true},
		{"Минобороны России", "Russian Ministry of Defence", false},
		{"남강무역", "Namgang Company", false},
		{"제7총국", "7th General Bureau", false},
		{"UK Defence Intelligence", "UK MoD", true},
		{"Defense Secretary Lloyd Austin", "Pentagon", true},
	} {
		org, relayed, ok := o.Origin(tt.name)
		if !ok || org.Name != tt.want || relayed != tt.relayed {
			t.Errorf("Origin(%q) = %q relayed %v ok %v, want %q relayed %v", tt.name, org.Name, relayed, ok, tt.want, tt.relayed)
		}
	}
	if _, _, ok := o.Origin("Example Daily"); ok {
		t.Error("an unknown outlet has an origin")
	}
}
