package handlers

import (
	"context"
	"strconv"
	"time"

	"github.com/gofiber/fiber/v2"

	"ladder/labs"
)

// Defaults of the grading limits. Two jobs at once is a learner running a
// query while a submission grades; a minute's quota is generous for a
// person and stops a script. Anonymous callers get half a signed-in
// learner's quota: they share an address, and they can sign up.
const (
	defaultGradingInFlight         = 2
	defaultGradingPerMinuteIP      = 30
	defaultGradingPerMinuteAccount = 60
)

func (l Limits) gradingDefaults() Limits {
	if l.GradingInFlightPerIP <= 0 {
		l.GradingInFlightPerIP = defaultGradingInFlight
	}
	if l.GradingInFlightPerAccount <= 0 {
		l.GradingInFlightPerAccount = defaultGradingInFlight
	}
	if l.GradingPerMinutePerIP <= 0 {
		l.GradingPerMinutePerIP = defaultGradingPerMinuteIP
	}
	if l.GradingPerMinutePerAccount <= 0 {
		l.GradingPerMinutePerAccount = defaultGradingPerMinuteAccount
	}
	return l
}

// gradingCaller is whom a run or submit job is for: the account when
// signed in, else the client address. Signed-in learners behind one
// address (a classroom) do not share a quota.
func gradingCaller(c *fiber.Ctx) labs.Caller {
	if u := currentUser(c); u != nil {
		return labs.Caller{Key: "user:" + strconv.FormatInt(u.ID, 10), SignedIn: true}
	}
	return labs.Caller{Key: "ip:" + c.IP()}
}

// leaseTTL bounds how long a job of a replica that died keeps counting
// against its caller. A job ends long before: the grader's deadline is
// labs.DefaultTimeout and its queue is short.
const leaseTTL = time.Minute

// gradingLimit guards the run and submit routes: it bounds the jobs one
// caller may have in flight and per minute (429 with Retry-After past
// either), and passes the caller to the grader pool, which queues fairly
// between callers and keeps workers for signed-in learners. Both counts
// are the database's, so a caller's jobs on every replica add up.
func (s *Server) gradingLimit() fiber.Handler {
	l := s.limits
	perMinute := func(limit int) fiber.Handler {
		return s.windowLimit(windowRule{
			max:    limit,
			window: time.Minute,
			key:    func(c *fiber.Ctx) string { return "grade:" + gradingCaller(c).Key },
			reached: func(c *fiber.Ctx) error {
				return fiber.NewError(fiber.StatusTooManyRequests, s.text(c, "err.grading_per_minute"))
			},
		})
	}
	anonPerMinute, accountPerMinute := perMinute(l.GradingPerMinutePerIP), perMinute(l.GradingPerMinutePerAccount)
	// A job holds its place for at most the grader's deadline; by then a
	// retry finds it free.
	retryAfter := strconv.Itoa(int(labs.DefaultTimeout / time.Second))
	return func(c *fiber.Ctx) error {
		caller := gradingCaller(c)
		limit, quota := l.GradingInFlightPerIP, anonPerMinute
		if caller.SignedIn {
			limit, quota = l.GradingInFlightPerAccount, accountPerMinute
		}
		lease, ok, err := s.store.TakeLease(c.UserContext(), caller.Key, limit, leaseTTL)
		if err != nil {
			return err
		}
		if !ok {
			c.Set(fiber.HeaderRetryAfter, retryAfter)
			return fiber.NewError(fiber.StatusTooManyRequests, s.text(c, "err.grading_in_flight"))
		}
		defer func() {
			// The client may have gone; the lease must end all the same.
			if err := s.store.Release(context.WithoutCancel(c.UserContext()), lease); err != nil {
				s.log.Warn("release a grading lease", "err", err)
			}
		}()
		c.SetUserContext(labs.WithCaller(c.UserContext(), caller))
		return quota(c)
	}
}
