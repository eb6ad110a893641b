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
		return nil, invalid("search.err_text", "the search is not valid UTF-8 text")
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
	folded := make([]string, len(terms))
	for i, t := range terms {
		folded[i] = fold(t)
	}
	for _, d := range docs {
		out.Results = append(out.Results, SearchResult{
			Kind: d.Kind, ID: d.Ref, Lang: d.Lang,
			Title:   markTerms(d.Title, fold(d.Title), folded),
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
// is (the title matched). terms are folded.
func snippet(d store.SearchDoc, terms []string) []Fragment {
	if f := fold(d.Summary); first(f, terms) >= 0 {
		return markTerms(d.Summary, f, terms)
	}
	body := d.Body
	folded := fold(body)
	pos := first(folded, terms)
	if pos < 0 {
		return []Fragment{{Text: d.Summary}}
	}
	// About a third of the window before the match, the rest after it,
	// cut at spaces so that no word is shown in half.
	start := pos
	for n := 0; n < snippetRunes/3 && start > 0; n++ {
		_, size := utf8.DecodeLastRuneInString(body[:start])
		start -= size
	}
	end := pos
	for n := 0; n < snippetRunes*2/3 && end < len(body); n++ {
		_, size := utf8.DecodeRuneInString(body[end:])
		end += size
	}
	if start > 0 {
		if i := strings.IndexByte(body[start:pos], ' '); i >= 0 {
			start += i + 1
		}
	}
	if end < len(body) {
		if i := strings.LastIndexByte(body[pos:end], ' '); i > 0 {
			end = pos + i
		}
	}
	out := markTerms(body[start:end], folded[start:end], terms)
	if start > 0 {
		out = append([]Fragment{{Text: "…"}}, out...)
	}
	if end < len(body) {
		out = append(out, Fragment{Text: "…"})
	}
	return out
}

// markTerms splits text into fragments, marking every occurrence of a
// term; folded is fold(text). A valid UTF-8 term matches only at rune
// boundaries, so every fragment is whole runes.
func markTerms(text, folded string, terms []string) []Fragment {
	marked := make([]bool, len(text))
	for _, t := range terms {
		for i := 0; i < len(folded); {
			j := strings.Index(folded[i:], t)
			if j < 0 {
				break
			}
			for k := i + j; k < i+j+len(t); k++ {
				marked[k] = true
			}
			_, size := utf8.DecodeRuneInString(folded[i+j:])
			i += j + size
		}
	}
	var out []Fragment
	for i := 0; i < len(text); {
		j := i
		for j < len(text) && marked[j] == marked[i] {
			j++
		}
		out = append(out, Fragment{Text: text[i:j], Match: marked[i]})
		i = j
	}
	return out
}

// first is the byte position of the earliest occurrence of any term, or -1.
func first(folded string, terms []string) int {
	best := -1
	for _, t := range terms {
		if i := strings.Index(folded, t); i >= 0 && (best < 0 || i < best) {
			best = i
		}
	}
	return best
}

// fold lowers the case of s without changing the length in bytes of any
// rune, so that a position in fold(s) is the same position in s. A rune
// whose lower case is longer or shorter stays as it is. Hangul and CJK
// have no case and are copied as they are, which keeps Korean text fast.
func fold(s string) string {
	b := make([]byte, len(s))
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			if 'A' <= c && c <= 'Z' {
				c += 'a' - 'A'
			}
			b[i] = c
			i++
			continue
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		if l := unicode.ToLower(r); !caseless(r) && l != r && utf8.RuneLen(l) == n {
			utf8.EncodeRune(b[i:], l)
		} else {
			copy(b[i:i+n], s[i:i+n])
		}
		i += n
	}
	return string(b)
}

// caseless says r is in a block without case (Hangul, kana, CJK), which
// spares the case tables for most of the Korean text.
func caseless(r rune) bool {
	return r >= 0x1100 && r < 0x1200 || r >= 0x3000 && r < 0xA640 || r >= 0xAC00 && r < 0xD800
}
