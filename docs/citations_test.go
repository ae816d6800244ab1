// Package docs holds Hoist's documentation; its test keeps the code's citations of
// protocol.md pointing at sections that exist.
package docs

import (
	"bufio"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// citation finds a mention of protocol.md followed closely by a section sign and a
// heading; one line may cite several sections after it.
var citation = regexp.MustCompile(`protocol\.md[^§\n]{0,12}§`)

func headings(t *testing.T) []string {
	t.Helper()
	f, err := os.Open("protocol.md")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var out []string
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		if h, ok := strings.CutPrefix(sc.Text(), "## "); ok {
			out = append(out, strings.TrimSpace(h))
		}
	}
	return out
}

// TestCitedSectionsExist reads every Go file of the repository for citations of
// protocol.md and checks that each names a section heading.
func TestCitedSectionsExist(t *testing.T) {
	hs := headings(t)
	seen := map[string]bool{}
	for _, h := range hs {
		if seen[h] {
			t.Errorf("two sections are called %q: a citation could not say which", h)
		}
		seen[h] = true
	}
	cited := 0
	err := filepath.WalkDir("..", func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() && (strings.HasPrefix(d.Name(), ".") && p != "..") {
			return filepath.SkipDir
		}
		if d.IsDir() || !strings.HasSuffix(p, ".go") {
			return nil
		}
		b, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		for i, line := range strings.Split(string(b), "\n") {
			if !citation.MatchString(line) {
				continue
			}
			for _, part := range strings.Split(line, "§")[1:] {
				cited++
				if !citesHeading(part, hs) {
					t.Errorf("%s:%d cites a section protocol.md does not have: §%s", p, i+1, part)
				}
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if cited == 0 {
		t.Fatal("no citation found: the walk did not reach the code")
	}
}

// citesHeading reports whether text after "§" starts with a heading, followed by the end
// or by something that is not a letter (a comma, a parenthesis, " and", …).
func citesHeading(text string, hs []string) bool {
	for _, h := range hs {
		rest, ok := strings.CutPrefix(text, h)
		if !ok {
			continue
		}
		if rest == "" || !isWordChar(rest[0]) {
			return true
		}
	}
	return false
}

func isWordChar(c byte) bool {
	return c == '_' || c == '-' || c >= '0' && c <= '9' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z'
}
