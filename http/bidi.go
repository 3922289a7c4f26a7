package http

import "bytes"

// Bidi embedding, override and isolate controls (U+202A–U+202E,
// U+2066–U+2069) in stored text would reorder what the dashboard shows:
// "\u202edias SIN eht\u202c" displays as "the NIS said". The API drops
// them from every JSON answer, as the CLI does on a terminal; the
// article text in the store keeps them.
//
// encoding/json writes them as raw UTF-8, so they are found as bytes:
// E2 80 AA–AE and E2 81 A6–A9.
func stripBidi(body []byte) []byte {
	i := bytes.IndexByte(body, 0xE2)
	if i < 0 || !hasBidi(body[i:]) {
		return body
	}
	out := make([]byte, 0, len(body))
	for len(body) > 0 {
		i := bytes.IndexByte(body, 0xE2)
		if i < 0 || i+2 >= len(body) {
			return append(out, body...)
		}
		out = append(out, body[:i]...)
		if isBidi(body[i:]) {
			body = body[i+3:]
			continue
		}
		out = append(out, body[i])
		body = body[i+1:]
	}
	return out
}

func hasBidi(b []byte) bool {
	for {
		i := bytes.IndexByte(b, 0xE2)
		if i < 0 {
			return false
		}
		if isBidi(b[i:]) {
			return true
		}
		b = b[i+1:]
	}
}

func isBidi(b []byte) bool {
	if len(b) < 3 || b[0] != 0xE2 {
		return false
	}
	return (b[1] == 0x80 && b[2] >= 0xAA && b[2] <= 0xAE) || (b[1] == 0x81 && b[2] >= 0xA6 && b[2] <= 0xA9)
}
