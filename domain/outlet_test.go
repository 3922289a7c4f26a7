package domain

import "testing"

func TestOutletName(t *testing.T) {
	d := Default()
	for in, want := range map[string]string{
		"The Korea Herald":             "The Korea Herald",
		"Korea Herald":                 "The Korea Herald",
		"korea  herald":                "The Korea Herald",
		"The Korea Herald (Yonhap)":    "The Korea Herald",
		"Dong-A Ilbo":                  "The Dong-A Ilbo",
		"Dong-A Ilbo (동아일보)":           "The Dong-A Ilbo",
		"the Guardian":                 "The Guardian",
		"Radio Free Asia":              "RFA",
		"Some Local Paper":             "Some Local Paper",
		"Seoul":                        "Seoul", // a source, but not an outlet
		"Human Rights Watch (reprint)": "Human Rights Watch (reprint)",
		"  Yonhap News Agency ":        "Yonhap",
		"":                             "",
	} {
		if got := d.OutletName(in); got != want {
			t.Errorf("OutletName(%q) = %q, want %q", in, got, want)
		}
	}
}
