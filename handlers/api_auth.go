package handlers

import (
	"encoding/json"
	"errors"
	"mime"
	"time"

	"github.com/gofiber/fiber/v2"

	"ladder/domain"
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

func (s *Server) apiSignup(c *fiber.Ctx) error {
	var in domain.SignupInput
	if err := decodeJSON(c, &in); err != nil {
		return err
	}
	in.IP = c.IP()
	u, err := s.ops.Signup(c.UserContext(), in)
	if err != nil {
		return err
	}
	return c.Status(fiber.StatusCreated).JSON(fiber.Map{"user": toAPIUser(u)})
}

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
	u, err := s.ops.Login(c.UserContext(), in.Email, in.Password, c.IP())
	if errors.Is(err, domain.ErrBadCredentials) {
		// The status is set here, not only by the error handler, so the
		// per-account limiter sees this attempt as a failure.
		c.Status(fiber.StatusUnauthorized)
	}
	if err != nil {
		return err
	}
	tok, exp, err := s.startSession(c, u)
	if err != nil {
		return err
	}
	return c.JSON(fiber.Map{"token": tok, "expires_at": exp.UTC().Format(time.RFC3339), "user": toAPIUser(u)})
}

func (s *Server) apiLogout(c *fiber.Ctx) error {
	a := currentAuth(c)
	if err := s.ops.Logout(c.UserContext(), &a.User, a.Session, c.IP()); err != nil {
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
	id, err := idParam(c, "id")
	if err != nil {
		return err
	}
	var in struct {
		Role string `json:"role"`
	}
	if err := decodeJSON(c, &in); err != nil {
		return err
	}
	u, err := s.ops.SetRole(c.UserContext(), currentUser(c), id, in.Role, c.IP())
	if err != nil {
		return err
	}
	return c.JSON(toAPIUser(u))
}
