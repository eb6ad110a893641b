package domain

import (
	"context"
	"errors"
	"strings"
	"testing"

	"ladder/content"
	"ladder/labs"
	"ladder/store"
)

// Drafts and checklists are the actor's own; a bad post saves nothing.
func TestDraftsAndChecklistsAreTheActorsOwn(t *testing.T) {
	ctx := context.Background()
	s := newTestService(t)
	a := user(t, s, "a@example.com", store.RoleLearner)
	b := user(t, s, "b@example.com", store.RoleLearner)
	mentor := user(t, s, "m@example.com", store.RoleMentor)
	lab := s.labs.Lab("filter-sort-orders")
	if err := s.SaveDraft(ctx, nil, lab, "x"); err == nil {
		t.Error("an anonymous draft was saved")
	}
	if err := s.SaveDraft(ctx, a, lab, strings.Repeat("x", MaxDraftBytes+1)); err == nil {
		t.Error("a draft over the limit was saved")
	}
	if err := s.SaveDraft(ctx, a, lab, "\xff"); err == nil {
		t.Error("a draft that is not UTF-8 was saved")
	}
	if err := s.SaveDraft(ctx, a, lab, "SELECT 1"); err != nil {
		t.Fatal(err)
	}
	for _, who := range []*store.User{b, mentor} {
		if st, err := s.StartText(ctx, who, lab); err != nil || st.Text != "" {
			t.Errorf("%s's editor opens with %q (%v), want empty: the draft is a's", who.Email, st.Text, err)
		}
	}
	if st, _ := s.StartText(ctx, a, lab); st.Text != "SELECT 1" || st.From != FromDraft {
		t.Errorf("a's editor opens with %+v, want the draft", st)
	}
	if _, err := s.LastAttempt(ctx, a, lab); !errors.Is(err, ErrNotFound) {
		t.Errorf("last attempt before any: %v, want ErrNotFound", err)
	}

	g := s.content.Guide("career-path")
	for _, bad := range [][]string{{"6"}, {"-1"}, {"1", "x"}} {
		if _, err := s.SaveChecklist(ctx, a, g, bad); err == nil {
			t.Errorf("SaveChecklist(%q) was accepted", bad)
		}
	}
	if items, err := s.SaveChecklist(ctx, a, g, []string{"4", "1", "4"}); err != nil || len(items) != 2 || items[0] != 1 || items[1] != 4 {
		t.Errorf("SaveChecklist = %v (%v), want [1 4]", items, err)
	}
	ko := s.content.Translation(g, "ko")
	if ticks, _ := s.Checklist(ctx, a, ko); !ticks[1] || !ticks[4] || len(ticks) != 2 {
		t.Errorf("the Korean version's ticks = %v, want 1 and 4", ticks)
	}
	if ticks, _ := s.Checklist(ctx, b, g); len(ticks) != 0 {
		t.Errorf("b sees a's ticks: %v", ticks)
	}
	if _, err := s.SaveChecklist(ctx, nil, g, []string{"1"}); err == nil {
		t.Error("an anonymous checklist was saved")
	}
}

// A pass says what it moved, by the level rule with and without it, and
// where to go next: the assignment first, then the catalog.
func TestPassOutcome(t *testing.T) {
	ctx := context.Background()
	s := newTestService(t)
	learner := user(t, s, "l@example.com", store.RoleLearner)
	mentor := user(t, s, "m@example.com", store.RoleMentor)
	pass := func(id string) {
		t.Helper()
		if _, err := s.store.SaveSubmission(ctx, store.Submission{UserID: learner.ID, LabID: id, SQL: "x", Passed: true, Verdict: labs.Verdict{Passed: true}}); err != nil {
			t.Fatal(err)
		}
	}
	junior, mid := s.labs.Lab("filter-sort-orders"), s.labs.Lab("rank-top-products")

	// Anonymous: no moves, the catalog's next lab at the same level.
	out, err := s.LabPass(ctx, nil, junior)
	if err != nil || len(out.Moves) != 0 || out.Next == nil || out.Next.Lab.Level != "junior" || out.Next.Assignment != "" || out.Next.Lab.ID == junior.ID {
		t.Fatalf("anonymous pass = %+v (%v)", out, err)
	}

	pass(junior.ID)
	out, err = s.LabPass(ctx, learner, junior)
	if err != nil || len(out.Moves) != 1 {
		t.Fatalf("pass = %+v (%v)", out, err)
	}
	m := out.Moves[0]
	if m.Competency != "sql-querying" || m.LevelChanged() || !m.ProgressChanged() || m.Before.Progress != 0 || m.After.Progress != 0.5 {
		t.Errorf("junior pass moved %+v, want sql-querying 0 → 0.5 at junior", m)
	}
	pass(mid.ID)
	out, _ = s.LabPass(ctx, learner, mid)
	if m := out.Moves[0]; !m.LevelChanged() || m.Before.Level != "junior" || m.After.Level != "mid" {
		t.Errorf("mid pass moved %+v, want junior → mid", m)
	}
	if out.Next == nil || out.Next.Lab.Level != "mid" || out.Next.Lab.ID == mid.ID {
		t.Errorf("next after the mid lab = %+v, want another mid lab", out.Next)
	}

	// An assignment holding the lab names its next open lab, after it first.
	co, _ := s.CreateCohort(ctx, mentor, "c")
	if _, err := s.AddMember(ctx, mentor, co.ID, learner.Email); err != nil {
		t.Fatal(err)
	}
	cur, err := s.CreateCurriculum(ctx, mentor, CurriculumInput{Title: "Path", Items: []content.CurriculumItem{
		{Kind: "lab", Ref: "customers-without-orders"}, {Kind: "lab", Ref: junior.ID}, {Kind: "lab", Ref: mid.ID}, {Kind: "lab", Ref: "checkout-funnel"}}})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.Assign(ctx, mentor, AssignInput{CohortID: co.ID, CurriculumID: cur, Due: s.Now().AddDate(0, 0, 3).Format("2006-01-02")}); err != nil {
		t.Fatal(err)
	}
	out, _ = s.LabPass(ctx, learner, junior)
	if out.Next == nil || out.Next.Lab.ID != "checkout-funnel" || out.Next.Assignment != "Path" {
		t.Errorf("next in the assignment = %+v, want checkout-funnel (the passed mid lab skipped)", out.Next)
	}
	pass("checkout-funnel")
	if out, _ = s.LabPass(ctx, learner, junior); out.Next == nil || out.Next.Lab.ID != "customers-without-orders" {
		t.Errorf("next with nothing open after it = %+v, want the open lab before it", out.Next)
	}
	// Passing a second junior lab in the same cell moves nothing new.
	pass("customers-without-orders")
	out, _ = s.LabPass(ctx, learner, s.labs.Lab("customers-without-orders"))
	for _, m := range out.Moves {
		if m.Competency == "sql-querying" && m.ProgressChanged() {
			t.Errorf("a second junior sql-querying lab moved %+v, want nothing: the first met the requirement", m)
		}
	}
}

// A blank draft restores nothing: the editor opens on the passing answer.
func TestBlankDraftFallsBackToThePass(t *testing.T) {
	ctx := context.Background()
	s := newTestService(t)
	a := user(t, s, "a@example.com", store.RoleLearner)
	lab := s.labs.Lab("filter-sort-orders")
	for i, sub := range []store.Submission{{SQL: "SELECT 'pass'", Passed: true}, {SQL: "SELECT 'later, wrong'"}} {
		sub.UserID, sub.LabID = a.ID, lab.ID
		if _, err := s.store.SaveSubmission(ctx, sub); err != nil {
			t.Fatalf("submission %d: %v", i, err)
		}
	}
	if st, _ := s.StartText(ctx, a, lab); st.Text != "SELECT 'pass'" || st.From != FromPassed {
		t.Errorf("without a draft the editor opens with %+v, want the passing submission", st)
	}
	if err := s.SaveDraft(ctx, a, lab, "  \n"); err != nil {
		t.Fatal(err)
	}
	if st, _ := s.StartText(ctx, a, lab); st.Text != "SELECT 'pass'" {
		t.Errorf("with a blank draft the editor opens with %+v, want the passing submission", st)
	}
}
