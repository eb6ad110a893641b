package domain

import (
	"context"
	"errors"
	"reflect"
	"strings"
	"testing"

	"ladder/store"
)

func TestSearchTerms(t *testing.T) {
	tests := []struct {
		q       string
		want    []string
		errKind Kind
	}{
		{"  partition  ", []string{"partition"}, 0},
		{"window  PARTITION\tWindow", []string{"window", "PARTITION"}, 0},
		{"파티션 모델", []string{"파티션", "모델"}, 0},
		{`"NEAR(a b)" *`, []string{`"NEAR(a`, `b)"`, "*"}, 0},
		{"a\x00b", []string{"a", "b"}, 0},
		{"", nil, Invalid},
		{"   \t ", nil, Invalid},
		{"\x00\x01", nil, Invalid},
		{strings.Repeat("a", MaxSearchQuery), []string{strings.Repeat("a", MaxSearchQuery)}, 0},
		{strings.Repeat("가", MaxSearchQuery), []string{strings.Repeat("가", MaxSearchQuery)}, 0}, // characters, not bytes
		{strings.Repeat("a", MaxSearchQuery+1), nil, Invalid},
		{"a b c d e f g h", []string{"a", "b", "c", "d", "e", "f", "g", "h"}, 0},
		{"a b c d e f g h i", nil, Invalid},
		{"\xff\xfe", nil, Invalid},
	}
	for _, tt := range tests {
		got, err := SearchTerms(tt.q)
		var de *Error
		switch {
		case tt.errKind != 0 && (!errors.As(err, &de) || de.Kind != tt.errKind || de.Msg == "" || de.Key == ""):
			t.Errorf("SearchTerms(%q) error = %v, want a refusal of kind %d with a message and a key", tt.q, err, tt.errKind)
		case tt.errKind == 0 && (err != nil || !reflect.DeepEqual(got, tt.want)):
			t.Errorf("SearchTerms(%q) = %q, %v; want %q", tt.q, got, err, tt.want)
		}
	}
}

// marked writes fragments with the matches in brackets.
func marked(fs []Fragment) string {
	var b strings.Builder
	for _, f := range fs {
		if f.Match {
			b.WriteString("[" + f.Text + "]")
		} else {
			b.WriteString(f.Text)
		}
	}
	return b.String()
}

func TestSnippet(t *testing.T) {
	long := strings.Repeat("filler words here ", 30)
	tests := []struct {
		name  string
		doc   store.SearchDoc
		terms []string
		want  string
	}{
		{"the summary holds the term", store.SearchDoc{Summary: "Partition pruning and partitions.", Body: "partition"}, []string{"partition"},
			"[Partition] pruning and [partition]s."},
		{"the body, around the first match, cut at spaces", store.SearchDoc{Summary: "Nothing here.", Body: long + "the Window function " + long}, []string{"window"},
			"…here filler words here filler words here filler words here the [Window] function filler words here filler words here filler words here filler words here filler words here filler words here filler…"},
		{"a short body shows whole", store.SearchDoc{Summary: "s", Body: "날짜로 파티션을 나누면"}, []string{"파티션"},
			"날짜로 [파티션]을 나누면"},
		{"overlapping terms mark one run", store.SearchDoc{Summary: "abcdef", Body: ""}, []string{"abc", "cde"},
			"[abcde]f"},
		{"only the title matched: the summary, unmarked", store.SearchDoc{Title: "Kafka", Summary: "A summary.", Body: "body"}, []string{"kafka"},
			"A summary."},
		{"markup in the text stays text", store.SearchDoc{Summary: "x <b>bold</b> & y", Body: ""}, []string{"<b>"},
			"x [<b>]bold</b> & y"},
	}
	for _, tt := range tests {
		var folded []string
		for _, term := range tt.terms {
			folded = append(folded, fold(term))
		}
		if got := marked(snippet(tt.doc, folded)); got != tt.want {
			t.Errorf("%s: snippet = %q, want %q", tt.name, got, tt.want)
		}
	}
}

func TestPlainText(t *testing.T) {
	tests := []struct{ html, want string }{
		{"<h2 id=\"a\">Title</h2><p>One <code>SELECT</code>s and <em>two</em>.</p><ul><li>a</li><li>b</li></ul>", "Title One SELECTs and two. a b"},
		{"<p>amount &lt; 0 &amp;&amp; &quot;x&quot;</p>", `amount < 0 && "x"`},
		{"<pre><code><span class=\"k\">SELECT</span>\n  1</code></pre>", "SELECT 1"},
		{"<p>파티션을<br>나누면</p>", "파티션을 나누면"},
	}
	for _, tt := range tests {
		if got := plainText(tt.html); got != tt.want {
			t.Errorf("plainText(%q) = %q, want %q", tt.html, got, tt.want)
		}
	}
}

// The operation over the shipped catalog: both languages, every kind, and
// a page past the last shows the last.
func TestSearchOverTheCatalog(t *testing.T) {
	ctx := context.Background()
	s := newTestService(t)
	kinds := map[string]bool{}
	for _, q := range []string{"partition", "파티션", "review"} {
		page, err := s.Search(ctx, q, SearchOptions{PerPage: 50})
		if err != nil || len(page.Results) == 0 {
			t.Fatalf("Search(%q) = %d results, %v", q, len(page.Results), err)
		}
		for _, r := range page.Results {
			kinds[r.Kind] = true
			if r.ID == "" || r.Lang == "" || len(r.Title) == 0 {
				t.Errorf("Search(%q): a result lacks an id, a language or a title: %+v", q, r)
			}
		}
	}
	if !kinds["guide"] || !kinds["lab"] || !kinds["task"] {
		t.Errorf("results cover %v, want guides, labs and tasks", kinds)
	}
	ko, err := s.Search(ctx, "파티션", SearchOptions{Lang: "ko", PerPage: 50})
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range ko.Results {
		if r.Lang != "ko" {
			t.Errorf("lang=ko gave a %s result: %s", r.Lang, r.ID)
		}
	}
	last, err := s.Search(ctx, "data", SearchOptions{PerPage: 5, Page: 10000})
	if err != nil || last.Page != last.Pages || len(last.Results) == 0 || last.Pages < 2 {
		t.Errorf("a page past the last = page %d of %d with %d results (%v), want the last page", last.Page, last.Pages, len(last.Results), err)
	}
	if _, err := s.Search(ctx, "data", SearchOptions{Lang: "fr"}); !errors.Is(err, ErrSearchLang) {
		t.Errorf("lang=fr: %v, want ErrSearchLang", err)
	}
	if _, err := s.Search(ctx, " ", SearchOptions{}); !errors.Is(err, ErrSearchEmpty) {
		t.Errorf("an empty search: %v, want ErrSearchEmpty", err)
	}
}

// fold keeps every byte position, so a match found in the folded text
// marks the same characters in the text.
func TestFold(t *testing.T) {
	tests := []struct{ in, want string }{
		{"SELECT Window", "select window"},
		{"ÉCOLE ΣΑ Straße", "école σα straße"},
		{"데이터웨어하우스 SQL", "데이터웨어하우스 sql"},
		{"İstanbul \u212A", "İstanbul \u212A"}, // lower cases of another length stay as they are
	}
	for _, tt := range tests {
		got := fold(tt.in)
		if got != tt.want || len(got) != len(tt.in) {
			t.Errorf("fold(%q) = %q (%d bytes), want %q (%d bytes)", tt.in, got, len(got), tt.want, len(tt.in))
		}
	}
	if got := marked(markTerms("İstanbul ÉCOLE", fold("İstanbul ÉCOLE"), []string{fold("école")})); got != "İstanbul [ÉCOLE]" {
		t.Errorf("marks = %q", got)
	}
}
