package store

import (
	"context"
	"testing"

	"ladder/labs"
)

func TestSubmissionsAfterPagesByID(t *testing.T) {
	eachStore(t, func(t *testing.T, s *Store) {
		ctx := context.Background()
		u, err := s.CreateUser(ctx, User{Email: "a@example.com", DisplayName: "A", Role: RoleLearner, PasswordHash: "x"}, "test", "")
		if err != nil {
			t.Fatal(err)
		}
		var want []int64
		for i, lab := range []string{"a", "b", "a", "a", "b", "a"} {
			id, err := s.SaveSubmission(ctx, Submission{UserID: u.ID, LabID: lab, SQL: "SELECT " + string(rune('0'+i)), Verdict: labs.Verdict{Lab: lab}})
			if err != nil {
				t.Fatal(err)
			}
			if lab == "a" {
				want = append(want, id)
			}
		}
		var got []int64
		var after int64
		for {
			page, err := s.SubmissionsAfter(ctx, "a", after, 3)
			if err != nil {
				t.Fatal(err)
			}
			if len(page) == 0 {
				break
			}
			if len(page) > 3 {
				t.Fatalf("page of %d, want at most 3", len(page))
			}
			for _, sub := range page {
				got = append(got, sub.ID)
				after = sub.ID
			}
		}
		if len(got) != len(want) {
			t.Fatalf("got %v, want %v", got, want)
		}
		for i := range want {
			if got[i] != want[i] {
				t.Fatalf("got %v, want %v", got, want)
			}
		}
		all, err := s.SubmissionsAfter(ctx, "", 0, 100)
		if err != nil || len(all) != 6 {
			t.Fatalf("every lab: %d submissions, %v; want 6", len(all), err)
		}
		if _, err := s.Rejudged(ctx, 9999, labs.Verdict{}); err == nil {
			t.Error("rejudging an unknown submission succeeded")
		}
		if _, err := s.VerdictHistory(ctx, 9999); err != ErrNotFound {
			t.Errorf("history of an unknown submission: %v, want ErrNotFound", err)
		}
	})
}
