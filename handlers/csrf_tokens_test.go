package handlers

import (
	"context"
	"net/url"
	"strings"
	"testing"
	"time"

	"ladder/content"
	"ladder/store"
)

// A CSRF token one replica issued is accepted by another with the same
// key and database, since tokens are signed, not stored; a token that is
// tampered with, signed with another key, or expired is refused.
func TestCSRFTokensWorkAcrossReplicas(t *testing.T) {
	clock := time.Now()
	now := func() time.Time { return clock }
	st, err := store.Open(context.Background(), t.TempDir(), store.Options{Now: now})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	shared := func(o *Options) { o.Store = st }
	a := newServerFor(t, content.Files, testPool(t), shared)
	b := newServerFor(t, content.Files, testPool(t), shared)
	other := newServerFor(t, content.Files, testPool(t), shared, func(o *Options) { o.JWTKey = []byte("another-signing-key-of-32-bytes!") })
	makeUser(t, a, "replica@example.com", "learner")

	login := func(s *Server, tok string) int {
		c := newClient(t, s)
		c.cookies[csrfCookie] = tok
		r := c.form("/login", url.Values{"_csrf": {tok}, "email": {"replica@example.com"}, "password": {"correct horse battery"}})
		return r.status
	}
	tok := newClient(t, a).csrf()
	if got := login(b, tok); got != 303 {
		t.Fatalf("replica B refused replica A's token: %d, want 303", got)
	}
	if got := login(a, tok); got != 303 {
		t.Fatalf("replica A refused its own token: %d, want 303", got)
	}
	tampered := tok[:len(tok)-2] + strings.Map(func(r rune) rune {
		if r == 'A' {
			return 'B'
		}
		return 'A'
	}, tok[len(tok)-2:])
	if got := login(b, tampered); got != 403 {
		t.Errorf("a tampered token: %d, want 403", got)
	}
	if got := login(other, tok); got != 403 {
		t.Errorf("a token signed with another key: %d, want 403", got)
	}
	clock = clock.Add(csrfTTL + time.Minute)
	if got := login(b, tok); got != 403 {
		t.Errorf("an expired token: %d, want 403", got)
	}
}
