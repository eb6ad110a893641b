package handlers

import (
	"errors"
	"strconv"
	"strings"

	"github.com/gofiber/fiber/v2"

	"ladder/content"
	"ladder/domain"
	"ladder/store"
)

// mentorFlash maps a redirect's ?msg= or ?error= key to catalog text, so no
// free text from the URL is ever shown.
var mentorFlashKeys = map[string]bool{
	"cohort_created": true, "member_added": true, "member_removed": true, "assigned": true,
	"saved": true, "commented": true, "endorsed": true, "copied": true,
	"no_learner": true, "already_member": true, "bad_due": true, "bad_input": true, "not_member": true,
}

func flash(c *fiber.Ctx) (msg, errKey string) {
	if k := c.Query("msg"); mentorFlashKeys[k] {
		msg = "flash." + k
	}
	if k := c.Query("error"); mentorFlashKeys[k] {
		errKey = "flash." + k
	}
	return msg, errKey
}

// flashError redirects to url with the page's text for a refused
// operation, or returns err when it is not the user's to fix.
func flashError(c *fiber.Ctx, err error, url, anchor string) error {
	key, ok := messageKey(err)
	if !ok || !strings.HasPrefix(key, "flash.") || !mentorFlashKeys[strings.TrimPrefix(key, "flash.")] {
		return err
	}
	return c.Redirect(url+"?error="+strings.TrimPrefix(key, "flash.")+anchor, fiber.StatusSeeOther)
}

func (s *Server) mentorHome(c *fiber.Ctx) error {
	u := currentUser(c)
	cohorts, err := s.store.CohortsOfMentor(c.UserContext(), domain.MentorScope(u))
	if err != nil {
		return err
	}
	curricula, err := s.store.CurriculaOf(c.UserContext(), domain.MentorScope(u))
	if err != nil {
		return err
	}
	msg, errKey := flash(c)
	return c.Render("mentor", s.view(c, "mentor", s.msgs.T(langOf(c), "mentor.title"), fiber.Map{
		"Cohorts": cohorts, "Curricula": curricula, "Shipped": s.content.Curricula, "Levels": content.Levels,
		"Msg": msg, "Error": errKey,
	}))
}

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

func curriculumURL(id int64) string { return "/mentor/curricula/" + strconv.FormatInt(id, 10) }

func (s *Server) mentorNewCurriculum(c *fiber.Ctx) error {
	level := c.FormValue("target_level")
	if content.LevelIndex(level) < 0 {
		level = ""
	}
	id, err := s.ops.CreateCurriculum(c.UserContext(), currentUser(c), domain.CurriculumInput{
		Title: c.FormValue("title"), Description: c.FormValue("description"), TargetLevel: level})
	if err != nil {
		return flashError(c, err, "/mentor", "#curricula")
	}
	return c.Redirect(curriculumURL(id)+"?msg=saved", fiber.StatusSeeOther)
}

// mentorCopyCurriculum copies a shipped curriculum into the mentor's own.
func (s *Server) mentorCopyCurriculum(c *fiber.Ctx) error {
	id, err := s.ops.CopyCurriculum(c.UserContext(), currentUser(c), c.Params("key"), langOf(c))
	if err != nil {
		return err
	}
	return c.Redirect(curriculumURL(id)+"?msg=copied", fiber.StatusSeeOther)
}

func (s *Server) curriculumFromParam(c *fiber.Ctx) (store.Curriculum, error) {
	id, err := idParam(c, "id")
	if err != nil {
		return store.Curriculum{}, err
	}
	return s.ops.Curriculum(c.UserContext(), currentUser(c), id)
}

type pickOption struct {
	Value, Label, Group string
}

func (s *Server) mentorCurriculum(c *fiber.Ctx) error {
	cur, err := s.curriculumFromParam(c)
	if err != nil {
		return err
	}
	lang := langOf(c)
	empty := &domain.Progress{Statuses: map[string]string{}, Read: map[string]bool{}}
	items := make([]itemStatus, len(cur.Items))
	for i, it := range cur.Items {
		items[i] = s.itemView(lang, it, empty)
	}
	var options []pickOption
	for _, g := range s.content.GuidesIn(lang) {
		options = append(options, pickOption{Value: "guide:" + g.Slug, Label: g.Title + " (" + s.msgs.T(lang, "level."+g.Level) + ")", Group: "guide"})
	}
	for _, l := range s.labs.Labs {
		options = append(options, pickOption{Value: "lab:" + l.ID, Label: l.Title + " (" + s.msgs.T(lang, "level."+l.Level) + ", " + s.msgs.T(lang, "kind."+l.Kind) + ")", Group: "lab"})
	}
	msg, errKey := flash(c)
	return c.Render("mentor_curriculum", s.view(c, "mentor", cur.Title, fiber.Map{
		"Curriculum": cur, "Items": items, "Options": options, "Levels": content.Levels, "Msg": msg, "Error": errKey,
	}))
}

func (s *Server) mentorSaveCurriculum(c *fiber.Ctx) error {
	cur, err := s.curriculumFromParam(c)
	if err != nil {
		return err
	}
	cur.Title, cur.Description = c.FormValue("title"), c.FormValue("description")
	if lv := c.FormValue("target_level"); lv == "" || content.LevelIndex(lv) >= 0 {
		cur.TargetLevel = lv
	}
	if err := s.ops.UpdateCurriculum(c.UserContext(), currentUser(c), cur); err != nil {
		return flashError(c, err, curriculumURL(cur.ID), "")
	}
	return c.Redirect(curriculumURL(cur.ID)+"?msg=saved", fiber.StatusSeeOther)
}

// mentorEditItems adds, moves or removes one item. Each action is its own
// form post, so the builder needs no JavaScript.
func (s *Server) mentorEditItems(c *fiber.Ctx) error {
	cur, err := s.curriculumFromParam(c)
	if err != nil {
		return err
	}
	switch action := c.FormValue("action"); action {
	case "add":
		kind, ref, _ := strings.Cut(c.FormValue("item"), ":")
		items, err := s.ops.CheckItems([]content.CurriculumItem{{Kind: kind, Ref: ref}})
		if err != nil {
			return c.Redirect(curriculumURL(cur.ID)+"?error=bad_input#items", fiber.StatusSeeOther)
		}
		cur.Items = append(cur.Items, items...)
	case "up", "down", "remove":
		pos, err := strconv.Atoi(c.FormValue("position"))
		if err != nil || pos < 0 || pos >= len(cur.Items) {
			return c.Redirect(curriculumURL(cur.ID)+"?error=bad_input#items", fiber.StatusSeeOther)
		}
		switch {
		case action == "remove":
			cur.Items = append(cur.Items[:pos], cur.Items[pos+1:]...)
		case action == "up" && pos > 0:
			cur.Items[pos-1], cur.Items[pos] = cur.Items[pos], cur.Items[pos-1]
		case action == "down" && pos+1 < len(cur.Items):
			cur.Items[pos+1], cur.Items[pos] = cur.Items[pos], cur.Items[pos+1]
		}
	default:
		return fiber.NewError(fiber.StatusBadRequest, "unknown action")
	}
	if err := s.ops.UpdateCurriculum(c.UserContext(), currentUser(c), cur); err != nil {
		return flashError(c, err, curriculumURL(cur.ID), "#items")
	}
	return c.Redirect(curriculumURL(cur.ID)+"#items", fiber.StatusSeeOther)
}

type submissionView struct {
	store.Submission
	Title    string
	Retired  bool
	Comments []store.Comment
	Message  string
	Error    string
}

// mentorLearner shows one learner to a mentor who follows them.
func (s *Server) mentorLearner(c *fiber.Ctx) error {
	id, err := idParam(c, "id")
	if err != nil {
		return err
	}
	learner, err := s.ops.Learner(c.UserContext(), currentUser(c), id)
	if err != nil {
		return err
	}
	ctx := c.UserContext()
	lang := langOf(c)
	p, err := s.ops.Progress(ctx, learner.ID)
	if err != nil {
		return err
	}
	var rows []competencyRow
	for i, cl := range p.Assessment.Competencies {
		rows = append(rows, competencyRow{Competency: s.content.Framework.Competencies[i], Level: cl, LevelIndex: content.LevelIndex(cl.Level), Self: p.Self[cl.ID]})
	}
	subs, err := s.store.Submissions(ctx, learner.ID, "", 50)
	if err != nil {
		return err
	}
	comments, err := s.store.CommentsForLearner(ctx, learner.ID)
	if err != nil {
		return err
	}
	bySub := map[int64][]store.Comment{}
	for _, cm := range comments {
		bySub[cm.SubmissionID] = append(bySub[cm.SubmissionID], cm)
	}
	views := make([]submissionView, len(subs))
	for i, sub := range subs {
		v := submissionView{Submission: sub, Comments: bySub[sub.ID], Title: s.itemTitle(lang, "lab", sub.LabID), Retired: s.labs.Lab(sub.LabID) == nil}
		v.Message, v.Error = sub.Verdict.Message, sub.Verdict.Error
		views[i] = v
	}
	endorsements, err := s.store.Endorsements(ctx, learner.ID)
	if err != nil {
		return err
	}
	assigns, err := s.learnerAssignments(ctx, lang, learner.ID, p)
	if err != nil {
		return err
	}
	msg, errKey := flash(c)
	return c.Render("mentor_learner", s.view(c, "mentor", learner.DisplayName, fiber.Map{
		"Learner": learner, "Overall": p.Assessment.Overall, "Rows": rows, "Submissions": views, "Endorsements": endorsements,
		"Assignments": assigns, "Levels": content.Levels, "Competencies": s.content.Framework.Competencies, "Msg": msg, "Error": errKey,
	}))
}

func learnerURL(id int64) string { return "/mentor/learners/" + strconv.FormatInt(id, 10) }

func (s *Server) mentorComment(c *fiber.Ctx) error {
	id, err := idParam(c, "id")
	if err != nil {
		return err
	}
	_, sub, err := s.ops.Comment(c.UserContext(), currentUser(c), id, c.FormValue("body"))
	anchor := "#sub-" + strconv.FormatInt(id, 10)
	if err != nil {
		return flashError(c, err, learnerURL(sub.UserID), anchor)
	}
	return c.Redirect(learnerURL(sub.UserID)+"?msg=commented"+anchor, fiber.StatusSeeOther)
}

func (s *Server) mentorEndorse(c *fiber.Ctx) error {
	id, err := idParam(c, "id")
	if err != nil {
		return err
	}
	in := domain.EndorseInput{Competency: c.FormValue("competency"), Level: c.FormValue("level"), Note: c.FormValue("note")}
	if _, err := s.ops.Endorse(c.UserContext(), currentUser(c), id, in); err != nil {
		return flashError(c, err, learnerURL(id), "#endorse")
	}
	return c.Redirect(learnerURL(id)+"?msg=endorsed#endorse", fiber.StatusSeeOther)
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
