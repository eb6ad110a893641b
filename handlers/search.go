package handlers

import (
	"errors"
	"strings"

	"github.com/gofiber/fiber/v2"

	"ladder/domain"
)

// searchPerPage is how many results one search page shows.
const searchPerPage = 20

// searchResultView is a result as the page shows it.
type searchResultView struct {
	domain.SearchResult
	URL   string
	Other bool // in the other language than the page's
}

func searchURL(kind, id string) string {
	switch kind {
	case "lab":
		return "/labs/" + id
	case "task":
		return "/tasks/" + id
	}
	return "/guides/" + id
}

// searchPage is /search?q=: a GET form that works without JavaScript. An
// empty query is the empty state, not an error; a query over the bounds is
// a 400 with the reason, and the box keeps what was typed.
func (s *Server) searchPage(c *fiber.Ctx) error {
	lang := langOf(c)
	q := c.Query("q")
	data := fiber.Map{"Query": q}
	title := s.msgs.T(lang, "search.title")
	if strings.TrimSpace(q) == "" {
		return c.Render("search", s.view(c, "search", title, data))
	}
	page, err := s.ops.Search(c.UserContext(), q, domain.SearchOptions{Prefer: lang, Page: pageNumber(c), PerPage: searchPerPage})
	var de *domain.Error
	if errors.As(err, &de) && de.Kind == domain.Invalid {
		data["Error"] = de.Key
		return c.Status(fiber.StatusBadRequest).Render("search", s.view(c, "search", title, data))
	}
	if err != nil {
		return err
	}
	views := make([]searchResultView, 0, len(page.Results))
	for _, r := range page.Results {
		views = append(views, searchResultView{SearchResult: r, URL: searchURL(r.Kind, r.ID), Other: r.Lang != lang})
	}
	data["Results"], data["Total"], data["Searched"] = views, page.Total, true
	data["Pager"] = newPager(page.Page, page.Total, searchPerPage)
	return c.Render("search", s.view(c, "search", q+" · "+title, data))
}

// searchJSON is one result of GET /api/v1/search.
type searchJSON struct {
	Kind    string `json:"kind"`
	ID      string `json:"id"`
	Title   string `json:"title"`
	Lang    string `json:"lang"`
	Snippet string `json:"snippet"`
	URL     string `json:"url"`
}

// apiSearch is GET /api/v1/search?q=[&lang=en|ko]: at most
// domain.MaxSearchResults results, best first, in both languages unless
// lang says one. The snippet is plain text.
func (s *Server) apiSearch(c *fiber.Ctx) error {
	page, err := s.ops.Search(c.UserContext(), c.Query("q"), domain.SearchOptions{Lang: c.Query("lang"), PerPage: domain.MaxSearchResults})
	if err != nil {
		return err
	}
	out := make([]searchJSON, 0, len(page.Results))
	for _, r := range page.Results {
		out = append(out, searchJSON{Kind: r.Kind, ID: r.ID, Title: joinFragments(r.Title), Lang: r.Lang, Snippet: joinFragments(r.Snippet), URL: searchURL(r.Kind, r.ID)})
	}
	return c.JSON(out)
}

func joinFragments(fs []domain.Fragment) string {
	var b strings.Builder
	for _, f := range fs {
		b.WriteString(f.Text)
	}
	return b.String()
}
