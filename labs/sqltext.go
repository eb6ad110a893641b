package labs

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Statement is one statement of a script, as the author or learner wrote it.
type Statement struct {
	Text    string // without the trailing ';'
	Line    int    // 1-based line where the statement starts
	Keyword string // first keyword, upper case ("SELECT", "WITH", "PRAGMA", ...)
	Comment string // text of a '-- check: ...' comment right before it, if any
	// CommentKo is the text of a '-- check.ko: ...' comment beside it:
	// the same message in Korean.
	CommentKo string
}

// SplitStatements splits a script on semicolons that are outside string
// literals, quoted identifiers, dollar-quoted strings and comments. Pieces
// with only comments and blanks are dropped. DuckDB's own prepare refuses a
// piece that still holds two statements, so a mistake here fails closed.
func SplitStatements(script string) []Statement {
	var out []Statement
	start, line, startLine := 0, 1, 1
	emit := func(end int) {
		text := script[start:end]
		kw := firstKeyword(text)
		if kw != "" {
			en, ko := checkComment(text)
			out = append(out, Statement{Text: strings.TrimSpace(text), Line: startLine + leadingLines(text), Keyword: kw, Comment: en, CommentKo: ko})
		}
	}
	i := 0
	for i < len(script) {
		c := script[i]
		switch {
		case c == '\n':
			line++
			i++
		case c == '\'' || c == '"':
			j := skipQuoted(script, i, c)
			line += strings.Count(script[i:j], "\n")
			i = j
		case c == '-' && i+1 < len(script) && script[i+1] == '-':
			j := strings.IndexByte(script[i:], '\n')
			if j < 0 {
				j = len(script) - i
			}
			i += j
		case c == '/' && i+1 < len(script) && script[i+1] == '*':
			j := strings.Index(script[i+2:], "*/")
			end := len(script)
			if j >= 0 {
				end = i + 2 + j + 2
			}
			line += strings.Count(script[i:end], "\n")
			i = end
		case c == '$':
			if tag, ok := dollarTag(script[i:]); ok {
				j := strings.Index(script[i+len(tag):], tag)
				end := len(script)
				if j >= 0 {
					end = i + len(tag) + j + len(tag)
				}
				line += strings.Count(script[i:end], "\n")
				i = end
			} else {
				i++
			}
		case c == ';':
			emit(i)
			i++
			start, startLine = i, line
		default:
			i++
		}
	}
	emit(len(script))
	return out
}

// skipQuoted returns the index after the literal that starts at i. A doubled
// quote inside is an escaped quote.
func skipQuoted(s string, i int, q byte) int {
	j := i + 1
	for j < len(s) {
		if s[j] == q {
			if j+1 < len(s) && s[j+1] == q {
				j += 2
				continue
			}
			return j + 1
		}
		j++
	}
	return len(s)
}

// dollarTag recognises $$ or $tag$ at the start of s.
func dollarTag(s string) (string, bool) {
	for j := 1; j < len(s); j++ {
		c := s[j]
		if c == '$' {
			return s[:j+1], true
		}
		if !(c == '_' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || j > 1 && c >= '0' && c <= '9') {
			return "", false
		}
	}
	return "", false
}

// stripComments removes comments, keeping line breaks so positions hold.
func stripComments(s string) string {
	var b strings.Builder
	i := 0
	for i < len(s) {
		c := s[i]
		switch {
		case c == '\'' || c == '"':
			j := skipQuoted(s, i, c)
			b.WriteString(s[i:j])
			i = j
		case c == '-' && i+1 < len(s) && s[i+1] == '-':
			j := strings.IndexByte(s[i:], '\n')
			if j < 0 {
				return b.String()
			}
			i += j
		case c == '/' && i+1 < len(s) && s[i+1] == '*':
			j := strings.Index(s[i+2:], "*/")
			end := len(s)
			if j >= 0 {
				end = i + 2 + j + 2
			}
			b.WriteString(strings.Repeat("\n", strings.Count(s[i:end], "\n")))
			i = end
		default:
			b.WriteByte(c)
			i++
		}
	}
	return b.String()
}

func firstKeyword(text string) string {
	s := strings.TrimLeftFunc(stripComments(text), func(r rune) bool { return unicode.IsSpace(r) || r == '(' })
	end := strings.IndexFunc(s, func(r rune) bool { return !(unicode.IsLetter(r) || r == '_') })
	if end < 0 {
		end = len(s)
	}
	return strings.ToUpper(s[:end])
}

func leadingLines(text string) int {
	stripped := stripComments(text)
	trimmed := strings.TrimLeftFunc(stripped, unicode.IsSpace)
	return strings.Count(stripped[:len(stripped)-len(trimmed)], "\n")
}

// checkComment finds "-- check: message" and "-- check.ko: 메시지" in the
// comments before the first keyword of a statement.
func checkComment(text string) (en, ko string) {
	for _, l := range strings.Split(text, "\n") {
		t := strings.TrimSpace(l)
		if strings.HasPrefix(t, "--") {
			body := strings.TrimSpace(strings.TrimPrefix(t, "--"))
			if rest, ok := strings.CutPrefix(body, "check:"); ok {
				en = strings.TrimSpace(rest)
			}
			if rest, ok := strings.CutPrefix(body, "check.ko:"); ok {
				ko = strings.TrimSpace(rest)
			}
			continue
		}
		if t != "" {
			break
		}
	}
	return en, ko
}

// HasTopLevelOrderBy reports whether the statement's outermost query ends
// with ORDER BY: an ORDER BY outside every parenthesis. Window clauses,
// aggregates and subqueries keep theirs inside parentheses.
func HasTopLevelOrderBy(stmt string) bool {
	s := stripComments(stmt)
	depth := 0
	var words []string
	i := 0
	for i < len(s) {
		c := s[i]
		switch {
		case c == '\'' || c == '"':
			i = skipQuoted(s, i, c)
			words = append(words, "")
		case c == '(':
			depth++
			i++
		case c == ')':
			depth--
			i++
		case isWordByte(c):
			j := i
			for j < len(s) && isWordByte(s[j]) {
				j++
			}
			if depth == 0 {
				words = append(words, strings.ToUpper(s[i:j]))
			}
			i = j
		default:
			i++
		}
	}
	for k := 0; k+1 < len(words); k++ {
		if words[k] == "ORDER" && words[k+1] == "BY" {
			return true
		}
	}
	return false
}

func isWordByte(c byte) bool {
	return c == '_' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c >= utf8.RuneSelf
}
