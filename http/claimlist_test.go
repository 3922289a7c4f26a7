package http

import (
	"bytes"
	"encoding/json"
	"testing"

	"github.com/flowwatch/flowwatch"
)

// claimList.marshal bypasses encoding/json for speed; clients and ETags
// must not see the difference.
func TestClaimListMarshalMatchesEncoder(t *testing.T) {
	seven := 7
	claims := []flowwatch.Claim{
		{ID: 1, ArticleID: 2, Article: "a<b>&c", Kind: "people", Group: "soldiers", Low: flowwatch.F(11000),
			Quote: "About 11,000 \"troops\" <script> & more\u2028", Place: []string{"Kursk Oblast"}, Published: flowwatch.NewDate(2024, 11, 5)},
		{ID: 3, Kind: "money", Quote: "Пять тысяч"},
	}
	for name, l := range map[string]claimList{
		"empty":         {Items: []flowwatch.Claim{}, claimListMeta: claimListMeta{Limit: 50}},
		"total":         {Items: claims, claimListMeta: claimListMeta{Total: &seven, Limit: 2, Offset: 5}},
		"more and next": {Items: claims, claimListMeta: claimListMeta{Limit: 2, HasMore: true, Next: "/api/claims?a=1&after_id=3"}},
	} {
		t.Run(name, func(t *testing.T) {
			var want bytes.Buffer
			if err := json.NewEncoder(&want).Encode(l); err != nil {
				t.Fatal(err)
			}
			got, _, err := l.marshal()
			if err != nil {
				t.Fatal(err)
			}
			if string(got) != want.String() {
				t.Errorf("marshal:\n%s\nencoding/json:\n%s", got, want.String())
			}
		})
	}
}
