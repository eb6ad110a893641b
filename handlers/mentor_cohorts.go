package handlers

import (
	"errors"
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
	return s.renderCohort(c, co, cohortForm{Msg: msg, Error: errKey})
}

// cohortForm is what the cohort page shows beside the cohort: a flash
// message or error (catalog keys), and the assign form's values after a
// refusal, so nothing typed is lost.
type cohortForm struct {
	Msg, Error   string
	CurriculumID int64
	UserID       int64
	Due          string
}

// assignmentRow is one line of the cohort's assignments.
type assignmentRow struct {
	store.Assignment
	Title    string
	Learner  string // "" for the whole cohort
	Editable bool
}

// renderCohort shows the cohort page.
func (s *Server) renderCohort(c *fiber.Ctx, co store.Cohort, form cohortForm) error {
	ctx := c.UserContext()
	actor := currentUser(c)
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
	curricula, err := s.store.CurriculaOf(ctx, domain.MentorScope(actor))
	if err != nil {
		return err
	}
	assigns, err := s.store.AssignmentsOfCohort(ctx, co.ID)
	if err != nil {
		return err
	}
	assigned, err := s.store.CurriculaByID(ctx, curriculumIDs(assigns))
	if err != nil {
		return err
	}
	names := map[int64]string{}
	for _, m := range members {
		names[m.ID] = m.DisplayName
	}
	list := make([]assignmentRow, len(assigns))
	for i, a := range assigns {
		cur := assigned[a.CurriculumID]
		list[i] = assignmentRow{Assignment: a, Title: cur.Title, Learner: names[a.UserID], Editable: domain.MayChangeAssignment(actor, co, a, cur.OwnerID)}
	}
	groups, rowViews := s.cohortGroups(langOf(c), assigns, assigned, cols, rows)
	return c.Render("mentor_cohort", s.view(c, "mentor", co.Name, fiber.Map{
		"Cohort": co, "Members": members, "Groups": groups, "Rows": rowViews, "Sort": sortBy, "Filter": filter,
		"Curricula": curricula, "Assignments": list, "Form": form,
		"JoinURL": strings.TrimRight(s.baseURL, "/") + "/join/" + co.JoinCode, "Today": s.now().UTC().Format("2006-01-02"),
		"Msg": form.Msg, "Error": form.Error,
	}))
}

// cohortGroup is one cohort-wide assignment in the progress table: its
// items as columns under one header with the due date.
type cohortGroup struct {
	Title, Due string
	Past       bool // the due day has ended
	Items      []itemStatus
	cols       []int // each item's place in the table's unique columns
}

// cohortRowView is a learner's row with their items grouped as the
// header groups them.
type cohortRowView struct {
	cohortRow
	Groups []rowGroup
}

type rowGroup struct {
	Done  int
	Items []itemStatus
}

// cohortGroups groups the table's columns by the cohort-wide assignment
// they come from, in due-date order. An item in two assignments shows in
// both groups; a row's Done still counts it once.
func (s *Server) cohortGroups(lang string, assigns []store.Assignment, curricula map[int64]store.Curriculum, cols []store.CurriculumItem, rows []cohortRow) ([]cohortGroup, []cohortRowView) {
	at := make(map[string]int, len(cols))
	for i, it := range cols {
		at[it.Kind+":"+it.Ref] = i
	}
	empty := &domain.Progress{Statuses: map[string]string{}, Read: map[string]bool{}}
	var groups []cohortGroup
	for _, a := range assigns {
		if a.CohortID == 0 {
			continue // one learner's own: listed below the table, not a column group
		}
		cur := curricula[a.CurriculumID]
		g := cohortGroup{Title: cur.Title, Due: a.Due, Past: domain.IsOverdue(a.Due, false, s.now())}
		for _, it := range cur.Items {
			if i, ok := at[it.Kind+":"+it.Ref]; ok {
				g.Items = append(g.Items, s.itemView(lang, it, empty))
				g.cols = append(g.cols, i)
			}
		}
		if len(g.Items) > 0 { // an empty curriculum has no column to head
			groups = append(groups, g)
		}
	}
	views := make([]cohortRowView, len(rows))
	for i, r := range rows {
		views[i] = cohortRowView{cohortRow: r}
		for _, g := range groups {
			var rg rowGroup
			for _, col := range g.cols {
				st := r.Items[col]
				if st.Done {
					rg.Done++
				}
				rg.Items = append(rg.Items, st)
			}
			views[i].Groups = append(views[i].Groups, rg)
		}
	}
	return groups, views
}

// refuseInPlace answers a refused cohort form on the cohort page itself,
// with the API's status for the same refusal (422 for "no learner", 400
// for a past due date, 409 for a second assignment), so the form and the
// API give the same answer and the form keeps what was typed.
func (s *Server) refuseInPlace(c *fiber.Ctx, co store.Cohort, err error, form cohortForm) error {
	key, ok := messageKey(err)
	if !ok {
		return err
	}
	form.Error = key
	c.Status(status(err))
	c.Locals("altPath", cohortURL(co.ID))
	return s.renderCohort(c, co, form)
}

func cohortURL(id int64) string { return "/mentor/cohorts/" + strconv.FormatInt(id, 10) }

func (s *Server) mentorAddMember(c *fiber.Ctx) error {
	co, err := s.cohortFromParam(c)
	if err != nil {
		return err
	}
	if _, err := s.ops.AddMember(c.UserContext(), currentUser(c), co.ID, c.FormValue("email")); err != nil {
		return s.refuseInPlace(c, co, err, cohortForm{})
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
		return s.refuseInPlace(c, co, err, cohortForm{CurriculumID: curID, UserID: userID, Due: in.Due})
	}
	return c.Redirect(cohortURL(co.ID)+"?msg=assigned#progress", fiber.StatusSeeOther)
}

// mentorChangeDue moves one assignment's due date.
func (s *Server) mentorChangeDue(c *fiber.Ctx) error {
	co, err := s.cohortFromParam(c)
	if err != nil {
		return err
	}
	aid, err := idParam(c, "assignment")
	if err != nil {
		return err
	}
	if _, err := s.ops.ChangeDue(c.UserContext(), currentUser(c), co.ID, aid, c.FormValue("due")); err != nil {
		if errors.Is(err, domain.ErrNotFound) {
			return err
		}
		return s.refuseInPlace(c, co, err, cohortForm{})
	}
	return c.Redirect(cohortURL(co.ID)+"?msg=due_changed#assign", fiber.StatusSeeOther)
}

// mentorConfirmDeleteAssignment asks before an assignment is deleted: the
// link on the cohort page leads here, and only the form here deletes.
func (s *Server) mentorConfirmDeleteAssignment(c *fiber.Ctx) error {
	co, err := s.cohortFromParam(c)
	if err != nil {
		return err
	}
	aid, err := idParam(c, "assignment")
	if err != nil {
		return err
	}
	a, err := s.ops.CohortAssignment(c.UserContext(), currentUser(c), co.ID, aid)
	if err != nil {
		return err
	}
	cur, err := s.store.CurriculumByID(c.UserContext(), a.CurriculumID)
	if err != nil {
		return err
	}
	lang := langOf(c)
	who := s.msgs.T(lang, "mentor.for_cohort", co.Name)
	if a.UserID != 0 {
		u, err := s.store.UserByID(c.UserContext(), a.UserID)
		if err != nil {
			return err
		}
		who = u.DisplayName
	}
	back := cohortURL(co.ID) + "#assign"
	return c.Render("mentor_confirm", s.view(c, "mentor", s.msgs.T(lang, "confirm.delete_assignment_title"), confirmPage{
		BackURL: back, BackLabel: co.Name, Heading: s.msgs.T(lang, "confirm.delete_assignment_title"),
		Message: s.msgs.T(lang, "confirm.delete_assignment", cur.Title, a.Due, who),
		Note:    s.msgs.T(lang, "confirm.delete_assignment_note"),
		Action:  cohortURL(co.ID) + "/assignments/" + strconv.FormatInt(a.ID, 10) + "/delete",
		Button:  s.msgs.T(lang, "confirm.delete_assignment_button"), CancelURL: back,
	}))
}

func (s *Server) mentorDeleteAssignment(c *fiber.Ctx) error {
	co, err := s.cohortFromParam(c)
	if err != nil {
		return err
	}
	aid, err := idParam(c, "assignment")
	if err != nil {
		return err
	}
	if _, err := s.ops.DeleteAssignment(c.UserContext(), currentUser(c), co.ID, aid); err != nil {
		return err
	}
	return c.Redirect(cohortURL(co.ID)+"?msg=assignment_deleted#assign", fiber.StatusSeeOther)
}

// confirmPage asks the mentor to confirm a change that cannot be undone
// with one click. Every text is already in the reader's language.
type confirmPage struct {
	BackURL, BackLabel string
	Heading, Message   string
	Note               string
	Action             string // where the confirming form posts
	Fields             []hiddenField
	Button             string
	CancelURL          string
}

type hiddenField struct{ Name, Value string }
