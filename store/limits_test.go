package store

import (
	"context"
	"sort"
	"sync"
	"sync/atomic"
	"testing"
	"time"
)

// clock is a settable clock shared by the stores of one test.
type clock struct{ ns atomic.Int64 }

func newClock() *clock {
	c := &clock{}
	c.ns.Store(time.Date(2026, 12, 1, 9, 0, 0, 0, time.UTC).UnixNano())
	return c
}
func (c *clock) now() time.Time          { return time.Unix(0, c.ns.Load()).UTC() }
func (c *clock) advance(d time.Duration) { c.ns.Add(int64(d)) }

// replicas opens two stores on one database, as two portal replicas do.
func replicas(t *testing.T, db testDB, c *clock) (a, b *Store) {
	return db.open(t, Options{Now: c.now}), db.open(t, Options{Now: c.now, SkipMigrations: true})
}

// onBoth runs fn n times at once, alternating between the replicas a and
// b, and fails the test on any error.
func onBoth(t *testing.T, n int, a, b *Store, fn func(i int, s *Store) error) {
	t.Helper()
	var wg sync.WaitGroup
	errs := make(chan error, n)
	for i := 0; i < n; i++ {
		s := a
		if i%2 == 1 {
			s = b
		}
		wg.Add(1)
		go func(i int, s *Store) {
			defer wg.Done()
			if err := fn(i, s); err != nil {
				errs <- err
			}
		}(i, s)
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Fatal(err)
	}
}

func TestHitCountsAWindowThenStartsAgain(t *testing.T) {
	eachEngine(t, func(t *testing.T, db testDB) {
		ctx := context.Background()
		c := newClock()
		a, b := replicas(t, db, c)
		start := c.now()
		for i, s := range []*Store{a, b, a} {
			w, err := s.Hit(ctx, "ip:192.0.2.1", time.Minute)
			if err != nil {
				t.Fatal(err)
			}
			if w.Hits != i+1 || !w.ResetAt.Equal(start.Add(time.Minute)) {
				t.Fatalf("hit %d: %+v, want %d hits resetting at %s", i+1, w, i+1, start.Add(time.Minute))
			}
			c.advance(10 * time.Second)
		}
		if w, err := b.Hit(ctx, "ip:192.0.2.2", time.Minute); err != nil || w.Hits != 1 {
			t.Fatalf("another key: %+v, %v; want its own count from 1", w, err)
		}
		c.advance(30 * time.Second) // 60 s since the first hit: the window has ended
		w, err := b.Hit(ctx, "ip:192.0.2.1", time.Minute)
		if err != nil {
			t.Fatal(err)
		}
		if w.Hits != 1 || !w.ResetAt.Equal(c.now().Add(time.Minute)) {
			t.Fatalf("first hit after the window: %+v, want 1 hit resetting at %s", w, c.now().Add(time.Minute))
		}
	})
}

// Hits at once on two replicas each count exactly once: the counts
// returned are 1..n, each once.
func TestConcurrentHitsOnTwoReplicasEachCountOnce(t *testing.T) {
	eachEngine(t, func(t *testing.T, db testDB) {
		ctx := context.Background()
		a, b := replicas(t, db, newClock())
		const n = 40
		got := make([]int, n)
		onBoth(t, n, a, b, func(i int, s *Store) error {
			w, err := s.Hit(ctx, "acct:ada@example.com", time.Minute)
			got[i] = w.Hits
			return err
		})
		sort.Ints(got)
		for i, h := range got {
			if h != i+1 {
				t.Fatalf("counts returned: %v, want 1..%d each once", got, n)
			}
		}
	})
}

func TestUnhitTakesBackOneHitOfItsWindowOnly(t *testing.T) {
	eachStore(t, func(t *testing.T, s *Store) {
		ctx := context.Background()
		var w Window
		for i := 0; i < 3; i++ {
			var err error
			if w, err = s.Hit(ctx, "acct:a", time.Minute); err != nil {
				t.Fatal(err)
			}
		}
		if err := s.Unhit(ctx, "acct:a", w); err != nil {
			t.Fatal(err)
		}
		if w, err := s.Hit(ctx, "acct:a", time.Minute); err != nil || w.Hits != 3 {
			t.Fatalf("after one unhit of 3: %+v, %v; want the next hit to be the 3rd", w, err)
		}
		// A window that has ended is not touched by an unhit of it.
		old := Window{Hits: 1, ResetAt: w.ResetAt.Add(-time.Hour)}
		if err := s.Unhit(ctx, "acct:a", old); err != nil {
			t.Fatal(err)
		}
		if w, err := s.Hit(ctx, "acct:a", time.Minute); err != nil || w.Hits != 4 {
			t.Fatalf("after an unhit of an older window: %+v, %v; want 4", w, err)
		}
	})
}

func TestLeasesBoundJobsInFlightAcrossReplicas(t *testing.T) {
	eachEngine(t, func(t *testing.T, db testDB) {
		ctx := context.Background()
		c := newClock()
		a, b := replicas(t, db, c)
		take := func(s *Store, key string) (Lease, bool) {
			t.Helper()
			l, ok, err := s.TakeLease(ctx, key, 2, time.Minute)
			if err != nil {
				t.Fatal(err)
			}
			return l, ok
		}
		first, ok1 := take(a, "user:1")
		_, ok2 := take(b, "user:1")
		if !ok1 || !ok2 {
			t.Fatalf("the first two leases of a limit of 2 were refused: %t %t", ok1, ok2)
		}
		if _, ok := take(a, "user:1"); ok {
			t.Fatal("a third lease was granted with two in flight on the other replicas")
		}
		if _, ok := take(b, "user:2"); !ok {
			t.Fatal("another caller's lease was refused")
		}
		if err := b.Release(ctx, first); err != nil {
			t.Fatal(err)
		}
		if err := b.Release(ctx, first); err != nil {
			t.Fatalf("releasing twice: %v", err)
		}
		if _, ok := take(a, "user:1"); !ok {
			t.Fatal("a lease was refused after one of two was released")
		}
		if _, ok := take(a, "user:1"); ok {
			t.Fatal("a lease was granted past the limit after a release")
		}
		// A replica that died never releases; its leases stop counting
		// when they expire.
		c.advance(time.Minute)
		if _, ok := take(b, "user:1"); !ok {
			t.Fatal("expired leases still count")
		}
	})
}

// Callers racing for leases on two replicas get exactly the limit.
func TestConcurrentLeasesGrantExactlyTheLimit(t *testing.T) {
	eachEngine(t, func(t *testing.T, db testDB) {
		ctx := context.Background()
		a, b := replicas(t, db, newClock())
		const tries, limit = 20, 3
		var granted atomic.Int32
		onBoth(t, tries, a, b, func(_ int, s *Store) error {
			_, ok, err := s.TakeLease(ctx, "ip:198.51.100.7", limit, time.Minute)
			if ok {
				granted.Add(1)
			}
			return err
		})
		if granted.Load() != limit {
			t.Fatalf("%d leases granted to %d racing callers, want exactly %d", granted.Load(), tries, limit)
		}
	})
}

func TestSweepLimitsDeletesOnlyWhatCountsForNothing(t *testing.T) {
	eachEngine(t, func(t *testing.T, db testDB) {
		ctx := context.Background()
		c := newClock()
		s := db.open(t, Options{Now: c.now})
		if _, err := s.Hit(ctx, "old", time.Minute); err != nil {
			t.Fatal(err)
		}
		if _, _, err := s.TakeLease(ctx, "old", 1, time.Minute); err != nil {
			t.Fatal(err)
		}
		c.advance(2 * time.Minute)
		if _, err := s.Hit(ctx, "live", time.Minute); err != nil {
			t.Fatal(err)
		}
		live, _, err := s.TakeLease(ctx, "live", 1, time.Minute)
		if err != nil {
			t.Fatal(err)
		}
		// Ended: the window "old", the lease of "old" and its lock row.
		if n, err := s.SweepLimits(ctx); err != nil || n != 3 {
			t.Fatalf("sweep: %d, %v; want 3 deleted", n, err)
		}
		if w, err := s.Hit(ctx, "live", time.Minute); err != nil || w.Hits != 2 {
			t.Fatalf("a live window after the sweep: %+v, %v; want its 2nd hit", w, err)
		}
		if _, ok, err := s.TakeLease(ctx, "live", 1, time.Minute); err != nil || ok {
			t.Fatalf("a live lease after the sweep: granted %t, %v; want it still counted", ok, err)
		}
		if err := s.Release(ctx, live); err != nil {
			t.Fatal(err)
		}
	})
}
