package handlers

import (
	"crypto/rand"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"net"
	"net/http"
	"net/url"
	"strings"
	"time"

	"github.com/gofiber/fiber/v2"
	"github.com/gofiber/fiber/v2/middleware/csrf"
	"github.com/golang-jwt/jwt/v5"

	"ladder/domain"
	"ladder/store"
)

const (
	sessionCookie = "ladder_session"
	csrfCookie    = "ladder_csrf"
	csrfHeader    = "X-Csrf-Token"
	csrfField     = "_csrf"
	tokenIssuer   = "ladder"
	tokenAudience = "ladder-portal"
	tokenTTL      = 7 * 24 * time.Hour
)

// claims are the JWT's registered claims; ID (jti) is the session id that
// the revocation check looks up.
type claims = jwt.RegisteredClaims

func (s *Server) issueToken(userID int64, sessionID string, now time.Time) (string, time.Time, error) {
	exp := now.Add(tokenTTL)
	tok := jwt.NewWithClaims(jwt.SigningMethodHS256, claims{
		Issuer: tokenIssuer, Audience: jwt.ClaimStrings{tokenAudience}, Subject: fmt.Sprint(userID),
		ID: sessionID, IssuedAt: jwt.NewNumericDate(now), ExpiresAt: jwt.NewNumericDate(exp),
	})
	signed, err := tok.SignedString(s.jwtKey)
	return signed, exp, err
}

// parseToken accepts only HS256 tokens signed with our key, with a valid
// exp, iat, iss and aud. Everything else, "none" included, is rejected.
func (s *Server) parseToken(raw string) (*claims, error) {
	var c claims
	_, err := jwt.ParseWithClaims(raw, &c, func(*jwt.Token) (any, error) { return s.jwtKey, nil },
		jwt.WithValidMethods([]string{jwt.SigningMethodHS256.Alg()}),
		jwt.WithIssuer(tokenIssuer), jwt.WithAudience(tokenAudience),
		jwt.WithExpirationRequired(), jwt.WithIssuedAt(), jwt.WithLeeway(30*time.Second), jwt.WithTimeFunc(s.now))
	if err != nil {
		return nil, err
	}
	if c.ID == "" || c.IssuedAt == nil {
		return nil, errors.New("token lacks jti or iat")
	}
	return &c, nil
}

// authInfo is who made the request and how.
type authInfo struct {
	User    store.User
	Session string
	Via     string // "bearer" or "cookie"
}

func currentAuth(c *fiber.Ctx) *authInfo {
	a, _ := c.Locals("auth").(*authInfo)
	return a
}

func currentUser(c *fiber.Ctx) *store.User {
	if a := currentAuth(c); a != nil {
		return &a.User
	}
	return nil
}

var errUnauthorized = fiber.NewError(fiber.StatusUnauthorized, "authentication required: missing, expired or revoked token")

// authenticate identifies the caller from a Bearer token or the session
// cookie, and checks on every request that the session is still active so
// logout and password changes take effect at once. A bad Bearer token is a
// 401; a bad cookie just makes the caller anonymous and is cleared.
func (s *Server) authenticate(c *fiber.Ctx) error {
	raw, via := "", ""
	if h := c.Get(fiber.HeaderAuthorization); h != "" {
		scheme, tok, ok := strings.Cut(h, " ")
		if !ok || !strings.EqualFold(scheme, "Bearer") || strings.TrimSpace(tok) == "" {
			return errUnauthorized
		}
		raw, via = strings.TrimSpace(tok), "bearer"
	} else if ck := c.Cookies(sessionCookie); ck != "" {
		raw, via = ck, "cookie"
	}
	if raw == "" {
		return c.Next()
	}
	info, err := s.resolveToken(c, raw)
	if err != nil && status(err) == fiber.StatusServiceUnavailable {
		// The database, not the token, failed: the caller keeps the
		// session and is told to retry, rather than refused or signed out.
		return err
	}
	if err != nil {
		if via == "bearer" {
			return errUnauthorized
		}
		s.clearSessionCookie(c)
		c.Locals("staleSession", true)
		return c.Next()
	}
	info.Via = via
	c.Locals("auth", info)
	return c.Next()
}

func (s *Server) resolveToken(c *fiber.Ctx, raw string) (*authInfo, error) {
	cl, err := s.parseToken(raw)
	if err != nil {
		return nil, err
	}
	sess, user, err := s.store.ActiveSession(c.UserContext(), cl.ID)
	if err != nil {
		return nil, err
	}
	if fmt.Sprint(user.ID) != cl.Subject {
		return nil, errors.New("token subject does not match its session")
	}
	return &authInfo{User: user, Session: sess.ID}, nil
}

// requireUser lets only signed-in callers through. Pages send anonymous
// visitors to the login page and come back afterwards.
func (s *Server) requireUser(c *fiber.Ctx) error {
	if currentUser(c) != nil {
		return c.Next()
	}
	if isAPI(c) {
		return errUnauthorized
	}
	return c.Redirect("/login?next="+url.QueryEscape(c.OriginalURL()), fiber.StatusSeeOther)
}

// requireRole lets through signed-in callers with one of the roles; the
// rule itself is domain.RequireRole. Pages send anonymous visitors to the
// login page first.
func (s *Server) requireRole(roles ...string) fiber.Handler {
	return func(c *fiber.Ctx) error {
		u := currentUser(c)
		if u == nil {
			return s.requireUser(c)
		}
		if err := domain.RequireRole(u, roles...); err != nil {
			return err
		}
		return c.Next()
	}
}

// csrfTTL is how long a CSRF token is good for.
const csrfTTL = 12 * time.Hour

// csrfProtection guards every state-changing request that the cookie
// authenticates, and every browser form. Bearer requests, and API calls
// that carry no session cookie, cannot be forged by another site.
//
// Tokens are signed, not stored (csrf_tokens.go), so replicas accept each
// other's.
func (s *Server) csrfProtection() fiber.Handler {
	tokens := newSignedTokens(s.jwtKey, csrfTTL, func() time.Time { return s.now() })
	return csrf.New(csrf.Config{
		Storage:        tokens,
		KeyGenerator:   tokens.generate,
		CookieName:     csrfCookie,
		CookieSameSite: "Lax",
		CookieSecure:   s.secureCookies,
		CookieHTTPOnly: false, // API clients read it to send the header
		Expiration:     csrfTTL,
		ContextKey:     "csrf",
		Extractor: func(c *fiber.Ctx) (string, error) {
			if v := c.Get(csrfHeader); v != "" {
				return v, nil
			}
			if v := c.FormValue(csrfField); v != "" {
				return v, nil
			}
			return "", csrf.ErrTokenNotFound
		},
		Next: func(c *fiber.Ctx) bool {
			if a := currentAuth(c); a != nil && a.Via == "bearer" {
				return true
			}
			if isAPI(c) && currentAuth(c) == nil {
				return true
			}
			switch c.Path() {
			case "/healthz", "/readyz", "/metrics":
				return true
			}
			// An anonymous guide page has no form: no token to make.
			// An anonymous quiz attempt on that cached page changes nothing
			// stored and carries no session to forge.
			if c.Method() == fiber.MethodPost && currentAuth(c) == nil && strings.HasPrefix(c.Path(), "/guides/") && strings.HasSuffix(c.Path(), "/quiz") {
				return true
			}
			if c.Method() == fiber.MethodGet && currentAuth(c) == nil && strings.HasPrefix(c.Path(), "/guides/") {
				return true
			}
			return strings.HasPrefix(c.Path(), "/assets/")
		},
		ErrorHandler: func(c *fiber.Ctx, err error) error {
			return fiber.NewError(fiber.StatusForbidden, "missing or invalid CSRF token: reload the page and try again")
		},
	})
}

// crossOriginForms refuses state-changing page requests that another site
// made, the login and signup forms first of all: they set the session
// cookie, so a forged post signs a browser into someone else's account.
// net/http's check trusts Sec-Fetch-Site, then Origin against the Host
// header or the base URL's origin; a request with neither header (an old
// client, curl) passes. The API needs no such check: its bodies are JSON
// only, which another site cannot send without a preflight.
func (s *Server) crossOriginForms() fiber.Handler {
	cop := http.NewCrossOriginProtection()
	if o := siteOrigin(s.baseURL); o != "" {
		if err := cop.AddTrustedOrigin(o); err != nil {
			// Fails closed: only an Origin equal to the Host header passes.
			s.log.Warn("the base URL is not a usable origin", "base_url", s.baseURL, "err", err)
		}
	}
	return func(c *fiber.Ctx) error {
		switch c.Method() {
		case fiber.MethodGet, fiber.MethodHead, fiber.MethodOptions:
			return c.Next()
		}
		if isAPI(c) {
			return c.Next()
		}
		req := &http.Request{Method: c.Method(), Host: string(c.Request().Host()), Header: http.Header{}}
		for _, h := range []string{"Sec-Fetch-Site", fiber.HeaderOrigin} {
			if v := c.Get(h); v != "" {
				req.Header.Set(h, v)
			}
		}
		if err := cop.Check(req); err != nil {
			return fiber.NewError(fiber.StatusForbidden, s.msgs.T(langOf(c), "err.cross_site"))
		}
		return c.Next()
	}
}

// siteOrigin is the base URL as a browser writes it in Origin:
// scheme://host[:port], lower case, without a default port.
func siteOrigin(baseURL string) string {
	u, err := url.Parse(strings.TrimSpace(baseURL))
	if err != nil || u.Scheme == "" || u.Host == "" {
		return ""
	}
	scheme, host := strings.ToLower(u.Scheme), strings.ToLower(u.Hostname())
	if p := u.Port(); p != "" && !(scheme == "http" && p == "80") && !(scheme == "https" && p == "443") {
		host = net.JoinHostPort(host, p)
	} else if strings.Contains(host, ":") {
		host = "[" + host + "]"
	}
	return scheme + "://" + host
}

// perIPLimit and perAccountLimit throttle login and signup per client
// address, and failed logins per account, answering 429 with
// Retry-After. They count in the database, so attempts on every replica
// add up.
func (s *Server) perIPLimit() fiber.Handler {
	return s.windowLimit(windowRule{
		max:     s.limits.AuthPerIP,
		window:  time.Minute,
		key:     func(c *fiber.Ctx) string { return "auth:ip:" + c.IP() },
		reached: tooMany,
	})
}

func (s *Server) perAccountLimit() fiber.Handler {
	return s.windowLimit(windowRule{
		max:          s.limits.FailedLoginsPerAccount,
		window:       15 * time.Minute,
		failuresOnly: true,
		key:          func(c *fiber.Ctx) string { return "login:acct:" + strings.ToLower(strings.TrimSpace(requestEmail(c))) },
		reached:      tooMany,
	})
}

func tooMany(c *fiber.Ctx) error {
	return fiber.NewError(fiber.StatusTooManyRequests, "too many attempts; wait a moment and try again")
}

// requestEmail reads the email from a JSON or form body without consuming it.
func requestEmail(c *fiber.Ctx) string {
	if strings.HasPrefix(c.Get(fiber.HeaderContentType), fiber.MIMEApplicationJSON) {
		var b struct {
			Email string `json:"email"`
		}
		_ = json.Unmarshal(c.Body(), &b)
		return b.Email
	}
	return c.FormValue("email")
}

// Limits are the abuse limits; zero values take the defaults.
type Limits struct {
	AuthPerIP              int // login and signup requests per minute per client address
	FailedLoginsPerAccount int // failed logins per 15 minutes per email
	// Run and submit jobs (grading_limits.go): anonymous callers count per
	// client address, signed-in learners per account.
	GradingInFlightPerIP       int // at once, per anonymous client address
	GradingInFlightPerAccount  int // at once, per account
	GradingPerMinutePerIP      int // per minute, per anonymous client address
	GradingPerMinutePerAccount int // per minute, per account
}

func (l Limits) withDefaults() Limits {
	if l.AuthPerIP <= 0 {
		l.AuthPerIP = 30
	}
	if l.FailedLoginsPerAccount <= 0 {
		l.FailedLoginsPerAccount = 5
	}
	return l.gradingDefaults()
}

func newSessionID() string {
	b := make([]byte, 18)
	if _, err := rand.Read(b); err != nil {
		panic(err) // crypto/rand never fails on Linux
	}
	return hex.EncodeToString(b)
}

// startSession records a session and sets the cookie. It returns the token
// for API callers.
func (s *Server) startSession(c *fiber.Ctx, u store.User) (string, time.Time, error) {
	now := s.now()
	id := newSessionID()
	tok, exp, err := s.issueToken(u.ID, id, now)
	if err != nil {
		return "", exp, err
	}
	err = s.store.CreateSession(c.UserContext(), store.Session{ID: id, UserID: u.ID, CreatedAt: now, ExpiresAt: exp, IP: c.IP(), UserAgent: truncate(c.Get(fiber.HeaderUserAgent), 200)})
	if err != nil {
		return "", exp, err
	}
	c.Cookie(&fiber.Cookie{Name: sessionCookie, Value: tok, Path: "/", Expires: exp, HTTPOnly: true, Secure: s.secureCookies, SameSite: "Lax"})
	return tok, exp, nil
}

func (s *Server) clearSessionCookie(c *fiber.Ctx) {
	c.Cookie(&fiber.Cookie{Name: sessionCookie, Value: "", Path: "/", Expires: time.Unix(0, 0), MaxAge: -1, HTTPOnly: true, Secure: s.secureCookies, SameSite: "Lax"})
}

// fieldErrors maps a form field to a message key in the catalog.
type fieldErrors map[string]string

func truncate(s string, n int) string {
	if len(s) <= n {
		return s
	}
	return s[:n]
}
