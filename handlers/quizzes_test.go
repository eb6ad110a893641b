package handlers

import (
	"context"
	"net/url"
	"strconv"
	"strings"
	"testing"
)

// rightAnswers answers a guide's quiz fully right, or wrong on the first n
// questions.
func rightAnswers(s *Server, slug string, wrong int) map[string][]int {
	out := map[string][]int{}
	for i, q := range s.content.Guide(slug).Quiz.Questions {
		if i < wrong {
			pick := (q.Answer[0] + 1) % len(q.Choices) // a single wrong choice
			out[q.ID] = []int{pick}
			continue
		}
		out[q.ID] = q.Answer
	}
	return out
}

func TestQuizAPI(t *testing.T) {
	s := newTestServer(t)
	const slug = "junior-data-engineer"
	quiz := s.content.Guide(slug).Quiz
	anon := newClient(t, s)
	r := anon.json("GET", "/api/v1/guides/"+slug+"/quiz", nil, nil)
	if r.status != 200 || !strings.Contains(r.body, `"questions":[`) || !strings.Contains(r.body, `"multiple":true`) {
		t.Fatalf("quiz: %d %.300s", r.status, r.body)
	}
	for _, leak := range []string{`"answer"`, `"explain"`, quiz.Questions[0].Explain} {
		if strings.Contains(r.body, leak) {
			t.Errorf("the quiz leaks %q before an attempt", leak)
		}
	}
	if r := anon.json("GET", "/api/v1/guides/nope/quiz", nil, nil); r.status != 404 {
		t.Errorf("unknown guide: %d", r.status)
	}
	post := func(c *client, answers map[string][]int, h map[string]string) reply {
		t.Helper()
		return c.json("POST", "/api/v1/guides/"+slug+"/quiz", map[string]any{"answers": answers}, h)
	}
	r = post(anon, rightAnswers(s, slug, 0), nil)
	if r.status != 200 || !strings.Contains(r.body, `"passed":true`) || !strings.Contains(r.body, `"stored":false`) || !strings.Contains(r.body, `"score":1`) {
		t.Fatalf("anonymous right answers: %d %s", r.status, r.body)
	}
	if !strings.Contains(r.body, quiz.Questions[0].Explain[:20]) {
		t.Errorf("results lack the explanations: %.300s", r.body)
	}
	for name, answers := range map[string]map[string][]int{
		"unknown question": {"no-such-question": {0}},
		"unknown choice":   {quiz.Questions[0].ID: {len(quiz.Questions[0].Choices)}},
		"negative choice":  {quiz.Questions[0].ID: {-1}},
	} {
		if r := post(anon, answers, nil); r.status != 400 || !strings.Contains(r.body, `"error":"`) {
			t.Errorf("%s: %d %s, want 400 with a message", name, r.status, r.body)
		}
	}

	learner := newClient(t, s)
	tok, uid := signupAndLogin(t, learner, "quiz@example.com")
	before := progressOf(t, learner, tok)
	wrongTwo := rightAnswers(s, slug, 2)
	if r := post(learner, wrongTwo, bearer(tok)); r.status != 200 || !strings.Contains(r.body, `"passed":false`) || !strings.Contains(r.body, `"stored":true`) {
		t.Fatalf("a failed attempt: %d %s", r.status, r.body)
	}
	if mid := progressOf(t, learner, tok); mid.comps["sql-querying"] != before.comps["sql-querying"] {
		t.Errorf("a failed quiz moved sql-querying: %v -> %v", before.comps["sql-querying"], mid.comps["sql-querying"])
	}
	if r := post(learner, rightAnswers(s, slug, 0), bearer(tok)); r.status != 200 || !strings.Contains(r.body, `"passed":true`) {
		t.Fatalf("a passed attempt: %d %s", r.status, r.body)
	}
	attempts, err := s.store.QuizAttempts(context.Background(), uid, "junior-data-engineer", 10)
	if err != nil || len(attempts) != 2 || attempts[1].Passed || !attempts[0].Passed || len(attempts[1].Answers) != len(wrongTwo) {
		t.Fatalf("stored attempts = %+v, %v; want both, with their answers", attempts, err)
	}
	after := progressOf(t, learner, tok)
	if !(after.comps["sql-querying"] > before.comps["sql-querying"]) {
		t.Errorf("passing a junior SQL guide's quiz did not move sql-querying: %v -> %v", before.comps["sql-querying"], after.comps["sql-querying"])
	}
	// The Korean quiz counts for the same guide.
	if r := learner.json("POST", "/api/v1/guides/career-path-ko/quiz", map[string]any{"answers": rightAnswers(s, "career-path-ko", 0)}, bearer(tok)); r.status != 200 || !strings.Contains(r.body, `"passed":true`) {
		t.Fatalf("Korean quiz: %d %s", r.status, r.body)
	}
	if tried, passed, err := s.store.QuizStatus(context.Background(), uid, "career-path"); err != nil || !tried || !passed {
		t.Errorf("the Korean pass does not count for career-path: %v %v %v", tried, passed, err)
	}
}

func TestQuizPage(t *testing.T) {
	s := newTestServer(t)
	const slug = "sre-principles-for-data"
	quiz := s.content.Guide(slug).Quiz
	anon := newClient(t, s)
	page := anon.do("GET", "/guides/"+slug, "", nil, nil)
	if page.status != 200 || !strings.Contains(page.body, `data-testid="quiz-form"`) || !strings.Contains(page.body, `name="q_`+quiz.Questions[0].ID+`"`) {
		t.Fatalf("guide page without the quiz: %d", page.status)
	}
	if strings.Contains(page.body, escapeText(quiz.Questions[0].Explain)) {
		t.Error("the page shows an explanation before any attempt")
	}
	form := url.Values{}
	for i, q := range quiz.Questions {
		pick := q.Answer
		if i == 0 {
			pick = []int{(q.Answer[0] + 1) % len(q.Choices)}
		}
		for _, p := range pick {
			form.Add("q_"+q.ID, strconv.Itoa(p))
		}
	}
	// An anonymous attempt needs no CSRF token: the cached page has none,
	// and nothing is stored.
	r := anon.form("/guides/"+slug+"/quiz", form)
	if r.status != 200 || !strings.Contains(r.body, `data-testid="quiz-score"`) {
		t.Fatalf("quiz post: %d %.300s", r.status, r.body)
	}
	first, second := quiz.Questions[0].ID, quiz.Questions[1].ID
	if !strings.Contains(r.body, `quiz-question wrong" data-testid="quiz-q-`+first+`"`) || !strings.Contains(r.body, `quiz-question right" data-testid="quiz-q-`+second+`"`) {
		t.Errorf("answers are not marked right and wrong")
	}
	if !strings.Contains(r.body, escapeText(quiz.Questions[0].Explain)) {
		t.Error("the explanation is missing after the attempt")
	}
	n := len(quiz.Questions)
	if want := strconv.Itoa(n-1) + " of " + strconv.Itoa(n); !strings.Contains(r.body, want) {
		t.Errorf("score %q missing", want)
	}
	if r := anon.form("/guides/"+slug+"/quiz", url.Values{"q_" + first: {"x"}}); r.status != 400 {
		t.Errorf("a choice that is not a number: %d", r.status)
	}
	// A signed-in learner's post is a cookie write and needs the token.
	learner := newClient(t, s)
	signupAndLogin(t, learner, "quizpage@example.com")
	if r := learner.form("/guides/"+slug+"/quiz", form); r.status != 403 {
		t.Errorf("signed-in quiz post without CSRF: %d, want 403", r.status)
	}
	form.Set("_csrf", learner.csrf())
	if r := learner.form("/guides/"+slug+"/quiz", form); r.status != 200 || !strings.Contains(r.body, `data-testid="quiz-score"`) {
		t.Errorf("signed-in quiz post: %d", r.status)
	}
	// One wrong of n still passes when (n-1)/n reaches the pass mark.
	want := "tried this quiz"
	if float64(n-1)/float64(n) >= quiz.Pass {
		want = `data-testid="quiz-passed-before"`
	}
	if r := learner.do("GET", "/guides/"+slug, "", nil, nil); !strings.Contains(r.body, want) {
		t.Errorf("the guide page lacks %q after the attempt", want)
	}
}

// escapeText is how html/template writes text with quotes and ampersands.
func escapeText(s string) string {
	return strings.NewReplacer("&", "&amp;", "'", "&#39;", "<", "&lt;", ">", "&gt;", `"`, "&#34;").Replace(s)
}

// A lab shows in Korean where it has lab.ko.md, hints included.
func TestLabInKorean(t *testing.T) {
	s := newTestServer(t)
	lab := s.labs.Lab("customers-without-orders")
	ko, ok := lab.In("ko")
	if !ok || ko.Title == lab.Title {
		t.Fatalf("the lab has no Korean text: %+v", ko)
	}
	c := newClient(t, s)
	runScenarios(t, s, []scenario{
		{name: "Korean lab page", client: c, url: "/labs/customers-without-orders", headers: map[string]string{"Cookie": "lang=ko"}, wantStatus: 200,
			want: []string{"<h1>" + escapeText(ko.Title) + "</h1>"}, notWant: []string{`data-testid="lab-english-only"`, "<h1>" + escapeText(lab.Title) + "</h1>"}},
		{name: "Korean catalog", url: "/labs", headers: map[string]string{"Cookie": "lang=ko"}, wantStatus: 200, want: []string{escapeText(ko.Title)}},
		{name: "English lab page", url: "/labs/customers-without-orders", wantStatus: 200, want: []string{"<h1>" + escapeText(lab.Title) + "</h1>"}},
	})
}
