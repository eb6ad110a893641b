// Package labs loads hands-on labs from folders and grades submissions
// against them in supervised worker processes: SQL in a sandboxed DuckDB,
// and code labs' programs in a bounded Starlark interpreter.
package labs

import (
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io/fs"
	"path"
	"regexp"
	"sort"
	"strings"

	"gopkg.in/yaml.v3"

	"ladder/content"
)

// Lab kinds.
const (
	KindQuery   = "query"
	KindETL     = "etl"
	KindQuality = "quality"
	KindCode    = "code"
)

// LanguageStarlark is the only language of code labs today: the Python
// dialect of go.starlark.net.
const LanguageStarlark = "starlark"

// DefaultTolerance is the relative tolerance for numbers when a lab sets none.
const DefaultTolerance = 1e-6

// Spec is everything the grader needs to know about a lab. It travels to the
// worker processes with every job, so workers hold no catalog of their own.
type Spec struct {
	ID          string     `json:"id"`
	Key         string     `json:"key"` // hash of the lab's files: a worker's cache key
	Kind        string     `json:"kind"`
	Ordered     string     `json:"ordered,omitempty"` // OrderAuto, OrderSorted, OrderStrict or OrderNone
	Plan        *Plan      `json:"plan,omitempty"`    // query labs: bounds on how the query runs
	ColumnNames bool       `json:"column_names"`
	Tolerance   float64    `json:"tolerance"`
	Targets     []string   `json:"targets,omitempty"`
	Idempotent  bool       `json:"idempotent"`
	Setup       string     `json:"setup"`
	Hidden      string     `json:"hidden,omitempty"`
	Solution    string     `json:"solution"`
	Checks      string     `json:"checks,omitempty"`
	Incidents   []Incident `json:"incidents,omitempty"`

	// Code labs: Solution holds solution.star.
	Language      string   `json:"language,omitempty"`
	Entry         string   `json:"entry,omitempty"` // the function the learner writes, or tests
	TestsRequired bool     `json:"tests_required,omitempty"`
	VisibleTests  string   `json:"visible_tests,omitempty"` // tests.star
	HiddenTests   string   `json:"hidden_tests,omitempty"`  // hidden_tests.star
	Mutants       []Mutant `json:"mutants,omitempty"`
}

// Mutant is one file of a test-writing code lab's mutants/ folder: a wrong
// implementation of the entry function that the learner's tests must catch.
type Mutant struct {
	Name string `json:"name"`
	Code string `json:"code"`
}

// Reference is the text of a submission that passes: the reference
// solution, or in a test-writing code lab the reference tests.
func (s *Spec) Reference() string {
	if s.Kind == KindCode && s.TestsRequired {
		return s.VisibleTests
	}
	return s.Solution
}

// Incident is one file of a quality lab's incidents/ folder.
type Incident struct {
	Name string `json:"name"`
	SQL  string `json:"sql"`
}

// TestCase is an author's sample submission from the lab's tests/ folder:
// fail-* must fail and pass-* must pass. `labs check` runs them. Code labs
// keep them as .star files, the others as .sql.
type TestCase struct {
	Name     string
	WantPass bool
	SQL      string // the submission's text, whatever its language
	File     string // its file name in tests/
}

// Lab is one loaded lab.
type Lab struct {
	Spec
	Path             string // folder, as "source:dir" for messages
	Title            string
	Summary          string
	Level            string
	Competencies     []string
	Hints            []string
	EstimatedMinutes int
	Prerequisites    []string
	Instructions     content.Rendered
	Explanation      content.Rendered // explanation.md, shown after a pass; optional
	Tests            []TestCase
	Korean           *Text // lab.ko.md (and explanation.ko.md), when the lab has them
}

// Text is a lab's words in one language.
type Text struct {
	Title        string
	Summary      string
	Hints        []string
	Instructions content.Rendered
	Explanation  content.Rendered
}

// In returns the lab's text in lang, and whether it is in that language:
// a lab without a translation shows in English, and pages say so.
func (l *Lab) In(lang string) (Text, bool) {
	if lang == "ko" && l.Korean != nil {
		return *l.Korean, true
	}
	en := Text{Title: l.Title, Summary: l.Summary, Hints: l.Hints, Instructions: l.Instructions, Explanation: l.Explanation}
	return en, lang == "en"
}

// koMeta is lab.ko.md's front matter: the translated keys, and no others.
type koMeta struct {
	Title   string   `yaml:"title"`
	Summary string   `yaml:"summary"`
	Hints   []string `yaml:"hints"`
}

// The values of `ordered` in a query lab.
const (
	OrderAuto   = ""       // decided from the reference: sorted when it ends with ORDER BY
	OrderSorted = "true"   // sorted by the reference's sort keys; ties in any order
	OrderStrict = "strict" // exactly the reference's sequence
	OrderNone   = "false"  // any order
)

// Plan is a query lab's bounds on how a submission runs, measured with
// EXPLAIN ANALYZE on the visible dataset.
type Plan struct {
	MaxRowsScanned int64    `json:"max_rows_scanned,omitempty" yaml:"max_rows_scanned"` // 0: no bound
	Forbid         []string `json:"forbid,omitempty" yaml:"forbid"`                     // physical operator names
}

// UnmarshalYAML refuses keys the contract does not have: a misspelt bound
// would otherwise be silently no bound at all.
func (p *Plan) UnmarshalYAML(n *yaml.Node) error {
	if n.Kind != yaml.MappingNode {
		return errors.New("want a mapping with max_rows_scanned and/or forbid")
	}
	for i := 0; i < len(n.Content); i += 2 {
		if k := n.Content[i].Value; k != "max_rows_scanned" && k != "forbid" {
			return fmt.Errorf("unknown key %q (want max_rows_scanned or forbid)", k)
		}
	}
	type plain Plan
	return n.Decode((*plain)(p))
}

// OrderMode is how a query lab compares the order of rows: the explicit
// setting, else OrderSorted when the reference ends with ORDER BY.
func (s *Spec) OrderMode() string {
	if s.Ordered != OrderAuto {
		return s.Ordered
	}
	stmts := SplitStatements(s.Solution)
	if len(stmts) > 0 && HasTopLevelOrderBy(stmts[len(stmts)-1].Text) {
		return OrderSorted
	}
	return OrderNone
}

// OrderedResult reports whether a query lab compares rows in order at all.
func (s *Spec) OrderedResult() bool { return s.OrderMode() != OrderNone }

// Source is one folder of labs.
type Source struct {
	Name string // shown in messages: "embedded" or the directory
	FS   fs.FS
}

// Catalog is the immutable set of loaded labs.
type Catalog struct {
	Labs []*Lab // sorted by level, then id
	byID map[string]*Lab
}

// Lab returns the lab with id, or nil.
func (c *Catalog) Lab(id string) *Lab { return c.byID[id] }

var labIDPattern = regexp.MustCompile(`^[a-z0-9][a-z0-9-]*$`)

// Load reads every folder holding a lab.md in each source. Any problem stops
// the load with the file, the key and the reason.
func Load(sources []Source, fw *content.Framework, r *content.Renderer) (*Catalog, error) {
	c := &Catalog{byID: map[string]*Lab{}}
	var errs []error
	for _, src := range sources {
		err := fs.WalkDir(src.FS, ".", func(p string, d fs.DirEntry, err error) error {
			if err != nil {
				return err
			}
			if d.IsDir() || d.Name() != "lab.md" {
				return nil
			}
			dir := path.Dir(p)
			lab, err := loadLab(src, dir, fw, r)
			if err != nil {
				errs = append(errs, err)
				return nil
			}
			if other := c.byID[lab.ID]; other != nil {
				errs = append(errs, fmt.Errorf("labs: duplicate lab id %q: %s and %s", lab.ID, other.Path, lab.Path))
				return nil
			}
			c.byID[lab.ID] = lab
			c.Labs = append(c.Labs, lab)
			return nil
		})
		if err != nil {
			errs = append(errs, fmt.Errorf("labs: read %s: %w", src.Name, err))
		}
	}
	if len(errs) > 0 {
		return nil, errors.Join(errs...)
	}
	sort.Slice(c.Labs, func(i, j int) bool {
		a, b := c.Labs[i], c.Labs[j]
		if la, lb := content.LevelIndex(a.Level), content.LevelIndex(b.Level); la != lb {
			return la < lb
		}
		return a.ID < b.ID
	})
	return c, nil
}

// labKeys are the front matter keys of the contract.
var labKeys = map[string]bool{
	"title": true, "summary": true, "kind": true, "level": true, "competencies": true,
	"ordered": true, "column_names": true, "tolerance": true, "targets": true,
	"idempotent": true, "hints": true, "estimated_minutes": true, "prerequisites": true,
	"language": true, "entry": true, "tests_required": true, "plan": true,
}

// codeOnlyKeys are the keys that mean something only in code labs, and
// sqlOnlyKeys those that mean nothing there: a key in the wrong kind of lab
// is an author's mistake that would otherwise be silent.
var (
	codeOnlyKeys = []string{"language", "entry", "tests_required"}
	sqlOnlyKeys  = []string{"column_names", "tolerance"}
)

// loadFailer builds a load error that names the lab's file.
type loadFailer func(file, format string, args ...any) error

func loadLab(src Source, dir string, fw *content.Framework, r *content.Renderer) (*Lab, error) {
	where := path.Join(src.Name, dir)
	if src.Name == "" {
		where = path.Join("labs", dir)
	}
	fail := loadFailer(func(file, format string, args ...any) error {
		return fmt.Errorf("labs: %s/%s: %s", where, file, fmt.Sprintf(format, args...))
	})
	id := path.Base(dir)
	if dir == "." {
		return nil, fail("lab.md", "a lab must be in a folder named after its id, not at the root")
	}
	if !labIDPattern.MatchString(id) {
		return nil, fail("lab.md", "folder name %q is not a valid lab id (%s)", id, labIDPattern)
	}
	raw, err := fs.ReadFile(src.FS, path.Join(dir, "lab.md"))
	if err != nil {
		return nil, fail("lab.md", "%v", err)
	}
	metaYAML, body, err := content.SplitFrontMatter(raw)
	if err != nil {
		return nil, fail("lab.md", "%v", err)
	}
	var nodes map[string]yaml.Node
	if err := yaml.Unmarshal(metaYAML, &nodes); err != nil {
		return nil, fail("lab.md", "front matter: %v", err)
	}
	keys := make([]string, 0, len(nodes))
	for k := range nodes {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		if !labKeys[k] {
			return nil, fail("lab.md", "unknown key %q", k)
		}
	}
	lab := &Lab{Path: where, Spec: Spec{ID: id, Tolerance: DefaultTolerance}}
	decode := func(key string, v any) error {
		n, ok := nodes[key]
		if !ok {
			return nil
		}
		if err := n.Decode(v); err != nil {
			return fail("lab.md", "%s: wrong type: %v", key, typeError(err))
		}
		return nil
	}
	var ordered orderedFlag
	var tolerance *float64
	for _, d := range []struct {
		key string
		v   any
	}{
		{"title", &lab.Title}, {"summary", &lab.Summary}, {"kind", &lab.Kind}, {"level", &lab.Level},
		{"competencies", &lab.Competencies}, {"ordered", &ordered}, {"column_names", &lab.ColumnNames},
		{"tolerance", &tolerance}, {"targets", &lab.Targets}, {"idempotent", &lab.Idempotent},
		{"hints", &lab.Hints}, {"estimated_minutes", &lab.EstimatedMinutes}, {"prerequisites", &lab.Prerequisites},
		{"language", &lab.Language}, {"entry", &lab.Entry}, {"tests_required", &lab.TestsRequired},
		{"plan", &lab.Plan},
	} {
		if err := decode(d.key, d.v); err != nil {
			return nil, err
		}
	}
	lab.Ordered = ordered.value
	if tolerance != nil {
		if *tolerance < 0 {
			return nil, fail("lab.md", "tolerance: must not be negative")
		}
		lab.Tolerance = *tolerance
	}
	for _, req := range []struct {
		key   string
		empty bool
	}{{"title", strings.TrimSpace(lab.Title) == ""}, {"kind", lab.Kind == ""}, {"level", lab.Level == ""}, {"competencies", len(lab.Competencies) == 0}} {
		if req.empty {
			return nil, fail("lab.md", "%s: required key is missing or empty", req.key)
		}
	}
	switch lab.Kind {
	case KindQuery, KindETL, KindQuality, KindCode:
	default:
		return nil, fail("lab.md", "kind: %q is not one of query, etl, quality, code", lab.Kind)
	}
	if content.LevelIndex(lab.Level) < 0 {
		return nil, fail("lab.md", "level: %q is not one of %v", lab.Level, content.Levels)
	}
	for _, comp := range lab.Competencies {
		if fw.Competency(comp) == nil {
			return nil, fail("lab.md", "competencies: unknown competency id %q", comp)
		}
	}
	if lab.EstimatedMinutes < 0 {
		return nil, fail("lab.md", "estimated_minutes: must not be negative")
	}
	switch {
	case lab.Kind == KindETL && len(lab.Targets) == 0:
		return nil, fail("lab.md", "targets: required for etl labs")
	case lab.Kind != KindETL && len(lab.Targets) > 0:
		return nil, fail("lab.md", "targets: only etl labs have targets")
	case lab.Kind != KindETL && lab.Idempotent:
		return nil, fail("lab.md", "idempotent: only for etl labs")
	case lab.Kind != KindQuery && lab.Ordered != OrderAuto:
		return nil, fail("lab.md", "ordered: only for query labs")
	case lab.Kind != KindQuery && lab.Plan != nil:
		return nil, fail("lab.md", "plan: only for query labs")
	}
	if err := checkPlan(lab.Plan); err != nil {
		return nil, fail("lab.md", "plan: %v", err)
	}
	wrongKind, only := sqlOnlyKeys, "not for code labs"
	if lab.Kind != KindCode {
		wrongKind, only = codeOnlyKeys, "only for code labs"
	}
	for _, k := range wrongKind {
		if _, ok := nodes[k]; ok {
			return nil, fail("lab.md", "%s: %s", k, only)
		}
	}
	read := func(name string, required bool) (string, error) {
		b, err := fs.ReadFile(src.FS, path.Join(dir, name))
		if errors.Is(err, fs.ErrNotExist) && !required {
			return "", nil
		}
		if err != nil {
			if errors.Is(err, fs.ErrNotExist) {
				return "", fail(name, "required file is missing")
			}
			return "", fail(name, "%v", err)
		}
		return string(b), nil
	}
	testExt, otherExt := ".sql", ".star"
	if lab.Kind == KindCode {
		testExt, otherExt = ".star", ".sql"
		err = loadCodeFiles(lab, src.FS, dir, read, fail)
	} else {
		err = loadSQLFiles(lab, src.FS, dir, read, fail)
	}
	if err != nil {
		return nil, err
	}
	if others, err := readDir(src.FS, path.Join(dir, "tests"), otherExt); err != nil {
		return nil, fail("tests", "%v", err)
	} else if len(others) > 0 {
		return nil, fail("tests/"+others[0].name, "test files of a %s lab are %s files", lab.Kind, testExt)
	}
	tests, err := readDir(src.FS, path.Join(dir, "tests"), testExt)
	if err != nil {
		return nil, fail("tests", "%v", err)
	}
	for _, f := range tests {
		name := strings.TrimSuffix(f.name, testExt)
		switch {
		case strings.HasPrefix(name, "fail-"):
			lab.Tests = append(lab.Tests, TestCase{Name: name, SQL: f.text, File: f.name})
		case strings.HasPrefix(name, "pass-"):
			lab.Tests = append(lab.Tests, TestCase{Name: name, WantPass: true, SQL: f.text, File: f.name})
		default:
			return nil, fail("tests/"+f.name, "test files are named fail-*%s or pass-*%s", testExt, testExt)
		}
	}
	rendered, err := r.Render(body)
	if err != nil {
		return nil, fail("lab.md", "%v", err)
	}
	lab.Instructions = rendered
	explanation, err := read("explanation.md", false)
	if err != nil {
		return nil, err
	}
	if lab.Explanation, err = r.Render([]byte(explanation)); err != nil {
		return nil, fail("explanation.md", "%v", err)
	}
	if lab.Korean, err = loadKorean(src, dir, lab, r, fail); err != nil {
		return nil, err
	}
	lab.Key = specKey(&lab.Spec)
	return lab, nil
}

// loadKorean reads lab.ko.md: the same title, summary and hints keys
// translated, the translated body, and no other keys (lab-format.md,
// Languages). The hints must be as many as the English ones.
func loadKorean(src Source, dir string, lab *Lab, r *content.Renderer, fail loadFailer) (*Text, error) {
	raw, err := fs.ReadFile(src.FS, path.Join(dir, "lab.ko.md"))
	if errors.Is(err, fs.ErrNotExist) {
		return nil, nil
	}
	if err != nil {
		return nil, fail("lab.ko.md", "%v", err)
	}
	meta, body, err := content.SplitFrontMatter(raw)
	if err != nil {
		return nil, fail("lab.ko.md", "%v", err)
	}
	var m koMeta
	if err := content.DecodeStrict(meta, &m); err != nil {
		return nil, fail("lab.ko.md", "%v (only title, summary and hints are translated)", err)
	}
	switch {
	case strings.TrimSpace(m.Title) == "":
		return nil, fail("lab.ko.md", "front matter: title: required")
	case len(m.Hints) != len(lab.Hints):
		return nil, fail("lab.ko.md", "front matter: hints: %d, but lab.md has %d", len(m.Hints), len(lab.Hints))
	case (m.Summary == "") != (lab.Summary == ""):
		return nil, fail("lab.ko.md", "front matter: summary: translate it exactly when lab.md has one")
	}
	t := &Text{Title: m.Title, Summary: m.Summary, Hints: m.Hints, Explanation: lab.Explanation}
	if t.Instructions, err = r.Render(body); err != nil {
		return nil, fail("lab.ko.md", "%v", err)
	}
	exp, err := fs.ReadFile(src.FS, path.Join(dir, "explanation.ko.md"))
	switch {
	case errors.Is(err, fs.ErrNotExist):
	case err != nil:
		return nil, fail("explanation.ko.md", "%v", err)
	default:
		if t.Explanation, err = r.Render(exp); err != nil {
			return nil, fail("explanation.ko.md", "%v", err)
		}
	}
	return t, nil
}

type sqlFile struct{ name, text string }

// codeFiles are the files only code labs have, and sqlFiles those they
// never have; each kind refuses the other's.
var (
	codeFiles = []string{"solution.star", "tests.star", "hidden_tests.star", "mutants"}
	sqlFiles  = []string{"setup.sql", "solution.sql", "hidden.sql", "checks.sql", "incidents"}
)

// refuseFiles fails on the first of names that exists in the lab's folder.
func refuseFiles(fsys fs.FS, dir string, names []string, fail loadFailer, why string) error {
	for _, name := range names {
		if _, err := fs.Stat(fsys, path.Join(dir, name)); err == nil {
			return fail(name, "%s", why)
		}
	}
	return nil
}

// loadSQLFiles reads the files of a query, etl or quality lab.
func loadSQLFiles(lab *Lab, fsys fs.FS, dir string, read func(string, bool) (string, error), fail loadFailer) error {
	if err := refuseFiles(fsys, dir, codeFiles, fail, "only code labs have .star files"); err != nil {
		return err
	}
	var err error
	if lab.Setup, err = read("setup.sql", true); err != nil {
		return err
	}
	if lab.Solution, err = read("solution.sql", true); err != nil {
		return err
	}
	if len(SplitStatements(lab.Solution)) == 0 {
		return fail("solution.sql", "has no statement")
	}
	if lab.Hidden, err = read("hidden.sql", false); err != nil {
		return err
	}
	if lab.Checks, err = read("checks.sql", false); err != nil {
		return err
	}
	if lab.Checks != "" && lab.Kind != KindETL {
		return fail("checks.sql", "only etl labs have checks.sql")
	}
	incidents, err := readDir(fsys, path.Join(dir, "incidents"), ".sql")
	if err != nil {
		return fail("incidents", "%v", err)
	}
	for _, f := range incidents {
		lab.Incidents = append(lab.Incidents, Incident{Name: strings.TrimSuffix(f.name, ".sql"), SQL: f.text})
	}
	switch {
	case lab.Kind == KindQuality && len(lab.Incidents) == 0:
		return fail("incidents", "quality labs need at least one incidents/<name>.sql")
	case lab.Kind != KindQuality && len(lab.Incidents) > 0:
		return fail("incidents", "only quality labs have incidents")
	}
	return nil
}

// loadCodeFiles reads and compiles the files of a code lab, so a syntax
// error, an undefined name or a missing function stops the load instead of
// the first learner's submission.
func loadCodeFiles(lab *Lab, fsys fs.FS, dir string, read func(string, bool) (string, error), fail loadFailer) error {
	if err := refuseFiles(fsys, dir, sqlFiles, fail, "code labs have no SQL files: their tests are tests.star and hidden_tests.star"); err != nil {
		return err
	}
	switch {
	case lab.Language == "":
		lab.Language = LanguageStarlark
	case lab.Language != LanguageStarlark:
		return fail("lab.md", "language: %q is not supported; the language of code labs is %q", lab.Language, LanguageStarlark)
	}
	if lab.Entry == "" {
		return fail("lab.md", "entry: required for code labs: the name of the function the learner writes")
	}
	if !identPattern.MatchString(lab.Entry) || strings.HasPrefix(lab.Entry, testPrefix) || predeclaredName(lab.Entry) {
		return fail("lab.md", "entry: %q is not a function name a learner can define", lab.Entry)
	}
	var err error
	if lab.Solution, err = read("solution.star", true); err != nil {
		return err
	}
	if err := checkStarFile("solution.star", lab.Solution, implementationNames(), lab.Entry, ""); err != nil {
		return fail("solution.star", "%v", err)
	}
	if lab.VisibleTests, err = read("tests.star", true); err != nil {
		return err
	}
	if err := checkStarFile("tests.star", lab.VisibleTests, testNames(&lab.Spec), "", testPrefix); err != nil {
		return fail("tests.star", "%v", err)
	}
	if lab.HiddenTests, err = read("hidden_tests.star", false); err != nil {
		return err
	}
	mutants, err := readDir(fsys, path.Join(dir, "mutants"), ".star")
	if err != nil {
		return fail("mutants", "%v", err)
	}
	if !lab.TestsRequired {
		switch {
		case len(mutants) > 0:
			return fail("mutants", "only test-writing labs (tests_required: true) have mutants")
		case lab.HiddenTests != "":
			if err := checkStarFile("hidden_tests.star", lab.HiddenTests, testNames(&lab.Spec), "", testPrefix); err != nil {
				return fail("hidden_tests.star", "%v", err)
			}
		}
		return nil
	}
	// In a test-writing lab the learner's tests are graded against the
	// solution and the mutants: hidden tests would grade nothing.
	if lab.HiddenTests != "" {
		return fail("hidden_tests.star", "test-writing labs have no hidden tests: the learner's tests are graded against solution.star and mutants/")
	}
	if len(mutants) == 0 {
		return fail("mutants", "test-writing labs need at least one mutants/<name>.star")
	}
	for _, f := range mutants {
		if err := checkStarFile("mutants/"+f.name, f.text, implementationNames(), lab.Entry, ""); err != nil {
			return fail("mutants/"+f.name, "%v", err)
		}
		lab.Mutants = append(lab.Mutants, Mutant{Name: strings.TrimSuffix(f.name, ".star"), Code: f.text})
	}
	return nil
}

type labFile struct{ name, text string }

// readDir reads the files of dir whose names end in ext, in name order; a
// missing dir has none.
func readDir(fsys fs.FS, dir, ext string) ([]labFile, error) {
	entries, err := fs.ReadDir(fsys, dir)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	var out []labFile
	for _, e := range entries {
		if e.IsDir() || !strings.HasSuffix(e.Name(), ext) {
			continue
		}
		b, err := fs.ReadFile(fsys, path.Join(dir, e.Name()))
		if err != nil {
			return nil, err
		}
		out = append(out, labFile{e.Name(), string(b)})
	}
	return out, nil
}

// specKey hashes everything that affects grading, so a worker rebuilds its
// cached datasets when an author edits a lab.
func specKey(s *Spec) string {
	h := sha256.New()
	for _, part := range []string{s.ID, s.Kind, s.Setup, s.Hidden, s.Solution, s.Checks, strings.Join(s.Targets, ","), s.Ordered,
		s.Language, s.Entry, fmt.Sprint(s.TestsRequired), s.VisibleTests, s.HiddenTests} {
		h.Write([]byte(part))
		h.Write([]byte{0})
	}
	for _, inc := range s.Incidents {
		h.Write([]byte(inc.Name + "\x00" + inc.SQL + "\x00"))
	}
	for _, m := range s.Mutants {
		h.Write([]byte(m.Name + "\x00" + m.Code + "\x00"))
	}
	return hex.EncodeToString(h.Sum(nil)[:12])
}

// orderedFlag accepts true, false, "strict" or "auto".
type orderedFlag struct{ value string }

func (o *orderedFlag) UnmarshalYAML(n *yaml.Node) error {
	if n.Kind == yaml.ScalarNode && n.Tag == "!!str" {
		switch n.Value {
		case "auto":
			o.value = OrderAuto
			return nil
		case "strict":
			o.value = OrderStrict
			return nil
		}
	}
	var b bool
	if err := n.Decode(&b); err != nil {
		return errors.New(`want true, false, "strict" or "auto"`)
	}
	o.value = OrderNone
	if b {
		o.value = OrderSorted
	}
	return nil
}

// operatorName is how DuckDB's EXPLAIN prints a physical operator.
var operatorName = regexp.MustCompile(`^[A-Z][A-Z_]*$`)

// checkPlan refuses bounds that could never mean what the author wrote.
func checkPlan(p *Plan) error {
	if p == nil {
		return nil
	}
	if p.MaxRowsScanned < 0 {
		return errors.New("max_rows_scanned: must not be negative")
	}
	if p.MaxRowsScanned == 0 && len(p.Forbid) == 0 {
		return errors.New("set max_rows_scanned, forbid or both")
	}
	for _, op := range p.Forbid {
		if !operatorName.MatchString(op) {
			return fmt.Errorf("forbid: %q is not an operator name as EXPLAIN prints it (for example CROSS_PRODUCT, NESTED_LOOP_JOIN)", op)
		}
	}
	return nil
}

func typeError(err error) string {
	var te *yaml.TypeError
	if errors.As(err, &te) {
		return strings.Join(te.Errors, "; ")
	}
	return err.Error()
}

// LabExists reports whether a lab with id is loaded.
func (c *Catalog) LabExists(id string) bool { return c.byID[id] != nil }
