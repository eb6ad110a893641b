package domain

import (
	"context"

	"ladder/labs"
	"ladder/store"
)

// Submit grades a submission and, for a signed-in actor, stores it with
// its verdict before answering. It returns the stored id, 0 for anonymous
// callers, whose work is graded but not kept. A verdict that reports the
// learner's mistake (a SQL error, a refusal) is stored like any other, so
// the attempt history is complete; an error return means nothing was.
func (s *Service) Submit(ctx context.Context, actor *store.User, lab *labs.Lab, text string) (*labs.Verdict, int64, error) {
	v, err := s.grader.Grade(ctx, &lab.Spec, text)
	if err != nil {
		return nil, 0, err
	}
	if actor == nil {
		return v, 0, nil
	}
	id, err := s.store.SaveSubmission(ctx, store.Submission{UserID: actor.ID, LabID: lab.ID, SQL: text, Passed: v.Passed, Verdict: *v, DurationMS: v.DurationMS})
	return v, id, err
}

// Run runs text on the lab's visible dataset; nothing is stored.
func (s *Service) Run(ctx context.Context, lab *labs.Lab, text string) (*labs.RunResult, error) {
	return s.grader.Run(ctx, &lab.Spec, text)
}
