package main

import (
	"bufio"
	"context"
	"crypto/rand"
	"encoding/hex"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"golang.org/x/crypto/bcrypt"
	"golang.org/x/term"

	"ladder/store"
)

// jwtKeyFile holds the generated signing key, so a restart logs nobody out.
const jwtKeyFile = "jwt.key"

// signingKey is the key that signs sessions and CSRF tokens:
// PORTAL_JWT_SECRET when set; else, on PostgreSQL, the one kept in the
// database (every replica on it shares the key, and none needs a file of
// its own); else, on SQLite, the data directory's file.
func signingKey(ctx context.Context, getenv func(string) string, dataDir string, st *store.Store) ([]byte, error) {
	if getenv("PORTAL_JWT_SECRET") != "" || st.Engine() != store.EnginePostgres {
		return loadJWTKey(getenv, dataDir)
	}
	fresh := make([]byte, 32)
	if _, err := rand.Read(fresh); err != nil {
		return nil, err
	}
	return st.SigningKey(ctx, fresh)
}

// loadJWTKey returns PORTAL_JWT_SECRET, or the key kept in the data dir,
// generating it (mode 0600) the first time.
func loadJWTKey(getenv func(string) string, dataDir string) ([]byte, error) {
	if v := getenv("PORTAL_JWT_SECRET"); v != "" {
		if len(v) < 32 {
			return nil, errors.New("PORTAL_JWT_SECRET must be at least 32 characters")
		}
		return []byte(v), nil
	}
	path := filepath.Join(dataDir, jwtKeyFile)
	b, err := os.ReadFile(path)
	if err == nil {
		key, derr := hex.DecodeString(strings.TrimSpace(string(b)))
		if derr != nil || len(key) < 32 {
			return nil, fmt.Errorf("%s: not a key written by portal; delete it to make a new one (this logs everyone out)", path)
		}
		return key, nil
	}
	if !errors.Is(err, os.ErrNotExist) {
		return nil, fmt.Errorf("read %s: %w", path, err)
	}
	if err := os.MkdirAll(dataDir, 0o750); err != nil {
		return nil, err
	}
	key := make([]byte, 32)
	if _, err := rand.Read(key); err != nil {
		return nil, err
	}
	f, err := os.OpenFile(path, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o600)
	if err != nil {
		return nil, fmt.Errorf("create %s: %w", path, err)
	}
	defer f.Close()
	if _, err := f.WriteString(hex.EncodeToString(key) + "\n"); err != nil {
		return nil, fmt.Errorf("write %s: %w", path, err)
	}
	return key, nil
}

func usersCommand(ctx context.Context, e env, args []string) error {
	if len(args) == 0 || args[0] != "create" {
		fmt.Fprintln(e.stderr, "Usage: portal users create --email E --role learner|mentor|admin [--name N]")
		return usageError{"users: expected the subcommand 'create'"}
	}
	fs := flag.NewFlagSet("users create", flag.ContinueOnError)
	fs.SetOutput(e.stderr)
	email := fs.String("email", "", "email of the new account (required)")
	role := fs.String("role", store.RoleLearner, "learner, mentor or admin")
	name := fs.String("name", "", "display name (default: the part of the email before @)")
	db := registerDatabase(fs, e.getenv)
	if err := fs.Parse(args[1:]); err != nil {
		return usageError{err.Error()}
	}
	*email = strings.ToLower(strings.TrimSpace(*email))
	if *email == "" || !strings.Contains(*email, "@") {
		return usageError{"users create: --email with a valid address is required"}
	}
	if !store.ValidRole(*role) {
		return usageError{"users create: --role must be learner, mentor or admin"}
	}
	pw, err := readPassword(e)
	if err != nil {
		return err
	}
	if len([]rune(pw)) < 10 || len(pw) > 72 {
		return usageError{"users create: the password must have 10 to 72 bytes, at least 10 characters"}
	}
	hash, err := bcrypt.GenerateFromPassword([]byte(pw), bcrypt.DefaultCost)
	if err != nil {
		return err
	}
	if *name == "" {
		*name, _, _ = strings.Cut(*email, "@")
	}
	st, err := db.open(ctx, store.Options{})
	if err != nil {
		return err
	}
	defer st.Close()
	u, err := st.CreateUser(ctx, store.User{Email: *email, PasswordHash: string(hash), DisplayName: *name, Role: *role}, store.AuditUserCreated, "cli")
	if errors.Is(err, store.ErrEmailTaken) {
		return exitError{code: 1, msg: fmt.Sprintf("users create: %s already has an account", *email)}
	}
	if err != nil {
		return err
	}
	fmt.Fprintf(e.stdout, "created %s (id %d, role %s)\n", u.Email, u.ID, u.Role)
	return nil
}

// readPassword prompts without echo on a terminal, else reads one line.
func readPassword(e env) (string, error) {
	if f, ok := e.stdin.(*os.File); ok && term.IsTerminal(int(f.Fd())) {
		fmt.Fprint(e.stderr, "Password: ")
		b, err := term.ReadPassword(int(f.Fd()))
		fmt.Fprintln(e.stderr)
		return string(b), err
	}
	if e.stdin == nil {
		return "", usageError{"users create: no password on standard input"}
	}
	line, err := bufio.NewReader(e.stdin).ReadString('\n')
	if err != nil && !errors.Is(err, io.EOF) {
		return "", err
	}
	return strings.TrimRight(line, "\r\n"), nil
}
