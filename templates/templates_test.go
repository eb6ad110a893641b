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

// Counted messages follow each language's plural rule, and every counted
// key a template names has its "other" form.
func TestPlurals(t *testing.T) {
	c, err := LoadCatalog()
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		lang, key string
		n         int
		want      string
	}{
		{"en", "lab.rows", 0, "0 rows"},
		{"en", "lab.rows", 1, "1 row"},
		{"en", "lab.rows", 2, "2 rows"},
		{"en", "lab.columns", 1, "1 column"},
		{"en", "lab.columns", 6, "6 columns"},
		{"en", "labs.count", 1, "1 lab"},
		{"en", "guides.count", 1, "1 guide"},
		{"ko", "lab.rows", 1, "1행"},
		{"ko", "lab.columns", 1, "컬럼 1개"},
		{"ko", "labs.count", 3, "실습 3개"},
	}
	for _, tt := range tests {
		if got := c.N(tt.lang, tt.key, tt.n); got != tt.want {
			t.Errorf("N(%s, %s, %d) = %q, want %q", tt.lang, tt.key, tt.n, got, tt.want)
		}
	}
	if _, err := parseCatalog([]byte("x.one: {en: \"1 x\", ko: \"1 x\"}\n")); err == nil {
		t.Error("a counted message without its other form was accepted")
	}
	counted := regexp.MustCompile(`\btn \$?[\w.]*Lang "([\w.]+)"`)
	seen := 0
	err = fs.WalkDir(Files, ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := Files.ReadFile(p)
		for _, m := range counted.FindAllStringSubmatch(string(b), -1) {
			seen++
			if !c.Has(m[1] + ".other") {
				t.Errorf("%s counts with %q, which has no %q in the catalog", p, m[1], m[1]+".other")
			}
		}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	if seen < 4 {
		t.Errorf("only %d counted messages found in the templates", seen)
	}
}
