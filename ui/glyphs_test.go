package ui

import (
	"encoding/json"
	"io/fs"
	"path"
	"strings"
	"testing"

	"hoist/assets"
)

// brokenArrows are the arrows Fyne (v2.8.1) takes from its bundled symbol font, which has
// no space: followed by a space, such an arrow is drawn with a replacement glyph "�"
// after it and a wide gap ("Setup →�  Application Setup" in the connection editor, seen
// under Xvfb and in the test driver alike). "›" comes from the text font and reads well.
var brokenArrows = []string{"←", "↑", "→", "↓"}

// No sentence the window can show holds such an arrow before a space or at its end. The
// command line's own sentences (cli.*) are written to a terminal, which draws them.
func TestWindowSentencesHaveNoArrowFyneDrawsBroken(t *testing.T) {
	entries, err := fs.ReadDir(assets.Messages, "messages")
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range entries {
		if strings.HasPrefix(f.Name(), "cli.") {
			continue
		}
		data, err := fs.ReadFile(assets.Messages, path.Join("messages", f.Name()))
		if err != nil {
			t.Fatal(err)
		}
		var msgs map[string]json.RawMessage
		if err := json.Unmarshal(data, &msgs); err != nil {
			t.Fatalf("%s: %v", f.Name(), err)
		}
		for id, raw := range msgs {
			var texts []string
			var one string
			var forms map[string]string
			if json.Unmarshal(raw, &one) == nil {
				texts = []string{one}
			} else if err := json.Unmarshal(raw, &forms); err == nil {
				for _, s := range forms {
					texts = append(texts, s)
				}
			}
			for _, s := range texts {
				for _, a := range brokenArrows {
					if strings.Contains(s+" ", a+" ") || strings.Contains(s, a+"\n") {
						t.Errorf("%s %s: %q before a space is drawn with a stray glyph; write › instead", f.Name(), id, a)
					}
				}
			}
		}
	}
}
