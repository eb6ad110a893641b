// Package templates embeds Ladder's HTML templates and the message catalog
// that holds every piece of interface text in Korean and English.
package templates

import (
	"bytes"
	"embed"
	"fmt"
	"sort"
	"strings"

	"gopkg.in/yaml.v3"

	"ladder/content"
)

// Files holds the page templates (*.html) and layouts.
//
//go:embed *.html layouts/*.html
var Files embed.FS

//go:embed messages.yaml
var messagesYAML []byte

// Catalog maps a message key to its text per language.
type Catalog struct {
	msgs map[string]map[string]string
}

// LoadCatalog parses the embedded catalog and checks that every message
// exists in every language.
func LoadCatalog() (*Catalog, error) { return parseCatalog(messagesYAML) }

func parseCatalog(data []byte) (*Catalog, error) {
	var raw map[string]map[string]string
	dec := yaml.NewDecoder(bytes.NewReader(data))
	if err := dec.Decode(&raw); err != nil {
		return nil, fmt.Errorf("templates: messages.yaml: %w", err)
	}
	keys := make([]string, 0, len(raw))
	for k := range raw {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	langs := content.Langs()
	for _, k := range keys {
		for _, lang := range langs {
			if raw[k][lang] == "" {
				return nil, fmt.Errorf("templates: messages.yaml: %q has no %q text", k, lang)
			}
		}
		if len(raw[k]) != len(langs) {
			return nil, fmt.Errorf("templates: messages.yaml: %q has a language other than %v", k, langs)
		}
		if base, ok := strings.CutSuffix(k, ".one"); ok && raw[base+".other"] == nil {
			return nil, fmt.Errorf("templates: messages.yaml: %q has no %q: a counted message needs its other form", k, base+".other")
		}
	}
	return &Catalog{msgs: raw}, nil
}

// T returns the message key in lang, formatted with args when given. A
// missing key shows as the key itself in brackets so it is visible in review
// and caught by tests, rather than crashing a page.
func (c *Catalog) T(lang, key string, args ...any) string {
	m, ok := c.msgs[key]
	if !ok {
		return "[" + key + "]"
	}
	s, ok := m[lang]
	if !ok {
		s = m[content.Langs()[0]]
	}
	if len(args) > 0 {
		return fmt.Sprintf(s, args...)
	}
	return s
}

// Has reports whether key is in the catalog.
func (c *Catalog) Has(key string) bool { _, ok := c.msgs[key]; return ok }
