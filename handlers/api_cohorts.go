package handlers

import (
	"encoding/csv"
	"fmt"
	"ladder/store"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/gofiber/fiber/v2"
)

func (s *Server) apiCreateCohort(c *fiber.Ctx) error {
	var in struct {
		Name string `json:"name"`
	}
	if err := decodeJSON(c, &in); err != nil {
		return err
	}
	co, err := s.ops.CreateCohort(c.UserContext(), currentUser(c), in.Name)
	if err != nil {
		return err
	}
	return c.Status(fiber.StatusCreated).JSON(fiber.Map{"id": co.ID, "name": co.Name, "join_code": co.JoinCode})
}

func (s *Server) apiAddMember(c *fiber.Ctx) error {
	id, err := idParam(c, "id")
	if err != nil {
		return err
	}
	var in struct {
		Email string `json:"email"`
	}
	if err := decodeJSON(c, &in); err != nil {
		return err
	}
	u, err := s.ops.AddMember(c.UserContext(), currentUser(c), id, in.Email)
	if err != nil {
		return err
	}
	return c.Status(fiber.StatusCreated).JSON(fiber.Map{"cohort_id": id, "user_id": u.ID, "email": u.Email})
}

func (s *Server) apiRemoveMember(c *fiber.Ctx) error {
	if _, err := s.removeMember(c); err != nil {
		return err
	}
	return c.SendStatus(fiber.StatusNoContent)
}

// removeMember takes the :user learner out of the :id cohort.
func (s *Server) removeMember(c *fiber.Ctx) (store.Cohort, error) {
	id, err := idParam(c, "id")
	if err != nil {
		return store.Cohort{}, err
	}
	uid, err := idParam(c, "user")
	if err != nil {
		return store.Cohort{}, err
	}
	return s.ops.RemoveMember(c.UserContext(), currentUser(c), id, uid)
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

func (s *Server) cohortFromParam(c *fiber.Ctx) (store.Cohort, error) {
	id, err := idParam(c, "id")
	if err != nil {
		return store.Cohort{}, err
	}
	return s.ops.Cohort(c.UserContext(), currentUser(c), id)
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
