package main

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"ladder/store"
)

func count(t *testing.T, st *store.Store, userID int64) int {
	t.Helper()
	subs, err := st.Submissions(context.Background(), userID, "", 1_000_000)
	if err != nil {
		t.Fatal(err)
	}
	return len(subs)
}

// A backup taken while writes go on is consistent, and restore refuses a
// live server, then brings the backup back and keeps what it replaced.
func TestBackupRestoreUnderWrites(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	lock, err := store.LockDataDir(dir) // the "server"
	if err != nil {
		t.Fatal(err)
	}
	st, err := store.Open(ctx, dir, store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	u, err := st.CreateUser(ctx, store.User{Email: "w@example.com", PasswordHash: "x", DisplayName: "w", Role: "learner"}, store.AuditSignup, "test")
	if err != nil {
		t.Fatal(err)
	}
	var written atomic.Int64
	stop := make(chan struct{})
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		for i := 0; ; i++ {
			select {
			case <-stop:
				return
			default:
			}
			if _, err := st.SaveSubmission(ctx, store.Submission{UserID: u.ID, LabID: "filter-sort-orders", SQL: fmt.Sprintf("SELECT %d", i)}); err != nil {
				t.Errorf("write %d: %v", i, err)
				return
			}
			written.Add(1)
		}
	}()
	waitWrites := func(n int64) {
		t.Helper()
		for deadline := time.Now().Add(60 * time.Second); written.Load() < n; time.Sleep(5 * time.Millisecond) {
			if time.Now().After(deadline) {
				close(stop)
				wg.Wait()
				t.Fatalf("only %d of %d writes within the deadline", written.Load(), n)
			}
		}
	}
	waitWrites(200)
	backup := filepath.Join(t.TempDir(), "ladder-backup.db")
	out, code := runCLI(t, "", "backup", "--data-dir", dir, backup)
	if code != 0 || !strings.Contains(out, "backup written") {
		t.Fatalf("backup: exit %d %s", code, out)
	}
	atBackup := written.Load()
	waitWrites(atBackup + 200)
	close(stop)
	wg.Wait()
	final := count(t, st, u.ID)

	// The backup is sound and holds a prefix of the writes.
	b, err := store.OpenFile(ctx, backup, store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	if err := b.CheckIntegrity(ctx); err != nil {
		t.Fatal(err)
	}
	inBackup := count(t, b, u.ID)
	b.Close()
	if inBackup < 200 || inBackup >= final {
		t.Fatalf("backup has %d submissions; %d were written before it and %d in all", inBackup, 200, final)
	}
	if _, code := runCLI(t, "", "backup", "--data-dir", dir, backup); code == 0 {
		t.Error("backup overwrote an existing file")
	}

	// Restore refuses while the server holds the data directory.
	out, code = runCLI(t, "", "restore", "--data-dir", dir, backup)
	if code != 1 || !strings.Contains(out, "a portal server is running") {
		t.Fatalf("restore against a live server: exit %d %s", code, out)
	}
	if got := count(t, st, u.ID); got != final {
		t.Fatalf("the refused restore changed the database: %d, want %d", got, final)
	}
	st.Close()
	lock.Release()

	// Server stopped: restore works and keeps the replaced database.
	out, code = runCLI(t, "", "restore", "--data-dir", dir, backup)
	if code != 0 || !strings.Contains(out, "previous database is kept as") {
		t.Fatalf("restore: exit %d %s", code, out)
	}
	st2, err := store.Open(ctx, dir, store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer st2.Close()
	if got := count(t, st2, u.ID); got != inBackup {
		t.Fatalf("after restore: %d submissions, want %d", got, inBackup)
	}
	kept, _ := filepath.Glob(filepath.Join(dir, store.DBFile+".before-restore-*"))
	if len(kept) != 1 {
		t.Fatalf("kept files: %v", kept)
	}
	old, err := store.OpenFile(ctx, kept[0], store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer old.Close()
	if got := count(t, old, u.ID); got != final {
		t.Errorf("the kept database has %d submissions, want %d", got, final)
	}
	// A file that is not a Ladder database is refused.
	junk := filepath.Join(t.TempDir(), "junk.db")
	os.WriteFile(junk, []byte("not a database"), 0o600)
	if _, code := runCLI(t, "", "restore", "--data-dir", dir, junk); code == 0 {
		t.Error("restore accepted a junk file")
	}
}

// Two servers on one data directory: the second refuses to start.
func TestServeRefusesALockedDataDir(t *testing.T) {
	dir := t.TempDir()
	lock, err := store.LockDataDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	defer lock.Release()
	err = run(context.Background(), []string{"serve", "--addr", "127.0.0.1:0", "--data-dir", dir}, envFrom(nil), nil, os.Stdout, os.Stderr)
	if err == nil || !strings.Contains(err.Error(), "another portal server") {
		t.Fatalf("serve on a locked data dir: %v", err)
	}
}
