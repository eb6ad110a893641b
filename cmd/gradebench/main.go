// Command gradebench measures the grader against many generated labs: it
// writes N query labs of about 1,000 rows each to a folder, starts the
// portal on them, grades every lab once through the API, and prints the
// first (cold) grading's latency and the resident memory of the server
// with its workers once every lab is warm.
//
//	go build -o /tmp/portal ./cmd/portal
//	go run ./cmd/gradebench -portal /tmp/portal -labs 100
package main

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strings"
	"time"

	"ladder/cmd/internal/proc"
)

func main() {
	portal := flag.String("portal", "", "path to a built portal binary (required)")
	n := flag.Int("labs", 100, "labs to generate")
	rows := flag.Int("rows", 1000, "rows in each lab's main table")
	keep := flag.String("dir", "", "write the labs and data here instead of a temporary folder")
	flag.Parse()
	if *portal == "" {
		fmt.Fprintln(os.Stderr, "gradebench: -portal is required (go build -o /tmp/portal ./cmd/portal)")
		os.Exit(2)
	}
	if err := run(*portal, *n, *rows, *keep, os.Stdout); err != nil {
		fmt.Fprintln(os.Stderr, "gradebench:", err)
		os.Exit(1)
	}
}

func run(portal string, n, rows int, dir string, out io.Writer) error {
	if dir == "" {
		d, err := os.MkdirTemp("", "gradebench-")
		if err != nil {
			return err
		}
		defer os.RemoveAll(d)
		dir = d
	}
	labsDir := filepath.Join(dir, "labs")
	ids, err := writeLabs(labsDir, n, rows)
	if err != nil {
		return err
	}
	addr, err := freeAddr()
	if err != nil {
		return err
	}
	cmd := exec.Command(portal, "--addr", addr, "--data-dir", filepath.Join(dir, "data"), "--labs-dir", labsDir, "--log-level", "error")
	cmd.Env = append(os.Environ(), "PORTAL_AUTH_RATE=100000")
	cmd.Stderr = os.Stderr
	if err := cmd.Start(); err != nil {
		return err
	}
	defer func() {
		cmd.Process.Signal(os.Interrupt)
		cmd.Wait()
	}()
	base := "http://" + addr
	if err := waitHealthy(base, 30*time.Second); err != nil {
		return err
	}
	c := &http.Client{Timeout: 30 * time.Second}
	// The grading quota is per account (60 a minute): one learner per 50
	// gradings keeps every one of them graded.
	var tokens []string
	for i := 0; i < (4*len(ids))/50+1; i++ {
		token, err := learner(c, base, i)
		if err != nil {
			return err
		}
		tokens = append(tokens, token)
	}
	graded := 0
	tokenFor := func() string {
		graded++
		return tokens[(graded-1)/50]
	}
	serverOnly := rss(cmd.Process.Pid, false)
	var cold []time.Duration
	for _, id := range ids {
		var v struct {
			Passed bool `json:"passed"`
		}
		start := time.Now()
		status, err := call(c, base, "POST", "/api/v1/labs/"+id+"/submissions", tokenFor(), map[string]string{"sql": solutionSQL}, &v)
		d := time.Since(start)
		if err != nil || status >= 300 || !v.Passed {
			return fmt.Errorf("lab %s: status %d, passed %v, %v", id, status, v.Passed, err)
		}
		cold = append(cold, d)
	}
	var warm []time.Duration
	for i := 0; i < 3; i++ {
		for _, id := range ids {
			start := time.Now()
			status, err := call(c, base, "POST", "/api/v1/labs/"+id+"/submissions", tokenFor(), map[string]string{"sql": solutionSQL}, nil)
			if err != nil || status >= 300 {
				return fmt.Errorf("lab %s: status %d, %v", id, status, err)
			}
			warm = append(warm, time.Since(start))
		}
	}
	server := rss(cmd.Process.Pid, false)
	total := rss(cmd.Process.Pid, true)
	fmt.Fprintf(out, "labs: %d generated query labs, %d rows each (visible) plus a hidden dataset\n", n, rows)
	fmt.Fprintf(out, "first grading per lab (cold), through the API: p50 %s, p99 %s, max %s\n", ms(pct(cold, .5)), ms(pct(cold, .99)), ms(pct(cold, 1)))
	fmt.Fprintf(out, "warm gradings, through the API:                p50 %s, p99 %s\n", ms(pct(warm, .5)), ms(pct(warm, .99)))
	fmt.Fprintf(out, "RSS with every lab warm: server %.1f MB (%.1f MB before any grading), workers %.1f MB, total %.1f MB\n",
		mb(server), mb(serverOnly), mb(total-server), mb(total))
	return nil
}

// learner signs up a bench learner and returns its token.
func learner(c *http.Client, base string, i int) (string, error) {
	email := fmt.Sprintf("bench-%d-%d@example.com", time.Now().UnixNano(), i)
	if status, err := call(c, base, "POST", "/api/v1/auth/signup", "", map[string]string{"email": email, "password": "a long bench password", "display_name": "Bench"}, nil); err != nil || status >= 300 {
		return "", fmt.Errorf("signup: %d %v", status, err)
	}
	var login struct {
		Token string `json:"token"`
	}
	if status, err := call(c, base, "POST", "/api/v1/auth/login", "", map[string]string{"email": email, "password": "a long bench password"}, &login); err != nil || status != 200 {
		return "", fmt.Errorf("login: %d %v", status, err)
	}
	return login.Token, nil
}

// solutionSQL is every generated lab's reference, and so a passing answer.
const solutionSQL = "SELECT customer, count(*) AS orders, sum(amount) AS revenue FROM shop.orders GROUP BY customer ORDER BY revenue DESC, customer"

// writeLabs writes n query labs whose data differ by lab, so no two share
// a key, and returns their ids.
func writeLabs(dir string, n, rows int) ([]string, error) {
	var ids []string
	for i := 0; i < n; i++ {
		id := fmt.Sprintf("bench-%03d", i)
		files := map[string]string{
			"lab.md": fmt.Sprintf("---\ntitle: Revenue per customer %d\nkind: query\nlevel: junior\ncompetencies: [sql-querying]\n---\n## Task\nRevenue per customer, highest first.\n", i),
			"setup.sql": fmt.Sprintf(`CREATE SCHEMA shop;
CREATE TABLE shop.orders AS
SELECT range AS id, 'customer-' || (range %% %d) AS customer,
       round(((range * %d) %% 10000) / 100.0, 2)::DECIMAL(10,2) AS amount,
       DATE '2026-01-01' + (range %% 365)::INT AS day, range %% 3 = 0 AS is_gift
FROM range(%d);`, 50+i%50, 7+i, rows),
			"hidden.sql":   fmt.Sprintf("INSERT INTO shop.orders SELECT %d + range, 'customer-x', 1.50, DATE '2026-06-01', false FROM range(%d);", rows, 20+i%7),
			"solution.sql": solutionSQL + ";",
		}
		for name, body := range files {
			p := filepath.Join(dir, id, name)
			if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
				return nil, err
			}
			if err := os.WriteFile(p, []byte(body), 0o644); err != nil {
				return nil, err
			}
		}
		ids = append(ids, id)
	}
	return ids, nil
}

func freeAddr() (string, error) {
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return "", err
	}
	defer l.Close()
	return l.Addr().String(), nil
}

func waitHealthy(base string, limit time.Duration) error {
	deadline := time.Now().Add(limit)
	for time.Now().Before(deadline) {
		if resp, err := http.Get(base + "/healthz"); err == nil {
			resp.Body.Close()
			if resp.StatusCode == 200 {
				return nil
			}
		}
		time.Sleep(20 * time.Millisecond)
	}
	return errors.New("the portal did not become healthy")
}

func call(c *http.Client, base, method, path, token string, body, out any) (int, error) {
	b, _ := json.Marshal(body)
	req, err := http.NewRequestWithContext(context.Background(), method, base+path, bytes.NewReader(b))
	if err != nil {
		return 0, err
	}
	req.Header.Set("Content-Type", "application/json")
	if token != "" {
		req.Header.Set("Authorization", "Bearer "+token)
	}
	resp, err := c.Do(req)
	if err != nil {
		return 0, err
	}
	defer resp.Body.Close()
	data, err := io.ReadAll(resp.Body)
	if err != nil {
		return resp.StatusCode, err
	}
	if out != nil {
		if err := json.Unmarshal(data, out); err != nil {
			return resp.StatusCode, fmt.Errorf("decode %s: %w", strings.TrimSpace(string(data)), err)
		}
	}
	return resp.StatusCode, nil
}

// rss is the resident memory of a process, with its children when asked.
func rss(pid int, withChildren bool) int64 {
	total := proc.StatusBytes(pid, "VmRSS:")
	if withChildren {
		for _, c := range proc.Children(pid) {
			total += rss(c, true)
		}
	}
	return total
}

func pct(d []time.Duration, p float64) time.Duration {
	if len(d) == 0 {
		return 0
	}
	s := append([]time.Duration(nil), d...)
	sort.Slice(s, func(i, j int) bool { return s[i] < s[j] })
	return s[int(p*float64(len(s)-1))]
}

func ms(d time.Duration) string { return fmt.Sprintf("%.2f ms", float64(d.Microseconds())/1000) }
func mb(b int64) float64        { return float64(b) / (1 << 20) }
