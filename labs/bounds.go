package labs

import (
	"encoding/json"
	"errors"
	"unicode/utf8"
)

// The size limits of what grading sends back. They live here, in one
// place, and are applied where a verdict or a run result leaves the engine
// and again where it leaves the pool, so no path (a comparison, DuckDB's
// message quoting the SQL, a killed worker) can carry more.
const (
	// MaxExampleChars is the longest example value a verdict shows
	// (lab-format.md, Feedback).
	MaxExampleChars = 100
	// MaxVerdictBytes is the largest verdict, as JSON, stored or sent
	// (lab-format.md, Feedback: 16 KB).
	MaxVerdictBytes = 16 << 10
	// verdictRoom is kept free below MaxVerdictBytes for the fields the
	// API adds around a stored verdict (its id, "stored").
	verdictRoom = 256
	// MaxRunValueChars is the longest cell value a run result shows.
	MaxRunValueChars = 1000
	// MaxRunBytes is the largest run result, as JSON; rows past it are
	// dropped and the result is marked truncated.
	MaxRunBytes = 1 << 20
	// MaxErrorChars is the longest error message a run answers with:
	// DuckDB's messages quote the SQL, which may be 64 KB.
	MaxErrorChars = 4000
)

// cutMark ends every text that was cut.
const cutMark = "…"

// cut returns s with at most n runes, ending in cutMark when it was cut.
func cut(s string, n int) string {
	if len(s) <= n || utf8.RuneCountInString(s) <= n {
		return s
	}
	i, runes := 0, 0
	for i < len(s) && runes < n-1 {
		_, size := utf8.DecodeRuneInString(s[i:])
		i += size
		runes++
	}
	return s[:i] + cutMark
}

// bound cuts the verdict's free text (its message and error, in English
// and in Korean) until its JSON fits MaxVerdictBytes less the API's room:
// the limit counts both languages. The longest text is halved first, so a
// short message survives a huge DuckDB error and the other way round.
func (v *Verdict) bound() *Verdict {
	if v == nil {
		return nil
	}
	limit := MaxVerdictBytes - verdictRoom
	v.Lab = cut(v.Lab, MaxExampleChars)
	v.ErrorKind = cut(v.ErrorKind, MaxExampleChars)
	texts := []*string{&v.Message, &v.Error}
	if v.Korean != nil {
		texts = append(texts, &v.Korean.Message, &v.Korean.Error)
	}
	// Nothing longer than the limit can fit: cut before measuring, so a
	// 30 MB message is not encoded again and again.
	for _, t := range texts {
		*t = cut(*t, limit)
	}
	for {
		b, err := json.Marshal(v)
		if err != nil || len(b) <= limit {
			return v
		}
		// The longest in bytes, as JSON counts it: a Korean character is
		// three bytes.
		longest := texts[0]
		for _, t := range texts[1:] {
			if len(*t) > len(*longest) {
				longest = t
			}
		}
		switch n := utf8.RuneCountInString(*longest); {
		case n == 0:
			return v // only fixed fields left: they are small
		case n == 1:
			*longest = ""
		default:
			*longest = cut(*longest, n/2)
		}
	}
}

// runCell is a cell of a run result cut to MaxRunValueChars: long strings
// are cut, and a nested value whose text is too long is shown as cut text.
// The cut mark shows the learner where; Truncated stays about rows.
func runCell(v Value) any {
	switch v.K {
	case kStr:
		return cut(v.S, MaxRunValueChars)
	case kList, kStruct, kMap:
		if approxSize(v) > MaxRunValueChars {
			return cut(v.String(), MaxRunValueChars)
		}
	}
	return v.JSON()
}

// boundRun builds a run result whose JSON stays within MaxRunBytes: each
// cell is cut, and rows stop (truncated) when the next would pass the bound.
func boundRun(res Result, truncated bool) *RunResult {
	out := &RunResult{Columns: make([]string, len(res.Columns)), Rows: [][]any{}, Truncated: truncated}
	size := 64 // the object's own keys and punctuation
	for i, c := range res.Columns {
		out.Columns[i] = cut(c, MaxRunValueChars)
		size += len(out.Columns[i]) + 8
	}
	for _, r := range res.Rows {
		row := make([]any, len(r))
		for i, v := range r {
			row[i] = runCell(v)
		}
		b, err := json.Marshal(row)
		if err != nil || size+len(b)+1 > MaxRunBytes {
			out.Truncated = true
			break
		}
		size += len(b) + 1
		out.Rows = append(out.Rows, row)
	}
	return out
}

// boundError cuts the message of a learner error from a run.
func boundError(err error) error {
	var sqlErr *SQLError
	var ref *Refusal
	switch {
	case errors.As(err, &sqlErr):
		return &SQLError{Statement: sqlErr.Statement, Line: sqlErr.Line, Msg: cut(sqlErr.Msg, MaxErrorChars)}
	case errors.As(err, &ref):
		return &Refusal{Msg: cut(ref.Msg, MaxErrorChars), Ko: cut(ref.Ko, MaxErrorChars)}
	}
	return err
}
