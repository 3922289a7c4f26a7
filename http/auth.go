package http

import (
	"context"
	"crypto/rand"
	"crypto/sha256"
	"encoding/base64"
	"encoding/hex"
	"net/http"
	"strconv"
	"strings"

	"github.com/flowwatch/flowwatch"
)

// tokenPrefix marks flowwatch tokens, so that secret scanners and people
// recognise one pasted in the wrong place.
const tokenPrefix = "fwt_"

// NewToken returns a fresh random token and the hash to store. Only the hash
// is kept: a stolen database does not give write access.
func NewToken() (token, hash string, err error) {
	b := make([]byte, 32)
	if _, err := rand.Read(b); err != nil {
		return "", "", err
	}
	token = tokenPrefix + base64.RawURLEncoding.EncodeToString(b)
	return token, HashToken(token), nil
}

// HashToken is the stored form of a token: hex SHA-256. Tokens carry 256
// random bits, so a slow password hash would add nothing.
func HashToken(token string) string {
	sum := sha256.Sum256([]byte(token))
	return hex.EncodeToString(sum[:])
}

type tokenKey struct{}

// requireToken lets a request through only with a valid bearer token.
func (s *Server) requireToken(next http.HandlerFunc) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		// The scheme is case-insensitive (RFC 9110, 11.1).
		scheme, tok, _ := strings.Cut(strings.TrimSpace(r.Header.Get("Authorization")), " ")
		tok = strings.TrimSpace(tok)
		if !strings.EqualFold(scheme, "Bearer") || tok == "" {
			s.error(w, r, flowwatch.Errorf(flowwatch.EUNAUTHORIZED,
				"this endpoint needs a token: create one with 'flowwatch token create NAME' and send 'Authorization: Bearer TOKEN'"), 0)
			return
		}
		t, err := s.store.TokenByHash(r.Context(), HashToken(tok))
		if err != nil || t == nil {
			if code := flowwatch.ErrorCode(err); err != nil && code != flowwatch.ENOTFOUND {
				s.error(w, r, err, 0)
				return
			}
			s.error(w, r, flowwatch.Errorf(flowwatch.EUNAUTHORIZED, "token not recognised: it may have been deleted; create a new one with 'flowwatch token create NAME'"), 0)
			return
		}
		next(w, r.WithContext(context.WithValue(r.Context(), tokenKey{}, t)))
	}
}

func (s *Server) handleTokens(w http.ResponseWriter, r *http.Request) {
	if err := knownParams(r); err != nil {
		s.error(w, r, err, 0)
		return
	}
	ts, err := s.store.Tokens(r.Context())
	if err != nil {
		s.error(w, r, err, 0)
		return
	}
	if ts == nil {
		ts = []flowwatch.Token{}
	}
	s.json(w, r, map[string]any{"items": ts})
}

func (s *Server) handleDeleteToken(w http.ResponseWriter, r *http.Request) {
	id, err := strconv.ParseInt(r.PathValue("id"), 10, 64)
	if err != nil || id <= 0 {
		s.error(w, r, flowwatch.Errorf(flowwatch.EINVALID, "token id %q: want a positive integer (see GET /api/tokens)", r.PathValue("id")), 0)
		return
	}
	if err := s.store.DeleteToken(r.Context(), id); err != nil {
		s.error(w, r, err, 0)
		return
	}
	w.WriteHeader(http.StatusNoContent)
}
