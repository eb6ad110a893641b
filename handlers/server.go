// Package handlers serves Ladder's pages and JSON API. It wires the content
// index, the store and the templates together; routes.go lists every route.
package handlers

import (
	"fmt"
	"html/template"
	"log/slog"
	"math"
	"net/http"
	"strings"
	"time"

	"github.com/gofiber/fiber/v2"
	"github.com/gofiber/template/html/v2"

	"ladder/assets"
	"ladder/content"
	"ladder/domain"
	"ladder/labs"
	"ladder/store"
	"ladder/templates"
)

// Options are what a Server is built from: what the operations need, and
// what only HTTP needs.
type Options struct {
	domain.Options        // the store, content, labs, grader and logger
	BaseURL        string //
	JWTKey         []byte // HS256 signing key, at least 32 bytes
	Limits         Limits
	// TrustedProxies are the addresses (IPs or CIDR ranges) of load
	// balancers whose X-Forwarded-For names the client. Without them the
	// client is the connection's peer, and a proxy's clients would share
	// one address's limits.
	TrustedProxies []string
}

// Server holds the dependencies every handler needs. It has no mutable state
// of its own beyond the metrics registry.
type Server struct {
	app     *fiber.App
	store   *store.Store
	content *content.Index
	labs    *labs.Catalog
	grader  *labs.Pool
	ops     *domain.Service // every operation with a rule in it
	schemas *schemaCache
	pages   *pageCache
	assets  *assets.Set
	msgs    *templates.Catalog
	log     *slog.Logger
	metrics *metrics

	now           func() time.Time
	baseURL       string
	jwtKey        []byte
	secureCookies bool
	limits        Limits
}

// New builds the server: it loads the templates, assets and message catalog
// and registers every route. Any error here should stop the start.
func New(opts Options) (*Server, error) {
	if opts.Logger == nil {
		opts.Logger = slog.Default()
	}
	ops, err := domain.New(opts.Options)
	if err != nil {
		return nil, err
	}
	if len(opts.JWTKey) < 32 {
		return nil, fmt.Errorf("handlers: the JWT signing key must be at least 32 bytes")
	}
	msgs, err := templates.LoadCatalog()
	if err != nil {
		return nil, err
	}
	css, err := content.HighlightCSS()
	if err != nil {
		return nil, err
	}
	set, err := assets.Load(map[string][]byte{"css/chroma.css": css})
	if err != nil {
		return nil, err
	}
	s := &Server{
		store:   opts.Store,
		content: opts.Content,
		labs:    opts.Labs,
		grader:  opts.Grader,
		ops:     ops,
		schemas: newSchemaCache(),
		pages:   newPageCache(),
		assets:  set,
		msgs:    msgs,
		log:     opts.Logger,
		metrics: newMetrics(),

		now:           opts.Store.Now, // one clock: the store's
		baseURL:       opts.BaseURL,
		jwtKey:        opts.JWTKey,
		secureCookies: strings.HasPrefix(opts.BaseURL, "https://"),
		limits:        opts.Limits.withDefaults(),
	}
	engine := html.NewFileSystem(http.FS(templates.Files), ".html")
	engine.AddFuncMap(template.FuncMap{
		"t":          msgs.T,
		"tn":         msgs.N, // counted messages, by the language's plural rule
		"asset":      set.URL,
		"competency": s.content.Framework.Competency,
		"card":       func(lang string, g *content.Guide) guideCard { return guideCard{Lang: lang, Guide: g} },
		"field": func(lang, name, label, typ, value, errKey, autocomplete, help string) formField {
			return formField{Lang: lang, Name: name, Label: label, Type: typ, Value: value, Error: errKey, Autocomplete: autocomplete, Help: help}
		},
		"inc":   func(i int) int { return i + 1 },
		"list":  func(v ...string) []string { return v },
		"pct":   func(f float64) int { return int(math.Round(f * 100)) },
		"cell":  labs.CellText, // the same text as the feedback gives the value
		"dict2": func(lang string, m fiber.Map) fiber.Map { m["Lang"] = lang; return m },
		"kv":    func(k string, v any) fiber.Map { return fiber.Map{k: v} },
		"code":  inlineCode,
		"pagerArgs": func(lang string, data fiber.Map) pagerView {
			p, _ := data["Pager"].(pager)
			return pagerView{Lang: lang, Pager: p}
		},
	})
	if err := engine.Load(); err != nil {
		return nil, fmt.Errorf("handlers: load templates: %w", err)
	}
	s.app = fiber.New(fiber.Config{
		Views:                 engine,
		ViewsLayout:           "layouts/base",
		ErrorHandler:          s.handleError,
		DisableStartupMessage: true,
		ReadTimeout:           30 * time.Second,
		WriteTimeout:          60 * time.Second,
		IdleTimeout:           120 * time.Second,
		BodyLimit:             1 << 20,
		// c.IP() is X-Forwarded-For only from a trusted proxy, which must
		// set the header to the client's address rather than append to
		// what the client sent: Fiber takes the first valid address.
		EnableTrustedProxyCheck: len(opts.TrustedProxies) > 0,
		TrustedProxies:          opts.TrustedProxies,
		ProxyHeader:             proxyHeader(opts.TrustedProxies),
		EnableIPValidation:      true,
	})
	s.metrics.registerGauges(opts.Grader, opts.Store)
	opts.Grader.SetObserver(s.metrics.observeGrading)
	s.routes()
	return s, nil
}

func proxyHeader(trusted []string) string {
	if len(trusted) == 0 {
		return ""
	}
	return fiber.HeaderXForwardedFor
}

// App returns the Fiber application, for serving and for app.Test.
func (s *Server) App() *fiber.App { return s.app }

type formField struct {
	Lang, Name, Label, Type, Value, Error, Autocomplete, Help string
	Required                                                  bool
}

type pagerView struct {
	Lang  string
	Pager pager
}

type guideCard struct {
	Lang  string
	Guide *content.Guide
}

// inlineCode escapes text and shows `backticked` spans as code, for short
// authored strings such as quiz questions that use Markdown's code spans.
func inlineCode(s string) template.HTML {
	parts := strings.Split(s, "`")
	if len(parts)%2 == 0 { // an unpaired backtick: leave the text as it is
		return template.HTML(template.HTMLEscapeString(s))
	}
	var b strings.Builder
	for i, p := range parts {
		if i%2 == 1 {
			b.WriteString("<code>" + template.HTMLEscapeString(p) + "</code>")
		} else {
			b.WriteString(template.HTMLEscapeString(p))
		}
	}
	return template.HTML(b.String())
}
