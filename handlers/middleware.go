package handlers

import (
	"database/sql"
	"fmt"
	"log/slog"
	"runtime/debug"
	"strconv"
	"strings"
	"time"

	"github.com/gofiber/fiber/v2"
	"github.com/gofiber/fiber/v2/middleware/adaptor"
	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/collectors"
	"github.com/prometheus/client_golang/prometheus/promhttp"

	"ladder/labs"
	"ladder/store"
)

// metrics is the server's own Prometheus registry, not the global one, so
// that two servers in one test process do not collide.
type metrics struct {
	reg      *prometheus.Registry
	requests *prometheus.CounterVec
	duration *prometheus.HistogramVec
	grading  *prometheus.HistogramVec
}

func newMetrics() *metrics {
	m := &metrics{
		reg: prometheus.NewRegistry(),
		requests: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "ladder_http_requests_total",
			Help: "HTTP requests by method, route pattern and status code.",
		}, []string{"method", "route", "status"}),
		duration: prometheus.NewHistogramVec(prometheus.HistogramOpts{
			Name:    "ladder_http_request_duration_seconds",
			Help:    "HTTP request latency by method and route pattern.",
			Buckets: []float64{.0005, .001, .0025, .005, .01, .025, .05, .1, .25, .5, 1, 2.5, 5, 10},
		}, []string{"method", "route"}),
	}
	m.grading = prometheus.NewHistogramVec(prometheus.HistogramOpts{
		Name:    "ladder_grading_duration_seconds",
		Help:    "Grader jobs by operation, lab kind and outcome (pass, fail, sql, refused, timeout, memory, crashed, busy, cancelled, ok).",
		Buckets: []float64{.001, .0025, .005, .01, .025, .05, .1, .25, .5, 1, 2.5, 5, 10},
	}, []string{"op", "kind", "outcome"})
	m.reg.MustRegister(m.requests, m.duration, m.grading,
		collectors.NewGoCollector(), collectors.NewProcessCollector(collectors.ProcessCollectorOpts{}))
	return m
}

func (s *Server) metricsHandler() fiber.Handler {
	return adaptor.HTTPHandler(promhttp.HandlerFor(s.metrics.reg, promhttp.HandlerOpts{}))
}

// observe renders errors itself (instead of leaving it to Fiber after the
// chain returns) so the status it logs and counts is the one sent.
func (s *Server) observe(c *fiber.Ctx) error {
	start := time.Now()
	err := c.Next()
	if err != nil {
		if herr := s.handleError(c, err); herr != nil {
			s.log.Error("error handler failed", "err", herr)
			c.Status(fiber.StatusInternalServerError)
		}
	}
	elapsed := time.Since(start)
	status := c.Response().StatusCode()
	// Fiber's strings point into fasthttp buffers that the next request on
	// the connection overwrites; Prometheus keeps label values for good, and
	// a log handler may keep a record, so each gets its own copy.
	method, path := strings.Clone(c.Method()), strings.Clone(c.Path())
	route := strings.Clone(c.Route().Path)
	if status == fiber.StatusNotFound || route == "" {
		route = "(unmatched)" // keep label cardinality bounded
	}
	s.metrics.requests.WithLabelValues(method, route, strconv.Itoa(status)).Inc()
	s.metrics.duration.WithLabelValues(method, route).Observe(elapsed.Seconds())
	level := slog.LevelInfo
	switch {
	case status == fiber.StatusServiceUnavailable: // a deliberate "busy": the client retries
		level = slog.LevelWarn
	case status >= 500:
		level = slog.LevelError
	}
	s.log.LogAttrs(c.UserContext(), level, "request",
		slog.String("request_id", requestID(c)),
		slog.String("method", method),
		slog.String("path", path),
		slog.Int("status", status),
		slog.Float64("duration_ms", float64(elapsed.Microseconds())/1000),
	)
	return nil
}

// requestID is a copy: the middleware takes a client's X-Request-Id as is,
// and the value goes into log records.
func requestID(c *fiber.Ctx) string {
	if v, ok := c.Locals("requestid").(string); ok {
		return strings.Clone(v)
	}
	return ""
}

func (s *Server) logPanic(c *fiber.Ctx, e any) {
	// Called inside the deferred recover, so debug.Stack is the panicking one.
	s.log.Error("panic", "request_id", requestID(c), "path", strings.Clone(c.Path()), "panic", fmt.Sprint(e), "stack", string(debug.Stack()))
}

// securityHeaders allows only our own scripts and styles, and no framing.
func securityHeaders(c *fiber.Ctx) error {
	h := &c.Response().Header
	h.Set("Content-Security-Policy", "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'")
	h.Set("X-Content-Type-Options", "nosniff")
	h.Set("Referrer-Policy", "strict-origin-when-cross-origin")
	h.Set("X-Frame-Options", "DENY")
	return c.Next()
}

const langCookie = "lang"

// language picks the interface language: the remembered choice, then the
// browser's Accept-Language, then English.
func (s *Server) language(c *fiber.Ctx) error {
	lang := c.Cookies(langCookie)
	if lang != "en" && lang != "ko" {
		lang = "en"
		if strings.HasPrefix(c.AcceptsLanguages("en", "ko"), "ko") {
			lang = "ko"
		}
	}
	c.Locals(langCookie, lang)
	return c.Next()
}

func langOf(c *fiber.Ctx) string {
	if l, ok := c.Locals(langCookie).(string); ok {
		return l
	}
	return "en"
}

// observeGrading records one grader job; the pool calls it.
func (m *metrics) observeGrading(o labs.Observation) {
	m.grading.WithLabelValues(o.Op, o.Kind, o.Outcome).Observe(o.Duration.Seconds())
}

// registerGauges exposes the grader's queue and the database pools, read
// when Prometheus scrapes.
func (m *metrics) registerGauges(pool *labs.Pool, st *store.Store) {
	gauge := func(name, help string, f func() float64) {
		m.reg.MustRegister(prometheus.NewGaugeFunc(prometheus.GaugeOpts{Name: name, Help: help}, f))
	}
	counter := func(name, help string, f func() float64) {
		m.reg.MustRegister(prometheus.NewCounterFunc(prometheus.CounterOpts{Name: name, Help: help}, f))
	}
	gauge("ladder_grader_queue_depth", "Grader jobs waiting for a worker.", func() float64 { return float64(pool.Stats().Waiting) })
	gauge("ladder_grader_running", "Grader jobs running now.", func() float64 { return float64(pool.Stats().Running) })
	gauge("ladder_grader_workers", "Grader worker processes.", func() float64 { return float64(pool.Stats().Workers) })
	counter("ladder_grader_busy_rejections_total", "Jobs refused because every worker was busy and the queue full.", func() float64 { return float64(pool.Stats().Busy) })
	counter("ladder_grader_worker_restarts_total", "Workers killed (deadline, memory, crash, cancellation) and replaced.", func() float64 { return float64(pool.Stats().Restarts) })
	// One set of series per database pool, labelled by engine and pool:
	// read and write on SQLite, the one pool on PostgreSQL.
	for i, p := range st.Stats() {
		labels := prometheus.Labels{"engine": p.Engine, "pool": p.Pool}
		get := func() sql.DBStats { return st.Stats()[i].DBStats }
		pgauge := func(name, help string, f func() float64) {
			m.reg.MustRegister(prometheus.NewGaugeFunc(prometheus.GaugeOpts{Name: name, Help: help, ConstLabels: labels}, f))
		}
		pcounter := func(name, help string, f func() float64) {
			m.reg.MustRegister(prometheus.NewCounterFunc(prometheus.CounterOpts{Name: name, Help: help, ConstLabels: labels}, f))
		}
		pgauge("ladder_db_max_open_connections", "Connections the pool may open.", func() float64 { return float64(get().MaxOpenConnections) })
		pgauge("ladder_db_open_connections", "Open connections of the pool.", func() float64 { return float64(get().OpenConnections) })
		pgauge("ladder_db_in_use_connections", "Connections of the pool in use.", func() float64 { return float64(get().InUse) })
		pgauge("ladder_db_idle_connections", "Idle connections of the pool.", func() float64 { return float64(get().Idle) })
		pcounter("ladder_db_wait_count_total", "Waits for a connection of the pool.", func() float64 { return float64(get().WaitCount) })
		pcounter("ladder_db_wait_seconds_total", "Time spent waiting for a connection of the pool.", func() float64 { return get().WaitDuration.Seconds() })
	}
}
