package handlers

import (
	"context"
	"time"

	"github.com/gofiber/fiber/v2"
)

// healthz answers as soon as the server accepts requests.
func (s *Server) healthz(c *fiber.Ctx) error {
	return c.SendString("ok")
}

// readyz answers 200 only when the database answers too.
func (s *Server) readyz(c *fiber.Ctx) error {
	ctx, cancel := context.WithTimeout(c.UserContext(), 2*time.Second)
	defer cancel()
	if err := s.store.Ping(ctx); err != nil {
		s.log.Warn("not ready", "err", err)
		return c.Status(fiber.StatusServiceUnavailable).SendString("database unavailable")
	}
	return c.SendString("ready")
}
