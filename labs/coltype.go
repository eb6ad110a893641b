package labs

import (
	"database/sql/driver"
	"sort"
	"strings"
)

// colType is a result column's DuckDB type as the driver names it
// ("DECIMAL(10,2)", "TIMESTAMP[]", `STRUCT("day" DATE, "n" BIGINT)`),
// read far enough to show each value, nested ones included, by its type.
type colType struct {
	name     string              // the base name in upper case: DATE, TIMESTAMP, LIST, STRUCT, MAP, UNION, ...
	elem     *colType            // LIST and ARRAY: the element type
	key, val *colType            // MAP
	fields   map[string]*colType // STRUCT fields and UNION members, by lower-case name
}

// is reports whether t is known and named name.
func (t *colType) is(name string) bool { return t != nil && t.name == name }

func (t *colType) element() *colType {
	if t == nil {
		return nil
	}
	return t.elem
}

func (t *colType) field(name string) *colType {
	if t == nil {
		return nil
	}
	return t.fields[name]
}

// columnTypes reads the result's column types; a driver that does not
// name them leaves every type unknown, and values are shown as before.
func columnTypes(rows driver.Rows, n int) []*colType {
	out := make([]*colType, n)
	named, ok := rows.(driver.RowsColumnTypeDatabaseTypeName)
	if !ok {
		return out
	}
	for i := range out {
		out[i] = parseColType(named.ColumnTypeDatabaseTypeName(i))
	}
	return out
}

// parseColType reads a type name. What it cannot read becomes an unknown
// type (nil) rather than an error: the type only shapes how values look.
func parseColType(s string) *colType {
	p := typeParser{s: s}
	t := p.typ()
	if p.bad {
		return nil
	}
	return t
}

type typeParser struct {
	s   string
	i   int
	bad bool
}

func (p *typeParser) space() {
	for p.i < len(p.s) && p.s[p.i] == ' ' {
		p.i++
	}
}

func (p *typeParser) peek() byte {
	p.space()
	if p.i < len(p.s) {
		return p.s[p.i]
	}
	return 0
}

func (p *typeParser) expect(c byte) {
	if p.peek() != c {
		p.bad = true
		return
	}
	p.i++
}

// word reads a bare name, or a "quoted" one with "" for a quote.
func (p *typeParser) word() string {
	p.space()
	if p.i < len(p.s) && p.s[p.i] == '"' {
		var b strings.Builder
		for p.i++; p.i < len(p.s); p.i++ {
			if p.s[p.i] == '"' {
				if p.i+1 < len(p.s) && p.s[p.i+1] == '"' {
					b.WriteByte('"')
					p.i++
					continue
				}
				p.i++
				return b.String()
			}
			b.WriteByte(p.s[p.i])
		}
		p.bad = true
		return ""
	}
	start := p.i
	for p.i < len(p.s) && (p.s[p.i] == '_' || p.s[p.i] >= '0' && p.s[p.i] <= '9' || p.s[p.i] >= 'A' && p.s[p.i] <= 'Z' || p.s[p.i] >= 'a' && p.s[p.i] <= 'z') {
		p.i++
	}
	if start == p.i {
		p.bad = true
	}
	return p.s[start:p.i]
}

func (p *typeParser) typ() *colType {
	t := &colType{name: strings.ToUpper(p.word())}
	if p.bad {
		return nil
	}
	// "TIMESTAMP WITH TIME ZONE" and the like: more words before the arguments.
	for p.peek() >= 'A' && p.peek() <= 'Z' {
		t.name += " " + strings.ToUpper(p.word())
	}
	if p.peek() == '(' {
		p.i++
		switch t.name {
		case "STRUCT", "UNION":
			t.fields = map[string]*colType{}
			for !p.bad {
				name := strings.ToLower(p.word())
				t.fields[name] = p.typ()
				if p.peek() != ',' {
					break
				}
				p.i++
			}
		case "MAP":
			t.key = p.typ()
			p.expect(',')
			t.val = p.typ()
		default: // DECIMAL(10,2) and other arguments that do not shape values
			for p.i < len(p.s) && p.s[p.i] != ')' {
				p.i++
			}
		}
		p.expect(')')
	}
	for !p.bad && p.peek() == '[' {
		for p.i < len(p.s) && p.s[p.i] != ']' {
			p.i++
		}
		p.expect(']')
		t = &colType{name: "LIST", elem: t}
	}
	return t
}

// shape prints the parsed type for tests and logs.
func (t *colType) shape() string {
	switch {
	case t == nil:
		return "?"
	case t.name == "LIST":
		return "LIST<" + t.elem.shape() + ">"
	case t.name == "MAP":
		return "MAP<" + t.key.shape() + "," + t.val.shape() + ">"
	case t.fields != nil:
		names := make([]string, 0, len(t.fields))
		for n := range t.fields {
			names = append(names, n)
		}
		sort.Strings(names)
		for i, n := range names {
			names[i] = n + ":" + t.fields[n].shape()
		}
		return t.name + "{" + strings.Join(names, ",") + "}"
	}
	return t.name
}
