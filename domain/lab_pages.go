package domain

import (
	"context"
	"errors"
	"sort"
	"strconv"
	"strings"
	"unicode/utf8"

	"ladder/content"
	"ladder/labs"
	"ladder/store"
)

// Drafts and checklists belong to the signed-in user who wrote them: every
// operation here reads and writes the actor's own, and takes no user id, so
// nobody, mentors and admins included, reaches another's.

// MaxDraftBytes bounds a draft as a submission is bounded.
var MaxDraftBytes = labs.DefaultLimits().MaxSQLBytes

// requireSignedIn refuses an anonymous actor.
func requireSignedIn(actor *store.User) error {
	if actor == nil {
		return RequireRole(nil)
	}
	return nil
}

// SaveDraft keeps what the actor has in a lab's editor, so a hint, a
// reload or a return brings it back.
func (s *Service) SaveDraft(ctx context.Context, actor *store.User, lab *labs.Lab, text string) error {
	if err := requireSignedIn(actor); err != nil {
		return err
	}
	switch {
	case len(text) > MaxDraftBytes:
		return invalid("lab.too_large", "the draft is %d bytes; the limit is %d", len(text), MaxDraftBytes)
	case !utf8.ValidString(text):
		return invalid("", "the draft is not UTF-8 text")
	}
	return s.store.SaveDraft(ctx, actor.ID, lab.ID, text)
}

// Editor sources: where the text an editor starts with comes from.
const (
	FromDraft   = "draft"   // what the learner last had in the editor
	FromPassed  = "passed"  // their passing submission
	FromAttempt = "attempt" // their latest submission
)

// EditorStart is the text a lab's editor opens with, and its source; an
// empty From means an empty editor.
type EditorStart struct {
	Text string
	From string
}

// StartText is what the actor's editor opens with on a lab: their draft;
// without one (or when it is blank), their passing submission, so a passed
// lab never shows an empty editor; else their latest attempt. Anonymous
// visitors start empty.
func (s *Service) StartText(ctx context.Context, actor *store.User, lab *labs.Lab) (EditorStart, error) {
	if actor == nil {
		return EditorStart{}, nil
	}
	d, err := s.store.Draft(ctx, actor.ID, lab.ID)
	switch {
	case err == nil && strings.TrimSpace(d.Body) != "":
		return EditorStart{Text: d.Body, From: FromDraft}, nil
	case err == nil:
	case !errors.Is(err, store.ErrNotFound):
		return EditorStart{}, err
	}
	for _, passed := range []bool{true, false} {
		sub, err := s.store.LatestSubmission(ctx, actor.ID, lab.ID, passed)
		switch {
		case err == nil && passed:
			return EditorStart{Text: sub.SQL, From: FromPassed}, nil
		case err == nil:
			return EditorStart{Text: sub.SQL, From: FromAttempt}, nil
		case !errors.Is(err, store.ErrNotFound):
			return EditorStart{}, err
		}
	}
	return EditorStart{}, nil
}

// LastAttempt is the actor's latest submission to a lab ("load my last
// attempt"), or ErrNotFound.
func (s *Service) LastAttempt(ctx context.Context, actor *store.User, lab *labs.Lab) (store.Submission, error) {
	if err := requireSignedIn(actor); err != nil {
		return store.Submission{}, err
	}
	sub, err := s.store.LatestSubmission(ctx, actor.ID, lab.ID, false)
	return sub, notFound(err)
}

// Checklist is which items of a guide's checklist the actor ticked; none
// for anonymous readers. Ticks are kept per guide, shared by its languages.
func (s *Service) Checklist(ctx context.Context, actor *store.User, g *content.Guide) (map[int]bool, error) {
	if actor == nil || g.Body.Checks() == 0 {
		return map[int]bool{}, nil
	}
	return s.store.ChecklistTicks(ctx, actor.ID, g.TranslationKey)
}

// SaveChecklist makes done, the positions a form sent, the actor's ticked
// items of a guide's checklist. It returns them sorted. A position that is
// not a whole number naming an item of this checklist refuses the whole
// post, so nothing half-saved is kept.
func (s *Service) SaveChecklist(ctx context.Context, actor *store.User, g *content.Guide, done []string) ([]int, error) {
	if err := requireSignedIn(actor); err != nil {
		return nil, err
	}
	n := g.Body.Checks()
	if n == 0 {
		return nil, invalid("", "this guide has no checklist")
	}
	seen := map[int]bool{}
	items := []int{}
	for _, v := range done {
		i, err := strconv.Atoi(v)
		if err != nil || i < 0 || i >= n {
			return nil, invalid("guide.checklist_bad", "done: %q is not an item of this checklist (0 to %d)", v, n-1)
		}
		if !seen[i] {
			seen[i] = true
			items = append(items, i)
		}
	}
	sort.Ints(items)
	return items, s.store.SetChecklistTicks(ctx, actor.ID, g.TranslationKey, items)
}
