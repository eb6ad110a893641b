package handlers

import (
	"ladder/domain"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/gofiber/fiber/v2"
)

// FuzzRequestDecoders sends arbitrary bodies to the JSON decoders the API
// uses. Every answer must be a 2xx or a 4xx with a JSON message; none may be
// a 5xx or a panic.
func FuzzRequestDecoders(f *testing.F) {
	app := fiber.New(fiber.Config{ErrorHandler: func(c *fiber.Ctx, err error) error {
		code := fiber.StatusInternalServerError
		if fe, ok := err.(*fiber.Error); ok {
			code = fe.Code
		}
		return c.Status(code).JSON(fiber.Map{"error": err.Error()})
	}})
	app.Post("/sql", func(c *fiber.Ctx) error {
		sqlText, err := readSQL(c)
		if err != nil {
			return err
		}
		return c.JSON(fiber.Map{"len": len(sqlText)})
	})
	app.Post("/due", func(c *fiber.Ctx) error {
		var in struct {
			Due string `json:"due"`
		}
		if err := decodeJSON(c, &in); err != nil {
			return err
		}
		if _, err := domain.ParseDue(in.Due); err != nil {
			return fiber.NewError(fiber.StatusBadRequest, err.Error())
		}
		return c.SendStatus(fiber.StatusNoContent)
	})
	for _, seed := range []string{`{"sql":"SELECT 1"}`, `{"sql":null}`, `{"sql":1}`, `[]`, `{`, ``, `{"email":"a@b.co","password":"0123456789","display_name":"x"}`, `{"due":"2026-12-31"}`, `{"due":"2026-13-45T99:00:00Z"}`, "\xff"} {
		f.Add(seed)
	}
	f.Fuzz(func(t *testing.T, body string) {
		for _, path := range []string{"/sql", "/due"} {
			req := httptest.NewRequest("POST", path, strings.NewReader(body))
			req.Header.Set("Content-Type", "application/json")
			resp, err := app.Test(req, -1)
			if err != nil {
				t.Fatalf("%s: %v", path, err)
			}
			resp.Body.Close()
			if resp.StatusCode >= 500 {
				t.Fatalf("%s with %q: status %d", path, body, resp.StatusCode)
			}
		}
	})
}
