package handlers

import (
	"encoding/json"
	"errors"
	"mime"
	"strconv"
	"strings"
	"time"

	"github.com/gofiber/fiber/v2"

	"ladder/store"
)

// jsonBodies answers 415 to every API request whose body is not declared
// JSON. Another site's page can send text/plain, form and untyped bodies
// without a preflight, never application/json, so this also keeps login
// and signup from being forged.
func jsonBodies(c *fiber.Ctx) error {
	if len(c.Request().Body()) > 0 {
		mt, _, err := mime.ParseMediaType(c.Get(fiber.HeaderContentType))
		if err != nil || mt != fiber.MIMEApplicationJSON {
			return fiber.NewError(fiber.StatusUnsupportedMediaType, "the request body must be JSON, sent with Content-Type: application/json")
		}
	}
	return c.Next()
}

// decodeJSON reads a JSON object body, answering 400 with a message when
// it is not one.
func decodeJSON(c *fiber.Ctx, v any) error {
	if len(c.Body()) == 0 {
		return fiber.NewError(fiber.StatusBadRequest, "the request body must be a JSON object")
	}
	if err := json.Unmarshal(c.Body(), v); err != nil {
		return fiber.NewError(fiber.StatusBadRequest, "the request body is not valid JSON: "+err.Error())
	}
	return nil
}

type apiUser struct {
	ID          int64  `json:"id"`
	Email       string `json:"email"`
	Role        string `json:"role"`
	DisplayName string `json:"display_name"`
}

func toAPIUser(u store.User) apiUser {
	return apiUser{ID: u.ID, Email: u.Email, Role: u.Role, DisplayName: u.DisplayName}
}

// firstError turns field errors into one English message for the API.
func (s *Server) firstError(errs fieldErrors) string {
	var parts []string
	for _, f := range []string{"email", "password", "display_name", "new_password", "role"} {
		if k, ok := errs[f]; ok {
			parts = append(parts, f+": "+s.msgs.T("en", k))
		}
	}
	return strings.Join(parts, "; ")
}

type signupInput struct {
	Email       string `json:"email"`
	Password    string `json:"password"`
	DisplayName string `json:"display_name"`
}

// signup validates and creates a learner account. It is shared by the API
// and the form.
func (s *Server) signup(c *fiber.Ctx, in signupInput) (store.User, fieldErrors, error) {
	in.Email = strings.ToLower(strings.TrimSpace(in.Email))
	in.DisplayName = strings.TrimSpace(in.DisplayName)
	errs := fieldErrors{}
	if !validEmail(in.Email) {
		errs["email"] = "err.email_invalid"
	}
	validatePassword(in.Password, errs, "password")
	validateDisplayName(in.DisplayName, errs)
	if len(errs) > 0 {
		return store.User{}, errs, nil
	}
	if in.DisplayName == "" {
		in.DisplayName, _, _ = strings.Cut(in.Email, "@")
	}
	hash, err := hashPassword(in.Password)
	if err != nil {
		return store.User{}, nil, err
	}
	u, err := s.store.CreateUser(c.UserContext(), store.User{Email: in.Email, PasswordHash: hash, DisplayName: in.DisplayName, Role: store.RoleLearner}, store.AuditSignup, c.IP())
	if errors.Is(err, store.ErrEmailTaken) {
		return store.User{}, fieldErrors{"email": "err.email_taken"}, nil
	}
	return u, nil, err
}

func (s *Server) apiSignup(c *fiber.Ctx) error {
	var in signupInput
	if err := decodeJSON(c, &in); err != nil {
		return err
	}
	u, errs, err := s.signup(c, in)
	switch {
	case err != nil:
		return err
	case errs["email"] == "err.email_taken":
		return fiber.NewError(fiber.StatusConflict, "an account with this email already exists")
	case len(errs) > 0:
		return fiber.NewError(fiber.StatusBadRequest, s.firstError(errs))
	}
	return c.Status(fiber.StatusCreated).JSON(fiber.Map{"user": toAPIUser(u)})
}

// login checks the credentials. Unknown email and wrong password give the
// same answer, at the same cost.
func (s *Server) login(c *fiber.Ctx, email, password string) (store.User, bool, error) {
	email = strings.ToLower(strings.TrimSpace(email))
	u, err := s.store.UserByEmail(c.UserContext(), email)
	if errors.Is(err, store.ErrNotFound) {
		checkPassword(dummyHash, password)
	} else if err != nil {
		return u, false, err
	}
	if err != nil || !checkPassword(u.PasswordHash, password) {
		entry := store.AuditEntry{Action: store.AuditLoginFailed, Email: truncate(email, 254), IP: c.IP()}
		if err == nil {
			entry.SubjectID = &u.ID
		}
		if aerr := s.store.RecordAudit(c.UserContext(), entry); aerr != nil {
			return u, false, aerr
		}
		return u, false, nil
	}
	if err := s.store.RecordAudit(c.UserContext(), store.AuditEntry{Action: store.AuditLogin, ActorID: &u.ID, SubjectID: &u.ID, IP: c.IP()}); err != nil {
		return u, false, err
	}
	return u, true, nil
}

const badCredentials = "wrong email or password"

func (s *Server) apiLogin(c *fiber.Ctx) error {
	var in struct {
		Email    string `json:"email"`
		Password string `json:"password"`
	}
	if err := decodeJSON(c, &in); err != nil {
		return err
	}
	if in.Email == "" || in.Password == "" {
		return fiber.NewError(fiber.StatusBadRequest, "email and password are required")
	}
	u, ok, err := s.login(c, in.Email, in.Password)
	if err != nil {
		return err
	}
	if !ok {
		// The status is set here, not only by the error handler, so the
		// per-account limiter sees this attempt as a failure.
		c.Status(fiber.StatusUnauthorized)
		return fiber.NewError(fiber.StatusUnauthorized, badCredentials)
	}
	tok, exp, err := s.startSession(c, u)
	if err != nil {
		return err
	}
	return c.JSON(fiber.Map{"token": tok, "expires_at": exp.UTC().Format(time.RFC3339), "user": toAPIUser(u)})
}

func (s *Server) apiLogout(c *fiber.Ctx) error {
	a := currentAuth(c)
	if err := s.store.RevokeSession(c.UserContext(), a.Session, a.User.ID, c.IP()); err != nil {
		return err
	}
	s.clearSessionCookie(c)
	return c.SendStatus(fiber.StatusNoContent)
}

func (s *Server) apiMe(c *fiber.Ctx) error {
	return c.JSON(toAPIUser(*currentUser(c)))
}

// apiSetRole lets an admin change a user's role.
func (s *Server) apiSetRole(c *fiber.Ctx) error {
	id, err := strconv.ParseInt(c.Params("id"), 10, 64)
	if err != nil || id <= 0 {
		return fiber.ErrNotFound
	}
	var in struct {
		Role string `json:"role"`
	}
	if err := decodeJSON(c, &in); err != nil {
		return err
	}
	if !store.ValidRole(in.Role) {
		return fiber.NewError(fiber.StatusBadRequest, "role must be learner, mentor or admin")
	}
	u, err := s.store.SetRole(c.UserContext(), currentUser(c).ID, id, in.Role, c.IP())
	if err != nil {
		return err
	}
	return c.JSON(toAPIUser(u))
}
