package domain

import "testing"

func TestDefaultSanctions(t *testing.T) {
	rules := DefaultSanctions()
	ids := map[string]SanctionRule{}
	for _, r := range rules {
		ids[r.ID] = r
	}
	// 2397 para 8 from its repatriation deadline; 2375 para 17 from its adoption.
	for id, from := range map[string]string{"UNSCR-2397-8": "2019-12-22", "UNSCR-2375-17": "2017-09-11"} {
		r, ok := ids[id]
		if !ok {
			t.Fatalf("rule %s missing", id)
		}
		if r.From.String() != from {
			t.Errorf("%s applies from %s, want %s", id, r.From, from)
		}
	}
	if ids["UNSCR-2397-8"].Title != "UNSCR 2397 para 8" || ids["UNSCR-2375-17"].Title != "UNSCR 2375 para 17" {
		t.Errorf("titles: %q, %q", ids["UNSCR-2397-8"].Title, ids["UNSCR-2375-17"].Title)
	}
}

func TestParseSanctionsRejects(t *testing.T) {
	for name, in := range map[string]string{
		"not json": `[`,
		"no id":    `{"rules":[{"title":"x","from":"2020-01-01","kinds":["people"],"groups":["workers"],"places":["Russia"]}]}`,
		"no from":  `{"rules":[{"id":"a","title":"x","kinds":["people"],"groups":["workers"],"places":["Russia"]}]}`,
		"bad date": `{"rules":[{"id":"a","title":"x","from":"soon","kinds":["people"],"groups":["workers"],"places":["Russia"]}]}`,
	} {
		if _, err := ParseSanctions([]byte(in)); err == nil {
			t.Errorf("%s: parsed without error", name)
		}
	}
}
