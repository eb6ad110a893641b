package labs

import (
	"errors"
	"strings"
	"testing"
)

func TestSplitStatements(t *testing.T) {
	tests := []struct {
		name    string
		script  string
		want    []string // keywords
		comment string   // Comment of the last statement
	}{
		{"one", "SELECT 1", []string{"SELECT"}, ""},
		{"trailing semicolon", "SELECT 1;\n", []string{"SELECT"}, ""},
		{"two", "SELECT 1; SELECT 2", []string{"SELECT", "SELECT"}, ""},
		{"semicolon in string", "SELECT 'a;b'; SELECT 2", []string{"SELECT", "SELECT"}, ""},
		{"escaped quote", "SELECT 'it''s; fine'", []string{"SELECT"}, ""},
		{"semicolon in identifier", `SELECT 1 AS "a;b"`, []string{"SELECT"}, ""},
		{"semicolon in line comment", "SELECT 1 -- a; b\n", []string{"SELECT"}, ""},
		{"semicolon in block comment", "SELECT /* ; */ 1", []string{"SELECT"}, ""},
		{"dollar quoted", "SELECT $$a;b$$; SELECT $t$x;y$t$", []string{"SELECT", "SELECT"}, ""},
		{"comment only", "-- nothing\n/* more */ ;", nil, ""},
		{"empty pieces", " ; ;SELECT 1;; ", []string{"SELECT"}, ""},
		{"with", "WITH t AS (SELECT 1) SELECT * FROM t", []string{"WITH"}, ""},
		{"parenthesised", "(SELECT 1) UNION (SELECT 2)", []string{"SELECT"}, ""},
		{"check comment", "-- check: no duplicates\nSELECT 1", []string{"SELECT"}, "no duplicates"},
		{"pragma", "PRAGMA version", []string{"PRAGMA"}, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := SplitStatements(tt.script)
			if len(got) != len(tt.want) {
				t.Fatalf("got %d statements %+v, want %v", len(got), got, tt.want)
			}
			for i := range got {
				if got[i].Keyword != tt.want[i] {
					t.Errorf("statement %d keyword = %q, want %q", i, got[i].Keyword, tt.want[i])
				}
			}
			if len(got) > 0 && got[len(got)-1].Comment != tt.comment {
				t.Errorf("comment = %q, want %q", got[len(got)-1].Comment, tt.comment)
			}
		})
	}
}

func TestCheckCommentInKorean(t *testing.T) {
	got := SplitStatements("-- check: no duplicates\n-- check.ko: 중복이 있습니다\nSELECT 1;\n-- check: no NULLs\nSELECT 2")
	if len(got) != 2 || got[0].Comment != "no duplicates" || got[0].CommentKo != "중복이 있습니다" || got[1].Comment != "no NULLs" || got[1].CommentKo != "" {
		t.Fatalf("statements = %+v", got)
	}
	if m := checkMessage(got[0], 1); m.en != "no duplicates" || m.ko != "중복이 있습니다" {
		t.Errorf("a translated check says %+v", m)
	}
	if m := checkMessage(got[1], 2); m.en != "no NULLs" || m.ko != "no NULLs" {
		t.Errorf("an untranslated check says %+v, want the English in both", m)
	}
}

func TestStatementLines(t *testing.T) {
	got := SplitStatements("SELECT 1;\n\n-- note\nSELECT\n 2;")
	if len(got) != 2 || got[0].Line != 1 || got[1].Line != 4 {
		t.Fatalf("lines: %+v", got)
	}
}

func TestHasTopLevelOrderBy(t *testing.T) {
	tests := []struct {
		sql  string
		want bool
	}{
		{"SELECT a FROM t ORDER BY a", true},
		{"select a from t order   by a desc", true},
		{"SELECT a FROM t", false},
		{"SELECT row_number() OVER (ORDER BY a) FROM t", false},
		{"SELECT string_agg(a, ',' ORDER BY a) FROM t", false},
		{"SELECT * FROM (SELECT a FROM t ORDER BY a) s", false},
		{"WITH s AS (SELECT a FROM t ORDER BY a) SELECT * FROM s", false},
		{"WITH s AS (SELECT a FROM t) SELECT * FROM s ORDER BY 1", true},
		{"SELECT 1 UNION ALL SELECT 2 ORDER BY 1", true},
		{"SELECT 'order by' FROM t", false},
		{"SELECT a FROM t -- ORDER BY a", false},
		{`SELECT "order" FROM t`, false},
	}
	for _, tt := range tests {
		if got := HasTopLevelOrderBy(tt.sql); got != tt.want {
			t.Errorf("HasTopLevelOrderBy(%q) = %v, want %v", tt.sql, got, tt.want)
		}
	}
}

// FuzzSubmissionText drives the submission path's text handling: the
// splitter, the keyword screen and the size and encoding checks. It must
// never panic, and what it accepts must be statements it could prepare.
func FuzzSubmissionText(f *testing.F) {
	for _, seed := range []string{
		"SELECT 1", "SELECT 'a;b'; SELECT 2", "-- c\nSELECT $$x;y$$", "/* ; */ PRAGMA version",
		"WITH t AS (SELECT 1) SELECT * FROM t ORDER BY 1", "COPY t TO 'x'", "'unterminated", "\"ident;", "$tag$ open",
		"SELECT 1 -- ; ATTACH 'x'", "", "  ;;  ", "\xff\xfe", "SELECT\x00 1",
	} {
		f.Add(seed)
	}
	f.Fuzz(func(t *testing.T, text string) {
		for _, kind := range []string{KindQuery, KindETL, KindQuality} {
			stmts, err := parseSubmission(text, policyFor(kind), DefaultLimits())
			if err != nil {
				var r *Refusal
				if !errors.As(err, &r) || r.Msg == "" {
					t.Fatalf("%s: error without a message: %v", kind, err)
				}
				continue
			}
			if len(stmts) == 0 || (kind == KindQuery && len(stmts) != 1) {
				t.Fatalf("%s: accepted %d statements", kind, len(stmts))
			}
			for _, s := range stmts {
				if strings.TrimSpace(s.Text) == "" || s.Keyword == "" || s.Line < 1 {
					t.Fatalf("%s: accepted an empty statement %+v", kind, s)
				}
				if _, bad := refusedKeywords[s.Keyword]; bad {
					t.Fatalf("%s: accepted a refused keyword %q", kind, s.Keyword)
				}
			}
		}
		_ = HasTopLevelOrderBy(text)
	})
}
