package handlers

import (
	"strconv"

	"github.com/gofiber/fiber/v2"

	"ladder/content"
	"ladder/domain"
)

func (s *Server) guideFromParam(c *fiber.Ctx) (*content.Guide, error) {
	g := s.content.Guide(c.Params("slug"))
	if g == nil {
		return nil, fiber.ErrNotFound
	}
	return g, nil
}

// quizSubmit grades the quiz form at the end of a guide and shows the guide
// again with each answer marked. It works without JavaScript.
func (s *Server) quizSubmit(c *fiber.Ctx) error {
	g, err := s.guideFromParam(c)
	if err != nil {
		return err
	}
	answers := map[string][]int{}
	for _, q := range g.Quiz.Questions {
		for _, raw := range c.Request().PostArgs().PeekMulti("q_" + q.ID) {
			n, err := strconv.Atoi(string(raw))
			if err != nil {
				return fiber.NewError(fiber.StatusBadRequest, s.text(c, "quiz.err_choice"))
			}
			answers[q.ID] = append(answers[q.ID], n)
		}
	}
	out, err := s.ops.AnswerQuiz(c.UserContext(), currentUser(c), g, answers)
	if err != nil {
		return err
	}
	c.Locals("quizOutcome", &out)
	return s.guidePage(c)
}

type apiQuestion struct {
	ID       string   `json:"id"`
	Text     string   `json:"text"`
	Choices  []string `json:"choices"`
	Multiple bool     `json:"multiple"`
}

// apiQuiz returns a guide's quiz without its answers.
func (s *Server) apiQuiz(c *fiber.Ctx) error {
	g, err := s.guideFromParam(c)
	if err != nil {
		return err
	}
	qs := make([]apiQuestion, len(g.Quiz.Questions))
	for i, q := range g.Quiz.Questions {
		qs[i] = apiQuestion{ID: q.ID, Text: q.Text, Choices: q.Choices, Multiple: q.Multiple()}
	}
	return c.JSON(fiber.Map{"guide": g.Slug, "pass": g.Quiz.Pass, "questions": qs})
}

type apiQuizResult struct {
	ID      string `json:"id"`
	Correct bool   `json:"correct"`
	Explain string `json:"explain"`
}

// apiAnswerQuiz grades an attempt; signed-in callers' attempts are stored.
func (s *Server) apiAnswerQuiz(c *fiber.Ctx) error {
	g, err := s.guideFromParam(c)
	if err != nil {
		return err
	}
	var in struct {
		Answers map[string][]int `json:"answers"`
	}
	if err := decodeJSON(c, &in); err != nil {
		return err
	}
	if in.Answers == nil {
		return fiber.NewError(fiber.StatusBadRequest, `the body needs "answers": {"<question id>": [choice index, ...]}`)
	}
	out, err := s.ops.AnswerQuiz(c.UserContext(), currentUser(c), g, in.Answers)
	if err != nil {
		return err
	}
	results := make([]apiQuizResult, len(out.Results))
	for i, r := range out.Results {
		results[i] = apiQuizResult{ID: r.ID, Correct: r.Correct, Explain: r.Explain}
	}
	return c.JSON(fiber.Map{"passed": out.Passed, "score": round3(out.Score), "correct": out.Correct, "total": len(out.Results),
		"results": results, "stored": out.Stored})
}

// quizView pairs a guide's questions with the outcome of an attempt, for
// the template: nothing about the answers is in it before an attempt.
type quizView struct {
	Outcome   *domain.QuizOutcome
	Questions []questionView
	PassPct   int
}

type questionView struct {
	ID, Text string
	Multiple bool
	Choices  []choiceView
	Answered bool
	Correct  bool
	Explain  string
}

type choiceView struct {
	Index   int
	Text    string
	Checked bool
}

func newQuizView(q *content.Quiz, out *domain.QuizOutcome) quizView {
	v := quizView{Outcome: out, PassPct: int(q.Pass*100 + 0.5)}
	for i, qu := range q.Questions {
		qv := questionView{ID: qu.ID, Text: qu.Text, Multiple: qu.Multiple()}
		chosen := map[int]bool{}
		if out != nil {
			r := out.Results[i]
			qv.Answered, qv.Correct, qv.Explain = true, r.Correct, r.Explain
			for _, c := range r.Chosen {
				chosen[c] = true
			}
		}
		for ci, text := range qu.Choices {
			qv.Choices = append(qv.Choices, choiceView{Index: ci, Text: text, Checked: chosen[ci]})
		}
		v.Questions = append(v.Questions, qv)
	}
	return v
}
