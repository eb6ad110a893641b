package main

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"ladder/store"
)

func TestUsersCreate(t *testing.T) {
	dir := t.TempDir()
	tests := []struct {
		name     string
		stdin    string
		args     []string
		wantCode int
		want     string
	}{
		{"admin", "a long admin password\n", []string{"users", "create", "--email", "Root@Example.com", "--role", "admin", "--data-dir", dir}, 0, "created root@example.com"},
		{"mentor with a name", "mentor password 1\n", []string{"users", "create", "--email", "m@example.com", "--role", "mentor", "--name", "Min", "--data-dir", dir}, 0, "role mentor"},
		{"duplicate", "a long admin password\n", []string{"users", "create", "--email", "root@example.com", "--role", "admin", "--data-dir", dir}, 1, ""},
		{"short password", "short\n", []string{"users", "create", "--email", "x@example.com", "--data-dir", dir}, 2, ""},
		{"bad role", "a long password here\n", []string{"users", "create", "--email", "y@example.com", "--role", "owner", "--data-dir", dir}, 2, ""},
		{"no email", "a long password here\n", []string{"users", "create", "--data-dir", dir}, 2, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			out, code := runCLI(t, tt.stdin, tt.args...)
			if code != tt.wantCode || !strings.Contains(out, tt.want) {
				t.Fatalf("exit %d %q, want %d with %q", code, out, tt.wantCode, tt.want)
			}
		})
	}
	st, err := store.Open(context.Background(), dir, store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	u, err := st.UserByEmail(context.Background(), "root@example.com")
	if err != nil || u.Role != store.RoleAdmin || !strings.HasPrefix(u.PasswordHash, "$2") {
		t.Fatalf("stored admin: %+v %v", u, err)
	}
	if strings.Contains(u.PasswordHash, "admin password") {
		t.Fatal("the password is stored in clear")
	}
}

func TestJWTKeyIsKeptInTheDataDir(t *testing.T) {
	dir := t.TempDir()
	k1, err := loadJWTKey(envFrom(nil), dir)
	if err != nil {
		t.Fatal(err)
	}
	fi, err := os.Stat(filepath.Join(dir, jwtKeyFile))
	if err != nil || fi.Mode().Perm() != 0o600 {
		t.Fatalf("key file: %v %v, want mode 0600", fi, err)
	}
	k2, err := loadJWTKey(envFrom(nil), dir)
	if err != nil || string(k1) != string(k2) || len(k1) < 32 {
		t.Fatalf("second load gave another key (%v)", err)
	}
	k3, err := loadJWTKey(envFrom(map[string]string{"PORTAL_JWT_SECRET": strings.Repeat("s", 40)}), dir)
	if err != nil || string(k3) != strings.Repeat("s", 40) {
		t.Fatalf("PORTAL_JWT_SECRET not used: %v", err)
	}
	if _, err := loadJWTKey(envFrom(map[string]string{"PORTAL_JWT_SECRET": "short"}), dir); err == nil {
		t.Fatal("a short PORTAL_JWT_SECRET was accepted")
	}
}
