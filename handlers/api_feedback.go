package handlers

import (
	"ladder/domain"
	"time"

	"github.com/gofiber/fiber/v2"
)

func (s *Server) apiComment(c *fiber.Ctx) error {
	id, err := idParam(c, "id")
	if err != nil {
		return err
	}
	var in struct {
		Body string `json:"body"`
	}
	if err := decodeJSON(c, &in); err != nil {
		return err
	}
	cid, _, err := s.ops.Comment(c.UserContext(), currentUser(c), id, in.Body)
	if err != nil {
		return err
	}
	return c.Status(fiber.StatusCreated).JSON(fiber.Map{"id": cid, "submission_id": id})
}

func (s *Server) apiEndorse(c *fiber.Ctx) error {
	id, err := idParam(c, "id")
	if err != nil {
		return err
	}
	var in domain.EndorseInput
	if err := decodeJSON(c, &in); err != nil {
		return err
	}
	eid, err := s.ops.Endorse(c.UserContext(), currentUser(c), id, in)
	if err != nil {
		return err
	}
	return c.Status(fiber.StatusCreated).JSON(fiber.Map{"id": eid})
}

type apiComment struct {
	ID        int64  `json:"id"`
	AuthorID  int64  `json:"author_id"`
	Author    string `json:"author"`
	Body      string `json:"body"`
	CreatedAt string `json:"created_at"`
}

// submissionComments returns the mentors' comments on a submission.
func (s *Server) submissionComments(c *fiber.Ctx, id int64) ([]apiComment, error) {
	list, err := s.store.CommentsOn(c.UserContext(), id)
	if err != nil {
		return nil, err
	}
	out := make([]apiComment, 0, len(list))
	for _, cm := range list {
		out = append(out, apiComment{ID: cm.ID, AuthorID: cm.AuthorID, Author: cm.Author, Body: cm.Body, CreatedAt: cm.CreatedAt.UTC().Format(time.RFC3339)})
	}
	return out, nil
}
