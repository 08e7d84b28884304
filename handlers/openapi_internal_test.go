package handlers

import (
	"encoding/json"
	"testing"
)

// TestOpenAPIOperationsNamedAndTagged checks that every operation has a unique
// operationId and at least one tag declared at the top of the document, as client
// generators and documentation tools expect.
func TestOpenAPIOperationsNamedAndTagged(t *testing.T) {
	raw, err := buildOpenAPI()
	if err != nil {
		t.Fatal(err)
	}
	var doc struct {
		Tags  []struct{ Name string } `json:"tags"`
		Paths map[string]map[string]json.RawMessage
	}
	if err := json.Unmarshal(raw, &doc); err != nil {
		t.Fatal(err)
	}
	declared := map[string]bool{}
	for _, tag := range doc.Tags {
		declared[tag.Name] = true
	}
	seen := map[string]string{}
	for path, item := range doc.Paths {
		for method, body := range item {
			if method == "parameters" {
				continue
			}
			var op struct {
				OperationID string   `json:"operationId"`
				Tags        []string `json:"tags"`
			}
			if err := json.Unmarshal(body, &op); err != nil {
				t.Fatal(err)
			}
			where := method + " " + path
			if op.OperationID == "" || seen[op.OperationID] != "" {
				t.Errorf("%s: got operationId %q (also on %q), want a unique one", where, op.OperationID, seen[op.OperationID])
			}
			seen[op.OperationID] = where
			if len(op.Tags) == 0 {
				t.Errorf("%s: got no tags", where)
			}
			for _, tag := range op.Tags {
				if !declared[tag] {
					t.Errorf("%s: tag %q is not declared at the top of the document", where, tag)
				}
			}
		}
	}
}
