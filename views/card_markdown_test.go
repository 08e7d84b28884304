package views

import (
	"strings"
	"testing"
)

func TestRenderCardMarkdownAllowsOnlyTheDecksImages(t *testing.T) {
	tests := []struct {
		name, src string
		want      []string
		never     []string
	}{
		{"bare name", "![Retention chart](chart.png)", []string{`<img src="/study/decks/7/media/chart.png" alt="Retention chart">`}, nil},
		{"escaped name", "![x](<my chart.png>)", []string{`src="/study/decks/7/media/my%20chart.png"`}, nil},
		{"another site", "![tracker](https://evil.example/t.png)", []string{"[image: tracker]"}, []string{"<img", "evil.example"}},
		{"another deck's route", "![x](/study/decks/5/media/x.png)", []string{"[image: x]"}, []string{"<img"}},
		{"parent path", "![x](../5/media/x.png)", []string{"[image: x]"}, []string{"<img"}},
		{"inline data", "![x](data:image/png;base64,AAAA)", []string{"[image: x]"}, []string{"<img", "data:"}},
		{"raw html", `<img src="https://evil.example/t.png" onerror="alert(1)">`, nil, []string{"<img", "onerror", "evil.example"}},
		{"links stay", "[HIPAA](https://www.hhs.gov/hipaa)", []string{`href="https://www.hhs.gov/hipaa"`, `rel="nofollow"`}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := RenderCardMarkdown(tt.src, 7)
			if err != nil {
				t.Fatal(err)
			}
			for _, w := range tt.want {
				if !strings.Contains(string(got), w) {
					t.Errorf("got %s, want it to contain %s", got, w)
				}
			}
			for _, n := range tt.never {
				if strings.Contains(string(got), n) {
					t.Errorf("got %s, want no %s", got, n)
				}
			}
		})
	}
}
