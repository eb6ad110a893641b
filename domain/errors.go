package domain

import (
	"errors"
	"fmt"

	"ladder/store"
)

// Kind is what went wrong, in the terms a caller answers by. The handlers
// map each kind to one HTTP status, in one place.
type Kind int

// The kinds of refusal.
const (
	Invalid         Kind = iota + 1 // the input is malformed or a field is wrong
	Unauthenticated                 // no credentials, or wrong ones
	Forbidden                       // the actor's role does not allow it
	NotFound                        // it does not exist, or the actor may not know it does
	Conflict                        // it collides with what exists
	Unprocessable                   // well formed, but names something that cannot take part
)

// Error is an operation's refusal: its kind, the English message the JSON
// API answers with, and the message catalog key that pages show.
type Error struct {
	Kind   Kind
	Msg    string            // English, for the API and the logs
	Key    string            // catalog key for pages
	Fields map[string]string // form field -> catalog key, for forms that mark fields
}

func (e *Error) Error() string {
	if e.Msg == "" && len(e.Fields) > 0 {
		return fmt.Sprintf("invalid fields: %v", e.Fields)
	}
	return e.Msg
}

// Refusals that callers test for with errors.Is. Each is one value, so
// the API's message, the page's text and the status agree everywhere.
var (
	ErrNotFound       = &Error{Kind: NotFound, Msg: "not found", Key: "error.404.body"}
	ErrForbidden      = &Error{Kind: Forbidden, Msg: "your role does not allow this", Key: "error.403.body"}
	ErrBadCredentials = &Error{Kind: Unauthenticated, Msg: "wrong email or password", Key: "err.bad_credentials"}
	ErrNoLearner      = &Error{Kind: Unprocessable, Msg: "no learner with this email", Key: "flash.no_learner"}
	ErrAlreadyMember  = &Error{Kind: Conflict, Msg: "this learner is already in the cohort", Key: "flash.already_member"}
	ErrNotMember      = &Error{Kind: NotFound, Msg: "this learner is not in the cohort", Key: "flash.not_member"}
	ErrJoinNotLearner = &Error{Kind: Forbidden, Msg: "only learners can join a cohort", Key: "dash.join_not_learner"}
	ErrUnknownCode    = &Error{Kind: NotFound, Msg: "no cohort has this join code", Key: "dash.join_unknown"}
	ErrNoCurriculum   = &Error{Kind: NotFound, Msg: "no curriculum with this id among yours", Key: "flash.bad_input"}
	ErrSelfEndorse    = &Error{Kind: Invalid, Msg: "you cannot endorse yourself", Key: "flash.bad_input"}
	ErrEmailTaken     = &Error{Kind: Conflict, Msg: "an account with this email already exists", Key: "err.email_taken",
		Fields: map[string]string{"email": "err.email_taken"}}
)

// ErrAlreadyAssigned refuses a second assignment of a curriculum that a
// learner of the cohort already has from it.
var ErrAlreadyAssigned = &Error{Kind: Conflict, Key: "flash.already_assigned",
	Msg: "this curriculum is already assigned to this cohort or to this learner: change that assignment's due date instead"}

// invalid is a refusal of bad input. Pages show the generic bad-input text
// unless key names a better one.
func invalid(key, format string, args ...any) *Error {
	if key == "" {
		key = "flash.bad_input"
	}
	return &Error{Kind: Invalid, Msg: fmt.Sprintf(format, args...), Key: key}
}

// notFound turns the store's not-found into the operations' own, so that
// callers see one kind of error whatever was missing.
func notFound(err error) error {
	if errors.Is(err, store.ErrNotFound) {
		return ErrNotFound
	}
	return err
}
