package handlers

import (
	"encoding/json"
	"net/url"
	"strings"
	"testing"

	"ladder/domain"
)

// searchResults decodes the API's answer, failing on anything but an array
// of results with every field set.
func searchResults(t *testing.T, r reply) []searchJSON {
	t.Helper()
	var out []searchJSON
	if err := json.Unmarshal([]byte(r.body), &out); err != nil {
		t.Fatalf("body is not a JSON array of results: %v: %.300s", err, r.body)
	}
	for _, res := range out {
		if res.Kind == "" || res.ID == "" || res.Title == "" || res.Lang == "" || res.Snippet == "" || res.URL == "" {
			t.Errorf("a result lacks a field: %+v", res)
		}
	}
	return out
}

func TestSearchAPI(t *testing.T) {
	s := newTestServer(t)
	q := url.QueryEscape
	runScenarios(t, s, []scenario{
		{name: "an English word", url: "/api/v1/search?q=partition", wantStatus: 200,
			want:       []string{`"kind":"lab"`, `"id":"partition-pruning-scan-cost"`, `"kind":"guide"`, `"lang":"en"`, `"snippet":"`, `"url":"/labs/`},
			wantHeader: map[string]string{"Content-Type": "application/json"},
			after: func(t *testing.T, r reply) {
				for _, res := range searchResults(t, r) {
					if !strings.Contains(strings.ToLower(res.Title+" "+res.Snippet), "partition") && res.Kind != "lab" {
						// A result found in the body shows the word in its snippet.
						t.Errorf("result %s %s shows no match: %q / %q", res.Kind, res.ID, res.Title, res.Snippet)
					}
				}
			}},
		{name: "a Korean word inside longer ones", url: "/api/v1/search?q=" + q("파티션"), wantStatus: 200,
			want: []string{`"lang":"ko"`, `"id":"query-performance-ko"`, "파티션"}},
		{name: "a two-character Korean word", url: "/api/v1/search?q=" + q("모델"), wantStatus: 200,
			want: []string{`"id":"data-modelling-ko"`, "모델"}},
		{name: "tasks are found", url: "/api/v1/search?q=" + q("error budget policy"), wantStatus: 200,
			want: []string{`"kind":"task"`, `"id":"slo-error-budget-policy-senior"`}},
		{name: "one language", url: "/api/v1/search?q=SQL&lang=ko", wantStatus: 200,
			want: []string{`"lang":"ko"`}, notWant: []string{`"lang":"en"`}},
		{name: "nothing matches: an empty array", url: "/api/v1/search?q=zzqxjv", wantStatus: 200, wantBody: `[]`},
		{name: "FTS syntax is text", url: "/api/v1/search?q=" + q(`"NEAR(a b)" * AND ^x title:`), wantStatus: 200, wantBody: `[]`},
		{name: "a lone quote", url: "/api/v1/search?q=" + q(`"`), wantStatus: 200, want: []string{`"kind":`}},
		{name: "a bounded answer", url: "/api/v1/search?q=data", wantStatus: 200, want: []string{`"kind":"guide"`},
			after: func(t *testing.T, r reply) {
				if n := len(searchResults(t, r)); n != domain.MaxSearchResults {
					t.Errorf("%d results, want the limit, %d (the catalog has more)", n, domain.MaxSearchResults)
				}
			}},
		{name: "no q", url: "/api/v1/search", wantStatus: 400, wantBody: apiError(domain.ErrSearchEmpty.Msg)},
		{name: "an empty q", url: "/api/v1/search?q=", wantStatus: 400, wantBody: apiError(domain.ErrSearchEmpty.Msg)},
		{name: "only spaces", url: "/api/v1/search?q=" + q("  \t "), wantStatus: 400, wantBody: apiError(domain.ErrSearchEmpty.Msg)},
		{name: "too long", url: "/api/v1/search?q=" + strings.Repeat("a", domain.MaxSearchQuery+1), wantStatus: 400,
			wantBody: apiError("the search is 101 characters; the limit is 100")},
		{name: "too many words", url: "/api/v1/search?q=" + q("a b c d e f g h i"), wantStatus: 400,
			wantBody: apiError("the search has 9 words; the limit is 8")},
		{name: "an unknown language", url: "/api/v1/search?q=sql&lang=fr", wantStatus: 400, wantBody: apiError(domain.ErrSearchLang.Msg)},
		{name: "not UTF-8", url: "/api/v1/search?q=%FF%FE", wantStatus: 400, wantBody: apiError("the search is not valid UTF-8 text")},
	})
}

func TestSearchPage(t *testing.T) {
	s := newTestServer(t)
	q := url.QueryEscape
	ko := map[string]string{"Cookie": "lang=ko"}
	runScenarios(t, s, []scenario{
		{name: "the box is in the header of every page", url: "/guides", wantStatus: 200,
			want: []string{`action="/search"`, `role="search"`, `name="q"`}},
		{name: "no query: a prompt, not an error", url: "/search", wantStatus: 200,
			want: []string{`data-testid="search-prompt"`, "Type a word"}, notWant: []string{`data-testid="search-count"`, `data-testid="search-form"`}},
		{name: "results with kind, title and marked snippet", url: "/search?q=partition", wantStatus: 200,
			want: []string{`data-kind="lab"`, `data-kind="guide"`, `<mark>partition</mark>`, `href="/labs/partition-pruning-scan-cost"`, `results for “partition”`, `value="partition"`}},
		{name: "Korean results first in the Korean interface", url: "/search?q=SCD", headers: ko, wantStatus: 200,
			want: []string{`검색 결과`, `data-lang="ko"`, `(영어)`},
			after: func(t *testing.T, r reply) {
				if ko, en := strings.Index(r.body, `data-lang="ko"`), strings.Index(r.body, `data-lang="en"`); ko < 0 || en < 0 || ko > en {
					t.Errorf(`the first Korean result is at %d and the first English one at %d: Korean should come first`, ko, en)
				}
			}},
		{name: "paged", url: "/search?q=data&page=2", wantStatus: 200,
			want: []string{"Page 2 of", `href="/search?q=data&amp;page=1"`, `href="/search?q=data&amp;page=3"`}},
		{name: "a page past the last shows the last", url: "/search?q=partition&page=999", wantStatus: 200,
			want: []string{`data-kind=`}},
		{name: "nothing found: an empty state", url: "/search?q=zzqxjv", wantStatus: 200,
			want: []string{`data-testid="search-empty"`, "No guide, lab or task matches “zzqxjv”."}},
		{name: "too long: 400 with the reason, the box keeps the text", url: "/search?q=" + strings.Repeat("x", 101), wantStatus: 400,
			want: []string{"The search is too long", `value="` + strings.Repeat("x", 101) + `"`, `aria-invalid="true"`}},
		{name: "not UTF-8: 400 with the reason", url: "/search?q=%FF%FE", wantStatus: 400,
			want: []string{"The search holds characters that are not text"}},
		{name: "the query is echoed escaped", url: "/search?q=" + q(`<script>alert(1)</script>`), wantStatus: 200,
			want:    []string{`value="&lt;script&gt;alert(1)&lt;/script&gt;"`, `“&lt;script&gt;alert(1)&lt;/script&gt;”`},
			notWant: []string{`<script>alert(1)`}},
		{name: "a match on markup characters is marked around escaped text", url: "/search?q=" + q("<"), wantStatus: 200,
			want: []string{`<mark>&lt;</mark>`}, notWant: []string{`<mark><</mark>`}},
		{name: "quotes in the query stay in the page's links", url: "/search?q=" + q(`data "x`), wantStatus: 200,
			want: []string{`value="data &#34;x"`}},
	})
}
