package content

import (
	"errors"
	"fmt"
	"io/fs"
	"path"
	"sort"
	"strings"
)

// CurriculumItem is one step of a curriculum: a guide or a lab.
type CurriculumItem struct {
	Kind string `yaml:"kind" json:"kind"` // "guide" or "lab"
	Ref  string `yaml:"ref" json:"ref"`   // guide slug (either language) or lab id
}

// Curriculum is a shipped curriculum from content/curricula. Mentors copy
// one to edit it.
type Curriculum struct {
	ID          string           `yaml:"-"`
	Title       Text             `yaml:"title"`
	Description Text             `yaml:"description"`
	TargetLevel string           `yaml:"target_level"`
	Items       []CurriculumItem `yaml:"items"`
}

// loadCurricula reads curricula/*.yaml. Guide references are checked here;
// lab references are checked by whoever holds the lab catalog.
func (x *Index) loadCurricula(fsys fs.FS) error {
	entries, err := fs.ReadDir(fsys, "curricula")
	if err != nil {
		if errors.Is(err, fs.ErrNotExist) {
			return nil // curricula are optional in an author's folder
		}
		return fmt.Errorf("content: curricula: %w", err)
	}
	for _, e := range entries {
		if e.IsDir() || !strings.HasSuffix(e.Name(), ".yaml") {
			continue
		}
		p := path.Join("curricula", e.Name())
		data, err := fs.ReadFile(fsys, p)
		if err != nil {
			return fmt.Errorf("content: %s: %w", p, err)
		}
		var c Curriculum
		if err := DecodeStrict(data, &c); err != nil {
			return fmt.Errorf("content: %s: %w", p, err)
		}
		c.ID = strings.TrimSuffix(e.Name(), ".yaml")
		if err := checkText(c.Title); err != nil {
			return fmt.Errorf("content: %s: title: %w", p, err)
		}
		if c.TargetLevel != "" && LevelIndex(c.TargetLevel) < 0 {
			return fmt.Errorf("content: %s: target_level: %q is not one of %v", p, c.TargetLevel, Levels)
		}
		if len(c.Items) == 0 {
			return fmt.Errorf("content: %s: items: at least one required", p)
		}
		for i, it := range c.Items {
			switch {
			case it.Kind == "guide" && x.Guide(it.Ref) == nil:
				return fmt.Errorf("content: %s: items[%d]: unknown guide %q", p, i, it.Ref)
			case it.Kind != "guide" && it.Kind != "lab":
				return fmt.Errorf("content: %s: items[%d]: kind must be guide or lab", p, i)
			}
		}
		x.Curricula = append(x.Curricula, &c)
	}
	sort.Slice(x.Curricula, func(i, j int) bool { return x.Curricula[i].ID < x.Curricula[j].ID })
	return nil
}

// Curriculum returns the shipped curriculum with id, or nil.
func (x *Index) Curriculum(id string) *Curriculum {
	for _, c := range x.Curricula {
		if c.ID == id {
			return c
		}
	}
	return nil
}
