package handlers

import (
	"encoding/csv"
	"errors"
	"fmt"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/gofiber/fiber/v2"

	"ladder/content"
	"ladder/store"
)

func idParam(c *fiber.Ctx, name string) (int64, error) {
	id, err := strconv.ParseInt(c.Params(name), 10, 64)
	if err != nil || id <= 0 {
		return 0, fiber.ErrNotFound
	}
	return id, nil
}

func (s *Server) apiCreateCohort(c *fiber.Ctx) error {
	var in struct {
		Name string `json:"name"`
	}
	if err := decodeJSON(c, &in); err != nil {
		return err
	}
	name, err := cleanName(in.Name, "name")
	if err != nil {
		return err
	}
	co, err := s.store.CreateCohort(c.UserContext(), currentUser(c).ID, name)
	if err != nil {
		return err
	}
	return c.Status(fiber.StatusCreated).JSON(fiber.Map{"id": co.ID, "name": co.Name, "join_code": co.JoinCode})
}

func cleanName(v, field string) (string, error) {
	v = strings.TrimSpace(v)
	switch {
	case v == "":
		return "", fiber.NewError(fiber.StatusBadRequest, field+" is required")
	case utf8.RuneCountInString(v) > 120:
		return "", fiber.NewError(fiber.StatusBadRequest, field+" must be at most 120 characters")
	}
	return v, nil
}

// msgNoLearner is the one answer for an unknown email, a mentor's and an
// admin's: only learners join cohorts, and a mentor must not learn which
// emails have accounts or staff roles.
const msgNoLearner = "no learner with this email"

// addMemberByEmail is shared by the API and the mentor page.
func (s *Server) addMemberByEmail(c *fiber.Ctx, co store.Cohort, email string) (store.User, error) {
	email = strings.ToLower(strings.TrimSpace(email))
	if email == "" {
		return store.User{}, fiber.NewError(fiber.StatusBadRequest, "email is required")
	}
	u, err := s.store.UserByEmail(c.UserContext(), email)
	if errors.Is(err, store.ErrNotFound) {
		return store.User{}, fiber.NewError(fiber.StatusUnprocessableEntity, msgNoLearner)
	}
	if err != nil {
		return u, err
	}
	err = s.store.AddMember(c.UserContext(), co.ID, u.ID)
	switch {
	case errors.Is(err, store.ErrNotLearner):
		return store.User{}, fiber.NewError(fiber.StatusUnprocessableEntity, msgNoLearner)
	case errors.Is(err, store.ErrAlreadyMember):
		return u, fiber.NewError(fiber.StatusConflict, "this learner is already in the cohort")
	case err != nil:
		return u, err
	}
	return u, nil
}

func (s *Server) apiAddMember(c *fiber.Ctx) error {
	co, err := s.cohortFromParam(c)
	if err != nil {
		return err
	}
	var in struct {
		Email string `json:"email"`
	}
	if err := decodeJSON(c, &in); err != nil {
		return err
	}
	u, err := s.addMemberByEmail(c, co, in.Email)
	if err != nil {
		return err
	}
	return c.Status(fiber.StatusCreated).JSON(fiber.Map{"cohort_id": co.ID, "user_id": u.ID, "email": u.Email})
}

func (s *Server) apiRemoveMember(c *fiber.Ctx) error {
	if _, err := s.removeMember(c); err != nil {
		return err
	}
	return c.SendStatus(fiber.StatusNoContent)
}

// removeMember takes the :user learner out of the :id cohort, shared by the
// API and the mentor page.
func (s *Server) removeMember(c *fiber.Ctx) (store.Cohort, error) {
	co, err := s.cohortFromParam(c)
	if err != nil {
		return co, err
	}
	uid, err := idParam(c, "user")
	if err != nil {
		return co, err
	}
	return co, s.store.RemoveMember(c.UserContext(), co.ID, uid)
}

// apiJoinCohort lets a signed-in learner redeem a join code.
func (s *Server) apiJoinCohort(c *fiber.Ctx) error {
	var in struct {
		Code string `json:"code"`
	}
	if err := decodeJSON(c, &in); err != nil {
		return err
	}
	co, err := s.joinCohort(c, in.Code)
	if err != nil {
		return err
	}
	return c.Status(fiber.StatusCreated).JSON(fiber.Map{"id": co.ID, "name": co.Name})
}

// msgJoinNotLearner answers a mentor or admin who tries a join code.
const msgJoinNotLearner = "only learners can join a cohort"

func (s *Server) joinCohort(c *fiber.Ctx, code string) (store.Cohort, error) {
	if currentUser(c).Role != store.RoleLearner {
		return store.Cohort{}, fiber.NewError(fiber.StatusForbidden, msgJoinNotLearner)
	}
	co, err := s.store.CohortByCode(c.UserContext(), code)
	if errors.Is(err, store.ErrNotFound) {
		return co, fiber.NewError(fiber.StatusNotFound, "no cohort has this join code")
	}
	if err != nil {
		return co, err
	}
	err = s.store.AddMember(c.UserContext(), co.ID, currentUser(c).ID)
	switch {
	case errors.Is(err, store.ErrNotLearner): // the role changed since this request began
		return store.Cohort{}, fiber.NewError(fiber.StatusForbidden, msgJoinNotLearner)
	case err != nil && !errors.Is(err, store.ErrAlreadyMember):
		return co, err
	}
	return co, nil
}

type curriculumInput struct {
	Title       string                   `json:"title"`
	Description string                   `json:"description"`
	TargetLevel string                   `json:"target_level"`
	Items       []content.CurriculumItem `json:"items"`
}

// checkItems refuses unknown guides and labs.
func (s *Server) checkItems(items []content.CurriculumItem) ([]store.CurriculumItem, error) {
	out := make([]store.CurriculumItem, 0, len(items))
	for i, it := range items {
		switch {
		case it.Kind == "guide" && s.content.Guide(it.Ref) != nil, it.Kind == "lab" && s.labs.Lab(it.Ref) != nil:
			out = append(out, store.CurriculumItem{Kind: it.Kind, Ref: it.Ref})
		case it.Kind != "guide" && it.Kind != "lab":
			return nil, fiber.NewError(fiber.StatusBadRequest, fmt.Sprintf("items[%d]: kind must be guide or lab", i))
		default:
			return nil, fiber.NewError(fiber.StatusBadRequest, fmt.Sprintf("items[%d]: unknown %s %q", i, it.Kind, it.Ref))
		}
	}
	if len(out) > 200 {
		return nil, fiber.NewError(fiber.StatusBadRequest, "a curriculum has at most 200 items")
	}
	return out, nil
}

func (s *Server) apiCreateCurriculum(c *fiber.Ctx) error {
	var in curriculumInput
	if err := decodeJSON(c, &in); err != nil {
		return err
	}
	title, err := cleanName(in.Title, "title")
	if err != nil {
		return err
	}
	if in.TargetLevel != "" && content.LevelIndex(in.TargetLevel) < 0 {
		return fiber.NewError(fiber.StatusBadRequest, "target_level must be junior, mid, senior or lead")
	}
	items, err := s.checkItems(in.Items)
	if err != nil {
		return err
	}
	id, err := s.store.CreateCurriculum(c.UserContext(), store.Curriculum{OwnerID: currentUser(c).ID, Title: title,
		Description: strings.TrimSpace(in.Description), TargetLevel: in.TargetLevel, Items: items})
	if err != nil {
		return err
	}
	return c.Status(fiber.StatusCreated).JSON(fiber.Map{"id": id})
}

// createAssignment validates and stores an assignment to a cohort or to
// one of its members.
func (s *Server) createAssignment(c *fiber.Ctx, co store.Cohort, curriculumID int64, due string, userID int64) (int64, error) {
	cur, err := s.curriculumForViewer(c, curriculumID)
	if errors.Is(err, store.ErrNotFound) || errors.Is(err, fiber.ErrNotFound) {
		return 0, fiber.NewError(fiber.StatusNotFound, "no curriculum with this id among yours")
	}
	if err != nil {
		return 0, err
	}
	day, err := parseDue(due)
	if err != nil {
		return 0, fiber.NewError(fiber.StatusBadRequest, err.Error())
	}
	a := store.Assignment{CurriculumID: cur.ID, CohortID: co.ID, Due: day, AssignedBy: currentUser(c).ID}
	if userID != 0 {
		members, err := s.store.Members(c.UserContext(), co.ID)
		if err != nil {
			return 0, err
		}
		found := false
		for _, m := range members {
			found = found || m.ID == userID
		}
		if !found {
			return 0, fiber.NewError(fiber.StatusNotFound, "this learner is not in the cohort")
		}
		a.CohortID, a.UserID = 0, userID
	}
	return s.store.CreateAssignment(c.UserContext(), a)
}

func (s *Server) apiCreateAssignment(c *fiber.Ctx) error {
	co, err := s.cohortFromParam(c)
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
	if in.CurriculumID <= 0 {
		return fiber.NewError(fiber.StatusBadRequest, "curriculum_id is required")
	}
	aid, err := s.createAssignment(c, co, in.CurriculumID, in.Due, in.UserID)
	if err != nil {
		return err
	}
	return c.Status(fiber.StatusCreated).JSON(fiber.Map{"id": aid})
}

type apiItem struct {
	Kind string `json:"kind"`
	Ref  string `json:"ref"`
	Done bool   `json:"done"`
}

func toAPIItems(items []itemStatus) []apiItem {
	out := make([]apiItem, len(items))
	for i, it := range items {
		out[i] = apiItem{Kind: it.Kind, Ref: it.Ref, Done: it.Done}
	}
	return out
}

func (s *Server) apiMyAssignments(c *fiber.Ctx) error {
	u := currentUser(c)
	p, err := s.loadProgress(c.UserContext(), u.ID)
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

func (s *Server) cohortFromParam(c *fiber.Ctx) (store.Cohort, error) {
	id, err := idParam(c, "id")
	if err != nil {
		return store.Cohort{}, err
	}
	return s.cohortForViewer(c, id)
}

func (s *Server) apiCohortProgress(c *fiber.Ctx) error {
	co, err := s.cohortFromParam(c)
	if err != nil {
		return err
	}
	_, rows, err := s.cohortTable(c.UserContext(), langOf(c), co)
	if err != nil {
		return err
	}
	learners := make([]fiber.Map, 0, len(rows))
	for _, r := range rows {
		last := ""
		if !r.LastActivity.IsZero() {
			last = r.LastActivity.UTC().Format("2006-01-02T15:04:05Z")
		}
		learners = append(learners, fiber.Map{"user_id": r.User.ID, "email": r.User.Email, "display_name": r.User.DisplayName,
			"items": toAPIItems(r.Items), "level": r.Level, "overdue": r.Overdue, "stuck": r.Stuck, "last_activity": last})
	}
	return c.JSON(fiber.Map{"cohort": fiber.Map{"id": co.ID, "name": co.Name}, "learners": learners})
}

// cohortCSV writes one row a learner and one column an item.
func (s *Server) cohortCSV(c *fiber.Ctx) error {
	co, err := s.cohortFromParam(c)
	if err != nil {
		return err
	}
	cols, rows, err := s.cohortTable(c.UserContext(), langOf(c), co)
	if err != nil {
		return err
	}
	c.Set(fiber.HeaderContentType, "text/csv; charset=utf-8")
	c.Set(fiber.HeaderContentDisposition, fmt.Sprintf(`attachment; filename="cohort-%d-progress.csv"`, co.ID))
	w := csv.NewWriter(c.Response().BodyWriter())
	head := []string{"user_id", "email", "display_name", "level"}
	for _, it := range cols {
		head = append(head, it.Kind+":"+it.Ref)
	}
	head = append(head, "done", "overdue", "last_activity")
	writeCSVRow(w, head)
	for _, r := range rows {
		rec := []string{strconv.FormatInt(r.User.ID, 10), r.User.Email, r.User.DisplayName, r.Level}
		for _, it := range r.Items {
			if it.Done {
				rec = append(rec, "done")
			} else {
				rec = append(rec, "open")
			}
		}
		last := ""
		if !r.LastActivity.IsZero() {
			last = r.LastActivity.UTC().Format("2006-01-02T15:04:05Z")
		}
		rec = append(rec, fmt.Sprintf("%d/%d", r.Done, len(cols)), strconv.FormatBool(r.Overdue), last)
		writeCSVRow(w, rec)
	}
	w.Flush()
	return w.Error()
}

// writeCSVRow writes one row with every cell through csvSafe. All cells go
// through it, not only the ones known to come from users today (emails,
// names, titles), so a new column cannot forget the guard. A write error
// sticks to w and comes back from w.Error after Flush.
func writeCSVRow(w *csv.Writer, cells []string) {
	safe := make([]string, len(cells))
	for i, v := range cells {
		safe[i] = csvSafe(v)
	}
	_ = w.Write(safe)
}

// csvSafe keeps a spreadsheet from reading a cell as a formula (OWASP's
// rule): a cell that starts with = + - @, TAB or CR gets a leading quote.
// The full-width forms count too, since spreadsheets in East Asian locales
// read ＝ as =. An email such as =1+1@x.io passes validation.
func csvSafe(v string) string {
	r, _ := utf8.DecodeRuneInString(v)
	if v != "" && strings.ContainsRune("=+-@\t\r＝＋－＠", r) {
		return "'" + v
	}
	return v
}

func (s *Server) apiComment(c *fiber.Ctx) error {
	id, err := idParam(c, "id")
	if err != nil {
		return err
	}
	var in struct {
		Body string `json:"body"`
	}
	if err := decodeJSON(c, &in); err != nil {
		return err
	}
	cid, err := s.commentOn(c, id, in.Body)
	if err != nil {
		return err
	}
	return c.Status(fiber.StatusCreated).JSON(fiber.Map{"id": cid, "submission_id": id})
}

// commentOn adds a mentor's comment to a submission the mentor may see.
func (s *Server) commentOn(c *fiber.Ctx, submissionID int64, body string) (int64, error) {
	sub, err := s.store.SubmissionByID(c.UserContext(), submissionID)
	if err != nil {
		return 0, err
	}
	ok, err := s.canSeeUser(c, currentUser(c), sub.UserID)
	if err != nil {
		return 0, err
	}
	if !ok {
		return 0, fiber.ErrNotFound
	}
	body = strings.TrimSpace(body)
	switch {
	case body == "":
		return 0, fiber.NewError(fiber.StatusBadRequest, "body is required")
	case utf8.RuneCountInString(body) > 4000:
		return 0, fiber.NewError(fiber.StatusBadRequest, "a comment is at most 4000 characters")
	}
	return s.store.AddComment(c.UserContext(), sub.ID, currentUser(c).ID, body)
}

func (s *Server) apiEndorse(c *fiber.Ctx) error {
	id, err := idParam(c, "id")
	if err != nil {
		return err
	}
	var in struct {
		Competency string `json:"competency"`
		Level      string `json:"level"`
		Note       string `json:"note"`
	}
	if err := decodeJSON(c, &in); err != nil {
		return err
	}
	eid, err := s.endorse(c, id, in.Competency, in.Level, in.Note)
	if err != nil {
		return err
	}
	return c.Status(fiber.StatusCreated).JSON(fiber.Map{"id": eid})
}

// endorse records a mentor's endorsement of a learner they follow.
func (s *Server) endorse(c *fiber.Ctx, learnerID int64, comp, level, note string) (int64, error) {
	learner, err := s.learnerForViewer(c, learnerID)
	if err != nil {
		return 0, err
	}
	if learner.ID == currentUser(c).ID {
		return 0, fiber.NewError(fiber.StatusBadRequest, "you cannot endorse yourself")
	}
	switch {
	case s.content.Framework.Competency(comp) == nil:
		return 0, fiber.NewError(fiber.StatusBadRequest, "unknown competency")
	case content.LevelIndex(level) < 0:
		return 0, fiber.NewError(fiber.StatusBadRequest, "level must be junior, mid, senior or lead")
	case utf8.RuneCountInString(note) > 1000:
		return 0, fiber.NewError(fiber.StatusBadRequest, "a note is at most 1000 characters")
	}
	return s.store.AddEndorsement(c.UserContext(), store.Endorsement{UserID: learner.ID, CompetencyID: comp, Level: level, Note: strings.TrimSpace(note), MentorID: currentUser(c).ID})
}
