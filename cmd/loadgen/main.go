// Command loadgen drives a running portal on loopback with simulated
// learners: each signs up, reads guides, runs and submits labs (right and
// wrong answers) and opens the dashboard, for a bounded time and request
// count. It prints throughput, latency percentiles per route, errors by
// status and the submissions the server acknowledged, then checks through
// the API that every acknowledged submission is stored with its verdict.
//
// Given several base URLs (replicas on one database), it spreads the
// learners over them round-robin, each learner keeping to its base as one
// browser session would, and reports each base's share.
package main

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"math/rand"
	"net"
	"net/http"
	"net/url"
	"os"
	"os/signal"
	"slices"
	"sort"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"ladder/cmd/internal/proc"
	"ladder/content"
	"ladder/labs"
)

type options struct {
	addr        string // one base URL, or several separated by commas
	learners    int
	duration    time.Duration
	maxRequests int64
	think       time.Duration
	seed        int64
	pids        []int // the servers', to report their peak memory
	prefix      string
}

// gradingRoutes are the routes whose latency is reported per base.
var gradingRoutes = []string{"lab_run", "lab_submit"}

func main() {
	var o options
	flag.StringVar(&o.addr, "addr", "http://127.0.0.1:8080", "portal base URL, or several separated by commas (loopback only); learners are spread over them round-robin")
	flag.IntVar(&o.learners, "learners", 50, "simulated learners")
	flag.DurationVar(&o.duration, "duration", 30*time.Second, "how long to run")
	flag.Int64Var(&o.maxRequests, "max-requests", 50000, "stop after this many requests")
	flag.DurationVar(&o.think, "think", 500*time.Millisecond, "mean pause between a learner's actions")
	flag.Int64Var(&o.seed, "seed", 1, "random seed")
	pids := flag.String("pid", "", "the server's process id, or several separated by commas, to report their peak memory and their workers'")
	flag.StringVar(&o.prefix, "prefix", "", "email prefix for the simulated learners (default: from the time)")
	flag.Parse()
	var err error
	if o.pids, err = parsePIDs(*pids); err != nil {
		fmt.Fprintln(os.Stderr, "loadgen:", err)
		os.Exit(2)
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()
	rep, err := Run(ctx, o)
	if err != nil {
		fmt.Fprintln(os.Stderr, "loadgen:", err)
		os.Exit(1)
	}
	rep.print(os.Stdout)
	if rep.Lost > 0 || rep.Mismatched > 0 {
		os.Exit(1)
	}
}

// job is a lab submission with its expected outcome.
type job struct {
	lab  string
	sql  string
	pass bool
}

type ack struct {
	base   string // where it was acknowledged, and where it is checked
	token  string
	id     int64
	passed bool
}

type sample struct {
	at time.Time
	d  time.Duration
}

type recorder struct {
	mu       sync.Mutex
	lat      map[string][]sample
	loggedIn int
	steady   time.Time // when the last learner had signed in
	statuses map[int]int
	netErrs  int
	acks     []ack
	requests atomic.Int64
	bases    map[string]*BaseReport
}

func (r *recorder) add(base, route string, at time.Time, d time.Duration, status int) {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.lat[route] = append(r.lat[route], sample{at, d})
	r.statuses[status]++
	b := r.bases[base]
	b.Routes[route]++
	if slices.Contains(gradingRoutes, route) {
		b.Grading[route] = append(b.Grading[route], d)
	}
}

// sent counts a request to base, answered or not.
func (r *recorder) sent(base string) {
	r.mu.Lock()
	r.bases[base].Requests++
	r.mu.Unlock()
}

// Report is the outcome of a run.
type Report struct {
	Elapsed    time.Duration
	Requests   int64
	Routes     map[string][]time.Duration // every request
	Steady     map[string][]time.Duration // requests started after every learner had signed in
	Statuses   map[int]int
	NetErrors  int
	Acked      int
	Verified   int
	Lost       int
	Mismatched int
	PeakRSS    int64 // server, bytes (VmHWM); with several servers, their sum
	WorkersRSS int64 // their grader workers' peaks, summed
	Bases      []*BaseReport
	Servers    []ServerMemory // one a -pid, in its order
}

// BaseReport is one base URL's share of a run.
type BaseReport struct {
	URL      string
	Learners int
	Requests int                        // sent, answered or not
	Routes   map[string]int             // answers by route
	Grading  map[string][]time.Duration // latencies of the grading routes, as answered
}

// ServerMemory is one server's peak memory and its grader workers'.
type ServerMemory struct {
	PID        int
	PeakRSS    int64
	WorkersRSS int64
}

// parseBases splits -addr into base URLs, each on loopback.
func parseBases(addr string) ([]string, error) {
	var bases []string
	for _, b := range strings.Split(addr, ",") {
		b = strings.TrimRight(strings.TrimSpace(b), "/")
		u, err := url.Parse(b)
		if err != nil {
			return nil, err
		}
		if ip := net.ParseIP(u.Hostname()); u.Hostname() != "localhost" && (ip == nil || !ip.IsLoopback()) {
			return nil, errors.New("loadgen only targets loopback addresses")
		}
		if slices.Contains(bases, b) {
			return nil, fmt.Errorf("base URL %s is given twice", b)
		}
		bases = append(bases, b)
	}
	return bases, nil
}

// parsePIDs reads -pid: empty, or process ids separated by commas.
func parsePIDs(v string) ([]int, error) {
	if strings.TrimSpace(v) == "" {
		return nil, nil
	}
	var pids []int
	for _, f := range strings.Split(v, ",") {
		n, err := strconv.Atoi(strings.TrimSpace(f))
		if err != nil || n <= 0 {
			return nil, fmt.Errorf("-pid %q: want process ids separated by commas", v)
		}
		pids = append(pids, n)
	}
	return pids, nil
}

// Run executes one load run against o.addr.
func Run(ctx context.Context, o options) (*Report, error) {
	bases, err := parseBases(o.addr)
	if err != nil {
		return nil, err
	}
	jobs, guides, err := catalog()
	if err != nil {
		return nil, err
	}
	if o.prefix == "" {
		o.prefix = "lg" + strconv.FormatInt(time.Now().UnixNano()%1e9, 36)
	}
	rec := &recorder{lat: map[string][]sample{}, statuses: map[int]int{}, bases: map[string]*BaseReport{}}
	for _, b := range bases {
		rec.bases[b] = &BaseReport{URL: b, Routes: map[string]int{}, Grading: map[string][]time.Duration{}}
	}
	client := &http.Client{Timeout: 30 * time.Second, Transport: &http.Transport{MaxIdleConnsPerHost: 512, MaxConnsPerHost: 0}}
	ctx, cancel := context.WithTimeout(ctx, o.duration)
	defer cancel()
	start := time.Now()
	var wg sync.WaitGroup
	for i := 0; i < o.learners; i++ {
		wg.Add(1)
		go func(i int) {
			defer wg.Done()
			base := bases[i%len(bases)] // a learner is one browser session: one base for all its requests
			l := &learner{o: o, c: client, rec: rec, base: base, rnd: rand.New(rand.NewSource(o.seed + int64(i))), email: fmt.Sprintf("%s-%d@example.com", o.prefix, i)}
			l.live(ctx, jobs, guides)
		}(i)
	}
	wg.Wait()
	rep := &Report{Elapsed: time.Since(start), Requests: rec.requests.Load(), Routes: map[string][]time.Duration{}, Steady: map[string][]time.Duration{},
		Statuses: rec.statuses, NetErrors: rec.netErrs, Acked: len(rec.acks)}
	for i, b := range bases {
		br := rec.bases[b]
		br.Learners = o.learners / len(bases)
		if i < o.learners%len(bases) {
			br.Learners++
		}
		rep.Bases = append(rep.Bases, br)
	}
	for route, samples := range rec.lat {
		for _, smp := range samples {
			rep.Routes[route] = append(rep.Routes[route], smp.d)
			if !rec.steady.IsZero() && !smp.at.Before(rec.steady) {
				rep.Steady[route] = append(rep.Steady[route], smp.d)
			}
		}
	}
	// Every acknowledged submission must be stored with its verdict.
	for _, a := range rec.acks {
		var got struct {
			ID     int64 `json:"id"`
			Passed bool  `json:"passed"`
		}
		status, err := call(context.Background(), client, a.base, "GET", "/api/v1/submissions/"+strconv.FormatInt(a.id, 10), a.token, nil, &got)
		switch {
		case err != nil || status != 200:
			rep.Lost++
		case got.ID != a.id || got.Passed != a.passed:
			rep.Mismatched++
		default:
			rep.Verified++
		}
	}
	for _, pid := range o.pids {
		m := ServerMemory{PID: pid, PeakRSS: peakRSS(pid)}
		for _, child := range proc.Children(pid) {
			m.WorkersRSS += peakRSS(child)
		}
		rep.Servers = append(rep.Servers, m)
		rep.PeakRSS += m.PeakRSS
		rep.WorkersRSS += m.WorkersRSS
	}
	return rep, nil
}

// catalog loads the portal's own labs: right answers and the authors'
// realistic wrong ones.
func catalog() ([]job, []string, error) {
	idx, err := content.Load(content.Files)
	if err != nil {
		return nil, nil, err
	}
	cat, err := labs.Load([]labs.Source{labs.Embedded()}, idx.Framework, idx.Renderer)
	if err != nil {
		return nil, nil, err
	}
	var jobs []job
	for _, l := range cat.Labs {
		jobs = append(jobs, job{lab: l.ID, sql: l.Reference(), pass: true})
		for _, tc := range l.Tests {
			jobs = append(jobs, job{lab: l.ID, sql: tc.SQL, pass: tc.WantPass})
		}
	}
	var guides []string
	for _, g := range idx.Guides {
		guides = append(guides, g.Slug)
	}
	return jobs, guides, nil
}

type learner struct {
	o     options
	c     *http.Client
	rec   *recorder
	rnd   *rand.Rand
	base  string
	email string
	token string
}

func (l *learner) do(ctx context.Context, route, method, path string, body, out any) (int, bool) {
	if l.rec.requests.Add(1) > l.o.maxRequests {
		return 0, false
	}
	l.rec.sent(l.base)
	t0 := time.Now()
	status, err := call(ctx, l.c, l.base, method, path, l.token, body, out)
	if err != nil {
		if ctx.Err() != nil {
			return 0, false
		}
		l.rec.mu.Lock()
		l.rec.netErrs++
		l.rec.mu.Unlock()
		return 0, true
	}
	switch status {
	case http.StatusServiceUnavailable:
		route += " (busy)" // a fast deliberate refusal: kept apart so it does not flatter the latencies
	case http.StatusTooManyRequests:
		route += " (limited)" // the per-caller grading limits: as fast, and as deliberate
	}
	l.rec.add(l.base, route, t0, time.Since(t0), status)
	return status, true
}

// untilServed posts like do, and tries again after a busy answer (503),
// as a person would: a burst of signups at the start meets a busy database
// and would otherwise leave learners who never sign in.
func (l *learner) untilServed(ctx context.Context, route, path string, body, out any) (int, bool) {
	for try := 1; ; try++ {
		status, ok := l.do(ctx, route, "POST", path, body, out)
		if !ok || status != http.StatusServiceUnavailable || try == 5 {
			return status, ok
		}
		select {
		case <-ctx.Done():
			return status, false
		case <-time.After(time.Duration(try) * time.Second):
		}
	}
}

func (l *learner) live(ctx context.Context, jobs []job, guides []string) {
	const password = "load-test-password"
	if status, ok := l.untilServed(ctx, "signup", "/api/v1/auth/signup", map[string]string{"email": l.email, "password": password, "display_name": "Load"}, nil); !ok || (status != 201 && status != 409) {
		return // 409: an earlier try was stored after all
	}
	var login struct {
		Token string `json:"token"`
	}
	if status, ok := l.untilServed(ctx, "login", "/api/v1/auth/login", map[string]string{"email": l.email, "password": password}, &login); !ok || status != 200 {
		return
	}
	l.token = login.Token
	l.rec.mu.Lock()
	if l.rec.loggedIn++; l.rec.loggedIn == l.o.learners {
		l.rec.steady = time.Now()
	}
	l.rec.mu.Unlock()
	for ctx.Err() == nil {
		var ok bool
		switch r := l.rnd.Intn(10); {
		case r < 3:
			slug := guides[l.rnd.Intn(len(guides))]
			if _, ok = l.do(ctx, "guide", "GET", "/guides/"+slug, nil, nil); ok {
				_, ok = l.do(ctx, "guide_read", "POST", "/api/v1/guides/"+slug+"/read", nil, nil)
			}
		case r < 5:
			j := jobs[l.rnd.Intn(len(jobs))]
			_, ok = l.do(ctx, "lab_run", "POST", "/api/v1/labs/"+j.lab+"/run", map[string]string{"sql": j.sql}, nil)
		case r < 8:
			j := jobs[l.rnd.Intn(len(jobs))]
			var v struct {
				ID     int64 `json:"id"`
				Passed bool  `json:"passed"`
			}
			var status int
			status, ok = l.do(ctx, "lab_submit", "POST", "/api/v1/labs/"+j.lab+"/submissions", map[string]string{"sql": j.sql}, &v)
			if status == 201 || (status == 422 && v.ID != 0) {
				l.rec.mu.Lock()
				l.rec.acks = append(l.rec.acks, ack{base: l.base, token: l.token, id: v.ID, passed: v.Passed})
				l.rec.mu.Unlock()
			}
		default:
			if _, ok = l.do(ctx, "dashboard", "GET", "/me", nil, nil); ok {
				_, ok = l.do(ctx, "progress_api", "GET", "/api/v1/me/progress", nil, nil)
			}
		}
		if !ok {
			return
		}
		pause := time.Duration(l.rnd.ExpFloat64() * float64(l.o.think))
		select {
		case <-ctx.Done():
			return
		case <-time.After(pause):
		}
	}
}

func call(ctx context.Context, c *http.Client, base, method, path, token string, body, out any) (int, error) {
	var r io.Reader
	if body != nil {
		b, _ := json.Marshal(body)
		r = bytes.NewReader(b)
	}
	req, err := http.NewRequestWithContext(ctx, method, base+path, r)
	if err != nil {
		return 0, err
	}
	if body != nil {
		req.Header.Set("Content-Type", "application/json")
	}
	if token != "" {
		req.Header.Set("Authorization", "Bearer "+token)
	}
	resp, err := c.Do(req)
	if err != nil {
		return 0, err
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	if err != nil {
		return resp.StatusCode, err
	}
	if out != nil && strings.HasPrefix(resp.Header.Get("Content-Type"), "application/json") {
		_ = json.Unmarshal(b, out)
	}
	return resp.StatusCode, nil
}

func percentile(d []time.Duration, p float64) time.Duration {
	if len(d) == 0 {
		return 0
	}
	return d[int(p*float64(len(d)-1))]
}

func (r *Report) print(w io.Writer) {
	fmt.Fprintf(w, "requests: %d in %.1fs = %.1f req/s\n", r.Requests, r.Elapsed.Seconds(), float64(r.Requests)/r.Elapsed.Seconds())
	table := func(title string, m map[string][]time.Duration) {
		routes := make([]string, 0, len(m))
		for k := range m {
			routes = append(routes, k)
		}
		sort.Strings(routes)
		fmt.Fprintf(w, "%s\n%-14s %8s %10s %10s %10s\n", title, "route", "count", "p50 ms", "p95 ms", "p99 ms")
		for _, k := range routes {
			d := m[k]
			sort.Slice(d, func(i, j int) bool { return d[i] < d[j] })
			ms := func(x time.Duration) float64 { return float64(x.Microseconds()) / 1000 }
			fmt.Fprintf(w, "%-14s %8d %10.2f %10.2f %10.2f\n", k, len(d), ms(percentile(d, .5)), ms(percentile(d, .95)), ms(percentile(d, .99)))
		}
	}
	table("all requests:", r.Routes)
	table("after every learner had signed in:", r.Steady)
	codes := make([]int, 0, len(r.Statuses))
	for c := range r.Statuses {
		codes = append(codes, c)
	}
	sort.Ints(codes)
	fmt.Fprint(w, "statuses:")
	for _, c := range codes {
		fmt.Fprintf(w, " %d=%d", c, r.Statuses[c])
	}
	fmt.Fprintf(w, "\nnetwork errors: %d\n", r.NetErrors)
	fmt.Fprintf(w, "submissions acknowledged: %d, verified stored: %d, lost: %d, wrong verdict: %d\n", r.Acked, r.Verified, r.Lost, r.Mismatched)
	mb := func(b int64) float64 { return float64(b) / (1 << 20) }
	if len(r.Bases) > 1 {
		ms := func(x time.Duration) float64 { return float64(x.Microseconds()) / 1000 }
		fmt.Fprintf(w, "per base:\n%-24s %8s %9s", "base", "learners", "requests")
		for _, g := range gradingRoutes {
			fmt.Fprintf(w, " %18s", g+" p50/p99 ms")
		}
		fmt.Fprintln(w)
		for _, b := range r.Bases {
			fmt.Fprintf(w, "%-24s %8d %9d", b.URL, b.Learners, b.Requests)
			for _, g := range gradingRoutes {
				d := b.Grading[g]
				sort.Slice(d, func(i, j int) bool { return d[i] < d[j] })
				fmt.Fprintf(w, " %18s", fmt.Sprintf("%.1f / %.1f", ms(percentile(d, .5)), ms(percentile(d, .99))))
			}
			fmt.Fprintln(w)
		}
	}
	switch {
	case len(r.Servers) > 1:
		for _, s := range r.Servers {
			fmt.Fprintf(w, "peak RSS of pid %d: server %.1f MB, grader workers %.1f MB (sum of peaks)\n", s.PID, mb(s.PeakRSS), mb(s.WorkersRSS))
		}
		fmt.Fprintf(w, "peak RSS of all %d: servers %.1f MB, grader workers %.1f MB, total %.1f MB\n", len(r.Servers), mb(r.PeakRSS), mb(r.WorkersRSS), mb(r.PeakRSS+r.WorkersRSS))
	case r.PeakRSS > 0:
		fmt.Fprintf(w, "peak RSS: server %.1f MB, grader workers %.1f MB (sum of peaks)\n", mb(r.PeakRSS), mb(r.WorkersRSS))
	}
}

// peakRSS reads VmHWM from /proc.
func peakRSS(pid int) int64 { return proc.StatusBytes(pid, "VmHWM:") }
