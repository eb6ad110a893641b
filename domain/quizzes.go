package domain

import (
	"context"
	"errors"

	"ladder/content"
	"ladder/store"
)

// QuizOutcome is a graded quiz attempt, and whether it was kept.
type QuizOutcome struct {
	content.QuizResult
	Stored bool
}

// AnswerQuiz grades an attempt at a guide's quiz and, for a signed-in
// actor, stores it with the answers given. A question or choice the quiz
// lacks is an Invalid refusal and nothing is stored.
func (s *Service) AnswerQuiz(ctx context.Context, actor *store.User, g *content.Guide, answers map[string][]int) (QuizOutcome, error) {
	r, err := g.Quiz.Grade(answers)
	var qe *content.QuizError
	if errors.As(err, &qe) {
		return QuizOutcome{}, invalid("", "%s", qe.Msg)
	}
	if err != nil {
		return QuizOutcome{}, err
	}
	out := QuizOutcome{QuizResult: r}
	if actor == nil {
		return out, nil
	}
	_, err = s.store.SaveQuizAttempt(ctx, store.QuizAttempt{UserID: actor.ID, GuideKey: g.TranslationKey, Slug: g.Slug,
		Answers: answers, Correct: r.Correct, Total: len(r.Results), Passed: r.Passed})
	out.Stored = err == nil
	return out, err
}
