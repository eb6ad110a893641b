package content

import (
	"fmt"
	"io/fs"
	"path"
	"sort"
	"strings"
)

// Tracks are the guide series, in the order pages show them.
var Tracks = []string{"career", "reliability", "skills"}

// guideMeta is a guide's front matter, exactly as authors write it.
type guideMeta struct {
	Title            string   `yaml:"title"`
	Summary          string   `yaml:"summary"`
	Track            string   `yaml:"track"`
	Level            string   `yaml:"level"`
	Competencies     []string `yaml:"competencies"`
	Lang             string   `yaml:"lang"`
	TranslationKey   string   `yaml:"translation_key"`
	Order            int      `yaml:"order"`
	EstimatedMinutes int      `yaml:"estimated_minutes"`
}

// Guide is one rendered guide in one language.
type Guide struct {
	Slug             string
	Path             string // file path inside the content folder
	Title            string
	Summary          string
	Track            string
	Level            string
	Competencies     []string
	Lang             string
	TranslationKey   string
	Order            int
	EstimatedMinutes int
	Body             Rendered
	Quiz             *Quiz // every guide has one, in its language
}

// Index is the loaded, validated content. It is never changed after Load.
type Index struct {
	Framework *Framework
	Guides    []*Guide // sorted by track, order, language
	bySlug    map[string]*Guide
	byKey     map[string]map[string]*Guide // translation key -> lang -> guide
	Renderer  *Renderer
	Curricula []*Curriculum // shipped curricula, by id
	Tasks     []*Task       // reviewed tasks, by level then id
	tasks     map[string]*Task
}

// Guide returns the guide with slug, or nil.
func (x *Index) Guide(slug string) *Guide { return x.bySlug[slug] }

// Translation returns the version of g in lang, or nil.
func (x *Index) Translation(g *Guide, lang string) *Guide { return x.byKey[g.TranslationKey][lang] }

// GuidesIn returns the guides in lang, in catalog order.
func (x *Index) GuidesIn(lang string) []*Guide {
	var out []*Guide
	for _, g := range x.Guides {
		if g.Lang == lang {
			out = append(out, g)
		}
	}
	return out
}

// Neighbours returns the guides before and after g in its track and language.
func (x *Index) Neighbours(g *Guide) (prev, next *Guide) {
	var track []*Guide
	for _, o := range x.Guides {
		if o.Track == g.Track && o.Lang == g.Lang {
			track = append(track, o)
		}
	}
	for i, o := range track {
		if o == g {
			if i > 0 {
				prev = track[i-1]
			}
			if i+1 < len(track) {
				next = track[i+1]
			}
		}
	}
	return prev, next
}

// Load reads competencies.yaml and every guides/**/*.md file from fsys.
// Any problem stops the load with the file's path and the reason.
func Load(fsys fs.FS) (*Index, error) {
	data, err := fs.ReadFile(fsys, "competencies.yaml")
	if err != nil {
		return nil, fmt.Errorf("content: competencies.yaml: %w", err)
	}
	fw, err := ParseFramework("competencies.yaml", data)
	if err != nil {
		return nil, fmt.Errorf("content: %w", err)
	}
	x := &Index{
		Framework: fw,
		bySlug:    map[string]*Guide{},
		byKey:     map[string]map[string]*Guide{},
		Renderer:  NewRenderer(),
	}
	err = fs.WalkDir(fsys, "guides", func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() || !strings.HasSuffix(p, ".md") {
			return nil
		}
		g, err := x.loadGuide(fsys, p)
		if err != nil {
			return fmt.Errorf("content: %s: %w", p, err)
		}
		if other := x.bySlug[g.Slug]; other != nil {
			return fmt.Errorf("content: %s: duplicate slug %q (also %s)", p, g.Slug, other.Path)
		}
		if x.byKey[g.TranslationKey] == nil {
			x.byKey[g.TranslationKey] = map[string]*Guide{}
		}
		if other := x.byKey[g.TranslationKey][g.Lang]; other != nil {
			return fmt.Errorf("content: %s: translation_key %q already has a %q guide (%s)", p, g.TranslationKey, g.Lang, other.Path)
		}
		x.bySlug[g.Slug] = g
		x.byKey[g.TranslationKey][g.Lang] = g
		x.Guides = append(x.Guides, g)
		return nil
	})
	if err != nil {
		if strings.HasPrefix(err.Error(), "content:") {
			return nil, err
		}
		return nil, fmt.Errorf("content: guides: %w", err)
	}
	for _, g := range x.Guides {
		for _, lang := range Langs() {
			t := x.byKey[g.TranslationKey][lang]
			if t == nil {
				return nil, fmt.Errorf("content: %s: translation_key %q has no %q translation", g.Path, g.TranslationKey, lang)
			}
			if err := sameQuiz(g.Quiz, t.Quiz); err != nil {
				return nil, fmt.Errorf("content: %s and %s: the quizzes differ: %w", quizPath(g.Path), quizPath(t.Path), err)
			}
			// A learner's ticks are kept per guide, whatever the language,
			// item by item: both versions need the same checklist.
			if g.Body.Checks() != t.Body.Checks() {
				return nil, fmt.Errorf("content: %s and %s: the checklists differ: %d items and %d", g.Path, t.Path, g.Body.Checks(), t.Body.Checks())
			}
		}
	}
	if err := x.loadCurricula(fsys); err != nil {
		return nil, err
	}
	if err := x.loadTasks(fsys); err != nil {
		return nil, err
	}
	sort.SliceStable(x.Guides, func(i, j int) bool {
		a, b := x.Guides[i], x.Guides[j]
		if a.Track != b.Track {
			return trackIndex(a.Track) < trackIndex(b.Track)
		}
		if a.Order != b.Order {
			return a.Order < b.Order
		}
		return a.Lang < b.Lang
	})
	return x, nil
}

func trackIndex(t string) int {
	for i, s := range Tracks {
		if s == t {
			return i
		}
	}
	return len(Tracks)
}

func (x *Index) loadGuide(fsys fs.FS, p string) (*Guide, error) {
	data, err := fs.ReadFile(fsys, p)
	if err != nil {
		return nil, err
	}
	metaYAML, body, err := SplitFrontMatter(data)
	if err != nil {
		return nil, err
	}
	var m guideMeta
	if err := DecodeStrict(metaYAML, &m); err != nil {
		return nil, err
	}
	slug := strings.TrimSuffix(path.Base(p), ".md")
	if !idPattern.MatchString(slug) {
		return nil, fmt.Errorf("file name: slug %q must match %s", slug, idPattern)
	}
	switch {
	case strings.TrimSpace(m.Title) == "":
		return nil, fmt.Errorf("front matter: title: required")
	case strings.TrimSpace(m.Summary) == "":
		return nil, fmt.Errorf("front matter: summary: required")
	case trackIndex(m.Track) == len(Tracks):
		return nil, fmt.Errorf("front matter: track: %q is not one of %v", m.Track, Tracks)
	case LevelIndex(m.Level) < 0:
		return nil, fmt.Errorf("front matter: level: %q is not one of %v", m.Level, Levels)
	case len(m.Competencies) == 0:
		return nil, fmt.Errorf("front matter: competencies: at least one required")
	case !validLang(m.Lang):
		return nil, fmt.Errorf("front matter: lang: %q is not one of %v", m.Lang, Langs())
	case !idPattern.MatchString(m.TranslationKey):
		return nil, fmt.Errorf("front matter: translation_key: required, must match %s", idPattern)
	case m.Order < 1:
		return nil, fmt.Errorf("front matter: order: required, a whole number from 1")
	case m.EstimatedMinutes < 1:
		return nil, fmt.Errorf("front matter: estimated_minutes: required, a whole number from 1")
	}
	for _, c := range m.Competencies {
		if x.Framework.Competency(c) == nil {
			return nil, fmt.Errorf("front matter: competencies: unknown competency %q", c)
		}
	}
	rendered, err := x.Renderer.Render(body)
	if err != nil {
		return nil, err
	}
	quiz, err := loadQuiz(fsys, p)
	if err != nil {
		return nil, err
	}
	return &Guide{Quiz: quiz,
		Slug: slug, Path: p, Title: m.Title, Summary: m.Summary, Track: m.Track, Level: m.Level,
		Competencies: m.Competencies, Lang: m.Lang, TranslationKey: m.TranslationKey, Order: m.Order,
		EstimatedMinutes: m.EstimatedMinutes, Body: rendered,
	}, nil
}
