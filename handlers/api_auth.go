package handlers

import (
	"errors"
	"time"

	"github.com/gofiber/fiber/v2"

	"ladder/domain"
	"ladder/store"
)

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
