package clean

import (
	"strings"
	"testing"
)

// The index must agree with the plain loop it replaces.
func TestPhraseSetAgreesWithContains(t *testing.T) {
	phrases := []string{"subscribe", "sign up", "app store", "x", "подписывайтесь", "구독"}
	set := newPhraseSet(phrases)
	lines := []string{
		"", "subscribe now", "please sign up here", "nothing to see", "a box", "get it on the app store",
		"подписывайтесь на наш канал", "뉴스 구독하기", "signs of trouble", "appstore", "su",
	}
	for _, line := range lines {
		want := false
		for _, p := range phrases {
			if strings.Contains(line, p) {
				want = true
			}
		}
		if got := set.containsAny(line); got != want {
			t.Errorf("containsAny(%q) = %v, want %v", line, got, want)
		}
	}
}
