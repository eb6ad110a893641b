package store

import (
	"bytes"
	"context"
	"testing"
)

// The first key stored is the one every later caller gets: two replicas
// starting with different fresh keys end up with one.
func TestSigningKeyIsShared(t *testing.T) {
	eachStore(t, func(t *testing.T, s *Store) {
		ctx := context.Background()
		first, second := bytes.Repeat([]byte{1}, 32), bytes.Repeat([]byte{2}, 32)
		got1, err := s.SigningKey(ctx, first)
		if err != nil || !bytes.Equal(got1, first) {
			t.Fatalf("first call = %x, %v; want the fresh key", got1, err)
		}
		got2, err := s.SigningKey(ctx, second)
		if err != nil || !bytes.Equal(got2, first) {
			t.Fatalf("second call = %x, %v; want the key kept by the first", got2, err)
		}
		if _, err := s.SigningKey(ctx, []byte("short")); err == nil {
			t.Error("a short key was accepted")
		}
	})
}
