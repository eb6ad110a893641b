package main

import (
	"context"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"ladder/labs"
	"ladder/store"
)

// After an author fixes a lab, rejudging flips the verdicts the fix
// changes, keeps the old ones in each submission's history, and leaves a
// retired lab's submissions alone.
func TestLabsRejudge(t *testing.T) {
	ctx := context.Background()
	root, dataDir := t.TempDir(), t.TempDir()
	writeAuthorLab(t, root)
	byFee := "SELECT f.name, sum(b.slots * f.fee) AS revenue FROM cd.bookings b JOIN cd.facilities f ON f.id = b.facility_id GROUP BY f.name ORDER BY revenue DESC, f.name"
	bySlots := "SELECT f.name, sum(b.slots) AS booked FROM cd.bookings b JOIN cd.facilities f ON f.id = b.facility_id GROUP BY f.name ORDER BY booked DESC, f.name"

	st, err := store.Open(ctx, dataDir, store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	u, err := st.CreateUser(ctx, store.User{Email: "learner@example.com", DisplayName: "Learner", Role: store.RoleLearner, PasswordHash: "x"}, "test", "")
	if err != nil {
		t.Fatal(err)
	}
	// Grade both submissions against the lab as first written.
	lab := loadAuthorLab(t, root)
	e := labs.NewEngine(labs.DefaultLimits())
	defer e.Close()
	ids := map[string]int64{}
	for name, text := range map[string]string{"byFee": byFee, "bySlots": bySlots} {
		v, err := e.Grade(ctx, &lab.Spec, text)
		if err != nil {
			t.Fatal(err)
		}
		id, err := st.SaveSubmission(ctx, store.Submission{UserID: u.ID, LabID: lab.ID, SQL: text, Passed: v.Passed, Verdict: *v})
		if err != nil {
			t.Fatal(err)
		}
		ids[name] = id
	}
	retired, err := st.SaveSubmission(ctx, store.Submission{UserID: u.ID, LabID: "retired-lab", SQL: "SELECT 1", Passed: true, Verdict: labs.Verdict{Lab: "retired-lab", Passed: true}})
	if err != nil {
		t.Fatal(err)
	}
	st.Close()

	// The author decides the lab asks for booked slots, not revenue.
	writeFiles(t, filepath.Join(root, "sql", "joins-01"), map[string]string{"solution.sql": bySlots})
	out, code := runCLI(t, "", "labs", "rejudge", "--labs-dir", root, "--data-dir", dataDir)
	if code != 0 {
		t.Fatalf("rejudge: exit %d\n%s", code, out)
	}
	for _, want := range []string{
		"flipped: submission " + itoa(ids["byFee"]) + " by user " + itoa(u.ID) + " on lab joins-01: passed -> failed",
		"flipped: submission " + itoa(ids["bySlots"]) + " by user " + itoa(u.ID) + " on lab joins-01: failed -> passed",
		"rejudged 2 submissions: 2 flipped (1 now pass, 1 now fail); 1 of labs no longer loaded",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("output lacks %q:\n%s", want, out)
		}
	}

	st, err = store.Open(ctx, dataDir, store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	hist, err := st.VerdictHistory(ctx, ids["byFee"])
	if err != nil {
		t.Fatal(err)
	}
	if len(hist) != 2 || !hist[0].Passed || hist[0].Cause != "submitted" || hist[1].Passed || hist[1].Cause != "rejudged" {
		t.Fatalf("history = %+v, want the first pass then the rejudged fail", hist)
	}
	if sub, err := st.SubmissionByID(ctx, ids["byFee"]); err != nil || sub.Passed || sub.Verdict.Passed {
		t.Errorf("the submission does not carry its new verdict: %+v %v", sub, err)
	}
	if sub, err := st.SubmissionByID(ctx, retired); err != nil || !sub.Passed {
		t.Errorf("a retired lab's submission changed: %+v %v", sub, err)
	}
	if statuses, err := st.LabStatuses(ctx, u.ID); err != nil || statuses["joins-01"] != store.StatusPassed {
		t.Errorf("statuses = %v %v, want joins-01 passed through the flipped submission", statuses, err)
	}

	// A second run flips nothing and adds to the history.
	st.Close()
	out, code = runCLI(t, "", "labs", "rejudge", "--lab", "joins-01", "--labs-dir", root, "--data-dir", dataDir)
	if code != 0 || !strings.Contains(out, "rejudged 2 submissions: 0 flipped") {
		t.Fatalf("second rejudge: exit %d\n%s", code, out)
	}
	if out, code := runCLI(t, "", "labs", "rejudge", "--lab", "nope", "--labs-dir", root, "--data-dir", dataDir); code != 2 || !strings.Contains(out, `unknown lab "nope"`) {
		t.Errorf("unknown lab: exit %d %q, want 2", code, out)
	}
}

func loadAuthorLab(t *testing.T, root string) *labs.Lab {
	t.Helper()
	idx, err := loadContent("")
	if err != nil {
		t.Fatal(err)
	}
	cat, err := loadCatalog(idx, []string{root})
	if err != nil {
		t.Fatal(err)
	}
	return cat.Lab("joins-01")
}

func itoa(n int64) string { return strconv.FormatInt(n, 10) }
