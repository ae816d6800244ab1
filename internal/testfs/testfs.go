// Package testfs writes folder trees for tests: the awkward names every upload path must
// carry intact, in one place.
package testfs

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// Write creates files (slash-separated relative path → content) under root.
func Write(t testing.TB, root string, files map[string]string) {
	t.Helper()
	for rel, content := range files {
		p := filepath.Join(root, filepath.FromSlash(rel))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

// Tree writes files under a new temporary folder and returns it.
func Tree(t testing.TB, files map[string]string) string {
	t.Helper()
	dir := t.TempDir()
	Write(t, dir, files)
	return dir
}

// Awkward returns a campaign folder whose names break naive clients: accents, Japanese,
// spaces, quotes and <&>, an empty file, nested folders and a file of several MiB.
func Awkward() map[string]string {
	return map[string]string{
		"Campagne été/affiche – été.jpg":           "accent",
		"Campagne été/日本語/写真 1.jpg":                strings.Repeat("写真", 1000),
		"Campagne été/quotes \"q\" 'a' <&>.png":    "special",
		"Campagne été/empty.txt":                   "",
		"Campagne été/deep/er/and deeper/leaf.tif": "leaf",
		"Campagne été/big.bin":                     strings.Repeat("0123456789abcdef", 3<<16), // 3 MiB
	}
}
