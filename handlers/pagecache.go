package handlers

import (
	"bytes"
	"compress/gzip"
	"crypto/sha256"
	"encoding/hex"
	"strings"
	"sync"

	"github.com/gofiber/fiber/v2"
)

// pageCache keeps pages that are the same for every anonymous visitor
// (guides, once rendered) as ready-to-send bytes, plain and gzipped. Content
// never changes while the server runs, so entries never go stale.
type pageCache struct {
	mu    sync.RWMutex
	pages map[string]*cachedPage
}

type cachedPage struct {
	plain, gz []byte
	etag      string
}

func newPageCache() *pageCache { return &pageCache{pages: map[string]*cachedPage{}} }

// anonymousCacheable says whether a request gets the shared page: no
// session, no query string.
func anonymousCacheable(c *fiber.Ctx) bool {
	return currentUser(c) == nil && len(c.Request().URI().QueryString()) == 0
}

// serveCached answers from the cache, building the page's data and
// rendering it only on a miss.
func (s *Server) serveCached(c *fiber.Ctx, key, tmpl string, build func() view) error {
	s.pages.mu.RLock()
	p := s.pages.pages[key]
	s.pages.mu.RUnlock()
	if p == nil {
		var buf bytes.Buffer
		if err := s.app.Config().Views.Render(&buf, tmpl, build(), "layouts/base"); err != nil {
			return err
		}
		var gz bytes.Buffer
		w, _ := gzip.NewWriterLevel(&gz, gzip.BestCompression)
		w.Write(buf.Bytes())
		w.Close()
		sum := sha256.Sum256(buf.Bytes())
		p = &cachedPage{plain: buf.Bytes(), gz: gz.Bytes(), etag: `"` + hex.EncodeToString(sum[:8]) + `"`}
		s.pages.mu.Lock()
		s.pages.pages[key] = p
		s.pages.mu.Unlock()
	}
	c.Set(fiber.HeaderContentType, fiber.MIMETextHTMLCharsetUTF8)
	c.Set(fiber.HeaderETag, p.etag)
	c.Set(fiber.HeaderVary, "Accept-Encoding")
	if c.Get(fiber.HeaderIfNoneMatch) == p.etag {
		return c.SendStatus(fiber.StatusNotModified)
	}
	if strings.Contains(c.Get(fiber.HeaderAcceptEncoding), "gzip") {
		// Setting the encoding makes the compress middleware leave it alone.
		c.Set(fiber.HeaderContentEncoding, "gzip")
		return c.Send(p.gz)
	}
	return c.Send(p.plain)
}
