package labs

import (
	"strings"
	"testing"
)

func TestLoadKorean(t *testing.T) {
	idx := testCatalogContent(t)
	front := validFront + "summary: S\nhints: [\"one\", \"two\"]\n"
	ko := func(meta string) map[string]string {
		return map[string]string{"x/joins-01/lab.ko.md": "---\n" + meta + "---\n## 과제\n하세요.\n", "x/joins-01/explanation.ko.md": "설명"}
	}
	tests := []struct {
		name  string
		extra map[string]string
		want  string // "" loads
	}{
		{"translated", ko("title: 제목\nsummary: 요약\nhints: [\"하나\", \"둘\"]\n"), ""},
		{"no translation", nil, ""},
		{"a key that is not translated", ko("title: 제목\nsummary: 요약\nhints: [\"하나\", \"둘\"]\nlevel: mid\n"), `unknown key "level" (only title, summary and hints are translated)`},
		{"a hint missing", ko("title: 제목\nsummary: 요약\nhints: [\"하나\"]\n"), "hints: 1, but lab.md has 2"},
		{"no title", ko("summary: 요약\nhints: [\"하나\", \"둘\"]\n"), "lab.ko.md: front matter: title: required"},
		{"no summary", ko("title: 제목\nhints: [\"하나\", \"둘\"]\n"), "summary: translate it exactly when lab.md has one"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			cat, err := Load([]Source{{Name: "x", FS: labFS(front, tt.extra)}}, idx.Framework, idx.Renderer)
			if tt.want != "" {
				if err == nil || !strings.Contains(err.Error(), tt.want) {
					t.Fatalf("Load = %v, want an error with %q", err, tt.want)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			lab := cat.Lab("joins-01")
			text, ok := lab.In("ko")
			if tt.extra == nil {
				if ok || text.Title != "T" {
					t.Errorf("a lab without lab.ko.md: %q, translated %v; want the English title and false", text.Title, ok)
				}
				return
			}
			if !ok || text.Title != "제목" || text.Hints[1] != "둘" || !strings.Contains(string(text.Instructions.HTML), "과제") || !strings.Contains(string(text.Explanation.HTML), "설명") {
				t.Errorf("Korean text = %+v, %v", text, ok)
			}
			if en, ok := lab.In("en"); !ok || en.Title != "T" {
				t.Errorf("English text = %q, %v", en.Title, ok)
			}
		})
	}
}
