package store

import (
	"context"
	"errors"
	"testing"
	"time"
)

func TestDuplicatesAreTypedErrors(t *testing.T) {
	eachStore(t, func(t *testing.T, s *Store) {
		ctx := context.Background()
		mentor := mustUser(t, s, "m@example.com", RoleMentor)
		learner := mustUser(t, s, "l@example.com", RoleLearner)
		if _, err := s.CreateUser(ctx, User{Email: "L@Example.com ", PasswordHash: "x", Role: RoleLearner}, AuditSignup, ""); !errors.Is(err, ErrEmailTaken) {
			t.Errorf("second account with the same email: got %v, want ErrEmailTaken", err)
		}
		co, err := s.CreateCohort(ctx, mentor.ID, "c1")
		if err != nil {
			t.Fatal(err)
		}
		if err := s.AddMember(ctx, co.ID, learner.ID); err != nil {
			t.Fatalf("AddMember: %v", err)
		}
		if err := s.AddMember(ctx, co.ID, learner.ID); !errors.Is(err, ErrAlreadyMember) {
			t.Errorf("adding a member twice: got %v, want ErrAlreadyMember", err)
		}
		// Another constraint (a missing cohort) is not mistaken for a duplicate.
		if err := s.AddMember(ctx, co.ID+100, learner.ID); err == nil || errors.Is(err, ErrAlreadyMember) {
			t.Errorf("member of a missing cohort: got %v, want a foreign-key error", err)
		}
	})
}

func TestClockIsInjected(t *testing.T) {
	eachEngine(t, testClockIsInjected)
}

func testClockIsInjected(t *testing.T, db testDB) {
	ctx := context.Background()
	at := time.Date(2031, 5, 6, 7, 8, 9, 0, time.UTC)
	s := db.open(t, Options{Now: func() time.Time { return at }})
	u := mustUser(t, s, "a@example.com", RoleLearner)
	if !u.CreatedAt.Equal(at) {
		t.Errorf("CreatedAt = %v, want the injected %v", u.CreatedAt, at)
	}
	id, err := s.SaveSubmission(ctx, Submission{UserID: u.ID, LabID: "l1", SQL: "SELECT 1"})
	if err != nil {
		t.Fatal(err)
	}
	sub, err := s.SubmissionByID(ctx, id)
	if err != nil {
		t.Fatal(err)
	}
	if !sub.CreatedAt.Equal(at) {
		t.Errorf("submission CreatedAt = %v, want %v", sub.CreatedAt, at)
	}
	// A session that expires before the store's clock is not active, even
	// though it is still in the future on the wall clock.
	if err := s.CreateSession(ctx, Session{ID: "s1", UserID: u.ID, CreatedAt: at.Add(-2 * time.Hour), ExpiresAt: at.Add(-time.Hour)}); err != nil {
		t.Fatal(err)
	}
	if _, _, err := s.ActiveSession(ctx, "s1"); err == nil {
		t.Error("a session expired by the store's clock is still active")
	}
}

func TestCallsHaveADeadline(t *testing.T) {
	eachStore(t, func(t *testing.T, s *Store) {
		ctx := context.Background()
		s.timeout = time.Nanosecond // every call's deadline passes before it runs
		if _, err := s.UserByEmail(ctx, "a@example.com"); !errors.Is(err, context.DeadlineExceeded) {
			t.Errorf("read past its deadline: got %v, want context.DeadlineExceeded", err)
		}
		if _, err := s.CreateUser(ctx, User{Email: "b@example.com", Role: RoleLearner}, AuditSignup, ""); !errors.Is(err, context.DeadlineExceeded) {
			t.Errorf("write past its deadline: got %v, want context.DeadlineExceeded", err)
		}
	})
}

func TestEvidenceOfManyLearners(t *testing.T) {
	eachStore(t, func(t *testing.T, s *Store) {
		ctx := context.Background()
		a := mustUser(t, s, "a@example.com", RoleLearner)
		b := mustUser(t, s, "b@example.com", RoleLearner)
		idle := mustUser(t, s, "c@example.com", RoleLearner)
		mentor := mustUser(t, s, "m@example.com", RoleMentor)
		subs := []Submission{
			{UserID: a.ID, LabID: "l1", Passed: false, CreatedAt: time.Date(2020, 1, 1, 0, 0, 0, 0, time.UTC)},
			{UserID: a.ID, LabID: "l1", Passed: true, CreatedAt: time.Date(2020, 1, 2, 0, 0, 0, 0, time.UTC)},
			{UserID: a.ID, LabID: "l2", Passed: false, CreatedAt: time.Date(2020, 1, 3, 0, 0, 0, 0, time.UTC)},
			{UserID: b.ID, LabID: "l2", Passed: true, CreatedAt: time.Date(2020, 1, 1, 0, 0, 0, 0, time.UTC)},
		}
		if err := s.SaveSubmissions(ctx, subs); err != nil {
			t.Fatal(err)
		}
		if err := s.MarkGuideRead(ctx, b.ID, "g1", "g1"); err != nil {
			t.Fatal(err)
		}
		if _, err := s.AddEndorsement(ctx, Endorsement{UserID: b.ID, CompetencyID: "sql", Level: "mid", MentorID: mentor.ID}); err != nil {
			t.Fatal(err)
		}
		ev, err := s.Evidence(ctx, []int64{a.ID, b.ID, idle.ID})
		if err != nil {
			t.Fatal(err)
		}
		if got := ev[a.ID].Labs; got["l1"] != StatusPassed || got["l2"] != StatusAttempted || len(got) != 2 {
			t.Errorf("a's labs = %v, want l1 passed and l2 attempted", got)
		}
		if want := subs[2].CreatedAt; !ev[a.ID].LastActivity.Equal(want) {
			t.Errorf("a's last activity = %v, want %v", ev[a.ID].LastActivity, want)
		}
		if got := ev[b.ID]; got.Labs["l2"] != StatusPassed || !got.Guides["g1"] || len(got.Endorsed) != 1 || got.Endorsed[0].Level != "mid" {
			t.Errorf("b's evidence = %+v, want l2 passed, g1 read, one mid endorsement", got)
		}
		// The guide read is b's latest activity (the store's clock, now).
		if !ev[b.ID].LastActivity.After(subs[3].CreatedAt) {
			t.Errorf("b's last activity %v is not the guide read", ev[b.ID].LastActivity)
		}
		if got := ev[idle.ID]; got == nil || len(got.Labs) != 0 || !got.LastActivity.IsZero() {
			t.Errorf("a learner with no activity: %+v, want an empty entry", got)
		}
	})
}

func TestCurriculaKeepTheirItemsInOrder(t *testing.T) {
	eachStore(t, func(t *testing.T, s *Store) {
		ctx := context.Background()
		m1 := mustUser(t, s, "m1@example.com", RoleMentor)
		m2 := mustUser(t, s, "m2@example.com", RoleMentor)
		one, err := s.CreateCurriculum(ctx, Curriculum{OwnerID: m1.ID, Title: "one", Items: []CurriculumItem{{"lab", "b"}, {"guide", "a"}, {"lab", "c"}}})
		if err != nil {
			t.Fatal(err)
		}
		two, err := s.CreateCurriculum(ctx, Curriculum{OwnerID: m2.ID, Title: "two", Items: []CurriculumItem{{"guide", "z"}}})
		if err != nil {
			t.Fatal(err)
		}
		empty, err := s.CreateCurriculum(ctx, Curriculum{OwnerID: m1.ID, Title: "empty"})
		if err != nil {
			t.Fatal(err)
		}
		mine, err := s.CurriculaOf(ctx, m1.ID)
		if err != nil {
			t.Fatal(err)
		}
		if len(mine) != 2 || mine[0].ID != one || mine[1].ID != empty {
			t.Fatalf("CurriculaOf(m1) = %+v, want curricula %d and %d", mine, one, empty)
		}
		if got := mine[0].Items; len(got) != 3 || got[0].Ref != "b" || got[1].Ref != "a" || got[2].Ref != "c" {
			t.Errorf("items of %q = %v, want b, a, c in that order", mine[0].Title, got)
		}
		if len(mine[1].Items) != 0 {
			t.Errorf("an empty curriculum got items %v", mine[1].Items)
		}
		all, err := s.CurriculaOf(ctx, 0)
		if err != nil || len(all) != 3 {
			t.Fatalf("CurriculaOf(0) = %d curricula, %v; want 3", len(all), err)
		}
		byID, err := s.CurriculaByID(ctx, []int64{two, one, 9999})
		if err != nil {
			t.Fatal(err)
		}
		if len(byID) != 2 || byID[two].Title != "two" || len(byID[one].Items) != 3 {
			t.Errorf("CurriculaByID = %+v, want two and one with their items, 9999 left out", byID)
		}
		if _, err := s.CurriculumByID(ctx, 9999); !errors.Is(err, ErrNotFound) {
			t.Errorf("CurriculumByID(9999): got %v, want ErrNotFound", err)
		}
	})
}
