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

// CheckItems refuses unknown guides and labs, an item given twice, and too
// many items.
func (s *Service) CheckItems(items []content.CurriculumItem) ([]store.CurriculumItem, error) {
	out := make([]store.CurriculumItem, 0, len(items))
	for i, it := range items {
		switch {
		case it.Kind == "guide" && s.content.Guide(it.Ref) != nil, it.Kind == "lab" && s.labs.Lab(it.Ref) != nil:
			item := store.CurriculumItem{Kind: it.Kind, Ref: it.Ref}
			if j := s.indexOf(out, item); j >= 0 {
				return nil, invalid("flash.item_duplicate", "items[%d]: %s %q is already in the curriculum, as items[%d]", i, it.Kind, it.Ref, j)
			}
			out = append(out, item)
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

// indexOf finds item in items, or -1. A guide is the same item in either
// language, since reading either counts for both: a curriculum that held
// both would show the learner one step done twice.
func (s *Service) indexOf(items []store.CurriculumItem, item store.CurriculumItem) int {
	key := func(it store.CurriculumItem) string {
		if it.Kind == "guide" {
			if g := s.content.Guide(it.Ref); g != nil {
				return "guide:" + g.TranslationKey
			}
		}
		return it.Kind + ":" + it.Ref
	}
	want := key(item)
	for i, it := range items {
		if key(it) == want {
			return i
		}
	}
	return -1
}

// ErrItemGone refuses to remove or move an item that is no longer in the
// curriculum, as after a second click on a stale page.
var ErrItemGone = &Error{Kind: NotFound, Msg: "this item is not in the curriculum", Key: "flash.item_gone"}

// AddItem appends a guide or lab to actor's curriculum. An item already in
// it, in either language for a guide, is refused.
func (s *Service) AddItem(ctx context.Context, actor *store.User, curriculumID int64, it content.CurriculumItem) (store.CurriculumItem, error) {
	cur, err := s.Curriculum(ctx, actor, curriculumID)
	if err != nil {
		return store.CurriculumItem{}, err
	}
	checked, err := s.CheckItems([]content.CurriculumItem{it})
	if err != nil {
		return store.CurriculumItem{}, err
	}
	if s.indexOf(cur.Items, checked[0]) >= 0 {
		return checked[0], invalid("flash.item_duplicate", "%s %q is already in the curriculum", it.Kind, it.Ref)
	}
	cur.Items = append(cur.Items, checked[0])
	return checked[0], s.UpdateCurriculum(ctx, actor, cur)
}

// RemoveItem removes want from actor's curriculum. The page names the item
// as well as its position, so a confirmation left open while the list
// changed removes that item or nothing, never its new neighbour.
func (s *Service) RemoveItem(ctx context.Context, actor *store.User, curriculumID int64, pos int, want store.CurriculumItem) error {
	cur, err := s.Curriculum(ctx, actor, curriculumID)
	if err != nil {
		return err
	}
	if pos < 0 || pos >= len(cur.Items) || cur.Items[pos] != want {
		if pos = s.indexOf(cur.Items, want); pos < 0 {
			return ErrItemGone
		}
	}
	cur.Items = append(cur.Items[:pos], cur.Items[pos+1:]...)
	return s.UpdateCurriculum(ctx, actor, cur)
}

// MoveItem moves the item at pos one place up or down; at either end it
// stays where it is.
func (s *Service) MoveItem(ctx context.Context, actor *store.User, curriculumID int64, pos int, up bool) (store.CurriculumItem, error) {
	cur, err := s.Curriculum(ctx, actor, curriculumID)
	if err != nil {
		return store.CurriculumItem{}, err
	}
	if pos < 0 || pos >= len(cur.Items) {
		return store.CurriculumItem{}, ErrItemGone
	}
	it := cur.Items[pos]
	switch {
	case up && pos > 0:
		cur.Items[pos-1], cur.Items[pos] = cur.Items[pos], cur.Items[pos-1]
	case !up && pos+1 < len(cur.Items):
		cur.Items[pos+1], cur.Items[pos] = cur.Items[pos], cur.Items[pos+1]
	default:
		return it, nil
	}
	return it, s.UpdateCurriculum(ctx, actor, cur)
}
