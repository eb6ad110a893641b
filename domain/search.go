package domain

import (
	"context"
	"fmt"
	"html"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"ladder/content"
	"ladder/labs"
	"ladder/store"
)

// Search bounds: a query is a few words, not a document.
const (
	MaxSearchQuery = 100 // characters, after trimming
	MaxSearchTerms = 8   // words
	// MaxSearchResults is the most results one API answer carries.
	MaxSearchResults = 50
)

// Refusals of a search query.
var (
	ErrSearchEmpty = &Error{Kind: Invalid, Msg: `the search needs at least one word: send it as "q"`, Key: "search.err_empty"}
	ErrSearchLang  = &Error{Kind: Invalid, Msg: `"lang" must be en or ko`, Key: "flash.bad_input"}
)

// SearchOptions shape one page of results.
type SearchOptions struct {
	Lang    string // only this language; "" for both
	Prefer  string // this language's results first
	Page    int    // from 1; a page past the last shows the last
	PerPage int
}

// Fragment is a piece of a title or snippet; Match marks a search term.
// Fragments are plain text: pages escape them and mark the matches.
type Fragment struct {
	Text  string
	Match bool
}

// SearchResult is one guide, lab or task that matches.
type SearchResult struct {
	Kind    string // guide, lab or task
	ID      string // the guide's slug, the lab's or the task's id
	Lang    string
	Title   []Fragment
	Snippet []Fragment
}

// SearchPage is one page of results.
type SearchPage struct {
	Query   string // as asked, trimmed
	Results []SearchResult
	Total   int
	Page    int
	Pages   int
}

// SearchTerms splits a query into the words to find, refusing an empty
// query and one over the bounds. Duplicate words, in any case, count once.
func SearchTerms(q string) ([]string, error) {
	q = strings.TrimSpace(q)
	if q == "" {
		return nil, ErrSearchEmpty
	}
	if !utf8.ValidString(q) {
		return nil, invalid("search.err_long", "the search is not valid UTF-8 text")
	}
	if n := utf8.RuneCountInString(q); n > MaxSearchQuery {
		return nil, invalid("search.err_long", "the search is %d characters; the limit is %d", n, MaxSearchQuery)
	}
	var terms []string
	seen := map[string]bool{}
	for _, f := range strings.FieldsFunc(q, func(r rune) bool { return unicode.IsSpace(r) || unicode.IsControl(r) }) {
		k := strings.ToLower(f)
		if !seen[k] {
			seen[k] = true
			terms = append(terms, f)
		}
	}
	if len(terms) == 0 {
		return nil, ErrSearchEmpty
	}
	if len(terms) > MaxSearchTerms {
		return nil, invalid("search.err_words", "the search has %d words; the limit is %d", len(terms), MaxSearchTerms)
	}
	return terms, nil
}

// Search finds guides, labs and tasks whose title, summary or body holds
// every word of q, in both languages unless opts.Lang says one.
func (s *Service) Search(ctx context.Context, q string, opts SearchOptions) (SearchPage, error) {
	terms, err := SearchTerms(q)
	if err != nil {
		return SearchPage{}, err
	}
	if opts.Lang != "" && !hasLang(opts.Lang) {
		return SearchPage{}, ErrSearchLang
	}
	if opts.PerPage <= 0 || opts.PerPage > MaxSearchResults {
		opts.PerPage = MaxSearchResults
	}
	page := max(opts.Page, 1)
	sq := store.SearchQuery{Terms: terms, Lang: opts.Lang, Prefer: opts.Prefer, Limit: opts.PerPage, Offset: (page - 1) * opts.PerPage}
	docs, total, err := s.store.Search(ctx, sq)
	if err != nil {
		return SearchPage{}, err
	}
	pages := max((total+opts.PerPage-1)/opts.PerPage, 1)
	if page > pages {
		page = pages
		sq.Offset = (page - 1) * opts.PerPage
		if docs, total, err = s.store.Search(ctx, sq); err != nil {
			return SearchPage{}, err
		}
	}
	out := SearchPage{Query: strings.TrimSpace(q), Total: total, Page: page, Pages: pages}
	folded := make([][]rune, len(terms))
	for i, t := range terms {
		folded[i] = foldRunes(t)
	}
	for _, d := range docs {
		out.Results = append(out.Results, SearchResult{
			Kind: d.Kind, ID: d.Ref, Lang: d.Lang,
			Title:   markTerms([]rune(d.Title), folded),
			Snippet: snippet(d, folded),
		})
	}
	return out, nil
}

func hasLang(lang string) bool {
	for _, l := range content.Langs() {
		if l == lang {
			return true
		}
	}
	return false
}

// RebuildSearchIndex refills the search index from the loaded guides, labs
// and tasks, unless it already holds exactly these. The index is derived
// data; New calls this at every start.
func (s *Service) RebuildSearchIndex(ctx context.Context) error {
	started := time.Now()
	docs := searchDocs(s.content, s.labs)
	rebuilt, err := s.store.RebuildSearchIndex(ctx, docs)
	if err != nil {
		return fmt.Errorf("domain: rebuild the search index: %w", err)
	}
	s.log.Info("search index ready", "documents", len(docs), "rebuilt", rebuilt, "ms", time.Since(started).Milliseconds())
	return nil
}

// searchDocs lists what search finds: every guide (each language is its
// own guide), and every lab and task in each language it is written in.
// A lab's hints and explanation are left out: they would give answers away
// in a snippet.
func searchDocs(idx *content.Index, cat *labs.Catalog) []store.SearchDoc {
	var docs []store.SearchDoc
	for _, g := range idx.Guides {
		docs = append(docs, store.SearchDoc{Kind: "guide", Ref: g.Slug, Lang: g.Lang, Title: g.Title, Summary: g.Summary, Body: plainText(string(g.Body.HTML))})
	}
	for _, l := range cat.Labs {
		for _, lang := range content.Langs() {
			text, ok := l.In(lang)
			if !ok {
				continue
			}
			docs = append(docs, store.SearchDoc{Kind: "lab", Ref: l.ID, Lang: lang, Title: text.Title, Summary: text.Summary, Body: plainText(string(text.Instructions.HTML))})
		}
	}
	for _, t := range idx.Tasks {
		for _, lang := range content.Langs() {
			text := t.In(lang)
			docs = append(docs, store.SearchDoc{Kind: "task", Ref: t.ID, Lang: lang, Title: text.Title, Summary: text.Summary, Body: plainText(string(text.Brief.HTML))})
		}
	}
	return docs
}

// blockTags separate words; other tags (code, em, a, span) sit inside one.
var blockTags = map[string]bool{
	"p": true, "li": true, "ul": true, "ol": true, "pre": true, "div": true, "blockquote": true,
	"h1": true, "h2": true, "h3": true, "h4": true, "h5": true, "h6": true, "br": true, "hr": true,
	"table": true, "thead": true, "tbody": true, "tr": true, "td": true, "th": true, "dt": true, "dd": true,
}

// plainText is rendered Markdown's text. The renderer drops raw HTML and
// escapes text, so every '<' opens a tag of its own making.
func plainText(h string) string {
	var b strings.Builder
	for h != "" {
		i := strings.IndexByte(h, '<')
		if i < 0 {
			b.WriteString(h)
			break
		}
		b.WriteString(h[:i])
		j := strings.IndexByte(h[i:], '>')
		if j < 0 {
			break
		}
		name := strings.TrimPrefix(h[i+1:i+j], "/")
		if k := strings.IndexAny(name, " \t\n/"); k >= 0 {
			name = name[:k]
		}
		if blockTags[strings.ToLower(name)] {
			b.WriteByte(' ')
		}
		h = h[i+j+1:]
	}
	return strings.Join(strings.Fields(html.UnescapeString(b.String())), " ")
}

// snippetRunes is about how long a snippet from a body is.
const snippetRunes = 200

// snippet shows where the terms occur: the summary when it holds one,
// else a window of the body around the first one, else the summary as it
// is (the title matched).
func snippet(d store.SearchDoc, terms [][]rune) []Fragment {
	summary := []rune(d.Summary)
	if first(foldSlice(summary), terms) >= 0 {
		return markTerms(summary, terms)
	}
	body := []rune(d.Body)
	pos := first(foldSlice(body), terms)
	if pos < 0 {
		return []Fragment{{Text: d.Summary}}
	}
	start, end := max(pos-snippetRunes/3, 0), min(pos+snippetRunes*2/3, len(body))
	// Cut at spaces, so no word is shown in half.
	if start > 0 {
		for i := start; i < pos; i++ {
			if unicode.IsSpace(body[i]) {
				start = i + 1
				break
			}
		}
	}
	if end < len(body) {
		for i := end; i > pos; i-- {
			if unicode.IsSpace(body[i]) {
				end = i
				break
			}
		}
	}
	out := markTerms(body[start:end], terms)
	if start > 0 {
		out = append([]Fragment{{Text: "…"}}, out...)
	}
	if end < len(body) {
		out = append(out, Fragment{Text: "…"})
	}
	return out
}

// markTerms splits text into fragments, marking every occurrence of a
// term, ignoring case.
func markTerms(text []rune, terms [][]rune) []Fragment {
	folded := foldSlice(text)
	marked := make([]bool, len(text))
	for _, t := range terms {
		for i := 0; i+len(t) <= len(folded); i++ {
			if equalRunes(folded[i:i+len(t)], t) {
				for k := i; k < i+len(t); k++ {
					marked[k] = true
				}
			}
		}
	}
	var out []Fragment
	for i := 0; i < len(text); {
		j := i
		for j < len(text) && marked[j] == marked[i] {
			j++
		}
		out = append(out, Fragment{Text: string(text[i:j]), Match: marked[i]})
		i = j
	}
	return out
}

// first is the position of the earliest occurrence of any term, or -1.
func first(folded []rune, terms [][]rune) int {
	best := -1
	for _, t := range terms {
		for i := 0; i+len(t) <= len(folded) && (best < 0 || i < best); i++ {
			if equalRunes(folded[i:i+len(t)], t) {
				best = i
				break
			}
		}
	}
	return best
}

// foldRunes lowers each rune on its own, so positions in the folded text
// are positions in the text.
func foldRunes(s string) []rune { return foldSlice([]rune(s)) }

func foldSlice(rs []rune) []rune {
	out := make([]rune, len(rs))
	for i, r := range rs {
		out[i] = unicode.ToLower(r)
	}
	return out
}

func equalRunes(a, b []rune) bool {
	for i := range b {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}
