package handlers

import (
	"ladder/domain"

	"github.com/gofiber/fiber/v2"
)

func (s *Server) apiCreateCurriculum(c *fiber.Ctx) error {
	var in domain.CurriculumInput
	if err := decodeJSON(c, &in); err != nil {
		return err
	}
	id, err := s.ops.CreateCurriculum(c.UserContext(), currentUser(c), in)
	if err != nil {
		return err
	}
	return c.Status(fiber.StatusCreated).JSON(fiber.Map{"id": id})
}
