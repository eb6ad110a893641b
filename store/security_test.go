package store

import (
	"context"
	"errors"
	"testing"
)

func mustUser(t *testing.T, s *Store, email, role string) User {
	t.Helper()
	u, err := s.CreateUser(context.Background(), User{Email: email, PasswordHash: "x", DisplayName: email, Role: role}, AuditUserCreated, "test")
	if err != nil {
		t.Fatal(err)
	}
	return u
}

// Only learners are members: the insert refuses other accounts, and a
// membership stops counting while its account is not a learner.
func TestCohortMembersAreLearners(t *testing.T) {
	eachStore(t, func(t *testing.T, s *Store) {
		ctx := context.Background()
		mentor := mustUser(t, s, "m@example.com", RoleMentor)
		other := mustUser(t, s, "o@example.com", RoleMentor)
		admin := mustUser(t, s, "a@example.com", RoleAdmin)
		learner := mustUser(t, s, "l@example.com", RoleLearner)
		co, err := s.CreateCohort(ctx, mentor.ID, "C")
		if err != nil {
			t.Fatal(err)
		}
		for _, tt := range []struct {
			name string
			id   int64
			want error
		}{
			{"mentor", other.ID, ErrNotLearner},
			{"admin", admin.ID, ErrNotLearner},
			{"the cohort's own mentor", mentor.ID, ErrNotLearner},
			{"no such account", 9999, ErrNotLearner},
			{"learner", learner.ID, nil},
			{"learner again", learner.ID, ErrAlreadyMember},
		} {
			if err := s.AddMember(ctx, co.ID, tt.id); !errors.Is(err, tt.want) {
				t.Errorf("AddMember(%s) = %v, want %v", tt.name, err, tt.want)
			}
		}
		// A row that predates the rule (or any other way in) grants nothing.
		if _, err := s.write.ExecContext(ctx, "INSERT INTO cohort_members (cohort_id, user_id, added_at) VALUES (?, ?, ?)", co.ID, admin.ID, s.now()); err != nil {
			t.Fatal(err)
		}
		check := func(when string, wantMember bool) {
			t.Helper()
			ok, err := s.IsMentorOf(ctx, mentor.ID, learner.ID)
			if err != nil || ok != wantMember {
				t.Errorf("%s: IsMentorOf(learner) = %v, %v, want %v", when, ok, err, wantMember)
			}
			if ok, err := s.IsMentorOf(ctx, mentor.ID, admin.ID); err != nil || ok {
				t.Errorf("%s: IsMentorOf(admin) = %v, %v, want false", when, ok, err)
			}
			members, err := s.Members(ctx, co.ID)
			if err != nil {
				t.Fatal(err)
			}
			want := 0
			if wantMember {
				want = 1
			}
			if len(members) != want {
				t.Errorf("%s: %d members listed, want %d", when, len(members), want)
			}
			got, err := s.CohortByID(ctx, co.ID)
			if err != nil || got.Members != want {
				t.Errorf("%s: cohort counts %d members (%v), want %d", when, got.Members, err, want)
			}
		}
		check("as a learner", true)
		if _, err := s.SetRole(ctx, admin.ID, learner.ID, RoleMentor, "test"); err != nil {
			t.Fatal(err)
		}
		check("made mentor", false)
		if _, err := s.SetRole(ctx, admin.ID, learner.ID, RoleLearner, "test"); err != nil {
			t.Fatal(err)
		}
		check("a learner again", true)
	})
}

// A set of self-assessments is saved whole or not at all.
func TestSetSelfAssessmentsIsAtomic(t *testing.T) {
	eachStore(t, func(t *testing.T, s *Store) {
		ctx := context.Background()
		u := mustUser(t, s, "l@example.com", RoleLearner)
		// The second rating breaks the table's CHECK: the first must not stay.
		err := s.SetSelfAssessments(ctx, u.ID, []SelfAssessment{{CompetencyID: "sql-querying", Rating: 3}, {CompetencyID: "cloud", Rating: 9}})
		if err == nil {
			t.Fatal("a rating of 9 was accepted")
		}
		got, err := s.SelfAssessments(ctx, u.ID)
		if err != nil {
			t.Fatal(err)
		}
		if len(got) != 0 {
			t.Errorf("stored after a failed set: %v", got)
		}
		if err := s.SetSelfAssessments(ctx, u.ID, []SelfAssessment{{CompetencyID: "sql-querying", Rating: 3, Note: "n"}, {CompetencyID: "cloud", Rating: 1}}); err != nil {
			t.Fatal(err)
		}
		if got, _ := s.SelfAssessments(ctx, u.ID); got["sql-querying"].Rating != 3 || got["sql-querying"].Note != "n" || got["cloud"].Rating != 1 {
			t.Errorf("stored %v", got)
		}
		var n int
		if err := s.read.QueryRowContext(ctx, "SELECT count(*) FROM self_assessments").Scan(&n); err != nil {
			t.Fatal(err)
		}
		if n != 2 {
			t.Errorf("%d rows, want 2", n)
		}
	})
}
