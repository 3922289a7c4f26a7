package corpus

import (
	"strings"
	"testing"
)

func TestGenerateIsDeterministicAndVaried(t *testing.T) {
	a, b := Generate(1, 7), Generate(1, 7)
	if a != b {
		t.Fatal("same seed and index gave different articles")
	}
	if Generate(1, 8).Text == a.Text {
		t.Error("neighbouring articles are identical")
	}
	if !strings.HasPrefix(a.Text, "url: https://example.org/") || !strings.Contains(a.Text, "\n---\n") {
		t.Errorf("not in header form:\n%s", a.Text)
	}
	if strings.Contains(a.Text, "%!") {
		t.Errorf("template formatting error:\n%s", a.Text)
	}
}
