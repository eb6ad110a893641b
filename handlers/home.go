package handlers

import (
	"github.com/gofiber/fiber/v2"

	"ladder/content"
	"ladder/domain"
	"ladder/labs"
	"ladder/store"
)

// homeCohorts is how many cohorts the mentor's home lists; /mentor has
// them all.
const homeCohorts = 8

// kindCount is how many labs of one kind the catalog has.
type kindCount struct {
	Kind  string
	Count int
}

// home shows a visitor what Ladder holds (guides by track, labs, tasks),
// and puts a signed-in reader's own part first: a learner's level, next
// step and assignments; a mentor's cohorts and review queue.
func (s *Server) home(c *fiber.Ctx) error {
	lang := langOf(c)
	type track struct {
		Name   string
		Guides []*content.Guide
	}
	var tracks []track
	for _, name := range content.Tracks {
		t := track{Name: name}
		for _, g := range s.content.GuidesIn(lang) {
			if g.Track == name {
				t.Guides = append(t.Guides, g)
			}
		}
		if len(t.Guides) > 0 {
			tracks = append(tracks, t)
		}
	}
	var start *content.Guide
	if len(tracks) > 0 {
		start = tracks[0].Guides[0]
	}
	var kinds []kindCount
	for _, k := range []string{labs.KindQuery, labs.KindETL, labs.KindQuality, labs.KindCode} {
		n := 0
		for _, l := range s.labs.Labs {
			if l.Kind == k {
				n++
			}
		}
		if n > 0 {
			kinds = append(kinds, kindCount{Kind: k, Count: n})
		}
	}
	data := fiber.Map{"Tracks": tracks, "Start": start, "LabCount": len(s.labs.Labs), "LabKinds": kinds, "TaskCount": len(s.content.Tasks)}
	if u := currentUser(c); u != nil {
		var err error
		if u.Role == store.RoleMentor || u.Role == store.RoleAdmin {
			err = s.mentorHomePanel(c, u, data)
		} else {
			err = s.learnerHomePanel(c, u, data)
		}
		if err != nil {
			return err
		}
	}
	return c.Render("home", s.view(c, "home", "", data))
}

// learnerHomePanel adds the learner's overall level, the first of their
// next steps (the dashboard's order: open assigned items by due date, then
// what the level rule still needs) and their assignments.
func (s *Server) learnerHomePanel(c *fiber.Ctx, u *store.User, data fiber.Map) error {
	ctx, lang := c.UserContext(), langOf(c)
	p, err := s.ops.Progress(ctx, u.ID)
	if err != nil {
		return err
	}
	assigns, err := s.learnerAssignments(ctx, lang, u.ID, p)
	if err != nil {
		return err
	}
	var next *recommendation
	if steps := s.nextSteps(lang, p, assigns); len(steps) > 0 {
		next = &steps[0]
	}
	data["Learner"] = fiber.Map{"Overall": p.Assessment.Overall, "Next": next, "Assignments": assigns}
	return nil
}

// mentorHomePanel adds the mentor's cohorts (all of them for an admin, as
// on /mentor) and the length of their review queue.
func (s *Server) mentorHomePanel(c *fiber.Ctx, u *store.User, data fiber.Map) error {
	ctx := c.UserContext()
	cohorts, err := s.store.CohortsOfMentor(ctx, domain.MentorScope(u))
	if err != nil {
		return err
	}
	queue, err := s.ops.ReviewQueue(ctx, u)
	if err != nil {
		return err
	}
	more := len(cohorts) > homeCohorts
	if more {
		cohorts = cohorts[:homeCohorts]
	}
	data["Mentor"] = fiber.Map{"Cohorts": cohorts, "More": more, "Queue": len(queue)}
	return nil
}
