package flowwatch

import "testing"

func TestCanonicalURL(t *testing.T) {
	tests := []struct{ in, want string }{
		{"HTTPS://Example.COM/News/1?b=2&a=1#top", "https://example.com/News/1?a=1&b=2"},
		{"https://example.com/a?utm_source=x&utm_MEDIUM=y&id=7&fbclid=z&gclid=q", "https://example.com/a?id=7"},
		{"http://example.com:80/a", "http://example.com/a"},
		{"https://example.com:443", "https://example.com/"},
		{"https://example.com:8443/a", "https://example.com:8443/a"},
		{"  https://example.com/a?  ", "https://example.com/a"},
		{"https://example.com/a?x=2&x=1", "https://example.com/a?x=1&x=2"},
		{"not a url", "not a url"},
		{"/relative/path", "/relative/path"},
		{"", ""},
	}
	for _, tt := range tests {
		if got := CanonicalURL(tt.in); got != tt.want {
			t.Errorf("CanonicalURL(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}
