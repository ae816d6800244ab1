package uploader_test

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"hoist/sandbox"
	"hoist/uploader"
)

// Every option of the table, switched on alone and all together, is accepted by the
// sandbox, whose schema is written independently from the published WSDL's beans: the
// engine's element order, names and values agree with it.
func TestEveryOptionIsAcceptedBySandbox(t *testing.T) {
	srv, err := sandbox.Start(sandbox.Config{Dir: t.TempDir()}, "")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { srv.Close() })
	ep, err := uploader.CustomEndpoint(uploader.Scene7, srv.Scene7UploadURL(), "", false)
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "a.jpg"), []byte("jpeg"), 0o644); err != nil {
		t.Fatal(err)
	}
	items, _ := uploader.Walk([]string{filepath.Join(dir, "a.jpg")})
	client := uploader.NewClient()

	all := uploader.DefaultOptions()
	cases := map[string]uploader.Options{}
	for _, f := range uploader.Fields {
		v := sampleValue(f)
		if err := all.Set(f.Path, v); err != nil {
			t.Fatalf("Set(%s): %v", f.Path, err)
		}
	}
	// Each top-level block alone, with every element inside it set.
	for _, b := range uploader.Fields {
		if b.Kind != uploader.KindBlock || strings.Contains(b.Path, ".") {
			continue
		}
		one := uploader.DefaultOptions()
		for _, f := range uploader.Fields {
			if f.Path == b.Path || strings.HasPrefix(f.Path, b.Path+".") {
				if err := one.Set(f.Path, sampleValue(f)); err != nil {
					t.Fatal(err)
				}
			}
		}
		cases[b.Path] = one
	}
	cases["every option"] = all
	for name, opts := range cases {
		t.Run(name, func(t *testing.T) {
			res, err := client.Upload(context.Background(), uploader.Request{
				Conn: uploader.Conn{Endpoint: ep,
					Credentials: uploader.Credentials{User: sandbox.DemoUser, Password: sandbox.DemoPassword},
					Company:     sandbox.DemoCompany},
				DestFolder: "opts", Options: opts, Items: items,
			}, nil)
			if err != nil {
				t.Fatalf("refused: %v", err)
			}
			for _, f := range res.Files {
				if f.Err != nil {
					t.Fatalf("%s: %v", f.Rel, f.Err)
				}
			}
		})
	}
}

// sampleValue is a valid, non-default value for a field.
func sampleValue(f uploader.Field) any {
	switch f.Kind {
	case uploader.KindBlock, uploader.KindBool:
		return true
	case uploader.KindInt:
		return int(f.Max)
	case uploader.KindFloat:
		return f.Max / 2
	case uploader.KindChoice:
		return f.Choices[len(f.Choices)-1]
	case uploader.KindHandles:
		return []string{"a|1", "b|2"}
	}
	if f.Path == "postHttpUrl" {
		return "https://example.invalid/hook"
	}
	return "text <&> été"
}
