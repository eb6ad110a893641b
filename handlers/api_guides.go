package handlers

import "github.com/gofiber/fiber/v2"

type apiGuide struct {
	Slug             string   `json:"slug"`
	Title            string   `json:"title"`
	Lang             string   `json:"lang"`
	Level            string   `json:"level"`
	Competencies     []string `json:"competencies"`
	Track            string   `json:"track"`
	Summary          string   `json:"summary"`
	TranslationKey   string   `json:"translation_key"`
	EstimatedMinutes int      `json:"estimated_minutes"`
}

// apiGuides lists every guide in both languages; ?lang= narrows it to one.
func (s *Server) apiGuides(c *fiber.Ctx) error {
	lang := c.Query("lang")
	out := []apiGuide{}
	for _, g := range s.content.Guides {
		if lang != "" && g.Lang != lang {
			continue
		}
		out = append(out, apiGuide{
			Slug: g.Slug, Title: g.Title, Lang: g.Lang, Level: g.Level, Competencies: g.Competencies,
			Track: g.Track, Summary: g.Summary, TranslationKey: g.TranslationKey, EstimatedMinutes: g.EstimatedMinutes,
		})
	}
	return c.JSON(out)
}
