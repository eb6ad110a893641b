package content

import (
	"bytes"
	"errors"
	"fmt"

	"gopkg.in/yaml.v3"
)

// SplitFrontMatter separates a leading "---" YAML block from the Markdown
// body after it.
func SplitFrontMatter(data []byte) (meta, body []byte, err error) {
	data = bytes.TrimPrefix(data, []byte("\xef\xbb\xbf"))
	data = bytes.ReplaceAll(data, []byte("\r\n"), []byte("\n"))
	if !bytes.HasPrefix(data, []byte("---\n")) {
		return nil, nil, errors.New("front matter: file must start with a line '---'")
	}
	rest := data[4:]
	end := bytes.Index(rest, []byte("\n---\n"))
	switch {
	case end >= 0:
		return rest[:end+1], rest[end+5:], nil
	case bytes.HasSuffix(rest, []byte("\n---")):
		return rest[:len(rest)-3], nil, nil
	}
	return nil, nil, errors.New("front matter: no closing '---' line")
}

// DecodeStrict decodes YAML into v and rejects keys v does not declare, so a
// misspelt key is an error rather than a silently ignored line.
func DecodeStrict(data []byte, v any) error {
	dec := yaml.NewDecoder(bytes.NewReader(data))
	dec.KnownFields(true)
	if err := dec.Decode(v); err != nil {
		if errors.Is(err, errEOF) {
			return errors.New("front matter: empty")
		}
		return fmt.Errorf("front matter: %w", yamlError(err))
	}
	return nil
}

var errEOF = func() error {
	var v any
	return yaml.NewDecoder(bytes.NewReader(nil)).Decode(&v)
}()
