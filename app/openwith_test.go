package app

import (
	"encoding/xml"
	"io"
	"os"
	"slices"
	"strings"
	"sync"
	"testing"
)

// Paths that come before the window is built (macOS hands "Open with" files over while
// GLFW starts) wait, in order, and go to the window once it is there; later ones go
// straight to it.
func TestInboxKeepsPathsUntilTheWindowIsThere(t *testing.T) {
	var b inbox
	b.put([]string{"/a"})
	b.put([]string{"/b", "/c"})
	var mu sync.Mutex
	var got [][]string
	b.deliverTo(func(p []string) { mu.Lock(); got = append(got, p); mu.Unlock() })
	b.put([]string{"/d"})
	want := [][]string{{"/a"}, {"/b", "/c"}, {"/d"}}
	if !slices.EqualFunc(got, want, slices.Equal) {
		t.Fatalf("the window got %v, want %v", got, want)
	}
}

// The document types merged into Hoist.app's Info.plist (README) are a well-formed plist
// that offers Hoist for files and folders without claiming to be their default app.
func TestMacDocumentTypesPlist(t *testing.T) {
	data, err := os.ReadFile("../assets/macos/DocumentTypes.plist")
	if err != nil {
		t.Fatal(err)
	}
	d := xml.NewDecoder(strings.NewReader(string(data)))
	var text []string
	for {
		tok, err := d.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Fatalf("not well-formed: %v", err)
		}
		if c, ok := tok.(xml.CharData); ok && strings.TrimSpace(string(c)) != "" {
			text = append(text, strings.TrimSpace(string(c)))
		}
	}
	for _, want := range []string{"CFBundleDocumentTypes", "LSItemContentTypes", "public.data", "public.folder", "Alternate", "Viewer"} {
		if !slices.Contains(text, want) {
			t.Errorf("the plist lacks %s: %v", want, text)
		}
	}
}
