package handlers

import (
	"errors"
	"html/template"
	"time"

	"github.com/gofiber/fiber/v2"

	"ladder/content"
	"ladder/domain"
	"ladder/store"
)

func (s *Server) taskFromParam(c *fiber.Ctx) (*content.Task, error) {
	t := s.content.Task(c.Params("id"))
	if t == nil {
		return nil, fiber.ErrNotFound
	}
	return t, nil
}

// versionView is one version of a learner's work with its review, ready
// for a page: Markdown is rendered by the same safe renderer as guides.
type versionView struct {
	store.TaskSubmission
	Number   int
	Rendered template.HTML
	Marks    []markView
}

type markView struct {
	store.CriterionMark
	Criterion string
}

func (s *Server) versionView(t *content.Task, lang string, sub store.TaskSubmission, number int) versionView {
	v := versionView{TaskSubmission: sub, Number: number}
	if sub.Deliverable == "markdown" {
		if r, err := s.content.Renderer.Render([]byte(sub.Body)); err == nil {
			v.Rendered = r.HTML
		}
	}
	if sub.Review != nil {
		text := map[string]string{}
		if t != nil {
			for _, c := range t.In(lang).Rubric {
				text[c.ID] = c.Criterion
			}
		}
		for _, m := range sub.Review.Criteria {
			v.Marks = append(v.Marks, markView{CriterionMark: m, Criterion: text[m.ID]})
		}
	}
	return v
}

type taskCard struct {
	Task   *content.Task
	Text   *content.TaskText
	Status string
}

func (s *Server) taskList(c *fiber.Ctx) error {
	lang := langOf(c)
	status := map[string]string{}
	if u := currentUser(c); u != nil {
		p, err := s.ops.Progress(c.UserContext(), u.ID)
		if err != nil {
			return err
		}
		status = p.Tasks
	}
	cards := make([]taskCard, 0, len(s.content.Tasks))
	for _, t := range s.content.Tasks {
		cards = append(cards, taskCard{Task: t, Text: t.In(lang), Status: status[t.ID]})
	}
	return c.Render("tasks", s.view(c, "tasks", s.msgs.T(lang, "tasks.title"), fiber.Map{"Tasks": cards}))
}

// taskPage shows the brief, the rubric, the form for a new version and
// every earlier version with its review.
func (s *Server) taskPage(c *fiber.Ctx) error {
	t, err := s.taskFromParam(c)
	if err != nil {
		return err
	}
	return s.renderTask(c, t, fiber.StatusOK, domain.TaskInput{}, "", "")
}

func (s *Server) renderTask(c *fiber.Ctx, t *content.Task, status int, draft domain.TaskInput, preview template.HTML, errKey string) error {
	lang := langOf(c)
	var versions []versionView
	if u := currentUser(c); u != nil {
		subs, err := s.ops.TaskVersions(c.UserContext(), u, u.ID, t.ID)
		if err != nil {
			return err
		}
		for i, sub := range subs {
			versions = append(versions, s.versionView(t, lang, sub, len(subs)-i))
		}
	}
	msg := ""
	if c.Query("sent") == "1" {
		msg = "task.sent"
	}
	text := t.In(lang)
	return c.Status(status).Render("task", s.view(c, "tasks", text.Title, fiber.Map{
		"Task": t, "Text": text, "Versions": versions, "Draft": draft, "Preview": preview, "Error": errKey, "Msg": msg,
		"Translated": lang == "en" || text != t.In("en"),
	}))
}

// taskSubmit stores a new version, or with action=preview shows the
// rendered Markdown without storing anything: the preview works without
// JavaScript.
func (s *Server) taskSubmit(c *fiber.Ctx) error {
	t, err := s.taskFromParam(c)
	if err != nil {
		return err
	}
	in := domain.TaskInput{Body: c.FormValue("body"), Link: c.FormValue("link")}
	if c.FormValue("action") == "preview" {
		r, err := s.content.Renderer.Render([]byte(in.Body))
		if err != nil {
			return err
		}
		return s.renderTask(c, t, fiber.StatusOK, in, r.HTML, "")
	}
	if _, err := s.ops.SubmitTask(c.UserContext(), currentUser(c), t, in); err != nil {
		key, ok := messageKey(err)
		if !ok {
			return err
		}
		return s.renderTask(c, t, status(err), in, "", key)
	}
	return c.Redirect("/tasks/"+t.ID+"?sent=1#versions", fiber.StatusSeeOther)
}

// reviewQueuePage lists the versions waiting for the mentor, oldest first.
func (s *Server) reviewQueuePage(c *fiber.Ctx) error {
	queue, err := s.ops.ReviewQueue(c.UserContext(), currentUser(c))
	if err != nil {
		return err
	}
	lang := langOf(c)
	type row struct {
		store.TaskSubmission
		Title string
	}
	rows := make([]row, len(queue))
	for i, q := range queue {
		rows[i] = row{TaskSubmission: q, Title: s.itemTitle(lang, "task", q.TaskID)}
	}
	return c.Render("mentor_reviews", s.view(c, "mentor", s.msgs.T(lang, "review.queue"), fiber.Map{"Queue": rows, "Msg": flashMsg(c)}))
}

func flashMsg(c *fiber.Ctx) string {
	if c.Query("msg") == "reviewed" {
		return "review.saved"
	}
	return ""
}

// reviewPage shows one version with the rubric to mark.
func (s *Server) reviewPage(c *fiber.Ctx) error {
	id, err := idParam(c, "id")
	if err != nil {
		return err
	}
	return s.renderReview(c, id, fiber.StatusOK, "")
}

func (s *Server) renderReview(c *fiber.Ctx, id int64, status int, errKey string) error {
	sub, err := s.ops.TaskSubmission(c.UserContext(), currentUser(c), id)
	if err != nil {
		return err
	}
	lang := langOf(c)
	t := s.content.Task(sub.TaskID)
	learner, err := s.ops.Learner(c.UserContext(), currentUser(c), sub.UserID)
	if err != nil {
		return err
	}
	var rubric []content.Criterion
	title := s.itemTitle(lang, "task", sub.TaskID)
	if t != nil {
		rubric = t.In(lang).Rubric
	}
	history, err := s.ops.TaskVersions(c.UserContext(), currentUser(c), learner.ID, sub.TaskID)
	if err != nil {
		return err
	}
	var earlier []versionView
	for i, h := range history {
		if h.ID != sub.ID {
			earlier = append(earlier, s.versionView(t, lang, h, len(history)-i))
		}
	}
	return c.Status(status).Render("mentor_review", s.view(c, "mentor", title, fiber.Map{
		"Version": s.versionView(t, lang, sub, 0), "Title": title, "Rubric": rubric, "Learner": learner, "Earlier": earlier,
		"Error": errKey, "Retired": t == nil,
	}))
}

func (s *Server) reviewSubmit(c *fiber.Ctx) error {
	id, err := idParam(c, "id")
	if err != nil {
		return err
	}
	sub, err := s.ops.TaskSubmission(c.UserContext(), currentUser(c), id)
	if err != nil {
		return err
	}
	in := domain.ReviewInput{Decision: c.FormValue("decision"), Comment: c.FormValue("comment")}
	if t := s.content.Task(sub.TaskID); t != nil {
		for _, cid := range t.RubricIDs() {
			met := c.FormValue("met_" + cid)
			if met == "" {
				continue // left unmarked: the operation names it
			}
			in.Criteria = append(in.Criteria, store.CriterionMark{ID: cid, Met: met == "yes", Comment: c.FormValue("comment_" + cid)})
		}
	}
	if _, err := s.ops.Review(c.UserContext(), currentUser(c), id, in); err != nil {
		key, ok := messageKey(err)
		if !ok || errors.Is(err, domain.ErrNotFound) {
			return err
		}
		return s.renderReview(c, id, status(err), key)
	}
	return c.Redirect("/mentor/reviews?msg=reviewed", fiber.StatusSeeOther)
}

type apiTask struct {
	ID           string   `json:"id"`
	Title        string   `json:"title"`
	Level        string   `json:"level"`
	Competencies []string `json:"competencies"`
	Deliverable  string   `json:"deliverable"`
}

func toAPITask(t *content.Task, lang string) apiTask {
	return apiTask{ID: t.ID, Title: t.In(lang).Title, Level: t.Level, Competencies: t.Competencies, Deliverable: t.Deliverable}
}

func (s *Server) apiTasks(c *fiber.Ctx) error {
	out := make([]apiTask, 0, len(s.content.Tasks))
	for _, t := range s.content.Tasks {
		out = append(out, toAPITask(t, langOf(c)))
	}
	return c.JSON(out)
}

func (s *Server) apiTask(c *fiber.Ctx) error {
	t, err := s.taskFromParam(c)
	if err != nil {
		return err
	}
	text := t.In(langOf(c))
	return c.JSON(fiber.Map{"id": t.ID, "title": text.Title, "summary": text.Summary, "level": t.Level, "competencies": t.Competencies,
		"deliverable": t.Deliverable, "estimated_minutes": t.EstimatedMinutes, "brief_html": string(text.Brief.HTML), "rubric": text.Rubric})
}

func (s *Server) apiSubmitTask(c *fiber.Ctx) error {
	t, err := s.taskFromParam(c)
	if err != nil {
		return err
	}
	var in domain.TaskInput
	if err := decodeJSON(c, &in); err != nil {
		return err
	}
	id, err := s.ops.SubmitTask(c.UserContext(), currentUser(c), t, in)
	if err != nil {
		return err
	}
	return c.Status(fiber.StatusCreated).JSON(fiber.Map{"id": id, "task": t.ID, "status": store.TaskPending})
}

type apiReview struct {
	Decision   string                `json:"decision"`
	Criteria   []store.CriterionMark `json:"criteria"`
	Comment    string                `json:"comment"`
	ReviewerID int64                 `json:"reviewer_id"`
	Reviewer   string                `json:"reviewer"`
	CreatedAt  string                `json:"created_at"`
}

func toAPIReview(r *store.TaskReview) *apiReview {
	if r == nil {
		return nil
	}
	return &apiReview{Decision: r.Decision, Criteria: r.Criteria, Comment: r.Comment, ReviewerID: r.ReviewerID, Reviewer: r.Reviewer,
		CreatedAt: r.CreatedAt.UTC().Format(time.RFC3339)}
}

// apiMyTasks lists the caller's latest version of each task with its
// status and review; "versions" counts every version kept.
func (s *Server) apiMyTasks(c *fiber.Ctx) error {
	subs, err := s.ops.MyTasks(c.UserContext(), currentUser(c))
	if err != nil {
		return err
	}
	out := []fiber.Map{}
	at := map[string]int{}
	for _, sub := range subs { // newest first: the first of a task is its latest
		if i, seen := at[sub.TaskID]; seen {
			out[i]["versions"] = out[i]["versions"].(int) + 1
			continue
		}
		at[sub.TaskID] = len(out)
		out = append(out, fiber.Map{"task": sub.TaskID, "submission_id": sub.ID, "status": sub.Status(), "review": toAPIReview(sub.Review),
			"submitted_at": sub.CreatedAt.UTC().Format(time.RFC3339), "versions": 1, "retired": s.content.Task(sub.TaskID) == nil})
	}
	return c.JSON(out)
}

func (s *Server) apiReviewQueue(c *fiber.Ctx) error {
	queue, err := s.ops.ReviewQueue(c.UserContext(), currentUser(c))
	if err != nil {
		return err
	}
	out := make([]fiber.Map, 0, len(queue))
	for _, q := range queue {
		out = append(out, fiber.Map{"submission_id": q.ID, "task": q.TaskID, "user_id": q.UserID, "display_name": q.Author,
			"submitted_at": q.CreatedAt.UTC().Format(time.RFC3339)})
	}
	return c.JSON(out)
}

func (s *Server) apiReview(c *fiber.Ctx) error {
	id, err := idParam(c, "id")
	if err != nil {
		return err
	}
	var in domain.ReviewInput
	if err := decodeJSON(c, &in); err != nil {
		return err
	}
	rid, err := s.ops.Review(c.UserContext(), currentUser(c), id, in)
	if err != nil {
		return err
	}
	return c.Status(fiber.StatusCreated).JSON(fiber.Map{"id": rid, "submission_id": id, "decision": in.Decision})
}
