package main

import (
	"encoding/json"
	"net/http"
	"os"
	"os/exec"
	"sort"
	"testing"
	"time"
)

// BenchmarkStartup measures from exec to the first 200 on /healthz, with a
// fresh data directory each time (migrations included).
// Run with: go test ./cmd/portal -run '^$' -bench Startup -benchtime 10x
func BenchmarkStartup(b *testing.B) {
	exe, err := os.Executable()
	if err != nil {
		b.Fatal(err)
	}
	var times []time.Duration
	for i := 0; i < b.N; i++ {
		ln := freeAddrB(b)
		args, _ := json.Marshal([]string{"serve", "--addr", ln, "--data-dir", b.TempDir(), "--log-level", "warn"})
		cmd := exec.Command(exe, "-test.run=^$")
		cmd.Env = append(os.Environ(), serveEnv+"="+string(args))
		start := time.Now()
		if err := cmd.Start(); err != nil {
			b.Fatal(err)
		}
		for {
			resp, err := http.Get("http://" + ln + "/healthz")
			if err == nil {
				resp.Body.Close()
				if resp.StatusCode == 200 {
					break
				}
			}
			if time.Since(start) > 30*time.Second {
				b.Fatal("no start")
			}
			time.Sleep(2 * time.Millisecond)
		}
		times = append(times, time.Since(start))
		cmd.Process.Signal(os.Interrupt)
		cmd.Wait()
	}
	sort.Slice(times, func(i, j int) bool { return times[i] < times[j] })
	b.ReportMetric(float64(times[len(times)/2].Milliseconds()), "p50-ms")
	b.ReportMetric(float64(times[len(times)-1].Milliseconds()), "max-ms")
}
