package labs

import (
	"errors"
	"fmt"
	"slices"
	"strings"
)

// Grader messages come in English and Korean (lab-format.md, Languages).
// Each one is written in both languages where it is made, from two format
// strings fed the same arguments, never translated from the English
// afterwards: values, column names, file names, SQL and DuckDB's or
// Starlark's own error text go into both unchanged, so the two say the
// same thing. A Korean format string uses argument indexes (%[2]d) where
// Korean puts the words in another order.
//
// Terms follow templates/messages.yaml: 실습 (lab), 보이는 데이터셋 and
// 숨겨진 데이터셋 (the visible and hidden datasets), 공개 테스트 and 숨은
// 테스트 (visible and hidden tests), 검사 and 발동 (a check fires), 뮤턴트,
// 제출 and 채점기; an incident is 장애, as in the Korean quality labs.

// text is one grader message in English and in Korean.
type text struct{ en, ko string }

// textf formats a message in both languages with the same arguments. An
// argument that is itself a text goes in as its English in the English and
// its Korean in the Korean.
func textf(en, ko string, args ...any) text {
	enArgs, koArgs := slices.Clone(args), slices.Clone(args)
	for i, a := range args {
		if t, ok := a.(text); ok {
			enArgs[i], koArgs[i] = t.en, t.ko
		}
	}
	return text{fmt.Sprintf(en, enArgs...), fmt.Sprintf(ko, koArgs...)}
}

// same is text that reads the same in both languages: a value, a name,
// SQL, or an error message DuckDB or Starlark wrote.
func same(s string) text { return text{s, s} }

// add appends more text in each language.
func (t text) add(more ...text) text {
	for _, m := range more {
		t.en += m.en
		t.ko += m.ko
	}
	return t
}

// cut cuts each language to at most n runes (bounds.go).
func (t text) cut(n int) text { return text{cut(t.en, n), cut(t.ko, n)} }

// joinText joins parts with a separator, in each language.
func joinText(parts []text, sep text) text {
	en := make([]string, len(parts))
	ko := make([]string, len(parts))
	for i, p := range parts {
		en[i], ko[i] = p.en, p.ko
	}
	return text{strings.Join(en, sep.en), strings.Join(ko, sep.ko)}
}

// in picks the language: Korean for "ko", else English.
func (t text) in(lang string) string {
	if lang == "ko" && t.ko != "" {
		return t.ko
	}
	return t.en
}

// count is "1 row" or "3 rows": English needs the plural, Korean does not.
func count(n int, one, many string) string {
	if n == 1 {
		return "1 " + one
	}
	return fmt.Sprintf("%d %s", n, many)
}

// textError is an error of ours whose message a learner may read, in both
// languages. Its Error is the English; code that shows it to a learner
// finds the Korean with errors.As.
type textError struct{ t text }

func (e *textError) Error() string { return e.t.en }

// errorText is a learner-facing error in both languages: a refusal or a
// SQL error keeps its Korean, and any other error's text (DuckDB's, Go's)
// is the same in both.
func errorText(err error) text {
	var sqlErr *SQLError
	var ref *Refusal
	var te *textError
	switch {
	case errors.As(err, &sqlErr):
		return text{sqlErr.Error(), sqlErr.Korean()}
	case errors.As(err, &ref):
		return ref.text()
	case errors.As(err, &te):
		return te.t
	}
	return same(err.Error())
}
