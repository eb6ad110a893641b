package store

import (
	"context"
	"crypto/sha256"
	"database/sql"
	"encoding/hex"
	"errors"
	"fmt"
	"strings"
	"unicode/utf8"
)

// The search index holds the guides, labs and tasks loaded at start, in
// both languages. It is derived data, so it is made here and not in a
// migration: RebuildSearchIndex drops and refills it in one transaction at
// start, and its shape follows this code. It is an FTS5 table with the
// trigram tokenizer, so that a word inside a longer one matches: Korean
// attaches particles and joins nouns without spaces (파티션을, 데이터웨어하우스),
// and an English reader searching "partition" wants "partitioning" too.
// On PostgreSQL the same rows live in a plain table (search_postgres.go).
const searchTable = `CREATE VIRTUAL TABLE search_index USING fts5(
	title, summary, body,
	kind UNINDEXED, ref UNINDEXED, lang UNINDEXED,
	tokenize = 'trigram'
)`

// trigramMin is the shortest term the trigram index can find; shorter
// terms are matched with LIKE over the same table.
const trigramMin = 3

// SearchDoc is one searchable text: a guide, a lab or a task in one
// language. Body is plain text.
type SearchDoc struct {
	Kind    string // guide, lab or task
	Ref     string // the guide's slug, the lab's or the task's id
	Lang    string
	Title   string
	Summary string
	Body    string
}

// SearchQuery is what to find. Every term must occur, as a substring of
// the title, the summary or the body, ignoring case. Terms are text, never
// query syntax: quotes, *, NEAR, AND and the like match themselves.
type SearchQuery struct {
	Terms  []string
	Lang   string // only documents in this language; "" for both
	Prefer string // documents in this language first; "" for none
	Limit  int
	Offset int
}

// RebuildSearchIndex replaces the whole index with docs, in one
// transaction: readers see the old index or the new one, never a mix. It
// reports whether it rebuilt: an index already made from the same docs,
// by the same schema, is kept (its fingerprint is in app_meta), so a
// restart with unchanged content costs nothing.
func (s *Store) RebuildSearchIndex(ctx context.Context, docs []SearchDoc) (bool, error) {
	if s.dialect.name == EnginePostgres {
		return s.rebuildSearchPostgres(ctx, docs)
	}
	sum := searchFingerprint(docs)
	rebuilt := false
	err := s.transact(ctx, func(tx *sql.Tx) error {
		var have string
		err := tx.QueryRowContext(ctx, `SELECT value FROM app_meta WHERE key = 'search_index'
			AND EXISTS (SELECT 1 FROM sqlite_master WHERE name = 'search_index')`).Scan(&have)
		if err != nil && !errors.Is(err, sql.ErrNoRows) {
			return fmt.Errorf("store: read the search index's fingerprint: %w", err)
		}
		if have == sum {
			return nil
		}
		if _, err := tx.ExecContext(ctx, `DROP TABLE IF EXISTS search_index`); err != nil {
			return fmt.Errorf("store: drop the search index: %w", err)
		}
		if _, err := tx.ExecContext(ctx, searchTable); err != nil {
			return fmt.Errorf("store: create the search index: %w", err)
		}
		// The index is written once and only read until the next rebuild:
		// merging segments while loading it is time spent on every start
		// that buys nothing, so merge only when a level reaches 64.
		for _, opt := range []string{`INSERT INTO search_index (search_index, rank) VALUES ('automerge', 0)`,
			`INSERT INTO search_index (search_index, rank) VALUES ('crisismerge', 64)`} {
			if _, err := tx.ExecContext(ctx, opt); err != nil {
				return fmt.Errorf("store: configure the search index: %w", err)
			}
		}
		if err := fillSearchIndex(ctx, tx, docs, sum); err != nil {
			return err
		}
		rebuilt = true
		return nil
	})
	return rebuilt, err
}

// fillSearchIndex writes the documents into a fresh index table and
// records their fingerprint, on either engine.
func fillSearchIndex(ctx context.Context, tx *sql.Tx, docs []SearchDoc, sum string) error {
	stmt, err := tx.PrepareContext(ctx, `INSERT INTO search_index (title, summary, body, kind, ref, lang) VALUES (?, ?, ?, ?, ?, ?)`)
	if err != nil {
		return fmt.Errorf("store: fill the search index: %w", err)
	}
	defer stmt.Close()
	for _, d := range docs {
		if _, err := stmt.ExecContext(ctx, d.Title, d.Summary, d.Body, d.Kind, d.Ref, d.Lang); err != nil {
			return fmt.Errorf("store: index %s %q (%s): %w", d.Kind, d.Ref, d.Lang, err)
		}
	}
	_, err = tx.ExecContext(ctx, `INSERT INTO app_meta (key, value) VALUES ('search_index', ?)
		ON CONFLICT (key) DO UPDATE SET value = excluded.value`, sum)
	if err != nil {
		return fmt.Errorf("store: record the search index's fingerprint: %w", err)
	}
	return nil
}

// searchFingerprint identifies an index: the table's definition and every
// document, each field length-prefixed so no two inputs run together.
func searchFingerprint(docs []SearchDoc) string {
	h := sha256.New()
	field := func(v string) { fmt.Fprintf(h, "%d:%s", len(v), v) }
	field(searchTable)
	for _, d := range docs {
		for _, v := range []string{d.Kind, d.Ref, d.Lang, d.Title, d.Summary, d.Body} {
			field(v)
		}
	}
	return hex.EncodeToString(h.Sum(nil))
}

// Search returns one page of the documents that match q, best first, and
// how many match in all. Terms of three characters or more go through the
// trigram index; shorter ones, which it cannot find, through LIKE on the
// same rows. Ranking is BM25 with the title weighing most, then the
// summary; with only short terms, title matches come first, then summary
// matches.
func (s *Store) Search(ctx context.Context, q SearchQuery) ([]SearchDoc, int, error) {
	ctx, cancel := s.bound(ctx)
	defer cancel()
	if s.dialect.name == EnginePostgres {
		return s.searchPostgres(ctx, q)
	}
	var where []string
	var whereArgs []any
	var phrases []string
	var short []string
	for _, t := range q.Terms {
		if t == "" {
			continue
		}
		if utf8.RuneCountInString(t) >= trigramMin {
			phrases = append(phrases, ftsString(t))
		} else {
			short = append(short, likePattern(t))
		}
	}
	if len(phrases) == 0 && len(short) == 0 {
		return nil, 0, nil
	}
	if len(phrases) > 0 {
		where = append(where, "search_index MATCH ?")
		whereArgs = append(whereArgs, strings.Join(phrases, " "))
	}
	for _, p := range short {
		where = append(where, `(title LIKE ? ESCAPE '\' OR summary LIKE ? ESCAPE '\' OR body LIKE ? ESCAPE '\')`)
		whereArgs = append(whereArgs, p, p, p)
	}
	if q.Lang != "" {
		where = append(where, "lang = ?")
		whereArgs = append(whereArgs, q.Lang)
	}
	score, scoreArgs := "bm25(search_index, 10.0, 4.0, 1.0)", []any(nil)
	if len(phrases) == 0 {
		score = `CASE WHEN title LIKE ? ESCAPE '\' THEN 0 WHEN summary LIKE ? ESCAPE '\' THEN 1 ELSE 2 END`
		scoreArgs = []any{short[0], short[0]}
	}
	order := "score, kind, ref, lang"
	var orderArgs []any
	if q.Prefer != "" {
		order, orderArgs = "lang = ? DESC, "+order, []any{q.Prefer}
	}
	limit := q.Limit
	if limit <= 0 {
		limit = 20
	}
	offset := max(q.Offset, 0)
	// Rank the matches by rowid and score alone, then read the texts of
	// one page only: a common word matches most of the catalog.
	query := `WITH hits AS (SELECT rowid AS id, kind, ref, lang, ` + score + ` AS score FROM search_index WHERE ` + strings.Join(where, " AND ") + `),
	ranked AS (SELECT id, count(*) OVER () AS total, row_number() OVER (ORDER BY ` + order + `) AS pos FROM hits)
	SELECT s.kind, s.ref, s.lang, s.title, s.summary, s.body, r.total, r.pos FROM ranked AS r JOIN search_index AS s ON s.rowid = r.id
	WHERE r.pos > ? AND r.pos <= ? ORDER BY r.pos`
	args := append(append(append(scoreArgs, whereArgs...), orderArgs...), offset, offset+limit)
	countQuery := `SELECT count(*) FROM search_index WHERE ` + strings.Join(where, " AND ")
	return s.searchPage(ctx, q, query, args, countQuery, whereArgs, offset)
}

// searchPage reads one page of ranked hits (kind, ref, lang, title,
// summary, body, total, pos) and how many match in all, on either engine.
func (s *Store) searchPage(ctx context.Context, q SearchQuery, query string, args []any, countQuery string, countArgs []any, offset int) ([]SearchDoc, int, error) {
	var out []SearchDoc
	total := 0
	err := s.eachRow(ctx, query, args, func(scan func(...any) error) error {
		var d SearchDoc
		var pos int
		if err := scan(&d.Kind, &d.Ref, &d.Lang, &d.Title, &d.Summary, &d.Body, &total, &pos); err != nil {
			return err
		}
		out = append(out, d)
		return nil
	})
	if err != nil {
		return nil, 0, fmt.Errorf("store: search %q: %w", q.Terms, err)
	}
	if len(out) == 0 && offset > 0 {
		// Past the last page: no row carried the count.
		if err := s.read.QueryRowContext(ctx, countQuery, countArgs...).Scan(&total); err != nil {
			return nil, 0, fmt.Errorf("store: count search %q: %w", q.Terms, err)
		}
	}
	return out, total, nil
}

// ftsString makes a term an FTS5 string: inside double quotes every
// character is text, and a quote is written twice. No user input reaches
// FTS5 as syntax.
func ftsString(t string) string {
	return `"` + strings.ReplaceAll(t, `"`, `""`) + `"`
}

// likePattern finds t anywhere; LIKE's own wildcards in t match themselves.
func likePattern(t string) string {
	r := strings.NewReplacer(`\`, `\\`, `%`, `\%`, `_`, `\_`)
	return "%" + r.Replace(t) + "%"
}
