package handlers

import (
	"crypto/hmac"
	"crypto/rand"
	"crypto/sha256"
	"encoding/base64"
	"strconv"
	"strings"
	"time"
)

// signedTokens makes CSRF tokens that any replica can check without
// shared storage: a token is random bytes, its expiry and an HMAC of both
// under a key derived from the server's signing key. Fiber's csrf
// middleware still does the double submit (the form's or header's copy
// must equal the cookie); where it would look the token up in storage, it
// asks Get, which checks the signature and the expiry instead. So a token
// one replica issued is good on every replica with the same key, and a
// restart forgets nothing.
type signedTokens struct {
	key []byte
	ttl time.Duration
	now func() time.Time
}

func newSignedTokens(serverKey []byte, ttl time.Duration, now func() time.Time) *signedTokens {
	// A key of its own, so a CSRF token can never pass as anything signed
	// with the JWT key, nor the other way round.
	m := hmac.New(sha256.New, serverKey)
	m.Write([]byte("ladder csrf tokens v1"))
	return &signedTokens{key: m.Sum(nil), ttl: ttl, now: now}
}

// generate is the middleware's KeyGenerator.
func (t *signedTokens) generate() string {
	var nonce [18]byte
	if _, err := rand.Read(nonce[:]); err != nil {
		panic("csrf: no randomness: " + err.Error()) // crypto/rand does not fail on Linux
	}
	body := base64.RawURLEncoding.EncodeToString(nonce[:]) + "." + strconv.FormatInt(t.now().Add(t.ttl).Unix(), 10)
	return body + "." + t.sign(body)
}

func (t *signedTokens) sign(body string) string {
	m := hmac.New(sha256.New, t.key)
	m.Write([]byte(body))
	return base64.RawURLEncoding.EncodeToString(m.Sum(nil))
}

// valid reports whether a token is one of ours and not yet expired.
func (t *signedTokens) valid(token string) bool {
	i := strings.LastIndexByte(token, '.')
	if i < 0 || len(token) > 200 {
		return false
	}
	body, sig := token[:i], token[i+1:]
	if !hmac.Equal([]byte(sig), []byte(t.sign(body))) {
		return false
	}
	j := strings.LastIndexByte(body, '.')
	if j < 0 {
		return false
	}
	exp, err := strconv.ParseInt(body[j+1:], 10, 64)
	return err == nil && t.now().Unix() < exp
}

// The fiber.Storage the csrf middleware reads: only Get matters.

// Get answers as if every valid token were stored.
func (t *signedTokens) Get(key string) ([]byte, error) {
	if t.valid(key) {
		return []byte{1}, nil
	}
	return nil, nil
}

// Set keeps nothing: the token carries its own expiry.
func (t *signedTokens) Set(string, []byte, time.Duration) error { return nil }

// Delete keeps nothing either; tokens are not single-use.
func (t *signedTokens) Delete(string) error { return nil }

// Reset has nothing to clear.
func (t *signedTokens) Reset() error { return nil }

// Close has nothing to close.
func (t *signedTokens) Close() error { return nil }
