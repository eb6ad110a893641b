package templates

import (
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// Every message a template or handler names by a literal key is in the
// catalog, in both languages (LoadCatalog checks the languages).
func TestEveryMessageKeyExists(t *testing.T) {
	c, err := LoadCatalog()
	if err != nil {
		t.Fatal(err)
	}
	literal := regexp.MustCompile(`\bt \$?[\w.]*Lang "([\w.]+)"`)
	goLiteral := regexp.MustCompile(`msgs\.T\([^,]+, "([\w.]+)"`)
	seen := 0
	check := func(name string, data []byte, re *regexp.Regexp) {
		for _, m := range re.FindAllStringSubmatch(string(data), -1) {
			seen++
			if !strings.HasSuffix(m[1], ".") && !c.Has(m[1]) { // "level."+x is a prefix
				t.Errorf("%s uses message %q, which the catalog lacks", name, m[1])
			}
		}
	}
	err = fs.WalkDir(Files, ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := Files.ReadFile(p)
		check(p, b, literal)
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	handlers, _ := filepath.Glob("../handlers/*.go")
	for _, p := range handlers {
		if strings.HasSuffix(p, "_test.go") {
			continue
		}
		b, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		check(p, b, goLiteral)
	}
	if seen < 150 {
		t.Errorf("only %d message uses found: the patterns no longer match the templates", seen)
	}
	if got := c.T("ko", "no.such.key"); got != "[no.such.key]" {
		t.Errorf("missing key renders as %q", got)
	}
}
