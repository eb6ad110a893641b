package handlers

import (
	"encoding/json"
	"errors"
	"strconv"
	"strings"

	"github.com/gofiber/fiber/v2"

	"ladder/content"
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

// flashKey turns an error from a shared helper into a flash key, or
// returns the error when it is not a user mistake.
func flashKey(err error) (string, error) {
	var fe *fiber.Error
	if !errors.As(err, &fe) {
		return "", err
	}
	switch {
	case fe.Message == msgNoLearner:
		return "no_learner", nil
	case strings.Contains(fe.Message, "already in the cohort"):
		return "already_member", nil
	case strings.Contains(fe.Message, "RFC 3339 date"):
		return "bad_due", nil
	case strings.Contains(fe.Message, "not in the cohort"):
		return "not_member", nil
	case fe.Code == fiber.StatusBadRequest:
		return "bad_input", nil
	}
	return "", err
}

func (s *Server) mentorHome(c *fiber.Ctx) error {
	u := currentUser(c)
	cohorts, err := s.store.CohortsOfMentor(c.UserContext(), mentorScope(u))
	if err != nil {
		return err
	}
	curricula, err := s.store.CurriculaOf(c.UserContext(), mentorScope(u))
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
	name, err := cleanName(c.FormValue("name"), "name")
	if err != nil {
		return c.Redirect("/mentor?error=bad_input", fiber.StatusSeeOther)
	}
	co, err := s.store.CreateCohort(c.UserContext(), currentUser(c).ID, name)
	if err != nil {
		return err
	}
	return c.Redirect("/mentor/cohorts/"+strconv.FormatInt(co.ID, 10)+"?msg=cohort_created", fiber.StatusSeeOther)
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
		colViews[i] = s.itemView(langOf(c), it, &progress{Statuses: map[string]string{}, Read: map[string]bool{}})
	}
	curricula, err := s.store.CurriculaOf(ctx, mentorScope(currentUser(c)))
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
	if _, err := s.addMemberByEmail(c, co, c.FormValue("email")); err != nil {
		// Answered in place with the API's status (422 for "no learner"),
		// so the form and the API give the same answer.
		var fe *fiber.Error
		if !errors.As(err, &fe) {
			return err
		}
		key, err := flashKey(err)
		if err != nil {
			return err
		}
		c.Status(fe.Code)
		c.Locals("altPath", cohortURL(co.ID))
		return s.renderCohort(c, co, "", "flash."+key)
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
	if _, err := s.createAssignment(c, co, curID, c.FormValue("due"), userID); err != nil {
		key, err := flashKey(err)
		if err != nil {
			if errors.Is(err, fiber.ErrNotFound) {
				key = "bad_input"
			} else {
				return err
			}
		}
		return c.Redirect(cohortURL(co.ID)+"?error="+key+"#assign", fiber.StatusSeeOther)
	}
	return c.Redirect(cohortURL(co.ID)+"?msg=assigned#progress", fiber.StatusSeeOther)
}

func curriculumURL(id int64) string { return "/mentor/curricula/" + strconv.FormatInt(id, 10) }

func (s *Server) mentorNewCurriculum(c *fiber.Ctx) error {
	title, err := cleanName(c.FormValue("title"), "title")
	if err != nil {
		return c.Redirect("/mentor?error=bad_input#curricula", fiber.StatusSeeOther)
	}
	level := c.FormValue("target_level")
	if content.LevelIndex(level) < 0 {
		level = ""
	}
	id, err := s.store.CreateCurriculum(c.UserContext(), store.Curriculum{OwnerID: currentUser(c).ID, Title: title,
		Description: strings.TrimSpace(c.FormValue("description")), TargetLevel: level})
	if err != nil {
		return err
	}
	return c.Redirect(curriculumURL(id)+"?msg=saved", fiber.StatusSeeOther)
}

// mentorCopyCurriculum copies a shipped curriculum into the mentor's own.
func (s *Server) mentorCopyCurriculum(c *fiber.Ctx) error {
	shipped := s.content.Curriculum(c.Params("key"))
	if shipped == nil {
		return fiber.ErrNotFound
	}
	lang := langOf(c)
	cur := store.Curriculum{OwnerID: currentUser(c).ID, Title: shipped.Title.In(lang), Description: shipped.Description.In(lang),
		TargetLevel: shipped.TargetLevel, CopiedFrom: shipped.ID}
	for _, it := range shipped.Items {
		ref := it.Ref
		if it.Kind == "guide" {
			if g := s.content.Guide(it.Ref); g != nil {
				if t := s.content.Translation(g, lang); t != nil {
					ref = t.Slug
				}
			}
		}
		cur.Items = append(cur.Items, store.CurriculumItem{Kind: it.Kind, Ref: ref})
	}
	id, err := s.store.CreateCurriculum(c.UserContext(), cur)
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
	return s.curriculumForViewer(c, id)
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
	empty := &progress{Statuses: map[string]string{}, Read: map[string]bool{}}
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
	title, err := cleanName(c.FormValue("title"), "title")
	if err != nil {
		return c.Redirect(curriculumURL(cur.ID)+"?error=bad_input", fiber.StatusSeeOther)
	}
	cur.Title, cur.Description = title, strings.TrimSpace(c.FormValue("description"))
	if lv := c.FormValue("target_level"); lv == "" || content.LevelIndex(lv) >= 0 {
		cur.TargetLevel = lv
	}
	if err := s.store.UpdateCurriculum(c.UserContext(), cur); err != nil {
		return err
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
		items, err := s.checkItems([]content.CurriculumItem{{Kind: kind, Ref: ref}})
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
	if err := s.store.UpdateCurriculum(c.UserContext(), cur); err != nil {
		return err
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
	learner, err := s.learnerForViewer(c, id)
	if err != nil {
		return err
	}
	ctx := c.UserContext()
	lang := langOf(c)
	p, err := s.loadProgress(ctx, learner.ID)
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
		var verdict struct{ Message, Error string }
		_ = json.Unmarshal([]byte(sub.Verdict), &verdict)
		v.Message, v.Error = verdict.Message, verdict.Error
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
	if _, err := s.commentOn(c, id, c.FormValue("body")); err != nil {
		key, err := flashKey(err)
		if err != nil {
			return err
		}
		sub, _ := s.store.SubmissionByID(c.UserContext(), id)
		return c.Redirect(learnerURL(sub.UserID)+"?error="+key+"#sub-"+strconv.FormatInt(id, 10), fiber.StatusSeeOther)
	}
	sub, err := s.store.SubmissionByID(c.UserContext(), id)
	if err != nil {
		return err
	}
	return c.Redirect(learnerURL(sub.UserID)+"?msg=commented#sub-"+strconv.FormatInt(id, 10), fiber.StatusSeeOther)
}

func (s *Server) mentorEndorse(c *fiber.Ctx) error {
	id, err := idParam(c, "id")
	if err != nil {
		return err
	}
	if _, err := s.endorse(c, id, c.FormValue("competency"), c.FormValue("level"), c.FormValue("note")); err != nil {
		key, err := flashKey(err)
		if err != nil {
			return err
		}
		return c.Redirect(learnerURL(id)+"?error="+key+"#endorse", fiber.StatusSeeOther)
	}
	return c.Redirect(learnerURL(id)+"?msg=endorsed#endorse", fiber.StatusSeeOther)
}

// joinPage redeems a join link for a signed-in learner.
func (s *Server) joinLink(c *fiber.Ctx) error {
	co, err := s.store.CohortByCode(c.UserContext(), c.Params("code"))
	if errors.Is(err, store.ErrNotFound) {
		return fiber.ErrNotFound
	}
	if err != nil {
		return err
	}
	return c.Render("join", s.view(c, "dashboard", co.Name, fiber.Map{"Cohort": co, "NotLearner": currentUser(c).Role != store.RoleLearner}))
}

func (s *Server) joinSubmit(c *fiber.Ctx) error {
	if _, err := s.joinCohort(c, c.FormValue("code")); err != nil {
		var fe *fiber.Error
		switch {
		case errors.As(err, &fe) && fe.Code == fiber.StatusNotFound:
			return c.Redirect("/me?join=unknown#cohorts", fiber.StatusSeeOther)
		case errors.As(err, &fe) && fe.Code == fiber.StatusForbidden:
			return c.Redirect("/me?join=not_learner#cohorts", fiber.StatusSeeOther)
		}
		return err
	}
	return c.Redirect("/me?join=ok#cohorts", fiber.StatusSeeOther)
}
