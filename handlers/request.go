package handlers

import (
	"encoding/json"
	"fmt"
	"mime"
	"net/url"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/gofiber/fiber/v2"

	"ladder/labs"
)

// safeNext keeps redirects on this site: it returns next, re-encoded, when
// it is a path here, and "/" otherwise. fasthttp writes Location as given,
// so a CR or LF would add headers, and browsers drop TAB and LF and read a
// backslash as a slash, so /<TAB>/evil and /\evil name another host.
func safeNext(next string) string {
	if !strings.HasPrefix(next, "/") || !utf8.ValidString(next) {
		return "/"
	}
	for _, r := range next {
		if r == '\\' || unicode.IsControl(r) || unicode.In(r, unicode.Cf, unicode.Zl, unicode.Zp) {
			return "/"
		}
	}
	u, err := url.Parse(next)
	if err != nil || u.Scheme != "" || u.Opaque != "" || u.User != nil || u.Host != "" || !strings.HasPrefix(u.Path, "/") || strings.HasPrefix(u.Path, "//") {
		return "/"
	}
	out := u.EscapedPath()
	if u.RawQuery != "" {
		out += "?" + escapeQuery(u.RawQuery)
	}
	if u.Fragment != "" {
		out += "#" + u.EscapedFragment()
	}
	return out
}

// returnPath is next when it names a page on this site to go back to, and
// "" when there is none: next is empty, or safeNext refuses it. The login
// page then sends each role to its own home.
func returnPath(next string) string {
	if next == "" {
		return ""
	}
	if p := safeNext(next); p != "/" || next == "/" {
		return p
	}
	return ""
}

// escapeQuery percent-encodes what may not appear in a query as is; url.URL
// keeps RawQuery exactly as it was received.
func escapeQuery(q string) string {
	const hex = "0123456789ABCDEF"
	var b strings.Builder
	for i := 0; i < len(q); i++ {
		ch := q[i]
		switch {
		case ch == '%' && i+2 < len(q) && isHex(q[i+1]) && isHex(q[i+2]), ch != '%' && queryByte(ch):
			b.WriteByte(ch)
		default:
			b.WriteByte('%')
			b.WriteByte(hex[ch>>4])
			b.WriteByte(hex[ch&15])
		}
	}
	return b.String()
}

// queryByte reports whether RFC 3986 allows ch in a query unencoded.
func queryByte(ch byte) bool {
	return 'a' <= ch && ch <= 'z' || 'A' <= ch && ch <= 'Z' || '0' <= ch && ch <= '9' || strings.IndexByte("-._~!$&'()*+,;=:@/?", ch) >= 0
}

func isHex(c byte) bool {
	return '0' <= c && c <= '9' || 'a' <= c && c <= 'f' || 'A' <= c && c <= 'F'
}

func pageNumber(c *fiber.Ctx) int {
	p, err := strconv.Atoi(c.Query("page", "1"))
	if err != nil || p < 1 {
		return 1
	}
	return p
}

type pager struct {
	Page, Pages, Total int
	Prev, Next         int
}

func newPager(page, total, size int) pager {
	pages := (total + size - 1) / size
	if pages == 0 {
		pages = 1
	}
	p := pager{Page: page, Pages: pages, Total: total}
	if page > 1 {
		p.Prev = page - 1
	}
	if page < pages {
		p.Next = page + 1
	}
	return p
}

// jsonBodies answers 415 to every API request whose body is not declared
// JSON. Another site's page can send text/plain, form and untyped bodies
// without a preflight, never application/json, so this also keeps login
// and signup from being forged.
func jsonBodies(c *fiber.Ctx) error {
	if len(c.Request().Body()) > 0 {
		mt, _, err := mime.ParseMediaType(c.Get(fiber.HeaderContentType))
		if err != nil || mt != fiber.MIMEApplicationJSON {
			return fiber.NewError(fiber.StatusUnsupportedMediaType, "the request body must be JSON, sent with Content-Type: application/json")
		}
	}
	return c.Next()
}

// decodeJSON reads a JSON object body, answering 400 with a message when
// it is not one.
func decodeJSON(c *fiber.Ctx, v any) error {
	if len(c.Body()) == 0 {
		return fiber.NewError(fiber.StatusBadRequest, "the request body must be a JSON object")
	}
	if err := json.Unmarshal(c.Body(), v); err != nil {
		return fiber.NewError(fiber.StatusBadRequest, "the request body is not valid JSON: "+err.Error())
	}
	return nil
}

func idParam(c *fiber.Ctx, name string) (int64, error) {
	id, err := strconv.ParseInt(c.Params(name), 10, 64)
	if err != nil || id <= 0 {
		return 0, fiber.ErrNotFound
	}
	return id, nil
}

// sqlBody is a run's or a submission's body. "sql" carries the text for
// every kind of lab; "code" is the same field under the name code labs'
// clients expect (api.md).
type sqlBody struct {
	SQL  *string `json:"sql"`
	Code *string `json:"code"`
}

// readSQL decodes {"sql"} or {"code"} and enforces the 64 KB limit with 413.
func readSQL(c *fiber.Ctx, kind string) (string, error) {
	var in sqlBody
	if err := decodeJSON(c, &in); err != nil {
		return "", err
	}
	text := in.SQL
	switch {
	case text == nil:
		text = in.Code
	case in.Code != nil && *in.Code != *text:
		return "", fiber.NewError(fiber.StatusBadRequest, `"sql" and "code" are the same field: send one of them`)
	}
	if text == nil {
		return "", fiber.NewError(fiber.StatusBadRequest, `the body needs a "sql" string`)
	}
	if len(*text) > maxSQL {
		what := "SQL"
		if kind == labs.KindCode {
			what = "program"
		}
		return "", fiber.NewError(fiber.StatusRequestEntityTooLarge, fmt.Sprintf("the %s is %d bytes; the limit is %d", what, len(*text), maxSQL))
	}
	return *text, nil
}

// formText is a form's submission text: the "sql" field, or "code".
func formText(c *fiber.Ctx) string {
	if t := c.FormValue("sql"); t != "" {
		return t
	}
	return c.FormValue("code")
}
