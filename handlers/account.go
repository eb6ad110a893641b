package handlers

import (
	"errors"
	"net/url"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

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

// safeNext keeps redirects on this site: it returns next, re-encoded, when
// it is a path here, and "/" otherwise. fasthttp writes Location as given,
// so a CR or LF would add headers, and browsers drop TAB and LF and read a
// backslash as a slash, so /<TAB>/evil and /\evil name another host.
func safeNext(next string) string {
	if !strings.HasPrefix(next, "/") || !utf8.ValidString(next) {
		return "/"
	}
	for _, r := range next {
		if r == '\\' || unicode.IsControl(r) || unicode.In(r, unicode.Cf, unicode.Zl, unicode.Zp) {
			return "/"
		}
	}
	u, err := url.Parse(next)
	if err != nil || u.Scheme != "" || u.Opaque != "" || u.User != nil || u.Host != "" || !strings.HasPrefix(u.Path, "/") || strings.HasPrefix(u.Path, "//") {
		return "/"
	}
	out := u.EscapedPath()
	if u.RawQuery != "" {
		out += "?" + escapeQuery(u.RawQuery)
	}
	if u.Fragment != "" {
		out += "#" + u.EscapedFragment()
	}
	return out
}

// escapeQuery percent-encodes what may not appear in a query as is; url.URL
// keeps RawQuery exactly as it was received.
func escapeQuery(q string) string {
	const hex = "0123456789ABCDEF"
	var b strings.Builder
	for i := 0; i < len(q); i++ {
		ch := q[i]
		switch {
		case ch == '%' && i+2 < len(q) && isHex(q[i+1]) && isHex(q[i+2]), ch != '%' && queryByte(ch):
			b.WriteByte(ch)
		default:
			b.WriteByte('%')
			b.WriteByte(hex[ch>>4])
			b.WriteByte(hex[ch&15])
		}
	}
	return b.String()
}

// queryByte reports whether RFC 3986 allows ch in a query unencoded.
func queryByte(ch byte) bool {
	return 'a' <= ch && ch <= 'z' || 'A' <= ch && ch <= 'Z' || '0' <= ch && ch <= '9' || strings.IndexByte("-._~!$&'()*+,;=:@/?", ch) >= 0
}

func isHex(c byte) bool {
	return '0' <= c && c <= '9' || 'a' <= c && c <= 'f' || 'A' <= c && c <= 'F'
}

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
	f.Next = safeNext(c.Query("next", "/"))
	if c.Query("done") == "password" {
		f.Message = "auth.password_changed_login"
	}
	return c.Render("login", s.view(c, "login", s.msgs.T(langOf(c), "auth.login"), f))
}

func (s *Server) loginSubmit(c *fiber.Ctx) error {
	f := newForm()
	f.Values["email"] = strings.TrimSpace(c.FormValue("email"))
	f.Next = safeNext(c.FormValue("next", "/"))
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
	return c.Redirect(f.Next, fiber.StatusSeeOther)
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

const adminPageSize = 50

func pageNumber(c *fiber.Ctx) int {
	p, err := strconv.Atoi(c.Query("page", "1"))
	if err != nil || p < 1 {
		return 1
	}
	return p
}

type pager struct {
	Page, Pages, Total int
	Prev, Next         int
}

func newPager(page, total, size int) pager {
	pages := (total + size - 1) / size
	if pages == 0 {
		pages = 1
	}
	p := pager{Page: page, Pages: pages, Total: total}
	if page > 1 {
		p.Prev = page - 1
	}
	if page < pages {
		p.Next = page + 1
	}
	return p
}

func (s *Server) adminUsers(c *fiber.Ctx) error {
	page := pageNumber(c)
	users, total, err := s.store.ListUsers(c.UserContext(), adminPageSize, (page-1)*adminPageSize)
	if err != nil {
		return err
	}
	return c.Render("admin_users", s.view(c, "admin", s.msgs.T(langOf(c), "admin.users"), fiber.Map{
		"Users": users, "Pager": newPager(page, total, adminPageSize), "Roles": []string{store.RoleLearner, store.RoleMentor, store.RoleAdmin},
		"Done": c.Query("done"),
	}))
}

func (s *Server) adminRoleSubmit(c *fiber.Ctx) error {
	id, err := idParam(c, "id")
	if err != nil {
		return err
	}
	if _, err := s.ops.SetRole(c.UserContext(), currentUser(c), id, c.FormValue("role"), c.IP()); err != nil {
		return err
	}
	// page goes into Location: only a page number, never the text as sent.
	page, err := strconv.Atoi(c.FormValue("page"))
	if err != nil || page < 1 {
		page = 1
	}
	return c.Redirect("/admin/users?done="+strconv.FormatInt(id, 10)+"&page="+strconv.Itoa(page), fiber.StatusSeeOther)
}

func (s *Server) adminAudit(c *fiber.Ctx) error {
	page := pageNumber(c)
	entries, total, err := s.store.ListAudit(c.UserContext(), adminPageSize, (page-1)*adminPageSize)
	if err != nil {
		return err
	}
	return c.Render("admin_audit", s.view(c, "admin", s.msgs.T(langOf(c), "admin.audit"), fiber.Map{
		"Entries": entries, "Pager": newPager(page, total, adminPageSize),
	}))
}
