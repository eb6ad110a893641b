package handlers

import (
	"ladder/content"
	"ladder/domain"
	"ladder/store"
	"strconv"

	"github.com/gofiber/fiber/v2"
)

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
	rows := s.competencyRows(lang, p)
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
		text := sub.Verdict.In(lang)
		v.Message, v.Error = text.Message, text.Error
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
