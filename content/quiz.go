package content

import (
	"errors"
	"fmt"
	"io/fs"
	"slices"
	"strings"
)

// Quiz is a guide's quiz in one language (content-format.md, Quizzes).
type Quiz struct {
	Pass      float64     `yaml:"pass"`
	Questions []*Question `yaml:"questions"`
}

// Question is one question with its choices. Answer and Explain never go to
// a page before an attempt.
type Question struct {
	ID      string   `yaml:"id"`
	Text    string   `yaml:"text"`
	Choices []string `yaml:"choices"`
	Answer  []int    `yaml:"answer"`
	Explain string   `yaml:"explain"`
}

// Multiple reports whether more than one choice is right ("choose all that
// apply").
func (q *Question) Multiple() bool { return len(q.Answer) > 1 }

const (
	minQuestions = 4
	minChoices   = 2
	maxChoices   = 6
)

// quizPath is the quiz file beside a guide: guides/<lang>/<slug>.quiz.yaml.
func quizPath(guidePath string) string {
	return strings.TrimSuffix(guidePath, ".md") + ".quiz.yaml"
}

// loadQuiz reads and checks the quiz beside a guide. Every guide has one.
func loadQuiz(fsys fs.FS, guidePath string) (*Quiz, error) {
	p := quizPath(guidePath)
	data, err := fs.ReadFile(fsys, p)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, fmt.Errorf("%s: every guide needs its quiz beside it", p)
	}
	if err != nil {
		return nil, fmt.Errorf("%s: %w", p, err)
	}
	var q Quiz
	if err := DecodeStrict(data, &q); err != nil {
		return nil, fmt.Errorf("%s: %w", p, err)
	}
	if err := q.check(); err != nil {
		return nil, fmt.Errorf("%s: %w", p, err)
	}
	return &q, nil
}

func (q *Quiz) check() error {
	if !(q.Pass > 0 && q.Pass <= 1) {
		return fmt.Errorf("pass: %v must be more than 0 and at most 1", q.Pass)
	}
	if len(q.Questions) < minQuestions {
		return fmt.Errorf("questions: %d, want at least %d", len(q.Questions), minQuestions)
	}
	seen := map[string]bool{}
	for i, qu := range q.Questions {
		where := fmt.Sprintf("questions[%d]", i)
		if err := newID(seen, where, qu.ID); err != nil {
			return err
		}
		switch {
		case strings.TrimSpace(qu.Text) == "":
			return fmt.Errorf("%s (%s): text: required", where, qu.ID)
		case len(qu.Choices) < minChoices || len(qu.Choices) > maxChoices:
			return fmt.Errorf("%s (%s): choices: %d, want %d to %d", where, qu.ID, len(qu.Choices), minChoices, maxChoices)
		case len(qu.Answer) == 0:
			return fmt.Errorf("%s (%s): answer: at least one right choice", where, qu.ID)
		case strings.TrimSpace(qu.Explain) == "":
			return fmt.Errorf("%s (%s): explain: required", where, qu.ID)
		}
		for _, c := range qu.Choices {
			if strings.TrimSpace(c) == "" {
				return fmt.Errorf("%s (%s): choices: an empty choice", where, qu.ID)
			}
		}
		picked := map[int]bool{}
		for _, a := range qu.Answer {
			if a < 0 || a >= len(qu.Choices) {
				return fmt.Errorf("%s (%s): answer: %d is not a choice index (0 to %d)", where, qu.ID, a, len(qu.Choices)-1)
			}
			if picked[a] {
				return fmt.Errorf("%s (%s): answer: %d is listed twice", where, qu.ID, a)
			}
			picked[a] = true
		}
	}
	return nil
}

// newID checks an id of a quiz question or a rubric criterion: well formed
// and not used before in its list. It records it as used.
func newID(seen map[string]bool, where, id string) error {
	switch {
	case !idPattern.MatchString(id):
		return fmt.Errorf("%s: id %q must match %s", where, id, idPattern)
	case seen[id]:
		return fmt.Errorf("%s: id %q is used twice", where, id)
	}
	seen[id] = true
	return nil
}

// sameQuiz checks that two languages of a guide ask the same questions:
// the same ids in the same order, the same number of choices and the same
// answers, so an attempt in either language counts alike.
func sameQuiz(a, b *Quiz) error {
	if a.Pass != b.Pass {
		return fmt.Errorf("pass: %v and %v differ", a.Pass, b.Pass)
	}
	if len(a.Questions) != len(b.Questions) {
		return fmt.Errorf("%d and %d questions", len(a.Questions), len(b.Questions))
	}
	for i := range a.Questions {
		x, y := a.Questions[i], b.Questions[i]
		switch {
		case x.ID != y.ID:
			return fmt.Errorf("questions[%d]: ids %q and %q differ", i, x.ID, y.ID)
		case len(x.Choices) != len(y.Choices):
			return fmt.Errorf("question %q: %d and %d choices", x.ID, len(x.Choices), len(y.Choices))
		case !slices.Equal(sorted(x.Answer), sorted(y.Answer)):
			return fmt.Errorf("question %q: answers %v and %v differ", x.ID, x.Answer, y.Answer)
		}
	}
	return nil
}

func sorted(v []int) []int {
	out := slices.Clone(v)
	slices.Sort(out)
	return out
}

// QuizResult is one graded attempt.
type QuizResult struct {
	Passed  bool
	Score   float64 // share of questions answered right, 0..1
	Correct int
	Results []QuestionResult // in the quiz's order
}

// QuestionResult says whether one question was answered right.
type QuestionResult struct {
	ID      string
	Correct bool
	Chosen  []int
	Explain string
}

// QuizError is an attempt that names a question or a choice the quiz does
// not have.
type QuizError struct{ Msg string }

func (e *QuizError) Error() string { return e.Msg }

// Grade marks an attempt: a question is right when exactly its right
// choices were picked; an unanswered question is wrong.
func (q *Quiz) Grade(answers map[string][]int) (QuizResult, error) {
	byID := map[string]*Question{}
	for _, qu := range q.Questions {
		byID[qu.ID] = qu
	}
	for id, picks := range answers {
		qu := byID[id]
		if qu == nil {
			return QuizResult{}, &QuizError{fmt.Sprintf("unknown question %q", id)}
		}
		for _, p := range picks {
			if p < 0 || p >= len(qu.Choices) {
				return QuizResult{}, &QuizError{fmt.Sprintf("question %q has no choice %d", id, p)}
			}
		}
	}
	var r QuizResult
	for _, qu := range q.Questions {
		chosen := sorted(answers[qu.ID])
		chosen = slices.Compact(chosen)
		ok := slices.Equal(chosen, sorted(qu.Answer))
		if ok {
			r.Correct++
		}
		r.Results = append(r.Results, QuestionResult{ID: qu.ID, Correct: ok, Chosen: chosen, Explain: qu.Explain})
	}
	n := float64(len(q.Questions))
	r.Score = float64(r.Correct) / n
	r.Passed = float64(r.Correct) >= q.Pass*n-1e-9 // 4 of 5 passes 0.8 whatever the rounding
	return r, nil
}
