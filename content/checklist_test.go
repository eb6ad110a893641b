package content

import (
	"strings"
	"testing"
)

// A checklist renders without list bullets, labelled, and each reader's
// ticks go back in where the boxes were (issue 14, bug 8).
func TestChecklist(t *testing.T) {
	r, err := NewRenderer().Render([]byte("## Checklist\n\n- [ ] First `step`\n- [x] Second\n  - a nested note\n- [ ] Third <b>bold</b>\n\nA list that is not one:\n\n- plain item\n"))
	if err != nil {
		t.Fatal(err)
	}
	if r.Checks() != 3 {
		t.Fatalf("Checks() = %d, want 3", r.Checks())
	}
	html := string(r.HTML)
	for _, want := range []string{
		`<li class="task-item"><label><input type="checkbox" value="0" disabled> First <code>step</code></label></li>`,
		`<li class="task-item"><label><input type="checkbox" value="1" disabled checked> Second</label>`,
		"<li>plain item</li>",
	} {
		if !strings.Contains(html, want) {
			t.Errorf("HTML lacks %q:\n%s", want, html)
		}
	}
	if strings.Contains(html, checkMark) || strings.Contains(html, "<b>") {
		t.Errorf("HTML keeps a mark or raw HTML:\n%s", html)
	}
	if strings.Index(html, "</label>") > strings.Index(html, "a nested note") {
		t.Errorf("the nested list is inside the first label:\n%s", html)
	}
	mine := string(r.WithChecks(map[int]bool{0: true, 2: true}, true))
	for _, want := range []string{
		`<input type="checkbox" value="0" name="done" form="guide-checklist" checked>`,
		`<input type="checkbox" value="1" name="done" form="guide-checklist">`,
		`<input type="checkbox" value="2" name="done" form="guide-checklist" checked>`,
	} {
		if !strings.Contains(mine, want) {
			t.Errorf("a reader's checklist lacks %q:\n%s", want, mine)
		}
	}
	if plain, _ := NewRenderer().Render([]byte("- one\n")); plain.Checks() != 0 || plain.WithChecks(map[int]bool{0: true}, true) != plain.HTML {
		t.Error("a page without a checklist changes with a reader's ticks")
	}
}

// Highlight escapes the code and marks its keywords.
func TestHighlight(t *testing.T) {
	h, err := Highlight("SELECT '<b>' AS x FROM t;", "sql")
	if err != nil {
		t.Fatal(err)
	}
	s := string(h)
	if !strings.Contains(s, `<pre class="chroma"`) || !strings.Contains(s, `<span class="k">SELECT</span>`) || strings.Contains(s, "<b>") {
		t.Errorf("highlighted SQL = %s", s)
	}
}
