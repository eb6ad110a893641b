package labs

import (
	"embed"
	"io/fs"
)

//go:embed query etl quality code
var embedded embed.FS

// Embedded is the portal's own lab catalog as a Source.
func Embedded() Source { return Source{Name: "", FS: embedded} }

var _ fs.FS = embedded
