package handlers

import (
	"embed"
	"encoding/json"
	"fmt"
	"io/fs"
	"sort"

	"github.com/gofiber/fiber/v2"
	"gopkg.in/yaml.v3"
)

// openAPIFiles holds the API description: base.yaml (info, shared schemas, auth) and
// one file per area with its paths and schemas, merged at start-up.
//
//go:embed openapi/*.yaml
var openAPIFiles embed.FS

// OpenAPIDocument is the merged API description as JSON, as /api/v1/openapi.json
// serves it (the CLI prints it for linters).
func OpenAPIDocument() ([]byte, error) { return buildOpenAPI() }

// buildOpenAPI merges the area files into base.yaml and returns the JSON document.
func buildOpenAPI() ([]byte, error) {
	doc, err := readYAML("openapi/base.yaml")
	if err != nil {
		return nil, err
	}
	names, err := fs.Glob(openAPIFiles, "openapi/*.yaml")
	if err != nil {
		return nil, err
	}
	sort.Strings(names)
	for _, name := range names {
		if name == "openapi/base.yaml" {
			continue
		}
		part, err := readYAML(name)
		if err != nil {
			return nil, err
		}
		if err := mergeSection(doc, part, "paths", name); err != nil {
			return nil, err
		}
		if err := mergeSchemas(doc, part, name); err != nil {
			return nil, err
		}
	}
	return json.Marshal(doc)
}

func readYAML(name string) (map[string]any, error) {
	raw, err := openAPIFiles.ReadFile(name)
	if err != nil {
		return nil, err
	}
	var out map[string]any
	if err := yaml.Unmarshal(raw, &out); err != nil {
		return nil, fmt.Errorf("parse %s: %w", name, err)
	}
	return out, nil
}

// mergeSection copies the entries of part[key] into doc[key], refusing duplicates so
// two areas cannot silently describe one path differently.
func mergeSection(doc, part map[string]any, key, name string) error {
	src, _ := part[key].(map[string]any)
	if len(src) == 0 {
		return nil
	}
	dst, _ := doc[key].(map[string]any)
	if dst == nil {
		dst = map[string]any{}
		doc[key] = dst
	}
	for k, v := range src {
		if _, dup := dst[k]; dup {
			return fmt.Errorf("%s: %s %q is already described", name, key, k)
		}
		dst[k] = v
	}
	return nil
}

func mergeSchemas(doc, part map[string]any, name string) error {
	partComponents, _ := part["components"].(map[string]any)
	if partComponents == nil {
		return nil
	}
	docComponents, _ := doc["components"].(map[string]any)
	if docComponents == nil {
		docComponents = map[string]any{}
		doc["components"] = docComponents
	}
	return mergeSection(docComponents, partComponents, "schemas", name)
}

func (h *Handlers) showOpenAPI(c *fiber.Ctx) error {
	c.Set(fiber.HeaderContentType, fiber.MIMEApplicationJSON)
	return c.Send(h.openAPI)
}
