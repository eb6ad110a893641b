package store

import (
	"context"
	"errors"
	"testing"
)

func TestQuizAttemptsAndEvidence(t *testing.T) {
	eachStore(t, func(t *testing.T, s *Store) {
		ctx := context.Background()
		u := mustUser(t, s, "q@example.com", RoleLearner)
		for _, a := range []QuizAttempt{
			{UserID: u.ID, GuideKey: "sre", Slug: "sre", Answers: map[string][]int{"q1": {0}}, Correct: 1, Total: 5},
			{UserID: u.ID, GuideKey: "sre", Slug: "sre-ko", Answers: map[string][]int{"q1": {1}, "q2": {0, 2}}, Correct: 5, Total: 5, Passed: true},
			{UserID: u.ID, GuideKey: "dre", Slug: "dre", Answers: map[string][]int{}, Correct: 0, Total: 5},
		} {
			if _, err := s.SaveQuizAttempt(ctx, a); err != nil {
				t.Fatal(err)
			}
		}
		got, err := s.QuizAttempts(ctx, u.ID, "sre", 10)
		if err != nil || len(got) != 2 {
			t.Fatalf("QuizAttempts = %v, %v", got, err)
		}
		if got[0].Slug != "sre-ko" || !got[0].Passed || len(got[0].Answers["q2"]) != 2 || got[1].Passed {
			t.Errorf("attempts, newest first, with answers: %+v", got)
		}
		ev, err := s.Evidence(ctx, []int64{u.ID})
		if err != nil {
			t.Fatal(err)
		}
		if q := ev[u.ID].Quizzes; !q["sre"] || q["dre"] || len(q) != 2 {
			t.Errorf("quiz evidence = %v, want sre passed and dre attempted", q)
		}
	})
}

func TestTaskSubmissionsReviewsAndQueue(t *testing.T) {
	eachStore(t, func(t *testing.T, s *Store) {
		ctx := context.Background()
		mentor := mustUser(t, s, "m@example.com", RoleMentor)
		other := mustUser(t, s, "m2@example.com", RoleMentor)
		learner := mustUser(t, s, "l@example.com", RoleLearner)
		outsider := mustUser(t, s, "o@example.com", RoleLearner)
		co, err := s.CreateCohort(ctx, mentor.ID, "c")
		if err != nil {
			t.Fatal(err)
		}
		if err := s.AddMember(ctx, co.ID, learner.ID); err != nil {
			t.Fatal(err)
		}
		first, err := s.SaveTaskSubmission(ctx, TaskSubmission{UserID: learner.ID, TaskID: "slo", Deliverable: "markdown", Body: "v1"})
		if err != nil {
			t.Fatal(err)
		}
		if _, err := s.SaveTaskSubmission(ctx, TaskSubmission{UserID: outsider.ID, TaskID: "slo", Deliverable: "markdown", Body: "x"}); err != nil {
			t.Fatal(err)
		}
		queue := func(mentorID int64) []int64 {
			t.Helper()
			list, err := s.ReviewQueue(ctx, mentorID)
			if err != nil {
				t.Fatal(err)
			}
			var ids []int64
			for _, q := range list {
				ids = append(ids, q.ID)
			}
			return ids
		}
		if got := queue(mentor.ID); len(got) != 1 || got[0] != first {
			t.Errorf("mentor's queue = %v, want only their learner's %d", got, first)
		}
		if got := queue(other.ID); len(got) != 0 {
			t.Errorf("another mentor's queue = %v, want empty", got)
		}
		if got := queue(0); len(got) != 2 {
			t.Errorf("the admin queue = %v, want both", got)
		}
		review := TaskReview{SubmissionID: first, ReviewerID: mentor.ID, Decision: TaskChangesRequested,
			Criteria: []CriterionMark{{ID: "a", Met: true}, {ID: "b", Met: false, Comment: "name the SLI"}}, Comment: "close"}
		if _, err := s.SaveTaskReview(ctx, review); err != nil {
			t.Fatal(err)
		}
		if _, err := s.SaveTaskReview(ctx, review); !errors.Is(err, ErrAlreadyReviewed) {
			t.Errorf("second review = %v, want ErrAlreadyReviewed", err)
		}
		if got := queue(mentor.ID); len(got) != 0 {
			t.Errorf("queue after the review = %v, want empty", got)
		}
		sub, err := s.TaskSubmissionByID(ctx, first)
		if err != nil || sub.Status() != TaskChangesRequested || sub.Review.Reviewer != mentor.DisplayName || sub.Review.Criteria[1].Comment != "name the SLI" {
			t.Fatalf("reviewed submission = %+v, %v", sub, err)
		}
		second, err := s.SaveTaskSubmission(ctx, TaskSubmission{UserID: learner.ID, TaskID: "slo", Deliverable: "markdown", Body: "v2"})
		if err != nil {
			t.Fatal(err)
		}
		if got := queue(mentor.ID); len(got) != 1 || got[0] != second {
			t.Errorf("queue after resubmitting = %v, want %d", got, second)
		}
		ev, err := s.Evidence(ctx, []int64{learner.ID})
		if err != nil {
			t.Fatal(err)
		}
		if e := ev[learner.ID]; e.Tasks["slo"] != TaskPending || e.Approved["slo"] {
			t.Errorf("evidence while v2 waits = %v %v, want pending and not approved", e.Tasks, e.Approved)
		}
		if _, err := s.SaveTaskReview(ctx, TaskReview{SubmissionID: second, ReviewerID: mentor.ID, Decision: TaskApproved}); err != nil {
			t.Fatal(err)
		}
		ev, _ = s.Evidence(ctx, []int64{learner.ID})
		if e := ev[learner.ID]; e.Tasks["slo"] != TaskApproved || !e.Approved["slo"] {
			t.Errorf("evidence after approval = %v %v", e.Tasks, e.Approved)
		}
		versions, err := s.TaskSubmissions(ctx, learner.ID, "slo")
		if err != nil || len(versions) != 2 || versions[0].Body != "v2" || versions[1].Status() != TaskChangesRequested {
			t.Errorf("every version is kept, newest first: %+v, %v", versions, err)
		}
	})
}
