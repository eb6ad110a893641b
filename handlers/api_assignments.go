package handlers

import (
	"ladder/domain"
	"ladder/store"

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

// assignmentJSON is one assignment as the cohort routes answer it: for the
// whole cohort ("cohort_id") or for one of its learners ("user_id").
func assignmentJSON(a store.Assignment, title string) fiber.Map {
	m := fiber.Map{"id": a.ID, "curriculum_id": a.CurriculumID, "curriculum": title, "due": a.Due}
	if a.UserID != 0 {
		m["user_id"] = a.UserID
	} else {
		m["cohort_id"] = a.CohortID
	}
	return m
}

// apiCohortAssignments lists what the cohort page lists: the cohort's own
// assignments and its learners' own, by due date.
func (s *Server) apiCohortAssignments(c *fiber.Ctx) error {
	co, err := s.cohortFromParam(c)
	if err != nil {
		return err
	}
	ctx := c.UserContext()
	list, err := s.store.AssignmentsOfCohort(ctx, co.ID)
	if err != nil {
		return err
	}
	curricula, err := s.store.CurriculaByID(ctx, curriculumIDs(list))
	if err != nil {
		return err
	}
	out := make([]fiber.Map, 0, len(list))
	for _, a := range list {
		out = append(out, assignmentJSON(a, curricula[a.CurriculumID].Title))
	}
	return c.JSON(out)
}

func (s *Server) apiChangeAssignment(c *fiber.Ctx) error {
	id, aid, err := assignmentParams(c)
	if err != nil {
		return err
	}
	var in struct {
		Due string `json:"due"`
	}
	if err := decodeJSON(c, &in); err != nil {
		return err
	}
	a, err := s.ops.ChangeDue(c.UserContext(), currentUser(c), id, aid, in.Due)
	if err != nil {
		return err
	}
	cur, err := s.store.CurriculumByID(c.UserContext(), a.CurriculumID)
	if err != nil {
		return err
	}
	return c.JSON(assignmentJSON(a, cur.Title))
}

func (s *Server) apiDeleteAssignment(c *fiber.Ctx) error {
	id, aid, err := assignmentParams(c)
	if err != nil {
		return err
	}
	if _, err := s.ops.DeleteAssignment(c.UserContext(), currentUser(c), id, aid); err != nil {
		return err
	}
	return c.SendStatus(fiber.StatusNoContent)
}

// assignmentParams reads the :id cohort and its :assignment.
func assignmentParams(c *fiber.Ctx) (cohortID, assignmentID int64, err error) {
	if cohortID, err = idParam(c, "id"); err != nil {
		return 0, 0, err
	}
	assignmentID, err = idParam(c, "assignment")
	return cohortID, assignmentID, err
}
