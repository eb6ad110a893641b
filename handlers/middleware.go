package handlers

import (
	"fmt"
	"log/slog"
	"strconv"
	"strings"
	"time"

	"github.com/gofiber/fiber/v2"
	"github.com/gofiber/fiber/v2/middleware/adaptor"
	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/collectors"
	"github.com/prometheus/client_golang/prometheus/promhttp"
)

// metrics is the server's own Prometheus registry, not the global one, so
// that two servers in one test process do not collide.
type metrics struct {
	reg      *prometheus.Registry
	requests *prometheus.CounterVec
	duration *prometheus.HistogramVec
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
	m.reg.MustRegister(m.requests, m.duration,
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
	route := c.Route().Path
	if status == fiber.StatusNotFound {
		route = "(unmatched)" // keep label cardinality bounded
	}
	s.metrics.requests.WithLabelValues(c.Method(), route, strconv.Itoa(status)).Inc()
	s.metrics.duration.WithLabelValues(c.Method(), route).Observe(elapsed.Seconds())
	level := slog.LevelInfo
	if status >= 500 {
		level = slog.LevelError
	}
	s.log.LogAttrs(c.UserContext(), level, "request",
		slog.String("request_id", requestID(c)),
		slog.String("method", c.Method()),
		slog.String("path", c.Path()),
		slog.Int("status", status),
		slog.Float64("duration_ms", float64(elapsed.Microseconds())/1000),
	)
	return nil
}

func requestID(c *fiber.Ctx) string {
	if v, ok := c.Locals("requestid").(string); ok {
		return v
	}
	return ""
}

func (s *Server) logPanic(c *fiber.Ctx, e any) {
	s.log.Error("panic", "request_id", requestID(c), "path", c.Path(), "panic", fmt.Sprint(e))
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
