package domain

import (
	"context"
	"errors"
	"net/url"
	"strings"
	"unicode/utf8"

	"ladder/content"
	"ladder/store"
)

// MaxTaskBody bounds a task submission: 64 KB of text.
const MaxTaskBody = 64 << 10

// Review decisions.
const (
	Approved         = store.TaskApproved
	ChangesRequested = store.TaskChangesRequested
)

// ErrAlreadyReviewed refuses a second review of one version.
var ErrAlreadyReviewed = &Error{Kind: Conflict, Msg: "this submission is already reviewed; the learner can send a new version", Key: "review.already"}

// TaskInput is a learner's work on a task: the text (Markdown, SQL, or a
// link's note) and, for link deliverables, the link.
type TaskInput struct {
	Body string `json:"body"`
	Link string `json:"link"`
}

// SubmitTask stores a new version of actor's work on a task. Versions are
// never edited; each new one waits for its own review.
func (s *Service) SubmitTask(ctx context.Context, actor *store.User, task *content.Task, in TaskInput) (int64, error) {
	if err := RequireRole(actor, store.RoleLearner, store.RoleMentor, store.RoleAdmin); err != nil {
		return 0, err
	}
	body, link := strings.TrimSpace(in.Body), strings.TrimSpace(in.Link)
	switch {
	case len(in.Body) > MaxTaskBody:
		return 0, invalid("task.err_long", "the submission is %d bytes; the limit is %d", len(in.Body), MaxTaskBody)
	case !utf8.ValidString(in.Body):
		return 0, invalid("task.err_empty", "the submission is not valid UTF-8 text")
	case task.Deliverable == "link":
		u, err := url.Parse(link)
		if err != nil || (u.Scheme != "https" && u.Scheme != "http") || u.Host == "" || len(link) > 2000 {
			return 0, invalid("task.err_link", "link must be an http or https URL")
		}
	case body == "":
		return 0, invalid("task.err_empty", "body is required: write the deliverable")
	}
	if task.Deliverable != "link" {
		link = ""
	}
	return s.store.SaveTaskSubmission(ctx, store.TaskSubmission{UserID: actor.ID, TaskID: task.ID, Deliverable: task.Deliverable, Body: body, Link: link})
}

// TaskSubmission returns a version to its author, the author's mentors
// and admins; to anyone else it does not exist.
func (s *Service) TaskSubmission(ctx context.Context, actor *store.User, id int64) (store.TaskSubmission, error) {
	sub, err := s.store.TaskSubmissionByID(ctx, id)
	if err != nil {
		return sub, notFound(err)
	}
	ok, err := s.CanSeeUser(ctx, actor, sub.UserID)
	if err != nil {
		return store.TaskSubmission{}, err
	}
	if !ok {
		return store.TaskSubmission{}, ErrNotFound
	}
	return sub, nil
}

// ReviewQueue lists the versions waiting for actor's review, oldest
// first: a mentor's own learners', or everyone's for an admin.
func (s *Service) ReviewQueue(ctx context.Context, actor *store.User) ([]store.TaskSubmission, error) {
	if err := RequireRole(actor, store.RoleMentor, store.RoleAdmin); err != nil {
		return nil, err
	}
	return s.store.ReviewQueue(ctx, MentorScope(actor))
}

// ReviewInput is a mentor's review: every rubric criterion marked, an
// overall comment and a decision.
type ReviewInput struct {
	Decision string                `json:"decision"`
	Criteria []store.CriterionMark `json:"criteria"`
	Comment  string                `json:"comment"`
}

// Review records a mentor's review of a learner's version. Only a mentor
// of the author, or an admin, may; to anyone else the version does not
// exist. Every criterion of the task's rubric must be marked, once.
func (s *Service) Review(ctx context.Context, actor *store.User, submissionID int64, in ReviewInput) (int64, error) {
	if err := RequireRole(actor, store.RoleMentor, store.RoleAdmin); err != nil {
		return 0, err
	}
	sub, err := s.TaskSubmission(ctx, actor, submissionID)
	if err != nil {
		return 0, err
	}
	if sub.UserID == actor.ID {
		return 0, ErrNotFound // nobody reviews their own work
	}
	task := s.content.Task(sub.TaskID)
	if task == nil {
		return 0, &Error{Kind: NotFound, Msg: "this task is retired and cannot be reviewed", Key: "task.retired"}
	}
	if in.Decision != Approved && in.Decision != ChangesRequested {
		return 0, invalid("review.err_decision", "decision must be approved or changes_requested")
	}
	want := task.RubricIDs()
	marks := map[string]store.CriterionMark{}
	for _, m := range in.Criteria {
		if !hasString(want, m.ID) {
			return 0, invalid("review.err_criteria", "criteria: %q is not in this task's rubric", m.ID)
		}
		if _, dup := marks[m.ID]; dup {
			return 0, invalid("review.err_criteria", "criteria: %q is marked twice", m.ID)
		}
		m.Comment = strings.TrimSpace(m.Comment)
		if utf8.RuneCountInString(m.Comment) > 2000 {
			return 0, invalid("review.err_criteria", "criteria: the comment on %q is over 2000 characters", m.ID)
		}
		marks[m.ID] = m
	}
	ordered := make([]store.CriterionMark, 0, len(want))
	for _, id := range want {
		m, ok := marks[id]
		if !ok {
			return 0, invalid("review.err_criteria", "criteria: %q is missing; mark every criterion met or not met", id)
		}
		ordered = append(ordered, m)
	}
	comment := strings.TrimSpace(in.Comment)
	if utf8.RuneCountInString(comment) > 4000 {
		return 0, invalid("", "comment: at most 4000 characters")
	}
	id, err := s.store.SaveTaskReview(ctx, store.TaskReview{SubmissionID: sub.ID, ReviewerID: actor.ID, Decision: in.Decision, Criteria: ordered, Comment: comment})
	if errors.Is(err, store.ErrAlreadyReviewed) {
		return 0, ErrAlreadyReviewed
	}
	return id, err
}

// MyTasks lists actor's versions of every task, newest first.
func (s *Service) MyTasks(ctx context.Context, actor *store.User) ([]store.TaskSubmission, error) {
	return s.store.TaskSubmissions(ctx, actor.ID, "")
}

func hasString(list []string, v string) bool {
	for _, x := range list {
		if x == v {
			return true
		}
	}
	return false
}

// TaskVersions lists every version of one task by a learner, newest
// first, to the learner, their mentors and admins.
func (s *Service) TaskVersions(ctx context.Context, actor *store.User, learnerID int64, taskID string) ([]store.TaskSubmission, error) {
	ok, err := s.CanSeeUser(ctx, actor, learnerID)
	if err != nil {
		return nil, err
	}
	if !ok {
		return nil, ErrNotFound
	}
	return s.store.TaskSubmissions(ctx, learnerID, taskID)
}
