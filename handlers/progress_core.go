package handlers

import (
	"time"

	"github.com/gofiber/fiber/v2"

	"ladder/labs"
)

// maxSQL is the largest submission the handlers pass on: 64 KB.
var maxSQL = labs.DefaultLimits.MaxSQLBytes

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
