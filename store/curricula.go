package store

import (
	"context"
	"database/sql"
	"fmt"
	"time"
)

// Curriculum is an ordered list of guides and labs.
type Curriculum struct {
	ID          int64
	OwnerID     int64
	Title       string
	Description string
	TargetLevel string
	CopiedFrom  string
	Items       []CurriculumItem
	UpdatedAt   time.Time
}

// CurriculumItem is one step; Ref is a guide slug or a lab id.
type CurriculumItem struct {
	Kind string
	Ref  string
}

// CreateCurriculum stores a curriculum and its items in one transaction.
func (s *Store) CreateCurriculum(ctx context.Context, c Curriculum) (int64, error) {
	ctx, cancel := s.bound(ctx)
	defer cancel()
	var id int64
	err := s.transact(ctx, func(tx *sql.Tx) error {
		at := s.now()
		var err error
		id, err = insertID(ctx, tx, "INSERT INTO curricula (owner_id, title, description, target_level, copied_from, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
			c.OwnerID, c.Title, c.Description, c.TargetLevel, c.CopiedFrom, at, at)
		if err != nil {
			return fmt.Errorf("store: create curriculum %q: %w", c.Title, err)
		}
		return writeItems(ctx, tx, id, c.Items)
	})
	return id, err
}

func writeItems(ctx context.Context, tx *sql.Tx, id int64, items []CurriculumItem) error {
	if _, err := tx.ExecContext(ctx, "DELETE FROM curriculum_items WHERE curriculum_id = ?", id); err != nil {
		return fmt.Errorf("store: curriculum %d items: %w", id, err)
	}
	for i, it := range items {
		if _, err := tx.ExecContext(ctx, "INSERT INTO curriculum_items (curriculum_id, position, kind, ref) VALUES (?, ?, ?, ?)", id, i, it.Kind, it.Ref); err != nil {
			return fmt.Errorf("store: curriculum %d items: %w", id, err)
		}
	}
	return nil
}

// UpdateCurriculum replaces a curriculum's fields and items.
func (s *Store) UpdateCurriculum(ctx context.Context, c Curriculum) error {
	return s.transact(ctx, func(tx *sql.Tx) error {
		res, err := tx.ExecContext(ctx, "UPDATE curricula SET title = ?, description = ?, target_level = ?, updated_at = ? WHERE id = ?",
			c.Title, c.Description, c.TargetLevel, s.now(), c.ID)
		if err != nil {
			return fmt.Errorf("store: update curriculum %d: %w", c.ID, err)
		}
		if n, _ := res.RowsAffected(); n == 0 {
			return ErrNotFound
		}
		return writeItems(ctx, tx, c.ID, c.Items)
	})
}

// CurriculumByID returns a curriculum with its items in order.
func (s *Store) CurriculumByID(ctx context.Context, id int64) (Curriculum, error) {
	list, err := s.listCurricula(ctx, "id = ?", id)
	if err != nil {
		return Curriculum{}, err
	}
	if len(list) == 0 {
		return Curriculum{}, ErrNotFound
	}
	return list[0], nil
}

// CurriculaOf lists the curricula a user owns; ownerID 0 lists all.
func (s *Store) CurriculaOf(ctx context.Context, ownerID int64) ([]Curriculum, error) {
	if ownerID == 0 {
		return s.listCurricula(ctx, "1 = 1")
	}
	return s.listCurricula(ctx, "owner_id = ?", ownerID)
}

// CurriculaByID returns the curricula with these ids, by id. Unknown ids
// are left out.
func (s *Store) CurriculaByID(ctx context.Context, ids []int64) (map[int64]Curriculum, error) {
	out := map[int64]Curriculum{}
	if len(ids) == 0 {
		return out, nil
	}
	args := make([]any, len(ids))
	for i, id := range ids {
		args[i] = id
	}
	list, err := s.listCurricula(ctx, "id IN ("+placeholders(len(ids))+")", args...)
	for _, c := range list {
		out[c.ID] = c
	}
	return out, err
}

// listCurricula reads the curricula that match where, then all their items
// in one more query: two queries whatever the number of curricula.
func (s *Store) listCurricula(ctx context.Context, where string, args ...any) ([]Curriculum, error) {
	ctx, cancel := s.bound(ctx)
	defer cancel()
	rows, err := s.read.QueryContext(ctx, "SELECT id, owner_id, title, description, target_level, copied_from, updated_at FROM curricula WHERE "+where+" ORDER BY id", args...)
	if err != nil {
		return nil, fmt.Errorf("store: list curricula: %w", err)
	}
	var out []Curriculum
	at := map[int64]int{}
	for rows.Next() {
		var c Curriculum
		var updated string
		if err := rows.Scan(&c.ID, &c.OwnerID, &c.Title, &c.Description, &c.TargetLevel, &c.CopiedFrom, &updated); err != nil {
			rows.Close()
			return nil, fmt.Errorf("store: list curricula: %w", err)
		}
		c.UpdatedAt = parseTime(updated)
		at[c.ID] = len(out)
		out = append(out, c)
	}
	rows.Close()
	if err := rows.Err(); err != nil || len(out) == 0 {
		return out, err
	}
	rows, err = s.read.QueryContext(ctx, "SELECT curriculum_id, kind, ref FROM curriculum_items WHERE curriculum_id IN (SELECT id FROM curricula WHERE "+where+") ORDER BY curriculum_id, position", args...)
	if err != nil {
		return nil, fmt.Errorf("store: list curriculum items: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		var id int64
		var it CurriculumItem
		if err := rows.Scan(&id, &it.Kind, &it.Ref); err != nil {
			return nil, fmt.Errorf("store: list curriculum items: %w", err)
		}
		if i, ok := at[id]; ok {
			out[i].Items = append(out[i].Items, it)
		}
	}
	return out, rows.Err()
}
