// Source of editor.js: a CodeMirror 6 editor for SQL, or Python (the
// Starlark of code labs), that replaces a <textarea>.
// Rebuild with: bash assets/vendor/codemirror/build.sh
// Exposes window.LadderEditor = { attach(textarea, options) }.
// Nothing here uses eval or new Function, and styles go through CodeMirror's
// constructable stylesheets, so it runs under "style-src 'self'; script-src 'self'".

import { EditorView, minimalSetup } from "codemirror";
import { keymap, lineNumbers, highlightActiveLine, highlightActiveLineGutter } from "@codemirror/view";
import { Prec } from "@codemirror/state";
import { indentOnInput, indentUnit, bracketMatching, syntaxTree } from "@codemirror/language";
import { autocompletion, closeBrackets, closeBracketsKeymap } from "@codemirror/autocomplete";
import { sql, PostgreSQL } from "@codemirror/lang-sql";
import { python } from "@codemirror/lang-python";

// PostgreSQL is the lang-sql dialect closest to DuckDB.
const dialect = PostgreSQL;

const theme = EditorView.theme({
  "&": {
    border: "1px solid #ccc",
    borderRadius: "0.25rem",
    backgroundColor: "#fff",
    color: "#1b1b1b",
    fontSize: "0.9rem",
    marginBottom: "var(--pico-spacing, 1rem)",
  },
  "&.cm-focused": {
    outline: "2px solid #0172ad",
    outlineOffset: "1px",
  },
  ".cm-scroller": {
    fontFamily: "ui-monospace, SFMono-Regular, Menlo, Consolas, 'Liberation Mono', monospace",
    lineHeight: "1.5",
  },
  ".cm-content, .cm-gutter": { minHeight: "12rem" },
  ".cm-gutters": {
    backgroundColor: "#f6f7f8",
    color: "#777",
    borderRight: "1px solid #ddd",
    borderTopLeftRadius: "0.25rem",
    borderBottomLeftRadius: "0.25rem",
  },
  ".cm-activeLine": { backgroundColor: "#f3f7fb" },
  ".cm-activeLineGutter": { backgroundColor: "#e8eef5" },
  ".cm-tooltip": { fontSize: "0.85rem" },
}, { dark: false });

// Quote an identifier part the way lang-sql does for this dialect.
function quoteIdent(name) {
  return /^[a-z_][a-z_\d]*$/.test(name) ? name : '"' + name.replace(/"/g, '""') + '"';
}

// Completion of bare column names (and fully qualified table names) anywhere
// an identifier can be typed; lang-sql's own schema source handles the
// "table." / "schema.table." / "alias." cases.
function plainSchemaSource(schema) {
  const cols = new Map(); // column -> [tables]
  const options = [];
  for (const table of Object.keys(schema)) {
    options.push({
      label: table,
      apply: table.split(".").map(quoteIdent).join("."),
      type: "class",
      detail: "table",
      boost: -1,
    });
    for (const col of schema[table] || []) {
      if (!cols.has(col)) cols.set(col, []);
      cols.get(col).push(table);
    }
  }
  for (const [col, tables] of cols) {
    options.push({
      label: col,
      apply: quoteIdent(col),
      type: "property",
      detail: tables.length > 2 ? tables.length + " tables" : tables.join(", "),
      boost: -2,
    });
  }
  const skip = new Set(["String", "LineComment", "BlockComment", "QuotedIdentifier"]);
  return (context) => {
    const node = syntaxTree(context.state).resolveInner(context.pos, -1);
    if (skip.has(node.name)) return null;
    const word = context.matchBefore(/\w*$/);
    if (!word) return null;
    if (word.from > 0 && context.state.sliceDoc(word.from - 1, word.from) === ".") return null;
    if (word.from === word.to && !context.explicit) return null;
    return { from: word.from, options, validFor: /^\w*$/ };
  };
}

function labelFor(textarea, fallback) {
  const aria = textarea.getAttribute("aria-label");
  if (aria) return aria;
  const labels = textarea.labels;
  if (labels && labels.length) return labels[0].textContent.trim();
  return fallback;
}

// The language extensions: SQL with the lab's schema for completion, or
// Python (Starlark is a Python dialect) indented by four spaces, whose
// package completes keywords and the names defined in the program.
function languageFor(options) {
  if (options.language === "python") {
    return { extensions: [python(), indentUnit.of("    ")], testid: "code-editor", label: "Code editor" };
  }
  const schema = options.schema || {};
  const lang = sql({ dialect, schema });
  return {
    extensions: [lang, lang.language.data.of({ autocomplete: plainSchemaSource(schema) })],
    testid: "sql-editor",
    label: "SQL editor",
  };
}

function attach(textarea, options) {
  options = options || {};
  const lang = languageFor(options);
  const runKeys = Prec.highest(keymap.of([
    {
      key: "Mod-Enter",
      run: () => { if (typeof options.onRun !== "function") return false; options.onRun(); return true; },
    },
    {
      key: "Mod-Shift-Enter",
      run: () => { if (typeof options.onSubmit !== "function") return false; options.onSubmit(); return true; },
    },
  ]));

  const view = new EditorView({
    doc: textarea.value,
    extensions: [
      runKeys,
      minimalSetup, // special chars, history, selection drawing, default highlight style, default + history keymaps
      lineNumbers(),
      highlightActiveLineGutter(),
      highlightActiveLine(),
      indentOnInput(),
      bracketMatching(),
      closeBrackets(),
      keymap.of(closeBracketsKeymap),
      autocompletion(), // includes completionKeymap (Ctrl-Space, arrows, Enter)
      lang.extensions,
      EditorView.lineWrapping,
      theme,
      EditorView.contentAttributes.of(Object.assign({
        "aria-label": labelFor(textarea, lang.label),
        "aria-multiline": "true",
        "data-testid": lang.testid,
      }, textarea.getAttribute("aria-describedby") ? { "aria-describedby": textarea.getAttribute("aria-describedby") } : {})),
      EditorView.updateListener.of((update) => {
        if (!update.docChanged) return;
        textarea.value = update.state.doc.toString();
        textarea.dispatchEvent(new Event("input", { bubbles: true }));
      }),
    ],
  });

  textarea.hidden = true;
  textarea.insertAdjacentElement("afterend", view.dom);

  // Clicking the textarea's <label> focuses the editor instead.
  if (textarea.labels) {
    for (const label of textarea.labels) {
      label.addEventListener("click", (e) => { e.preventDefault(); view.focus(); });
    }
  }

  return {
    getValue: () => view.state.doc.toString(),
    setValue: (text) => {
      view.dispatch({ changes: { from: 0, to: view.state.doc.length, insert: String(text == null ? "" : text) } });
    },
    focus: () => view.focus(),
    view,
  };
}

window.LadderEditor = { attach };
