package store

import (
	"context"
	"errors"
	"fmt"
	"testing"
)

// Drafts and checklist ticks are kept per user: one user's never shows
// through another's, and saving replaces rather than adds.
func TestDraftsAndChecklists(t *testing.T) {
	ctx := context.Background()
	eachStore(t, func(t *testing.T, s *Store) {
		a := mustUser(t, s, "a@example.com", RoleLearner)
		b := mustUser(t, s, "b@example.com", RoleLearner)
		if _, err := s.Draft(ctx, a.ID, "lab-1"); !errors.Is(err, ErrNotFound) {
			t.Fatalf("no draft yet: got %v, want ErrNotFound", err)
		}
		for _, body := range []string{"SELECT 1", "SELECT 2 -- 한국어"} {
			if err := s.SaveDraft(ctx, a.ID, "lab-1", body); err != nil {
				t.Fatal(err)
			}
		}
		if d, err := s.Draft(ctx, a.ID, "lab-1"); err != nil || d.Body != "SELECT 2 -- 한국어" || d.UpdatedAt.IsZero() {
			t.Errorf("draft = %+v (%v), want the second save", d, err)
		}
		if _, err := s.Draft(ctx, b.ID, "lab-1"); !errors.Is(err, ErrNotFound) {
			t.Errorf("another user's draft: got %v, want ErrNotFound", err)
		}
		if _, err := s.Draft(ctx, a.ID, "lab-2"); !errors.Is(err, ErrNotFound) {
			t.Errorf("another lab's draft: got %v, want ErrNotFound", err)
		}

		for i, passed := range []bool{false, true, false} {
			if _, err := s.SaveSubmission(ctx, Submission{UserID: a.ID, LabID: "lab-1", SQL: fmt.Sprint("attempt ", i), Passed: passed}); err != nil {
				t.Fatal(err)
			}
		}
		if sub, err := s.LatestSubmission(ctx, a.ID, "lab-1", false); err != nil || sub.SQL != "attempt 2" {
			t.Errorf("latest = %q (%v), want attempt 2", sub.SQL, err)
		}
		if sub, err := s.LatestSubmission(ctx, a.ID, "lab-1", true); err != nil || sub.SQL != "attempt 1" {
			t.Errorf("latest passing = %q (%v), want attempt 1", sub.SQL, err)
		}
		if _, err := s.LatestSubmission(ctx, b.ID, "lab-1", false); !errors.Is(err, ErrNotFound) {
			t.Errorf("another user's latest: got %v, want ErrNotFound", err)
		}

		steps := []struct {
			items []int
			want  string
		}{
			{[]int{0, 3}, "map[0:true 3:true]"},
			{[]int{3, 5}, "map[3:true 5:true]"},
			{nil, "map[]"},
			{[]int{1}, "map[1:true]"},
		}
		for _, st := range steps {
			if err := s.SetChecklistTicks(ctx, a.ID, "guide", st.items); err != nil {
				t.Fatal(err)
			}
			if got, err := s.ChecklistTicks(ctx, a.ID, "guide"); err != nil || fmt.Sprint(got) != st.want {
				t.Errorf("after setting %v: ticks = %v (%v), want %s", st.items, got, err, st.want)
			}
		}
		if got, _ := s.ChecklistTicks(ctx, b.ID, "guide"); len(got) != 0 {
			t.Errorf("another user's ticks = %v, want none", got)
		}
	})
}
