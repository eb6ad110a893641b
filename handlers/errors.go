package handlers

import (
	"errors"
	"strings"

	"github.com/gofiber/fiber/v2"

	"ladder/labs"
	"ladder/store"
)

// handleError maps an error to a status and answers with JSON under /api and
// an error page elsewhere. Internal details never reach the client.
func (s *Server) handleError(c *fiber.Ctx, err error) error {
	code := fiber.StatusInternalServerError
	msg := ""
	var fe *fiber.Error
	switch {
	case errors.As(err, &fe):
		code, msg = fe.Code, fe.Message
	case errors.Is(err, store.ErrNotFound):
		code = fiber.StatusNotFound
	case errors.Is(err, labs.ErrBusy):
		code, msg = fiber.StatusServiceUnavailable, labs.ErrBusy.Error()
		c.Set(fiber.HeaderRetryAfter, "2")
	}
	if code >= 500 && code != fiber.StatusServiceUnavailable {
		s.log.Error("request failed", "request_id", requestID(c), "path", strings.Clone(c.Path()), "err", err)
	}
	lang := langOf(c)
	c.Status(code)
	if isAPI(c) {
		switch {
		case code == fiber.StatusNotFound && (msg == "" || msg == "Not Found" || strings.HasPrefix(msg, "Cannot ")):
			msg = "not found"
		case code == fiber.StatusServiceUnavailable:
		case code >= 500:
			msg = "internal server error"
		}
		return c.JSON(fiber.Map{"error": msg})
	}
	data := errorPage{RequestID: requestID(c)}
	switch {
	case code == fiber.StatusNotFound:
		data.Heading, data.Message = s.msgs.T(lang, "error.404.title"), s.msgs.T(lang, "error.404.body")
	case code >= 500:
		data.Heading, data.Message = s.msgs.T(lang, "error.500.title"), s.msgs.T(lang, "error.500.body")
	default:
		data.Heading, data.Message = s.msgs.T(lang, "error.generic.title"), msg
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
