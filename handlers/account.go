package handlers

import (
	"errors"
	"strings"

	"github.com/gofiber/fiber/v2"

	"ladder/domain"
	"ladder/store"
)

// form is what a form page needs to show the values typed and the errors.
type form struct {
	Values  map[string]string
	Errors  fieldErrors
	Message string // catalog key of a message above the form
	Next    string
}

func newForm() form { return form{Values: map[string]string{}, Errors: fieldErrors{}} }

func (s *Server) signupPage(c *fiber.Ctx) error {
	if currentUser(c) != nil {
		return c.Redirect("/account", fiber.StatusSeeOther)
	}
	f := newForm()
	f.Next = safeNext(c.Query("next", "/"))
	return c.Render("signup", s.view(c, "signup", s.msgs.T(langOf(c), "auth.signup"), f))
}

func (s *Server) signupSubmit(c *fiber.Ctx) error {
	f := newForm()
	f.Values["email"] = strings.TrimSpace(c.FormValue("email"))
	f.Values["display_name"] = strings.TrimSpace(c.FormValue("display_name"))
	f.Next = safeNext(c.FormValue("next", "/"))
	u, err := s.ops.Signup(c.UserContext(), domain.SignupInput{Email: f.Values["email"], Password: c.FormValue("password"), DisplayName: f.Values["display_name"], IP: c.IP()})
	if errs, ok := fieldErrorsOf(err); ok {
		f.Errors = errs
		return c.Status(fiber.StatusUnprocessableEntity).Render("signup", s.view(c, "signup", s.msgs.T(langOf(c), "auth.signup"), f))
	}
	if err != nil {
		return err
	}
	if _, _, err := s.startSession(c, u); err != nil {
		return err
	}
	return c.Redirect(f.Next, fiber.StatusSeeOther)
}

func (s *Server) loginPage(c *fiber.Ctx) error {
	if currentUser(c) != nil {
		return c.Redirect("/account", fiber.StatusSeeOther)
	}
	f := newForm()
	f.Next = returnPath(c.Query("next"))
	if c.Query("done") == "password" {
		f.Message = "auth.password_changed_login"
	}
	return c.Render("login", s.view(c, "login", s.msgs.T(langOf(c), "auth.login"), f))
}

func (s *Server) loginSubmit(c *fiber.Ctx) error {
	f := newForm()
	f.Values["email"] = strings.TrimSpace(c.FormValue("email"))
	f.Next = returnPath(c.FormValue("next"))
	u, err := s.ops.Login(c.UserContext(), f.Values["email"], c.FormValue("password"), c.IP())
	if errors.Is(err, domain.ErrBadCredentials) {
		f.Errors["password"] = domain.ErrBadCredentials.Key
		// A 4xx status so the per-account limiter counts the failure.
		return c.Status(fiber.StatusUnauthorized).Render("login", s.view(c, "login", s.msgs.T(langOf(c), "auth.login"), f))
	}
	if err != nil {
		return err
	}
	if _, _, err := s.startSession(c, u); err != nil {
		return err
	}
	if f.Next == "" {
		return c.Redirect(homeOf(u), fiber.StatusSeeOther)
	}
	return c.Redirect(f.Next, fiber.StatusSeeOther)
}

// homeOf is where a role works, for a sign-in with no page to return to:
// learners to their progress, mentors and admins to their cohorts and
// review queue.
func homeOf(u store.User) string {
	if u.Role == store.RoleMentor || u.Role == store.RoleAdmin {
		return "/mentor"
	}
	return "/me"
}

func (s *Server) logoutSubmit(c *fiber.Ctx) error {
	if a := currentAuth(c); a != nil {
		if err := s.ops.Logout(c.UserContext(), &a.User, a.Session, c.IP()); err != nil {
			return err
		}
	}
	s.clearSessionCookie(c)
	return c.Redirect("/", fiber.StatusSeeOther)
}

func (s *Server) accountPage(c *fiber.Ctx) error {
	f := newForm()
	f.Values["display_name"] = currentUser(c).DisplayName
	switch c.Query("done") {
	case "name":
		f.Message = "account.name_saved"
	case "password":
		f.Message = "account.password_saved"
	}
	return c.Render("account", s.view(c, "account", s.msgs.T(langOf(c), "account.title"), f))
}

func (s *Server) accountNameSubmit(c *fiber.Ctx) error {
	f := newForm()
	f.Values["display_name"] = strings.TrimSpace(c.FormValue("display_name"))
	err := s.ops.Rename(c.UserContext(), currentUser(c), f.Values["display_name"])
	if errs, ok := fieldErrorsOf(err); ok {
		f.Errors = errs
		return c.Status(fiber.StatusUnprocessableEntity).Render("account", s.view(c, "account", s.msgs.T(langOf(c), "account.title"), f))
	}
	if err != nil {
		return err
	}
	return c.Redirect("/account?done=name", fiber.StatusSeeOther)
}

// accountPasswordSubmit changes the password. Every session of the user is
// revoked, this one included; the browser that made the change gets a new
// session so the user stays signed in here only.
func (s *Server) accountPasswordSubmit(c *fiber.Ctx) error {
	u := currentUser(c)
	f := newForm()
	f.Values["display_name"] = u.DisplayName
	hash, err := s.ops.ChangePassword(c.UserContext(), u, c.FormValue("current_password"), c.FormValue("new_password"), c.IP())
	if errs, ok := fieldErrorsOf(err); ok {
		f.Errors = errs
		return c.Status(fiber.StatusUnprocessableEntity).Render("account", s.view(c, "account", s.msgs.T(langOf(c), "account.title"), f))
	}
	if err != nil {
		return err
	}
	u.PasswordHash = hash
	if _, _, err := s.startSession(c, *u); err != nil {
		return err
	}
	return c.Redirect("/account?done=password", fiber.StatusSeeOther)
}
