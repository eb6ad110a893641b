package handlers

import (
	"errors"
	"ladder/labs"

	"github.com/gofiber/fiber/v2"
)

// labAndSQL reads the :id lab and the {"sql"} (or {"code"}) body of a run
// or a submission.
func (s *Server) labAndSQL(c *fiber.Ctx) (*labs.Lab, string, error) {
	lab, err := s.findLab(c)
	if err != nil {
		return nil, "", err
	}
	sqlText, err := readSQL(c, lab.Kind)
	return lab, sqlText, err
}

func (s *Server) apiRun(c *fiber.Ctx) error {
	lab, sqlText, err := s.labAndSQL(c)
	if err != nil {
		return err
	}
	res, err := s.ops.Run(c.UserContext(), lab, sqlText)
	var ref *labs.Refusal
	var sqlErr *labs.SQLError
	switch {
	case errors.As(err, &sqlErr):
		return c.Status(fiber.StatusUnprocessableEntity).JSON(fiber.Map{"error": sqlErr.Error(), "ko": labs.VerdictText{Error: sqlErr.In("ko")},
			"statement": sqlErr.Statement, "line": sqlErr.Line})
	case errors.As(err, &ref):
		return c.Status(fiber.StatusUnprocessableEntity).JSON(fiber.Map{"error": ref.Msg, "ko": labs.VerdictText{Error: ref.In("ko")}})
	case err != nil:
		return err
	}
	return c.JSON(res)
}

type apiVerdict struct {
	ID         int64                `json:"id,omitempty"`
	Passed     bool                 `json:"passed"`
	Datasets   []labs.DatasetResult `json:"datasets"`
	Message    string               `json:"message"`
	Error      string               `json:"error,omitempty"`
	Korean     *labs.VerdictText    `json:"ko,omitempty"` // message and error in Korean
	ErrorKind  string               `json:"error_kind,omitempty"`
	Statement  int                  `json:"statement,omitempty"`
	Line       int                  `json:"line,omitempty"`
	DurationMS float64              `json:"duration_ms"`
	Stored     bool                 `json:"stored"`
}

// apiSubmit grades and, for a signed-in learner, stores the submission
// before answering: 201 with its id. Anonymous callers get 200 and nothing
// is stored. A SQL error or sandbox refusal is 422, stored all the same so
// the attempt history is complete.
func (s *Server) apiSubmit(c *fiber.Ctx) error {
	lab, sqlText, err := s.labAndSQL(c)
	if err != nil {
		return err
	}
	v, id, err := s.ops.Submit(c.UserContext(), currentUser(c), lab, sqlText)
	if err != nil {
		return err
	}
	out := apiVerdict{ID: id, Passed: v.Passed, Datasets: v.Datasets, Message: v.Message, Error: v.Error, Korean: v.Korean, ErrorKind: v.ErrorKind,
		Statement: v.ErrorStatement, Line: v.ErrorLine, DurationMS: v.DurationMS, Stored: id != 0}
	if out.Datasets == nil {
		out.Datasets = []labs.DatasetResult{}
	}
	status := fiber.StatusOK
	switch {
	case v.ErrorKind != "":
		status = fiber.StatusUnprocessableEntity
	case id != 0:
		status = fiber.StatusCreated
	}
	return c.Status(status).JSON(out)
}

func (s *Server) labRunSubmit(c *fiber.Ctx) error {
	lab, err := s.findLab(c)
	if err != nil {
		return err
	}
	sqlText := formText(c)
	v, err := s.buildLabView(c, lab, sqlText)
	if err != nil {
		return err
	}
	if len(sqlText) > maxSQL {
		v.TooLarge = true
		v.revealSolution()
		return s.renderLab(c, v, fiber.StatusRequestEntityTooLarge)
	}
	if err := s.saveDraft(c, lab, sqlText); err != nil {
		return err
	}
	res, err := s.ops.Run(c.UserContext(), lab, sqlText)
	status := fiber.StatusOK
	var ref *labs.Refusal
	var sqlErr *labs.SQLError
	switch {
	case errors.As(err, &sqlErr):
		v.RunError, v.ErrorLine, status = sqlErr.In(langOf(c)), sqlErr.Line, fiber.StatusUnprocessableEntity
	case errors.As(err, &ref):
		v.RunError, status = ref.In(langOf(c)), fiber.StatusUnprocessableEntity
	case err != nil:
		return err
	default:
		v.Run = res.In(langOf(c))
	}
	v.revealSolution()
	return s.renderLab(c, v, status)
}

func (s *Server) labSubmitForm(c *fiber.Ctx) error {
	lab, err := s.findLab(c)
	if err != nil {
		return err
	}
	sqlText := formText(c)
	if len(sqlText) > maxSQL {
		v, err := s.buildLabView(c, lab, sqlText)
		if err != nil {
			return err
		}
		v.TooLarge = true
		return s.renderLab(c, v, fiber.StatusRequestEntityTooLarge)
	}
	if err := s.saveDraft(c, lab, sqlText); err != nil {
		return err
	}
	verdict, _, err := s.ops.Submit(c.UserContext(), currentUser(c), lab, sqlText)
	if err != nil {
		return err
	}
	v, err := s.buildLabView(c, lab, sqlText)
	if err != nil {
		return err
	}
	v.Verdict, v.Submitted = verdict, true
	v.revealSolution()
	if err := s.addPass(c, v); err != nil {
		return err
	}
	status := fiber.StatusOK
	if verdict.ErrorKind != "" {
		status = fiber.StatusUnprocessableEntity
	}
	return s.renderLab(c, v, status)
}

// maxSQL is the largest submission the handlers pass on: 64 KB.
var maxSQL = labs.DefaultLimits().MaxSQLBytes
