package handlers

import (
	"context"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"net/url"
	"sort"
	"testing"
	"time"

	"github.com/gofiber/fiber/v2"

	"ladder/labs"
	"ladder/store"
)

// Run with: GOMAXPROCS=2 go test ./handlers -run '^$' -bench 'Throughput|Dashboard' -benchtime 3s
// The throughput benchmarks share one run so their ratio is fair on a
// noisy machine.

func benchHTTP(b *testing.B, url string) {
	// The client asks for gzip as a browser does but does not inflate the
	// body: the benchmark measures the server, not the client.
	client := &http.Client{Transport: &http.Transport{MaxIdleConnsPerHost: 64, DisableCompression: true}}
	b.SetParallelism(4)
	b.ResetTimer()
	start := time.Now()
	b.RunParallel(func(pb *testing.PB) {
		for pb.Next() {
			req, _ := http.NewRequest("GET", url, nil)
			req.Header.Set("Accept-Encoding", "gzip, deflate, br")
			resp, err := client.Do(req)
			if err != nil {
				b.Error(err)
				return
			}
			io.Copy(io.Discard, resp.Body)
			resp.Body.Close()
			if resp.StatusCode != 200 {
				b.Errorf("status %d", resp.StatusCode)
				return
			}
		}
	})
	b.ReportMetric(float64(b.N)/time.Since(start).Seconds(), "req/s")
}

// BenchmarkThroughput compares a guide page with a bare Fiber handler that
// returns a fixed string, both over loopback HTTP with gzip as browsers ask.
func BenchmarkThroughput(b *testing.B) {
	bare := fiber.New(fiber.Config{DisableStartupMessage: true})
	bare.Get("/", func(c *fiber.Ctx) error { return c.SendString("ok") })
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		b.Fatal(err)
	}
	go bare.Listener(ln)
	defer bare.Shutdown()
	s := newTestServer(b)
	base := serveHTTP(b, s)
	b.Run("bare", func(b *testing.B) { benchHTTP(b, "http://"+ln.Addr().String()+"/") })
	b.Run("guide", func(b *testing.B) { benchHTTP(b, base+"/guides/sre-principles-for-data") })
}

// BenchmarkDashboard renders /me for a learner with 200 submissions in a
// database of 1,000 learners and 50,000 submissions.
func BenchmarkDashboard(b *testing.B) {
	s := newTestServer(b)
	ctx := context.Background()
	labIDs := make([]string, len(s.labs.Labs))
	for i, l := range s.labs.Labs {
		labIDs[i] = l.ID
	}
	var target int64
	var subs []store.Submission
	for i := 0; i < 1000; i++ {
		u, err := s.store.CreateUser(ctx, store.User{Email: fmt.Sprintf("bench%d@example.com", i), PasswordHash: "x", DisplayName: "Bench", Role: "learner"}, store.AuditUserCreated, "bench")
		if err != nil {
			b.Fatal(err)
		}
		n := 50
		if i == 0 {
			target, n = u.ID, 200
		} else if i <= 3 {
			n = 0 // keep the total at 50,000: the target's extra 150 come from here
		}
		for j := 0; j < n; j++ {
			subs = append(subs, store.Submission{UserID: u.ID, LabID: labIDs[(i+j)%len(labIDs)], SQL: "SELECT 1", Passed: j%3 == 0,
				Verdict: labs.Verdict{Message: "Expected 3 rows, got 2."}, CreatedAt: time.Now().Add(-time.Duration(j) * time.Minute)})
		}
	}
	if len(subs) != 50000 {
		b.Fatalf("seeded %d submissions", len(subs))
	}
	if err := s.store.SaveSubmissions(ctx, subs); err != nil {
		b.Fatal(err)
	}
	u, _ := s.store.UserByID(ctx, target)
	sessionID := newSessionID()
	tok, exp, _ := s.issueToken(u.ID, sessionID, time.Now())
	s.store.CreateSession(ctx, store.Session{ID: sessionID, UserID: u.ID, CreatedAt: time.Now(), ExpiresAt: exp})
	var lat []time.Duration
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		req := httptest.NewRequest("GET", "/me", nil)
		req.Header.Set("Authorization", "Bearer "+tok)
		t0 := time.Now()
		resp, err := s.App().Test(req, -1)
		if err != nil || resp.StatusCode != 200 {
			b.Fatalf("GET /me: %v %v", resp, err)
		}
		io.Copy(io.Discard, resp.Body)
		resp.Body.Close()
		lat = append(lat, time.Since(t0))
	}
	sort.Slice(lat, func(i, j int) bool { return lat[i] < lat[j] })
	b.ReportMetric(float64(lat[len(lat)/2].Microseconds())/1000, "p50-ms")
	b.ReportMetric(float64(lat[len(lat)*99/100].Microseconds())/1000, "p99-ms")
}

// BenchmarkSearch answers GET /api/v1/search (and one /search page) over
// the full catalog: every guide, lab and task in both languages. The target
// is under 20 ms a search.
// Run with: GOMAXPROCS=2 go test ./handlers -run '^$' -bench Search -benchtime 300x
func BenchmarkSearch(b *testing.B) {
	s := newTestServer(b)
	for _, bc := range []struct{ name, url string }{
		{"api/english-word", "/api/v1/search?q=partition"},
		{"api/korean-substring", "/api/v1/search?q=" + url.QueryEscape("파티션")},
		{"api/short-korean-like", "/api/v1/search?q=" + url.QueryEscape("모델")},
		{"api/common-word", "/api/v1/search?q=data"},
		{"api/two-words", "/api/v1/search?q=" + url.QueryEscape("window partition")},
		{"api/eight-one-letter-words", "/api/v1/search?q=" + url.QueryEscape("a e i o u n s t")},
		{"page/english-word", "/search?q=partition"},
	} {
		b.Run(bc.name, func(b *testing.B) {
			var lat []time.Duration
			for i := 0; i < b.N; i++ {
				t0 := time.Now()
				resp, err := s.App().Test(httptest.NewRequest("GET", bc.url, nil), -1)
				if err != nil || resp.StatusCode != 200 {
					b.Fatalf("GET %s: %v %v", bc.url, resp, err)
				}
				io.Copy(io.Discard, resp.Body)
				resp.Body.Close()
				lat = append(lat, time.Since(t0))
			}
			sort.Slice(lat, func(i, j int) bool { return lat[i] < lat[j] })
			b.ReportMetric(float64(lat[len(lat)/2].Microseconds())/1000, "p50-ms")
			b.ReportMetric(float64(lat[len(lat)*99/100].Microseconds())/1000, "p99-ms")
		})
	}
}
