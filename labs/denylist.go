package labs

import (
	"context"
	"database/sql/driver"
	"encoding/json"
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"
)

// deniedFunctions are the functions and views a submission may not name.
// lock_configuration does not stop them: a plain SELECT can call a table
// function that turns on DuckDB's query log (where the next caller reads
// other learners' SQL), switches profiling or the parser, or checkpoints,
// and the change outlives the submission's rolled-back transaction.
//
// How the list was built: `SELECT function_name, function_type FROM
// duckdb_functions()` in a sandbox database of DuckDB v1.5.6 (the
// duckdb-go v2.10506.0 bindings, with core_functions, icu, json, parquet
// and autocomplete built in) gives 611 scalar, 88 aggregate, 118 macro, 89
// table, 4 table-macro and 45 pragma functions; each was classified, and
// testdata/duckdb_functions.txt pins that list so a DuckDB upgrade that
// adds a function fails TestDuckDBFunctionListReviewed until someone
// classifies the new names. Pragma functions need PRAGMA or CALL, which
// are refused as statements; the pragmas that are also table functions are
// here. File readers (read_csv, glob, read_parquet, ...) are left to
// enable_external_access = false, which refuses them. Aggregates, window
// functions and the remaining scalars compute values and nothing else.
var deniedFunctions = map[string]text{
	// logging: settings that outlive the submission, and the log itself,
	// which holds other submissions' SQL and the lab's hidden SQL
	"enable_logging":       {"it changes the grader's logging", "채점기의 로깅 설정을 바꿉니다"},
	"disable_logging":      {"it changes the grader's logging", "채점기의 로깅 설정을 바꿉니다"},
	"truncate_duckdb_logs": {"it changes the grader's log", "채점기의 로그를 바꿉니다"},
	"write_log":            {"it writes to the grader's log", "채점기의 로그에 씁니다"},
	"duckdb_logs":          {"it reads the grader's log, which holds other submissions", "다른 제출이 담긴 채점기의 로그를 읽습니다"},
	"duckdb_logs_parsed":   {"it reads the grader's log, which holds other submissions", "다른 제출이 담긴 채점기의 로그를 읽습니다"},
	"duckdb_log_contexts":  {"it reads the grader's log, which holds other submissions", "다른 제출이 담긴 채점기의 로그를 읽습니다"},
	// profiling: settings that outlive the submission; output to stdout
	"enable_profiling":          {"it changes the grader's profiling", "채점기의 프로파일링 설정을 바꿉니다"},
	"disable_profiling":         {"it changes the grader's profiling", "채점기의 프로파일링 설정을 바꿉니다"},
	"duckdb_profiling_settings": {"it reads the grader's profiling settings", "채점기의 프로파일링 설정을 읽습니다"},
	// storage
	"checkpoint":       {"it checkpoints the database", "데이터베이스에 체크포인트를 만듭니다"},
	"force_checkpoint": {"it checkpoints the database", "데이터베이스에 체크포인트를 만듭니다"},
	// parser switches
	"enable_peg_parser":  {"it switches the grader's SQL parser", "채점기의 SQL 파서를 바꿉니다"},
	"disable_peg_parser": {"it switches the grader's SQL parser", "채점기의 SQL 파서를 바꿉니다"},
	"check_peg_parser":   {"it switches the grader's SQL parser", "채점기의 SQL 파서를 바꿉니다"},
	// SQL run from a string would pass every check here unseen
	"query":                       {"it runs SQL from a string", "문자열에 담긴 SQL을 실행합니다"},
	"query_table":                 {"it runs SQL from a string", "문자열에 담긴 SQL을 실행합니다"},
	"json_execute_serialized_sql": {"it runs SQL from a string", "문자열에 담긴 SQL을 실행합니다"},
	"json_serialize_plan":         {"it plans SQL from a string", "문자열에 담긴 SQL의 실행 계획을 만듭니다"},
	// state outside the transaction, other sessions, raw memory
	"setseed":                    {"it changes the random seed for later submissions", "이후 제출의 난수 시드를 바꿉니다"},
	"duckdb_prepared_statements": {"it lists the grader's prepared statements", "채점기의 준비된 문장(prepared statement)을 나열합니다"},
	"pg_prepared_statements":     {"it lists the grader's prepared statements", "채점기의 준비된 문장(prepared statement)을 나열합니다"},
	"arrow_scan":                 {"it reads raw memory addresses", "메모리 주소를 직접 읽습니다"},
	"arrow_scan_dumb":            {"it reads raw memory addresses", "메모리 주소를 직접 읽습니다"},
	// a worker held without work; no lab needs a pause
	"sleep_ms": {"it only waits", "기다리기만 합니다"},
	"pg_sleep": {"it only waits", "기다리기만 합니다"},
}

// deniedPrefix covers DuckDB's internal functions (__internal_compress_*,
// ...): the optimizer's, never meant to be called on arbitrary input.
const deniedPrefix = "__internal"

// callOnly are denied names that are also ordinary words ("query" is a
// fine column name): only a call, the name then "(", is refused.
var callOnly = map[string]bool{"query": true, "checkpoint": true}

// deniedUse finds a denied function or view in one statement. It looks
// three ways, so that no single lexing mistake lets a call through:
//
//  1. the raw text, case-folded, for each denied name as a whole word,
//     inside strings and comments too: quoting, schema qualification,
//     comments or odd whitespace cannot hide a name that is not there
//     as a word, and no honest submission mentions these names;
//  2. DuckDB's own lexical rules (nested block comments, E'...' strings with
//     backslash escapes, dollar quotes, quoted identifiers, Unicode
//     spaces), for the ordinary words in callOnly, which count only when
//     a "(" follows after any blanks and comments;
//  3. for SELECT statements, DuckDB's parser (refuseParsed), which sees
//     exactly what will run.
//
// A text-only check alone would have to agree with DuckDB's lexer in every
// corner, and DuckDB's parser alone serializes only SELECT statements,
// while etl scripts hide calls in INSERT ... SELECT, views and macros.
func deniedUse(text string) (name string, found bool) {
	lower := strings.ToLower(text)
	for n := range deniedFunctions {
		if !callOnly[n] && containsWord(lower, n) {
			return n, true
		}
	}
	if i := strings.Index(lower, deniedPrefix); i >= 0 && (i == 0 || !isASCIIWord(lower[i-1])) {
		end := i
		for end < len(lower) && isASCIIWord(lower[end]) {
			end++
		}
		return lower[i:end], true
	}
	toks := lexSQL(text)
	for i, t := range toks {
		if t.kind == tokIdent && callOnly[t.text] && i+1 < len(toks) && toks[i+1].kind == tokOpen {
			return t.text, true
		}
	}
	return "", false
}

func isASCIIWord(c byte) bool {
	return c == '_' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
}

// containsWord reports whether word occurs in s with no ASCII letter, digit
// or '_' on either side. Any other neighbour counts as a boundary, which
// errs on the side of refusing.
func containsWord(s, word string) bool {
	for off := 0; ; {
		i := strings.Index(s[off:], word)
		if i < 0 {
			return false
		}
		i += off
		end := i + len(word)
		if (i == 0 || !isASCIIWord(s[i-1])) && (end == len(s) || !isASCIIWord(s[end])) {
			return true
		}
		off = i + 1
	}
}

func deniedMessage(n int, name string) error {
	why, ok := deniedFunctions[name]
	if !ok {
		why = text{"it is internal to DuckDB", "DuckDB 내부용입니다"}
	}
	return refuse("statement %d: %s is not allowed in labs: %s", "%d번째 문장: %s 함수는 실습에서 쓸 수 없습니다(%s)", n, name, why)
}

type tokKind uint8

const (
	tokIdent tokKind = iota // identifier or keyword, unquoted or quoted; text lower case
	tokOpen                 // "("
	tokOther                // anything else outside strings and comments
)

type token struct {
	kind tokKind
	text string
}

// lexSQL splits text into tokens the way DuckDB's scanner does, dropping
// blanks, comments and string literals. Where unsure it splits more (every
// Unicode space and format character separates tokens), which can only
// make a call easier to see.
func lexSQL(s string) []token {
	var out []token
	i := 0
	for i < len(s) {
		c := s[i]
		r, size := utf8.DecodeRuneInString(s[i:])
		switch {
		case isBlank(r):
			i += size
		case c == '-' && strings.HasPrefix(s[i:], "--"):
			// a line comment ends at \n or \r, as in DuckDB
			j := strings.IndexAny(s[i:], "\n\r")
			if j < 0 {
				return out
			}
			i += j
		case c == '/' && strings.HasPrefix(s[i:], "/*"):
			i = skipBlockComment(s, i)
		case (c == 'e' || c == 'E') && i+1 < len(s) && s[i+1] == '\'':
			i = skipEscapeString(s, i+1)
		case c == '\'':
			i = skipQuoted(s, i, '\'')
		case c == '"':
			j := skipQuoted(s, i, '"')
			name := strings.ReplaceAll(s[i+1:max(i+1, j-1)], `""`, `"`)
			out = append(out, token{tokIdent, strings.ToLower(name)})
			i = j
		case c == '$':
			if tag, ok := dollarTag(s[i:]); ok {
				j := strings.Index(s[i+len(tag):], tag)
				if j < 0 {
					return out
				}
				i += len(tag) + j + len(tag)
			} else {
				out = append(out, token{tokOther, "$"})
				i++
			}
		case c == '(':
			out = append(out, token{tokOpen, "("})
			i++
		case isIdentStart(r):
			j := i + size
			for j < len(s) {
				r2, n := utf8.DecodeRuneInString(s[j:])
				if !isIdentPart(r2) {
					break
				}
				j += n
			}
			out = append(out, token{tokIdent, strings.ToLower(s[i:j])})
			i = j
		default:
			out = append(out, token{tokOther, s[i : i+size]})
			i += size
		}
	}
	return out
}

// isBlank is whitespace to DuckDB, which also replaces Unicode spaces
// (U+00A0, U+3000, U+200B, U+FEFF, ...) with blanks before it parses.
func isBlank(r rune) bool {
	return unicode.IsSpace(r) || unicode.Is(unicode.Cf, r) || r == utf8.RuneError
}

func isIdentStart(r rune) bool {
	return r == '_' || r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= utf8.RuneSelf && !isBlank(r)
}

// isIdentPart: identifiers may hold '$' after the first character (a$b$
// is one identifier, not a dollar quote).
func isIdentPart(r rune) bool {
	return isIdentStart(r) || r >= '0' && r <= '9' || r == '$'
}

// skipBlockComment returns the index after the comment at i. Block
// comments nest in DuckDB: /* a /* b */ c */ is one comment.
func skipBlockComment(s string, i int) int {
	depth := 0
	for i < len(s) {
		switch {
		case strings.HasPrefix(s[i:], "/*"):
			depth++
			i += 2
		case strings.HasPrefix(s[i:], "*/"):
			depth--
			i += 2
			if depth == 0 {
				return i
			}
		default:
			i++
		}
	}
	return len(s)
}

// skipEscapeString returns the index after E'...' whose quote is at i: a
// backslash escapes the next character, and a doubled quote is a quote.
func skipEscapeString(s string, i int) int {
	j := i + 1
	for j < len(s) {
		switch s[j] {
		case '\\':
			j += 2
			continue
		case '\'':
			if j+1 < len(s) && s[j+1] == '\'' {
				j += 2
				continue
			}
			return j + 1
		}
		j++
	}
	return len(s)
}

// refuseParsed asks DuckDB's parser what a SELECT statement calls and
// reads: every function and table name in its parse tree, wherever it
// sits (subqueries, CTEs, lateral joins, method-call syntax). Parsing runs
// nothing. Statements the serializer cannot take (not a SELECT, or a
// syntax error for prepare to report) are left to deniedUse.
func (db *database) refuseParsed(ctx context.Context, n int, s Statement) (calls bool, err error) {
	st, err := db.cached("SELECT json_serialize_sql(?::VARCHAR)")
	if err != nil {
		return true, fmt.Errorf("labs: prepare the parse check: %w", err)
	}
	rows, err := st.QueryContext(ctx, []driver.NamedValue{{Ordinal: 1, Value: s.Text}})
	if err != nil {
		return true, fmt.Errorf("labs: parse check: %w", err)
	}
	defer rows.Close()
	vals := make([]driver.Value, 1)
	if err := rows.Next(vals); err != nil {
		return true, fmt.Errorf("labs: parse check: %w", err)
	}
	var tree any
	switch v := vals[0].(type) {
	case string:
		err = json.Unmarshal([]byte(v), &tree)
	default:
		tree = v // the driver may decode JSON itself
	}
	if err != nil {
		return true, fmt.Errorf("labs: parse check: %w", err)
	}
	if name, ok := deniedInTree(tree); ok {
		return true, deniedMessage(n, name)
	}
	if m, ok := tree.(map[string]any); ok && m["error"] == true {
		return true, nil // not a SELECT: left to the other checks, and watched
	}
	return callsTableFunction(tree), nil
}

// pureTableFunctions make rows and nothing else.
var pureTableFunctions = map[string]bool{"range": true, "generate_series": true, "unnest": true}

// callsTableFunction reports whether a parse tree calls a table function
// that is not one of the pure ones.
func callsTableFunction(node any) bool {
	switch x := node.(type) {
	case map[string]any:
		if x["type"] == "TABLE_FUNCTION" {
			f, _ := x["function"].(map[string]any)
			name, _ := f["function_name"].(string)
			if !pureTableFunctions[strings.ToLower(name)] {
				return true
			}
		}
		for _, v := range x {
			if callsTableFunction(v) {
				return true
			}
		}
	case []any:
		for _, v := range x {
			if callsTableFunction(v) {
				return true
			}
		}
	}
	return false
}

// deniedInTree walks a serialized parse tree for denied function and
// table names.
func deniedInTree(node any) (string, bool) {
	switch x := node.(type) {
	case map[string]any:
		for _, key := range []string{"function_name", "table_name"} {
			name, ok := x[key].(string)
			if !ok {
				continue
			}
			name = strings.ToLower(name)
			if key == "table_name" && callOnly[name] {
				continue // a table or CTE called query is fine
			}
			if _, bad := deniedFunctions[name]; bad || strings.HasPrefix(name, deniedPrefix) {
				return name, true
			}
		}
		for _, v := range x {
			if name, ok := deniedInTree(v); ok {
				return name, true
			}
		}
	case []any:
		for _, v := range x {
			if name, ok := deniedInTree(v); ok {
				return name, true
			}
		}
	}
	return "", false
}
