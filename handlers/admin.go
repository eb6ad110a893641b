package handlers

import (
	"ladder/store"
	"strconv"

	"github.com/gofiber/fiber/v2"
)

const adminPageSize = 50

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
