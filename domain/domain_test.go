package domain

import (
	"context"
	"errors"
	"testing"
	"time"

	"ladder/content"
	"ladder/labs"
	"ladder/store"
)

// newTestService builds the service over a temporary SQLite file and the
// embedded content and labs. It grades nothing, so it needs no pool.
func newTestService(t *testing.T) *Service {
	t.Helper()
	idx, err := content.Load(content.Files)
	if err != nil {
		t.Fatal(err)
	}
	cat, err := labs.Load([]labs.Source{labs.Embedded()}, idx.Framework, idx.Renderer)
	if err != nil {
		t.Fatal(err)
	}
	st, err := store.Open(context.Background(), t.TempDir(), store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	s, err := New(Options{Store: st, Content: idx, Labs: cat})
	if err != nil {
		t.Fatal(err)
	}
	return s
}

func user(t *testing.T, s *Service, email, role string) *store.User {
	t.Helper()
	u, err := s.store.CreateUser(context.Background(), store.User{Email: email, PasswordHash: "x", DisplayName: email, Role: role}, store.AuditUserCreated, "")
	if err != nil {
		t.Fatal(err)
	}
	return &u
}

func TestAddMemberAnswersStaffAndStrangersAlike(t *testing.T) {
	ctx := context.Background()
	s := newTestService(t)
	mentor := user(t, s, "m@example.com", store.RoleMentor)
	other := user(t, s, "m2@example.com", store.RoleMentor)
	user(t, s, "a@example.com", store.RoleAdmin)
	learner := user(t, s, "l@example.com", store.RoleLearner)
	co, err := s.CreateCohort(ctx, mentor, "Spring")
	if err != nil {
		t.Fatal(err)
	}
	for _, email := range []string{"nobody@example.com", "m2@example.com", "a@example.com", "M@example.com"} {
		if _, err := s.AddMember(ctx, mentor, co.ID, email); !errors.Is(err, ErrNoLearner) {
			t.Errorf("AddMember(%s) = %v, want ErrNoLearner", email, err)
		}
	}
	if u, err := s.AddMember(ctx, mentor, co.ID, " L@Example.com "); err != nil || u.ID != learner.ID {
		t.Fatalf("AddMember(learner) = %v, %v", u, err)
	}
	if _, err := s.AddMember(ctx, mentor, co.ID, "l@example.com"); !errors.Is(err, ErrAlreadyMember) {
		t.Errorf("second AddMember = %v, want ErrAlreadyMember", err)
	}
	// Another mentor's cohort does not exist for them.
	if _, err := s.AddMember(ctx, other, co.ID, "l@example.com"); !errors.Is(err, ErrNotFound) {
		t.Errorf("AddMember by another mentor = %v, want ErrNotFound", err)
	}
	if _, err := s.CreateCohort(ctx, learner, "mine"); !errors.Is(err, ErrForbidden) {
		t.Errorf("a learner making a cohort = %v, want ErrForbidden", err)
	}
}

func TestEndorseAndAssignCheckWhoMay(t *testing.T) {
	ctx := context.Background()
	s := newTestService(t)
	mentor := user(t, s, "m@example.com", store.RoleMentor)
	admin := user(t, s, "a@example.com", store.RoleAdmin)
	member := user(t, s, "l1@example.com", store.RoleLearner)
	stranger := user(t, s, "l2@example.com", store.RoleLearner)
	co, err := s.CreateCohort(ctx, mentor, "Spring")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.AddMember(ctx, mentor, co.ID, member.Email); err != nil {
		t.Fatal(err)
	}
	good := EndorseInput{Competency: "sql-querying", Level: "mid"}
	if _, err := s.Endorse(ctx, mentor, member.ID, good); err != nil {
		t.Errorf("mentor endorsing a member: %v", err)
	}
	if _, err := s.Endorse(ctx, mentor, stranger.ID, good); !errors.Is(err, ErrNotFound) {
		t.Errorf("mentor endorsing a stranger = %v, want ErrNotFound", err)
	}
	if _, err := s.Endorse(ctx, admin, admin.ID, good); !errors.Is(err, ErrSelfEndorse) {
		t.Errorf("admin endorsing themselves = %v, want ErrSelfEndorse", err)
	}
	var de *Error
	if _, err := s.Endorse(ctx, mentor, member.ID, EndorseInput{Competency: "juggling", Level: "mid"}); !errors.As(err, &de) || de.Kind != Invalid {
		t.Errorf("unknown competency = %v, want an Invalid refusal", err)
	}
	cur, err := s.CreateCurriculum(ctx, mentor, CurriculumInput{Title: "Basics", Items: []content.CurriculumItem{{Kind: "lab", Ref: "filter-sort-orders"}}})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.Assign(ctx, mentor, AssignInput{CohortID: co.ID, CurriculumID: cur, Due: "2031-01-31", UserID: stranger.ID}); !errors.Is(err, ErrNotMember) {
		t.Errorf("assigning to a learner outside the cohort = %v, want ErrNotMember", err)
	}
	if _, err := s.Assign(ctx, mentor, AssignInput{CohortID: co.ID, CurriculumID: cur, Due: "31/01/2031"}); !errors.As(err, &de) || de.Key != "flash.bad_due" {
		t.Errorf("a malformed due date = %v, want the bad-due refusal", err)
	}
	if _, err := s.Assign(ctx, mentor, AssignInput{CohortID: co.ID, CurriculumID: cur, Due: "2031-01-31"}); err != nil {
		t.Errorf("assigning to the cohort: %v", err)
	}
}

func TestSignupAndLoginRefusals(t *testing.T) {
	ctx := context.Background()
	s := newTestService(t)
	_, err := s.Signup(ctx, SignupInput{Email: "not-an-email", Password: "short"})
	var de *Error
	if !errors.As(err, &de) || de.Kind != Invalid || de.Fields["email"] != "err.email_invalid" || de.Fields["password"] != "err.password_short" {
		t.Fatalf("bad signup = %#v, want both fields refused", err)
	}
	if _, err := s.Signup(ctx, SignupInput{Email: "Ada@Example.com", Password: "correct horse battery"}); err != nil {
		t.Fatal(err)
	}
	if _, err := s.Signup(ctx, SignupInput{Email: "ada@example.com", Password: "another long one"}); !errors.Is(err, ErrEmailTaken) {
		t.Errorf("second signup = %v, want ErrEmailTaken", err)
	}
	if _, err := s.Login(ctx, "ada@example.com", "wrong password!", ""); !errors.Is(err, ErrBadCredentials) {
		t.Errorf("wrong password = %v, want ErrBadCredentials", err)
	}
	if _, err := s.Login(ctx, "nobody@example.com", "wrong password!", ""); !errors.Is(err, ErrBadCredentials) {
		t.Errorf("unknown email = %v, want the same ErrBadCredentials", err)
	}
	if u, err := s.Login(ctx, " ADA@example.com", "correct horse battery", ""); err != nil || u.Email != "ada@example.com" {
		t.Errorf("login = %v, %v", u, err)
	}
}

func TestRequireRole(t *testing.T) {
	var de *Error
	if err := RequireRole(nil, store.RoleMentor); !errors.As(err, &de) || de.Kind != Unauthenticated {
		t.Errorf("anonymous = %v, want Unauthenticated", err)
	}
	if err := RequireRole(&store.User{Role: store.RoleLearner}, store.RoleMentor, store.RoleAdmin); !errors.Is(err, ErrForbidden) {
		t.Errorf("learner = %v, want ErrForbidden", err)
	}
	if err := RequireRole(&store.User{Role: store.RoleAdmin}, store.RoleMentor, store.RoleAdmin); err != nil {
		t.Errorf("admin = %v, want nil", err)
	}
}

func TestDueDates(t *testing.T) {
	for in, want := range map[string]string{"2026-12-31": "2026-12-31", "2026-12-31T23:30:00-02:00": "2027-01-01"} {
		if got, err := ParseDue(in); err != nil || got != want {
			t.Errorf("ParseDue(%q) = %q, %v; want %q", in, got, err, want)
		}
	}
	if _, err := ParseDue("01/12/2026"); err == nil {
		t.Error("ParseDue accepted 01/12/2026")
	}
}

func TestIsStuck(t *testing.T) {
	day := func(d int) time.Time { return time.Date(2026, 12, 1, 12, 0, 0, 0, time.UTC).AddDate(0, 0, d) }
	var never time.Time
	tests := []struct {
		name                   string
		now, last, joined, asg time.Time
		want                   bool
	}{
		{"added and assigned just now, no activity", day(0), never, day(0), day(0), false},
		{"added a week ago, assigned today", day(7), never, day(0), day(7), false},
		{"idle for exactly seven days", day(7), never, day(0), day(0), false},
		{"idle for eight days since being added", day(8), never, day(0), day(-30), true},
		{"idle for eight days since being assigned", day(8), never, day(-30), day(0), true},
		{"active three days ago", day(8), day(5), day(0), day(0), false},
		{"last active long ago, added again recently", day(8), day(-60), day(4), day(-60), false},
		{"last active nine days ago", day(9), day(0), day(-30), day(-30), true},
	}
	for _, tt := range tests {
		if got := IsStuck(tt.now, tt.last, tt.joined, tt.asg); got != tt.want {
			t.Errorf("%s: IsStuck = %v, want %v", tt.name, got, tt.want)
		}
	}
}
