package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"
	"time"
)

// Roles a user can have.
const (
	RoleLearner = "learner"
	RoleMentor  = "mentor"
	RoleAdmin   = "admin"
)

// ValidRole reports whether role is one of the three roles.
func ValidRole(role string) bool {
	return role == RoleLearner || role == RoleMentor || role == RoleAdmin
}

// ErrEmailTaken is returned when an account with the email exists.
var ErrEmailTaken = errors.New("store: email already registered")

// User is an account. PasswordHash never leaves the server.
type User struct {
	ID           int64
	Email        string
	PasswordHash string
	DisplayName  string
	Role         string
	CreatedAt    time.Time
}

// Session is one issued token, identified by the token's jti.
type Session struct {
	ID        string
	UserID    int64
	CreatedAt time.Time
	ExpiresAt time.Time
	RevokedAt *time.Time
	IP        string
	UserAgent string
}

// AuditEntry is one security-relevant event.
type AuditEntry struct {
	ID        int64
	At        time.Time
	Action    string
	ActorID   *int64
	SubjectID *int64
	Email     string
	IP        string
	Detail    string
}

// Audit actions.
const (
	AuditSignup         = "signup"
	AuditLogin          = "login"
	AuditLoginFailed    = "login_failed"
	AuditLogout         = "logout"
	AuditPasswordChange = "password_change"
	AuditRoleChange     = "role_change"
	AuditUserCreated    = "user_created"
)

func parseTime(s string) time.Time {
	t, _ := time.Parse(time.RFC3339Nano, s)
	return t
}

const userColumns = "id, email, password_hash, display_name, role, created_at"

func scanUser(row interface{ Scan(...any) error }) (User, error) {
	var u User
	var created string
	err := row.Scan(&u.ID, &u.Email, &u.PasswordHash, &u.DisplayName, &u.Role, &created)
	if errors.Is(err, sql.ErrNoRows) {
		return u, ErrNotFound
	}
	u.CreatedAt = parseTime(created)
	return u, err
}

// CreateUser adds an account and records it in the audit log, in one
// transaction. The email is stored in lower case.
func (s *Store) CreateUser(ctx context.Context, u User, action, ip string) (User, error) {
	ctx, cancel := s.bound(ctx)
	defer cancel()
	u.Email = strings.ToLower(strings.TrimSpace(u.Email))
	at := s.now()
	err := s.transact(ctx, func(tx *sql.Tx) error {
		var err error
		u.ID, err = insertID(ctx, tx,
			"INSERT INTO users (email, password_hash, display_name, role, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)",
			u.Email, u.PasswordHash, u.DisplayName, u.Role, at, at)
		if err != nil {
			if isUnique(err) { // email is the only unique column an insert can repeat
				return ErrEmailTaken
			}
			return fmt.Errorf("store: create user %q: %w", u.Email, err)
		}
		return s.audit(ctx, tx, AuditEntry{Action: action, ActorID: &u.ID, SubjectID: &u.ID, Email: u.Email, IP: ip, Detail: "role " + u.Role})
	})
	u.CreatedAt = parseTime(at)
	return u, err
}

// UserByEmail finds an account by email, case-insensitively.
func (s *Store) UserByEmail(ctx context.Context, email string) (User, error) {
	ctx, cancel := s.bound(ctx)
	defer cancel()
	u, err := scanUser(s.read.QueryRowContext(ctx, "SELECT "+userColumns+" FROM users WHERE email = ?", strings.ToLower(strings.TrimSpace(email))))
	if err != nil && !errors.Is(err, ErrNotFound) {
		return u, fmt.Errorf("store: user by email: %w", err)
	}
	return u, err
}

// UserByID finds an account by id.
func (s *Store) UserByID(ctx context.Context, id int64) (User, error) {
	ctx, cancel := s.bound(ctx)
	defer cancel()
	u, err := scanUser(s.read.QueryRowContext(ctx, "SELECT "+userColumns+" FROM users WHERE id = ?", id))
	if err != nil && !errors.Is(err, ErrNotFound) {
		return u, fmt.Errorf("store: user %d: %w", id, err)
	}
	return u, err
}

// ListUsers returns one page of accounts ordered by id, and the total count.
func (s *Store) ListUsers(ctx context.Context, limit, offset int) ([]User, int, error) {
	ctx, cancel := s.bound(ctx)
	defer cancel()
	var total int
	if err := s.read.QueryRowContext(ctx, "SELECT count(*) FROM users").Scan(&total); err != nil {
		return nil, 0, fmt.Errorf("store: count users: %w", err)
	}
	rows, err := s.read.QueryContext(ctx, "SELECT "+userColumns+" FROM users ORDER BY id LIMIT ? OFFSET ?", limit, offset)
	if err != nil {
		return nil, 0, fmt.Errorf("store: list users: %w", err)
	}
	defer rows.Close()
	var out []User
	for rows.Next() {
		u, err := scanUser(rows)
		if err != nil {
			return nil, 0, fmt.Errorf("store: list users: %w", err)
		}
		out = append(out, u)
	}
	return out, total, rows.Err()
}

// SetRole changes a user's role and records who did it.
func (s *Store) SetRole(ctx context.Context, actorID, userID int64, role, ip string) (User, error) {
	ctx, cancel := s.bound(ctx)
	defer cancel()
	var u User
	err := s.transact(ctx, func(tx *sql.Tx) error {
		var err error
		u, err = scanUser(tx.QueryRowContext(ctx, "SELECT "+userColumns+" FROM users WHERE id = ?"+s.dialect.forUpdate, userID))
		if err != nil {
			return err
		}
		if u.Role == role {
			return nil
		}
		if _, err := tx.ExecContext(ctx, "UPDATE users SET role = ?, updated_at = ? WHERE id = ?", role, s.now(), userID); err != nil {
			return fmt.Errorf("store: set role of user %d: %w", userID, err)
		}
		old := u.Role
		u.Role = role
		return s.audit(ctx, tx, AuditEntry{Action: AuditRoleChange, ActorID: &actorID, SubjectID: &userID, Email: u.Email, IP: ip, Detail: old + " -> " + role})
	})
	return u, err
}

// SetDisplayName changes a user's display name.
func (s *Store) SetDisplayName(ctx context.Context, userID int64, name string) error {
	ctx, cancel := s.bound(ctx)
	defer cancel()
	res, err := s.write.ExecContext(ctx, "UPDATE users SET display_name = ?, updated_at = ? WHERE id = ?", name, s.now(), userID)
	if err != nil {
		return fmt.Errorf("store: set display name of user %d: %w", userID, err)
	}
	if n, _ := res.RowsAffected(); n == 0 {
		return ErrNotFound
	}
	return nil
}

// SetPassword stores a new password hash, revokes every session of the
// user and records the change, all in one transaction.
func (s *Store) SetPassword(ctx context.Context, userID int64, hash, ip string) error {
	return s.transact(ctx, func(tx *sql.Tx) error {
		at := s.now()
		res, err := tx.ExecContext(ctx, "UPDATE users SET password_hash = ?, updated_at = ? WHERE id = ?", hash, at, userID)
		if err != nil {
			return fmt.Errorf("store: set password of user %d: %w", userID, err)
		}
		if n, _ := res.RowsAffected(); n == 0 {
			return ErrNotFound
		}
		if _, err := tx.ExecContext(ctx, "UPDATE sessions SET revoked_at = ? WHERE user_id = ? AND revoked_at IS NULL", at, userID); err != nil {
			return fmt.Errorf("store: revoke sessions of user %d: %w", userID, err)
		}
		return s.audit(ctx, tx, AuditEntry{Action: AuditPasswordChange, ActorID: &userID, SubjectID: &userID, IP: ip})
	})
}

// CreateSession records an issued token.
func (s *Store) CreateSession(ctx context.Context, sess Session) error {
	ctx, cancel := s.bound(ctx)
	defer cancel()
	_, err := s.write.ExecContext(ctx,
		"INSERT INTO sessions (id, user_id, created_at, expires_at, ip, user_agent) VALUES (?, ?, ?, ?, ?, ?)",
		sess.ID, sess.UserID, formatTime(sess.CreatedAt), formatTime(sess.ExpiresAt), sess.IP, sess.UserAgent)
	if err != nil {
		return fmt.Errorf("store: create session: %w", err)
	}
	return nil
}

// ActiveSession returns the session and its user when the session exists,
// is not revoked and has not expired. Anything else is ErrNotFound.
func (s *Store) ActiveSession(ctx context.Context, id string) (Session, User, error) {
	ctx, cancel := s.bound(ctx)
	defer cancel()
	var sess Session
	var created, expires string
	var revoked sql.NullString
	var u User
	var userCreated string
	err := s.read.QueryRowContext(ctx, `SELECT s.id, s.user_id, s.created_at, s.expires_at, s.revoked_at,
			u.id, u.email, u.password_hash, u.display_name, u.role, u.created_at
		FROM sessions s JOIN users u ON u.id = s.user_id WHERE s.id = ?`, id).
		Scan(&sess.ID, &sess.UserID, &created, &expires, &revoked, &u.ID, &u.Email, &u.PasswordHash, &u.DisplayName, &u.Role, &userCreated)
	if errors.Is(err, sql.ErrNoRows) {
		return sess, u, ErrNotFound
	}
	if err != nil {
		return sess, u, fmt.Errorf("store: session: %w", err)
	}
	sess.CreatedAt, sess.ExpiresAt, u.CreatedAt = parseTime(created), parseTime(expires), parseTime(userCreated)
	if revoked.Valid || s.clock().After(sess.ExpiresAt) {
		return sess, u, ErrNotFound
	}
	return sess, u, nil
}

// RevokeSession ends one session (logout).
func (s *Store) RevokeSession(ctx context.Context, id string, userID int64, ip string) error {
	return s.transact(ctx, func(tx *sql.Tx) error {
		if _, err := tx.ExecContext(ctx, "UPDATE sessions SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL", s.now(), id); err != nil {
			return fmt.Errorf("store: revoke session: %w", err)
		}
		return s.audit(ctx, tx, AuditEntry{Action: AuditLogout, ActorID: &userID, SubjectID: &userID, IP: ip})
	})
}

// RecordAudit writes one audit entry on its own.
func (s *Store) RecordAudit(ctx context.Context, e AuditEntry) error {
	return s.transact(ctx, func(tx *sql.Tx) error { return s.audit(ctx, tx, e) })
}

func (s *Store) audit(ctx context.Context, tx *sql.Tx, e AuditEntry) error {
	_, err := tx.ExecContext(ctx,
		"INSERT INTO audit_log (at, action, actor_id, subject_id, email, ip, detail) VALUES (?, ?, ?, ?, ?, ?, ?)",
		s.now(), e.Action, e.ActorID, e.SubjectID, e.Email, e.IP, e.Detail)
	if err != nil {
		return fmt.Errorf("store: audit %s: %w", e.Action, err)
	}
	return nil
}

// ListAudit returns one page of the audit log, newest first, and the total.
func (s *Store) ListAudit(ctx context.Context, limit, offset int) ([]AuditEntry, int, error) {
	ctx, cancel := s.bound(ctx)
	defer cancel()
	var total int
	if err := s.read.QueryRowContext(ctx, "SELECT count(*) FROM audit_log").Scan(&total); err != nil {
		return nil, 0, fmt.Errorf("store: count audit: %w", err)
	}
	rows, err := s.read.QueryContext(ctx, `SELECT a.id, a.at, a.action, a.actor_id, a.subject_id,
			COALESCE(NULLIF(a.email, ''), u.email, ''), a.ip, a.detail
		FROM audit_log a LEFT JOIN users u ON u.id = a.subject_id
		ORDER BY a.id DESC LIMIT ? OFFSET ?`, limit, offset)
	if err != nil {
		return nil, 0, fmt.Errorf("store: list audit: %w", err)
	}
	defer rows.Close()
	var out []AuditEntry
	for rows.Next() {
		var e AuditEntry
		var at string
		var actor, subject sql.NullInt64
		if err := rows.Scan(&e.ID, &at, &e.Action, &actor, &subject, &e.Email, &e.IP, &e.Detail); err != nil {
			return nil, 0, fmt.Errorf("store: list audit: %w", err)
		}
		e.At = parseTime(at)
		if actor.Valid {
			e.ActorID = &actor.Int64
		}
		if subject.Valid {
			e.SubjectID = &subject.Int64
		}
		out = append(out, e)
	}
	return out, total, rows.Err()
}
