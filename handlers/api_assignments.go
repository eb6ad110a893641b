package handlers

import (
	"ladder/domain"

	"github.com/gofiber/fiber/v2"
)

func (s *Server) apiCreateAssignment(c *fiber.Ctx) error {
	id, err := idParam(c, "id")
	if err != nil {
		return err
	}
	var in struct {
		CurriculumID int64  `json:"curriculum_id"`
		Due          string `json:"due"`
		UserID       int64  `json:"user_id"`
	}
	if err := decodeJSON(c, &in); err != nil {
		return err
	}
	aid, err := s.ops.Assign(c.UserContext(), currentUser(c), domain.AssignInput{CohortID: id, CurriculumID: in.CurriculumID, Due: in.Due, UserID: in.UserID})
	if err != nil {
		return err
	}
	return c.Status(fiber.StatusCreated).JSON(fiber.Map{"id": aid})
}

func (s *Server) apiMyAssignments(c *fiber.Ctx) error {
	u := currentUser(c)
	p, err := s.ops.Progress(c.UserContext(), u.ID)
	if err != nil {
		return err
	}
	list, err := s.learnerAssignments(c.UserContext(), langOf(c), u.ID, p)
	if err != nil {
		return err
	}
	out := make([]fiber.Map, 0, len(list))
	for _, a := range list {
		out = append(out, fiber.Map{"id": a.ID, "curriculum": a.Curriculum.Title, "curriculum_id": a.CurriculumID, "due": a.Due,
			"items": toAPIItems(a.Items), "overdue": a.Overdue, "done": a.Done, "total": len(a.Items)})
	}
	return c.JSON(out)
}
