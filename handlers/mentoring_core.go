package handlers

import (
	"context"
	"sort"
	"strings"
	"time"

	"github.com/gofiber/fiber/v2"

	"ladder/content"
	"ladder/domain"
	"ladder/store"
)

// itemStatus is one curriculum item for one learner.
type itemStatus struct {
	Kind, Ref, Title, URL string
	Done, Retired         bool
}

// assignmentView is an assignment with the learner's progress through it.
type assignmentView struct {
	store.Assignment
	Curriculum store.Curriculum
	Items      []itemStatus
	Done       int
	Overdue    bool
}

// itemDone says whether a learner's evidence completes an item. A guide
// counts in either language; an unknown item is retired and never done.
func (s *Server) itemDone(it store.CurriculumItem, p *domain.Progress) (done, retired bool) {
	switch it.Kind {
	case "lab":
		if s.labs.Lab(it.Ref) == nil {
			return false, true
		}
		return p.Statuses[it.Ref] == store.StatusPassed, false
	case "guide":
		g := s.content.Guide(it.Ref)
		if g == nil {
			return false, true
		}
		return p.Read[g.TranslationKey], false
	}
	return false, true
}

func (s *Server) itemView(lang string, it store.CurriculumItem, p *domain.Progress) itemStatus {
	done, retired := s.itemDone(it, p)
	st := itemStatus{Kind: it.Kind, Ref: it.Ref, Done: done, Retired: retired}
	ref := it.Ref
	if it.Kind == "guide" {
		if g := s.content.Guide(it.Ref); g != nil {
			ref = g.TranslationKey
		}
	}
	st.Title, st.URL = s.itemTitle(lang, it.Kind, ref), s.itemURL(lang, it.Kind, ref)
	return st
}

// learnerAssignments lists a learner's assignments with their status.
func (s *Server) learnerAssignments(ctx context.Context, lang string, userID int64, p *domain.Progress) ([]assignmentView, error) {
	list, err := s.store.AssignmentsOfLearner(ctx, userID)
	if err != nil {
		return nil, err
	}
	curricula, err := s.store.CurriculaByID(ctx, curriculumIDs(list))
	if err != nil {
		return nil, err
	}
	out := make([]assignmentView, 0, len(list))
	for _, a := range list {
		v := assignmentView{Assignment: a, Curriculum: curricula[a.CurriculumID]}
		for _, it := range v.Curriculum.Items {
			st := s.itemView(lang, it, p)
			if st.Done {
				v.Done++
			}
			v.Items = append(v.Items, st)
		}
		v.Overdue = domain.IsOverdue(a.Due, v.Done == len(v.Items), s.now())
		out = append(out, v)
	}
	return out, nil
}

func curriculumIDs(list []store.Assignment) []int64 {
	ids := make([]int64, 0, len(list))
	for _, a := range list {
		ids = append(ids, a.CurriculumID)
	}
	return ids
}

// cohortRow is one learner in the mentor's progress table.
type cohortRow struct {
	User         store.User
	Level        string
	Items        []itemStatus
	Done         int
	LastActivity time.Time
	Overdue      bool
	Stuck        bool
}

// cohortTable builds the progress table: learners as rows, the items of
// every assignment of the cohort as columns.
func (s *Server) cohortTable(ctx context.Context, lang string, co store.Cohort) ([]store.CurriculumItem, []cohortRow, error) {
	assigns, err := s.store.AssignmentsOfCohort(ctx, co.ID)
	if err != nil {
		return nil, nil, err
	}
	curricula, err := s.store.CurriculaByID(ctx, curriculumIDs(assigns))
	if err != nil {
		return nil, nil, err
	}
	var cols []store.CurriculumItem
	seen := map[string]bool{}
	for _, a := range assigns {
		cur := curricula[a.CurriculumID]
		if a.CohortID == 0 {
			continue // one learner's own assignment: counted for overdue, not a column
		}
		for _, it := range cur.Items {
			if k := it.Kind + ":" + it.Ref; !seen[k] {
				seen[k] = true
				cols = append(cols, it)
			}
		}
	}
	members, err := s.store.Members(ctx, co.ID)
	if err != nil {
		return nil, nil, err
	}
	ids := make([]int64, len(members))
	for i, m := range members {
		ids[i] = m.ID
	}
	evidence, err := s.store.Evidence(ctx, ids)
	if err != nil {
		return nil, nil, err
	}
	joined, err := s.store.JoinedAt(ctx, co.ID)
	if err != nil {
		return nil, nil, err
	}
	now := s.now()
	rows := make([]cohortRow, 0, len(members))
	for _, m := range members {
		ev := evidence[m.ID]
		p := s.ops.Assess(ev)
		r := cohortRow{User: m, Level: p.Assessment.Overall, LastActivity: ev.LastActivity}
		for _, it := range cols {
			st := s.itemView(lang, it, p)
			if st.Done {
				r.Done++
			}
			r.Items = append(r.Items, st)
		}
		for _, a := range assigns {
			if a.CohortID == 0 && a.UserID != m.ID {
				continue
			}
			cur := curricula[a.CurriculumID]
			done := 0
			for _, it := range cur.Items {
				if d, _ := s.itemDone(it, p); d {
					done++
				}
			}
			complete := done == len(cur.Items)
			r.Overdue = r.Overdue || domain.IsOverdue(a.Due, complete, now)
			r.Stuck = r.Stuck || (!complete && domain.IsStuck(now, ev.LastActivity, joined[m.ID], a.CreatedAt))
		}
		rows = append(rows, r)
	}
	return cols, rows, nil
}

// sortRows orders the table by name, progress or last activity.
func sortRows(rows []cohortRow, by string) {
	sort.SliceStable(rows, func(i, j int) bool {
		a, b := rows[i], rows[j]
		switch by {
		case "progress":
			return a.Done > b.Done
		case "activity":
			return a.LastActivity.After(b.LastActivity)
		case "level":
			return content.LevelIndex(a.Level) > content.LevelIndex(b.Level)
		}
		return strings.ToLower(a.User.DisplayName) < strings.ToLower(b.User.DisplayName)
	})
}

func filterRows(rows []cohortRow, filter string) []cohortRow {
	if filter == "" {
		return rows
	}
	var out []cohortRow
	for _, r := range rows {
		if (filter == "overdue" && r.Overdue) || (filter == "stuck" && r.Stuck) || (filter == "attention" && (r.Overdue || r.Stuck)) {
			out = append(out, r)
		}
	}
	return out
}

// dashboardExtras adds the learner's assignments, cohorts and mentors'
// comments to the dashboard.
func (s *Server) dashboardExtras(c *fiber.Ctx, u *store.User, p *domain.Progress) (fiber.Map, error) {
	ctx := c.UserContext()
	assigns, err := s.learnerAssignments(ctx, langOf(c), u.ID, p)
	if err != nil {
		return nil, err
	}
	cohorts, err := s.store.CohortsOfLearner(ctx, u.ID)
	if err != nil {
		return nil, err
	}
	comments, err := s.store.CommentsForLearner(ctx, u.ID)
	if err != nil {
		return nil, err
	}
	unread := 0
	type commentView struct {
		store.Comment
		LabTitle string
	}
	views := make([]commentView, len(comments))
	for i, cm := range comments {
		if !cm.Read {
			unread++
		}
		views[i] = commentView{Comment: cm, LabTitle: s.itemTitle(langOf(c), "lab", cm.LabID)}
	}
	endorsements, err := s.store.Endorsements(ctx, u.ID)
	if err != nil {
		return nil, err
	}
	return fiber.Map{"Assignments": assigns, "Cohorts": cohorts, "Comments": views, "Unread": unread,
		"Endorsements": endorsements, "CSRF": c.Locals("csrf"), "Show": true}, nil
}
