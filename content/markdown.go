package content

import (
	"bytes"
	"errors"
	"fmt"
	"html/template"
	"strings"

	chromahtml "github.com/alecthomas/chroma/v2/formatters/html"
	"github.com/alecthomas/chroma/v2/styles"
	"github.com/yuin/goldmark"
	highlighting "github.com/yuin/goldmark-highlighting/v2"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/renderer"
	"github.com/yuin/goldmark/text"
)

// HighlightStyle is the chroma style used for code blocks.
const HighlightStyle = "github"

// Heading is one entry of a page's table of contents.
type Heading struct {
	Level int
	ID    string
	Text  string
}

// Rendered is Markdown turned into safe HTML once, at load.
type Rendered struct {
	HTML  template.HTML
	TOC   []Heading
	Links []string // every link destination, for link checks
	Words int
	parts []string // HTML cut at each checklist checkbox (checklist.go)
}

// Renderer turns Markdown into HTML. Raw HTML in the source is dropped
// (goldmark's default without WithUnsafe), so authors cannot inject script.
type Renderer struct {
	md goldmark.Markdown
}

// NewRenderer returns a renderer with GFM, heading ids and syntax
// highlighting through CSS classes (see HighlightCSS).
func NewRenderer() *Renderer {
	return &Renderer{md: goldmark.New(
		goldmark.WithExtensions(
			extension.GFM,
			highlighting.NewHighlighting(
				highlighting.WithStyle(HighlightStyle),
				highlighting.WithFormatOptions(chromahtml.WithClasses(true)),
			),
		),
		goldmark.WithParserOptions(parser.WithAutoHeadingID()),
		goldmark.WithRendererOptions(renderer.WithNodeRenderers(taskListPriority())),
	)}
}

// Render converts source to HTML and collects its table of contents (h2 and
// h3) and links.
func (r *Renderer) Render(source []byte) (Rendered, error) {
	doc := r.md.Parser().Parse(text.NewReader(source))
	var out Rendered
	err := ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		switch n := n.(type) {
		case *ast.Heading:
			if n.Level == 2 || n.Level == 3 {
				id, _ := n.AttributeString("id")
				idBytes, _ := id.([]byte)
				out.TOC = append(out.TOC, Heading{Level: n.Level, ID: string(idBytes), Text: plainText(n, source)})
			}
		case *ast.Link:
			out.Links = append(out.Links, string(n.Destination))
		case *ast.AutoLink:
			out.Links = append(out.Links, string(n.URL(source)))
		}
		return ast.WalkContinue, nil
	})
	if err != nil {
		return out, err
	}
	var buf bytes.Buffer
	if err := r.md.Renderer().Render(&buf, source, doc); err != nil {
		return out, fmt.Errorf("render: %w", err)
	}
	out.parts = splitChecks(buf.String())
	out.HTML = template.HTML(buf.String()) // goldmark escapes text and drops raw HTML
	if out.parts != nil {
		out.HTML = out.WithChecks(sourceTicks(doc), false)
	}
	out.Words = countWords(source)
	return out, nil
}

func plainText(n ast.Node, source []byte) string {
	var b strings.Builder
	_ = ast.Walk(n, func(c ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		switch c := c.(type) {
		case *ast.Text:
			b.Write(c.Segment.Value(source))
		case *ast.String:
			b.Write(c.Value)
		case *ast.CodeSpan:
			for ch := c.FirstChild(); ch != nil; ch = ch.NextSibling() {
				if t, ok := ch.(*ast.Text); ok {
					b.Write(t.Segment.Value(source))
				}
			}
			return ast.WalkSkipChildren, nil
		}
		return ast.WalkContinue, nil
	})
	return strings.TrimSpace(b.String())
}

// countWords counts whitespace-separated words outside fenced code.
func countWords(source []byte) int {
	n, fenced := 0, false
	for _, line := range strings.Split(string(source), "\n") {
		if strings.HasPrefix(strings.TrimSpace(line), "```") {
			fenced = !fenced
			continue
		}
		if !fenced {
			n += len(strings.Fields(line))
		}
	}
	return n
}

// HighlightCSS returns the stylesheet for the highlight classes.
func HighlightCSS() ([]byte, error) {
	style := styles.Get(HighlightStyle)
	if style == nil {
		return nil, errors.New("content: highlight style missing")
	}
	var buf bytes.Buffer
	if err := chromahtml.New(chromahtml.WithClasses(true)).WriteCSS(&buf, style); err != nil {
		return nil, fmt.Errorf("content: highlight css: %w", err)
	}
	return buf.Bytes(), nil
}
