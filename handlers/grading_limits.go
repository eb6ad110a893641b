package handlers

import (
	"strconv"
	"sync"
	"time"

	"github.com/gofiber/fiber/v2"
	"github.com/gofiber/fiber/v2/middleware/limiter"

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

// inFlight counts each caller's jobs that are being graded now.
type inFlight struct {
	mu sync.Mutex
	n  map[string]int
}

func (f *inFlight) enter(key string, limit int) bool {
	f.mu.Lock()
	defer f.mu.Unlock()
	if f.n[key] >= limit {
		return false
	}
	f.n[key]++
	return true
}

func (f *inFlight) leave(key string) {
	f.mu.Lock()
	defer f.mu.Unlock()
	if f.n[key]--; f.n[key] <= 0 {
		delete(f.n, key)
	}
}

// gradingLimit guards the run and submit routes: it bounds the jobs one
// caller may have in flight and per minute (429 with Retry-After past
// either), and passes the caller to the grader pool, which queues fairly
// between callers and keeps workers for signed-in learners.
func (s *Server) gradingLimit() fiber.Handler {
	l := s.limits
	busy := &inFlight{n: map[string]int{}}
	perMinute := func(limit int) fiber.Handler {
		return limiter.New(limiter.Config{
			Max:          limit,
			Expiration:   time.Minute,
			KeyGenerator: func(c *fiber.Ctx) string { return gradingCaller(c).Key },
			LimitReached: func(c *fiber.Ctx) error {
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
		if !busy.enter(caller.Key, limit) {
			c.Set(fiber.HeaderRetryAfter, retryAfter)
			return fiber.NewError(fiber.StatusTooManyRequests, s.text(c, "err.grading_in_flight"))
		}
		defer busy.leave(caller.Key)
		c.SetUserContext(labs.WithCaller(c.UserContext(), caller))
		return quota(c)
	}
}
