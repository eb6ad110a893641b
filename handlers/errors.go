package handlers

import (
	"context"
	"errors"
	"net/http"
	"strings"

	"github.com/gofiber/fiber/v2"

	"ladder/domain"
	"ladder/labs"
	"ladder/store"
)

// statusOf is the one map from an operation's refusal to an HTTP status.
var statusOf = map[domain.Kind]int{
	domain.Invalid:         fiber.StatusBadRequest,
	domain.Unauthenticated: fiber.StatusUnauthorized,
	domain.Forbidden:       fiber.StatusForbidden,
	domain.NotFound:        fiber.StatusNotFound,
	domain.Conflict:        fiber.StatusConflict,
	domain.Unprocessable:   fiber.StatusUnprocessableEntity,
}

// status is the HTTP status an error answers with.
func status(err error) int {
	var de *domain.Error
	var fe *fiber.Error
	switch {
	case errors.As(err, &de):
		if code, ok := statusOf[de.Kind]; ok {
			return code
		}
	case errors.As(err, &fe):
		return fe.Code
	case errors.Is(err, store.ErrNotFound):
		return fiber.StatusNotFound
	case errors.Is(err, labs.ErrBusy), errors.Is(err, context.DeadlineExceeded), store.IsUnavailable(err):
		// A store call that ran out of its deadline found the database
		// too busy, and one that could not reach it found it gone: either
		// way the request may succeed in a moment.
		return fiber.StatusServiceUnavailable
	}
	return fiber.StatusInternalServerError
}

// retryAfter is a 503's Retry-After, in seconds: a lost database takes
// longer to come back (a restart, a failover) than a busy one to drain.
func retryAfter(err error) string {
	if store.IsUnavailable(err) {
		return "5"
	}
	return "2"
}

// errDatabaseBusy is what a client reads when the database did not answer
// in time.
const errDatabaseBusy = "the database is busy; try again in a moment"

// errDatabaseUnavailable is what a client reads when the database could
// not be reached.
const errDatabaseUnavailable = "the database is unavailable; try again in a moment"

// messageKey is the one map from an operation's refusal to the catalog key
// a page shows; ok is false for errors that are not the user's to fix.
func messageKey(err error) (key string, ok bool) {
	var de *domain.Error
	if errors.As(err, &de) && de.Key != "" {
		return de.Key, true
	}
	return "", false
}

// fieldErrorsOf returns the form fields an operation refused, as catalog
// keys, for forms that show errors beside their fields.
func fieldErrorsOf(err error) (fieldErrors, bool) {
	var de *domain.Error
	if errors.As(err, &de) && len(de.Fields) > 0 {
		return fieldErrors(de.Fields), true
	}
	return nil, false
}

// apiMessage is the English message of an error in the JSON API. A refusal
// of form fields names each field with its catalog text.
func (s *Server) apiMessage(err error, code int) string {
	var de *domain.Error
	var fe *fiber.Error
	switch {
	case errors.As(err, &de) && de.Msg == "" && len(de.Fields) > 0:
		var parts []string
		for _, f := range []string{"email", "password", "current_password", "new_password", "display_name", "role"} {
			if k, ok := de.Fields[f]; ok {
				parts = append(parts, f+": "+s.msgs.T("en", k))
			}
		}
		return strings.Join(parts, "; ")
	case errors.As(err, &de):
		return de.Msg
	case code == fiber.StatusServiceUnavailable && store.IsUnavailable(err):
		return errDatabaseUnavailable
	case code == fiber.StatusServiceUnavailable && errors.Is(err, context.DeadlineExceeded):
		return errDatabaseBusy
	case code == fiber.StatusServiceUnavailable:
		return labs.ErrBusy.Error()
	case code >= 500:
		return "internal server error"
	case errors.As(err, &fe) && !(code == fiber.StatusNotFound && (fe.Message == "Not Found" || strings.HasPrefix(fe.Message, "Cannot "))):
		return fe.Message
	case code == fiber.StatusNotFound:
		return "not found"
	}
	return http.StatusText(code)
}

// handleError answers an error with JSON under /api and an error page
// elsewhere. Internal details never reach the client.
func (s *Server) handleError(c *fiber.Ctx, err error) error {
	code := status(err)
	if code == fiber.StatusServiceUnavailable {
		c.Set(fiber.HeaderRetryAfter, retryAfter(err))
	}
	switch {
	case code >= 500 && code != fiber.StatusServiceUnavailable:
		s.log.Error("request failed", "request_id", requestID(c), "path", strings.Clone(c.Path()), "err", err)
	case code == fiber.StatusServiceUnavailable && store.IsUnavailable(err):
		s.log.Warn("database unavailable", "request_id", requestID(c), "path", strings.Clone(c.Path()), "err", err)
	case errors.Is(err, context.DeadlineExceeded):
		s.log.Warn("database did not answer in time", "request_id", requestID(c), "path", strings.Clone(c.Path()), "err", err)
	}
	c.Status(code)
	if isAPI(c) {
		return c.JSON(fiber.Map{"error": s.apiMessage(err, code)})
	}
	lang := langOf(c)
	data := errorPage{RequestID: requestID(c)}
	switch key, ok := messageKey(err); {
	case code == fiber.StatusNotFound && ok:
		data.Heading, data.Message = s.msgs.T(lang, "error.404.title"), s.msgs.T(lang, key)
	case code == fiber.StatusNotFound:
		data.Heading, data.Message = s.msgs.T(lang, "error.404.title"), s.msgs.T(lang, "error.404.body")
	case code == fiber.StatusServiceUnavailable && store.IsUnavailable(err):
		data.Heading, data.Message = s.msgs.T(lang, "error.unavailable.title"), s.msgs.T(lang, "error.unavailable.body")
	case code >= 500:
		data.Heading, data.Message = s.msgs.T(lang, "error.500.title"), s.msgs.T(lang, "error.500.body")
	case ok:
		data.Heading, data.Message = s.msgs.T(lang, "error.generic.title"), s.msgs.T(lang, key)
	default:
		data.Heading, data.Message = s.msgs.T(lang, "error.generic.title"), s.apiMessage(err, code)
	}
	c.Set(fiber.HeaderContentType, fiber.MIMETextHTMLCharsetUTF8)
	if rerr := c.Render("error", s.view(c, "", data.Heading, data)); rerr != nil {
		s.log.Error("render error page", "err", rerr)
		return c.SendString(data.Heading)
	}
	return nil
}

type errorPage struct {
	Heading, Message, RequestID string
}

// text is a catalog message for an error answer: in the reader's language
// on pages, in English in the JSON API, whose messages scripts may match.
func (s *Server) text(c *fiber.Ctx, key string, args ...any) string {
	lang := langOf(c)
	if isAPI(c) {
		lang = "en"
	}
	return s.msgs.T(lang, key, args...)
}

func isAPI(c *fiber.Ctx) bool { return strings.HasPrefix(c.Path(), "/api/") }
