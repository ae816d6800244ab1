package uploader_test

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"hoist/internal/words"
	"hoist/sandbox"
	"hoist/uploader"
)

// An upload to a server that refuses connections, or that drops every connection in the
// middle of the body, ends with a sentence naming the server in every language, without
// Go's text ("dial tcp …: connection refused", "Post \"…\"", "EOF", "reset by peer").
func TestE2ENetworkFailuresAreSentences(t *testing.T) {
	defer words.Use(words.Current())
	goText := []string{"dial tcp", "connect:", "connection refused", "Post \"", "EOF", "reset by peer", "broken pipe", "write tcp", "read tcp"}
	refused := closedPort(t)
	dropping := startBox(t, 0)
	dropping.SetFaults(sandbox.Faults{DropEvery: 1})
	dir := t.TempDir()
	big := filepath.Join(dir, "big.jpg")
	if err := os.WriteFile(big, bytes.Repeat([]byte("hoist "), 400_000), 0o644); err != nil {
		t.Fatal(err)
	}
	items, _ := uploader.Walk([]string{big})
	for _, c := range []struct {
		name, base, names string
	}{
		{"refused", "http://" + refused, refused},
		{"dropped", dropping.url, ""},
	} {
		req := uploader.Request{Conn: demoScene7(t, c.base, false), JobName: "e2e", DestFolder: "n", Options: uploader.DefaultOptions(), Items: items}
		_, err := testClient().Upload(context.Background(), req, nil)
		if err == nil {
			t.Fatalf("%s: uploaded", c.name)
		}
		for _, lang := range []string{"en", "fr", "ja"} {
			words.Use(lang)
			s := words.Error(err)
			for _, g := range goText {
				if strings.Contains(s, g) {
					t.Errorf("%s %s: %q has Go's %q", c.name, lang, s, g)
				}
			}
			if !strings.Contains(s, c.names) {
				t.Errorf("%s %s: %q does not name %s", c.name, lang, s, c.names)
			}
		}
	}
}
