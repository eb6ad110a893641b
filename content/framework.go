package content

import (
	"bytes"
	"fmt"
	"regexp"

	"gopkg.in/yaml.v3"
)

// Levels are the stages of the framework, from first job to leading teams.
var Levels = []string{"junior", "mid", "senior", "lead"}

// Langs returns the languages of the interface and of every guide and
// framework text, the default first. A function, so no caller can change it.
func Langs() []string { return []string{"en", "ko"} }

// LevelIndex returns the position of level in Levels, or -1.
func LevelIndex(level string) int {
	for i, l := range Levels {
		if l == level {
			return i
		}
	}
	return -1
}

func validLang(lang string) bool { return lang == "en" || lang == "ko" }

// Text is one string in each supported language.
type Text map[string]string

// In returns the text in lang, falling back to English.
func (t Text) In(lang string) string {
	if s, ok := t[lang]; ok && s != "" {
		return s
	}
	return t["en"]
}

// Competency is one skill area a data engineer grows through.
type Competency struct {
	ID      string          `yaml:"id"`
	Group   string          `yaml:"group"`
	Name    Text            `yaml:"name"`
	Summary Text            `yaml:"summary"`
	Levels  map[string]Text `yaml:"levels"`
}

// PeopleJudged reports whether only people can judge the competency's
// upper levels: the people group (collaboration, leadership), where the
// level rule asks for reviewed tasks from senior up.
func (c *Competency) PeopleJudged() bool { return c.Group == "people" }

// Framework is the ordered list of competencies.
type Framework struct {
	Levels       []string      `yaml:"levels"`
	Competencies []*Competency `yaml:"competencies"`
	byID         map[string]*Competency
}

// Competency returns the competency with id, or nil.
func (f *Framework) Competency(id string) *Competency { return f.byID[id] }

var idPattern = regexp.MustCompile(`^[a-z0-9][a-z0-9-]*$`)

// ParseFramework decodes and validates the competency framework. name is the
// file's path, used in error messages.
func ParseFramework(name string, data []byte) (*Framework, error) {
	var f Framework
	dec := yaml.NewDecoder(bytes.NewReader(data))
	dec.KnownFields(true)
	if err := dec.Decode(&f); err != nil {
		return nil, fmt.Errorf("%s: %w", name, yamlError(err))
	}
	if len(f.Levels) != len(Levels) {
		return nil, fmt.Errorf("%s: levels: want %v", name, Levels)
	}
	for i := range Levels {
		if f.Levels[i] != Levels[i] {
			return nil, fmt.Errorf("%s: levels: want %v", name, Levels)
		}
	}
	if len(f.Competencies) == 0 {
		return nil, fmt.Errorf("%s: competencies: none defined", name)
	}
	f.byID = map[string]*Competency{}
	for i, c := range f.Competencies {
		where := fmt.Sprintf("%s: competencies[%d]", name, i)
		if c == nil || !idPattern.MatchString(c.ID) {
			return nil, fmt.Errorf("%s: id: must match %s", where, idPattern)
		}
		where = fmt.Sprintf("%s: competency %q", name, c.ID)
		if f.byID[c.ID] != nil {
			return nil, fmt.Errorf("%s: id: duplicate", where)
		}
		switch c.Group {
		case "technical", "reliability", "people":
		default:
			return nil, fmt.Errorf("%s: group: must be technical, reliability or people", where)
		}
		if err := checkText(c.Name); err != nil {
			return nil, fmt.Errorf("%s: name: %w", where, err)
		}
		if err := checkText(c.Summary); err != nil {
			return nil, fmt.Errorf("%s: summary: %w", where, err)
		}
		for _, l := range Levels {
			if err := checkText(c.Levels[l]); err != nil {
				return nil, fmt.Errorf("%s: levels.%s: %w", where, l, err)
			}
		}
		for l := range c.Levels {
			if LevelIndex(l) < 0 {
				return nil, fmt.Errorf("%s: levels.%s: unknown level", where, l)
			}
		}
		f.byID[c.ID] = c
	}
	return &f, nil
}

func checkText(t Text) error {
	for _, lang := range Langs() {
		if t[lang] == "" {
			return fmt.Errorf("missing %q text", lang)
		}
	}
	for lang := range t {
		if !validLang(lang) {
			return fmt.Errorf("unknown language %q", lang)
		}
	}
	return nil
}

// yamlError turns yaml.v3's "field x not found in type content.guideMeta"
// into a message that names the key the author wrote.
func yamlError(err error) error {
	if te, ok := err.(*yaml.TypeError); ok {
		msgs := make([]string, 0, len(te.Errors))
		for _, e := range te.Errors {
			msgs = append(msgs, unknownKeyPattern.ReplaceAllString(e, `unknown key "$1"`))
		}
		return fmt.Errorf("%s", joinLines(msgs))
	}
	return err
}

var unknownKeyPattern = regexp.MustCompile(`field (\S+) not found in type \S+`)

func joinLines(s []string) string {
	var b bytes.Buffer
	for i, m := range s {
		if i > 0 {
			b.WriteString("; ")
		}
		b.WriteString(m)
	}
	return b.String()
}
