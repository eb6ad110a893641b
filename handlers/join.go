package handlers

import (
	"errors"
	"ladder/domain"
	"ladder/store"

	"github.com/gofiber/fiber/v2"
)

// apiJoinCohort lets a signed-in learner redeem a join code.
func (s *Server) apiJoinCohort(c *fiber.Ctx) error {
	var in struct {
		Code string `json:"code"`
	}
	if err := decodeJSON(c, &in); err != nil {
		return err
	}
	co, err := s.ops.Join(c.UserContext(), currentUser(c), in.Code)
	if err != nil {
		return err
	}
	return c.Status(fiber.StatusCreated).JSON(fiber.Map{"id": co.ID, "name": co.Name})
}

// joinLink shows a join link's cohort to a signed-in user, who confirms.
func (s *Server) joinLink(c *fiber.Ctx) error {
	co, err := s.ops.CohortByCode(c.UserContext(), c.Params("code"))
	if err != nil {
		return err
	}
	return c.Render("join", s.view(c, "dashboard", co.Name, fiber.Map{"Cohort": co, "NotLearner": currentUser(c).Role != store.RoleLearner}))
}

func (s *Server) joinSubmit(c *fiber.Ctx) error {
	_, err := s.ops.Join(c.UserContext(), currentUser(c), c.FormValue("code"))
	switch {
	case errors.Is(err, domain.ErrUnknownCode):
		return c.Redirect("/me?join=unknown#cohorts", fiber.StatusSeeOther)
	case errors.Is(err, domain.ErrJoinNotLearner):
		return c.Redirect("/me?join=not_learner#cohorts", fiber.StatusSeeOther)
	case err != nil:
		return err
	}
	return c.Redirect("/me?join=ok#cohorts", fiber.StatusSeeOther)
}
