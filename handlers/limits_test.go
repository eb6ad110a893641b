package handlers

import (
	"context"
	"fmt"
	"strings"
	"testing"

	"ladder/content"
	"ladder/store"
	"ladder/store/pgtest"
)

// replicaPair is two servers on one PostgreSQL database, as two portal
// replicas behind a load balancer are.
func replicaPair(t *testing.T, limits Limits) (a, b *Server) {
	t.Helper()
	dbURL := pgtest.NewDatabase(t)
	open := func() *Server {
		st, err := store.OpenPostgres(context.Background(), dbURL, store.Options{})
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { st.Close() })
		return newServerFor(t, content.Files, testPool(t), func(o *Options) { o.Store = st; o.Limits = limits })
	}
	return open(), open()
}

// Attempts from one address count together on both replicas: the one
// past the limit in all is refused, though neither replica saw that many.
func TestAuthLimitsCountAcrossReplicas(t *testing.T) {
	a, b := replicaPair(t, Limits{AuthPerIP: 4, FailedLoginsPerAccount: 3})
	onA, onB := newClient(t, a), newClient(t, b)
	onA.ip, onB.ip = "198.51.100.20", "198.51.100.20"
	for i, c := range []*client{onA, onB, onA, onB} {
		if r := c.json("POST", "/api/v1/auth/login", map[string]string{"email": fmt.Sprintf("nobody%d@example.com", i), "password": "wrong"}, nil); r.status != 401 {
			t.Fatalf("attempt %d: %d %s, want 401", i+1, r.status, r.body)
		}
	}
	r := onA.json("POST", "/api/v1/auth/signup", map[string]string{"email": "late@example.com", "password": "correct horse battery"}, nil)
	if r.status != 429 || r.header.Get("Retry-After") == "" || r.header.Get("X-RateLimit-Remaining") != "0" {
		t.Fatalf("5th attempt from one address over two replicas: %d (Retry-After %q) %s, want 429", r.status, r.header.Get("Retry-After"), r.body)
	}

	// Failed logins of one account, from many addresses and both replicas.
	owner := newClient(t, b)
	owner.ip = "198.51.100.30"
	signupAndLogin(t, owner, "target@example.com")
	for i := 0; i < 3; i++ {
		c := []*client{onA, onB}[i%2]
		c.ip = fmt.Sprintf("203.0.113.%d", 40+i)
		if r := c.json("POST", "/api/v1/auth/login", map[string]string{"email": "target@example.com", "password": "guess"}, nil); r.status != 401 {
			t.Fatalf("failed login %d: %d %s, want 401", i+1, r.status, r.body)
		}
	}
	onA.ip = "203.0.113.50"
	if r := onA.json("POST", "/api/v1/auth/login", map[string]string{"email": "target@example.com", "password": "correct horse battery"}, nil); r.status != 429 {
		t.Fatalf("4th login of an account after 3 failures on two replicas: %d %s, want 429", r.status, r.body)
	}
}

// A successful login takes its hit back, on whichever replica: only
// failures count against an account.
func TestSuccessfulLoginsDoNotCountAgainstTheAccount(t *testing.T) {
	a, b := replicaPair(t, Limits{AuthPerIP: 100, FailedLoginsPerAccount: 2})
	owner := newClient(t, a)
	signupAndLogin(t, owner, "often@example.com")
	for i := 0; i < 5; i++ {
		c := newClient(t, []*Server{a, b}[i%2])
		if r := c.json("POST", "/api/v1/auth/login", map[string]string{"email": "often@example.com", "password": "correct horse battery"}, nil); r.status != 200 {
			t.Fatalf("login %d: %d %s, want 200", i+1, r.status, r.body)
		}
	}
}

// One address's grading quota is spent on both replicas together.
func TestGradingQuotaCountsAcrossReplicas(t *testing.T) {
	a, b := replicaPair(t, Limits{GradingPerMinutePerIP: 3})
	onA, onB := newClient(t, a), newClient(t, b)
	onA.ip, onB.ip = "203.0.113.77", "203.0.113.77"
	for i, c := range []*client{onA, onB, onA} {
		if r := c.json("POST", "/api/v1/labs/filter-sort-orders/run", map[string]string{"sql": "SELECT 1"}, nil); r.status != 200 {
			t.Fatalf("run %d: %d %s", i+1, r.status, r.body)
		}
	}
	r := onB.json("POST", "/api/v1/labs/filter-sort-orders/run", map[string]string{"sql": "SELECT 1"}, nil)
	if r.status != 429 || r.header.Get("Retry-After") == "" || !strings.Contains(r.body, "this minute") {
		t.Fatalf("4th run in a minute over two replicas: %d (Retry-After %q) %s, want 429", r.status, r.header.Get("Retry-After"), r.body)
	}
}

// X-Forwarded-For names the client only when a trusted proxy sends it:
// otherwise any client could pick a fresh address per attempt.
func TestForwardedForIsTrustedOnlyFromTrustedProxies(t *testing.T) {
	attempts := func(s *Server) (statuses []int) {
		for i := 0; i < 3; i++ {
			r := newClient(t, s).json("POST", "/api/v1/auth/login", map[string]string{"email": "x@example.com", "password": "wrong"},
				map[string]string{"X-Forwarded-For": fmt.Sprintf("192.0.2.%d", i+1)})
			statuses = append(statuses, r.status)
		}
		return statuses
	}
	limits := Limits{AuthPerIP: 2, FailedLoginsPerAccount: 100}
	direct := newServerFor(t, content.Files, testPool(t), func(o *Options) { o.Limits = limits; o.TrustedProxies = nil })
	if got := fmt.Sprint(attempts(direct)); got != "[401 401 429]" {
		t.Errorf("without a trusted proxy, three addresses in X-Forwarded-For: %s, want [401 401 429] (one peer, one limit)", got)
	}
	proxied := newServerFor(t, content.Files, testPool(t), func(o *Options) { o.Limits = limits })
	if got := fmt.Sprint(attempts(proxied)); got != "[401 401 401]" {
		t.Errorf("behind a trusted proxy, three client addresses: %s, want [401 401 401] (a limit each)", got)
	}
}
