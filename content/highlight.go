package content

import (
	"bytes"
	"fmt"
	"html/template"

	"github.com/alecthomas/chroma/v2"
	chromahtml "github.com/alecthomas/chroma/v2/formatters/html"
	"github.com/alecthomas/chroma/v2/lexers"
	"github.com/alecthomas/chroma/v2/styles"
)

// Highlight renders code in language ("sql", "python", ...) as the
// guides' code blocks are: chroma's classes, styled by HighlightCSS. Its
// output escapes the code.
func Highlight(code, language string) (template.HTML, error) {
	lexer := lexers.Get(language)
	if lexer == nil {
		lexer = lexers.Fallback
	}
	it, err := chroma.Coalesce(lexer).Tokenise(nil, code)
	if err != nil {
		return "", fmt.Errorf("content: highlight %s: %w", language, err)
	}
	var buf bytes.Buffer
	if err := chromahtml.New(chromahtml.WithClasses(true)).Format(&buf, styles.Get(HighlightStyle), it); err != nil {
		return "", fmt.Errorf("content: highlight %s: %w", language, err)
	}
	return template.HTML(buf.String()), nil
}
