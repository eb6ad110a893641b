package content

import (
	"html/template"
	"strconv"
	"strings"

	"github.com/yuin/goldmark/ast"
	east "github.com/yuin/goldmark/extension/ast"
	"github.com/yuin/goldmark/renderer"
	"github.com/yuin/goldmark/util"
)

// A guide's checklist ("- [ ] ...") is something a learner ticks, so its
// checkboxes cannot be baked into the HTML rendered at load: each reader
// has their own ticks. The renderer cuts the HTML at every checkbox
// (Rendered.parts) and the page puts each reader's boxes back (WithChecks).
// A checklist item renders as <li class="task-item"><label>box text</label>,
// so it has no list bullet beside its box and its text names the box.

// checkMark stands where a checkbox goes in the rendered HTML. It cannot
// come from a guide: text is escaped and raw HTML dropped.
const checkMark = "<ladder-check/>"

// taskListRenderer draws task-list items and their checkboxes. Its
// priority beats goldmark's HTML renderer and its task-list extension.
type taskListRenderer struct{}

func (taskListRenderer) RegisterFuncs(reg renderer.NodeRendererFuncRegisterer) {
	reg.Register(ast.KindListItem, renderListItem)
	reg.Register(ast.KindTextBlock, renderTextBlock)
	reg.Register(east.KindTaskCheckBox, func(w util.BufWriter, _ []byte, _ ast.Node, entering bool) (ast.WalkStatus, error) {
		if entering {
			_, _ = w.WriteString(checkMark + " ")
		}
		return ast.WalkContinue, nil
	})
}

func taskListPriority() util.PrioritizedValue { return util.Prioritized(taskListRenderer{}, 100) }

// isTaskItem reports whether a list item starts with a checkbox in a tight
// list (its first child is a text block): only then does a label fit
// around its text.
func isTaskItem(n ast.Node) bool {
	tb, ok := n.FirstChild().(*ast.TextBlock)
	if !ok {
		return false
	}
	_, ok = tb.FirstChild().(*east.TaskCheckBox)
	return ok
}

// renderListItem is goldmark's, with task items marked and labelled.
func renderListItem(w util.BufWriter, source []byte, n ast.Node, entering bool) (ast.WalkStatus, error) {
	if !entering {
		_, _ = w.WriteString("</li>\n")
		return ast.WalkContinue, nil
	}
	if isTaskItem(n) {
		_, _ = w.WriteString(`<li class="task-item"><label>`)
		return ast.WalkContinue, nil
	}
	_, _ = w.WriteString("<li>")
	if fc := n.FirstChild(); fc != nil {
		if _, ok := fc.(*ast.TextBlock); !ok {
			_ = w.WriteByte('\n')
		}
	}
	return ast.WalkContinue, nil
}

// renderTextBlock is goldmark's, closing a task item's label after its text
// so a nested list stays outside it.
func renderTextBlock(w util.BufWriter, source []byte, n ast.Node, entering bool) (ast.WalkStatus, error) {
	if entering {
		return ast.WalkContinue, nil
	}
	if li := n.Parent(); li != nil && li.Kind() == ast.KindListItem && li.FirstChild() == n && isTaskItem(li) {
		_, _ = w.WriteString("</label>")
	}
	if n.NextSibling() != nil && n.FirstChild() != nil {
		_ = w.WriteByte('\n')
	}
	return ast.WalkContinue, nil
}

// splitChecks cuts rendered HTML at its checkboxes.
func splitChecks(html string) []string {
	if !strings.Contains(html, checkMark) {
		return nil
	}
	return strings.Split(html, checkMark)
}

// Checks is how many checklist items the page has.
func (r Rendered) Checks() int {
	if len(r.parts) == 0 {
		return 0
	}
	return len(r.parts) - 1
}

// ChecklistForm is the id of the form a reader's checkboxes belong to.
const ChecklistForm = "guide-checklist"

// WithChecks is the page's HTML with one reader's checklist: item i ticked
// when ticked[i]. With editable the boxes belong to ChecklistForm and post
// as done=i; without, they are read-only.
func (r Rendered) WithChecks(ticked map[int]bool, editable bool) template.HTML {
	if len(r.parts) == 0 {
		return r.HTML
	}
	var b strings.Builder
	for i, part := range r.parts {
		b.WriteString(part)
		if i == len(r.parts)-1 {
			break
		}
		b.WriteString(`<input type="checkbox" value="` + strconv.Itoa(i) + `"`)
		if editable {
			b.WriteString(` name="done" form="` + ChecklistForm + `"`)
		} else {
			b.WriteString(` disabled`)
		}
		if ticked[i] {
			b.WriteString(` checked`)
		}
		b.WriteString(`>`)
	}
	return template.HTML(b.String()) // the parts are goldmark's escaped output
}

// sourceTicks are the items the author wrote ticked ("- [x]"), which
// readers without their own checklist see.
func sourceTicks(doc ast.Node) map[int]bool {
	out := map[int]bool{}
	i := 0
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if cb, ok := n.(*east.TaskCheckBox); ok && entering {
			out[i] = cb.IsChecked
			i++
		}
		return ast.WalkContinue, nil
	})
	return out
}
