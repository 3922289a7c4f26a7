package flowwatch

// Version names the build; ExtractorVersion is stored with every claim so
// that `flowwatch reextract` knows which claims an upgrade would change.
const (
	Version          = "0.1.0"
	ExtractorVersion = "en-1"
)
