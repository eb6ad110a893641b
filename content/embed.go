// Package content loads Ladder's guides and competency framework from
// Markdown and YAML files into an immutable, validated index.
package content

import "embed"

// Files holds the content shipped inside the binary. --content-dir replaces it
// with an author's own folder of the same shape.
//
//go:embed competencies.yaml guides curricula tasks
var Files embed.FS
