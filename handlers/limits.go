package handlers

import (
	"context"
	"strconv"
	"time"

	"github.com/gofiber/fiber/v2"
)

// windowRule is a limit of max requests per window for each key. The
// counts are the store's (store.Hit), shared by every replica on one
// database. Keys name their limit first ("auth:ip:...") so that limits
// never share a count.
type windowRule struct {
	max    int
	window time.Duration
	key    func(c *fiber.Ctx) string
	// failuresOnly counts only requests that fail (an error or a status of
	// 400 or more), as for failed logins: a success takes its hit back.
	failuresOnly bool
	reached      func(c *fiber.Ctx) error
}

// windowLimit enforces r, answering past it with r.reached and a
// Retry-After of the seconds until the window ends. It sets the
// X-RateLimit headers as Fiber's limiter, which it replaces, did.
func (s *Server) windowLimit(r windowRule) fiber.Handler {
	limit := strconv.Itoa(r.max)
	return func(c *fiber.Ctx) error {
		key := r.key(c)
		w, err := s.store.Hit(c.UserContext(), key, r.window)
		if err != nil {
			return err
		}
		wait := retrySeconds(w.ResetAt.Sub(s.now()))
		c.Set("X-RateLimit-Limit", limit)
		c.Set("X-RateLimit-Reset", strconv.Itoa(wait))
		if w.Hits > r.max {
			c.Set("X-RateLimit-Remaining", "0")
			c.Set(fiber.HeaderRetryAfter, strconv.Itoa(wait))
			return r.reached(c)
		}
		c.Set("X-RateLimit-Remaining", strconv.Itoa(r.max-w.Hits))
		err = c.Next()
		if r.failuresOnly && err == nil && c.Response().StatusCode() < fiber.StatusBadRequest {
			// The request stands whether or not the hit is taken back.
			if uerr := s.store.Unhit(context.WithoutCancel(c.UserContext()), key, w); uerr != nil {
				s.log.Warn("take back a limit hit", "err", uerr)
			}
		}
		return err
	}
}

// retrySeconds is a wait as Retry-After gives it: whole seconds, rounded
// up, at least one.
func retrySeconds(d time.Duration) int {
	n := int((d + time.Second - 1) / time.Second)
	if n < 1 {
		return 1
	}
	return n
}
