package domain

import (
	"context"
	"strings"

	"ladder/content"
	"ladder/store"
)

// maxItems bounds a curriculum: a mentor's table shows one column an item.
const maxItems = 200

// CurriculumInput is a curriculum as a mentor writes it.
type CurriculumInput struct {
	Title       string                   `json:"title"`
	Description string                   `json:"description"`
	TargetLevel string                   `json:"target_level"`
	Items       []content.CurriculumItem `json:"items"`
}

// CheckItems refuses unknown guides and labs, and too many items.
func (s *Service) CheckItems(items []content.CurriculumItem) ([]store.CurriculumItem, error) {
	out := make([]store.CurriculumItem, 0, len(items))
	for i, it := range items {
		switch {
		case it.Kind == "guide" && s.content.Guide(it.Ref) != nil, it.Kind == "lab" && s.labs.Lab(it.Ref) != nil:
			out = append(out, store.CurriculumItem{Kind: it.Kind, Ref: it.Ref})
		case it.Kind != "guide" && it.Kind != "lab":
			return nil, invalid("", "items[%d]: kind must be guide or lab", i)
		default:
			return nil, invalid("", "items[%d]: unknown %s %q", i, it.Kind, it.Ref)
		}
	}
	if len(out) > maxItems {
		return nil, invalid("", "a curriculum has at most %d items", maxItems)
	}
	return out, nil
}

// CreateCurriculum stores a new curriculum that actor owns.
func (s *Service) CreateCurriculum(ctx context.Context, actor *store.User, in CurriculumInput) (int64, error) {
	if err := RequireRole(actor, store.RoleMentor, store.RoleAdmin); err != nil {
		return 0, err
	}
	title, err := cleanName(in.Title, "title")
	if err != nil {
		return 0, err
	}
	if in.TargetLevel != "" && content.LevelIndex(in.TargetLevel) < 0 {
		return 0, invalid("", "target_level must be junior, mid, senior or lead")
	}
	items, err := s.CheckItems(in.Items)
	if err != nil {
		return 0, err
	}
	return s.store.CreateCurriculum(ctx, store.Curriculum{OwnerID: actor.ID, Title: title,
		Description: strings.TrimSpace(in.Description), TargetLevel: in.TargetLevel, Items: items})
}

// UpdateCurriculum saves a curriculum's title, description, level and
// items. Items are stored as given: the caller checks the ones it adds with
// CheckItems, and items that were retired from the catalog since stay, shown
// as retired, never refused.
func (s *Service) UpdateCurriculum(ctx context.Context, actor *store.User, cur store.Curriculum) error {
	if _, err := s.Curriculum(ctx, actor, cur.ID); err != nil {
		return err
	}
	title, err := cleanName(cur.Title, "title")
	if err != nil {
		return err
	}
	if cur.TargetLevel != "" && content.LevelIndex(cur.TargetLevel) < 0 {
		return invalid("", "target_level must be junior, mid, senior or lead")
	}
	if len(cur.Items) > maxItems {
		return invalid("", "a curriculum has at most %d items", maxItems)
	}
	cur.Title, cur.Description = title, strings.TrimSpace(cur.Description)
	return notFound(s.store.UpdateCurriculum(ctx, cur))
}

// CopyCurriculum copies a shipped curriculum into actor's own, with guide
// references in the reader's language where a translation exists.
func (s *Service) CopyCurriculum(ctx context.Context, actor *store.User, key, lang string) (int64, error) {
	if err := RequireRole(actor, store.RoleMentor, store.RoleAdmin); err != nil {
		return 0, err
	}
	shipped := s.content.Curriculum(key)
	if shipped == nil {
		return 0, ErrNotFound
	}
	cur := store.Curriculum{OwnerID: actor.ID, Title: shipped.Title.In(lang), Description: shipped.Description.In(lang),
		TargetLevel: shipped.TargetLevel, CopiedFrom: shipped.ID}
	for _, it := range shipped.Items {
		ref := it.Ref
		if it.Kind == "guide" {
			if g := s.content.Guide(it.Ref); g != nil {
				if t := s.content.Translation(g, lang); t != nil {
					ref = t.Slug
				}
			}
		}
		cur.Items = append(cur.Items, store.CurriculumItem{Kind: it.Kind, Ref: ref})
	}
	return s.store.CreateCurriculum(ctx, cur)
}
