package chart

import (
	"encoding/xml"
	"html/template"
	"strconv"
	"strings"
	"testing"
)

// node is a generic XML element, enough to walk an SVG.
type node struct {
	XMLName  xml.Name
	Attrs    []xml.Attr `xml:",any,attr"`
	Text     string     `xml:",chardata"`
	Children []node     `xml:",any"`
}

// parseSVG proves the chart is well-formed XML and returns its root.
func parseSVG(t *testing.T, svg template.HTML) node {
	t.Helper()
	var root node
	if err := xml.Unmarshal([]byte(svg), &root); err != nil {
		t.Fatalf("chart is not well-formed XML: %v\n%s", err, svg)
	}
	if root.XMLName.Local != "svg" {
		t.Fatalf("root element: got %q, want svg", root.XMLName.Local)
	}
	return root
}

// attr returns the value of the named attribute, or "".
func (n node) attr(name string) string {
	for _, a := range n.Attrs {
		if a.Name.Local == name {
			return a.Value
		}
	}
	return ""
}

// float reads a numeric attribute.
func (n node) float(t *testing.T, name string) float64 {
	t.Helper()
	v, err := strconv.ParseFloat(n.attr(name), 64)
	if err != nil {
		t.Fatalf("attribute %s of <%s>: %v", name, n.XMLName.Local, err)
	}
	return v
}

// all returns every element below n (n included) for which keep is true, in
// document order.
func (n node) all(keep func(node) bool) []node {
	var found []node
	if keep(n) {
		found = append(found, n)
	}
	for _, child := range n.Children {
		found = append(found, child.all(keep)...)
	}
	return found
}

// withClass matches elements of the given name whose class list holds class.
func withClass(name, class string) func(node) bool {
	return func(n node) bool {
		return n.XMLName.Local == name && hasClass(n, class)
	}
}

func hasClass(n node, class string) bool {
	for _, c := range strings.Fields(n.attr("class")) {
		if c == class {
			return true
		}
	}
	return false
}

// texts returns the character data of every <text> element.
func (n node) texts() []string {
	var out []string
	for _, e := range n.all(func(e node) bool { return e.XMLName.Local == "text" }) {
		out = append(out, e.Text)
	}
	return out
}

// child returns the first direct child element with the given name.
func (n node) child(name string) (node, bool) {
	for _, c := range n.Children {
		if c.XMLName.Local == name {
			return c, true
		}
	}
	return node{}, false
}

func near(got, want float64) bool {
	d := got - want
	return d < 0.11 && d > -0.11
}
