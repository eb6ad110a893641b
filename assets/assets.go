// Package assets serves Ladder's static files. Each file's URL carries a
// hash of its content so browsers may cache it for a year.
package assets

import (
	"crypto/sha256"
	"embed"
	"encoding/hex"
	"fmt"
	"io/fs"
	"mime"
	"path"
	"strings"
)

//go:embed css js vendor
var files embed.FS

// File is one static file ready to serve.
type File struct {
	Name        string // logical name, e.g. "css/app.css"
	URL         string // e.g. "/assets/css/app.1a2b3c4d5e.css"
	ContentType string
	Body        []byte
}

// Set is the immutable collection of static files.
type Set struct {
	byName map[string]*File
	byURL  map[string]*File
}

// Prefix is where assets are served.
const Prefix = "/assets/"

// Load reads the embedded files and adds the generated ones (for example the
// code-highlighting stylesheet, which comes from the highlighter's style).
func Load(generated map[string][]byte) (*Set, error) {
	s := &Set{byName: map[string]*File{}, byURL: map[string]*File{}}
	err := fs.WalkDir(files, ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := files.ReadFile(p)
		if err != nil {
			return err
		}
		s.add(p, b)
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("assets: %w", err)
	}
	for name, b := range generated {
		s.add(name, b)
	}
	return s, nil
}

func (s *Set) add(name string, body []byte) {
	sum := sha256.Sum256(body)
	ext := path.Ext(name)
	hashed := strings.TrimSuffix(name, ext) + "." + hex.EncodeToString(sum[:5]) + ext
	ct := mime.TypeByExtension(ext)
	if ct == "" {
		ct = "application/octet-stream"
	}
	f := &File{Name: name, URL: Prefix + hashed, ContentType: ct, Body: body}
	s.byName[name] = f
	s.byURL[f.URL] = f
}

// URL returns the hashed URL of the named file. An unknown name is a bug in
// a template, so it panics at render time, which tests catch.
func (s *Set) URL(name string) string {
	f := s.byName[name]
	if f == nil {
		panic(fmt.Sprintf("assets: unknown asset %q", name))
	}
	return f.URL
}

// ByURL returns the file served at url, or nil.
func (s *Set) ByURL(url string) *File { return s.byURL[url] }
