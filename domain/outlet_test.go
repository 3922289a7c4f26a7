package domain

import "testing"

// TestOutletName: every way of writing an outlet gives the name the
// sources data gives it (whatever that is: the data may rename it).
func TestOutletName(t *testing.T) {
	d := Default()
	canon := func(alias string) string {
		s, ok := d.SourceByAlias(alias)
		if !ok || s.Kind != "outlet" {
			t.Fatalf("the sources data lost the outlet %q", alias)
		}
		return s.Name
	}
	herald, donga := canon("Korea Herald"), canon("Dong-A Ilbo")
	for in, want := range map[string]string{
		"The Korea Herald":             herald,
		"Korea Herald":                 herald,
		"korea  herald":                herald,
		"The Korea Herald (Yonhap)":    herald,
		"The Dong-A Ilbo":              donga,
		"Dong-A Ilbo (동아일보)":           donga,
		"the Guardian":                 canon("Guardian"),
		"Radio Free Asia":              canon("Radio Free Asia"),
		"Some Local Paper":             "Some Local Paper",
		"Seoul":                        "Seoul", // a source, but not an outlet
		"Human Rights Watch (reprint)": "Human Rights Watch (reprint)",
		"  Yonhap News Agency ":        canon("Yonhap"),
		"":                             "",
	} {
		if got := d.OutletName(in); got != want {
			t.Errorf("OutletName(%q) = %q, want %q", in, got, want)
		}
	}
}
