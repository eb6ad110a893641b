package main

import (
	"bytes"
	"os/exec"
	"path/filepath"
	"regexp"
	"testing"
)

// The command builds, starts a real portal on generated labs, grades each
// lab through the API and prints every figure it promises.
func TestGradebench(t *testing.T) {
	portal := filepath.Join(t.TempDir(), "portal")
	if out, err := exec.Command("go", "build", "-o", portal, "ladder/cmd/portal").CombinedOutput(); err != nil {
		t.Fatalf("build the portal: %v\n%s", err, out)
	}
	var out bytes.Buffer
	if err := run(portal, 3, 200, t.TempDir(), &out); err != nil {
		t.Fatalf("run: %v\n%s", err, out.String())
	}
	for _, want := range []string{
		`labs: 3 generated query labs, 200 rows each`,
		`first grading per lab \(cold\), through the API: p50 [0-9.]+ ms, p99 [0-9.]+ ms, max [0-9.]+ ms`,
		`warm gradings, through the API: +p50 [0-9.]+ ms`,
		`RSS with every lab warm: server [0-9.]+ MB \([0-9.]+ MB before any grading\), workers [1-9][0-9.]* MB, total [0-9.]+ MB`,
	} {
		if !regexp.MustCompile(want).MatchString(out.String()) {
			t.Errorf("output lacks %q:\n%s", want, out.String())
		}
	}
}
