package handlers

import (
	"net/url"
	"regexp"
	"strconv"
	"strings"
	"testing"
)

// The lab page in Korean shows the grader's Korean words: a failing
// verdict on the full page, in the fragment the page's script asks for and
// in the attempt history, a run's SQL error and refusal, and a code run's
// summary and details. The English page shows the English.
func TestLabPageShowsKoreanVerdict(t *testing.T) {
	s := newTestServer(t)
	ko := newClient(t, s)
	signupAndLogin(t, ko, "minji@example.com")
	ko.cookies[langCookie] = "ko"
	tok := ko.csrf()
	const lab = "/labs/filter-sort-orders"
	const (
		wrong   = "SELECT order_id FROM shop.orders"
		koWords = "결과의 컬럼은 1개인데, 기대 결과는 5개입니다."
		enWords = "The result has 1 column; the expected result has 5."
	)
	form := url.Values{"_csrf": {tok}, "sql": {wrong}}
	fragment := map[string]string{"X-Fragment": "1"}
	runScenarios(t, s, []scenario{
		{name: "submit, the whole page", client: ko, method: "POST", url: lab + "/submit", body: form, wantStatus: 200,
			want: []string{`<p class="verdict-message">` + koWords + `</p>`, "아직 아님"}, notWant: []string{enWords}},
		{name: "submit, the fragment", client: ko, method: "POST", url: lab + "/submit", body: form, headers: fragment, wantStatus: 200,
			want: []string{`id="lab-result"`, `<p class="verdict-message">` + koWords + `</p>`}, notWant: []string{enWords, "<html"}},
		{name: "the attempts, after a reload", client: ko, url: lab, wantStatus: 200,
			want: []string{`<p class="meta">` + koWords + `</p>`}, notWant: []string{enWords}},
		{name: "run, a SQL error", client: ko, method: "POST", url: lab + "/run", body: url.Values{"_csrf": {tok}, "sql": {"SELECT nope FROM shop.orders"}}, headers: fragment, wantStatus: 422,
			want:    []string{`data-testid="run-error"`, "1번째 문장(1번째 줄에서 시작)에서 SQL 오류가 났습니다: Binder Error: Referenced column &#34;nope&#34;"},
			notWant: []string{"SQL error in statement"}},
		{name: "run, a refusal", client: ko, method: "POST", url: lab + "/run", body: url.Values{"_csrf": {tok}, "sql": {"SELECT * FROM duckdb_logs()"}}, headers: fragment, wantStatus: 422,
			want: []string{"1번째 문장: duckdb_logs 함수는 실습에서 쓸 수 없습니다(다른 제출이 담긴 채점기의 로그를 읽습니다)"}, notWant: []string{"is not allowed in labs"}},
		{name: "code run, summary and details", client: ko, method: "POST", url: "/labs/parse-csv-line/run", headers: fragment, wantStatus: 200,
			body: url.Values{"_csrf": {tok}, "sql": {"def parse_line(line):\n    return line.split(',')\n"}},
			want: []string{`data-testid="run-message">테스트 8개 중 `, "개가 통과합니다.", "→ 결과 ["}, notWant: []string{"tests pass.", "→ got ["}},
	})
	if n := strings.Count(ko.do("GET", lab, "", nil, nil).body, `<p class="meta">`+koWords+`</p>`); n != 2 {
		t.Errorf("the attempt history shows the Korean verdict %d times, want 2 (one per submission)", n)
	}

	// The same submission in English, on the page and on the mentor's side.
	en := newClient(t, s)
	signupAndLogin(t, en, "jun@example.com")
	en.cookies[langCookie] = "en"
	runScenarios(t, s, []scenario{
		{name: "submit in English", client: en, method: "POST", url: lab + "/submit", body: url.Values{"_csrf": {en.csrf()}, "sql": {wrong}}, wantStatus: 200,
			want: []string{`<p class="verdict-message">` + enWords + `</p>`}, notWant: []string{koWords}},
	})
}

// The JSON API keeps "message" and "error" English whatever the reader's
// language, and adds "ko" with the Korean; a stored verdict keeps it.
func TestLabAPIAddsKorean(t *testing.T) {
	s := newTestServer(t)
	c := newClient(t, s)
	tok, _ := signupAndLogin(t, c, "hana@example.com")
	c.cookies[langCookie] = "ko"
	auth := bearer(tok)
	const lab = "/api/v1/labs/filter-sort-orders"
	var id string
	idOf := regexp.MustCompile(`"id":(\d+)`)
	runScenarios(t, s, []scenario{
		{name: "a failing submission", client: c, method: "POST", url: lab + "/submissions", body: map[string]string{"sql": "SELECT order_id FROM shop.orders"}, headers: auth, wantStatus: 201,
			want: []string{`"message":"The result has 1 column; the expected result has 5."`, `"ko":{"message":"결과의 컬럼은 1개인데, 기대 결과는 5개입니다."}`},
			after: func(t *testing.T, r reply) {
				if m := idOf.FindStringSubmatch(r.body); m != nil {
					id = m[1]
				}
			}},
		{name: "a SQL error", client: c, method: "POST", url: lab + "/submissions", body: map[string]string{"sql": "SELECT nope FROM shop.orders"}, headers: auth, wantStatus: 422,
			want: []string{`"message":"Your SQL raised an error, so it could not be graded."`, `"error":"SQL error in statement 1 (starting on line 1): Binder Error`,
				`"ko":{"message":"SQL에서 오류가 나서 채점하지 못했습니다.","error":"1번째 문장(1번째 줄에서 시작)에서 SQL 오류가 났습니다: Binder Error`}},
		{name: "a run's SQL error", client: c, method: "POST", url: lab + "/run", body: map[string]string{"sql": "SELECT nope FROM shop.orders"}, headers: auth, wantStatus: 422,
			want: []string{`"error":"SQL error in statement 1`, `"ko":{"error":"1번째 문장(1번째 줄에서 시작)에서 SQL 오류가 났습니다: Binder Error`}},
		{name: "a code run", client: c, method: "POST", url: "/api/v1/labs/parse-csv-line/run", body: map[string]string{"code": "def parse_line(line):\n    return line.split(',')\n"}, headers: auth, wantStatus: 200,
			want: []string{` of 8 tests pass."`, `"ko":{"message":"테스트 8개 중 `, `개가 통과합니다.","details":["","parse_line(`, `→ 결과 [`}},
	})
	if _, err := strconv.Atoi(id); err != nil {
		t.Fatalf("no submission id: %q", id)
	}
	runScenarios(t, s, []scenario{
		{name: "the stored verdict", client: c, url: "/api/v1/submissions/" + id, headers: auth, wantStatus: 200,
			want: []string{`"message":"The result has 1 column; the expected result has 5."`, `"ko":{"message":"결과의 컬럼은 1개인데, 기대 결과는 5개입니다."}`}},
	})
}

// A mentor who reads Korean sees a learner's verdicts in Korean.
func TestMentorSeesKoreanVerdict(t *testing.T) {
	s := newTestServer(t)
	mentor, _, learner, _, _ := mentoringWorld(t, s)
	co := int64(mentor.call("POST", "/api/v1/cohorts", map[string]string{"name": "Mine"}).json(t)["id"].(float64))
	mentor.call("POST", "/api/v1/cohorts/"+strconv.FormatInt(co, 10)+"/members", map[string]string{"email": "learner@example.com"})
	if r := learner.call("POST", "/api/v1/labs/filter-sort-orders/submissions", map[string]string{"sql": "SELECT order_id FROM shop.orders"}); r.status != 201 {
		t.Fatalf("submit: %d %s", r.status, r.body)
	}
	page := "/mentor/learners/" + strconv.FormatInt(learner.id, 10)
	headers := func(lang string) map[string]string {
		return map[string]string{"Authorization": "Bearer " + mentor.tok, "Cookie": langCookie + "=" + lang}
	}
	runScenarios(t, s, []scenario{
		{name: "in Korean", url: page, headers: headers("ko"), wantStatus: 200,
			want: []string{"결과의 컬럼은 1개인데, 기대 결과는 5개입니다."}, notWant: []string{"The result has 1 column"}},
		{name: "in English", url: page, headers: headers("en"), wantStatus: 200,
			want: []string{"The result has 1 column; the expected result has 5."}, notWant: []string{"결과의 컬럼은"}},
	})
}
