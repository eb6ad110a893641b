package domain

import (
	"context"
	"errors"
	"strings"
	"unicode/utf8"

	"ladder/store"
)

// cleanName trims a cohort name or curriculum title and checks its length.
func cleanName(v, field string) (string, error) {
	v = strings.TrimSpace(v)
	switch {
	case v == "":
		return "", invalid("", "%s is required", field)
	case utf8.RuneCountInString(v) > 120:
		return "", invalid("", "%s must be at most 120 characters", field)
	}
	return v, nil
}

// CreateCohort makes a cohort that actor mentors.
func (s *Service) CreateCohort(ctx context.Context, actor *store.User, name string) (store.Cohort, error) {
	if err := RequireRole(actor, store.RoleMentor, store.RoleAdmin); err != nil {
		return store.Cohort{}, err
	}
	name, err := cleanName(name, "name")
	if err != nil {
		return store.Cohort{}, err
	}
	return s.store.CreateCohort(ctx, actor.ID, name)
}

// AddMember puts the learner with this email in the cohort. An unknown
// email, a mentor's and an admin's get the one ErrNoLearner: a mentor must
// not learn which emails have accounts or staff roles.
func (s *Service) AddMember(ctx context.Context, actor *store.User, cohortID int64, email string) (store.User, error) {
	co, err := s.Cohort(ctx, actor, cohortID)
	if err != nil {
		return store.User{}, err
	}
	email = strings.ToLower(strings.TrimSpace(email))
	if email == "" {
		return store.User{}, invalid("", "email is required")
	}
	u, err := s.store.UserByEmail(ctx, email)
	if errors.Is(err, store.ErrNotFound) {
		return store.User{}, ErrNoLearner
	}
	if err != nil {
		return store.User{}, err
	}
	err = s.store.AddMember(ctx, co.ID, u.ID)
	switch {
	case errors.Is(err, store.ErrNotLearner):
		return store.User{}, ErrNoLearner
	case errors.Is(err, store.ErrAlreadyMember):
		return store.User{}, ErrAlreadyMember
	case err != nil:
		return store.User{}, err
	}
	return u, nil
}

// RemoveMember takes a learner out of a cohort. Their work stays.
func (s *Service) RemoveMember(ctx context.Context, actor *store.User, cohortID, userID int64) (store.Cohort, error) {
	co, err := s.Cohort(ctx, actor, cohortID)
	if err != nil {
		return co, err
	}
	return co, notFound(s.store.RemoveMember(ctx, co.ID, userID))
}

// Join lets a learner redeem a cohort's join code. Joining twice is fine.
func (s *Service) Join(ctx context.Context, actor *store.User, code string) (store.Cohort, error) {
	if actor.Role != store.RoleLearner {
		return store.Cohort{}, ErrJoinNotLearner
	}
	co, err := s.CohortByCode(ctx, code)
	if err != nil {
		return co, err
	}
	err = s.store.AddMember(ctx, co.ID, actor.ID)
	switch {
	case errors.Is(err, store.ErrNotLearner): // the role changed since this request began
		return store.Cohort{}, ErrJoinNotLearner
	case err != nil && !errors.Is(err, store.ErrAlreadyMember):
		return co, err
	}
	return co, nil
}

// CohortByCode finds the cohort a join code or link names.
func (s *Service) CohortByCode(ctx context.Context, code string) (store.Cohort, error) {
	co, err := s.store.CohortByCode(ctx, code)
	if errors.Is(err, store.ErrNotFound) {
		return co, ErrUnknownCode
	}
	return co, err
}
