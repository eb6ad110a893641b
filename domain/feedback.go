package domain

import (
	"context"
	"strings"
	"unicode/utf8"

	"ladder/content"
	"ladder/store"
)

// Comment adds a mentor's comment to a submission of a learner they follow.
func (s *Service) Comment(ctx context.Context, actor *store.User, submissionID int64, body string) (int64, store.Submission, error) {
	if err := RequireRole(actor, store.RoleMentor, store.RoleAdmin); err != nil {
		return 0, store.Submission{}, err
	}
	sub, err := s.Submission(ctx, actor, submissionID)
	if err != nil {
		return 0, sub, err
	}
	body = strings.TrimSpace(body)
	switch {
	case body == "":
		return 0, sub, invalid("", "body is required")
	case utf8.RuneCountInString(body) > 4000:
		return 0, sub, invalid("", "a comment is at most 4000 characters")
	}
	id, err := s.store.AddComment(ctx, sub.ID, actor.ID, body)
	return id, sub, err
}

// EndorseInput is a mentor's judgement of one competency.
type EndorseInput struct {
	Competency string `json:"competency"`
	Level      string `json:"level"`
	Note       string `json:"note"`
}

// Endorse records a mentor's endorsement of a learner they follow.
func (s *Service) Endorse(ctx context.Context, actor *store.User, learnerID int64, in EndorseInput) (int64, error) {
	if err := RequireRole(actor, store.RoleMentor, store.RoleAdmin); err != nil {
		return 0, err
	}
	learner, err := s.mayEndorse(ctx, actor, learnerID)
	if err != nil {
		return 0, err
	}
	switch {
	case s.content.Framework.Competency(in.Competency) == nil:
		return 0, invalid("", "unknown competency")
	case content.LevelIndex(in.Level) < 0:
		return 0, invalid("", "level must be junior, mid, senior or lead")
	case utf8.RuneCountInString(in.Note) > 1000:
		return 0, invalid("", "a note is at most 1000 characters")
	}
	return s.store.AddEndorsement(ctx, store.Endorsement{UserID: learner.ID, CompetencyID: in.Competency, Level: in.Level,
		Note: strings.TrimSpace(in.Note), MentorID: actor.ID})
}
