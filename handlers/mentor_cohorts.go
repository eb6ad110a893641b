package handlers

import (
	"ladder/domain"
	"ladder/store"
	"strconv"
	"strings"

	"github.com/gofiber/fiber/v2"
)

func (s *Server) mentorCreateCohort(c *fiber.Ctx) error {
	co, err := s.ops.CreateCohort(c.UserContext(), currentUser(c), c.FormValue("name"))
	if err != nil {
		return flashError(c, err, "/mentor", "")
	}
	return c.Redirect(cohortURL(co.ID)+"?msg=cohort_created", fiber.StatusSeeOther)
}

func (s *Server) mentorCohort(c *fiber.Ctx) error {
	co, err := s.cohortFromParam(c)
	if err != nil {
		return err
	}
	msg, errKey := flash(c)
	return s.renderCohort(c, co, msg, errKey)
}

// renderCohort shows the cohort page with a flash message or error, both
// catalog keys.
func (s *Server) renderCohort(c *fiber.Ctx, co store.Cohort, msg, errKey string) error {
	ctx := c.UserContext()
	members, err := s.store.Members(ctx, co.ID)
	if err != nil {
		return err
	}
	cols, rows, err := s.cohortTable(ctx, langOf(c), co)
	if err != nil {
		return err
	}
	sortBy, filter := c.Query("sort", "name"), c.Query("filter")
	sortRows(rows, sortBy)
	rows = filterRows(rows, filter)
	colViews := make([]itemStatus, len(cols))
	for i, it := range cols {
		colViews[i] = s.itemView(langOf(c), it, &domain.Progress{Statuses: map[string]string{}, Read: map[string]bool{}})
	}
	curricula, err := s.store.CurriculaOf(ctx, domain.MentorScope(currentUser(c)))
	if err != nil {
		return err
	}
	assigns, err := s.store.AssignmentsOfCohort(ctx, co.ID)
	if err != nil {
		return err
	}
	titles := map[int64]string{}
	for _, cur := range curricula {
		titles[cur.ID] = cur.Title
	}
	for _, a := range assigns {
		if titles[a.CurriculumID] == "" {
			if cur, err := s.store.CurriculumByID(ctx, a.CurriculumID); err == nil {
				titles[a.CurriculumID] = cur.Title
			}
		}
	}
	names := map[int64]string{}
	for _, m := range members {
		names[m.ID] = m.DisplayName
	}
	return c.Render("mentor_cohort", s.view(c, "mentor", co.Name, fiber.Map{
		"Cohort": co, "Members": members, "Columns": colViews, "Rows": rows, "Sort": sortBy, "Filter": filter,
		"Curricula": curricula, "Assignments": assigns, "Titles": titles, "Names": names,
		"JoinURL": strings.TrimRight(s.baseURL, "/") + "/join/" + co.JoinCode, "Today": s.now().UTC().Format("2006-01-02"),
		"Msg": msg, "Error": errKey,
	}))
}

func cohortURL(id int64) string { return "/mentor/cohorts/" + strconv.FormatInt(id, 10) }

func (s *Server) mentorAddMember(c *fiber.Ctx) error {
	co, err := s.cohortFromParam(c)
	if err != nil {
		return err
	}
	if _, err := s.ops.AddMember(c.UserContext(), currentUser(c), co.ID, c.FormValue("email")); err != nil {
		// Answered in place with the API's status (422 for "no learner"),
		// so the form and the API give the same answer.
		key, ok := messageKey(err)
		if !ok {
			return err
		}
		c.Status(status(err))
		c.Locals("altPath", cohortURL(co.ID))
		return s.renderCohort(c, co, "", key)
	}
	return c.Redirect(cohortURL(co.ID)+"?msg=member_added#members", fiber.StatusSeeOther)
}

func (s *Server) mentorRemoveMember(c *fiber.Ctx) error {
	co, err := s.removeMember(c)
	if err != nil {
		return err
	}
	return c.Redirect(cohortURL(co.ID)+"?msg=member_removed#members", fiber.StatusSeeOther)
}

func (s *Server) mentorAssign(c *fiber.Ctx) error {
	co, err := s.cohortFromParam(c)
	if err != nil {
		return err
	}
	curID, _ := strconv.ParseInt(c.FormValue("curriculum_id"), 10, 64)
	userID, _ := strconv.ParseInt(c.FormValue("user_id"), 10, 64)
	in := domain.AssignInput{CohortID: co.ID, CurriculumID: curID, Due: c.FormValue("due"), UserID: userID}
	if _, err := s.ops.Assign(c.UserContext(), currentUser(c), in); err != nil {
		return flashError(c, err, cohortURL(co.ID), "#assign")
	}
	return c.Redirect(cohortURL(co.ID)+"?msg=assigned#progress", fiber.StatusSeeOther)
}
