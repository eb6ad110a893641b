// Package domain holds Ladder's operations: signing up and in, grading and
// storing submissions, cohorts, curricula, assignments, comments and
// endorsements, and the access rules they check. Each takes a context and
// the acting user and returns plain values or an *Error; none sees HTTP.
// The handlers parse a request, call one operation and render its result,
// so a rule lives here once for the pages and the API alike.
package domain

import (
	"context"
	"fmt"
	"log/slog"
	"time"

	"ladder/content"
	"ladder/labs"
	"ladder/store"
)

// Options are what a Service is built from.
type Options struct {
	Store   *store.Store
	Content *content.Index
	Labs    *labs.Catalog
	Grader  *labs.Pool
	Logger  *slog.Logger
}

// Service runs the operations. It holds no state of its own beyond its
// dependencies and the evidence items derived from the catalog at start.
type Service struct {
	store   *store.Store
	content *content.Index
	labs    *labs.Catalog
	grader  *labs.Pool
	log     *slog.Logger
	items   []content.Item // evidence the level rule counts
}

// New checks that the shipped content and the lab catalog agree and
// returns the service. An error here should stop the start.
func New(opts Options) (*Service, error) {
	if err := checkCurricula(opts.Content, opts.Labs); err != nil {
		return nil, err
	}
	if opts.Logger == nil {
		opts.Logger = slog.Default()
	}
	s := &Service{
		store: opts.Store, content: opts.Content, labs: opts.Labs, grader: opts.Grader, log: opts.Logger,
		items: evidenceItems(opts.Content, opts.Labs),
	}
	// The search index is derived from what was just loaded, so it is
	// made here, before anything can search it. The store bounds the call.
	if err := s.RebuildSearchIndex(context.Background()); err != nil {
		return nil, err
	}
	return s, nil
}

// Now is the portal's one clock, the store's.
func (s *Service) Now() time.Time { return s.store.Now() }

// checkCurricula refuses shipped curricula that name a lab the catalog
// lacks: content and labs load separately, so only here can they be
// compared.
func checkCurricula(idx *content.Index, cat *labs.Catalog) error {
	for _, cur := range idx.Curricula {
		for i, it := range cur.Items {
			if it.Kind == "lab" && !cat.LabExists(it.Ref) {
				return fmt.Errorf("content: curricula/%s.yaml: items[%d]: unknown lab %q", cur.ID, i, it.Ref)
			}
		}
	}
	return nil
}
