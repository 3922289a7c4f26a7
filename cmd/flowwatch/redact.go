package main

import (
	"io"
	"regexp"
)

// Credentials in connection strings: the password of any URL
// (postgres://user:PASSWORD@host) and password=... key/value pairs (the
// libpq form, and query parameters).
var (
	urlCredRE = regexp.MustCompile(`(?i)\b([a-z][a-z0-9+.-]*://[^/?#@\s:]*):[^/?#@\s]*@`)
	kvCredRE  = regexp.MustCompile(`(?i)\b(password|passwd|pwd|sslpassword)(\s*=\s*)('[^']*'|"[^"]*"|[^\s&;'"]+)`)
)

// redact hides the credentials in s.
func redact(s string) string {
	s = urlCredRE.ReplaceAllString(s, "${1}:xxxxx@")
	return kvCredRE.ReplaceAllString(s, "${1}${2}xxxxx")
}

// redactWriter redacts every write: the stderr of every command goes
// through one, so that no banner, log line or error can print the
// database password, whoever wrote the line (flowwatch, pgx, net/http).
type redactWriter struct{ w io.Writer }

func (r redactWriter) Write(p []byte) (int, error) {
	if _, err := io.WriteString(r.w, redact(string(p))); err != nil {
		return 0, err
	}
	return len(p), nil
}
